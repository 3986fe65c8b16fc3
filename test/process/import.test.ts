import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_SECRET_KEY } from '../helpers/harness.ts';
import { processEnv, runCli } from '../helpers/server-process.ts';
import { createTestDatabaseUrl, testDialect } from '../helpers/test-database.ts';

let database: Awaited<ReturnType<typeof createTestDatabaseUrl>>;
let env: NodeJS.ProcessEnv;

beforeEach(async () => {
  database = await createTestDatabaseUrl();
  env = processEnv(database, TEST_SECRET_KEY);
});
afterEach(async () => {
  await database.drop();
});

const outcomes = (file: string) =>
  fs.readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { line: number; result: string; reason?: string });

describe(`toolplane users import on ${testDialect()}`, () => {
  it('dry-runs, imports, and changes nothing on a re-run, reporting every row', async () => {
    const csv = path.join(database.dataDir, 'people.csv');
    fs.writeFileSync(csv, [
      'email,firstName,lastName,role',
      'ada@example.com,Ada,Lovelace,builder',
      'grace@example.com,Grace,Hopper,',
      'broken-address,No,Body,',
    ].join('\n'));

    const dry = await runCli(['users', 'import', csv, '--dry-run'], env);
    expect(dry.code, dry.stderr).toBe(2);
    expect(dry.stdout).toContain('Dry run: nothing was changed.');
    expect(dry.stdout).toMatch(/would be created:\s+2/);

    const first = await runCli(['users', 'import', csv], env);
    expect(first.code, first.stderr).toBe(2);
    expect(first.stdout).toMatch(/created:\s+2/);
    expect(first.stdout).toMatch(/failed:\s+1/);
    const report = outcomes(`${csv}.report.jsonl`);
    expect(report.map((row) => [row.line, row.result])).toEqual([[2, 'created'], [3, 'created'], [4, 'failed']]);
    expect(report[2]!.reason).toContain('not an email address');

    const again = await runCli(['users', 'import', csv, '--report', path.join(database.dataDir, 'again.jsonl')], env);
    expect(again.stdout).toMatch(/created:\s+0/);
    expect(again.stdout).toMatch(/unchanged:\s+2/);
  });

  it('reads JSON lines, reporting an unreadable line without stopping', async () => {
    const file = path.join(database.dataDir, 'people.jsonl');
    fs.writeFileSync(file, ['{"email":"linus@example.com","firstName":"Linus"}', '{not json', '{"email":"ken@example.com"}'].join('\n'));
    const result = await runCli(['users', 'import', file], env);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stdout).toMatch(/created:\s+2/);
    expect(outcomes(`${file}.report.jsonl`).find((row) => row.line === 2)?.reason).toContain('unreadable line');
  });

  it('explains a missing file or a column that is not a field', async () => {
    const missing = await runCli(['users', 'import', path.join(database.dataDir, 'nope.csv')], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no such file');
    const csv = path.join(database.dataDir, 'odd.csv');
    fs.writeFileSync(csv, 'email,shoeSize\nx@example.com,42\n');
    const odd = await runCli(['users', 'import', csv], env);
    expect(odd.code).toBe(1);
    expect(odd.stderr).toContain('shoeSize');
  });
});
