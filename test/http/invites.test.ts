import { createHash, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/core/passwords.ts';
import { fromJson } from '../../src/db/rows.ts';
import { expectError } from '../helpers/expect-error.ts';
import { ADMIN_EMAIL, Harness } from '../helpers/harness.ts';
import { TestSmtpServer, acceptLinkOf } from '../helpers/smtp.ts';

const FROM = 'Toolplane <invites@toolplane.test>';
const PASSWORD = 'correct horse battery';

let smtp: TestSmtpServer;
let h: Harness;
let groupId: number;

beforeAll(async () => {
  smtp = await TestSmtpServer.start();
  h = await Harness.start({ smtp: { url: smtp.url, from: FROM } });
  const domains = await h.request('PATCH', `/api/v1/workspaces/${h.defaultWorkspaceId}`, { body: { domains: ['example.com'] } });
  expect(domains.statusCode, domains.body).toBe(200);
  const group = await h.request('POST', '/api/v1/groups', { body: { name: 'Sales' } });
  expect(group.statusCode, group.body).toBe(201);
  groupId = group.json().id;
  await defineAttribute('department', 'string');
  await defineAttribute('level', 'number');
});
afterAll(async () => {
  await h.close();
  await smtp.close();
});

const db = () => h.runtime.database.db;

/** A definition written straight into the table, independent of the attribute API. */
async function defineAttribute(name: string, dataType: 'string' | 'number', workspaceId = h.defaultWorkspaceId) {
  const at = new Date().toISOString();
  await db().insertInto('user_attribute_definitions').values({
    id: randomUUID(), workspace_id: workspaceId, name, label: name, data_type: dataType, default_value: null, created_at: at, updated_at: at,
  }).execute();
}

interface Invite {
  id: string;
  email: string;
  role: string;
  external: boolean;
  status: string;
  groups: Array<{ id: number; name: string }>;
  attributes: Record<string, unknown>;
  expiresAt: string;
  invitedBy: string | null;
  acceptedUserId: string | null;
  sendAttempts: number;
  sendError: string | null;
  lastSentAt: string | null;
  acceptUrl?: string;
}

async function invite(body: object, workspaceId?: string, token?: string): Promise<Invite> {
  const response = await h.request('POST', '/api/v1/invites', { body, workspaceId, token });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** The token of the newest invitation email to `email`. */
function tokenSentTo(email: string): string {
  const mails = smtp.to(email);
  expect(mails.length, `mail to ${email}`).toBeGreaterThan(0);
  return acceptLinkOf(mails.at(-1)!).token;
}

// Every accept comes from its own address unless told, so the rate limit stays out of the way.
let addresses = 0;
const nextAddress = () => `10.0.${Math.floor(addresses / 250)}.${(addresses++ % 250) + 1}`;

function accept(body: object, remoteAddress = nextAddress()): Promise<LightMyRequestResponse> {
  return h.app.inject({ method: 'POST', url: '/api/v1/invites/accept', payload: body, remoteAddress });
}

const acceptBody = (token: string, extra: object = {}) => ({ token, firstName: 'Ann', lastName: 'Lee', password: PASSWORD, ...extra });

async function userByEmail(email: string) {
  return db().selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

async function membership(userId: string, workspaceId = h.defaultWorkspaceId) {
  return db().selectFrom('memberships').selectAll().where('user_id', '=', userId).where('workspace_id', '=', workspaceId).executeTakeFirst();
}

describe('the invite lifecycle through the API', () => {
  let created: Invite;
  let token: string;

  it('creates a pending invite and emails the link over SMTP, returning no link', async () => {
    created = await invite({ email: 'ann@example.com', role: 'builder', groupIds: [groupId], attributes: { department: 'Sales', level: 3 } });
    expect(created).toMatchObject({
      email: 'ann@example.com', role: 'builder', external: false, status: 'pending', groups: [{ id: groupId, name: 'Sales' }],
      attributes: { department: 'Sales', level: 3 }, invitedBy: ADMIN_EMAIL, acceptedUserId: null, sendAttempts: 1, sendError: null,
    });
    expect(created).not.toHaveProperty('acceptUrl');
    expect(created.lastSentAt).not.toBeNull();
    const days = (new Date(created.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    const [mail] = smtp.to('ann@example.com');
    expect(mail!.from?.text).toContain('invites@toolplane.test');
    expect(mail!.subject).toContain('Default');
    const link = acceptLinkOf(mail!);
    expect(link.url.startsWith('http://toolplane.test/invite/tpi_')).toBe(true);
    expect(mail!.html).toContain(link.url);
    token = link.token;
  });

  it('stores only the token\'s SHA-256, never the token', async () => {
    const row = await db().selectFrom('invites').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(token);
    expect((await h.request('GET', `/api/v1/invites/${created.id}`)).body).not.toContain(token);
  });

  it('accepting makes an active user with the role, the groups and the attributes', async () => {
    const response = await accept(acceptBody(token));
    expect(response.statusCode, response.body).toBe(200);
    const accepted = response.json();
    expect(accepted).toMatchObject({ email: 'ann@example.com', workspaceId: h.defaultWorkspaceId, workspaceName: 'Default', role: 'builder' });

    const user = await h.request('GET', `/api/v1/users/${accepted.userId}`);
    expect(user.statusCode, user.body).toBe(200);
    expect(user.json()).toMatchObject({
      email: 'ann@example.com', firstName: 'Ann', lastName: 'Lee', isAdmin: false, isDisabled: false, userType: 'default',
      groups: [{ id: groupId, name: 'Sales' }],
    });
    const account = (await userByEmail('ann@example.com'))!;
    expect(account.status).toBe('active');
    expect(await verifyPassword(PASSWORD, account.password_hash!)).toBe(true);
    const member = (await membership(account.id))!;
    expect(member).toMatchObject({ role: 'builder', status: 'active' });
    expect(fromJson(member.attributes)).toEqual({ department: 'Sales', level: 3 });

    const read = (await h.request('GET', `/api/v1/invites/${created.id}`)).json();
    expect(read).toMatchObject({ status: 'accepted', acceptedUserId: accepted.userId });
    expect(read.acceptedAt).not.toBeNull();
  });

  it('a used token is 410 invite_gone and changes nothing', async () => {
    const before = await userByEmail('ann@example.com');
    expectError(await accept(acceptBody(token, { firstName: 'Mallory', password: 'another password' })), 410, 'invite_gone');
    expect(await userByEmail('ann@example.com')).toEqual(before);
  });

  it('an unknown token is 404 invalid_token; malformed bodies are 400 naming the field', async () => {
    expectError(await accept(acceptBody('tpi_unknown')), 404, 'invalid_token');
    expectError(await accept({ ...acceptBody('tpi_x'), password: 'short' }), 400, 'invalid_input', 'password');
    expectError(await accept({ token: 'tpi_x', lastName: 'Lee', password: PASSWORD }), 400, 'invalid_input', 'firstName');
    expectError(await accept({ ...acceptBody('tpi_x'), firstName: '   ' }), 400, 'invalid_input', 'firstName');
  });
});

describe('the invite page', () => {
  let origin: string;
  beforeAll(async () => {
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    origin = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
  });

  const post = (path: string, fields: Record<string, string>) =>
    fetch(origin + path, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' });

  it('shows a form, accepts a real form POST, and refuses the link afterwards', async () => {
    await invite({ email: 'bob@example.com', role: 'end-user', groupIds: [groupId], attributes: { level: 1 } });
    const { path, token } = acceptLinkOf(smtp.to('bob@example.com')[0]!);

    const page = await fetch(origin + path);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await page.text();
    expect(html).toContain('bob@example.com');
    expect(html).toMatch(/<form method="post">/);
    for (const field of ['firstName', 'lastName', 'password']) expect(html).toContain(`name="${field}"`);
    expect(html).not.toContain(token);

    // A refused submission shows the form again, echoing the names escaped and never the password.
    const refused = await post(path, { firstName: '<b>Bob</b>', lastName: '"Q"', password: 'short' });
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toContain('&lt;b&gt;Bob&lt;/b&gt;');
    expect(refusedHtml).toContain('&quot;Q&quot;');
    expect(refusedHtml).not.toContain('<b>Bob</b>');
    expect(await userByEmail('bob@example.com')).toBeUndefined();

    const done = await post(path, { firstName: 'Bob', lastName: 'Stone', password: PASSWORD });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Welcome to Default');
    const account = (await userByEmail('bob@example.com'))!;
    expect(account).toMatchObject({ status: 'active', first_name: 'Bob', last_name: 'Stone' });
    expect(await membership(account.id)).toMatchObject({ role: 'end-user', status: 'active' });
    expect(fromJson((await membership(account.id))!.attributes)).toEqual({ level: 1 });

    const again = await fetch(origin + path);
    expect(again.status).toBe(410);
    expect(await again.text()).toContain('can no longer be used');
    expect((await post(path, { firstName: 'Eve', lastName: 'X', password: PASSWORD })).status).toBe(410);
    expect((await fetch(`${origin}/invite/tpi_nothing`)).status).toBe(404);
  });
});

describe('expiry', () => {
  it('an invite past expires_at reads as expired, cannot be accepted, and resend renews it', async () => {
    const created = await invite({ email: 'late@example.com', role: 'builder', expiresInDays: 30 });
    const days = (new Date(created.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(Math.round(days)).toBe(30);
    const token = tokenSentTo('late@example.com');
    await db().updateTable('invites').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', created.id).execute();

    expect((await h.request('GET', `/api/v1/invites/${created.id}`)).json().status).toBe('expired');
    const expired = (await h.request('GET', '/api/v1/invites?status=expired')).json();
    expect(expired.data.map((item: Invite) => item.id)).toContain(created.id);
    const pending = (await h.request('GET', '/api/v1/invites?status=pending')).json();
    expect(pending.data.map((item: Invite) => item.id)).not.toContain(created.id);

    expectError(await accept(acceptBody(token)), 410, 'invite_gone');
    expect(await userByEmail('late@example.com')).toBeUndefined();

    const resent = await h.request('POST', `/api/v1/invites/${created.id}/resend`);
    expect(resent.statusCode, resent.body).toBe(200);
    expect(resent.json()).toMatchObject({ status: 'pending', sendAttempts: 2, sendError: null });
    const fresh = tokenSentTo('late@example.com');
    expect(fresh).not.toBe(token);
    expectError(await accept(acceptBody(token)), 404, 'invalid_token');
    expect((await accept(acceptBody(fresh))).statusCode).toBe(200);
  });

  it('expiresInDays is 1 to 90', async () => {
    for (const expiresInDays of [0, 91, 1.5]) {
      expectError(await h.request('POST', '/api/v1/invites', { body: { email: 'x@example.com', role: 'builder', expiresInDays } }), 400, 'invalid_input', 'expiresInDays');
    }
  });
});

describe('revoking', () => {
  it('revokes a pending invite: its link is gone, and a second revoke or a resend is 409', async () => {
    const created = await invite({ email: 'rev@example.com', role: 'builder' });
    const token = tokenSentTo('rev@example.com');
    const revoked = await h.request('DELETE', `/api/v1/invites/${created.id}`);
    expect(revoked.statusCode, revoked.body).toBe(204);
    const read = (await h.request('GET', `/api/v1/invites/${created.id}`)).json();
    expect(read.status).toBe('revoked');
    expect(read.revokedAt).not.toBeNull();
    expectError(await accept(acceptBody(token)), 410, 'invite_gone');
    expect(await userByEmail('rev@example.com')).toBeUndefined();
    expectError(await h.request('DELETE', `/api/v1/invites/${created.id}`), 409, 'invite_not_pending');
    expectError(await h.request('POST', `/api/v1/invites/${created.id}/resend`), 409, 'invite_not_pending');
    expect((await h.request('GET', '/api/v1/invites?status=revoked')).json().data.map((item: Invite) => item.id)).toContain(created.id);
    // A revoked invite no longer blocks a new one for the same email.
    await invite({ email: 'rev@example.com', role: 'builder' });
  });

  it('an unknown invite is 404 invite_not_found', async () => {
    const unknown = '00000000-0000-4000-8000-000000000001';
    for (const [method, url] of [['GET', ''], ['DELETE', ''], ['POST', '/resend']] as const) {
      expectError(await h.request(method, `/api/v1/invites/${unknown}${url}`), 404, 'invite_not_found');
    }
  });
});

describe('who can be invited', () => {
  it('refuses a second pending invite for the same email (any case) and an active member', async () => {
    await invite({ email: 'dup@example.com', role: 'builder' });
    expectError(await h.request('POST', '/api/v1/invites', { body: { email: 'DUP@example.com', role: 'end-user' } }), 409, 'invite_pending', 'email');
    expectError(await h.request('POST', '/api/v1/invites', { body: { email: ADMIN_EMAIL, role: 'builder' } }), 409, 'already_member', 'email');
  });

  it('checks groups and attribute values when the invite is made', async () => {
    const send = (body: object) => h.request('POST', '/api/v1/invites', { body: { email: 'typed@example.com', role: 'builder', ...body } });
    expectError(await send({ groupIds: [2_147_483_000] }), 400, 'group_not_found', 'groupIds.0');
    expectError(await send({ attributes: { level: 'high' } }), 400, 'invalid_attribute_value', 'attributes.level');
    expectError(await send({ attributes: { shoeSize: 44 } }), 400, 'unknown_attribute', 'attributes.shoeSize');
    expectError(await send({ email: 'not-an-email' }), 400, 'invalid_input', 'email');
    expectError(await send({ role: 'owner' }), 400, 'invalid_input', 'role');
    expect((await h.request('GET', '/api/v1/invites')).json().data.map((item: Invite) => item.email)).not.toContain('typed@example.com');
  });

  it('an existing account of another workspace keeps its names and password on accepting', async () => {
    const other = await h.services.workspaces.create('Elsewhere');
    const made = await h.request('POST', '/api/v1/users', { body: { email: 'known@example.com', firstName: 'Known' }, workspaceId: other });
    expect(made.statusCode, made.body).toBe(201);
    await invite({ email: 'known@example.com', role: 'builder' });
    const response = await accept(acceptBody(tokenSentTo('known@example.com'), { firstName: 'Taken', password: 'over-written' }));
    expect(response.statusCode, response.body).toBe(200);
    const account = (await userByEmail('known@example.com'))!;
    expect(account.id).toBe(made.json().id);
    expect(account.first_name).toBe('Known');
    expect(account.password_hash).toBeNull();
    expect(await membership(account.id)).toMatchObject({ role: 'builder', status: 'active' });
    expect(await membership(account.id, other)).toMatchObject({ status: 'active' });
  });
});

describe('external emails', () => {
  it('an email outside the workspace\'s domains is external and joins as end-user only', async () => {
    expectError(await h.request('POST', '/api/v1/invites', { body: { email: 'eve@outside.org', role: 'builder' } }), 400, 'external_role', 'role');
    expectError(await h.request('POST', '/api/v1/invites', { body: { email: 'sub@mail.example.com', role: 'admin' } }), 400, 'external_role', 'role');
    const external = await invite({ email: 'eve@outside.org', role: 'end-user' });
    expect(external).toMatchObject({ external: true, role: 'end-user' });
    const own = await invite({ email: 'Carl@EXAMPLE.com', role: 'admin' });
    expect(own).toMatchObject({ external: false, role: 'admin', email: 'Carl@EXAMPLE.com' });

    const response = await accept(acceptBody(tokenSentTo('eve@outside.org')));
    expect(response.statusCode, response.body).toBe(200);
    const user = (await h.request('GET', `/api/v1/users/${response.json().userId}`)).json();
    expect(user).toMatchObject({ userType: 'endUser', isAdmin: false });
  });
});

describe('the array form', () => {
  it('answers 207 item by item: created, or the reason, without one item stopping the others', async () => {
    const response = await h.request('POST', '/api/v1/invites', {
      body: [
        { email: 'batch1@example.com', role: 'builder', groupIds: [groupId] },
        { email: 'not an email', role: 'builder' },
        { email: 'batch-ext@outside.org', role: 'admin' },
        { email: 'BATCH1@example.com', role: 'end-user' },
        { email: 'batch2@outside.org', role: 'end-user', attributes: { level: 2 } },
        'not an object',
      ],
    });
    expect(response.statusCode, response.body).toBe(207);
    const body = response.json();
    expect(body).toMatchObject({ created: 2, failed: 4 });
    expect(body.data.map((item: { index: number; status: number }) => [item.index, item.status])).toEqual([
      [0, 201], [1, 400], [2, 400], [3, 409], [4, 201], [5, 400],
    ]);
    expect(body.data[0].invite).toMatchObject({ email: 'batch1@example.com', groups: [{ id: groupId, name: 'Sales' }], sendAttempts: 1 });
    expect(body.data[1].error).toMatchObject({ code: 'invalid_input', field: 'email' });
    expect(body.data[2].error).toMatchObject({ code: 'external_role', field: 'role' });
    expect(body.data[3].error).toMatchObject({ code: 'invite_pending' });
    expect(body.data[4].invite).toMatchObject({ external: true, attributes: { level: 2 } });
    expect(smtp.to('batch1@example.com')).toHaveLength(1);
    expect(smtp.to('batch2@outside.org')).toHaveLength(1);
    expect(smtp.to('batch-ext@outside.org')).toHaveLength(0);
  });

  it('takes at most 1,000 items', async () => {
    const items = Array.from({ length: 1001 }, (_, index) => ({ email: `many${index}@example.com`, role: 'builder' }));
    expectError(await h.request('POST', '/api/v1/invites', { body: items }), 400, 'invalid_input');
    expect((await h.request('GET', '/api/v1/invites?pageSize=100')).json().data.map((item: Invite) => item.email)).not.toContain('many0@example.com');
  });
});

describe('listing', () => {
  it('pages through the workspace\'s invites, oldest first', async () => {
    const all = (await h.request('GET', '/api/v1/invites?pageSize=100')).json();
    expect(all.total).toBeGreaterThanOrEqual(5);
    const second = (await h.request('GET', '/api/v1/invites?page=2&pageSize=2')).json();
    expect(second).toMatchObject({ page: 2, pageSize: 2, total: all.total });
    expect(second.data.map((item: Invite) => item.id)).toEqual(all.data.slice(2, 4).map((item: Invite) => item.id));
    const accepted = (await h.request('GET', '/api/v1/invites?status=accepted')).json();
    expect(accepted.data.length).toBeGreaterThan(0);
    expect(accepted.data.every((item: Invite) => item.status === 'accepted')).toBe(true);
    expectError(await h.request('GET', '/api/v1/invites?status=lost'), 400, 'invalid_input', 'status');
  });
});

describe('rate limiting of accept', () => {
  it('allows 10 attempts a minute per address, API and page together, then 429 with Retry-After', async () => {
    const address = '192.0.2.10';
    for (let attempt = 0; attempt < 9; attempt += 1) {
      expect((await accept(acceptBody(`tpi_guess${attempt}`), address)).statusCode).toBe(404);
    }
    const page = await h.app.inject({ method: 'POST', url: '/invite/tpi_guess', payload: 'firstName=A&lastName=B&password=12345678', headers: { 'content-type': 'application/x-www-form-urlencoded' }, remoteAddress: address });
    expect(page.statusCode).toBe(404);
    const limited = await accept(acceptBody('tpi_guess'), address);
    const error = expectError(limited, 429, 'rate_limited');
    expect(error.message).toMatch(/retry/i);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const limitedPage = await h.app.inject({ method: 'POST', url: '/invite/tpi_guess', payload: 'firstName=A', headers: { 'content-type': 'application/x-www-form-urlencoded' }, remoteAddress: address });
    expect(limitedPage.statusCode).toBe(429);
    expect(limitedPage.headers['content-type']).toMatch(/^text\/html/);
    expect((await accept(acceptBody('tpi_guess'), '192.0.2.11')).statusCode).toBe(404);
  });
});

describe('workspace isolation', () => {
  let workspaceB: string;
  let tokenB: string;
  let inviteA: Invite;

  beforeAll(async () => {
    workspaceB = await h.services.workspaces.create('Invites B');
    tokenB = await h.token(['*'], { workspaceId: workspaceB, email: 'b-admin@example.com' });
    inviteA = await invite({ email: 'iso@example.com', role: 'builder' });
  });

  it('another workspace neither sees nor changes A\'s invites', async () => {
    const list = (await h.request('GET', '/api/v1/invites', { token: tokenB })).json();
    expect(list.data.map((item: Invite) => item.id)).not.toContain(inviteA.id);
    expectError(await h.request('GET', `/api/v1/invites/${inviteA.id}`, { token: tokenB }), 404, 'invite_not_found');
    expectError(await h.request('DELETE', `/api/v1/invites/${inviteA.id}`, { token: tokenB }), 404, 'invite_not_found');
    expectError(await h.request('POST', `/api/v1/invites/${inviteA.id}/resend`, { token: tokenB }), 404, 'invite_not_found');
    expect((await h.request('GET', `/api/v1/invites/${inviteA.id}`)).json()).toMatchObject({ status: 'pending', sendAttempts: 1 });
  });

  it('each workspace has its own domains, duplicates and groups', async () => {
    // B has no domains: everyone is external there.
    expectError(await h.request('POST', '/api/v1/invites', { token: tokenB, body: { email: 'iso@example.com', role: 'builder' } }), 400, 'external_role');
    expectError(await h.request('POST', '/api/v1/invites', { token: tokenB, body: { email: 'iso@example.com', role: 'end-user', groupIds: [groupId] } }), 400, 'group_not_found');
    const inB = await invite({ email: 'iso@example.com', role: 'end-user' }, undefined, tokenB);
    expect(inB.external).toBe(true);

    const response = await accept(acceptBody(tokenSentTo('iso@example.com')));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().workspaceId).toBe(workspaceB);
    const account = (await userByEmail('iso@example.com'))!;
    expect(await membership(account.id, workspaceB)).toMatchObject({ role: 'end-user', status: 'active' });
    expect(await membership(account.id)).toBeUndefined();
    expect((await h.request('GET', `/api/v1/invites/${inviteA.id}`)).json().status).toBe('pending');
  });
});
