import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from '../helpers/harness.ts';
import { expectError } from '../helpers/expect-error.ts';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(async () => {
  await h.close();
});

const JSON_TYPE = { 'content-type': 'application/json' };

async function userCount(): Promise<number> {
  const response = await h.request('GET', '/api/v1/users?pageSize=1');
  expect(response.statusCode).toBe(200);
  return response.json().total;
}

async function groupNames(): Promise<string[]> {
  const response = await h.request('GET', '/api/v1/groups');
  expect(response.statusCode).toBe(200);
  return response.json().data.map((group: { name: string }) => group.name).sort();
}

describe('malformed JSON', () => {
  it.each([
    ['truncated', '{"email":'],
    ['trailing comma', '{"email": "a@example.com",}'],
    ['single quotes', "{'email': 'a@example.com'}"],
    ['bare word', 'email'],
  ])('refuses a %s body with 400 invalid_json', async (_label, payload) => {
    const response = await h.request('POST', '/api/v1/users', { body: payload, headers: JSON_TYPE });
    expectError(response, 400, 'invalid_json');
  });

  it('refuses an empty body declared as JSON with 400 invalid_json', async () => {
    const response = await h.request('POST', '/api/v1/users', { body: '', headers: JSON_TYPE });
    expectError(response, 400, 'invalid_json');
  });
});

describe('wrongly typed fields', () => {
  it.each([
    ['POST', '/api/v1/users', { email: 'typed1@example.com', isAdmin: 'yes' }, 'isAdmin'],
    ['POST', '/api/v1/users', { email: 'typed2@example.com', firstName: 12 }, 'firstName'],
    ['POST', '/api/v1/users', { email: 'typed3@example.com', lastName: ['L'] }, 'lastName'],
    ['POST', '/api/v1/users', { email: 42 }, 'email'],
    ['POST', '/api/v1/groups', { name: null }, 'name'],
    ['POST', '/api/v1/apps', { name: 'App', description: { text: 'x' } }, 'description'],
    ['POST', '/api/v1/folders', { name: true, folderType: 'app' }, 'name'],
  ])('%s %s %j is 400 invalid_input naming the field', async (method, url, body, field) => {
    const response = await h.request(method as 'POST', url, { body });
    const error = expectError(response, 400, 'invalid_input', field);
    expect(error.message).toContain(field);
  });

  it('does not coerce JSON strings to booleans ("true" for isAdmin)', async () => {
    const response = await h.request('POST', '/api/v1/users', { body: { email: 'coerce@example.com', isAdmin: 'true' } });
    expectError(response, 400, 'invalid_input', 'isAdmin');
  });

  it('refuses a JSON array where an object is expected', async () => {
    // POST /users takes an array too (bulk create), so another route stands for the rule here.
    const response = await h.request('POST', '/api/v1/groups', { body: [{ name: 'array' }] });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().code).toBe('invalid_input');
  });
});

describe('missing required fields', () => {
  it.each([
    ['/api/v1/users', {}, 'email'],
    ['/api/v1/users', { firstName: 'Ada' }, 'email'],
    ['/api/v1/groups', {}, 'name'],
    ['/api/v1/folders', { name: 'Reports' }, 'folderType'],
    ['/api/v1/folders', { folderType: 'app' }, 'name'],
    ['/api/v1/apps', { description: 'no name' }, 'name'],
  ])('POST %s %j is 400 naming %s', async (url, body, field) => {
    const response = await h.request('POST', url, { body });
    const error = expectError(response, 400, 'invalid_input', field);
    expect(error.message).toContain(field);
    expect(error.message).toMatch(/required/);
  });
});

describe('enum values', () => {
  it('refuses an unknown folderType, listing the allowed values', async () => {
    const response = await h.request('POST', '/api/v1/folders', { body: { name: 'Dash', folderType: 'dashboard' } });
    const error = expectError(response, 400, 'invalid_input', 'folderType');
    for (const allowed of ['app', 'resource', 'workflow']) expect(error.message).toContain(allowed);
  });

  it('refuses an unknown userType, listing the allowed values', async () => {
    const response = await h.request('POST', '/api/v1/users', { body: { email: 'enum@example.com', userType: 'superUser' } });
    const error = expectError(response, 400, 'invalid_input', 'userType');
    for (const allowed of ['default', 'endUser']) expect(error.message).toContain(allowed);
  });

  it('refuses an unknown folderType in the query string', async () => {
    const response = await h.request('GET', '/api/v1/folders?folderType=dashboard');
    const error = expectError(response, 400, 'invalid_input', 'folderType');
    expect(error.message).toContain('workflow');
  });
});

describe('malformed path parameters', () => {
  it.each([
    ['GET', '/api/v1/users/not-a-uuid', 'userId'],
    ['PUT', '/api/v1/users/not-a-uuid', 'userId'],
    ['DELETE', '/api/v1/users/not-a-uuid', 'userId'],
    ['GET', '/api/v1/folders/folder-1', 'folderId'],
    ['GET', '/api/v1/resources/xyz', 'resourceId'],
    ['GET', '/api/v1/groups/abc', 'groupId'],
    ['GET', '/api/v1/groups/0', 'groupId'],
    ['GET', '/api/v1/groups/1.5', 'groupId'],
    ['GET', '/api/v1/groups/99999999999', 'groupId'],
    ['DELETE', '/api/v1/groups/1/members/not-a-uuid', 'userId'],
  ])('%s %s is 400 naming %s', async (method, url, field) => {
    const body = method === 'PUT' ? { firstName: 'X' } : undefined;
    const response = await h.request(method as 'GET', url, { body });
    const error = expectError(response, 400, 'invalid_input', field);
    expect(error.message).toContain(field);
    expect(error.message).toMatch(/path/);
  });
});

describe('oversized bodies', () => {
  it('refuses a body over 1 MiB with 413 payload_too_large', async () => {
    const before = await userCount();
    const payload = JSON.stringify({ email: 'big@example.com', firstName: 'x'.repeat(1024 * 1024) });
    const response = await h.request('POST', '/api/v1/users', { body: payload, headers: JSON_TYPE });
    expectError(response, 413, 'payload_too_large');
    expect(await userCount()).toBe(before);
  });

  it('accepts a body just under 1 MiB as far as the size goes', async () => {
    const payload = JSON.stringify({ email: 'almost@example.com', firstName: 'x'.repeat(1024 * 1024 - 100) });
    expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(1024 * 1024);
    const response = await h.request('POST', '/api/v1/users', { body: payload, headers: JSON_TYPE });
    // The name is too long for its field, so validation, not the size limit, refuses it.
    expectError(response, 400, 'invalid_input', 'firstName');
  });
});

describe('unknown routes', () => {
  it.each([
    ['GET', '/api/v1/nope'],
    ['GET', '/api/v1/users/00000000-0000-4000-8000-000000000000/extra'],
    ['PATCH', '/api/v1/users'],
    ['POST', '/api/v1/folders/00000000-0000-4000-8000-000000000000'],
    ['GET', '/nope'],
    ['GET', '/api/v3/users'],
    ['DELETE', '/'],
  ])('%s %s is a JSON 404 route_not_found', async (method, url) => {
    const response = await h.request(method as 'GET', url);
    const error = expectError(response, 404, 'route_not_found');
    expect(Object.keys(error).sort()).toEqual(['code', 'message']);
    expect(error.message).toContain(url);
  });
});

describe('content types', () => {
  it.each(['application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'refuses %s with 415',
    async (contentType) => {
      const before = await userCount();
      const response = await h.request('POST', '/api/v1/users', { body: 'email=x@example.com', headers: { 'content-type': contentType } });
      expectError(response, 415, 'unsupported_media_type');
      expect(await userCount()).toBe(before);
    },
  );

  it('accepts application/json with a charset parameter', async () => {
    const response = await h.request('POST', '/api/v1/users', {
      body: JSON.stringify({ email: 'charset@example.com' }),
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    expect(response.statusCode, response.body).toBe(201);
  });
});

describe('unknown JSON fields', () => {
  it('ignores them on create and does not echo them', async () => {
    const response = await h.request('POST', '/api/v1/users', {
      body: { email: 'extra@example.com', firstName: 'Ex', favoriteColor: 'blue', id: '00000000-0000-4000-8000-000000000001' },
    });
    expect(response.statusCode, response.body).toBe(201);
    const user = response.json();
    expect(user).not.toHaveProperty('favoriteColor');
    expect(user.id).not.toBe('00000000-0000-4000-8000-000000000001');
    expect(user).toMatchObject({ email: 'extra@example.com', firstName: 'Ex' });
  });

  it('ignores them on update', async () => {
    const created = await h.request('POST', '/api/v1/groups', { body: { name: 'Extras', color: 'red' } });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).not.toHaveProperty('color');
    const updated = await h.request('PUT', `/api/v1/groups/${created.json().id}`, { body: { name: 'Extras 2', members: ['x'] } });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ name: 'Extras 2', members: [] });
  });
});

describe('failed writes change nothing', () => {
  it('a user create that fails validation leaves the users as they were', async () => {
    const before = await userCount();
    for (const body of [{ email: 'not-an-email' }, { email: 'v@example.com', isAdmin: 'yes' }, { email: 'v@example.com', userType: 'x' }]) {
      const response = await h.request('POST', '/api/v1/users', { body });
      expect(response.statusCode, response.body).toBe(400);
    }
    expect(await userCount()).toBe(before);
    const list = await h.request('GET', '/api/v1/users');
    expect(list.json().data.map((user: { email: string }) => user.email)).not.toContain('v@example.com');
  });

  it('a conflicting user create leaves the users and the existing user as they were', async () => {
    const first = await h.request('POST', '/api/v1/users', { body: { email: 'dup@example.com', firstName: 'First' } });
    expect(first.statusCode, first.body).toBe(201);
    const before = await userCount();
    const again = await h.request('POST', '/api/v1/users', { body: { email: 'dup@example.com', firstName: 'Second', isAdmin: true } });
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json().code).toBe('email_taken');
    expect(await userCount()).toBe(before);
    const read = await h.request('GET', `/api/v1/users/${first.json().id}`);
    expect(read.json()).toEqual(first.json());
  });

  it('a conflicting group create or rename leaves the groups as they were', async () => {
    const a = await h.request('POST', '/api/v1/groups', { body: { name: 'Alpha' } });
    const b = await h.request('POST', '/api/v1/groups', { body: { name: 'Beta' } });
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    const before = await groupNames();
    expect((await h.request('POST', '/api/v1/groups', { body: { name: 'Alpha' } })).statusCode).toBe(409);
    expect((await h.request('PUT', `/api/v1/groups/${b.json().id}`, { body: { name: 'Alpha' } })).statusCode).toBe(409);
    expect((await h.request('PUT', `/api/v1/groups/${b.json().id}`, { body: { name: '' } })).statusCode).toBe(400);
    expect(await groupNames()).toEqual(before);
  });

  it('an update that fails validation leaves the user unchanged', async () => {
    const created = await h.request('POST', '/api/v1/users', { body: { email: 'keep@example.com', firstName: 'Keep' } });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const response = await h.request('PUT', `/api/v1/users/${id}`, { body: { firstName: 'Changed', isDisabled: 'no' } });
    expectError(response, 400, 'invalid_input', 'isDisabled');
    expect((await h.request('GET', `/api/v1/users/${id}`)).json()).toEqual(created.json());
  });
});

describe('no client error is a 5xx', () => {
  it.each([
    ['POST', '/api/v1/users', '{"email": "x@example.com", "groups": [', JSON_TYPE],
    ['POST', '/api/v1/users', '{"email": "x@example.com", "firstName": "\\u0000"}', JSON_TYPE],
    ['POST', '/api/v1/users', 'null', JSON_TYPE],
    ['POST', '/api/v1/users', '"a string"', JSON_TYPE],
    ['POST', '/api/v1/users', '12', JSON_TYPE],
    ['POST', '/api/v1/users', 'plain text', { 'content-type': 'text/plain' }],
    ['POST', '/api/v1/groups/1/members', '{"userId": 7}', JSON_TYPE],
    ['PUT', '/api/v1/apps/00000000-0000-4000-8000-000000000000', '{"resources": "all"}', JSON_TYPE],
    ['GET', '/api/v1/users?page=0', undefined, {}],
    ['GET', '/api/v1/users?pageSize=1000', undefined, {}],
    ['GET', '/api/v1/users?page=abc', undefined, {}],
    ['GET', '/api/v1/users?page=99999999999999999999', undefined, {}],
  ])('%s %s %s answers 4xx', async (method, url, body, headers) => {
    const response = await h.request(method as 'GET', url, { body, headers });
    expect(response.statusCode, response.body).toBeGreaterThanOrEqual(400);
    expect(response.statusCode, response.body).toBeLessThan(500);
    expect(typeof response.json().code).toBe('string');
  });
});

describe('health', () => {
  it('/healthz answers 200 without a token', async () => {
    const response = await h.request('GET', '/healthz', { token: null });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('/readyz answers 200 while the database is up', async () => {
    const response = await h.request('GET', '/readyz', { token: null });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: 'ok' });
  });
});

describe('request ids', () => {
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

  it.each([
    ['GET', '/healthz', undefined, {}, 200],
    ['GET', '/api/v1/users', undefined, {}, 200],
    ['GET', '/api/v1/openapi.json', null, {}, 200],
    ['GET', '/api/v1/users', null, {}, 401],
    ['GET', '/api/v1/users/not-a-uuid', undefined, {}, 400],
    ['GET', '/nope', undefined, {}, 404],
    ['POST', '/api/v1/users', undefined, JSON_TYPE, 400],
  ] as const)('%s %s carries a generated x-request-id (%#)', async (method, url, token, headers, status) => {
    const response = await h.request(method, url, { token, headers: { ...headers }, body: method === 'POST' ? '{' : undefined });
    expect(response.statusCode).toBe(status);
    expect(response.headers['x-request-id']).toMatch(UUID);
  });

  it('carries the echoed id on framework-level refusals (413, 415)', async () => {
    const tooLarge = await h.request('POST', '/api/v1/users', {
      body: JSON.stringify({ email: 'x@example.com', firstName: 'x'.repeat(1024 * 1024) }),
      headers: { ...JSON_TYPE, 'x-request-id': 'trace-413' },
    });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.headers['x-request-id']).toBe('trace-413');
    const unsupported = await h.request('POST', '/api/v1/users', {
      body: '<user/>',
      headers: { 'content-type': 'application/xml', 'x-request-id': 'trace-415' },
    });
    expect(unsupported.statusCode).toBe(415);
    expect(unsupported.headers['x-request-id']).toBe('trace-415');
  });

  it('gives each request its own id', async () => {
    const first = await h.request('GET', '/healthz');
    const second = await h.request('GET', '/healthz');
    expect(first.headers['x-request-id']).not.toBe(second.headers['x-request-id']);
  });

  it.each([
    ['GET', '/healthz', 200],
    ['GET', '/api/v1/users', 200],
    ['GET', '/api/v1/users/123', 400],
    ['GET', '/api/v1/nothing-here', 404],
  ] as const)('echoes a client-sent x-request-id on %s %s', async (method, url, status) => {
    const response = await h.request(method, url, { headers: { 'x-request-id': 'trace-abc-123' } });
    expect(response.statusCode).toBe(status);
    expect(response.headers['x-request-id']).toBe('trace-abc-123');
  });

  it('echoes a client-sent x-request-id on a 401', async () => {
    const response = await h.request('GET', '/api/v1/users', { token: null, headers: { 'x-request-id': 'trace-401' } });
    expect(response.statusCode).toBe(401);
    expect(response.headers['x-request-id']).toBe('trace-401');
  });
});
