// Times `toolplane apply` of a generated configuration (MEMBERS members, GROUPS groups, each
// member in two groups) to an empty SQLite database, then `toolplane plan` of the same file
// against it (which must show no changes), several runs, medians printed. The CLI figures
// are whole processes, start-up included; the in-process figure is reading, checking and
// planning the file alone, against the same database.
// Usage: node bench/config-code.mjs [members] [groups] [runs]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const { loadConfig } = await import('../src/config.ts');
const { openRuntime } = await import('../src/runtime/runtime.ts');
const { ConfigCodeEngine } = await import('../src/config-code/engine.ts');
const { readSources } = await import('../src/config-code/source.ts');

const members = Number(process.argv[2] ?? 10_000);
const groups = Number(process.argv[3] ?? 1_000);
const runs = Number(process.argv[4] ?? 3);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'toolplane-bench-config-'));
const file = path.join(work, 'toolplane.yaml');

const lines = ['workspaces:', '  Bench:', '    emailDomains: [example.com]', '    userAttributes:', '      team: { type: string }', '    groups:'];
for (let g = 0; g < groups; g += 1) lines.push(`      group-${g}: {}`);
lines.push('    members:');
lines.push('      admin@example.com: { role: admin }');
for (let m = 0; m < members; m += 1) {
  lines.push(`      person${m}@example.com: { role: ${m % 10 === 0 ? 'builder' : 'end-user'}, firstName: First${m}, lastName: Last${m}, groups: [group-${m % groups}, group-${(m * 7 + 3) % groups}], attributes: { team: t${m % 50} } }`);
}
fs.writeFileSync(file, lines.join('\n') + '\n');

function run(label, dataDir, args, expectedStatus) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [path.join(root, 'bin/toolplane.js'), ...args, '-f', file], {
    env: { ...process.env, TOOLPLANE_DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== expectedStatus) throw new Error(`${label} exited ${result.status}: ${result.stderr}${result.stdout.slice(-2000)}`);
  return seconds;
}

async function planInProcess(dataDir) {
  const runtime = await openRuntime(loadConfig({ TOOLPLANE_DATA_DIR: dataDir }));
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

const applies = [];
const plans = [];
const inProcess = [];
for (let i = 0; i < runs; i += 1) {
  const dataDir = path.join(work, `data-${i}`);
  applies.push(run('apply', dataDir, ['apply', '--yes'], 0));
  plans.push(run('plan', dataDir, ['plan'], 0));
  inProcess.push(await planInProcess(dataDir));
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const show = (values) => `median ${median(values).toFixed(2)} s (runs: ${values.map((s) => s.toFixed(2)).join(', ')})`;
console.log(`members: ${members}, groups: ${groups}, runs: ${runs}, machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, node ${process.version}`);
console.log(`apply to an empty SQLite database: ${show(applies)}`);
console.log(`toolplane plan against it (no changes): ${show(plans)}`);
console.log(`read, check and plan the file in process (target < 2 s): ${show(inProcess)}`);
fs.rmSync(work, { recursive: true, force: true });
