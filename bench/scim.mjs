// SCIM against the native API on the same data (issue 18's speed targets).
// Usage: node bench/scim.mjs   (BENCH_DIALECTS=sqlite,postgres BENCH_USERS=1000000 BENCH_IMPORT_USERS=100000
//        BENCH_RUNS=3 BENCH_DURATION=8 BENCH_PG_URL=postgres://postgres@127.0.0.1:5432)
//
// - Lookup: GET /scim/v2/Users?filter=userName eq "…" for random members of a workspace of
//   BENCH_USERS, 16 connections; beside it GET /api/v1/users/{id} for random members.
//   Target: p99 under 10 ms.
// - Import: an Okta-style full import of a second workspace of BENCH_IMPORT_USERS members,
//   pages of count=100 one after another; the total, and the first and last page's time.
//   Beside it, the native API's pages of 100. Target: under 20 s; the last page as fast as the first.
// - Group PATCH: one PATCH adding 1,000 members to a new group, median of BENCH_RUNS. Target: under 1 s.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { load, median } from './lib/load.mjs';
import { connect, defaultWorkspace, seedMembers, userId } from './lib/seed.mjs';
import { buildServer, cli, toolplane } from './lib/servers.mjs';

const DIALECTS = (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',');
const USERS = Number(process.env.BENCH_USERS ?? 1_000_000);
const IMPORT_USERS = Number(process.env.BENCH_IMPORT_USERS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const DURATION = Number(process.env.BENCH_DURATION ?? 8);
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const SECRET_KEY = 'd'.repeat(64);
const IMPORT_WORKSPACE = '00000000-0000-4000-9000-000000000099';
const AT = '2026-01-01T00:00:00.000Z';

async function target(dialect) {
  if (dialect === 'sqlite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'toolplane-bench-scim-'));
    return {
      dialect, file: path.join(dataDir, 'toolplane.db'), env: { TOOLPLANE_DATA_DIR: dataDir, DATABASE_URL: '' },
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const database = `toolplane_bench_scim_${process.pid}`;
  const admin = new pg.Client({ connectionString: `${PG_URL}/postgres` });
  await admin.connect();
  await admin.query(`drop database if exists ${database}`);
  await admin.query(`create database ${database}`);
  await admin.end();
  return {
    dialect, url: `${PG_URL}/${database}`, env: { DATABASE_URL: `${PG_URL}/${database}`, TOOLPLANE_SECRET_KEY: SECRET_KEY },
    drop: async () => {
      const client = new pg.Client({ connectionString: `${PG_URL}/postgres` });
      await client.connect();
      await client.query(`drop database if exists ${database}`);
      await client.end();
    },
  };
}

/** The lookup workspace (the default one) gets users 1..USERS; the import workspace the next IMPORT_USERS. */
async function seed(bench) {
  const db = await connect(bench);
  try {
    const workspaceId = await defaultWorkspace(db);
    await seedMembers(db, workspaceId, 1, USERS);
    await db.exec(
      'insert into workspaces (id, name, status, created_at, updated_at) values (?, ?, ?, ?, ?)',
      'insert into workspaces (id, name, status, created_at, updated_at) values ($1, $2, $3, $4, $5)',
      [IMPORT_WORKSPACE, 'Import', 'active', AT, AT],
    );
    await seedMembers(db, IMPORT_WORKSPACE, USERS + 1, USERS + IMPORT_USERS);
    if (bench.dialect === 'postgres') {
      await db.exec('', 'vacuum analyze');
      await db.exec('', 'checkpoint');
    } else {
      await db.exec('analyze', '');
    }
    return workspaceId;
  } finally {
    await db.close();
  }
}

const randomMember = () => 1 + Math.floor(Math.random() * USERS);

async function timed(url, init) {
  const started = process.hrtime.bigint();
  const response = await fetch(url, init);
  const body = await response.json();
  if (response.status >= 300) throw new Error(`${url} answered ${response.status}: ${JSON.stringify(body)}`);
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, body };
}

/** Pages through `pages` one after another; the total, and the first and last page's times. */
async function pageThrough(pageUrl, pages, headers) {
  const times = [];
  const started = Date.now();
  for (let page = 0; page < pages; page += 1) times.push((await timed(pageUrl(page), { headers })).ms);
  return { totalSeconds: (Date.now() - started) / 1000, firstMs: times[0], lastMs: times[times.length - 1] };
}

async function bench(dialect, startArgs) {
  const t = await target(dialect);
  const token = (await cli(['tokens', 'create', '--name', 'bench', '--email', 'admin@bench.example'], t.env)).trim().split('\n').pop();
  await seed(t);
  const server = await toolplane(startArgs, { ...t.env, RATE_LIMIT_PER_MINUTE: '0' });
  const auth = { authorization: `Bearer ${token}` };
  try {
    const lookupRequest = [{
      method: 'GET',
      setupRequest: (request) => ({ ...request, path: `/scim/v2/Users?filter=${encodeURIComponent(`userName eq "user${randomMember()}@bench.example"`)}` }),
    }];
    const nativeRequest = [{ method: 'GET', setupRequest: (request) => ({ ...request, path: `/api/v1/users/${userId(randomMember())}` }) }];
    await load({ url: server.baseUrl, connections: 16, duration: 2, headers: auth, requests: lookupRequest });
    const scimRuns = [];
    const nativeRuns = [];
    for (let run = 0; run < RUNS; run += 1) {
      scimRuns.push(await load({ url: server.baseUrl, connections: 16, duration: DURATION, headers: auth, requests: lookupRequest }));
      nativeRuns.push(await load({ url: server.baseUrl, connections: 16, duration: DURATION, headers: auth, requests: nativeRequest }));
    }
    for (const run of [...scimRuns, ...nativeRuns]) if (run.non2xx > 0) throw new Error(`${run.non2xx} failed requests`);

    const pages = Math.ceil(IMPORT_USERS / 100);
    const importHeaders = { ...auth, 'x-workspace-id': IMPORT_WORKSPACE };
    const scimImport = await pageThrough((page) => `${server.baseUrl}/scim/v2/Users?startIndex=${page * 100 + 1}&count=100`, pages, importHeaders);
    const nativeImport = await pageThrough((page) => `${server.baseUrl}/api/v1/users?page=${page + 1}&pageSize=100`, pages, importHeaders);

    const patches = [];
    for (let run = 0; run < RUNS; run += 1) {
      const created = await timed(`${server.baseUrl}/scim/v2/Groups`, {
        method: 'POST', headers: { ...auth, 'content-type': 'application/scim+json' }, body: JSON.stringify({ displayName: `Bench ${run}` }),
      });
      const members = Array.from({ length: 1000 }, (_, index) => ({ value: userId(1 + run * 1000 + index) }));
      patches.push((await timed(`${server.baseUrl}/scim/v2/Groups/${created.body.id}?excludedAttributes=members`, {
        method: 'PATCH', headers: { ...auth, 'content-type': 'application/scim+json' },
        body: JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'add', path: 'members', value: members }] }),
      })).ms);
    }
    return {
      dialect,
      lookup: { p99: median(scimRuns.map((run) => run.p99)), rps: median(scimRuns.map((run) => run.rps)), p50: median(scimRuns.map((run) => run.p50)) },
      native: { p99: median(nativeRuns.map((run) => run.p99)), rps: median(nativeRuns.map((run) => run.rps)) },
      scimImport,
      nativeImport,
      patchMs: median(patches),
      runs: { scimRuns, nativeRuns, patches },
    };
  } finally {
    await server.stop();
    await t.drop();
  }
}

const startArgs = buildServer();
for (const dialect of DIALECTS) {
  const result = await bench(dialect, startArgs);
  console.log(`${dialect}: userName eq lookup ${Math.round(result.lookup.rps)} req/s, p50 ${result.lookup.p50} ms, p99 ${result.lookup.p99} ms `
    + `(native GET /users/{id}: ${Math.round(result.native.rps)} req/s, p99 ${result.native.p99} ms); `
    + `import of ${IMPORT_USERS}: ${result.scimImport.totalSeconds.toFixed(1)} s, first page ${result.scimImport.firstMs.toFixed(1)} ms, `
    + `last ${result.scimImport.lastMs.toFixed(1)} ms (native: ${result.nativeImport.totalSeconds.toFixed(1)} s, `
    + `${result.nativeImport.firstMs.toFixed(1)} / ${result.nativeImport.lastMs.toFixed(1)} ms); PATCH of 1,000 members ${result.patchMs.toFixed(0)} ms`);
  console.log(JSON.stringify(result.runs));
}
