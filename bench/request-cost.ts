// What one request costs the server and PostgreSQL, in figures other work on the machine sways
// little: CPU time per request of this process (Node) and of the database's backends (from
// /proc, clock ticks of 10 ms), and statements per request. Toolplane runs in this process and
// is driven through Fastify's inject, `BENCH_CONNECTIONS` requests at a time.
// Usage: npx tsx bench/request-cost.ts   (BENCH_PG_URL=postgres://postgres@127.0.0.1:5432
//        BENCH_DATABASE=toolplane_bench_cost BENCH_USERS=1000000 BENCH_REQUESTS=2000
//        BENCH_CONNECTIONS=1 BENCH_SCENARIOS=scim,native,v2-first,v2-middle,v2-last)
// The database is created and seeded (bench/lib/seed.mjs) on the first run and kept; the
// PostgreSQL server must run on this machine, for /proc.
import fs from 'node:fs';
import pg from 'pg';
import { DEFAULT_RATE_LIMIT, DEFAULT_SESSION } from '../src/config.ts';
import { buildApp } from '../src/http/app.ts';
import { openRuntime } from '../src/runtime/runtime.ts';
import { connect, defaultWorkspace, seedMembers, userId } from './lib/seed.mjs';

const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const DATABASE = process.env.BENCH_DATABASE ?? 'toolplane_bench_cost';
const USERS = Number(process.env.BENCH_USERS ?? 1_000_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 1);
const SCENARIOS = (process.env.BENCH_SCENARIOS ?? 'scim,native,v2-first,v2-middle,v2-last').split(',');
const URL = `${PG_URL}/${DATABASE}`;
const SEEDED_AT = '2026-01-01T00:00:00.000Z';

const member = (i: number) => 1 + ((i * 7919) % USERS);
const afterMember = (n: number) => Buffer.from(JSON.stringify({ j: SEEDED_AT, u: userId(n) })).toString('base64url');
const PATHS: Record<string, (i: number) => string> = {
  'scim': (i) => `/scim/v2/Users?filter=${encodeURIComponent(`userName eq "user${member(i)}@bench.example"`)}`,
  'native': (i) => `/api/v1/users/${userId(member(i))}`,
  'v2-first': () => '/api/v2/users?limit=100',
  'v2-middle': () => `/api/v2/users?limit=100&next_token=${afterMember(USERS / 2)}`,
  'v2-last': () => `/api/v2/users?limit=100&next_token=${afterMember(USERS - 100 + 1)}`,
};

let statements = 0;
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements += 1;
  return query.apply(this, args);
} as typeof pg.Client.prototype.query;

async function ensureSeeded(): Promise<void> {
  const admin = new pg.Client({ connectionString: `${PG_URL}/postgres` });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [DATABASE])).rowCount! > 0;
  if (!exists) await admin.query(`create database ${DATABASE}`);
  await admin.end();
  if (exists) return;
  const runtime = await open();
  await runtime.close();
  const db = await connect({ dialect: 'postgres', url: URL });
  await seedMembers(db, await defaultWorkspace(db), 1, USERS);
  await db.exec('', 'vacuum analyze');
  await db.close();
}

function open() {
  return openRuntime({
    host: '127.0.0.1', port: 0, dataDir: fs.mkdtempSync('/tmp/toolplane-bench-cost-'), database: { dialect: 'postgres', url: URL },
    secretKey: 'd'.repeat(64), bootstrapEmail: 'admin@bench.example', logLevel: 'silent', publicUrl: 'http://bench.test',
    externalApi: { enabled: false, accessToken: '' }, rateLimit: { ...DEFAULT_RATE_LIMIT, perToken: 0, perAddress: 0 }, session: DEFAULT_SESSION,
  });
}

/** CPU time of the processes, in ms (user + system). */
function cpuMs(pids: number[]): number {
  return pids.reduce((sum, pid) => {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return sum + (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return sum;
    }
  }, 0);
}

await ensureSeeded();
const runtime = await open();
const app = await buildApp(runtime);
const { secret } = await runtime.services.tokens.create({ name: 'bench', email: 'admin@bench.example', scopes: ['*'] });
const get = async (path: string) => {
  const response = await app.inject({ method: 'GET', url: path, headers: { authorization: `Bearer ${secret}` } });
  if (response.statusCode !== 200) throw new Error(`${path} answered ${response.statusCode}: ${response.body}`);
};
/** `count` requests, `CONNECTIONS` at a time. */
const drive = async (path: (i: number) => string, from: number, count: number) => {
  let next = from;
  await Promise.all(Array.from({ length: CONNECTIONS }, async () => {
    while (next < from + count) await get(path(next++));
  }));
};
/** The database's backends other than this query's: the server's pooled connections. */
async function backends(): Promise<number[]> {
  const client = new pg.Client({ connectionString: URL });
  await client.connect();
  const { rows } = await client.query('select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
  await client.end();
  return rows.map((row) => row.pid as number);
}

for (const scenario of SCENARIOS) {
  const path = PATHS[scenario];
  if (!path) throw new Error(`unknown scenario ${scenario}`);
  await drive(path, 1_000_000, 20 * CONNECTIONS);
  const pids = await backends();
  const node = process.cpuUsage();
  const database = cpuMs(pids);
  statements = 0;
  await drive(path, 0, REQUESTS);
  const nodeUsage = process.cpuUsage(node);
  console.log(`${scenario}: Node CPU ${((nodeUsage.user + nodeUsage.system) / 1000 / REQUESTS).toFixed(2)} ms/request, `
    + `PostgreSQL CPU ${((cpuMs(pids) - database) / REQUESTS).toFixed(2)} ms/request (${pids.length} backends), `
    + `${(statements / REQUESTS).toFixed(2)} statements/request, ${CONNECTIONS} at a time`);
}
await app.close();
await runtime.close();
