import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretBox, parseSecretKey } from '../../src/core/secrets.ts';
import { ssoSecretContext } from '../../src/core/sso-configuration.service.ts';
import { expectError } from '../helpers/expect-error.ts';
import { ADMIN_EMAIL, Harness, TEST_SECRET_KEY } from '../helpers/harness.ts';
import { type PersonClaims, TestIdentityProvider } from '../helpers/oidc-provider.ts';

const PUBLIC_URL = 'http://toolplane.test';
const REDIRECT_URI = `${PUBLIC_URL}/api/v1/auth/sso/callback`;
const CLIENT_ID = 'toolplane';
const CLIENT_SECRET = 'provider-client-secret-0123456789';
const PASSWORD = 'correct horse battery';
const CSRF = { 'x-toolplane-csrf': '1' };

let h: Harness;
let idp: TestIdentityProvider;
/** The workspace signing in through the provider. */
let corp: string;
const groupIds: Record<string, number> = {};

/** The configuration most tests run under; each may PUT its own variant. */
const config = () => ({
  issuer: idp.issuer,
  clientId: CLIENT_ID,
  clientSecret: CLIENT_SECRET,
  scopes: ['openid', 'email', 'profile', 'groups', 'organization'],
  groupsClaim: 'groups',
  groupMappings: { eng: ['Engineering'], sales: ['Sales'], leads: ['Engineering', 'Leads'] },
  attributeMappings: { department: 'department', level: 'level' },
  allowedDomains: ['corp.example'],
  jitEnabled: true,
  jitRole: 'builder',
});

beforeAll(async () => {
  h = await Harness.start({ publicUrl: PUBLIC_URL });
  idp = await TestIdentityProvider.start({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri: REDIRECT_URI });
  corp = await h.services.workspaces.create('SSO Corp', { adminEmail: ADMIN_EMAIL });
  for (const name of ['Engineering', 'Sales', 'Leads', 'Manual']) {
    const created = await h.request('POST', '/api/v1/groups', { body: { name }, workspaceId: corp });
    expect(created.statusCode, created.body).toBe(201);
    groupIds[name] = created.json().id;
  }
  for (const [name, dataType] of [['department', 'string'], ['level', 'number']]) {
    const created = await h.request('POST', '/api/v1/userAttributes', { body: { name, label: name, dataType }, workspaceId: corp });
    expect(created.statusCode, created.body).toBe(201);
  }
  await configure(config());
});
afterAll(async () => {
  await idp?.close();
  await h?.close();
});

async function configure(body: object): Promise<LightMyRequestResponse> {
  const response = await h.request('PUT', '/api/v1/sso', { body, workspaceId: corp });
  expect([200, 201], response.body).toContain(response.statusCode);
  return response;
}

function person(id: string, claims: PersonClaims): void {
  idp.people.set(id, { email_verified: true, ...claims });
}

async function start(returnTo?: string, workspaceId = corp): Promise<string> {
  const query = returnTo === undefined ? '' : `?returnTo=${encodeURIComponent(returnTo)}`;
  const response = await h.request('GET', `/api/v1/auth/sso/${workspaceId}/start${query}`, { token: null });
  expect(response.statusCode, response.body).toBe(302);
  return response.headers.location as string;
}

function callback(url: URL): Promise<LightMyRequestResponse> {
  return h.app.inject({ method: 'GET', url: `${url.pathname}${url.search}`, headers: { 'user-agent': 'sso-test' }, remoteAddress: '10.9.0.1' });
}

/** Signs the provider's person in to Toolplane through the whole flow; answers the callback's response. */
async function signIn(accountId: string, returnTo?: string): Promise<LightMyRequestResponse> {
  return callback(await idp.signIn(await start(returnTo), accountId));
}

function cookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((candidate) => candidate.name === 'tp_session');
  expect(cookie, response.body).toBeDefined();
  return `tp_session=${cookie!.value}`;
}

async function memberByEmail(email: string) {
  const account = await h.runtime.database.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  if (!account) return undefined;
  const member = await h.request('GET', `/api/v1/users/${account.id}`, { workspaceId: corp });
  return { account, member: member.statusCode === 200 ? member.json() : undefined };
}

async function auditEvents(action: string) {
  return h.runtime.database.db.selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('id').execute();
}

const changesOf = (row: { changes: unknown }) => (typeof row.changes === 'string' ? JSON.parse(row.changes) : row.changes) as Record<string, any>;

describe('signing in through the provider', () => {
  it('creates a member just in time at the first sign-in, with mapped groups and attributes, and a session', async () => {
    person('ada', {
      email: 'Ada@corp.example', given_name: 'Ada', family_name: 'Lovelace', groups: ['eng', 'unmapped'], department: 'Research', level: '3',
    });
    const location = await start('/apps?tab=mine');
    const authorization = new URL(location);
    expect(authorization.origin).toBe(idp.issuer);
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorization.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
    for (const parameter of ['state', 'nonce', 'code_challenge']) expect(authorization.searchParams.get(parameter)).toBeTruthy();
    // Only a hash of the state is kept, and the PKCE verifier is sealed.
    const pending = await h.runtime.database.db.selectFrom('sso_logins').selectAll().execute();
    expect(JSON.stringify(pending)).not.toContain(authorization.searchParams.get('state'));

    const response = await callback(await idp.signIn(location, 'ada'));
    expect(response.statusCode, response.body).toBe(302);
    expect(response.headers.location).toBe('/apps?tab=mine');
    const cookie = response.cookies.find((candidate) => candidate.name === 'tp_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });

    const me = await h.request('GET', '/api/v1/me', { token: null, headers: { cookie: cookieOf(response) } });
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({ email: 'Ada@corp.example', firstName: 'Ada', lastName: 'Lovelace', defaultWorkspaceId: corp });
    expect(me.json().workspaces).toEqual([{ id: corp, name: 'SSO Corp', role: 'builder', status: 'active' }]);
    const sessions = await h.request('GET', '/api/v1/me/sessions', { token: null, headers: { cookie: cookieOf(response) } });
    expect(sessions.json().data[0]).toMatchObject({ method: 'sso', userAgent: 'sso-test', current: true });

    const { member } = (await memberByEmail('Ada@corp.example'))!;
    expect(member.groups.map((group: { name: string }) => group.name)).toEqual(['Engineering']);
    expect(member.attributes).toEqual({ department: 'Research', level: 3 });
    // The session acts with the member's role: a builder reads the workspace.
    const users = await h.request('GET', '/api/v1/users', { token: null, headers: { cookie: cookieOf(response) } });
    expect(users.statusCode, users.body).toBe(200);

    const [signedIn] = (await auditEvents('auth.signed_in')).filter((row) => changesOf(row).method === 'sso');
    expect(signedIn).toMatchObject({ workspace_id: corp, target_id: member.id, actor_type: 'public' });
    expect(changesOf(signedIn!)).toMatchObject({ method: 'sso', joined: true, role: 'builder', groupsAdded: ['Engineering'], address: '10.9.0.1' });
    const created = (await auditEvents('user.created')).find((row) => row.target_id === member.id);
    expect(changesOf(created!)).toMatchObject({ email: 'Ada@corp.example', role: 'builder', via: 'sso' });
  });

  it('brings mapped groups and attributes in line with the claims at a later sign-in, leaving other groups alone', async () => {
    const { member } = (await memberByEmail('Ada@corp.example'))!;
    const added = await h.request('POST', `/api/v1/groups/${groupIds.Manual}/members`, { body: { userId: member.id }, workspaceId: corp });
    expect(added.statusCode, added.body).toBeLessThan(300);
    person('ada', { email: 'ada@corp.example', given_name: 'Ada', family_name: 'Lovelace', groups: ['sales', 'leads'], level: 4 });

    const response = await signIn('ada');
    expect(response.statusCode, response.body).toBe(302);
    expect(response.headers.location).toBe('/');
    const after = (await memberByEmail('Ada@corp.example'))!;
    expect(after.member.groups.map((group: { name: string }) => group.name).sort()).toEqual(['Engineering', 'Leads', 'Manual', 'Sales']);
    // No department claim now: its value is removed.
    expect(after.member.attributes).toEqual({ level: 4 });
    expect(after.account.id).toBe(member.id);

    person('ada', { email: 'ada@corp.example', groups: [], level: 4 });
    expect((await signIn('ada')).statusCode).toBe(302);
    const last = (await memberByEmail('Ada@corp.example'))!;
    expect(last.member.groups.map((group: { name: string }) => group.name)).toEqual(['Manual']);
    const events = (await auditEvents('auth.signed_in')).filter((row) => row.target_id === member.id).map(changesOf);
    expect(events.at(-1)).toMatchObject({ groupsRemoved: ['Engineering', 'Leads', 'Sales'] });
    expect(events.at(-2)).toMatchObject({ groupsAdded: ['Leads', 'Sales'], attributes: { department: null, level: 4 } });
  });

  it('refuses an email outside the allowed domains, and one the provider does not vouch for', async () => {
    person('mallory', { email: 'mallory@elsewhere.example', groups: ['eng'] });
    const refused = await signIn('mallory');
    expectError(refused, 403, 'sso_domain_refused');
    expect(refused.cookies).toEqual([]);
    person('sub-domain', { email: 'eve@mail.corp.example' });
    expectError(await signIn('sub-domain'), 403, 'sso_domain_refused');
    person('unverified', { email: 'unverified@corp.example', email_verified: false });
    expectError(await signIn('unverified'), 403, 'sso_email_unverified');
    expect(await memberByEmail('mallory@elsewhere.example')).toBeUndefined();
    expect(await memberByEmail('unverified@corp.example')).toBeUndefined();
    const failures = (await auditEvents('auth.sign_in_failed')).map(changesOf).filter((changes) => changes.method === 'sso');
    expect(failures.map((changes) => changes.reason)).toEqual(['sso_domain_refused', 'sso_domain_refused', 'sso_email_unverified']);
  });

  it('refuses a tampered, used or expired state, and a state it never issued', async () => {
    person('grace', { email: 'grace@corp.example' });
    const genuine = await idp.signIn(await start(), 'grace');
    const tampered = new URL(genuine);
    tampered.searchParams.set('state', `${genuine.searchParams.get('state')}x`);
    expectError(await callback(tampered), 400, 'invalid_sso_state');
    const missing = new URL(genuine);
    missing.searchParams.delete('state');
    expectError(await callback(missing), 400, 'invalid_sso_state');

    expect((await callback(genuine)).statusCode).toBe(302);
    expectError(await callback(genuine), 400, 'invalid_sso_state');

    const late = await idp.signIn(await start(), 'grace');
    await h.runtime.database.db.updateTable('sso_logins').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).execute();
    expectError(await callback(late), 400, 'invalid_sso_state');
    expect(await h.runtime.database.db.selectFrom('sso_logins').selectAll().execute()).toEqual([]);
  });

  it('refuses a code that was already exchanged', async () => {
    person('linus', { email: 'linus@corp.example' });
    const first = await idp.signIn(await start(), 'linus');
    expect((await callback(first)).statusCode).toBe(302);
    // A new sign-in carrying the used code: its state is genuine, the code is not.
    const second = await idp.signIn(await start(), 'linus');
    const replayed = new URL(second);
    replayed.searchParams.set('code', first.searchParams.get('code')!);
    const refused = expectError(await callback(replayed), 400, 'sso_failed');
    expect(refused.message).toMatch(/invalid_grant/);
    expect(refused.message).toMatch(/start the sign-in again/);
  });

  it('refuses an archived membership and an archived account, and a non-member without JIT', async () => {
    const created = await h.request('POST', '/api/v1/users', { body: { email: 'leaver@corp.example', firstName: 'Lea' }, workspaceId: corp });
    expect(created.statusCode, created.body).toBe(201);
    const disabled = await h.request('PUT', `/api/v1/users/${created.json().id}`, { body: { isDisabled: true }, workspaceId: corp });
    expect(disabled.statusCode, disabled.body).toBe(200);
    person('leaver', { email: 'leaver@corp.example', groups: ['eng'] });
    expectError(await signIn('leaver'), 403, 'sso_membership_archived');
    const { member } = (await memberByEmail('leaver@corp.example'))!;
    expect(member).toMatchObject({ isDisabled: true, groups: [] });

    const account = await h.services.accounts.create({ email: 'gone@corp.example', firstName: 'Gone', lastName: 'Away', status: 'active', memberships: [] });
    await h.services.accounts.update(account.id, { status: 'archived' });
    person('gone', { email: 'gone@corp.example' });
    expectError(await signIn('gone'), 403, 'sso_account_archived');
    expect(await h.runtime.database.db.selectFrom('memberships').selectAll().where('user_id', '=', account.id).execute()).toEqual([]);

    await configure({ ...config(), jitEnabled: false });
    try {
      person('stranger', { email: 'stranger@corp.example' });
      expectError(await signIn('stranger'), 403, 'sso_not_a_member');
      expect(await memberByEmail('stranger@corp.example')).toBeUndefined();
    } finally {
      await configure(config());
    }
  });

  it('lets an account of another workspace join as it is, and activates an invited membership', async () => {
    const other = await h.services.workspaces.create('Elsewhere', { adminEmail: ADMIN_EMAIL });
    const shared = await h.services.accounts.create({
      email: 'shared@corp.example', firstName: 'Kept', lastName: 'Name', status: 'active',
      memberships: [{ workspace: { id: other }, role: 'builder', status: 'active' }],
    });
    person('shared', { email: 'shared@corp.example', given_name: 'Other', family_name: 'Claims' });
    expect((await signIn('shared')).statusCode).toBe(302);
    const { account, member } = (await memberByEmail('shared@corp.example'))!;
    expect(account).toMatchObject({ id: shared.id, first_name: 'Kept', last_name: 'Name', default_workspace_id: other });
    expect(member).toMatchObject({ firstName: 'Kept', isDisabled: false, userType: 'default' });

    const invited = await h.services.accounts.create({
      email: 'invited@corp.example', firstName: 'In', lastName: 'Vited', status: 'invited',
      memberships: [{ workspace: { id: corp }, role: 'end-user', status: 'invited' }],
    });
    person('invited', { email: 'invited@corp.example' });
    expect((await signIn('invited')).statusCode).toBe(302);
    const membership = await h.runtime.database.db.selectFrom('memberships').selectAll()
      .where('user_id', '=', invited.id).where('workspace_id', '=', corp).executeTakeFirstOrThrow();
    expect(membership).toMatchObject({ status: 'active', role: 'end-user' });
    expect((await memberByEmail('invited@corp.example'))!.account.status).toBe('active');
  });

  it('only lands on paths of this server, and needs a configured workspace', async () => {
    for (const returnTo of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'relative', 'javascript:alert(1)']) {
      const response = await h.request('GET', `/api/v1/auth/sso/${corp}/start?returnTo=${encodeURIComponent(returnTo)}`, { token: null });
      expectError(response, 400, 'invalid_input', 'returnTo');
    }
    const unconfigured = await h.request('GET', `/api/v1/auth/sso/${h.defaultWorkspaceId}/start`, { token: null });
    expectError(unconfigured, 404, 'sso_not_configured');
  });
});

describe('configuring single sign-on', () => {
  it('keeps the client secret write-only: sealed at rest, never answered, kept when left out, audited by name', async () => {
    const answer = await h.request('GET', '/api/v1/sso', { workspaceId: corp });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toMatchObject({
      workspaceId: corp, issuer: idp.issuer, clientId: CLIENT_ID, clientSecretSet: true, jitRole: 'builder',
      redirectUri: REDIRECT_URI, signInUrl: `${PUBLIC_URL}/api/v1/auth/sso/${corp}/start`,
    });
    expect(answer.body).not.toContain(CLIENT_SECRET);
    expect(answer.json()).not.toHaveProperty('clientSecret');

    const { clientSecret: _, ...withoutSecret } = config();
    const kept = await configure({ ...withoutSecret, clientId: CLIENT_ID });
    expect(kept.statusCode).toBe(200);
    expect(kept.json().clientSecretSet).toBe(true);
    const row = await h.runtime.database.db.selectFrom('sso_configurations').selectAll().where('workspace_id', '=', corp).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(CLIENT_SECRET);
    const box = new SecretBox(parseSecretKey(TEST_SECRET_KEY));
    expect(box.open(row.client_secret!, ssoSecretContext(corp))).toBe(CLIENT_SECRET);
    expect(() => box.open(row.client_secret!, ssoSecretContext(h.defaultWorkspaceId))).toThrow();
    // Signing in still works with the kept secret.
    person('kept', { email: 'kept@corp.example' });
    expect((await signIn('kept')).statusCode).toBe(302);

    const events = await auditEvents('sso.configured');
    expect(JSON.stringify(events)).not.toContain(CLIENT_SECRET);
    expect(changesOf(events[0]!)).toMatchObject({ secretNames: ['clientSecret'], issuer: idp.issuer });
    expect(changesOf(events.at(-1)!)).not.toHaveProperty('secretNames');
  });

  it('refuses each invalid field with a 400 naming it', async () => {
    const cases: Array<[object, string, string?]> = [
      [{ issuer: undefined }, 'issuer'],
      [{ issuer: 'not a url' }, 'issuer'],
      [{ issuer: 'http://login.example.com' }, 'issuer'],
      [{ issuer: 'https://login.example.com/?tenant=1' }, 'issuer'],
      [{ clientId: '' }, 'clientId'],
      [{ clientSecret: '' }, 'clientSecret'],
      [{ scopes: ['email', 'profile'] }, 'scopes'],
      [{ scopes: ['openid', 'bad scope'] }, 'scopes.1'],
      [{ groupsClaim: null }, 'groupsClaim'],
      [{ groupMappings: { eng: ['Engineering', 'Nope', 'Neither'] } }, 'groupMappings.eng', 'group_not_found'],
      [{ groupMappings: { eng: 'Engineering' } }, 'groupMappings.eng'],
      [{ attributeMappings: { dept: 'no_such_attribute' } }, 'attributeMappings.dept', 'unknown_attribute'],
      [{ attributeMappings: { a: 'level', b: 'level' } }, 'attributeMappings.b'],
      [{ allowedDomains: ['https://corp.example'] }, 'allowedDomains.0', 'invalid_domain'],
      [{ allowedDomains: [] }, 'allowedDomains'],
      [{ jitEnabled: 'yes' }, 'jitEnabled'],
      [{ jitRole: 'owner' }, 'jitRole'],
      [{ passwordLoginAllowed: 1 }, 'passwordLoginAllowed'],
    ];
    const before = await h.request('GET', '/api/v1/sso', { workspaceId: corp });
    for (const [change, field, code] of cases) {
      const response = await h.request('PUT', '/api/v1/sso', { body: { ...config(), ...change }, workspaceId: corp });
      const error = expectError(response, 400, code, field);
      if (field === 'groupMappings.eng' && code) expect(error.message).toContain('Nope, Neither');
    }
    expect((await h.request('GET', '/api/v1/sso', { workspaceId: corp })).body).toBe(before.body);
  });

  it('is for admins: the sso scope, which builders do not have', async () => {
    const reader = await h.token(['sso:read'], { workspaceId: corp });
    expect((await h.request('GET', '/api/v1/sso', { token: reader })).statusCode).toBe(200);
    expectError(await h.request('PUT', '/api/v1/sso', { token: reader, body: config() }), 403, 'missing_scope');
    const usersOnly = await h.token(['users:write', 'groups:write'], { workspaceId: corp });
    expectError(await h.request('GET', '/api/v1/sso', { token: usersOnly }), 403, 'missing_scope');

    // Ada is a builder of the workspace, signed in through the provider.
    person('ada', { email: 'ada@corp.example' });
    const builder = cookieOf(await signIn('ada'));
    expectError(await h.request('GET', '/api/v1/sso', { token: null, headers: { cookie: builder } }), 403, 'missing_scope');
  });

  it('removes the configuration, and then sends nobody to the provider', async () => {
    const other = await h.services.workspaces.create('Short-lived SSO', { adminEmail: ADMIN_EMAIL });
    const created = await h.request('PUT', '/api/v1/sso', { body: { issuer: idp.issuer, clientId: 'another' }, workspaceId: other });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ scopes: ['openid', 'email', 'profile'], clientSecretSet: false, jitEnabled: false, passwordLoginAllowed: true });
    expect((await h.request('DELETE', '/api/v1/sso', { workspaceId: other })).statusCode).toBe(204);
    expectError(await h.request('GET', '/api/v1/sso', { workspaceId: other }), 404, 'sso_not_configured');
    expectError(await h.request('DELETE', '/api/v1/sso', { workspaceId: other }), 404, 'sso_not_configured');
    expectError(await h.request('GET', `/api/v1/auth/sso/${other}/start`, { token: null }), 404, 'sso_not_configured');
    const [removed] = await auditEvents('sso.removed');
    expect(removed).toMatchObject({ workspace_id: other, target_type: 'sso_configuration', target_id: other });
  });
});

describe('password sign-in where single sign-on is required', () => {
  function passwordSignIn(email: string, password = PASSWORD) {
    return h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, headers: CSRF, remoteAddress: '10.9.1.1' });
  }

  it('is refused after the password check, while instance admins keep it', async () => {
    const { account } = (await memberByEmail('Ada@corp.example'))!;
    await h.services.accounts.update(account.id, { password: PASSWORD });
    const admin = (await h.actor()).userId;
    await h.services.accounts.update(admin, { password: PASSWORD });
    expect((await passwordSignIn('ada@corp.example')).statusCode).toBe(200);

    await configure({ ...config(), passwordLoginAllowed: false });
    try {
      const refused = await passwordSignIn('ada@corp.example');
      expectError(refused, 403, 'password_sign_in_disabled');
      expect(refused.cookies).toEqual([]);
      // A wrong password learns nothing more than before.
      expectError(await passwordSignIn('ada@corp.example', 'wrong password'), 401, 'invalid_credentials');
      // The instance admin belongs to the workspace too, and still signs in with a password.
      expect((await passwordSignIn(ADMIN_EMAIL)).statusCode).toBe(200);
      // Single sign-on itself goes on.
      expect((await signIn('ada')).statusCode).toBe(302);
    } finally {
      await configure(config());
    }
    expect((await passwordSignIn('ada@corp.example')).statusCode).toBe(200);
  });
});
