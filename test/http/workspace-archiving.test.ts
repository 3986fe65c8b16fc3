import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../helpers/expect-error.ts';
import { Harness } from '../helpers/harness.ts';

interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
}

const SOME_UUID = '00000000-0000-4000-8000-00000000beef';

/** Every operation of the served OpenAPI document, its path parameters filled with valid ids. */
function operationsOf(doc: { paths: Record<string, Record<string, {
  parameters?: Array<{ in: string; name: string; schema?: { type?: string } }>;
  security?: unknown[];
}>> }): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const upper = method.toUpperCase() as Operation['method'];
      if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(upper)) continue;
      // Public operations (accepting an invite) belong to no workspace a token names.
      if (operation.security?.length === 0) continue;
      const types = new Map((operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => [p.name, p.schema?.type]));
      const url = '/api/v1' + path.replace(/\{(\w+)\}/g, (_match, name: string) => (types.get(name) === 'integer' ? '2147483000' : SOME_UUID));
      operations.push({ method: upper, url });
    }
  }
  return operations;
}

let h: Harness;
let operations: Operation[];
let archived: string;
let boundToken: string;
let scopelessToken: string;
let memberId: string;

beforeAll(async () => {
  h = await Harness.start();
  operations = operationsOf((await h.request('GET', '/api/v1/openapi.json', { token: null })).json());
  archived = await h.services.workspaces.create('To archive');
  boundToken = await h.token(['*'], { workspaceId: archived, email: 'archived-admin@example.com' });
  scopelessToken = await h.token([], { workspaceId: archived, email: 'archived-admin@example.com' });
  const member = await h.request('POST', '/api/v1/users', { token: boundToken, body: { email: 'kept@example.com', firstName: 'Kept' } });
  expect(member.statusCode, member.body).toBe(201);
  memberId = member.json().id;
});
afterAll(async () => {
  await h.close();
});

const setStatus = (id: string, status: string) => h.request('PATCH', `/api/v1/workspaces/${id}`, { body: { status } });

describe('archiving a workspace', () => {
  let snapshot: { users: unknown; member: unknown; groups: unknown };
  const readAll = async (options: { token?: string; workspaceId?: string }) => ({
    users: (await h.request('GET', '/api/v1/users', options)).json(),
    member: (await h.request('GET', `/api/v1/users/${memberId}`, options)).json(),
    groups: (await h.request('GET', '/api/v1/groups', options)).json(),
  });

  beforeAll(async () => {
    snapshot = await readAll({ token: boundToken });
    const response = await setStatus(archived, 'archived');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().status).toBe('archived');
  });

  it('operations are many: the document is the one served', () => {
    expect(operations.length).toBeGreaterThan(30);
    expect(operations).toEqual(expect.arrayContaining([{ method: 'GET', url: '/api/v1/users' }, { method: 'POST', url: '/api/v1/workspaces' }]));
  });

  it('a token bound to it is 403 workspace_archived on every operation, whatever its scopes', async () => {
    for (const op of operations) {
      for (const token of [boundToken, scopelessToken]) {
        const response = await h.request(op.method, op.url, { token, body: op.method === 'GET' || op.method === 'DELETE' ? undefined : {} });
        expect(response.statusCode, `${op.method} ${op.url}: ${response.body}`).toBe(403);
        expect(response.json().code).toBe('workspace_archived');
      }
    }
  });

  it('an instance-wide token naming it in X-Workspace-Id is 403 workspace_archived on every operation', async () => {
    for (const op of operations) {
      const response = await h.request(op.method, op.url, { workspaceId: archived });
      expect(response.statusCode, `${op.method} ${op.url}: ${response.body}`).toBe(403);
      expect(response.json().code).toBe('workspace_archived');
    }
  });

  it('stays visible and manageable to instance-wide tokens', async () => {
    expect((await h.request('GET', `/api/v1/workspaces/${archived}`)).json()).toMatchObject({ name: 'To archive', status: 'archived' });
    const renamed = await h.request('PATCH', `/api/v1/workspaces/${archived}`, { body: { name: 'Archived, renamed' } });
    expect(renamed.json()).toMatchObject({ name: 'Archived, renamed', status: 'archived' });
    const tokens = await h.runtime.database.db.selectFrom('api_tokens').select(['revoked_at']).where('workspace_id', '=', archived).execute();
    expect(tokens).toEqual([{ revoked_at: null }, { revoked_at: null }]);
    expect((await h.request('GET', '/api/v1/users')).statusCode).toBe(200);
  });

  it('unarchiving restores its tokens and X-Workspace-Id, with everything as it was', async () => {
    const response = await setStatus(archived, 'active');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().status).toBe('active');
    expect(await readAll({ token: boundToken })).toEqual(snapshot);
    expect(await readAll({ workspaceId: archived })).toEqual(snapshot);
    expectError(await h.request('GET', '/api/v1/users', { token: scopelessToken }), 403, 'missing_scope');
    const created = await h.request('POST', '/api/v1/groups', { token: boundToken, body: { name: 'After restore' } });
    expect(created.statusCode, created.body).toBe(201);
  });
});

describe('the default workspace', () => {
  it('cannot be archived: 409 workspace_is_default, and it stays active', async () => {
    const before = (await h.request('GET', `/api/v1/workspaces/${h.defaultWorkspaceId}`)).json();
    expectError(await setStatus(h.defaultWorkspaceId, 'archived'), 409, 'workspace_is_default', 'status');
    expectError(await h.request('PATCH', `/api/v1/workspaces/${h.defaultWorkspaceId}`, { body: { name: 'Renamed default', status: 'archived' } }),
      409, 'workspace_is_default', 'status');
    expect((await h.request('GET', `/api/v1/workspaces/${h.defaultWorkspaceId}`)).json()).toEqual(before);
    expect((await h.request('GET', '/api/v1/users')).statusCode).toBe(200);
  });

  it('may be set active, which changes nothing', async () => {
    const response = await setStatus(h.defaultWorkspaceId, 'active');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ name: 'Default', status: 'active' });
  });
});

describe('isolation', () => {
  it('archiving one workspace leaves the tokens of another working', async () => {
    const one = await h.services.workspaces.create('Archived neighbour');
    const two = await h.services.workspaces.create('Working neighbour');
    const tokenTwo = await h.token(['*'], { workspaceId: two });
    expect((await setStatus(one, 'archived')).statusCode).toBe(200);
    expect((await h.request('GET', '/api/v1/users', { token: tokenTwo })).statusCode).toBe(200);
    expect((await h.request('GET', '/api/v1/users', { workspaceId: two })).statusCode).toBe(200);
    expectError(await h.request('GET', '/api/v1/users', { token: tokenTwo, workspaceId: one }), 403, 'workspace_forbidden');
  });
});
