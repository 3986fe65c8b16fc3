import { Writable } from 'node:stream';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { expectError } from '../helpers/expect-error.ts';
import { Harness } from '../helpers/harness.ts';
import { TestSmtpServer, acceptLinkOf, closedPort } from '../helpers/smtp.ts';

const PASSWORD = 'correct horse battery';

async function allowDomain(h: Harness) {
  const response = await h.request('PATCH', `/api/v1/workspaces/${h.defaultWorkspaceId}`, { body: { domains: ['example.com'] } });
  expect(response.statusCode, response.body).toBe(200);
}

let addresses = 0;
function accept(h: Harness, token: string): Promise<LightMyRequestResponse> {
  return h.app.inject({
    method: 'POST', url: '/api/v1/invites/accept', remoteAddress: `10.9.0.${++addresses}`,
    payload: { token, firstName: 'Ann', lastName: 'Lee', password: PASSWORD },
  });
}

describe('when the mail server cannot be reached', () => {
  let h: Harness;
  let port: number;
  let smtp: TestSmtpServer | undefined;

  beforeAll(async () => {
    port = await closedPort();
    h = await Harness.start({ smtp: { url: `smtp://127.0.0.1:${port}`, from: 'Toolplane <no-reply@localhost>' } });
    await allowDomain(h);
  });
  afterAll(async () => {
    await h.close();
    await smtp?.close();
  });

  it('keeps the invite pending with the failure recorded, and resend retries', async () => {
    const response = await h.request('POST', '/api/v1/invites', { body: { email: 'ann@example.com', role: 'builder' } });
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({ status: 'pending', sendAttempts: 1, lastSentAt: null });
    expect(created.sendError).toMatch(/ECONNREFUSED|connect/i);
    expect(created).not.toHaveProperty('acceptUrl');
    expect((await h.request('GET', `/api/v1/invites/${created.id}`)).json()).toMatchObject({ status: 'pending', sendAttempts: 1, sendError: created.sendError });

    // A second failed resend counts again.
    const failedAgain = await h.request('POST', `/api/v1/invites/${created.id}/resend`);
    expect(failedAgain.statusCode, failedAgain.body).toBe(200);
    expect(failedAgain.json()).toMatchObject({ sendAttempts: 2, status: 'pending' });
    expect(failedAgain.json().sendError).not.toBeNull();

    smtp = await TestSmtpServer.start(port);
    const resent = await h.request('POST', `/api/v1/invites/${created.id}/resend`, { body: { expiresInDays: 2 } });
    expect(resent.statusCode, resent.body).toBe(200);
    expect(resent.json()).toMatchObject({ status: 'pending', sendAttempts: 3, sendError: null });
    expect(resent.json().lastSentAt).not.toBeNull();
    expect(Math.round((new Date(resent.json().expiresAt).getTime() - Date.now()) / 86_400_000)).toBe(2);

    const mails = smtp.to('ann@example.com');
    expect(mails).toHaveLength(1);
    const accepted = await accept(h, acceptLinkOf(mails[0]!).token);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().role).toBe('builder');
  });
});

describe('without SMTP', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await Harness.start();
    await allowDomain(h);
  });
  afterAll(async () => {
    await h.close();
  });

  it('returns the accept link once, in the create and resend answers only', async () => {
    const response = await h.request('POST', '/api/v1/invites', { body: { email: 'bea@example.com', role: 'admin' } });
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({ sendAttempts: 0, sendError: null, lastSentAt: null });
    expect(created.acceptUrl).toMatch(/^http:\/\/toolplane\.test\/invite\/tpi_[A-Za-z0-9_-]{43}$/);
    expect((await h.request('GET', `/api/v1/invites/${created.id}`)).json()).not.toHaveProperty('acceptUrl');
    const listed = (await h.request('GET', '/api/v1/invites')).json();
    expect(JSON.stringify(listed)).not.toContain('acceptUrl');

    const resent = await h.request('POST', `/api/v1/invites/${created.id}/resend`);
    expect(resent.statusCode, resent.body).toBe(200);
    expect(resent.json().acceptUrl).toMatch(/\/invite\/tpi_/);
    expect(resent.json().acceptUrl).not.toBe(created.acceptUrl);

    const tokenOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);
    expectError(await accept(h, tokenOf(created.acceptUrl)), 404, 'invalid_token');
    const accepted = await accept(h, tokenOf(resent.json().acceptUrl));
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().role).toBe('admin');
  });

  it('gives every created item of the array form its link', async () => {
    const response = await h.request('POST', '/api/v1/invites', {
      body: [{ email: 'one@example.com', role: 'builder' }, { email: 'one@example.com', role: 'builder' }, { email: 'two@elsewhere.org', role: 'end-user' }],
    });
    expect(response.statusCode, response.body).toBe(207);
    const [first, second, third] = response.json().data;
    expect(first.invite.acceptUrl).toMatch(/\/invite\/tpi_/);
    expect(second).toMatchObject({ status: 409, error: { code: 'invite_pending' } });
    expect(second).not.toHaveProperty('invite');
    expect(third.invite).toMatchObject({ external: true });
    expect(third.invite.acceptUrl).toMatch(/\/invite\/tpi_/);
  });

  it('never writes the token to the request log, on the API or the page', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logged = await buildApp(h.runtime, { logger: { level: 'info', stream } });
    try {
      const created = await logged.inject({
        method: 'POST', url: '/api/v1/invites', headers: { authorization: `Bearer ${h.adminToken}` },
        payload: { email: 'logged@example.com', role: 'builder' },
      });
      expect(created.statusCode, created.body).toBe(201);
      const url = new URL(created.json().acceptUrl as string);
      const token = url.pathname.split('/').at(-1)!;
      expect((await logged.inject({ method: 'GET', url: url.pathname })).statusCode).toBe(200);
      const form = await logged.inject({
        method: 'POST', url: url.pathname, remoteAddress: '10.9.1.1',
        headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'firstName=Lo&lastName=G&password=short',
      });
      expect(form.statusCode).toBe(400);
      const api = await logged.inject({
        method: 'POST', url: '/api/v1/invites/accept', remoteAddress: '10.9.1.2',
        payload: { token, firstName: 'Lo', lastName: 'G', password: PASSWORD },
      });
      expect(api.statusCode, api.body).toBe(200);
      expect(lines.join('')).toContain('/api/v1/invites/accept');
      expect(lines.join('')).not.toContain(token);
    } finally {
      await logged.close();
    }
  });
});
