import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, parseDatabaseUrl } from '../../src/config.ts';
import type { Actor } from '../../src/core/actor.ts';
import { SecretBox, generateSecretKey } from '../../src/core/secrets.ts';
import { openDatabase } from '../../src/db/database.ts';
import { openRuntime } from '../../src/runtime/runtime.ts';
import { TEST_SECRET_KEY } from '../helpers/harness.ts';
import { ServerProcess, processEnv, runCli } from '../helpers/server-process.ts';
import { createTestDatabaseUrl, testDialect } from '../helpers/test-database.ts';

let database: Awaited<ReturnType<typeof createTestDatabaseUrl>>;
const servers: ServerProcess[] = [];
const OLD_KEY = TEST_SECRET_KEY;
const NEW_KEY = generateSecretKey().toString('hex');

/** The environment of a process holding `current` as its key and `previous` as earlier ones. */
function keyEnv(current: string, previous: string[] = []): NodeJS.ProcessEnv {
  return {
    ...processEnv(database, current),
    TOOLPLANE_SECRET_KEY: current,
    TOOLPLANE_PREVIOUS_SECRET_KEYS: previous.join(','),
    LOG_LEVEL: 'warn',
  };
}

beforeEach(async () => {
  database = await createTestDatabaseUrl();
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()));
  await database.drop();
});

async function start(env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const server = await ServerProcess.start(env);
  servers.push(server);
  return server;
}

async function call(server: ServerProcess, token: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.baseUrl}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

/** Every stored envelope: resource secrets, configuration secrets, idempotent answers, the key check. */
async function storedEnvelopes(): Promise<string[]> {
  const handle = openDatabase(parseDatabaseUrl(database.url, database.dataDir));
  try {
    const parse = (value: unknown) => Object.values((typeof value === 'string' ? JSON.parse(value) : value) as Record<string, string>);
    const resources = await handle.db.selectFrom('resources').select('secrets').execute();
    const configurations = await handle.db.selectFrom('resource_configurations').select('secrets').execute();
    const answers = await handle.db.selectFrom('idempotency_keys').select('response').execute();
    const check = await handle.db.selectFrom('settings').select('value').where('key', '=', 'secret_key_check').execute();
    return [
      ...resources.flatMap((row) => parse(row.secrets)),
      ...configurations.flatMap((row) => parse(row.secrets)),
      ...answers.map((row) => row.response!),
      ...check.map((row) => row.value),
    ];
  } finally {
    await handle.close();
  }
}

async function rowsSnapshot(): Promise<unknown> {
  const handle = openDatabase(parseDatabaseUrl(database.url, database.dataDir));
  try {
    return {
      resources: await handle.db.selectFrom('resources').selectAll().orderBy('id').execute(),
      configurations: await handle.db.selectFrom('resource_configurations').selectAll().orderBy('resource_id').execute(),
      answers: await handle.db.selectFrom('idempotency_keys').selectAll().orderBy('key').execute(),
      settings: await handle.db.selectFrom('settings').selectAll().orderBy('key').execute(),
      audit: await handle.db.selectFrom('audit_events').select(['id', 'action', 'changes']).orderBy('id').execute(),
    };
  } finally {
    await handle.close();
  }
}

/** The clear secrets of a resource, in the default and one environment, read in-process with `env`'s keys. */
async function reveal(env: NodeJS.ProcessEnv, resourceId: string, environmentId: string) {
  const runtime = await openRuntime(loadConfig(env));
  try {
    const admin = await runtime.database.db.selectFrom('users').select(['id', 'email']).where('email', '=', 'admin@example.com').executeTakeFirstOrThrow();
    const actor: Actor = { userId: admin.id, email: admin.email, tokenId: null, workspaceId: await runtime.services.workspaces.ensureDefault() };
    return {
      resource: await runtime.services.resources.revealSecrets(actor, resourceId),
      environment: await runtime.services.resourceConfigurations.revealSecrets(actor, resourceId, environmentId),
    };
  } finally {
    await runtime.close();
  }
}

/** Each test starts servers and CLI processes one after another; under a full parallel run that takes a while. */
const PROCESS_TIMEOUT = 120_000;

describe(`toolplane keys rotate on ${testDialect()}`, () => {
  it('rotates without downtime: after it, every secret opens with the new key alone, the old key alone fails, and a re-run changes nothing', async () => {
    const created = await runCli(['tokens', 'create', '--name', 'admin', '--email', 'admin@example.com'], keyEnv(OLD_KEY));
    expect(created.code, created.stderr).toBe(0);
    const token = created.stdout.trim();

    // Before: data sealed under the old key.
    let server = await start(keyEnv(OLD_KEY));
    const resource = await call(server, token, 'POST', '/resources',
      { name: 'orders-db', type: 'postgresql', options: { host: 'db' }, secrets: { password: 'old-era-pw-1' } },
      { 'idempotency-key': 'create-orders-db' });
    expect(resource.status, resource.text).toBe(201);
    const resourceId = JSON.parse(resource.text).id as string;
    const environments = JSON.parse((await call(server, token, 'GET', '/environments')).text).data as Array<{ id: string; name: string }>;
    const stagingId = environments.find((environment) => environment.name === 'staging')!.id;
    expect((await call(server, token, 'PUT', `/resources/${resourceId}/configurations/${stagingId}`, { secrets: { password: 'staging-pw-1' } })).status).toBe(201);
    await server.stop();

    // 1) Restart with the new key, the old one as previous: everything still opens.
    server = await start(keyEnv(NEW_KEY, [OLD_KEY]));
    const replay = await call(server, token, 'POST', '/resources',
      { name: 'orders-db', type: 'postgresql', options: { host: 'db' }, secrets: { password: 'old-era-pw-1' } },
      { 'idempotency-key': 'create-orders-db' });
    expect(replay.status, replay.text).toBe(201);
    expect(JSON.parse(replay.text).id).toBe(resourceId);

    // 2) Rotate while the server runs.
    const rotated = await runCli(['keys', 'rotate', '--batch-size', '1'], keyEnv(NEW_KEY, [OLD_KEY]));
    expect(rotated.code, rotated.stderr).toBe(0);
    expect(rotated.stdout).toContain('Re-encrypted under key');
    expect(rotated.stdout).toMatch(/resource secrets:\s+1/);
    expect(rotated.stdout).toMatch(/configuration secrets:\s+1/);
    expect(rotated.stdout).toMatch(/idempotent answers:\s+1/);
    expect(rotated.stdout + rotated.stderr).not.toContain(NEW_KEY);
    expect((await call(server, token, 'GET', `/resources/${resourceId}/configurations/${stagingId}`)).status).toBe(200);
    await server.stop();

    const newId = new SecretBox(Buffer.from(NEW_KEY, 'hex')).currentKeyId;
    const envelopes = await storedEnvelopes();
    expect(envelopes).toHaveLength(4);
    for (const envelope of envelopes) expect(envelope.startsWith(`v2.${newId}.`)).toBe(true);

    // 3) The previous key dropped: the new key alone opens everything.
    expect(await reveal(keyEnv(NEW_KEY), resourceId, stagingId)).toEqual({
      resource: { password: 'old-era-pw-1' },
      environment: { password: 'staging-pw-1' },
    });
    server = await start(keyEnv(NEW_KEY));
    const again = await call(server, token, 'POST', '/resources',
      { name: 'orders-db', type: 'postgresql', options: { host: 'db' }, secrets: { password: 'old-era-pw-1' } },
      { 'idempotency-key': 'create-orders-db' });
    expect(again.status, again.text).toBe(201);
    await server.stop();

    // The old key alone no longer starts.
    const refused = await runCli(['tokens', 'create', '--name', 'x', '--email', 'x@example.com'], keyEnv(OLD_KEY));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('does not match');

    // A re-run changes nothing, not even the audit log.
    const beforeRerun = await rowsSnapshot();
    const rerun = await runCli(['keys', 'rotate'], keyEnv(NEW_KEY, [OLD_KEY]));
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stdout).toContain('nothing changed');
    expect(await rowsSnapshot()).toEqual(beforeRerun);

    const events = (beforeRerun as { audit: Array<{ action: string; changes: unknown }> }).audit.filter((event) => event.action === 'secret_key.rotated');
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain(NEW_KEY);
    expect(JSON.stringify(events)).not.toContain(OLD_KEY);
  }, PROCESS_TIMEOUT);

  it('rotates to a key given with --new-key, and refuses a malformed one or a wrong previous key', async () => {
    expect((await runCli(['tokens', 'create', '--name', 'admin', '--email', 'admin@example.com'], keyEnv(OLD_KEY))).code).toBe(0);
    const bad = await runCli(['keys', 'rotate', '--new-key', 'abc'], keyEnv(OLD_KEY));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--new-key');

    const stranger = generateSecretKey().toString('hex');
    const wrong = await runCli(['keys', 'rotate'], keyEnv(NEW_KEY, [stranger]));
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('TOOLPLANE_PREVIOUS_SECRET_KEYS');

    const malformed = await runCli(['keys', 'rotate'], keyEnv(NEW_KEY, ['not-a-key']));
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toContain('TOOLPLANE_PREVIOUS_SECRET_KEYS, key 1');

    const rotated = await runCli(['keys', 'rotate', '--new-key', Buffer.from(NEW_KEY, 'hex').toString('base64')], keyEnv(OLD_KEY));
    expect(rotated.code, rotated.stderr).toBe(0);
    expect(rotated.stdout).toContain('Start servers with TOOLPLANE_SECRET_KEY set to the new key');
    expect((await runCli(['tokens', 'create', '--name', 'y', '--email', 'y@example.com'], keyEnv(NEW_KEY))).code).toBe(0);
    expect((await runCli(['tokens', 'create', '--name', 'z', '--email', 'z@example.com'], keyEnv(OLD_KEY))).code).toBe(1);
  }, PROCESS_TIMEOUT);

  it('generates a key of 64 hex characters', async () => {
    const generated = await runCli(['keys', 'generate'], {});
    expect(generated.code, generated.stderr).toBe(0);
    expect(generated.stdout.trim()).toMatch(/^[0-9a-f]{64}$/);
  });
});
