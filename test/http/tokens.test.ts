import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenView } from '../../src/core/token.service.ts';
import { expectError } from '../helpers/expect-error.ts';
import { ADMIN_EMAIL, Harness } from '../helpers/harness.ts';

let h: Harness;
let workspaceA: string;
let workspaceB: string;

beforeAll(async () => {
  h = await Harness.start();
  workspaceA = await h.services.workspaces.create('Tokens A', { adminEmail: ADMIN_EMAIL });
  workspaceB = await h.services.workspaces.create('Tokens B', { adminEmail: ADMIN_EMAIL });
});
afterAll(async () => {
  await h.close();
});

const db = () => h.runtime.database.db;
/** Computed here, not taken from the code under test, so a change in hashing shows. */
const sha256 = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** A token as the API answers it; `secret` only at creation and rotation. */
type Token = TokenView & { secret?: string };

async function createToken(body: object, options: { token?: string; workspaceId?: string } = {}): Promise<Token & { secret: string }> {
  const response = await h.request('POST', '/api/v1/tokens', { body, ...options });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** Whether the secret authenticates: a call needing only `tokens:read` of its own. */
async function works(secret: string, workspaceId?: string): Promise<boolean> {
  const response = await h.request('GET', '/api/v1/tokens', { token: secret, workspaceId });
  if (response.statusCode === 401) return false;
  expect(response.statusCode, response.body).toBe(200);
  return true;
}

async function listIds(options: { token?: string; workspaceId?: string } = {}): Promise<string[]> {
  const response = await h.request('GET', '/api/v1/tokens', options);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().data.map((token: Token) => token.id);
}

describe('creating a token', () => {
  let created: Token & { secret: string };

  it('answers the token with its secret, which works as a Bearer token', async () => {
    created = await createToken({ name: 'ci', scopes: ['tokens:read', 'users:read'], expiresInDays: 30 });
    expect(created).toMatchObject({
      name: 'ci', description: null, scopes: ['tokens:read', 'users:read'], workspaceId: null, userEmail: ADMIN_EMAIL, lastUsedAt: null, revokedAt: null,
    });
    expect(created.secret.startsWith('tp_')).toBe(true);
    expect(created.prefix).toBe(created.secret.slice(0, 7));
    expect(Math.round((new Date(created.expiresAt!).getTime() - Date.now()) / 86_400_000)).toBe(30);
    expect(await works(created.secret)).toBe(true);
    expect((await h.request('GET', '/api/v1/users', { token: created.secret })).statusCode).toBe(200);
    // Only the scopes given: users:write is not among them.
    expectError(await h.request('POST', '/api/v1/users', { token: created.secret, body: { email: 'x@example.com' } }), 403, 'missing_scope');
  });

  it('stores only the secret\'s hash', async () => {
    const row = await db().selectFrom('api_tokens').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(sha256(created.secret));
    expect(JSON.stringify(row)).not.toContain(created.secret);
    const all = await db().selectFrom('api_tokens').selectAll().execute();
    expect(JSON.stringify(all)).not.toContain(created.secret);
  });

  it('list and get show neither the secret nor the hash', async () => {
    const one = await h.request('GET', `/api/v1/tokens/${created.id}`);
    expect(one.statusCode, one.body).toBe(200);
    expect(Object.keys(one.json()).sort()).toEqual(
      ['createdAt', 'description', 'expiresAt', 'id', 'lastUsedAt', 'name', 'prefix', 'revokedAt', 'scopes', 'userEmail', 'workspaceId'],
    );
    const list = await h.request('GET', '/api/v1/tokens');
    expect(list.json().data.map((token: Token) => token.id)).toContain(created.id);
    for (const body of [one.body, list.body]) {
      expect(body).not.toContain(created.secret);
      expect(body).not.toContain(sha256(created.secret));
      expect(body).not.toContain(sha256(h.adminToken));
      expect(body).not.toContain('"secret"');
    }
  });

  it('keeps a description of what the token is for, shown by get and list, and records it', async () => {
    const described = await createToken({ name: 'deploys', description: 'Nightly deploy job', scopes: ['tokens:read'] });
    expect(described.description).toBe('Nightly deploy job');
    expect((await h.request('GET', `/api/v1/tokens/${described.id}`)).json().description).toBe('Nightly deploy job');
    const listed = (await h.request('GET', '/api/v1/tokens?pageSize=100')).json().data.find((token: Token) => token.id === described.id);
    expect(listed?.description).toBe('Nightly deploy job');
    const event = await db().selectFrom('audit_events').select('changes').where('target_id', '=', described.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(event.changes)).toContain('Nightly deploy job');
  });

  it('refuses a description too long or not a string, creating nothing', async () => {
    const before = await listIds();
    expectError(await h.request('POST', '/api/v1/tokens', { body: { name: 'x', scopes: ['tokens:read'], description: 'd'.repeat(1001) } }), 400, 'invalid_input', 'description');
    expectError(await h.request('POST', '/api/v1/tokens', { body: { name: 'x', scopes: ['tokens:read'], description: ['d'] } }), 400, 'invalid_input', 'description');
    expect(await listIds()).toEqual(before);
  });

  it('refuses unknown scopes, bad expiries and unknown workspaces with a 400', async () => {
    expectError(await h.request('POST', '/api/v1/tokens', { body: { name: 'x', scopes: ['users:read', 'users:admin'] } }), 400, 'invalid_input', 'scopes.1');
    expectError(await h.request('POST', '/api/v1/tokens', { body: { name: 'x', scopes: [] } }), 400, 'invalid_input', 'scopes');
    expectError(await h.request('POST', '/api/v1/tokens', { body: { name: 'x', scopes: ['*'], expiresAt: '2001-01-01T00:00:00Z' } }), 400, 'invalid_input', 'expiresAt');
    expectError(await h.request('POST', '/api/v1/tokens', {
      body: { name: 'x', scopes: ['*'], expiresAt: '2999-01-01T00:00:00Z', expiresInDays: 3 },
    }), 400, 'invalid_input', 'expiresAt');
    expectError(await h.request('POST', '/api/v1/tokens', {
      body: { name: 'x', scopes: ['*'], workspaceId: '00000000-0000-4000-8000-000000000001' },
    }), 400, 'workspace_not_found', 'workspaceId');
  });

  it('an unknown token id is 404 token_not_found', async () => {
    const unknown = '00000000-0000-4000-8000-000000000001';
    for (const [method, suffix] of [['GET', ''], ['DELETE', ''], ['POST', '/rotate']] as const) {
      expectError(await h.request(method, `/api/v1/tokens/${unknown}${suffix}`), 404, 'token_not_found');
    }
  });
});

describe('revoking and rotating', () => {
  it('a revoked token is a 401 at once, and revoking again is a 409', async () => {
    const token = await createToken({ name: 'to revoke', scopes: ['tokens:read'] });
    expect(await works(token.secret)).toBe(true);
    const revoked = await h.request('DELETE', `/api/v1/tokens/${token.id}`);
    expect(revoked.statusCode, revoked.body).toBe(204);
    expectError(await h.request('GET', '/api/v1/tokens', { token: token.secret }), 401, 'invalid_token');
    expect((await h.request('GET', `/api/v1/tokens/${token.id}`)).json().revokedAt).not.toBeNull();
    expectError(await h.request('DELETE', `/api/v1/tokens/${token.id}`), 409, 'token_revoked');
    expectError(await h.request('POST', `/api/v1/tokens/${token.id}/rotate`), 409, 'token_revoked');
  });

  it('rotating answers a new secret; the old one is a 401 at once', async () => {
    const token = await createToken({ name: 'to rotate', scopes: ['tokens:read'] });
    const rotated = await h.request('POST', `/api/v1/tokens/${token.id}/rotate`);
    expect(rotated.statusCode, rotated.body).toBe(200);
    const fresh = rotated.json() as Token & { secret: string };
    expect(fresh).toMatchObject({ id: token.id, name: 'to rotate', scopes: ['tokens:read'], revokedAt: null });
    expect(fresh.secret).not.toBe(token.secret);
    expect(fresh.prefix).toBe(fresh.secret.slice(0, 7));
    expectError(await h.request('GET', '/api/v1/tokens', { token: token.secret }), 401, 'invalid_token');
    expect(await works(fresh.secret)).toBe(true);
    const row = await db().selectFrom('api_tokens').selectAll().where('id', '=', token.id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(sha256(fresh.secret));
  });
});

describe('no escalation', () => {
  it('a token cannot create a token with a scope it lacks, and the 403 names it', async () => {
    const narrow = await h.token(['users:read', 'tokens:write']);
    for (const scopes of [['users:write'], ['*'], ['users:read', 'groups:read']]) {
      const error = expectError(await h.request('POST', '/api/v1/tokens', { token: narrow, body: { name: 'up', scopes } }), 403, 'scope_escalation');
      expect(error.message).toContain(scopes.at(-1));
    }
    // Within its own scopes it may; write implies read.
    const made = await createToken({ name: 'down', scopes: ['users:read', 'tokens:read'] }, { token: narrow });
    expect(made.scopes).toEqual(['users:read', 'tokens:read']);
    const writer = await h.token(['users:write', 'tokens:write']);
    expect((await createToken({ name: 'read', scopes: ['users:read'] }, { token: writer })).scopes).toEqual(['users:read']);
  });

  it('a token cannot rotate a token with scopes it lacks', async () => {
    const wide = await createToken({ name: 'wide', scopes: ['*'] });
    const narrow = await h.token(['tokens:write']);
    const error = expectError(await h.request('POST', `/api/v1/tokens/${wide.id}/rotate`, { token: narrow }), 403, 'scope_escalation');
    expect(error.message).toContain('*');
    expect(await works(wide.secret)).toBe(true);
  });

  it('an expiring token cannot create a token that outlives it', async () => {
    const expiresAt = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const shortLived = await h.token(['tokens:write', 'users:read'], { expiresAt });
    const create = (body: object) => h.request('POST', '/api/v1/tokens', { token: shortLived, body: { name: 'child', scopes: ['users:read'], ...body } });
    expectError(await create({}), 403, 'expiry_escalation', 'expiresAt');
    expectError(await create({ expiresInDays: 3 }), 403, 'expiry_escalation', 'expiresAt');
    const within = await create({ expiresInDays: 1 });
    expect(within.statusCode, within.body).toBe(201);
    const atLimit = await create({ expiresAt });
    expect(atLimit.statusCode, atLimit.body).toBe(201);
    expect(atLimit.json().expiresAt).toBe(expiresAt);
  });

  it('a workspace-bound token creates tokens bound to its workspace only', async () => {
    const bound = await h.token(['*'], { workspaceId: workspaceA });
    const error = expectError(await h.request('POST', '/api/v1/tokens', { token: bound, body: { name: 'wide', scopes: ['users:read'] } }), 403, 'workspace_forbidden');
    expect(error.message).toContain('instance-wide');
    expectError(await h.request('POST', '/api/v1/tokens', {
      token: bound, body: { name: 'other', scopes: ['users:read'], workspaceId: workspaceB },
    }), 403, 'workspace_forbidden');
    const made = await createToken({ name: 'same', scopes: ['tokens:read'], workspaceId: workspaceA }, { token: bound });
    expect(made.workspaceId).toBe(workspaceA);
    expect(await works(made.secret)).toBe(true);
    expectError(await h.request('GET', '/api/v1/tokens', { token: made.secret, workspaceId: workspaceB }), 403, 'workspace_forbidden');
  });

  it('an instance-wide token binds a token to any existing workspace; it acts for the caller\'s user', async () => {
    const other = await h.token(['*'], { email: 'other-admin@example.com' });
    // Not a member of B yet: a token bound to B could not act there.
    expectError(await h.request('POST', '/api/v1/tokens', { token: other, body: { name: 'for B', scopes: ['tokens:read'], workspaceId: workspaceB } }),
      403, 'token_user_not_member');
    const joined = await h.request('POST', '/api/v1/users', { workspaceId: workspaceB, body: { email: 'other-admin@example.com', isAdmin: true } });
    expect(joined.statusCode, joined.body).toBe(201);
    const made = await createToken({ name: 'for B', scopes: ['tokens:read'], workspaceId: workspaceB }, { token: other });
    expect(made).toMatchObject({ workspaceId: workspaceB, userEmail: 'other-admin@example.com' });
  });
});

describe('lastUsedAt', () => {
  it('is recorded in memory on use and written by the flush', async () => {
    const token = await createToken({ name: 'used', scopes: ['tokens:read'] });
    await h.services.tokens.flushUsage();
    const stored = async () => (await db().selectFrom('api_tokens').select('last_used_at').where('id', '=', token.id).executeTakeFirstOrThrow()).last_used_at;
    expect(await stored()).toBeNull();

    const before = Date.now();
    expect(await works(token.secret)).toBe(true);
    expect(await stored()).toBeNull();
    // The API already shows the unflushed use.
    const shown = (await h.request('GET', `/api/v1/tokens/${token.id}`)).json().lastUsedAt as string;
    expect(new Date(shown).getTime()).toBeGreaterThanOrEqual(before - 1000);

    await h.services.tokens.flushUsage();
    const written = await stored();
    expect(written).not.toBeNull();
    expect(new Date(written!).toISOString()).toBe(shown);
    expect((await h.request('GET', `/api/v1/tokens/${token.id}`)).json().lastUsedAt).toBe(shown);
  });
});

describe('workspace isolation of tokens', () => {
  it('a workspace-bound caller sees only tokens bound to its workspace; an instance-wide one also the instance-wide ones', async () => {
    const inA = await createToken({ name: 'in A', scopes: ['tokens:read'], workspaceId: workspaceA });
    const inB = await createToken({ name: 'in B', scopes: ['tokens:read'], workspaceId: workspaceB });
    const wide = await createToken({ name: 'wide', scopes: ['tokens:read'] });

    const fromA = await listIds({ token: inA.secret });
    expect(fromA).toContain(inA.id);
    expect(fromA).not.toContain(inB.id);
    expect(fromA).not.toContain(wide.id);
    const total = (await h.request('GET', '/api/v1/tokens?pageSize=1', { token: inA.secret })).json().total;
    expect(total).toBe(fromA.length);

    const wideInB = await listIds({ workspaceId: workspaceB });
    expect(wideInB).toEqual(expect.arrayContaining([inB.id, wide.id]));
    expect(wideInB).not.toContain(inA.id);

    const bWriter = await h.token(['tokens:write'], { workspaceId: workspaceB });
    for (const [method, suffix] of [['GET', ''], ['DELETE', ''], ['POST', '/rotate']] as const) {
      expectError(await h.request(method, `/api/v1/tokens/${inA.id}${suffix}`, { token: bWriter }), 404, 'token_not_found');
      expectError(await h.request(method, `/api/v1/tokens/${wide.id}${suffix}`, { token: bWriter }), 404, 'token_not_found');
    }
    expect(await works(inA.secret)).toBe(true);
    expect(await works(wide.secret)).toBe(true);
  });
});
