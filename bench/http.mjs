// The HTTP benchmarks: Toolplane against a baseline (same framework, same driver, same
// queries, no Toolplane code), on SQLite and PostgreSQL, medians of several runs.
// Usage: node bench/http.mjs   (BENCH_DIALECTS=sqlite,postgres BENCH_USERS=1000000
//        BENCH_RUNS=3 BENCH_DURATION=10 BENCH_PG_URL=postgres://postgres@127.0.0.1:5432)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { load, median, medianOf } from './lib/load.mjs';
import { connect, defaultWorkspace, seedMembers, seedWorkspacesWithGroups, userId } from './lib/seed.mjs';
import { baseline, buildServer, cli, root, toolplane as startToolplane } from './lib/servers.mjs';

const DIALECTS = (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',');
const USERS = Number(process.env.BENCH_USERS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const SECRET_KEY = 'b'.repeat(64);
const EXTERNAL_TOKEN = 'bench-external-token-0123456789';
const PAGE_SIZE = 100;
const START_ARGS = buildServer();
const toolplane = (env) => startToolplane(START_ARGS, env);

/** A fresh, migrated database with a token: SQLite in a temporary folder, or a new PostgreSQL database. */
async function freshTarget(dialect, name) {
  let target;
  if (dialect === 'sqlite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `toolplane-bench-${name}-`));
    target = { dialect, dataDir, file: path.join(dataDir, 'toolplane.db'), env: { TOOLPLANE_DATA_DIR: dataDir, DATABASE_URL: '' } };
  } else {
    // The process id keeps two benchmark runs on one server apart; dropped again at the end.
    const database = `toolplane_bench_${name}_${process.pid}`;
    createdDatabases.push(database);
    const admin = new pg.Client({ connectionString: `${PG_URL}/postgres` });
    await admin.connect();
    await admin.query(`drop database if exists ${database}`);
    await admin.query(`create database ${database}`);
    await admin.end();
    const url = `${PG_URL}/${database}`;
    target = { dialect, url, env: { DATABASE_URL: url, TOOLPLANE_SECRET_KEY: SECRET_KEY } };
  }
  const out = await cli(['tokens', 'create', '--name', 'bench', '--email', 'admin@bench.example'], target.env);
  target.token = out.trim().split('\n').pop();
  return target;
}

async function seeded(target, seed) {
  const db = await connect(target);
  try {
    const workspaceId = await defaultWorkspace(db);
    const started = Date.now();
    await seed(db, workspaceId);
    // A database in service has been vacuumed by autovacuum since its rows were written, and
    // its pages written out; a freshly seeded one has not, and both would run through the
    // measurements.
    if (target.dialect === 'postgres') {
      await db.exec('', 'vacuum analyze');
      await db.exec('', 'checkpoint');
    } else {
      await db.exec('analyze', '');
    }
    return { workspaceId, seedSeconds: (Date.now() - started) / 1000 };
  } finally {
    await db.close();
  }
}

/** Cancels the statements still running on the target's PostgreSQL database; SQLite has none once a server has settled. */
async function cancelRunningQueries(target) {
  if (target.dialect !== 'postgres') return;
  const admin = new pg.Client({ connectionString: target.url });
  await admin.connect();
  try {
    await admin.query(`select pg_cancel_backend(pid) from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid() and state = 'active'`);
  } finally {
    await admin.end();
  }
}

const serverEnv = (target) => ({ ...target.env, RATE_LIMIT_PER_MINUTE: '0', ENABLE_EXTERNAL_API: 'true', EXTERNAL_API_ACCESS_TOKEN: EXTERNAL_TOKEN });
const baselineEnv = (target, workspaceId) => ({
  BENCH_WORKSPACE_ID: workspaceId,
  ...(target.dialect === 'sqlite' ? { BENCH_SQLITE_FILE: target.file } : { DATABASE_URL: target.url }),
});

function randomUserRequest(prefix) {
  return [{ method: 'GET', setupRequest: (request) => ({ ...request, path: `${prefix}/${userId(1 + Math.floor(Math.random() * USERS))}` }) }];
}

let emailCounter = 0;
function createUserRequest(label) {
  return [{
    method: 'POST',
    setupRequest: (request) => ({
      ...request,
      headers: { ...request.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ email: `new-${label}-${process.pid}-${++emailCounter}@bench.example` }),
    }),
  }];
}

async function coldStart(target) {
  const times = [];
  for (let i = 0; i < RUNS; i += 1) {
    const server = await toolplane(serverEnv(target));
    times.push(server.startMs);
    await server.stop();
  }
  return { median: median(times), runs: times };
}

async function membersScenarios(dialect) {
  const target = await freshTarget(dialect, 'members');
  const { workspaceId, seedSeconds } = await seeded(target, (db, ws) => seedMembers(db, ws, 1, USERS));
  console.error(`[${dialect}] seeded ${USERS} users in ${seedSeconds.toFixed(1)} s`);
  const startup = await coldStart(target);
  const tp = await toolplane(serverEnv(target));
  const base = await baseline(baselineEnv(target, workspaceId));
  const auth = { authorization: `Bearer ${target.token}` };
  try {
    // Both servers read a freshly seeded database; a short unmeasured pass warms their caches.
    await load({ url: tp.baseUrl, duration: 2, headers: auth, requests: randomUserRequest('/api/v1/users') });
    await load({ url: base.baseUrl, duration: 2, requests: randomUserRequest('/users') });
    const getUser = await medianOf(RUNS, async () => {
      const ours = await load({ url: tp.baseUrl, duration: DURATION, headers: auth, requests: randomUserRequest('/api/v1/users') });
      const theirs = await load({ url: base.baseUrl, duration: DURATION, requests: randomUserRequest('/users') });
      return { rps: ours.rps, p50: ours.p50, p99: ours.p99, non2xx: ours.non2xx, baseRps: theirs.rps, baseP99: theirs.p99, ratio: ours.rps / theirs.rps };
    });
    const deepest = Math.ceil(USERS / PAGE_SIZE);
    await Promise.all([tp.settle(), base.settle()]);
    const paging = await medianOf(RUNS, async () => {
      const page = (n, url, headers = {}) => load({ url: `${url}?page=${n}&pageSize=${PAGE_SIZE}`, connections: 8, duration: Math.max(3, DURATION / 2), headers });
      const first = await page(1, `${tp.baseUrl}/api/v1/users`, auth);
      const last = await page(deepest, `${tp.baseUrl}/api/v1/users`, auth);
      const baseFirst = await page(1, `${base.baseUrl}/users`);
      await base.settle();
      const baseLast = await page(deepest, `${base.baseUrl}/users`);
      // The baseline's deepest page outlasts the run; what autocannon left running must not
      // share the machine with the next measurement.
      await cancelRunningQueries(target);
      await base.settle();
      return {
        firstP50: first.p50, lastP50: last.p50, lastP99: last.p99, ratio: last.p50 / Math.max(first.p50, 1),
        baseFirstP50: baseFirst.p50, baseLastP50: baseLast.p50, non2xx: first.non2xx + last.non2xx,
      };
    });
    await Promise.all([tp.settle(), base.settle()]);
    const creates = await medianOf(RUNS, async (run) => {
      const ours = await load({ url: `${tp.baseUrl}/api/v1/users`, duration: DURATION, headers: auth, requests: createUserRequest(`tp${run}`) });
      const theirs = await load({ url: `${base.baseUrl}/users`, duration: DURATION, requests: createUserRequest(`base${run}`) });
      return { rps: ours.rps, p50: ours.p50, p99: ours.p99, non2xx: ours.non2xx, baseRps: theirs.rps, ratio: ours.rps / theirs.rps };
    });
    return { startup, getUser, paging, creates, deepest, peakRssMiB: tp.peakRssMiB, basePeakRssMiB: base.peakRssMiB };
  } finally {
    await tp.stop();
    await base.stop();
  }
}

async function toolJetListing(dialect) {
  const target = await freshTarget(dialect, 'tooljet');
  await seeded(target, (db, ws) => seedWorkspacesWithGroups(db, ws, 10_000, 5));
  const tp = await toolplane(serverEnv(target));
  try {
    const headers = { authorization: `Basic ${EXTERNAL_TOKEN}` };
    const times = [];
    let count = 0;
    for (let i = 0; i < 5 * RUNS; i += 1) {
      const started = process.hrtime.bigint();
      const response = await fetch(`${tp.baseUrl}/api/ext/users`, { headers });
      const body = await response.text();
      // Until the last byte has arrived, as autocannon times the other scenarios; parsing
      // the 7 MB of JSON is the client's work, not the server's.
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (!response.ok) throw new Error(`GET /api/ext/users answered ${response.status}`);
      count = JSON.parse(body).length;
    }
    const concurrent = await load({ url: `${tp.baseUrl}/api/ext/users`, connections: 4, duration: DURATION, headers });
    return { users: count, medianMs: median(times), runs: times, concurrentP99: concurrent.p99, concurrentRps: concurrent.rps, peakRssMiB: tp.peakRssMiB };
  } finally {
    await tp.stop();
  }
}

const createdDatabases = [];

async function dropCreatedDatabases() {
  if (createdDatabases.length === 0) return;
  const admin = new pg.Client({ connectionString: `${PG_URL}/postgres` });
  await admin.connect();
  for (const database of createdDatabases) await admin.query(`drop database if exists ${database}`);
  await admin.end();
}

const results = { machine: `${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node.js ${process.version}`, date: new Date().toISOString(), users: USERS, runs: RUNS, duration: DURATION, dialects: {} };
for (const dialect of DIALECTS) {
  const members = await membersScenarios(dialect);
  const tooljet = await toolJetListing(dialect);
  results.dialects[dialect] = { members, tooljet };
  console.error(`[${dialect}] done`);
}
await dropCreatedDatabases();
const file = path.join(root, 'bench', 'results.json');
fs.writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
console.log(table(results));

function table(r) {
  const f = (n, digits = 1) => Number(n).toFixed(digits);
  const lines = [`Machine: ${r.machine}; ${r.users.toLocaleString('en')} users; medians of ${r.runs} runs of ${r.duration} s.`, '',
    '| scenario | database | Toolplane | baseline | ratio | target |', '|---|---|---|---|---|---|'];
  for (const [dialect, { members: m, tooljet: t }] of Object.entries(r.dialects)) {
    lines.push(`| GET /users/{id}, 64 connections | ${dialect} | ${f(m.getUser.rps, 0)} req/s, p50 ${m.getUser.p50} ms, p99 ${m.getUser.p99} ms | ${f(m.getUser.baseRps, 0)} req/s, p99 ${m.getUser.baseP99} ms | ${f(m.getUser.ratio, 2)}× | ≥ 0.7×, p99 < 25 ms |`);
    lines.push(`| GET /users page ${m.deepest.toLocaleString('en')} vs page 1 (p50) | ${dialect} | ${m.paging.lastP50} ms vs ${m.paging.firstP50} ms | ${m.paging.baseLastP50} ms vs ${m.paging.baseFirstP50} ms | ${f(m.paging.ratio, 2)}× | ≤ 3× |`);
    lines.push(`| POST /users, 64 connections | ${dialect} | ${f(m.creates.rps, 0)} creates/s, p99 ${m.creates.p99} ms | ${f(m.creates.baseRps, 0)} creates/s | ${f(m.creates.ratio, 2)}× | ≥ 2,000/s (SQLite) |`);
    lines.push(`| GET /api/ext/users, ${t.users.toLocaleString('en')} users in 5 workspaces | ${dialect} | ${f(t.medianMs, 0)} ms (p99 ${t.concurrentP99} ms at 4 connections) | — | — | < 500 ms |`);
    lines.push(`| cold start to /readyz | ${dialect} | ${f(m.startup.median, 0)} ms | — | — | < 1,500 ms |`);
    lines.push(`| peak server RSS | ${dialect} | ${f(Math.max(m.peakRssMiB, t.peakRssMiB), 0)} MiB | ${f(m.basePeakRssMiB, 0)} MiB | — | < 200 MB |`);
  }
  return lines.join('\n');
}
