// Retool API v2 paging: GET /api/v2/users?limit=100 with next_token through a million
// members, on SQLite and PostgreSQL. The first, middle and last pages under load (8
// connections, medians of several runs): keyset paging makes the last as fast as the first.
// Usage: node bench/retool-v2.mjs   (BENCH_DIALECTS=sqlite,postgres BENCH_USERS=1000000
//        BENCH_RUNS=3 BENCH_DURATION=5 BENCH_PG_URL=postgres://postgres@127.0.0.1:5432)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { load, medianOf } from './lib/load.mjs';
import { connect, defaultWorkspace, seedMembers, userId } from './lib/seed.mjs';
import { buildServer, cli, toolplane } from './lib/servers.mjs';

const DIALECTS = (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',');
const USERS = Number(process.env.BENCH_USERS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const SECRET_KEY = 'd'.repeat(64);
const LIMIT = 100;
/** When the seed makes every member join (bench/lib/seed.mjs): pages after a member are keyed by it. */
const SEEDED_AT = '2026-01-01T00:00:00.000Z';
const START_ARGS = buildServer();
const createdDatabases = [];

/** A fresh, migrated database with an instance-wide token: SQLite in a temporary folder, or a new PostgreSQL database. */
async function freshTarget(dialect) {
  let target;
  if (dialect === 'sqlite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'toolplane-bench-retool-'));
    target = { dialect, file: path.join(dataDir, 'toolplane.db'), env: { TOOLPLANE_DATA_DIR: dataDir, DATABASE_URL: '' } };
  } else {
    const database = `toolplane_bench_retool_${process.pid}`;
    createdDatabases.push(database);
    const admin = new pg.Client({ connectionString: `${PG_URL}/postgres` });
    await admin.connect();
    await admin.query(`drop database if exists ${database}`);
    await admin.query(`create database ${database}`);
    await admin.end();
    target = { dialect, url: `${PG_URL}/${database}`, env: { DATABASE_URL: `${PG_URL}/${database}`, TOOLPLANE_SECRET_KEY: SECRET_KEY } };
  }
  const out = await cli(['tokens', 'create', '--name', 'bench', '--email', 'admin@bench.example'], target.env);
  target.token = out.trim().split('\n').pop();
  return target;
}

async function seed(target) {
  const db = await connect(target);
  try {
    const started = Date.now();
    await seedMembers(db, await defaultWorkspace(db), 1, USERS);
    if (target.dialect === 'postgres') {
      await db.exec('', 'vacuum analyze');
      await db.exec('', 'checkpoint');
    } else {
      await db.exec('analyze', '');
    }
    return (Date.now() - started) / 1000;
  } finally {
    await db.close();
  }
}

/**
 * The next_token the server gives after the n-th seeded member, built as the server builds it
 * (base64url JSON of the member's joining time and id): walking there page by page would
 * take ten thousand requests before the first measurement.
 */
function tokenAfter(n) {
  return Buffer.from(JSON.stringify({ j: SEEDED_AT, u: userId(n) })).toString('base64url');
}

async function scenario(dialect) {
  const target = await freshTarget(dialect);
  const seedSeconds = await seed(target);
  console.error(`[${dialect}] seeded ${USERS} members in ${seedSeconds.toFixed(1)} s`);
  const server = await toolplane(START_ARGS, { ...target.env, RATE_LIMIT_PER_MINUTE: '0' });
  try {
    const headers = { authorization: `Bearer ${target.token}` };
    const base = `${server.baseUrl}/api/v2/users?limit=${LIMIT}`;
    const pages = {
      first: base,
      middle: `${base}&next_token=${tokenAfter(USERS / 2)}`,
      last: `${base}&next_token=${tokenAfter(USERS - LIMIT + 1)}`,
    };
    // One unmeasured pass per page: its users' small integer ids are given on first sight.
    for (const [name, url] of Object.entries(pages)) {
      const response = await fetch(url, { headers });
      const body = await response.json();
      if (!response.ok || body.data.length === 0) throw new Error(`${name} page answered ${response.status}: ${JSON.stringify(body).slice(0, 200)}`);
      if (name === 'last' && body.has_more) throw new Error('the last page says more follow');
    }
    const figures = {};
    for (const [name, url] of Object.entries(pages)) {
      await load({ url, connections: 8, duration: 2, headers });
      figures[name] = await medianOf(RUNS, async () => {
        const run = await load({ url, connections: 8, duration: DURATION, headers });
        if (run.non2xx > 0) throw new Error(`${name} page: ${run.non2xx} failed requests`);
        return { rps: run.rps, p50: run.p50, p99: run.p99 };
      });
    }
    return { seedSeconds, figures, peakRssMiB: server.peakRssMiB };
  } finally {
    await server.stop();
  }
}

const results = {};
try {
  for (const dialect of DIALECTS) results[dialect] = await scenario(dialect);
} finally {
  if (createdDatabases.length > 0) {
    const admin = new pg.Client({ connectionString: `${PG_URL}/postgres` });
    await admin.connect();
    for (const database of createdDatabases) await admin.query(`drop database if exists ${database}`);
    await admin.end();
  }
}

const lines = [
  `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, Node.js ${process.version}; ${USERS.toLocaleString('en')} members; medians of ${RUNS} runs of ${DURATION} s at 8 connections.`,
  '', '| page of GET /api/v2/users?limit=100 | database | p50 | p99 | req/s | target |', '|---|---|---|---|---|---|',
];
for (const [dialect, { figures }] of Object.entries(results)) {
  for (const [name, f] of Object.entries(figures)) {
    lines.push(`| ${name} | ${dialect} | ${f.p50} ms | ${f.p99} ms | ${Math.round(f.rps)} | p50 < 20 ms, last ≈ first |`);
  }
}
console.log(lines.join('\n'));
