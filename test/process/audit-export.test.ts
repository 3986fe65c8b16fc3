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

const lines = (text: string) => text.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, any>);

describe(`toolplane audit export on ${testDialect()}`, () => {
  it('writes the CLI\'s own writes as JSON lines, oldest first, to stdout or a file', async () => {
    const start = new Date(Date.now() - 1000).toISOString();
    const csv = path.join(database.dataDir, 'people.csv');
    fs.writeFileSync(csv, 'email,firstName,role\nada@example.com,Ada,builder\ngrace@example.com,Grace,\n');
    expect((await runCli(['users', 'import', csv], env)).code).toBe(0);
    const token = await runCli(['tokens', 'create', '--name', 'ci', '--email', 'ops@example.com', '--scopes', 'audit:read'], env);
    expect(token.code, token.stderr).toBe(0);

    const out = await runCli(['audit', 'export', '--since', start], env);
    expect(out.code, out.stderr).toBe(0);
    const events = lines(out.stdout);
    expect(events.map((event) => event.action)).toEqual(['user.created', 'user.created', 'user.created', 'token.created']);
    expect(events.map((event) => event.id)).toEqual([...events.map((event) => event.id)].sort((a, b) => a - b));
    expect(events[0]).toMatchObject({
      actor: { type: 'cli', tokenId: null, userId: null }, target: { type: 'user' }, changes: { email: 'ada@example.com', role: 'builder' }, requestId: null, source: null,
    });
    expect(Object.keys(events[0]!).sort()).toEqual(['action', 'actor', 'changes', 'id', 'occurredAt', 'requestId', 'source', 'target', 'workspaceId']);
    expect(out.stdout).not.toContain(token.stdout.trim());

    const file = path.join(database.dataDir, 'audit.jsonl');
    const workspaceId = events[0]!.workspaceId as string;
    const toFile = await runCli(['audit', 'export', '--since', start, '--workspace', workspaceId, '--output', file], env);
    expect(toFile.code, toFile.stderr).toBe(0);
    expect(toFile.stdout).toBe('');
    // The token is instance-wide: its event has no workspace.
    expect(lines(fs.readFileSync(file, 'utf8')).map((event) => event.action)).toEqual(['user.created', 'user.created', 'user.created']);

    const none = await runCli(['audit', 'export', '--since', start, '--until', start], env);
    expect(none.stdout).toBe('');
  });

  it('refuses a missing or malformed date-time', async () => {
    const missing = await runCli(['audit', 'export'], env);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('--since');
    const bad = await runCli(['audit', 'export', '--since', 'yesterday'], env);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('ISO-8601');
  });
});
