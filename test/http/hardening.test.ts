import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { expectError } from '../helpers/expect-error.ts';
import { Harness } from '../helpers/harness.ts';

/**
 * Inputs from the edges of the API: secrets in paths and query strings, NUL characters in
 * URLs, client-chosen request ids, the documentation page's redirect, app ids of any shape,
 * and ToolJet's answer for an unknown workspace. Each is a 4xx in its dialect's shape.
 */
let h: Harness;
/** The same runtime served with a logger at info, whose JSON lines land in `lines`. */
let logged: FastifyInstance;
let lines: Record<string, unknown>[];
/** A real invite link's token. */
let inviteToken: string;

beforeAll(async () => {
  h = await Harness.start();
  lines = [];
  logged = await buildApp(h.runtime, {
    logger: { level: 'info', stream: { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) } },
  });
  const invite = await h.request('POST', '/api/v1/invites', { body: { email: 'mangled@example.com', role: 'end-user' } });
  expect(invite.statusCode, invite.body).toBe(201);
  inviteToken = new URL(invite.json().acceptUrl).pathname.split('/').pop()!;
  expect(inviteToken).toMatch(/^tpi_/);
});
afterAll(async () => {
  await logged.close();
  await h.close();
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The log lines of the request that got `requestId`. */
function linesOf(requestId: string) {
  return lines.filter((line) => line.reqId === requestId);
}

function expectTooljetError(response: { statusCode: number; json(): unknown }, status: number) {
  expect(response.statusCode).toBe(status);
  const body = response.json() as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(['code', 'message', 'path', 'statusCode', 'timestamp']);
  expect(body.statusCode).toBe(status);
  return body as { message: string; code: string; path: string };
}

describe('a mangled invite link', () => {
  it.each([
    ['a trailing segment', (token: string) => `/invite/${token}/x`, 404],
    ['a stray percent sign', (token: string) => `/invite/${token}%`, 400],
    ['a bad percent escape', (token: string) => `/invite/${token}%ZZ`, 400],
    ['a doubled slash and upper case', (token: string) => `//INVITE/${token}`, 404],
  ])('with %s is answered with the invalid-link page, and neither the answer nor the log holds the token', async (_case, url, status) => {
    const response = await logged.inject({ method: 'GET', url: url(inviteToken) });
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('This invitation link is not valid');
    expect(response.body).not.toContain(inviteToken);
    const requestLines = lines.filter((line) => JSON.stringify(line).includes('/invite') || JSON.stringify(line).includes('/INVITE'));
    expect(requestLines.length).toBeGreaterThan(0);
    expect(JSON.stringify(lines)).not.toContain(inviteToken);
    expect(JSON.stringify(lines)).not.toContain(inviteToken.slice(4, 20));
  });

  it('logs the path up to the secret, so the request can still be told apart', async () => {
    const response = await logged.inject({ method: 'PUT', url: `/invite/${inviteToken}` });
    expect(response.statusCode).toBe(404);
    const [incoming] = linesOf(String(response.headers['x-request-id']));
    expect(incoming).toMatchObject({ msg: 'incoming request', req: { method: 'PUT', url: '/invite/[redacted]' } });
  });
});

describe('credentials in query strings', () => {
  it('are redacted in the request log line, other parameters kept', async () => {
    const secrets = ['s3cr3t-one', 's3cr3t-two', 's3cr3t-three', 's3cr3t-four', 's3cr3t-five', 's3cr3t-six'];
    const query = `token=${secrets[0]}&access_token=${secrets[1]}&client_secret=${secrets[2]}&password=${secrets[3]}`
      + `&api%5Fkey=${secrets[4]}&X-Auth=${secrets[5]}&name=kept`;
    const response = await logged.inject({ method: 'GET', url: `/api/v1/users?${query}` });
    expect(response.statusCode).toBe(401);
    const [incoming] = linesOf(String(response.headers['x-request-id']));
    expect((incoming!.req as { url: string }).url).toBe(
      '/api/v1/users?token=[redacted]&access_token=[redacted]&client_secret=[redacted]&password=[redacted]'
      + '&api%5Fkey=[redacted]&X-Auth=[redacted]&name=kept',
    );
    for (const secret of secrets) expect(JSON.stringify(lines)).not.toContain(secret);
  });

  it('are redacted on the invite page and on unknown paths too', async () => {
    for (const url of ['/invite/x?token=qs-secret-1', '/nowhere?secret=qs-secret-2', '/api/ext/users?access_token=qs-secret-3']) {
      await logged.inject({ method: 'GET', url });
    }
    expect(JSON.stringify(lines)).not.toMatch(/qs-secret-\d/);
  });
});

describe('a NUL character in a URL', () => {
  it.each([
    ['/api/v1/auditEvents?targetType=a%00b', 'targetType'],
    ['/api/v1/auditEvents?targetId=a%00b', 'targetId'],
    ['/api/v1/auditEvents?action=user.%00*', 'action'],
    ['/api/v1/workspaces?name=a%00b', 'name'],
    ['/api/v1/workspaces?name=ok&name=a%00b', 'name'],
    ['/api/v1/users?page=1&x%00=1', 'x\u0000'],
    ['/api/v1/users/a%00b', 'userId'],
    ['/api/v1/apps/a%00b', 'appId'],
  ])('GET %s is a 400 naming %j in the native shape', async (url, field) => {
    const body = expectError(await h.request('GET', url), 400, 'invalid_input', field);
    expect(body.message).toContain('NUL');
  });

  it('is a 400 in a write\'s path too, changing nothing', async () => {
    expectError(await h.request('PUT', '/api/v1/apps/a%00b', { body: { name: 'x' } }), 400, 'invalid_input', 'appId');
  });

  it.each([
    ['GET', '/api/ext/users?group_names=a%00b', 'group_names'],
    ['GET', '/api/ext/users?status=active&group_names=ok,a%00b', 'group_names'],
    ['GET', '/api/ext/user/a%00b', 'id'],
    ['GET', '/api/ext/workspace/a%00b/apps', 'id'],
  ] as const)('%s %s is a 400 naming %s in the ToolJet shape', async (method, url, field) => {
    const body = expectTooljetError(await h.ext(method, url), 400);
    expect(body.code).toBe('invalid_input');
    expect(body.message).toBe(`${field}: must not contain NUL characters`);
  });

  it('on the invite page is a 400 page that does not echo the path', async () => {
    const response = await h.app.inject({ method: 'GET', url: `/invite/${inviteToken}%00` });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).not.toContain(inviteToken);
  });
});

describe('a client-chosen X-Request-Id', () => {
  /** Creates a group with `requestId` sent, and answers the id the response and the audit event carry. */
  async function auditedWith(requestId: string) {
    const response = await h.request('POST', '/api/v1/groups', { body: { name: `group ${lines.length}-${Math.random()}` }, headers: { 'x-request-id': requestId } });
    expect(response.statusCode, response.body).toBe(201);
    const answered = String(response.headers['x-request-id']);
    const events = await h.request('GET', `/api/v1/auditEvents?targetType=group&targetId=${response.json().id}`);
    expect(events.statusCode, events.body).toBe(200);
    const [event] = events.json().data as { requestId: string }[];
    return { answered, stored: event!.requestId };
  }

  it('is kept when it is at most 128 visible ASCII characters', async () => {
    const id = `trace-${'x'.repeat(122)}`;
    expect(await auditedWith(id)).toEqual({ answered: id, stored: id });
  });

  it.each([
    ['10,000 characters', 'r'.repeat(10_000)],
    ['129 characters', 'r'.repeat(129)],
    ['a control character', 'trace\u0001me'],
    ['a tab', 'trace\tme'],
    ['a space', 'trace me'],
    ['a DEL', 'trace\u007fme'],
    ['non-ASCII text', 'trace-é'],
  ])('is replaced by a fresh id when it holds %s, in the answer and the audit event', async (_case, id) => {
    const { answered, stored } = await auditedWith(id);
    expect(answered).toMatch(UUID);
    expect(stored).toBe(answered);
  });

  it('is replaced in the log lines as well', async () => {
    const response = await logged.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'forged\u0001line' } });
    expect(response.headers['x-request-id']).toMatch(UUID);
    expect(linesOf(String(response.headers['x-request-id'])).length).toBeGreaterThan(0);
    expect(JSON.stringify(lines)).not.toContain('forged');
  });
});

describe('the documentation page', () => {
  it.each(['/docs/static/index.html?x', '/docs/static/index.html?', '/docs/static/index.html?a=1&b=2', '/docs/static/index.html'])(
    '%s redirects once to a page that serves 200',
    async (url) => {
      const first = await h.request('GET', url, { token: null });
      expect(first.statusCode).toBe(302);
      const location = new URL(String(first.headers.location), `http://localhost${url}`);
      expect(location.pathname + location.search).toBe('/docs/');
      const page = await h.request('GET', location.pathname + location.search, { token: null });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
    },
  );
});

describe('an app id of any shape', () => {
  it.each(['not-a-uuid', '123', 'x'.repeat(300), '%E2%9C%93', '00000000-0000-4000-8000-00000000beef'])(
    'GET, PUT and DELETE /apps/%s name no app: 404 app_not_found',
    async (id) => {
      expectError(await h.request('GET', `/api/v1/apps/${id}`), 404, 'app_not_found');
      expectError(await h.request('PUT', `/api/v1/apps/${id}`, { body: { name: 'renamed' } }), 404, 'app_not_found');
      expectError(await h.request('DELETE', `/api/v1/apps/${id}`), 404, 'app_not_found');
    },
  );

  it('finds an app by its id in upper case, as before', async () => {
    const created = await h.request('POST', '/api/v1/apps', { body: { name: 'Shapes' } });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const read = await h.request('GET', `/api/v1/apps/${id.toUpperCase()}`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().id).toBe(id);
    const renamed = await h.request('PUT', `/api/v1/apps/${id.toUpperCase()}`, { body: { name: 'Shapes, renamed' } });
    expect(renamed.json()).toMatchObject({ id, name: 'Shapes, renamed' });
    expect((await h.request('DELETE', `/api/v1/apps/${id.toUpperCase()}`)).statusCode).toBe(204);
    expectError(await h.request('GET', `/api/v1/apps/${id}`), 404, 'app_not_found');
  });

  it('leaves the ids the seed declares as UUIDs or integers validated', async () => {
    expectError(await h.request('GET', '/api/v1/users/not-a-uuid'), 400, 'invalid_input', 'userId');
    expectError(await h.request('GET', '/api/v1/groups/abc/members'), 400, 'invalid_input', 'groupId');
  });
});

describe('ToolJet: an unknown workspace in a new user\'s workspaces', () => {
  const user = (workspace: { id?: string; name?: string }) => ({ name: 'Nora Where', email: `nora-${Math.random()}@example.com`, workspaces: [workspace] });

  it('given by name is ToolJet\'s 400, naming the name', async () => {
    const body = expectTooljetError(await h.ext('POST', '/api/ext/users', { body: user({ name: 'Nowhere' }) }), 400);
    expect(body).toMatchObject({ code: 'workspace_not_found', message: 'The workspaces id or name do not exist: id undefined, name Nowhere' });
  });

  it('given by id is ToolJet\'s 400, naming the id', async () => {
    const id = '00000000-0000-4000-8000-00000000f00d';
    const body = expectTooljetError(await h.ext('POST', '/api/ext/users', { body: user({ id }) }), 400);
    expect(body).toMatchObject({ code: 'workspace_not_found', message: `The workspaces id or name do not exist: id ${id}, name undefined` });
  });

  it('names the field the client gave: workspaces.<i>.name for a name, workspaces.<i>.id for an id', async () => {
    const create = (memberships: { workspace: { id?: string; name?: string } }[]) => h.services.accounts.create({
      email: `field-${Math.random()}@example.com`, firstName: 'Field', lastName: '', status: 'invited', memberships,
    });
    await expect(create([{ workspace: { id: h.defaultWorkspaceId } }, { workspace: { name: 'Nowhere' } }]))
      .rejects.toMatchObject({ code: 'workspace_not_found', field: 'workspaces.1.name' });
    await expect(create([{ workspace: { id: '00000000-0000-4000-8000-00000000f00d' } }]))
      .rejects.toMatchObject({ code: 'workspace_not_found', field: 'workspaces.0.id' });
  });

  it('in a replacement of a user\'s workspaces is the same 400', async () => {
    const created = await h.ext('POST', '/api/ext/users', { body: user({ name: 'Default' }) });
    expect(created.statusCode, created.body).toBe(201);
    const body = expectTooljetError(await h.ext('PUT', `/api/ext/user/${created.json().id}/workspaces`, { body: [{ name: 'Nowhere' }] }), 400);
    expect(body.message).toBe('The workspaces id or name do not exist: id undefined, name Nowhere');
  });
});
