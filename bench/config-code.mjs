// Times `toolplane apply` of a generated configuration (MEMBERS members, GROUPS groups, each
// member in two groups, one `use` grant per group on one of 100 app folders) to an empty
// database, then `toolplane plan` of the same file against it (which must show no changes),
// several runs, medians printed, on SQLite and PostgreSQL.
// The CLI figures are whole processes, start-up included; the in-process figure is reading,
// checking and planning the file alone, against the same database. Baselines measured in the
// same runs: `toolplane plan` of an empty file (the process's start-up and opening the
// database), and parsing the file with the `yaml` package (the parser plan used before).
// Usage: node bench/config-code.mjs [members] [groups] [runs]
// Settings: BENCH_DIALECTS (sqlite,postgres), BENCH_PG_URL (postgres://postgres@127.0.0.1:5432/postgres).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { register } from 'tsx/esm/api';
import { parseDocument } from 'yaml';

register();
const { loadConfig } = await import('../src/config.ts');
const { openRuntime } = await import('../src/runtime/runtime.ts');
const { ConfigCodeEngine } = await import('../src/config-code/engine.ts');
const { readSources } = await import('../src/config-code/source.ts');

const members = Number(process.argv[2] ?? 10_000);
const groups = Number(process.argv[3] ?? 1_000);
const runs = Number(process.argv[4] ?? 3);
/** App folders the grants are on: one grant per group, on folder `g % folders`. */
const folders = Math.max(1, Math.min(100, groups));
const dialects = (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',');
const pgUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** PostgreSQL needs a key; a fixed one will do for a database dropped after the run. */
const secretKey = 'be'.repeat(32);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'toolplane-bench-config-'));
const file = path.join(work, 'toolplane.yaml');

const lines = ['workspaces:', '  Bench:', '    emailDomains: [example.com]', '    userAttributes:', '      team: { type: string }', '    groups:'];
for (let g = 0; g < groups; g += 1) lines.push(`      group-${g}: {}`);
lines.push('    folders:', '      app:');
for (let f = 0; f < folders; f += 1) lines.push(`        Folder-${f}: {}`);
lines.push('    members:');
lines.push('      admin@example.com: { role: admin }');
for (let m = 0; m < members; m += 1) {
  lines.push(`      person${m}@example.com: { role: ${m % 10 === 0 ? 'builder' : 'end-user'}, firstName: First${m}, lastName: Last${m}, groups: [group-${m % groups}, group-${(m * 7 + 3) % groups}], attributes: { team: t${m % 50} } }`);
}
lines.push('    permissions:');
for (let g = 0; g < groups; g += 1) lines.push(`      - { group: group-${g}, folder: "app:/Folder-${g % folders}", level: use }`);
fs.writeFileSync(file, lines.join('\n') + '\n');
const emptyFile = path.join(work, 'empty.yaml');
fs.writeFileSync(emptyFile, 'workspaces: {}\n');

/** A fresh database: a data folder for SQLite, a new database for PostgreSQL. */
async function freshDatabase(dialect, index) {
  const dataDir = path.join(work, `data-${dialect}-${index}`);
  if (dialect === 'sqlite') return { dataDir, url: '', drop: async () => {} };
  const name = `toolplane_bench_config_${process.pid}_${index}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  return {
    dataDir, url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: pgUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

function run(label, database, args, expectedStatus, given = file) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [path.join(root, 'bin/toolplane.js'), ...args, '-f', given], {
    env: { ...process.env, TOOLPLANE_DATA_DIR: database.dataDir, DATABASE_URL: database.url, TOOLPLANE_SECRET_KEY: secretKey },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== expectedStatus) throw new Error(`${label} exited ${result.status}: ${result.stderr}${result.stdout.slice(-2000)}`);
  return seconds;
}

async function planInProcess(database) {
  const runtime = await openRuntime(loadConfig({ TOOLPLANE_DATA_DIR: database.dataDir, DATABASE_URL: database.url, TOOLPLANE_SECRET_KEY: secretKey }));
  try {
    const engine = new ConfigCodeEngine(runtime.store, runtime.services);
    const started = process.hrtime.bigint();
    const plan = await engine.plan(engine.load(readSources([file])));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (plan.changes.length > 0) throw new Error(`the plan after apply has ${plan.changes.length} changes`);
    return seconds;
  } finally {
    await runtime.close();
  }
}

function parseWithYamlPackage() {
  const started = process.hrtime.bigint();
  parseDocument(fs.readFileSync(file, 'utf8'), { uniqueKeys: false }).toJS();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const show = (values) => `median ${median(values).toFixed(2)} s (runs: ${values.map((s) => s.toFixed(2)).join(', ')})`;
console.log(`members: ${members}, groups: ${groups}, runs: ${runs}, machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, node ${process.version}, load ${os.loadavg()[0].toFixed(1)}`);
for (const dialect of dialects) {
  const [applies, plans, inProcess, startups, yamlParses] = [[], [], [], [], []];
  for (let i = 0; i < runs; i += 1) {
    const database = await freshDatabase(dialect, i);
    try {
      applies.push(run('apply', database, ['apply', '--yes'], 0));
      plans.push(run('plan', database, ['plan'], 0));
      startups.push(run('plan of an empty file', database, ['plan'], 0, emptyFile));
      inProcess.push(await planInProcess(database));
      yamlParses.push(parseWithYamlPackage());
    } finally {
      await database.drop();
    }
  }
  console.log(`${dialect}: apply to an empty database (target < 10 s): ${show(applies)}`);
  console.log(`${dialect}: toolplane plan against it, no changes: ${show(plans)}; baseline, plan of an empty file: ${show(startups)}`);
  console.log(`${dialect}: read, check and plan the file in process (target < 2 s): ${show(inProcess)}; baseline, the yaml package's parse alone: ${show(yamlParses)} (ratio ${(median(inProcess) / median(yamlParses)).toFixed(2)}×)`);
}
console.log(`load at the end: ${os.loadavg()[0].toFixed(1)}`);
fs.rmSync(work, { recursive: true, force: true });
