import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/database.ts';
import { TEST_SECRET_KEY } from '../helpers/harness.ts';
import { ServerProcess, processEnv, runCli } from '../helpers/server-process.ts';
import { createTestDatabaseUrl, testDialect } from '../helpers/test-database.ts';

let database: Awaited<ReturnType<typeof createTestDatabaseUrl>>;
let env: NodeJS.ProcessEnv;
let server: ServerProcess | undefined;

beforeEach(async () => {
  database = await createTestDatabaseUrl();
  env = processEnv(database, TEST_SECRET_KEY);
});
afterEach(async () => {
  await server?.stop();
  server = undefined;
  await database.drop();
});

const setPassword = (email: string, input: string) => runCli(['users', 'set-password', '--email', email], env, input);

function signIn(email: string, password: string): Promise<Response> {
  return fetch(`${server!.baseUrl}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-toolplane-csrf': '1' }, body: JSON.stringify({ email, password }),
  });
}

/** The audit events the CLI recorded, read the way the server would open the database. */
async function cliEvents() {
  const handle = openDatabase(loadConfig({ ...process.env, ...env }).database);
  try {
    return await handle.db.selectFrom('audit_events').select(['action', 'actor_type', 'changes']).where('actor_type', '=', 'cli')
      .where('action', '=', 'account.password_set').orderBy('id').execute();
  } finally {
    await handle.close();
  }
}

describe(`toolplane users set-password on ${testDialect()}`, { timeout: 60_000 }, () => {
  it('lets the first admin sign in, and a second run signs their sessions out', async () => {
    const token = await runCli(['tokens', 'create', '--name', 'admin', '--email', 'admin@example.com'], env);
    expect(token.code, token.stderr).toBe(0);
    const first = await setPassword('Admin@Example.com', 'first password here\n');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout.trim()).toBe('Password set for admin@example.com; 0 sessions ended.');
    expect(first.stdout + first.stderr).not.toContain('first password here');

    server = await ServerProcess.start(env);
    const signedIn = await signIn('admin@example.com', 'first password here');
    expect(signedIn.status, await signedIn.clone().text()).toBe(200);
    const cookie = signedIn.headers.getSetCookie().find((value) => value.startsWith('tp_session='))!.split(';')[0]!;
    expect((await fetch(`${server.baseUrl}/api/v1/me`, { headers: { cookie } })).status).toBe(200);

    // Only the first line is the password; the line ending (\r\n too) is not part of it.
    const second = await setPassword('admin@example.com', 'second password here\r\nignored\n');
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('1 session ended');
    // The server remembers a session for at most a second.
    await expect.poll(async () => (await fetch(`${server!.baseUrl}/api/v1/me`, { headers: { cookie } })).status, { timeout: 5000 }).toBe(401);
    expect((await signIn('admin@example.com', 'first password here')).status).toBe(401);
    expect((await signIn('admin@example.com', 'second password here')).status).toBe(200);

    const events = await cliEvents();
    expect(events.map((event) => event.action)).toEqual(['account.password_set', 'account.password_set']);
    expect(JSON.stringify(events)).not.toMatch(/first password|second password/);
  });

  it('exits 1, changing nothing, for an unknown email, a short password or no password', async () => {
    expect((await runCli(['tokens', 'create', '--name', 'admin', '--email', 'admin@example.com'], env)).code).toBe(0);
    const unknown = await setPassword('nobody@example.com', 'long enough password\n');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No account has the email nobody@example.com');
    const short = await setPassword('admin@example.com', 'short\n');
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('8 characters or more');
    const empty = await setPassword('admin@example.com', '');
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('no password on stdin');
    expect(await cliEvents()).toEqual([]);
  });
});
