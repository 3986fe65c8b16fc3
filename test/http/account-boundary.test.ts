import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../helpers/expect-error.ts';
import { ADMIN_EMAIL, Harness } from '../helpers/harness.ts';

/**
 * The account boundary: an account several workspaces share is changed only by the instance,
 * or by a workspace it belongs to alone; a token acts only while its user is an active member
 * of its workspace; rotating obeys the rules of creating; an invite cannot take an account over.
 */
let h: Harness;
let workspaceA: string;
let workspaceB: string;
/** Workspace-bound tokens with every scope. */
let tokenA: string;
let tokenB: string;

beforeAll(async () => {
  h = await Harness.start();
  workspaceA = await h.services.workspaces.create('Boundary A', { adminEmail: ADMIN_EMAIL });
  workspaceB = await h.services.workspaces.create('Boundary B', { adminEmail: ADMIN_EMAIL });
  tokenA = await h.token(['*'], { workspaceId: workspaceA });
  tokenB = await h.token(['*'], { workspaceId: workspaceB });
});
afterAll(async () => {
  await h.close();
});

const db = () => h.runtime.database.db;
const account = (email: string) => db().selectFrom('users').selectAll().where('email', '=', email).executeTakeFirstOrThrow();

async function ok(response: LightMyRequestResponse, status = 200) {
  expect(response.statusCode, response.body).toBe(status);
  return response.json();
}

const addUser = (token: string, body: object) => h.request('POST', '/api/v1/users', { token, body });
const getUser = (token: string, id: string) => h.request('GET', `/api/v1/users/${id}`, { token });
const auditOf = async (token: string, targetId: string) =>
  (await ok(await h.request('GET', `/api/v1/auditEvents?targetId=${targetId}`, { token }))).data as { action: string }[];

describe('an archived account', () => {
  it('is not revived by a workspace adding it, nor re-enabled by one; only the instance restores it', async () => {
    const created = await ok(await h.ext('POST', '/api/ext/users', {
      body: { name: 'Olga Off', email: 'olga@example.com', password: 'olga-password', workspaces: [{ id: workspaceB, status: 'active' }] },
    }), 201);
    const olgaToken = await h.token(['users:read'], { email: 'olga@example.com' });
    expect((await h.request('GET', '/api/v1/users', { token: olgaToken })).statusCode).toBe(200);
    await ok(await h.ext('PATCH', `/api/ext/user/${created.id}`, { body: { status: 'archived' } }));
    expect((await h.request('GET', '/api/v1/users', { token: olgaToken })).statusCode).toBe(401);

    expectError(await addUser(tokenA, { email: 'OLGA@example.com', firstName: 'Olga' }), 409, 'user_archived', 'email');
    expect((await account('olga@example.com')).status).toBe('archived');
    expectError(await getUser(tokenA, created.id), 404, 'user_not_found');
    expect((await h.request('GET', '/api/v1/users', { token: olgaToken })).statusCode).toBe(401);
    // Its own workspace cannot re-enable the archived membership either.
    expectError(await h.request('PUT', `/api/v1/users/${created.id}`, { token: tokenB, body: { isDisabled: false } }), 409, 'user_archived');
    expect((await ok(await getUser(tokenB, created.id))).isDisabled).toBe(true);

    await ok(await h.ext('PATCH', `/api/ext/user/${created.id}`, { body: { status: 'active' } }));
    expect((await ok(await addUser(tokenA, { email: 'olga@example.com' }), 201)).id).toBe(created.id);
    expect((await h.request('GET', '/api/v1/users', { token: olgaToken })).statusCode).toBe(200);
  });

  it('is not imported into a workspace', async () => {
    const created = await ok(await h.ext('POST', '/api/ext/users', {
      body: { name: 'Ivan Import', email: 'ivan@example.com', workspaces: [{ id: workspaceB, status: 'active' }] },
    }), 201);
    await ok(await h.ext('PATCH', `/api/ext/user/${created.id}`, { body: { status: 'archived' } }));
    const report = await h.services.userImports.run(workspaceA, [{ line: 2, fields: { email: 'ivan@example.com', role: 'builder' } }]);
    expect(report).toMatchObject({ created: 0, failed: 1 });
    expect(report.outcomes[0]!.reason).toContain('archived');
    expect(await db().selectFrom('memberships').select('status').where('user_id', '=', created.id).where('workspace_id', '=', workspaceA).executeTakeFirst())
      .toBeUndefined();
  });
});

describe('names of an account that workspaces share', () => {
  it('adding an existing account shows the names given here, never another workspace\'s', async () => {
    const inB = await ok(await addUser(tokenB, { email: 'bea@example.com', firstName: 'Beatrice', lastName: 'Private' }), 201);
    const inA = await ok(await addUser(tokenA, { email: 'bea@example.com' }), 201);
    expect(inA.id).toBe(inB.id);
    expect(inA).toMatchObject({ firstName: '', lastName: '' });
    expect(JSON.stringify(await ok(await getUser(tokenA, inA.id)))).not.toContain('Beatrice');
    expect(JSON.stringify((await ok(await h.request('GET', '/api/v1/users?pageSize=100', { token: tokenA }))).data)).not.toContain('Beatrice');
    expect(await ok(await getUser(tokenB, inB.id))).toMatchObject({ firstName: 'Beatrice', lastName: 'Private' });
  });

  it('a workspace renames a shared account for itself only: the other workspace, its audit log and the account stay as they were', async () => {
    const inB = await ok(await addUser(tokenB, { email: 'sam@example.com', firstName: 'Sam', lastName: 'Shared' }), 201);
    await ok(await addUser(tokenA, { email: 'sam@example.com', firstName: 'Samuel' }), 201);
    const bEventsBefore = await auditOf(tokenB, inB.id);

    const renamed = await ok(await h.request('PUT', `/api/v1/users/${inB.id}`, { token: tokenA, body: { firstName: 'Renamed', lastName: 'ByA' } }));
    expect(renamed).toMatchObject({ firstName: 'Renamed', lastName: 'ByA' });
    expect(await ok(await getUser(tokenA, inB.id))).toMatchObject({ firstName: 'Renamed', lastName: 'ByA' });
    expect(await ok(await getUser(tokenB, inB.id))).toMatchObject({ firstName: 'Sam', lastName: 'Shared' });
    expect(await account('sam@example.com')).toMatchObject({ first_name: 'Sam', last_name: 'Shared' });
    expect(await ok(await h.ext('GET', `/api/ext/user/${inB.id}`))).toMatchObject({ name: 'Sam Shared' });
    expect(await auditOf(tokenB, inB.id)).toEqual(bEventsBefore);
    expect((await auditOf(tokenA, inB.id)).map((event) => event.action)).toContain('user.updated');
  });

  it('a workspace that holds the account alone renames the account itself', async () => {
    const inB = await ok(await addUser(tokenB, { email: 'lone@example.com', firstName: 'Lone' }), 201);
    await ok(await addUser(tokenA, { email: 'lone@example.com', firstName: 'Seen-in-A' }), 201);
    expect((await h.request('DELETE', `/api/v1/users/${inB.id}`, { token: tokenB })).statusCode).toBe(204);

    await ok(await h.request('PUT', `/api/v1/users/${inB.id}`, { token: tokenA, body: { firstName: 'Only', lastName: 'A' } }));
    expect(await account('lone@example.com')).toMatchObject({ first_name: 'Only', last_name: 'A' });
    expect(await ok(await h.ext('GET', `/api/ext/user/${inB.id}`))).toMatchObject({ name: 'Only A' });
  });
});

describe('a token whose user leaves its workspace', () => {
  it('is refused on every route at once when the membership is removed or archived, and works again once restored', async () => {
    const carol = await ok(await addUser(tokenA, { email: 'carol@example.com', isAdmin: true }), 201);
    const carolToken = await h.token(['*'], { workspaceId: workspaceA, email: 'carol@example.com' });
    expect((await h.request('GET', '/api/v1/users', { token: carolToken })).statusCode).toBe(200);

    await ok(await h.request('PUT', `/api/v1/users/${carol.id}`, { token: tokenA, body: { isDisabled: true } }));
    expectError(await h.request('GET', '/api/v1/users', { token: carolToken }), 403, 'token_user_not_member');
    await ok(await h.request('PUT', `/api/v1/users/${carol.id}`, { token: tokenA, body: { isDisabled: false } }));
    expect((await h.request('GET', '/api/v1/groups', { token: carolToken })).statusCode).toBe(200);

    expect((await h.request('DELETE', `/api/v1/users/${carol.id}`, { token: tokenA })).statusCode).toBe(204);
    expectError(await h.request('GET', '/api/v1/users', { token: carolToken }), 403, 'token_user_not_member');
    expectError(await addUser(carolToken, { email: 'carol@example.com', isAdmin: true }), 403, 'token_user_not_member');
    expectError(await h.request('POST', '/api/v1/tokens', { token: carolToken, body: { name: 'x', scopes: ['users:read'], workspaceId: workspaceA } }),
      403, 'token_user_not_member');
    expect(await db().selectFrom('memberships').select('role').where('user_id', '=', carol.id).where('workspace_id', '=', workspaceA).executeTakeFirst())
      .toBeUndefined();
  });
});

describe('rotating a token', () => {
  const create = async (token: string, body: object) => ok(await h.request('POST', '/api/v1/tokens', { token, body }), 201);

  it('is refused when the caller expires sooner than the token, and leaves its secret working', async () => {
    const forever = await create(h.adminToken, { name: 'forever', scopes: ['tokens:write', 'users:read'] });
    const shortLived = await create(h.adminToken, { name: 'short', scopes: ['tokens:write', 'users:read'], expiresInDays: 1 });
    expectError(await h.request('POST', `/api/v1/tokens/${forever.id}/rotate`, { token: shortLived.secret }), 403, 'expiry_escalation', 'expiresAt');
    expect((await h.request('GET', '/api/v1/users', { token: forever.secret })).statusCode).toBe(200);
    // A token expiring no later than the caller's own may be rotated.
    const sooner = await create(h.adminToken, { name: 'sooner', scopes: ['users:read'], expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    const rotated = await ok(await h.request('POST', `/api/v1/tokens/${sooner.id}/rotate`, { token: shortLived.secret }));
    expect(rotated.secret).not.toBe(sooner.secret);
  });

  it('never hands over the secret of a token acting for another user', async () => {
    const otherToken = await h.token(['*'], { email: 'dana@example.com' });
    const danas = await create(otherToken, { name: 'dana ci', scopes: ['users:read'] });
    expectError(await h.request('POST', `/api/v1/tokens/${danas.id}/rotate`, { token: h.adminToken }), 403, 'token_of_other_user');
    expect((await h.request('GET', '/api/v1/users', { token: danas.secret })).statusCode).toBe(200);
    // Revoking hands nothing over: allowed.
    expect((await h.request('DELETE', `/api/v1/tokens/${danas.id}`, { token: h.adminToken })).statusCode).toBe(204);
  });
});

describe('accepting an invite', () => {
  const invite = async (token: string, email: string) => (await ok(await h.request('POST', '/api/v1/invites', { token, body: { email, role: 'end-user' } }), 201)).acceptUrl as string;
  const tokenOf = (url: string) => url.split('/invite/')[1]!;
  const accept = (body: object) => h.app.inject({ method: 'POST', url: '/api/v1/invites/accept', payload: body, remoteAddress: `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` });

  it('does not take over an account that has a password, even one that left its other workspaces', async () => {
    const created = await ok(await h.ext('POST', '/api/ext/users', {
      body: { name: 'Paula Past', email: 'paula@example.com', password: 'paulas-own-password', workspaces: [{ id: workspaceB, status: 'active' }] },
    }), 201);
    await ok(await h.ext('PUT', `/api/ext/user/${created.id}/workspaces`, { body: [] }));
    const before = await account('paula@example.com');

    const url = await invite(tokenA, 'paula@example.com');
    const page = await h.app.inject({ method: 'GET', url: new URL(url).pathname });
    expect(page.body).not.toContain('name="password"');
    const accepted = await ok(await accept({ token: tokenOf(url), firstName: 'Mallory', lastName: 'Taker', password: 'attacker-password' }));
    expect(accepted).toMatchObject({ userId: created.id, accountSetUp: false });
    const after = await account('paula@example.com');
    expect(after).toMatchObject({ password_hash: before.password_hash, first_name: 'Paula', last_name: 'Past', status: 'active' });
    // The names given are the inviting workspace's own for the member.
    expect(await ok(await getUser(tokenA, created.id))).toMatchObject({ firstName: 'Mallory', lastName: 'Taker' });
  });

  it('sets up an account without a password that belongs to the inviting workspace alone, and requires the password for it', async () => {
    const url = await invite(tokenA, 'newbie@example.com');
    const page = await h.app.inject({ method: 'GET', url: new URL(url).pathname });
    expect(page.body).toContain('name="password"');
    expectError(await accept({ token: tokenOf(url), firstName: 'New', lastName: 'Bie' }), 400, 'invalid_input', 'password');
    const accepted = await ok(await accept({ token: tokenOf(url), firstName: 'New', lastName: 'Bie', password: 'newbie-password' }));
    expect(accepted.accountSetUp).toBe(true);
    expect(await account('newbie@example.com')).toMatchObject({ first_name: 'New', last_name: 'Bie', password_hash: expect.stringMatching(/^scrypt\$/) });
  });
});
