import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMIT, DEFAULT_SESSION } from '../../src/config.ts';
import { expectError } from '../helpers/expect-error.ts';
import { ADMIN_EMAIL, Harness } from '../helpers/harness.ts';

const PASSWORD = 'correct horse battery';
const CSRF = { 'x-toolplane-csrf': '1' };

let h: Harness;
let workspaceB: string;

beforeAll(async () => {
  h = await Harness.start({
    rateLimit: { ...DEFAULT_RATE_LIMIT, perToken: 1_000_000, perAddress: 1_000_000, signInFailuresPerAccount: 3, signInFailuresPerAddress: 1000 },
  });
  workspaceB = await h.services.workspaces.create('Sign-in B', { adminEmail: ADMIN_EMAIL });
  await person('admin@example.com');
  await person('builder@example.com', 'builder');
  await person('enduser@example.com', 'end-user');
});
afterAll(async () => {
  await h.close();
});

/** A member of the default workspace with PASSWORD, made through the instance's API. */
async function person(email: string, role?: 'builder' | 'end-user'): Promise<string> {
  const account = await h.services.accounts.get(email).catch(() => undefined);
  const id = account?.id ?? (await h.services.accounts.create({
    email, firstName: email.split('@')[0]!, lastName: 'Person', status: 'active',
    memberships: [{ workspace: { id: h.defaultWorkspaceId }, role, status: 'active' }],
  })).id;
  await h.services.accounts.update(id, { password: PASSWORD });
  return id;
}

function signIn(email: string, password = PASSWORD, headers: Record<string, string> = CSRF, remoteAddress = '10.1.0.1') {
  return h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, headers, remoteAddress });
}

/** The session cookie a sign-in set: `tp_session=<secret>`. */
function cookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((candidate) => candidate.name === 'tp_session');
  expect(cookie, response.body).toBeDefined();
  return `tp_session=${cookie!.value}`;
}

async function session(email: string): Promise<string> {
  const response = await signIn(email);
  expect(response.statusCode, response.body).toBe(200);
  return cookieOf(response);
}

function withSession(cookie: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: object, headers: Record<string, string> = CSRF) {
  return h.request(method, url, { token: null, body, headers: { cookie, ...headers } });
}

describe('signing in', () => {
  it('starts a session in an HttpOnly, SameSite=Lax cookie, and answers the person with their workspaces', async () => {
    const response = await signIn('ADMIN@example.com');
    expect(response.statusCode, response.body).toBe(200);
    const cookie = response.cookies.find((candidate) => candidate.name === 'tp_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy();
    expect(cookie.value.startsWith('tps_')).toBe(true);
    expect(new Date(cookie.expires!).getTime() - Date.now()).toBeGreaterThan(DEFAULT_SESSION.maxAgeMs - 60_000);
    const body = response.json();
    expect(body.me).toMatchObject({ email: ADMIN_EMAIL, instanceAdmin: true });
    expect(body.me.workspaces.map((workspace: { id: string }) => workspace.id)).toEqual(expect.arrayContaining([h.defaultWorkspaceId, workspaceB]));
    expect(body.session).toMatchObject({ method: 'password', current: true });
    expect(JSON.stringify(body)).not.toContain(cookie.value);
    // The secret is stored only as its hash.
    const stored = await h.runtime.database.db.selectFrom('sessions').selectAll().where('id', '=', body.session.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(cookie.value);

    const me = await withSession(cookieOf(response), 'GET', '/api/v1/me');
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json().email).toBe(ADMIN_EMAIL);
  });

  it('answers every failure alike, whether the email exists or not, and audits it', async () => {
    const wrong = await signIn('builder@example.com', 'not the password', CSRF, '10.1.1.1');
    const unknown = await signIn('nobody@example.com', 'not the password', CSRF, '10.1.1.2');
    const noPassword = await signIn('nopass@example.com', '', CSRF, '10.1.1.3');
    for (const response of [wrong, unknown]) {
      expectError(response, 401, 'invalid_credentials');
      expect(response.json().message).toBe(wrong.json().message);
      expect(response.cookies).toEqual([]);
    }
    expectError(noPassword, 400);
    const events = (await h.request('GET', '/api/v1/auditEvents?action=auth.sign_in_failed')).json().data;
    expect(events.map((event: { changes: { email: string } }) => event.changes.email)).toEqual(
      expect.arrayContaining(['builder@example.com', 'nobody@example.com']),
    );
    expect(JSON.stringify(events)).not.toContain('not the password');
    expect(events.map((event: { actor: { address: string } }) => event.actor.address)).toEqual(expect.arrayContaining(['10.1.1.1', '10.1.1.2']));
  });

  it('refuses an archived account as it refuses a wrong password', async () => {
    const id = await person('leaver@example.com', 'builder');
    await h.services.accounts.update(id, { status: 'archived' });
    expectError(await signIn('leaver@example.com', PASSWORD, CSRF, '10.1.2.1'), 401, 'invalid_credentials');
  });

  it('throttles failures per account for one window, and leaves other accounts alone', async () => {
    await person('target@example.com', 'builder');
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expectError(await signIn('target@example.com', 'guess', CSRF, `10.2.0.${attempt + 1}`), 401, 'invalid_credentials');
    }
    const refused = expectError(await signIn('target@example.com', PASSWORD, CSRF, '10.2.0.9'), 429, 'rate_limited');
    expect(refused.message).toMatch(/retry in \d+ s/);
    expect((await signIn('builder@example.com', PASSWORD, CSRF, '10.2.0.9')).statusCode).toBe(200);
  });

  it('needs the CSRF header and a same-site origin', async () => {
    expectError(await signIn('builder@example.com', PASSWORD, {}), 403, 'csrf_header_missing');
    expectError(await signIn('builder@example.com', PASSWORD, { ...CSRF, origin: 'https://evil.example' }), 403, 'cross_site_request');
    expect((await signIn('builder@example.com', PASSWORD, { ...CSRF, origin: 'http://toolplane.test' })).statusCode).toBe(200);
  });
});

describe('a session acting in the native API', () => {
  it('writes only with the CSRF header and from its own origin; token calls need neither', async () => {
    const cookie = await session('admin@example.com');
    const body = { name: 'Made by a session' };
    expectError(await withSession(cookie, 'POST', '/api/v1/groups', body, {}), 403, 'csrf_header_missing');
    expectError(await withSession(cookie, 'POST', '/api/v1/groups', body, { ...CSRF, origin: 'https://evil.example' }), 403, 'cross_site_request');
    const made = await withSession(cookie, 'POST', '/api/v1/groups', body);
    expect(made.statusCode, made.body).toBe(201);
    const events = (await h.request('GET', `/api/v1/auditEvents?targetType=group&targetId=${made.json().id}`)).json().data;
    expect(events[0].actor).toMatchObject({ type: 'session', tokenId: null, address: '127.0.0.1', userAgent: 'lightMyRequest' });
    expect((await h.request('POST', '/api/v1/groups', { body: { name: 'Made by a token' } })).statusCode).toBe(201);
  });

  it('follows the role: an admin writes, a builder reads, an end user only reaches their own account', async () => {
    const builder = await session('builder@example.com');
    expect((await withSession(builder, 'GET', '/api/v1/users')).statusCode).toBe(200);
    expectError(await withSession(builder, 'POST', '/api/v1/users', { email: 'x@example.com' }), 403, 'missing_scope');
    expectError(await withSession(builder, 'GET', '/api/v1/tokens'), 403, 'missing_scope');

    const endUser = await session('enduser@example.com');
    expectError(await withSession(endUser, 'GET', '/api/v1/users'), 403, 'missing_scope');
    const renamed = await withSession(endUser, 'PATCH', '/api/v1/me', { firstName: 'Eve' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ firstName: 'Eve', instanceAdmin: false });
    expectError(await withSession(endUser, 'GET', '/api/v1/users', undefined, { ...CSRF, 'x-workspace-id': workspaceB }), 403, 'not_a_member');
  });

  it('is refused at once once signed out, and a cookie beside a token is ignored', async () => {
    const cookie = await session('builder@example.com');
    expect((await withSession(cookie, 'POST', '/api/v1/auth/logout')).statusCode).toBe(204);
    expectError(await withSession(cookie, 'GET', '/api/v1/me'), 401, 'invalid_session');
    const both = await h.request('GET', '/api/v1/tokens', { headers: { cookie } });
    expect(both.statusCode).toBe(200);
  });

  it('lists the person\'s sessions, ends one, and a password change ends the others', async () => {
    const first = await session('enduser@example.com');
    const second = await session('enduser@example.com');
    const listed = (await withSession(first, 'GET', '/api/v1/me/sessions')).json().data as { id: string; current: boolean }[];
    expect(listed.filter((item) => item.current)).toHaveLength(1);
    const secondId = listed.find((item) => !item.current)!.id;
    expect((await withSession(first, 'DELETE', `/api/v1/me/sessions/${secondId}`)).statusCode).toBe(204);
    expectError(await withSession(second, 'GET', '/api/v1/me'), 401, 'invalid_session');
    // Another person's session is not found.
    const admin = await session('admin@example.com');
    const adminSessions = (await withSession(admin, 'GET', '/api/v1/me/sessions')).json().data as { id: string }[];
    expectError(await withSession(first, 'DELETE', `/api/v1/me/sessions/${adminSessions[0]!.id}`), 404, 'session_not_found');

    const third = await session('enduser@example.com');
    expectError(await withSession(first, 'POST', '/api/v1/me/password', { currentPassword: 'wrong one', newPassword: 'a new password' }), 403, 'wrong_password');
    expect((await withSession(first, 'POST', '/api/v1/me/password', { currentPassword: PASSWORD, newPassword: 'a new password' })).statusCode).toBe(204);
    expectError(await withSession(third, 'GET', '/api/v1/me'), 401, 'invalid_session');
    expect((await withSession(first, 'GET', '/api/v1/me')).statusCode).toBe(200);
    expect((await signIn('enduser@example.com', 'a new password', CSRF, '10.3.0.1')).statusCode).toBe(200);
    await h.services.accounts.update((await h.services.accounts.get('enduser@example.com')).id, { password: PASSWORD });
  });
});

describe('session lifetimes', () => {
  it('ends a session idle too long, and one past its absolute lifetime', async () => {
    const short = await Harness.start({ session: { idleMs: 400, maxAgeMs: 60_000 } });
    const brief = await Harness.start({ session: { idleMs: 60_000, maxAgeMs: 400 } });
    try {
      for (const harness of [short, brief]) {
        const account = await harness.services.accounts.create({
          email: 'life@example.com', firstName: 'L', lastName: 'T', status: 'active', password: PASSWORD,
          memberships: [{ workspace: { id: harness.defaultWorkspaceId }, status: 'active' }],
        });
        expect(account.id).toBeTruthy();
        const response = await harness.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'life@example.com', password: PASSWORD }, headers: CSRF });
        const cookie = cookieOf(response);
        expect((await harness.request('GET', '/api/v1/me', { token: null, headers: { cookie } })).statusCode).toBe(200);
        await new Promise((resolve) => setTimeout(resolve, 600));
        expectError(await harness.request('GET', '/api/v1/me', { token: null, headers: { cookie } }), 401, 'invalid_session');
      }
    } finally {
      await short.close();
      await brief.close();
    }
  });
});
