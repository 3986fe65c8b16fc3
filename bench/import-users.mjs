// Times `toolplane users import` of a generated CSV into a fresh SQLite database, several
// runs, and prints the median. Usage: node bench/import-users.mjs [rows] [runs]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const rows = Number(process.argv[2] ?? 100_000);
const runs = Number(process.argv[3] ?? 3);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'toolplane-bench-import-'));
const csv = path.join(work, 'people.csv');

const lines = ['email,firstName,lastName,role,groups'];
for (let i = 0; i < rows; i += 1) lines.push(`person${i}@example.com,First${i},Last${i},${i % 10 === 0 ? 'builder' : 'end-user'},`);
fs.writeFileSync(csv, lines.join('\n') + '\n');

function run(label, dataDir) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [path.join(root, 'bin/toolplane.js'), 'users', 'import', csv], {
    env: { ...process.env, TOOLPLANE_DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`${label} failed: ${result.stderr}${result.stdout}`);
  return seconds;
}

const first = [];
const again = [];
for (let i = 0; i < runs; i += 1) {
  const dataDir = path.join(work, `data-${i}`);
  first.push(run('import', dataDir));
  again.push(run('re-run', dataDir));
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`rows: ${rows}, runs: ${runs}, machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, node ${process.version}`);
console.log(`import into an empty SQLite database: median ${median(first).toFixed(2)} s (runs: ${first.map((s) => s.toFixed(2)).join(', ')})`);
console.log(`re-run of the same file (all unchanged): median ${median(again).toFixed(2)} s (runs: ${again.map((s) => s.toFixed(2)).join(', ')})`);
fs.rmSync(work, { recursive: true, force: true });
