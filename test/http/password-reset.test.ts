import type { LightMyRequestResponse } from 'fastify';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMIT } from '../../src/config.ts';
import { fromJson } from '../../src/db/rows.ts';
import { buildApp } from '../../src/http/app.ts';
import { expectError } from '../helpers/expect-error.ts';
import { Harness } from '../helpers/harness.ts';
import { TestSmtpServer, closedPort } from '../helpers/smtp.ts';

const OLD_PASSWORD = 'the old password';
const NEW_PASSWORD = 'a brand new password';
const CSRF = { 'x-toolplane-csrf': '1' };
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const REQUESTED = { message: 'If an active account has this email, a link to reset its password is on its way.' };
const RATE_LIMIT = { ...DEFAULT_RATE_LIMIT, perToken: 1_000_000, perAddress: 1_000_000, passwordResetsPerAccount: 3, passwordResetsPerAddress: 8 };

let h: Harness;
let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await TestSmtpServer.start();
  h = await Harness.start({ smtp: { url: smtp.url, from: 'Toolplane <no-reply@localhost>' }, rateLimit: RATE_LIMIT });
});
afterAll(async () => {
  await h?.close();
  await smtp?.close();
});

let addresses = 0;
/** A client address of its own for each call unless given: per-address budgets stay out of the way. */
const nextAddress = () => `10.40.${Math.floor(++addresses / 250)}.${(addresses % 250) + 1}`;

/** An active member of the default workspace with OLD_PASSWORD. */
async function person(email: string, status: 'active' | 'invited' | 'archived' = 'active'): Promise<string> {
  const { id } = await h.services.accounts.create({
    email, firstName: 'Reset', lastName: 'Me', status: 'active',
    memberships: [{ workspace: { id: h.defaultWorkspaceId }, status: 'active' }],
  });
  await h.services.accounts.update(id, { password: OLD_PASSWORD, ...(status === 'active' ? {} : { status }) });
  return id;
}

/** Asks for a reset and waits until whatever it sets off in the background is done. */
async function requestReset(email: string, remoteAddress = nextAddress()): Promise<LightMyRequestResponse> {
  const response = await h.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email }, remoteAddress });
  await h.services.passwordResets.settled();
  return response;
}

function confirm(token: string, password = NEW_PASSWORD): Promise<LightMyRequestResponse> {
  return h.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, password }, remoteAddress: nextAddress() });
}

function signIn(email: string, password: string): Promise<LightMyRequestResponse> {
  return h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, headers: CSRF, remoteAddress: nextAddress() });
}

async function sessionCookie(email: string, password = OLD_PASSWORD): Promise<string> {
  const response = await signIn(email, password);
  expect(response.statusCode, response.body).toBe(200);
  return `tp_session=${response.cookies.find((cookie) => cookie.name === 'tp_session')!.value}`;
}

/** The reset link of an email, and the token in it. */
function resetLinkOf(mail: ParsedMail): { url: string; path: string; token: string } {
  const match = /(https?:\/\/[^\s/]+)(\/reset-password\/([A-Za-z0-9_-]+))/.exec(mail.text ?? '');
  if (!match) throw new Error(`no reset link in: ${mail.text}`);
  return { url: match[0], path: match[2]!, token: match[3]! };
}

/** The token of the latest reset mail to `email`. */
function latestToken(email: string): string {
  const mails = smtp.to(email);
  expect(mails.length).toBeGreaterThan(0);
  return resetLinkOf(mails.at(-1)!).token;
}

async function eventsOf(userId: string) {
  const rows = await h.runtime.database.db.selectFrom('audit_events').selectAll().where('target_id', '=', userId).orderBy('id').execute();
  return rows.map((row) => ({ ...row, changes: fromJson<Record<string, unknown>>(row.changes) }));
}

async function resetRows(userId: string) {
  return h.runtime.database.db.selectFrom('password_resets').selectAll().where('user_id', '=', userId).execute();
}

describe('asking for a reset', () => {
  it('emails a one-time link that sets the password', async () => {
    const id = await person('mailed@example.com');
    const response = await requestReset('Mailed@Example.com');
    expect(response.statusCode, response.body).toBe(202);
    expect(response.json()).toEqual(REQUESTED);

    const mails = smtp.to('mailed@example.com');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Reset your Toolplane password');
    const link = resetLinkOf(mails[0]!);
    expect(link.url).toMatch(/^http:\/\/toolplane\.test\/reset-password\/tpr_[A-Za-z0-9_-]{43}$/);
    expect(mails[0]!.html).toContain(link.url);

    // Only the token's SHA-256 is kept, for an hour.
    const [row] = await resetRows(id);
    expect(JSON.stringify(row)).not.toContain(link.token);
    expect(new Date(row!.expires_at).getTime() - new Date(row!.created_at).getTime()).toBe(3_600_000);

    const confirmed = await confirm(link.token);
    expect(confirmed.statusCode, confirmed.body).toBe(204);
    expect((await signIn('mailed@example.com', NEW_PASSWORD)).statusCode).toBe(200);
    expectError(await signIn('mailed@example.com', OLD_PASSWORD), 401, 'invalid_credentials');
  });

  it('answers the same 202 for an unknown, archived or invited email, and sends nothing', async () => {
    const archived = await person('archived-reset@example.com', 'archived');
    const invited = await person('invited-reset@example.com', 'invited');
    const known = await person('known-reset@example.com');
    const answers = [];
    for (const email of ['nobody-here@example.com', 'archived-reset@example.com', 'invited-reset@example.com', 'known-reset@example.com']) {
      answers.push(await requestReset(email));
    }
    for (const answer of answers) {
      expect(answer.statusCode).toBe(202);
      expect(answer.body).toBe(answers.at(-1)!.body);
      expect(Object.keys(answer.headers).sort()).toEqual(Object.keys(answers.at(-1)!.headers).sort());
    }
    expect(smtp.to('nobody-here@example.com')).toEqual([]);
    expect(smtp.to('archived-reset@example.com')).toEqual([]);
    expect(smtp.to('invited-reset@example.com')).toEqual([]);
    expect(smtp.to('known-reset@example.com')).toHaveLength(1);
    expect(await resetRows(archived)).toEqual([]);
    expect(await resetRows(invited)).toEqual([]);
    expect(await resetRows(known)).toHaveLength(1);
  });

  it('lets a newer link replace an older one', async () => {
    await person('twice@example.com');
    await requestReset('twice@example.com');
    const first = latestToken('twice@example.com');
    await requestReset('twice@example.com');
    const second = latestToken('twice@example.com');
    expect(second).not.toBe(first);
    expectError(await confirm(first), 410, 'reset_gone');
    expect((await confirm(second)).statusCode).toBe(204);
    expect((await signIn('twice@example.com', NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('refuses past the per-email budget, for an unknown email alike, with Retry-After', async () => {
    await person('budget@example.com');
    for (const email of ['budget@example.com', 'no-budget@example.com']) {
      for (let attempt = 0; attempt < 3; attempt += 1) expect((await requestReset(email)).statusCode).toBe(202);
      const refused = await requestReset(email);
      expectError(refused, 429, 'rate_limited');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(smtp.to('budget@example.com')).toHaveLength(3);
  });

  it('refuses past the per-address budget, whatever the emails', async () => {
    const address = '10.41.0.1';
    for (let attempt = 0; attempt < 8; attempt += 1) expect((await requestReset(`spray-${attempt}@example.com`, address)).statusCode).toBe(202);
    expectError(await requestReset('spray-last@example.com', address), 429, 'rate_limited');
    expect((await requestReset('spray-last@example.com', '10.41.0.2')).statusCode).toBe(202);
  });
});

describe('setting the password with a link', () => {
  it('works once, ends every session of the person, and records it', async () => {
    const id = await person('sessions@example.com');
    const cookies = [await sessionCookie('sessions@example.com'), await sessionCookie('sessions@example.com')];
    await requestReset('sessions@example.com');
    const token = latestToken('sessions@example.com');
    expect((await confirm(token)).statusCode).toBe(204);
    for (const cookie of cookies) {
      expectError(await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } }), 401, 'invalid_session');
    }
    expectError(await confirm(token, 'yet another password'), 410, 'reset_gone');
    expect((await signIn('sessions@example.com', NEW_PASSWORD)).statusCode).toBe(200);

    const events = await eventsOf(id);
    const requested = events.find((event) => event.action === 'account.password_reset_requested')!;
    expect(requested).toMatchObject({ actor_type: 'public', target_type: 'account', workspace_id: null });
    expect(requested.request_id).not.toBeNull();
    const reset = events.find((event) => event.action === 'account.password_reset')!;
    expect(reset).toMatchObject({ actor_type: 'public', target_type: 'account', changes: { sessionsEnded: 2 } });
    const recorded = JSON.stringify(events);
    for (const secret of [token, NEW_PASSWORD, OLD_PASSWORD]) expect(recorded).not.toContain(secret);
  });

  it('refuses an expired link and changes nothing', async () => {
    const id = await person('expired@example.com');
    await requestReset('expired@example.com');
    const token = latestToken('expired@example.com');
    const past = new Date(Date.now() - 1000).toISOString();
    await h.runtime.database.db.updateTable('password_resets').set({ created_at: new Date(Date.now() - 3_601_000).toISOString(), expires_at: past })
      .where('user_id', '=', id).execute();
    expectError(await confirm(token), 410, 'reset_gone');
    expect((await signIn('expired@example.com', OLD_PASSWORD)).statusCode).toBe(200);
    expect((await resetRows(id))[0]!.used_at).toBeNull();
  });

  it('refuses a link whose account was archived since', async () => {
    const id = await person('archived-since@example.com');
    await requestReset('archived-since@example.com');
    await h.services.accounts.update(id, { status: 'archived' });
    expectError(await confirm(latestToken('archived-since@example.com')), 410, 'reset_gone');
  });

  it('answers an unknown or malformed token 404, and a short password 400', async () => {
    expectError(await confirm(`tpr_${'A'.repeat(43)}`), 404, 'invalid_token');
    expectError(await confirm('tpi_not-a-reset-token'), 404, 'invalid_token');
    await person('short@example.com');
    await requestReset('short@example.com');
    expectError(await confirm(latestToken('short@example.com'), 'short'), 400);
    expect((await signIn('short@example.com', OLD_PASSWORD)).statusCode).toBe(200);
  });
});

describe('a password or email set by an admin', () => {
  it('ends the person\'s sessions and reset links (password), or the links mailed to the old address (email)', async () => {
    const id = await person('admin-set@example.com');
    const cookie = await sessionCookie('admin-set@example.com');
    await requestReset('admin-set@example.com');
    const token = latestToken('admin-set@example.com');
    const patched = await h.ext('PATCH', `/api/ext/user/${id}`, { body: { password: NEW_PASSWORD } });
    expect(patched.statusCode, patched.body).toBe(200);
    expectError(await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } }), 401, 'invalid_session');
    expectError(await confirm(token, 'a password nobody chose'), 410, 'reset_gone');
    expect((await signIn('admin-set@example.com', NEW_PASSWORD)).statusCode).toBe(200);
    const updated = (await eventsOf(id)).filter((event) => event.action === 'account.updated').at(-1)!;
    expect(updated.changes).toEqual({ passwordChanged: true, sessionsEnded: 1, resetLinksEnded: 1 });

    await requestReset('admin-set@example.com');
    const mailedToOld = latestToken('admin-set@example.com');
    const moved = await h.ext('PATCH', `/api/ext/user/${id}`, { body: { email: 'admin-set-moved@example.com' } });
    expect(moved.statusCode, moved.body).toBe(200);
    expectError(await confirm(mailedToOld), 410, 'reset_gone');
    expect((await signIn('admin-set-moved@example.com', NEW_PASSWORD)).statusCode).toBe(200);
  });
});

describe('the reset page', () => {
  async function freshLink(email: string) {
    await person(email);
    await requestReset(email);
    return resetLinkOf(smtp.to(email).at(-1)!);
  }

  function post(path: string, fields: Record<string, string>) {
    return h.app.inject({ method: 'POST', url: path, headers: FORM, payload: new URLSearchParams(fields).toString(), remoteAddress: nextAddress() });
  }

  it('shows a form naming the account, with the page headers and without the token', async () => {
    const link = await freshLink('page@example.com');
    const page = await h.app.inject({ method: 'GET', url: link.path });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers).toMatchObject({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', 'x-frame-options': 'DENY' });
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.body).toContain('page@example.com');
    expect(page.body).toContain('<form method="post">');
    expect(page.body).not.toContain(link.token);
  });

  it('asks again when the passwords are short or differ, then sets the password once', async () => {
    const link = await freshLink('page-post@example.com');
    const short = await post(link.path, { password: 'short', passwordAgain: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('8 characters or more');
    const differ = await post(link.path, { password: NEW_PASSWORD, passwordAgain: `${NEW_PASSWORD}!` });
    expect(differ.statusCode).toBe(400);
    expect(differ.body).toContain('differ');
    for (const answer of [short, differ]) {
      expect(answer.body).not.toContain(NEW_PASSWORD);
      expect(answer.body).not.toContain(link.token);
    }

    const done = await post(link.path, { password: NEW_PASSWORD, passwordAgain: NEW_PASSWORD });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.body).toContain('Password changed');
    expect((await signIn('page-post@example.com', NEW_PASSWORD)).statusCode).toBe(200);

    const again = await h.app.inject({ method: 'GET', url: link.path });
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('can no longer be used');
    const reused = await post(link.path, { password: 'another password', passwordAgain: 'another password' });
    expect(reused.statusCode).toBe(410);
  });

  it('answers an unknown or mangled link with the invalid-link page, showing nothing of the path', async () => {
    const token = `tpr_${'B'.repeat(43)}`;
    for (const [url, status] of [[`/reset-password/${token}`, 404], [`/reset-password/${token}/x`, 404], [`/reset-password/${token}%ZZ`, 400]] as const) {
      const page = await h.app.inject({ method: 'GET', url });
      expect(page.statusCode, url).toBe(status);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.body).toContain('This password reset link is not valid');
      expect(page.body).not.toContain(token);
    }
  });
});

describe('secrets', () => {
  it('never reach the request log, on the API or the page', async () => {
    const lines: string[] = [];
    const logged = await buildApp(h.runtime, { logger: { level: 'info', stream: { write: (line: string) => lines.push(line) } } });
    try {
      await person('logged-reset@example.com');
      const asked = await logged.inject({
        method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: 'logged-reset@example.com' }, remoteAddress: nextAddress(),
      });
      expect(asked.statusCode).toBe(202);
      await h.services.passwordResets.settled();
      const first = resetLinkOf(smtp.to('logged-reset@example.com').at(-1)!);
      expect((await logged.inject({ method: 'GET', url: first.path })).statusCode).toBe(200);
      const form = await logged.inject({
        method: 'POST', url: first.path, headers: FORM, payload: `password=${NEW_PASSWORD}&passwordAgain=x`, remoteAddress: nextAddress(),
      });
      expect(form.statusCode).toBe(400);
      expect((await logged.inject({ method: 'GET', url: `${first.path}/mangled` })).statusCode).toBe(404);
      const confirmed = await logged.inject({
        method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token: first.token, password: NEW_PASSWORD }, remoteAddress: nextAddress(),
      });
      expect(confirmed.statusCode, confirmed.body).toBe(204);
      const log = lines.join('');
      expect(log).toContain('/api/v1/auth/password-reset/confirm');
      expect(log).toContain('/reset-password/[redacted]');
      expect(log).not.toContain(first.token);
      expect(log).not.toContain(NEW_PASSWORD);
    } finally {
      await logged.close();
    }
  });
});

describe('without SMTP', () => {
  let bare: Harness;

  beforeAll(async () => {
    bare = await Harness.start({ rateLimit: RATE_LIMIT });
  });
  afterAll(async () => {
    await bare?.close();
  });

  it('answers the same 202 and makes no reset, so no link exists anywhere', async () => {
    const { id } = await bare.services.accounts.create({
      email: 'no-smtp@example.com', firstName: 'No', lastName: 'Mail', status: 'active',
      memberships: [{ workspace: { id: bare.defaultWorkspaceId }, status: 'active' }],
    });
    const lines: string[] = [];
    const logged = await buildApp(bare.runtime, { logger: { level: 'trace', stream: { write: (line: string) => lines.push(line) } } });
    try {
      const response = await logged.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: 'no-smtp@example.com' } });
      await bare.services.passwordResets.settled();
      expect(response.statusCode).toBe(202);
      expect(response.json()).toEqual(REQUESTED);
    } finally {
      await logged.close();
    }
    expect(lines.join('')).not.toMatch(/tpr_|reset-password\//);
    expect(await bare.runtime.database.db.selectFrom('password_resets').selectAll().where('user_id', '=', id).execute()).toEqual([]);
  });
});

describe('when the mail server cannot be reached', () => {
  let unreachable: Harness;

  beforeAll(async () => {
    unreachable = await Harness.start({ smtp: { url: `smtp://127.0.0.1:${await closedPort()}`, from: 'Toolplane <no-reply@localhost>' }, rateLimit: RATE_LIMIT });
  });
  afterAll(async () => {
    await unreachable?.close();
  });

  it('still answers 202, and records the failed delivery in the audit log', async () => {
    const { id } = await unreachable.services.accounts.create({
      email: 'bounce@example.com', firstName: 'Bo', lastName: 'Unce', status: 'active',
      memberships: [{ workspace: { id: unreachable.defaultWorkspaceId }, status: 'active' }],
    });
    const response = await unreachable.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: 'bounce@example.com' } });
    expect(response.statusCode).toBe(202);
    await unreachable.services.passwordResets.settled();
    const events = await unreachable.runtime.database.db.selectFrom('audit_events').select(['action', 'changes'])
      .where('target_id', '=', id).where('action', 'like', 'account.password_reset%').orderBy('id').execute();
    expect(events.map((event) => event.action)).toEqual(['account.password_reset_requested', 'account.password_reset_delivery_failed']);
    expect(fromJson<{ error: string }>(events[1]!.changes).error).toMatch(/ECONNREFUSED|connect/i);
  });
});
