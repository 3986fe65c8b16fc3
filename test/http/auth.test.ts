import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scope } from '../../src/core/scopes.ts';
import { Harness } from '../helpers/harness.ts';
import { expectError } from '../helpers/expect-error.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
type Area = string;

interface Operation {
  operationId: string;
  method: Method;
  /** The path as the OpenAPI document gives it, relative to /api/v1. */
  path: string;
  /** The request URL, with path parameters filled by syntactically valid ids. */
  url: string;
  area: Area;
  /** The scope the operation requires, as the document states it (`security: [{bearerAuth: [scope]}]`). */
  scope: Scope;
}

const SOME_UUID = '00000000-0000-4000-8000-00000000beef';
const SOME_GROUP_ID = '2147483000';
const AREAS: Area[] = ['users', 'groups', 'apps', 'resources', 'folders'];
/** POST operations that only read (a query too rich for a query string, a file to plan, an export to build), so need read access. */
const READING_POSTS = new Set(['listPermissionObjects', 'exportApp']);
/**
 * Operations whose scopes follow from what the request holds: configuration as code asks the
 * read scope of every section, and the write scope of each change (test/http/config-code.test.ts
 * checks them); one route scope cannot say that, so the checks of each operation below leave them out.
 */
const SCOPED_BY_CONTENT = new Set(['planConfiguration', 'applyConfiguration', 'exportConfiguration']);
/** Operations the document must hold at the least: the seed's and the first extensions. */
const EXPECTED_OPERATION_IDS = [
  'listUsers', 'createUser', 'getUser', 'updateUser', 'deleteUser',
  'listGroups', 'createGroup', 'getGroup', 'updateGroup', 'deleteGroup', 'listGroupMembers', 'addGroupMember', 'removeGroupMember',
  'listApps', 'createApp', 'getApp', 'updateApp', 'deleteApp',
  'listResources', 'createResource', 'getResource', 'updateResource', 'deleteResource',
  'listFolders', 'createFolder', 'getFolder', 'updateFolder', 'deleteFolder',
];

interface OpenApiParameter {
  in: string;
  name: string;
  schema?: { type?: string; format?: string };
}
interface OpenApiDocument {
  paths: Record<string, Record<string, {
    operationId: string;
    parameters?: OpenApiParameter[];
    security?: Array<Record<string, string[]>>;
  }>>;
}

/** Every operation of the served OpenAPI document, with its URL filled in. */
function operationsOf(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const upper = method.toUpperCase() as Method;
      if (!['GET', 'POST', 'PUT', 'DELETE', 'PATCH'].includes(upper)) continue;
      // Public operations (an empty security list: the invite token is the credential) need no API token.
      if (operation.security?.length === 0) continue;
      const params = new Map((operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => [p.name, p]));
      const url = '/api/v1' + path.replace(/\{(\w+)\}/g, (_match, name: string) => {
        const schema = params.get(name)?.schema;
        if (!schema) throw new Error(`${method} ${path}: path parameter ${name} is not declared`);
        return schema.type === 'integer' ? SOME_GROUP_ID : SOME_UUID;
      });
      const scope = operation.security?.[0]?.bearerAuth?.[0] as Scope | undefined;
      // Personal operations (`/me`, signing out) act on the caller's own account: any valid credential.
      if (!scope && operation.security?.[0]?.bearerAuth?.length === 0) continue;
      if (!scope) throw new Error(`${method} ${path}: the document names no required scope`);
      const area = scope.split(':')[0]!;
      // Reads need read access, every other method write access.
      // A configuration route asks a read scope to enter, whatever it then changes.
      const reads = upper === 'GET' || READING_POSTS.has(operation.operationId) || SCOPED_BY_CONTENT.has(operation.operationId);
      if (!scope.endsWith(reads ? ':read' : ':write')) throw new Error(`${method} ${path} requires ${scope}`);
      operations.push({ operationId: operation.operationId, method: upper, path, url, area, scope });
    }
  }
  return operations;
}

/**
 * Every route the server serves, as `METHOD /path/{param}`, read from Fastify's route tree
 * (`printRoutes` with full paths): the document must not leave any route out.
 */
function servedRoutes(app: FastifyInstance): string[] {
  const routes: string[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│ ]*)[├└]── (.*?)(?: \(([^)]*)\))?$/.exec(line);
    if (!match) continue;
    stack.length = match[1]!.length / 4;
    stack.push(match[2]!);
    const path = stack.join('').replace(/:(\w+)/g, '{$1}');
    for (const method of match[3]?.split(', ') ?? []) routes.push(`${method} ${path}`);
  }
  return routes;
}

// The operation list must exist when the tests are collected, so the server starts here.
const h = await Harness.start();
const documentResponse = await h.request('GET', '/api/v1/openapi.json', { token: null });
const operations = operationsOf(documentResponse.json() as OpenApiDocument);
/** The operations that need no scope, as `METHOD /path`: public ones (`security: []`) and personal ones (a bearer without scope). */
const unscoped = new Set(Object.entries((documentResponse.json() as OpenApiDocument).paths).flatMap(([path, item]) =>
  Object.entries(item).filter(([, op]) => op.security?.length === 0 || op.security?.[0]?.bearerAuth?.length === 0)
    .map(([method]) => `${method.toUpperCase()} ${path}`)));
afterAll(async () => {
  await h.close();
});

/** Passed authentication and authorization: whatever decided the answer, it was not auth. */
function expectAuthorized(response: LightMyRequestResponse) {
  expect(response.statusCode, response.body).not.toBe(401);
  expect(response.statusCode, response.body).not.toBe(403);
  expect(response.statusCode, response.body).toBeLessThan(500);
}

const send = (op: Operation, token: string | null, workspaceId?: string, headers?: Record<string, string>) =>
  h.request(op.method, op.url, { token, workspaceId, headers });

describe('the operation list', () => {
  it('is the served OpenAPI document, complete and non-trivial', () => {
    expect(documentResponse.statusCode).toBe(200);
    expect(operations.map((op) => op.operationId)).toEqual(expect.arrayContaining(EXPECTED_OPERATION_IDS));
    for (const area of AREAS) expect(operations.some((op) => op.area === area)).toBe(true);
  });

  it('covers every native route the server serves', () => {
    const served = servedRoutes(h.app)
      .filter((route) => / \/api\/v1\//.test(route) && !route.startsWith('HEAD ') && !route.endsWith('/openapi.json'))
      .map((route) => route.replace(' /api/v1', ' '))
      // Public by design (an invite, a sign-in: no credential yet) or personal (`/me`: any credential), so not checked here.
      .filter((route) => !unscoped.has(route))
      .sort();
    expect(served.length).toBeGreaterThan(0);
    expect(operations.map((op) => `${op.method} ${op.path}`).sort()).toEqual(served);
  });
});

describe.each(operations.filter((op) => !SCOPED_BY_CONTENT.has(op.operationId)))('$method $path ($operationId)', (op) => {
  let tokens: {
    right: string;
    write: string;
    read: string;
    otherArea: string;
    none: string;
    expired: string;
  };
  beforeAll(async () => {
    const otherArea = AREAS.find((area) => area !== op.area)!;
    tokens = {
      right: await h.token([op.scope]),
      write: await h.token([`${op.area}:write` as Scope]),
      read: await h.token([`${op.area}:read` as Scope]),
      otherArea: await h.token([`${otherArea}:read` as Scope, `${otherArea}:write` as Scope]),
      none: await h.token([]),
      expired: await h.token(['*'], { expiresAt: new Date(Date.now() - 60_000).toISOString() }),
    };
  });

  it('is 401 without an Authorization header', async () => {
    expectError(await send(op, null), 401, 'unauthorized');
    if (op.method === 'GET') expect((await h.request('HEAD', op.url, { token: null })).statusCode).toBe(401);
  });

  it('is 401 with a malformed Authorization header', async () => {
    for (const authorization of ['Basic YWRtaW46YWRtaW4=', 'Bearer', 'Bearer ', h.adminToken, `Bearer ${h.adminToken} extra`]) {
      const response = await h.request(op.method, op.url, { token: null, headers: { authorization } });
      expectError(response, 401, 'unauthorized');
    }
  });

  it('is 401 with a wrong token', async () => {
    for (const token of ['wrong', `${h.adminToken}x`, h.adminToken.slice(0, -1), tokens.right.toUpperCase()]) {
      expectError(await send(op, token), 401, 'invalid_token');
    }
  });

  it('is 401 with an expired token', async () => {
    expectError(await send(op, tokens.expired), 401, 'invalid_token');
  });

  it(`is 403 naming the required scope for a token without it`, async () => {
    for (const token of [tokens.otherArea, tokens.none]) {
      const error = expectError(await send(op, token), 403, 'missing_scope');
      expect(error.message).toContain(op.scope);
    }
  });

  if (op.scope.endsWith(':write')) {
    it('is 403 naming the write scope for a read-only token', async () => {
      const error = expectError(await send(op, tokens.read), 403, 'missing_scope');
      expect(error.message).toContain(`${op.area}:write`);
    });
  }

  it('passes auth with exactly the required scope, and with the area\'s write scope', async () => {
    expectAuthorized(await send(op, tokens.right));
    expectAuthorized(await send(op, tokens.write));
  });

  it('passes auth with an instance-wide * token', async () => {
    expectAuthorized(await send(op, h.adminToken));
  });
});

describe('workspace selection', () => {
  let workspaceA: string;
  let workspaceB: string;
  let tokenA: string;

  beforeAll(async () => {
    workspaceA = await h.services.workspaces.create('Workspace A');
    workspaceB = await h.services.workspaces.create('Workspace B');
    tokenA = await h.token(['*'], { workspaceId: workspaceA });
  });

  async function emails(options: { token?: string; workspaceId?: string }): Promise<string[]> {
    const response = await h.request('GET', '/api/v1/users', options);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().data.map((user: { email: string }) => user.email);
  }

  async function createUser(email: string, options: { token?: string; workspaceId?: string }): Promise<void> {
    const response = await h.request('POST', '/api/v1/users', { ...options, body: { email } });
    expect(response.statusCode, response.body).toBe(201);
  }

  it('an instance-wide token acts in the default workspace when none is named', async () => {
    await createUser('in-default@example.com', {});
    expect(await emails({ workspaceId: h.defaultWorkspaceId })).toContain('in-default@example.com');
    expect(await emails({ workspaceId: workspaceA })).not.toContain('in-default@example.com');
  });

  it('an instance-wide token acts in another workspace named by X-Workspace-Id', async () => {
    await createUser('in-b@example.com', { workspaceId: workspaceB });
    expect(await emails({ workspaceId: workspaceB })).toContain('in-b@example.com');
    expect(await emails({})).not.toContain('in-b@example.com');
    expect(await emails({ workspaceId: workspaceB.toUpperCase() })).toContain('in-b@example.com');
  });

  it('a workspace-bound token acts in its own workspace, named or not', async () => {
    await createUser('via-bound@example.com', { token: tokenA });
    expect(await emails({ workspaceId: workspaceA })).toContain('via-bound@example.com');
    expect(await emails({})).not.toContain('via-bound@example.com');
    expect(await emails({ token: tokenA, workspaceId: workspaceA })).toContain('via-bound@example.com');
    expect(await emails({ token: tokenA, workspaceId: workspaceA.toUpperCase() })).toContain('via-bound@example.com');
  });

  it('a workspace-bound token naming another workspace is 403 workspace_forbidden on every operation', async () => {
    for (const op of operations) {
      for (const other of [workspaceB, h.defaultWorkspaceId, SOME_UUID]) {
        const response = await send(op, tokenA, other);
        expect(response.statusCode, `${op.method} ${op.url} naming ${other}: ${response.body}`).toBe(403);
        expect(response.json().code).toBe('workspace_forbidden');
      }
    }
    expect(await emails({ workspaceId: workspaceB })).not.toContain('via-bound@example.com');
  });

  it('a malformed X-Workspace-Id is 400 on every operation', async () => {
    for (const op of operations) {
      for (const header of ['default', '123', `${workspaceB}x`, workspaceB.slice(1), ' ']) {
        const response = await h.request(op.method, op.url, { headers: { 'x-workspace-id': header } });
        expect(response.statusCode, `${op.method} ${op.url} with ${JSON.stringify(header)}: ${response.body}`).toBe(400);
        expect(response.json().code).toBe('invalid_input');
        expect(response.json().message).toContain('X-Workspace-Id');
      }
    }
  });

  it('an unknown workspace id is 404 on every operation', async () => {
    for (const op of operations) {
      const response = await send(op, h.adminToken, SOME_UUID);
      expect(response.statusCode, `${op.method} ${op.url}: ${response.body}`).toBe(404);
      expect(response.json().code).toBe('workspace_not_found');
    }
  });

  it('authentication comes before the workspace: no token naming an unknown workspace is 401', async () => {
    for (const op of operations) {
      const response = await send(op, null, SOME_UUID);
      expect(response.statusCode, `${op.method} ${op.url}: ${response.body}`).toBe(401);
    }
  });
});

describe('workspace isolation', () => {
  let workspaceA: string;
  let workspaceB: string;
  let tokenB: string;

  /** Objects of workspace A, as A saw them after creating them. */
  const a = {} as {
    user: { id: string; email: string };
    otherUser: { id: string; email: string };
    group: { id: number; name: string };
    appFolder: { id: string; name: string };
    resourceFolder: { id: string; name: string };
    resource: { id: string; name: string };
    app: { id: string; name: string };
  };
  /** Objects of workspace B, so B's lists are not trivially empty. */
  const b = {} as { user: { id: string }; group: { id: number }; app: { id: string }; resource: { id: string }; folder: { id: string } };

  async function create<T>(url: string, body: object, workspaceId: string): Promise<T> {
    const response = await h.request('POST', url, { body, workspaceId });
    expect(response.statusCode, `${url}: ${response.body}`).toBe(201);
    return response.json() as T;
  }

  /** Every A object, read in A; what B's attempts must leave exactly as it is. */
  async function snapshotA() {
    const read = async (url: string) => {
      const response = await h.request('GET', url, { workspaceId: workspaceA });
      expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
      return response.json();
    };
    return {
      user: await read(`/api/v1/users/${a.user.id}`),
      otherUser: await read(`/api/v1/users/${a.otherUser.id}`),
      group: await read(`/api/v1/groups/${a.group.id}`),
      members: await read(`/api/v1/groups/${a.group.id}/members`),
      appFolder: await read(`/api/v1/folders/${a.appFolder.id}`),
      resourceFolder: await read(`/api/v1/folders/${a.resourceFolder.id}`),
      resource: await read(`/api/v1/resources/${a.resource.id}`),
      app: await read(`/api/v1/apps/${a.app.id}`),
      users: await read('/api/v1/users'),
      groups: await read('/api/v1/groups'),
      apps: await read('/api/v1/apps'),
      resources: await read('/api/v1/resources'),
      folders: await read('/api/v1/folders'),
    };
  }
  let before: Awaited<ReturnType<typeof snapshotA>>;

  beforeAll(async () => {
    workspaceA = await h.services.workspaces.create('Isolated A');
    workspaceB = await h.services.workspaces.create('Isolated B');
    tokenB = await h.token(['*'], { workspaceId: workspaceB, email: 'b-admin@example.com' });

    a.user = await create('/api/v1/users', { email: 'a-user@example.com', firstName: 'Ann' }, workspaceA);
    a.otherUser = await create('/api/v1/users', { email: 'a-other@example.com' }, workspaceA);
    a.group = await create('/api/v1/groups', { name: 'A team' }, workspaceA);
    const added = await h.request('POST', `/api/v1/groups/${a.group.id}/members`, { body: { userId: a.user.id }, workspaceId: workspaceA });
    expect(added.statusCode, added.body).toBe(200);
    a.appFolder = await create('/api/v1/folders', { name: 'A apps', folderType: 'app' }, workspaceA);
    a.resourceFolder = await create('/api/v1/folders', { name: 'A resources', folderType: 'resource' }, workspaceA);
    a.resource = await create('/api/v1/resources', { name: 'A db', type: 'postgresql', folderId: a.resourceFolder.id }, workspaceA);
    a.app = await create('/api/v1/apps', { name: 'A app', folderId: a.appFolder.id, resources: [a.resource.id] }, workspaceA);

    b.user = await create('/api/v1/users', { email: 'b-user@example.com' }, workspaceB);
    b.group = await create('/api/v1/groups', { name: 'B team' }, workspaceB);
    b.folder = await create('/api/v1/folders', { name: 'B apps', folderType: 'app' }, workspaceB);
    b.resource = await create('/api/v1/resources', { name: 'B db', type: 'postgresql' }, workspaceB);
    b.app = await create('/api/v1/apps', { name: 'B app' }, workspaceB);

    before = await snapshotA();
    expect(before.group.members).toEqual([{ id: a.user.id, email: a.user.email }]);
    expect(before.app.resources).toEqual([a.resource.id]);
  });

  describe.each([
    ['a token bound to B', () => ({ token: tokenB })],
    ['the instance-wide token naming B', () => ({ workspaceId: workspaceB })],
  ])('from workspace B, with %s', (_label, auth) => {
    const asB = (method: Method, url: string, body?: object) => h.request(method, url, { ...auth(), body });

    async function ids(url: string): Promise<unknown[]> {
      const response = await asB('GET', url);
      expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
      return response.json().data.map((item: { id: unknown }) => item.id);
    }

    it('lists show B\'s objects and none of A\'s', async () => {
      const users = await ids('/api/v1/users');
      expect(users).toContain(b.user.id);
      expect(users).not.toContain(a.user.id);
      expect(users).not.toContain(a.otherUser.id);
      const groups = await ids('/api/v1/groups');
      expect(groups).toEqual([b.group.id]);
      expect(await ids('/api/v1/apps')).toEqual([b.app.id]);
      expect(await ids('/api/v1/resources')).toEqual([b.resource.id]);
      expect(await ids('/api/v1/folders')).toEqual([b.folder.id]);
      expect(await ids('/api/v1/folders?folderType=resource')).toEqual([]);
      const members = await asB('GET', `/api/v1/groups/${b.group.id}/members`);
      expect(members.json()).toMatchObject({ data: [], total: 0 });
    });

    it('list totals count only B\'s objects', async () => {
      const users = await asB('GET', '/api/v1/users?pageSize=1');
      const all = await ids('/api/v1/users');
      expect(users.json().total).toBe(all.length);
      expect((await asB('GET', '/api/v1/apps?pageSize=1')).json().total).toBe(1);
    });

    it('reading any A object by id is 404', async () => {
      const reads: [string, string][] = [
        [`/api/v1/users/${a.user.id}`, 'user_not_found'],
        [`/api/v1/users/${a.otherUser.id}`, 'user_not_found'],
        [`/api/v1/groups/${a.group.id}`, 'group_not_found'],
        [`/api/v1/groups/${a.group.id}/members`, 'group_not_found'],
        [`/api/v1/folders/${a.appFolder.id}`, 'folder_not_found'],
        [`/api/v1/folders/${a.resourceFolder.id}`, 'folder_not_found'],
        [`/api/v1/resources/${a.resource.id}`, 'resource_not_found'],
        [`/api/v1/apps/${a.app.id}`, 'app_not_found'],
      ];
      for (const [url, code] of reads) {
        const response = await asB('GET', url);
        expect(response.statusCode, `GET ${url}: ${response.body}`).toBe(404);
        expect(response.json().code).toBe(code);
      }
    });

    it('updating any A object by id is 404', async () => {
      const updates: [string, object, string][] = [
        [`/api/v1/users/${a.user.id}`, { firstName: 'Hacked', isAdmin: true, isDisabled: true }, 'user_not_found'],
        [`/api/v1/groups/${a.group.id}`, { name: 'Hacked' }, 'group_not_found'],
        [`/api/v1/folders/${a.appFolder.id}`, { name: 'Hacked', parentFolderId: null }, 'folder_not_found'],
        [`/api/v1/resources/${a.resource.id}`, { name: 'Hacked', options: { host: 'evil' }, secrets: { password: 'x' } }, 'resource_not_found'],
        [`/api/v1/apps/${a.app.id}`, { name: 'Hacked', description: 'x', folderId: null, resources: [] }, 'app_not_found'],
      ];
      for (const [url, body, code] of updates) {
        const response = await asB('PUT', url, body);
        expect(response.statusCode, `PUT ${url}: ${response.body}`).toBe(404);
        expect(response.json().code).toBe(code);
      }
    });

    it('deleting any A object by id is 404', async () => {
      const deletes: [string, string][] = [
        [`/api/v1/users/${a.user.id}`, 'user_not_found'],
        [`/api/v1/users/${a.otherUser.id}`, 'user_not_found'],
        [`/api/v1/groups/${a.group.id}/members/${a.user.id}`, 'group_not_found'],
        [`/api/v1/apps/${a.app.id}`, 'app_not_found'],
        [`/api/v1/resources/${a.resource.id}`, 'resource_not_found'],
        [`/api/v1/folders/${a.appFolder.id}`, 'folder_not_found'],
        [`/api/v1/folders/${a.resourceFolder.id}`, 'folder_not_found'],
        [`/api/v1/groups/${a.group.id}`, 'group_not_found'],
      ];
      for (const [url, code] of deletes) {
        const response = await asB('DELETE', url);
        expect(response.statusCode, `DELETE ${url}: ${response.body}`).toBe(404);
        expect(response.json().code).toBe(code);
      }
    });

    it('group membership cannot cross workspaces', async () => {
      const intoA = await asB('POST', `/api/v1/groups/${a.group.id}/members`, { userId: b.user.id });
      expectError(intoA, 404, 'group_not_found');
      const aUserIntoB = await asB('POST', `/api/v1/groups/${b.group.id}/members`, { userId: a.otherUser.id });
      expectError(aUserIntoB, 404, 'user_not_found');
      const removeA = await asB('DELETE', `/api/v1/groups/${b.group.id}/members/${a.user.id}`);
      expect(removeA.statusCode, removeA.body).toBe(404);
      const members = await asB('GET', `/api/v1/groups/${b.group.id}/members`);
      expect(members.json().data).toEqual([]);
    });

    it('B objects cannot refer to A folders or resources', async () => {
      const attempts: [Method, string, object, string][] = [
        ['POST', '/api/v1/apps', { name: 'Sneaky', folderId: a.appFolder.id }, 'folderId'],
        ['POST', '/api/v1/apps', { name: 'Sneaky', resources: [a.resource.id] }, 'resources'],
        ['PUT', `/api/v1/apps/${b.app.id}`, { folderId: a.appFolder.id }, 'folderId'],
        ['PUT', `/api/v1/apps/${b.app.id}`, { resources: [a.resource.id] }, 'resources'],
        ['POST', '/api/v1/folders', { name: 'Sneaky', folderType: 'app', parentFolderId: a.appFolder.id }, 'parentFolderId'],
        ['PUT', `/api/v1/folders/${b.folder.id}`, { parentFolderId: a.appFolder.id }, 'parentFolderId'],
        ['POST', '/api/v1/resources', { name: 'Sneaky', type: 'postgresql', folderId: a.resourceFolder.id }, 'folderId'],
        ['PUT', `/api/v1/resources/${b.resource.id}`, { folderId: a.resourceFolder.id }, 'folderId'],
      ];
      for (const [method, url, body, field] of attempts) {
        const response = await asB(method, url, body);
        expect(response.statusCode, `${method} ${url} ${JSON.stringify(body)}: ${response.body}`).toBe(400);
        expect(response.json()).toMatchObject({ code: 'invalid_reference', field });
      }
      expect(await ids('/api/v1/apps')).toEqual([b.app.id]);
      const app = await asB('GET', `/api/v1/apps/${b.app.id}`);
      expect(app.json()).not.toHaveProperty('folderId');
      expect(app.json().resources).toEqual([]);
    });

    it('names are per workspace: B may reuse A\'s group, folder and resource names', async () => {
      const group = await asB('POST', '/api/v1/groups', { name: a.group.name });
      expect(group.statusCode, group.body).toBe(201);
      const folder = await asB('POST', '/api/v1/folders', { name: a.appFolder.name, folderType: 'app' });
      expect(folder.statusCode, folder.body).toBe(201);
      const resource = await asB('POST', '/api/v1/resources', { name: a.resource.name, type: 'mysql' });
      expect(resource.statusCode, resource.body).toBe(201);
      // Clean up, so the next mode sees the same B.
      expect((await asB('DELETE', `/api/v1/groups/${group.json().id}`)).statusCode).toBe(204);
      expect((await asB('DELETE', `/api/v1/folders/${folder.json().id}`)).statusCode).toBe(204);
      expect((await asB('DELETE', `/api/v1/resources/${resource.json().id}`)).statusCode).toBe(204);
    });

    it('leaves every A object exactly as it was', async () => {
      expect(await snapshotA()).toEqual(before);
    });
  });
});
