import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECENT_READ_TTL_MS } from '../../src/core/recent-reads.ts';
import { type DatabaseHandle, openDatabase } from '../../src/db/database.ts';
import { expectError } from '../helpers/expect-error.ts';
import { Harness } from '../helpers/harness.ts';
import { countQueries } from '../helpers/query-counter.ts';

// Authentication results are reused in memory for a short time: a change made through this
// process must be enforced on the very next request, one made behind its back (another
// process, the CLI) within RECENT_READ_TTL_MS.

let h: Harness;
/** A connection of its own to the same database, as another process or the CLI has. */
let elsewhere: DatabaseHandle;

beforeAll(async () => {
  h = await Harness.start();
  elsewhere = openDatabase(h.database.config);
});
afterAll(async () => {
  await elsewhere?.close();
  await h?.close();
});

/** This process's own database connection: what it changes there, it knows of. */
const db = () => h.runtime.database.db;
const otherProcess = () => elsewhere.db;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Creates a token through the API and uses it once, so the next use may come from memory. */
async function usedToken(body: object = {}): Promise<{ id: string; secret: string }> {
  const response = await h.request('POST', '/api/v1/tokens', { body: { name: 'remembered', scopes: ['tokens:read', 'users:read'], ...body } });
  expect(response.statusCode, response.body).toBe(201);
  const { id, secret } = response.json();
  expect(await status(secret)).toBe(200);
  return { id, secret };
}

async function status(secret: string, workspaceId?: string): Promise<number> {
  return (await h.request('GET', '/api/v1/tokens', { token: secret, workspaceId })).statusCode;
}

describe('changes made through this process are enforced at once', () => {
  it('a revoked token is refused on the next request', async () => {
    const { id, secret } = await usedToken();
    expect((await h.request('DELETE', `/api/v1/tokens/${id}`)).statusCode).toBe(204);
    expectError(await h.request('GET', '/api/v1/tokens', { token: secret }), 401, 'invalid_token');
  });

  it('a rotated token refuses its old secret and accepts its new one on the next request', async () => {
    const { id, secret } = await usedToken();
    const rotated = await h.request('POST', `/api/v1/tokens/${id}/rotate`);
    expect(rotated.statusCode, rotated.body).toBe(200);
    expectError(await h.request('GET', '/api/v1/tokens', { token: secret }), 401, 'invalid_token');
    expect(await status(rotated.json().secret)).toBe(200);
  });

  it('an archived workspace refuses its tokens on the next request, and accepts them again once restored', async () => {
    const workspaceId = await h.services.workspaces.create('Remembered');
    const secret = await h.token(['users:read'], { workspaceId, email: 'remembered@example.com' });
    expect((await h.request('GET', '/api/v1/users', { token: secret })).statusCode).toBe(200);
    const archived = await h.request('PATCH', `/api/v1/workspaces/${workspaceId}`, { body: { status: 'archived' } });
    expect(archived.statusCode, archived.body).toBe(200);
    expectError(await h.request('GET', '/api/v1/users', { token: secret }), 403, 'workspace_archived');
    expectError(await h.request('GET', '/api/v1/users', { workspaceId }), 403, 'workspace_archived');
    const restored = await h.request('PATCH', `/api/v1/workspaces/${workspaceId}`, { body: { status: 'active' } });
    expect(restored.statusCode, restored.body).toBe(200);
    expect((await h.request('GET', '/api/v1/users', { token: secret })).statusCode).toBe(200);
  });

  it('a change made through its own connection, whatever the code path, is seen on the next request', async () => {
    const secret = await h.token(['users:read'], { email: 'archived-user@example.com' });
    expect((await h.request('GET', '/api/v1/users', { token: secret })).statusCode).toBe(200);
    await db().updateTable('users').set({ status: 'archived' }).where('email', '=', 'archived-user@example.com').execute();
    expectError(await h.request('GET', '/api/v1/users', { token: secret }), 401, 'invalid_token');
  });

  it('a change to other tables keeps what was read: creating users reads neither the token nor its workspace again', async () => {
    const secret = await h.token(['users:read', 'users:write'], { workspaceId: h.defaultWorkspaceId, email: 'creator@example.com' });
    expect((await h.request('GET', '/api/v1/users', { token: secret })).statusCode).toBe(200);
    const counted = countQueries(db());
    try {
      for (const n of [1, 2, 3]) {
        const created = await h.request('POST', '/api/v1/users', { token: secret, body: { email: `kept-memory-${n}@example.com` } });
        expect(created.statusCode, created.body).toBe(201);
      }
      const statements = counted.takeStatements();
      expect(statements.some((statement) => statement.includes('"users"'))).toBe(true);
      expect(statements.filter((statement) => statement.includes('"api_tokens"') || statement.includes('from "workspaces"'))).toEqual([]);
    } finally {
      counted.restore();
    }
  });

  it('a token is refused the moment it expires, whatever is remembered', async () => {
    const expiresAt = new Date(Date.now() + 400).toISOString();
    const secret = await h.token(['tokens:read'], { expiresAt });
    expect(await status(secret)).toBe(200);
    await sleep(Math.max(0, new Date(expiresAt).getTime() - Date.now()) + 20);
    expect(await status(secret)).toBe(401);
  });

  it('a transaction that fails after changing a row makes the next request look again', async () => {
    const { id, secret } = await usedToken();
    await expect(db().transaction().execute(async (trx) => {
      await trx.updateTable('api_tokens').set({ revoked_at: new Date().toISOString() }).where('id', '=', id).execute();
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    // Nothing changed, but the memory may not assume so: the token is read again, and still works.
    const counted = countQueries(db());
    try {
      expect(await status(secret)).toBe(200);
      expect(counted.takeStatements().some((statement) => statement.includes('"api_tokens"'))).toBe(true);
    } finally {
      counted.restore();
    }
  });
});

describe('changes made behind this process', () => {
  it('a token revoked by another process is refused within the memory time', async () => {
    const { id, secret } = await usedToken();
    await otherProcess().updateTable('api_tokens').set({ revoked_at: new Date().toISOString() }).where('id', '=', id).execute();
    const started = Date.now();
    while ((await status(secret)) === 200) {
      expect(Date.now() - started).toBeLessThanOrEqual(RECENT_READ_TTL_MS + 100);
      await sleep(25);
    }
    expect(await status(secret)).toBe(401);
  });

  it('a workspace archived by another process refuses its tokens within the memory time', async () => {
    const workspaceId = await h.services.workspaces.create('Archived elsewhere');
    const secret = await h.token(['users:read'], { workspaceId, email: 'elsewhere@example.com' });
    expect((await h.request('GET', '/api/v1/users', { token: secret })).statusCode).toBe(200);
    await otherProcess().updateTable('workspaces').set({ status: 'archived' }).where('id', '=', workspaceId).execute();
    await sleep(RECENT_READ_TTL_MS + 50);
    expectError(await h.request('GET', '/api/v1/users', { token: secret }), 403, 'workspace_archived');
  });

  it('memory keeps no unknown secrets: a token created by another process works at once', async () => {
    const unknown = 'tp_not-yet-created-0123456789abcdefghijklmnopqrstuv';
    expect(await status(unknown)).toBe(401);
    const template = await db().selectFrom('api_tokens').select(['user_id', 'created_at']).limit(1).executeTakeFirstOrThrow();
    await otherProcess().insertInto('api_tokens').values({
      user_id: template.user_id, created_at: new Date().toISOString(), workspace_id: null, last_used_at: null, id: randomUUID(), name: 'elsewhere', token_hash: createHash('sha256').update(unknown).digest('hex'),
      token_prefix: unknown.slice(0, 7), revoked_at: null, expires_at: null, scopes: JSON.stringify(['tokens:read']),
    }).execute();
    expect(await status(unknown)).toBe(200);
  });
});

describe('reading a user', () => {
  it('shows an attribute defined through this process on the next read, with its default', async () => {
    const created = await h.request('POST', '/api/v1/users', { body: { email: 'attributes-memory@example.com' } });
    expect(created.statusCode, created.body).toBe(201);
    const path = `/api/v1/users/${created.json().id}`;
    expect((await h.request('GET', path)).json().attributes).toEqual({});
    const defined = await h.request('POST', '/api/v1/userAttributes', { body: { name: 'team', label: 'Team', dataType: 'string', defaultValue: 'core' } });
    expect(defined.statusCode, defined.body).toBe(201);
    expect((await h.request('GET', path)).json().attributes).toEqual({ team: 'core' });
  });
});
