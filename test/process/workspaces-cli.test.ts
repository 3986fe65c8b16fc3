import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/database.ts';
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Reads the database the CLI wrote, the way the server would open it. */
async function inspect<T>(work: (db: ReturnType<typeof openDatabase>['db']) => Promise<T>): Promise<T> {
  const handle = openDatabase(loadConfig({ ...process.env, ...env }).database);
  try {
    return await work(handle.db);
  } finally {
    await handle.close();
  }
}

async function listJson(...args: string[]): Promise<Array<{ id: string; name: string; status: string; domains: string[] }>> {
  const result = await runCli(['workspaces', 'list', '--json', ...args], env);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

describe(`toolplane workspaces on ${testDialect()}`, { timeout: 60_000 }, () => {
  it('creates a workspace with domains and an admin, prints its id, and audits it as the CLI', async () => {
    const created = await runCli(['workspaces', 'create', '--name', 'Operations', '--domains', 'Ops.Example, ops.example,corp.example', '--admin-email', 'ops-lead@example.com'], env);
    expect(created.code, created.stderr).toBe(0);
    const id = created.stdout.trim();
    expect(id).toMatch(UUID);

    const listed = await listJson();
    expect(listed.map((workspace) => workspace.name)).toEqual(['Default', 'Operations']);
    expect(listed[1]).toMatchObject({ id, status: 'active', domains: ['ops.example', 'corp.example'] });

    const { admin, events } = await inspect(async (db) => ({
      admin: await db.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id')
        .select(['users.email', 'users.status as userStatus', 'memberships.role', 'memberships.status'])
        .where('memberships.workspace_id', '=', id).execute(),
      events: await db.selectFrom('audit_events').select(['action', 'actor_type', 'target_id']).where('target_id', '=', id).execute(),
    }));
    expect(admin).toEqual([{ email: 'ops-lead@example.com', userStatus: 'active', role: 'admin', status: 'active' }]);
    expect(events).toEqual([{ action: 'workspace.created', actor_type: 'cli', target_id: id }]);
  });

  it('makes an existing user the admin, and creates a workspace without an admin when none is named', async () => {
    const first = await runCli(['workspaces', 'create', '--name', 'First', '--admin-email', 'shared@example.com'], env);
    const second = await runCli(['workspaces', 'create', '--name', 'Second', '--admin-email', 'SHARED@example.com'], env);
    const bare = await runCli(['workspaces', 'create', '--name', 'Bare'], env);
    for (const result of [first, second, bare]) expect(result.code, result.stderr).toBe(0);
    const rows = await inspect((db) => db.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['memberships.workspace_id', 'users.email']).where('users.email', 'like', '%shared%').execute());
    expect(rows.map((row) => row.email)).toEqual(['shared@example.com', 'shared@example.com']);
    expect(rows.map((row) => row.workspace_id).sort()).toEqual([first.stdout.trim(), second.stdout.trim()].sort());
    const bareMembers = await inspect((db) => db.selectFrom('memberships').select('user_id').where('workspace_id', '=', bare.stdout.trim()).execute());
    expect(bareMembers).toEqual([]);
  });

  it('lists as a table by default, and filters by name and status', async () => {
    expect((await runCli(['workspaces', 'create', '--name', 'Sales EMEA'], env)).code).toBe(0);
    expect((await runCli(['workspaces', 'create', '--name', 'Sales APAC', '--domains', 'apac.example'], env)).code).toBe(0);
    const table = await runCli(['workspaces', 'list'], env);
    expect(table.code, table.stderr).toBe(0);
    const lines = table.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^ID\s+NAME\s+STATUS\s+DOMAINS\s+CREATED$/);
    expect(lines).toHaveLength(4);
    expect(lines.find((line) => line.includes('Sales APAC'))).toMatch(/Sales APAC\s+active\s+apac\.example\s+\d{4}-/);
    expect(lines.find((line) => line.includes('Sales EMEA'))).toMatch(/Sales EMEA\s+active\s+-\s+\d{4}-/);

    expect((await listJson('--name', 'sales')).map((workspace) => workspace.name).sort()).toEqual(['Sales APAC', 'Sales EMEA']);
    expect(await listJson('--status', 'archived')).toEqual([]);
    const none = await runCli(['workspaces', 'list', '--status', 'archived'], env);
    expect(none.stdout.trim()).toBe('No workspaces.');
  });

  it('shows control characters in a name as escapes in the table, and exactly in JSON', async () => {
    const name = 'Evil\x1b]0;owned\x07\x1b[31mRed\nFAKE  active  -';
    expect((await runCli(['workspaces', 'create', '--name', name], env)).code).toBe(0);
    const table = await runCli(['workspaces', 'list'], env);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    const lines = table.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain('Evil\\x1b]0;owned\\x07\\x1b[31mRed\\nFAKE  active  -');
    expect(lines[2]).toMatch(/\s+active\s+-\s+\d{4}-/);
    expect((await listJson()).map((workspace) => workspace.name)).toEqual(['Default', name]);
  });

  it('explains a taken name, a bad domain, a bad email or a bad status, changing nothing', async () => {
    expect((await runCli(['workspaces', 'create', '--name', 'Taken'], env)).code).toBe(0);
    const cases: Array<[string[], string]> = [
      [['workspaces', 'create', '--name', 'Taken'], 'already exists'],
      [['workspaces', 'create', '--name', 'Default'], 'already exists'],
      [['workspaces', 'create', '--name', 'Bad domain', '--domains', 'ok.example,https://bad.example'], 'not a domain name'],
      [['workspaces', 'create', '--name', 'Bad admin', '--admin-email', 'not-an-email'], 'not an email address'],
      [['workspaces', 'create', '--name', '   '], 'name'],
      [['workspaces', 'create'], '--name'],
      [['workspaces', 'list', '--status', 'deleted'], 'active or archived'],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(args, env);
      expect(result.code, `${args.join(' ')}: ${result.stdout}`).toBe(1);
      expect(result.stderr).toContain(message);
    }
    expect((await listJson()).map((workspace) => workspace.name)).toEqual(['Default', 'Taken']);
    const users = await inspect((db) => db.selectFrom('users').select('email').execute());
    expect(users).toEqual([]);
  });
});
