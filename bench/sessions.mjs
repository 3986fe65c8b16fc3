// Signing in and session-authenticated requests, against the same server's token path.
// Usage: node bench/sessions.mjs   (BENCH_DIALECTS=sqlite,postgres BENCH_RUNS=5 BENCH_DURATION=5
//        BENCH_LOGINS=30 BENCH_PG_URL=postgres://postgres@127.0.0.1:5432)
//
// - Sign-in: the median latency of POST /api/v1/auth/login, and of the scrypt verification
//   alone with the server's parameters (timed here, one at a time as the server does them);
//   the difference is what the rest of the sign-in path costs. The same request without the
//   CSRF header, refused at the handler's first line after the same idle time, is the HTTP
//   round trip any request pays (client, loopback, routing, body parsing, answer); the figure
//   less it is what the sign-in's own work adds. Also timed inside the server
//   (bench/lib/sign-in-timing.mjs): from a sign-in's arrival to the start of its hash, and from
//   the hash's end to the answer's last byte; their sum is the path beyond the hash without
//   the client's own costs or the difference between the two processes' hashing.
// - Session against token: GET /api/v1/users/{id} under load, by token and by session cookie
//   in alternating rounds; the ratio of median requests per second, and of the server's median
//   CPU time per request (user + system, from /proc), which other work on the machine sways less.
import { scrypt } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { load, median } from './lib/load.mjs';
import { buildServer, cli, toolplane } from './lib/servers.mjs';

const DIALECTS = (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const LOGINS = Number(process.env.BENCH_LOGINS ?? 30);
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const SECRET_KEY = 'c'.repeat(64);
const EXTERNAL_TOKEN = 'bench-external-token-0123456789';
const PASSWORD = 'bench sign-in password';
const CSRF = { 'x-toolplane-csrf': '1', 'content-type': 'application/json' };
/** The server's scrypt parameters (src/core/passwords.ts). */
/** Loaded into the server: times each sign-in before and after its password hash. */
const SIGN_IN_TIMING = path.join(path.dirname(fileURLToPath(import.meta.url)), 'lib/sign-in-timing.mjs');
const SCRYPT = { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

async function target(dialect) {
  if (dialect === 'sqlite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'toolplane-bench-sessions-'));
    return { env: { TOOLPLANE_DATA_DIR: dataDir, DATABASE_URL: '' }, drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const database = `toolplane_bench_sessions_${process.pid}`;
  const admin = new pg.Client({ connectionString: `${PG_URL}/postgres` });
  await admin.connect();
  await admin.query(`drop database if exists ${database}`);
  await admin.query(`create database ${database}`);
  await admin.end();
  return {
    env: { DATABASE_URL: `${PG_URL}/${database}`, TOOLPLANE_SECRET_KEY: SECRET_KEY },
    drop: async () => {
      const client = new pg.Client({ connectionString: `${PG_URL}/postgres` });
      await client.connect();
      await client.query(`drop database if exists ${database}`);
      await client.end();
    },
  };
}

function verifyOnce() {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    scrypt(PASSWORD, Buffer.alloc(16, 7), 32, SCRYPT, (error) => (error ? reject(error) : resolve(Number(process.hrtime.bigint() - started) / 1e6)));
  });
}

/** The CPU time the process has used so far, in microseconds (Linux: /proc/<pid>/stat, in clock ticks of 10 ms). */
function cpuMicros(pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

/** One load round, with the server's CPU time per request. */
async function measuredLoad(server, options) {
  const before = cpuMicros(server.child.pid);
  const result = await load(options);
  return { rps: result.rps, cpuPerRequest: (cpuMicros(server.child.pid) - before) / (result.rps * options.duration) };
}

/** The timed requests share one kept-alive connection: node:http costs the client less than fetch does. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** POSTs a sign-in and answers its round trip in ms, its status, body and Set-Cookie. */
function timedSignInRequest(baseUrl, headers) {
  const body = JSON.stringify({ email: 'person@bench.example', password: PASSWORD });
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const request = http.request(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) },
    }, (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({
        ms: Number(process.hrtime.bigint() - started) / 1e6, status: response.statusCode, text, setCookie: response.headers['set-cookie'],
      }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

async function timedLogin(baseUrl) {
  const response = await timedSignInRequest(baseUrl, CSRF);
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}: ${response.text}`);
  return { ms: response.ms, cookie: response.setCookie[0].split(';')[0] };
}

/** The sign-in request refused at the handler's first line (no CSRF header): its round trip is the HTTP cost alone. */
async function timedRefusal(baseUrl) {
  const response = await timedSignInRequest(baseUrl, { 'content-type': 'application/json' });
  if (response.status !== 403) throw new Error(`the refused sign-in answered ${response.status}`);
  return response.ms;
}

async function bench(dialect, startArgs) {
  const { env, drop } = await target(dialect);
  const serverEnv = { ...env, ENABLE_EXTERNAL_API: 'true', EXTERNAL_API_ACCESS_TOKEN: EXTERNAL_TOKEN, RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0' };
  const token = (await cli(['tokens', 'create', '--name', 'bench', '--email', 'admin@bench.example'], env)).trim().split('\n').pop();
  const timingFile = path.join(os.tmpdir(), `toolplane-bench-sign-in-${process.pid}-${dialect}.jsonl`);
  fs.rmSync(timingFile, { force: true });
  const server = await toolplane(startArgs, { ...serverEnv, SIGN_IN_TIMING_FILE: timingFile }, ['--import', SIGN_IN_TIMING]);
  try {
    const created = await fetch(`${server.baseUrl}/api/ext/users`, {
      method: 'POST',
      headers: { authorization: `Basic ${EXTERNAL_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Bench Person', email: 'person@bench.example', password: PASSWORD, status: 'active',
        workspaces: [{ name: 'Default', status: 'active', role: 'admin' }],
      }),
    });
    if (created.status !== 201) throw new Error(`creating the person answered ${created.status}: ${await created.text()}`);
    const { id } = await created.json();

    const logins = [];
    const verifies = [];
    const beyond = [];
    const refusals = [];
    let cookie;
    for (let i = 0; i < LOGINS; i += 1) {
      // Each request follows a hash's worth of idle time in the server, as a sign-in does.
      const login = await timedLogin(server.baseUrl);
      const verify = await verifyOnce();
      refusals.push(await timedRefusal(server.baseUrl));
      verifies.push(await verifyOnce());
      logins.push(login.ms);
      verifies.push(verify);
      beyond.push(login.ms - verify);
      cookie = login.cookie;
    }

    const inServer = fs.readFileSync(timingFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    fs.rmSync(timingFile, { force: true });

    const url = `${server.baseUrl}/api/v1/users/${id}`;
    const byToken = [];
    const bySession = [];
    await load({ url, duration: 2, headers: { authorization: `Bearer ${token}` } });
    await load({ url, duration: 2, headers: { cookie } });
    for (let run = 0; run < RUNS; run += 1) {
      byToken.push(await measuredLoad(server, { url, duration: DURATION, headers: { authorization: `Bearer ${token}` } }));
      bySession.push(await measuredLoad(server, { url, duration: DURATION, headers: { cookie } }));
    }
    const rps = (runs) => median(runs.map((run) => run.rps));
    const cpu = (runs) => median(runs.map((run) => run.cpuPerRequest));
    return {
      dialect,
      loginMs: median(logins),
      scryptMs: median(verifies),
      beyondMs: median(beyond),
      refusalMs: median(refusals),
      serverHashMs: median(inServer.map((timing) => timing.hashMs)),
      serverBeforeHashMs: median(inServer.map((timing) => timing.beforeHashMs)),
      serverAfterHashMs: median(inServer.map((timing) => timing.afterHashMs)),
      serverBeyondMs: median(inServer.map((timing) => timing.beforeHashMs + timing.afterHashMs)),
      tokenRps: rps(byToken),
      sessionRps: rps(bySession),
      tokenCpuUs: cpu(byToken),
      sessionCpuUs: cpu(bySession),
      runs: { byToken, bySession },
    };
  } finally {
    await server.stop();
    await drop();
  }
}

const startArgs = buildServer();
for (const dialect of DIALECTS) {
  const result = await bench(dialect, startArgs);
  console.log(`${dialect}: sign-in ${result.loginMs.toFixed(1)} ms, scrypt alone ${result.scryptMs.toFixed(1)} ms, `
    + `rest of the path ${result.beyondMs.toFixed(1)} ms (median of each sign-in less the scrypt timed after it), `
    + `${(result.beyondMs - result.refusalMs).toFixed(1)} ms less the refused request's round trip (${result.refusalMs.toFixed(1)} ms); `
    + `in the server, beyond its hash ${result.serverBeyondMs.toFixed(1)} ms (${result.serverBeforeHashMs.toFixed(1)} before it, `
    + `${result.serverAfterHashMs.toFixed(1)} after it; its hash ${result.serverHashMs.toFixed(1)} ms); `
    + `GET /users/{id} by token ${Math.round(result.tokenRps)} req/s, by session ${Math.round(result.sessionRps)} req/s `
    + `(${(result.sessionRps / result.tokenRps).toFixed(2)}×); server CPU per request ${result.tokenCpuUs.toFixed(1)} vs `
    + `${result.sessionCpuUs.toFixed(1)} µs (${(result.tokenCpuUs / result.sessionCpuUs).toFixed(2)}×)`);
  console.log(JSON.stringify(result.runs));
}
agent.destroy();
