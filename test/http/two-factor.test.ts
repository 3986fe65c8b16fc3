import type { LightMyRequestResponse } from 'fastify';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_RATE_LIMIT } from '../../src/config.ts';
import { KeyRotationService } from '../../src/core/key-rotation.service.ts';
import { SecretBox, generateSecretKey, parseSecretKey } from '../../src/core/secrets.ts';
import { totpSecretContext } from '../../src/core/two-factor.service.ts';
import { Store } from '../../src/db/store.ts';
import { expectError } from '../helpers/expect-error.ts';
import { Harness, TEST_SECRET_KEY } from '../helpers/harness.ts';

const PASSWORD = 'correct horse battery';
const CSRF = { 'x-toolplane-csrf': '1' };
const RECOVERY_CODE = /^[0-9a-z]{5}-[0-9a-z]{5}$/;
const FAILURES_PER_ACCOUNT = 5;

let h: Harness;
let workspaceB: string;

beforeAll(async () => {
  h = await Harness.start({
    rateLimit: {
      ...DEFAULT_RATE_LIMIT, perToken: 1_000_000, perAddress: 1_000_000, signInFailuresPerAccount: FAILURES_PER_ACCOUNT, signInFailuresPerAddress: 1000,
    },
  });
  workspaceB = await h.services.workspaces.create('Two-factor B');
  // The server's clock and the codes made here agree; `nextStep` moves both on by one TOTP step.
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
});
afterAll(async () => {
  vi.useRealTimers();
  await h?.close();
});

function nextStep(): void {
  vi.setSystemTime(Date.now() + 30_000);
}

function codeNow(secret: string): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) });
}

/** A code of the secret that is not the current one nor one either side. */
async function wrongCode(secret: string): Promise<string> {
  const near = await Promise.all([-30, 0, 30].map((offset) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offset })));
  for (let candidate = 0; ; candidate += 1) {
    const code = String(candidate).padStart(6, '0');
    if (!near.includes(code)) return code;
  }
}

/** An active member (of the default workspace, and of workspace B when asked) with PASSWORD. */
async function person(email: string, options: { role?: 'builder' | 'end-user'; inB?: boolean } = {}): Promise<string> {
  const memberships = [{ workspace: { id: h.defaultWorkspaceId }, role: options.role ?? 'builder', status: 'active' as const }];
  if (options.inB) memberships.push({ workspace: { id: workspaceB }, role: options.role ?? 'builder', status: 'active' });
  const account = await h.services.accounts.create({
    email, firstName: email.split('@')[0]!, lastName: 'Person', status: 'active', password: PASSWORD, memberships,
  });
  return account.id;
}

function signIn(email: string, extra: Record<string, string> = {}, remoteAddress = '10.9.0.1', password = PASSWORD) {
  return h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password, ...extra }, headers: CSRF, remoteAddress });
}

function cookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((candidate) => candidate.name === 'tp_session');
  expect(cookie, response.body).toBeDefined();
  return `tp_session=${cookie!.value}`;
}

async function session(email: string, extra: Record<string, string> = {}): Promise<string> {
  const response = await signIn(email, extra);
  expect(response.statusCode, response.body).toBe(200);
  return cookieOf(response);
}

function withSession(cookie: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: object, headers: Record<string, string> = CSRF) {
  return h.request(method, url, { token: null, body, headers: { cookie, ...headers } });
}

/** A person with two-factor on: their session from before, their secret and recovery codes. The next step is current. */
async function enrolled(email: string, options: { inB?: boolean } = {}) {
  const id = await person(email, options);
  const cookie = await session(email);
  const setup = await withSession(cookie, 'POST', '/api/v1/me/two-factor/setup');
  expect(setup.statusCode, setup.body).toBe(200);
  const secret = setup.json().secret as string;
  const confirmed = await withSession(cookie, 'POST', '/api/v1/me/two-factor/confirm', { code: await codeNow(secret) });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  nextStep();
  return { id, cookie, secret, recoveryCodes: confirmed.json().recoveryCodes as string[] };
}

async function storedTwoFactor(id: string) {
  const db = h.runtime.database.db;
  const user = await db.selectFrom('users').select(['totp_secret', 'totp_enabled_at']).where('id', '=', id).executeTakeFirstOrThrow();
  const codes = await db.selectFrom('recovery_codes').selectAll().where('user_id', '=', id).execute();
  return { ...user, codes };
}

async function auditOf(action: string, targetId: string) {
  const response = await h.request('GET', `/api/v1/auditEvents?action=${action}&targetType=account&targetId=${targetId}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().data as Array<{ action: string; workspaceId: string | null; changes: Record<string, unknown> }>;
}

describe('enrolling', () => {
  it('answers a secret, its otpauth URI and a QR code, and stores the secret sealed, not yet in force', async () => {
    const id = await person('enrol@example.com');
    const cookie = await session('enrol@example.com');
    expectError(await withSession(cookie, 'POST', '/api/v1/me/two-factor/setup', undefined, {}), 403, 'csrf_header_missing');

    const response = await withSession(cookie, 'POST', '/api/v1/me/two-factor/setup');
    expect(response.statusCode, response.body).toBe(200);
    const { secret, otpauthUri, qrCode } = response.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri.startsWith('otpauth://totp/Toolplane:')).toBe(true);
    const uri = new URL(otpauthUri);
    expect(decodeURIComponent(uri.pathname)).toBe('/Toolplane:enrol@example.com');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('issuer')).toBe('Toolplane');
    expect(qrCode.startsWith('data:image/svg+xml;base64,')).toBe(true);
    expect(Buffer.from(qrCode.split(',')[1], 'base64').toString('utf8')).toContain('<svg');

    const stored = await storedTwoFactor(id);
    expect(stored.totp_secret).not.toContain(secret);
    expect(stored.totp_secret!.startsWith('v2.')).toBe(true);
    expect(new SecretBox(parseSecretKey(TEST_SECRET_KEY)).open(stored.totp_secret!, totpSecretContext(id))).toBe(secret);
    expect(stored.totp_enabled_at).toBeNull();
    expect((await withSession(cookie, 'GET', '/api/v1/me')).json().twoFactorEnabled).toBe(false);
    // Not in force yet: the password alone still signs in.
    expect((await signIn('enrol@example.com')).statusCode).toBe(200);

    // Setting up again replaces the secret; a code of the first one no longer confirms.
    const again = (await withSession(cookie, 'POST', '/api/v1/me/two-factor/setup')).json();
    expect(again.secret).not.toBe(secret);
    expectError(await withSession(cookie, 'POST', '/api/v1/me/two-factor/confirm', { code: await codeNow(secret) }), 400, 'wrong_code', 'code');
  });

  it('confirms with a right code only, answers ten recovery codes once, and stores only their hashes', async () => {
    const id = await person('confirm@example.com');
    const cookie = await session('confirm@example.com');
    expectError(await withSession(cookie, 'POST', '/api/v1/me/two-factor/confirm', { code: '123456' }), 409, 'two_factor_not_set_up');
    const { secret } = (await withSession(cookie, 'POST', '/api/v1/me/two-factor/setup')).json();

    expectError(await withSession(cookie, 'POST', '/api/v1/me/two-factor/confirm', {}), 400, 'invalid_input', 'code');
    expectError(await withSession(cookie, 'POST', '/api/v1/me/two-factor/confirm', { code: await wrongCode(secret) }), 400, 'wrong_code', 'code');
    expectError(await withSession(cookie, 'POST', '/api/v1/me/two-factor/confirm', { code: 'abcdef' }), 400, 'wrong_code', 'code');

    const code = await codeNow(secret);
    const confirmed = await withSession(cookie, 'POST', '/api/v1/me/two-factor/confirm', { code: code.replace(/^(...)/, '$1 ') });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const recoveryCodes = confirmed.json().recoveryCodes as string[];
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const recovery of recoveryCodes) expect(recovery).toMatch(RECOVERY_CODE);

    const stored = await storedTwoFactor(id);
    expect(stored.totp_enabled_at).not.toBeNull();
    expect(stored.codes).toHaveLength(10);
    const storedText = JSON.stringify(stored);
    for (const recovery of recoveryCodes) {
      expect(storedText).not.toContain(recovery);
      expect(storedText).not.toContain(recovery.replace('-', ''));
    }
    expect((await withSession(cookie, 'GET', '/api/v1/me')).json().twoFactorEnabled).toBe(true);
    expectError(await withSession(cookie, 'POST', '/api/v1/me/two-factor/setup'), 409, 'two_factor_enabled');
    expectError(await withSession(cookie, 'POST', '/api/v1/me/two-factor/confirm', { code }), 409, 'two_factor_enabled');

    const events = await auditOf('account.two_factor_enabled', id);
    expect(events).toHaveLength(1);
    expect(events[0]!.workspaceId).toBeNull();
    const audit = JSON.stringify((await h.request('GET', '/api/v1/auditEvents?pageSize=100')).json());
    for (const value of [secret, code, ...recoveryCodes]) expect(audit).not.toContain(value);
  });
});

describe('signing in with two-factor on', () => {
  it('asks for the second factor, refuses a wrong one as a wrong password, and takes each code once', async () => {
    const { id, secret } = await enrolled('second@example.com');
    const asked = await signIn('second@example.com');
    expectError(asked, 401, 'second_factor_required');
    expect(asked.cookies).toEqual([]);
    const wrongPassword = await signIn('second@example.com', { totpCode: await codeNow(secret) }, '10.9.0.2', 'not the password');
    expectError(wrongPassword, 401, 'invalid_credentials');
    const wrong = await signIn('second@example.com', { totpCode: await wrongCode(secret) });
    expectError(wrong, 401, 'invalid_credentials');
    expect(wrong.json().message).toBe(wrongPassword.json().message);
    expectError(await signIn('second@example.com', { totpCode: 'nonsense' }), 401, 'invalid_credentials');

    const code = await codeNow(secret);
    const signedIn = await signIn('second@example.com', { totpCode: code });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    expect(signedIn.json().me.twoFactorEnabled).toBe(true);
    expect((await withSession(cookieOf(signedIn), 'GET', '/api/v1/me')).statusCode).toBe(200);
    // The same code again, still within its window, is refused.
    expectError(await signIn('second@example.com', { totpCode: code }), 401, 'invalid_credentials');
    nextStep();
    expect((await signIn('second@example.com', { totpCode: await codeNow(secret) })).statusCode).toBe(200);

    const events = await auditOf('auth.signed_in', id);
    expect(events.filter((event) => event.changes.secondFactor === 'totp')).toHaveLength(2);
    const failures = await auditOf('auth.sign_in_failed', id);
    expect(failures.filter((event) => event.changes.secondFactor === 'refused')).toHaveLength(3);
    expect(JSON.stringify([...events, ...failures])).not.toContain(code);
  });

  it('counts wrong codes against the account\'s failure budget', async () => {
    const { secret } = await enrolled('guessed@example.com');
    for (let attempt = 0; attempt < FAILURES_PER_ACCOUNT; attempt += 1) {
      expectError(await signIn('guessed@example.com', { totpCode: await wrongCode(secret) }, `10.9.1.${attempt}`), 401, 'invalid_credentials');
    }
    expectError(await signIn('guessed@example.com', { totpCode: await codeNow(secret) }, '10.9.1.9'), 429, 'rate_limited');
  });

  it('takes a recovery code in place of the app, once, and notes it in the audit log', async () => {
    const { id, recoveryCodes } = await enrolled('recover@example.com');
    const [first, second] = recoveryCodes as [string, string];
    const signedIn = await signIn('recover@example.com', { recoveryCode: first });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    expectError(await signIn('recover@example.com', { recoveryCode: first }), 401, 'invalid_credentials');
    expectError(await signIn('recover@example.com', { recoveryCode: 'not-a-code' }), 401, 'invalid_credentials');
    // Case and the dash do not matter.
    expect((await signIn('recover@example.com', { recoveryCode: second.replace('-', '').toUpperCase() })).statusCode).toBe(200);

    const events = await auditOf('auth.signed_in', id);
    expect(events.filter((event) => event.changes.secondFactor === 'recovery_code')).toHaveLength(2);
    expect(JSON.stringify(events)).not.toContain(first);
    expect((await storedTwoFactor(id)).codes.filter((code) => code.used_at !== null)).toHaveLength(2);
  });

  it('replaces the recovery codes for a current code; the old ones stop working', async () => {
    const { id, cookie, secret, recoveryCodes } = await enrolled('regenerate@example.com');
    expectError(await withSession(cookie, 'POST', '/api/v1/me/two-factor/recovery-codes', { code: await wrongCode(secret) }), 400, 'wrong_code', 'code');
    const response = await withSession(cookie, 'POST', '/api/v1/me/two-factor/recovery-codes', { code: await codeNow(secret) });
    expect(response.statusCode, response.body).toBe(200);
    const fresh = response.json().recoveryCodes as string[];
    expect(fresh).toHaveLength(10);
    for (const recovery of fresh) expect(recoveryCodes).not.toContain(recovery);

    expectError(await signIn('regenerate@example.com', { recoveryCode: recoveryCodes[0]! }), 401, 'invalid_credentials');
    expect((await signIn('regenerate@example.com', { recoveryCode: fresh[0]! })).statusCode).toBe(200);
    expect(await auditOf('account.recovery_codes_regenerated', id)).toHaveLength(1);

    const off = await person('regenerate-off@example.com');
    expect(off).toBeTruthy();
    expectError(await withSession(await session('regenerate-off@example.com'), 'POST', '/api/v1/me/two-factor/recovery-codes', { code: '123456' }),
      409, 'two_factor_not_enabled');
  });

  it('turns off for the password or a current code, forgetting the secret and the codes', async () => {
    const { id, cookie, secret } = await enrolled('disable@example.com');
    expectError(await withSession(cookie, 'DELETE', '/api/v1/me/two-factor', {}), 400, 'invalid_input', 'password');
    expectError(await withSession(cookie, 'DELETE', '/api/v1/me/two-factor', { password: 'not the password' }), 403, 'wrong_password', 'password');
    expectError(await withSession(cookie, 'DELETE', '/api/v1/me/two-factor', { code: await wrongCode(secret) }), 400, 'wrong_code', 'code');
    expectError(await withSession(cookie, 'DELETE', '/api/v1/me/two-factor', { password: PASSWORD }, {}), 403, 'csrf_header_missing');

    expect((await withSession(cookie, 'DELETE', '/api/v1/me/two-factor', { password: PASSWORD })).statusCode).toBe(204);
    const stored = await storedTwoFactor(id);
    expect(stored).toEqual({ totp_secret: null, totp_enabled_at: null, codes: [] });
    expect((await withSession(cookie, 'GET', '/api/v1/me')).json().twoFactorEnabled).toBe(false);
    expect((await signIn('disable@example.com')).statusCode).toBe(200);
    expectError(await withSession(cookie, 'DELETE', '/api/v1/me/two-factor', { password: PASSWORD }), 409, 'two_factor_not_enabled');
    expect((await auditOf('account.two_factor_disabled', id))[0]!.changes).toEqual({ provedWith: 'password', sessionsEnded: 0 });

    const byCode = await enrolled('disable-code@example.com');
    expect((await withSession(byCode.cookie, 'DELETE', '/api/v1/me/two-factor', { code: await codeNow(byCode.secret) })).statusCode).toBe(204);
    expect((await signIn('disable-code@example.com')).statusCode).toBe(200);
  });
});

describe('turning two-factor on or off', () => {
  it('ends every other session of the person, and keeps the one that did it', async () => {
    const id = await person('other-sessions@example.com');
    const [first, second, third] = [await session('other-sessions@example.com'), await session('other-sessions@example.com'), await session('other-sessions@example.com')];
    const { secret } = (await withSession(first, 'POST', '/api/v1/me/two-factor/setup')).json();
    expect((await withSession(second, 'GET', '/api/v1/me')).statusCode).toBe(200);
    const confirmed = await withSession(first, 'POST', '/api/v1/me/two-factor/confirm', { code: await codeNow(secret) });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    for (const ended of [second, third]) expectError(await withSession(ended, 'GET', '/api/v1/me'), 401, 'invalid_session');
    expect((await withSession(first, 'GET', '/api/v1/me')).json().twoFactorEnabled).toBe(true);
    expect((await auditOf('account.two_factor_enabled', id))[0]!.changes).toEqual({ recoveryCodes: 10, sessionsEnded: 2 });

    nextStep();
    const later = await session('other-sessions@example.com', { totpCode: await codeNow(secret) });
    expect((await withSession(first, 'DELETE', '/api/v1/me/two-factor', { password: PASSWORD })).statusCode).toBe(204);
    expectError(await withSession(later, 'GET', '/api/v1/me'), 401, 'invalid_session');
    expect((await withSession(first, 'GET', '/api/v1/me')).json().twoFactorEnabled).toBe(false);
    expect((await auditOf('account.two_factor_disabled', id))[0]!.changes).toEqual({ provedWith: 'password', sessionsEnded: 1 });
  });
});

describe('a workspace requiring two-factor', () => {
  it('is an instance setting on the workspace', async () => {
    expect((await h.request('GET', `/api/v1/workspaces/${workspaceB}`)).json().twoFactorRequired).toBe(false);
    expectError(await h.request('PATCH', `/api/v1/workspaces/${workspaceB}`, { body: { twoFactorRequired: 'yes' } }), 400, 'invalid_input', 'twoFactorRequired');
    const bound = await h.token(['*'], { workspaceId: workspaceB });
    expectError(await h.request('PATCH', `/api/v1/workspaces/${workspaceB}`, { token: bound, body: { twoFactorRequired: true } }), 403, 'workspace_forbidden');
    const updated = await h.request('PATCH', `/api/v1/workspaces/${workspaceB}`, { body: { twoFactorRequired: true } });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json().twoFactorRequired).toBe(true);
    const listed = (await h.request('GET', '/api/v1/workspaces')).json().data as Array<{ id: string; twoFactorRequired: boolean }>;
    expect(listed.find((workspace) => workspace.id === workspaceB)?.twoFactorRequired).toBe(true);
    expect(listed.find((workspace) => workspace.id === h.defaultWorkspaceId)?.twoFactorRequired).toBe(false);
    const events = (await h.request('GET', `/api/v1/auditEvents?action=workspace.updated&targetType=workspace&targetId=${workspaceB}`, { workspaceId: workspaceB })).json().data;
    expect(events[0].changes).toEqual({ twoFactorRequired: true });
  });

  it('refuses a session without two-factor on every route but the person\'s own, until they turn it on; tokens are unaffected', async () => {
    await person('required@example.com', { inB: true });
    const cookie = await session('required@example.com');
    const inB = { ...CSRF, 'x-workspace-id': workspaceB };
    expectError(await withSession(cookie, 'GET', '/api/v1/users', undefined, inB), 403, 'two_factor_required');
    expectError(await withSession(cookie, 'GET', '/api/v1/groups', undefined, inB), 403, 'two_factor_required');
    // Its other workspace does not require it.
    expect((await withSession(cookie, 'GET', '/api/v1/users')).statusCode).toBe(200);
    // A token of the person acts as before.
    const token = await h.token(['users:read'], { email: 'required@example.com', workspaceId: workspaceB });
    expect((await h.request('GET', '/api/v1/users', { token })).statusCode).toBe(200);
    // An instance admin's session is held to it too.
    await enrolledAdminCheck(inB);

    expect((await withSession(cookie, 'GET', '/api/v1/me', undefined, inB)).statusCode).toBe(200);
    const { secret } = (await withSession(cookie, 'POST', '/api/v1/me/two-factor/setup', undefined, inB)).json();
    expectError(await withSession(cookie, 'GET', '/api/v1/users', undefined, inB), 403, 'two_factor_required');
    expect((await withSession(cookie, 'POST', '/api/v1/me/two-factor/confirm', { code: await codeNow(secret) }, inB)).statusCode).toBe(200);
    const users = await withSession(cookie, 'GET', '/api/v1/users', undefined, inB);
    expect(users.statusCode, users.body).toBe(200);

    expect((await h.request('PATCH', `/api/v1/workspaces/${workspaceB}`, { body: { twoFactorRequired: false } })).json().twoFactorRequired).toBe(false);
  });
});

/** The instance admin (no two-factor) is refused in workspace B, and acts in the default workspace as before. */
async function enrolledAdminCheck(inB: Record<string, string>): Promise<void> {
  await h.services.accounts.update((await h.services.accounts.get('admin@example.com')).id, { password: PASSWORD });
  const admin = await session('admin@example.com');
  expectError(await withSession(admin, 'GET', '/api/v1/users', undefined, inB), 403, 'two_factor_required');
  expect((await withSession(admin, 'GET', '/api/v1/users')).statusCode).toBe(200);
}

describe('key rotation', () => {
  it('re-seals TOTP secrets, enrolled and under way, under the new key', async () => {
    const pendingId = await person('rotate-pending@example.com');
    expect((await withSession(await session('rotate-pending@example.com'), 'POST', '/api/v1/me/two-factor/setup')).statusCode).toBe(200);
    const db = h.runtime.database.db;
    const before = await db.selectFrom('users').select(['id', 'totp_secret']).where('totp_secret', 'is not', null).orderBy('id').execute();
    expect(before.map((row) => row.id)).toContain(pendingId);
    const oldBox = new SecretBox(parseSecretKey(TEST_SECRET_KEY));
    const secrets = new Map(before.map((row) => [row.id, oldBox.open(row.totp_secret!, totpSecretContext(row.id))]));

    const newKey = generateSecretKey();
    const report = await new KeyRotationService(new Store(h.runtime.database), new SecretBox(newKey, [parseSecretKey(TEST_SECRET_KEY)])).rotate({ batchSize: 2 });
    expect(report.resealed.totpSecrets).toBe(before.length);

    const newBox = new SecretBox(newKey);
    const after = await db.selectFrom('users').select(['id', 'totp_secret']).where('totp_secret', 'is not', null).orderBy('id').execute();
    expect(after.map((row) => row.id)).toEqual(before.map((row) => row.id));
    for (const row of after) {
      expect(newBox.isCurrent(row.totp_secret!)).toBe(true);
      expect(newBox.open(row.totp_secret!, totpSecretContext(row.id))).toBe(secrets.get(row.id));
      expect(() => oldBox.open(row.totp_secret!, totpSecretContext(row.id))).toThrow();
    }
  });
});
