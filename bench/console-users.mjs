// The console's users page on a workspace of a million members, in Chromium (playwright-core
// driving /usr/bin/chromium, as the browser tests do): the time from navigating to /users
// until its first page of rows is on screen, signed in, with the browser's cache cold (a new
// context each run) and warm (the same page again). Baseline measured in the same run: the
// API request the page makes, GET /api/v1/users?page=1&pageSize=50, from Node.
// Usage: node bench/console-users.mjs   (BENCH_DIALECTS=sqlite,postgres BENCH_USERS=1000000
//        BENCH_RUNS=7 BENCH_PG_URL=postgres://postgres@127.0.0.1:5432 CHROMIUM_PATH=/usr/bin/chromium)
// BENCH_WATERFALL=1 also prints the requests of one more cold load, each with when it was sent and
// when its answer ended, in milliseconds from the navigation: what the page waits for, and in what order.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { chromium } from 'playwright-core';
import { connect, defaultWorkspace, seedMembers } from './lib/seed.mjs';
import { buildServer, cli, root, toolplane } from './lib/servers.mjs';

const DIALECTS = (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',');
const USERS = Number(process.env.BENCH_USERS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WATERFALL = process.env.BENCH_WATERFALL === '1';
const SECRET_KEY = 'e'.repeat(64);
const EMAIL = 'admin@bench.example';
const PASSWORD = 'bench password 0123456789';
const START_ARGS = buildServer();
const createdDatabases = [];

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** A fresh, migrated database with an instance-wide token and the admin's password set. */
async function freshTarget(dialect) {
  let target;
  if (dialect === 'sqlite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'toolplane-bench-console-'));
    target = { dialect, file: path.join(dataDir, 'toolplane.db'), env: { TOOLPLANE_DATA_DIR: dataDir, DATABASE_URL: '' } };
  } else {
    const database = `toolplane_bench_console_${process.pid}`;
    createdDatabases.push(database);
    const admin = new pg.Client({ connectionString: `${PG_URL}/postgres` });
    await admin.connect();
    await admin.query(`drop database if exists ${database}`);
    await admin.query(`create database ${database}`);
    await admin.end();
    target = { dialect, url: `${PG_URL}/${database}`, env: { DATABASE_URL: `${PG_URL}/${database}`, TOOLPLANE_SECRET_KEY: SECRET_KEY } };
  }
  const out = await cli(['tokens', 'create', '--name', 'bench', '--email', EMAIL], target.env);
  target.token = out.trim().split('\n').pop();
  await setPassword(target.env);
  return target;
}

/** `toolplane users set-password`, the password given as stdin's first line, as scripts do. */
function setPassword(env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'bin/toolplane.js'), 'users', 'set-password', '--email', EMAIL], {
      env: { ...process.env, ...env }, cwd: root, stdio: ['pipe', 'ignore', 'inherit'],
    });
    child.stdin.end(`${PASSWORD}\n`);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`set-password exited ${code}`))));
  });
}

async function seed(target) {
  const db = await connect(target);
  try {
    const started = Date.now();
    await seedMembers(db, await defaultWorkspace(db), 1, USERS);
    if (target.dialect === 'postgres') await db.exec('', 'vacuum analyze');
    else await db.exec('analyze', '');
    return (Date.now() - started) / 1000;
  } finally {
    await db.close();
  }
}

/** The requests of one load of `url` in `page`, in the order they were sent, as printable lines. */
async function waterfall(page, url) {
  const started = performance.now();
  const requests = [];
  const sent = new Map();
  page.on('request', (request) => sent.set(request, performance.now() - started));
  page.on('requestfinished', (request) => requests.push({ request, sent: sent.get(request), ended: performance.now() - started }));
  const shown = await timeToRows(page, url);
  const lines = requests.sort((a, b) => a.sent - b.sent).map(({ request, sent: at, ended }) =>
    `${String(Math.round(at)).padStart(6)} → ${String(Math.round(ended)).padStart(6)} ms  ${request.method()} ${new URL(request.url()).pathname}${new URL(request.url()).search}`);
  return [...lines, `${String(Math.round(shown)).padStart(15)} ms  first row shown`].join('\n');
}

/** Milliseconds from navigating to `url` until the users table shows a row. */
async function timeToRows(page, url) {
  const started = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  // Looked for on every frame: Playwright's own waiting polls at growing intervals (up to
  // 500 ms apart), which would round the figure up by as much.
  await page.waitForFunction(() => document.querySelector('tbody tr')?.checkVisibility() === true, undefined, { polling: 'raf', timeout: 30_000 });
  return performance.now() - started;
}

async function apiTime(baseUrl, token) {
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/v1/users?page=1&pageSize=50`, { headers: { authorization: `Bearer ${token}` } });
  const body = await response.json();
  if (!response.ok || body.data.length !== 50) throw new Error(`the API answered ${response.status}`);
  return performance.now() - started;
}

async function scenario(browser, dialect) {
  const target = await freshTarget(dialect);
  const seedSeconds = await seed(target);
  console.error(`[${dialect}] seeded ${USERS} members in ${seedSeconds.toFixed(1)} s`);
  const server = await toolplane(START_ARGS, { ...target.env, RATE_LIMIT_PER_MINUTE: '0' });
  try {
    const context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.locator('tbody tr').first().waitFor({ state: 'visible', timeout: 30_000 });
    const storageState = await context.storageState();
    const shown = await page.getByText(/^[\d,]+ users$/).innerText();
    if (shown !== `${(USERS + 1).toLocaleString('en')} users`) throw new Error(`the page says "${shown}"`);

    const figures = { cold: [], warm: [], search: [], api: [] };
    for (let run = 0; run < RUNS; run += 1) {
      const cold = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 800 }, storageState });
      figures.cold.push(await timeToRows(await cold.newPage(), '/users'));
      await cold.close();
      figures.warm.push(await timeToRows(page, '/users'));
      figures.search.push(await timeToRows(page, `/users?q=user${Math.floor(USERS / 2) + run}`));
      figures.api.push(await apiTime(server.baseUrl, target.token));
    }
    if (WATERFALL) {
      const cold = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 800 }, storageState });
      console.error(`[${dialect}] requests of a cold load of /users:\n${await waterfall(await cold.newPage(), '/users')}`);
      await cold.close();
    }
    await context.close();
    return { seedSeconds, medians: Object.fromEntries(Object.entries(figures).map(([name, values]) => [name, median(values)])), figures };
  } finally {
    await server.stop();
  }
}

const results = {};
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
try {
  for (const dialect of DIALECTS) results[dialect] = await scenario(browser, dialect);
} finally {
  await browser.close();
  if (createdDatabases.length > 0) {
    const admin = new pg.Client({ connectionString: `${PG_URL}/postgres` });
    await admin.connect();
    for (const database of createdDatabases) await admin.query(`drop database if exists ${database}`);
    await admin.end();
  }
}

const ms = (value) => `${Math.round(value)} ms`;
const lines = [
  `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, Node.js ${process.version}, Chromium; ${USERS.toLocaleString('en')} members; medians of ${RUNS} runs.`,
  '', '| users page, navigation to first rows shown | database | cold cache | warm cache | search by address (`?q=user…`) | API request alone | cold ÷ API | target |',
  '|---|---|---|---|---|---|---|---|',
];
for (const [dialect, { medians }] of Object.entries(results)) {
  lines.push(`| /users | ${dialect} | ${ms(medians.cold)} | ${ms(medians.warm)} | ${ms(medians.search)} | ${ms(medians.api)} | ${(medians.cold / medians.api).toFixed(1)} | < 1 s |`);
}
console.log(lines.join('\n'));
for (const [dialect, { figures }] of Object.entries(results)) console.error(dialect, JSON.stringify(figures, (_key, value) => (typeof value === 'number' ? Math.round(value) : value)));
