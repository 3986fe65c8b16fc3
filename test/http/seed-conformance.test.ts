/**
 * Replays every operation of the Retool Management API seed spec over HTTP. The operations,
 * their methods, paths, success statuses, response schemas and error statuses are read from
 * the seed YAML; this file only supplies, per operationId, how to make a valid request and
 * how to provoke each error status the spec lists. A seed operation, or an error status,
 * without a case here fails the suite.
 */
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCOPE_AREAS, type Scope, type ScopeArea } from '../../src/core/scopes.ts';
import { ADMIN_EMAIL, Harness } from '../helpers/harness.ts';
import { seedSchemaErrors, seedSpec } from '../helpers/seed-spec.ts';
import { expectError } from '../helpers/expect-error.ts';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(async () => {
  await h.close();
});

// ---------------------------------------------------------------------------------------
// The seed spec, read as a list of operations.

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
const METHODS = ['get', 'post', 'put', 'delete', 'patch'] as const;

interface SeedOperation {
  operationId: string;
  method: Method;
  /** The path relative to the server, with `{param}` placeholders. */
  path: string;
  /** The scope area, from the operation's tag (`Users` → `users`). */
  area: ScopeArea;
  successStatus: number;
  /** The seed component schema of the success body, or null for an empty body. */
  successSchema: string | null;
  /** The error statuses the operation lists, 500 excepted (a client cannot provoke it). */
  errorStatuses: number[];
}

type RawOperation = {
  operationId: string;
  tags?: string[];
  responses: Record<string, { $ref?: string; content?: { 'application/json'?: { schema?: { $ref?: string } } } }>;
};

function refName(ref: string | undefined): string | null {
  return ref ? ref.slice(ref.lastIndexOf('/') + 1) : null;
}

function readSeedOperations(): SeedOperation[] {
  const operations: SeedOperation[] = [];
  for (const [path, item] of Object.entries(seedSpec.paths)) {
    for (const method of METHODS) {
      const raw = (item as Record<string, RawOperation | undefined>)[method];
      if (!raw) continue;
      const statuses = Object.keys(raw.responses).map(Number);
      const success = statuses.filter((status) => status >= 200 && status < 300);
      if (success.length !== 1) throw new Error(`${raw.operationId}: expected one 2xx response, got ${success.join(', ')}`);
      const successResponse = raw.responses[String(success[0])]!;
      const area = raw.tags?.[0]?.toLowerCase();
      if (!(SCOPE_AREAS as readonly string[]).includes(area ?? '')) throw new Error(`${raw.operationId}: no scope area for tag ${area}`);
      operations.push({
        operationId: raw.operationId,
        method: method.toUpperCase() as Method,
        path,
        area: area as ScopeArea,
        successStatus: success[0]!,
        successSchema: refName(successResponse.content?.['application/json']?.schema?.$ref),
        errorStatuses: statuses.filter((status) => status >= 400 && status !== 500).sort(),
      });
    }
  }
  return operations;
}

const seedOperations = readSeedOperations();

/**
 * Checks `value` against a seed component schema, and also that every property the schema
 * declares is present (the seed schemas require nothing, so the validator alone would accept
 * `{}`), recursing into `$ref` properties and arrays of them. `optional` names properties
 * (`App.folderId`) the server may leave out.
 */
function expectSeedShape(schemaName: string, value: unknown, optional: string[] = OPTIONAL_PROPERTIES) {
  expect(seedSchemaErrors(schemaName, value), `${schemaName}: ${JSON.stringify(value)}`).toEqual([]);
  expect(missingProperties(schemaName, value, optional), `${schemaName}: ${JSON.stringify(value)}`).toEqual([]);
}

/** Properties the server omits when they are null: an app or folder at the top level. */
const OPTIONAL_PROPERTIES = ['App.folderId', 'Folder.parentFolderId'];

type SchemaNode = { $ref?: string; type?: string; items?: SchemaNode; properties?: Record<string, SchemaNode> };

function missingProperties(schemaName: string, value: unknown, optional: string[], at = ''): string[] {
  const schema = seedSpec.components.schemas[schemaName] as SchemaNode;
  if (!schema.properties || value === null || typeof value !== 'object') return [];
  const missing: string[] = [];
  for (const [property, node] of Object.entries(schema.properties)) {
    const here = `${at}${property}`;
    const present = (value as Record<string, unknown>)[property];
    if (present === undefined) {
      if (!optional.includes(`${schemaName}.${property}`)) missing.push(`${here} (${schemaName}.${property})`);
      continue;
    }
    const ref = refName(node.$ref);
    if (ref) missing.push(...missingProperties(ref, present, optional, `${here}.`));
    const itemRef = refName(node.items?.$ref);
    if (itemRef && Array.isArray(present)) {
      present.forEach((item, index) => missing.push(...missingProperties(itemRef, item, optional, `${here}.${index}.`)));
    }
  }
  return missing;
}

// ---------------------------------------------------------------------------------------
// Fixtures, made over HTTP.

let counter = 0;
const unique = (prefix: string) => `${prefix}-${++counter}-${randomUUID().slice(0, 8)}`;
const UNKNOWN_UUID = '00000000-0000-4000-8000-000000000000';
const UNKNOWN_GROUP_ID = 2_147_483_647;

async function send(method: Method, url: string, body?: unknown): Promise<LightMyRequestResponse> {
  return h.request(method, url, body === undefined ? {} : { body });
}

async function created(method: Method, url: string, body: unknown) {
  const response = await send(method, url, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

const createUser = (extra: Record<string, unknown> = {}) =>
  created('POST', '/api/v1/users', { email: `${unique('user')}@example.com`, ...extra }) as Promise<{ id: string; email: string }>;
const createGroup = () => created('POST', '/api/v1/groups', { name: unique('group') }) as Promise<{ id: number; name: string }>;
const createApp = () => created('POST', '/api/v1/apps', { name: unique('app') }) as Promise<{ id: string; name: string }>;
const createResource = () =>
  created('POST', '/api/v1/resources', { name: unique('resource'), type: 'postgresql' }) as Promise<{ id: string; name: string }>;
const createFolder = (folderType: 'app' | 'resource' | 'workflow') =>
  created('POST', '/api/v1/folders', { name: unique('folder'), folderType }) as Promise<{ id: string; name: string }>;

async function total(url: string): Promise<number> {
  const response = await send('GET', url);
  expect(response.statusCode).toBe(200);
  const body = response.json();
  return typeof body.total === 'number' ? body.total : body.data.length;
}

/** Counts the list now; the returned check expects the same count later. */
async function keepsTotal(url: string): Promise<() => Promise<void>> {
  const before = await total(url);
  return async () => expect(await total(url)).toBe(before);
}

async function statusOf(url: string): Promise<number> {
  return (await send('GET', url)).statusCode;
}

async function groupMemberIds(groupId: number): Promise<string[]> {
  const response = await send('GET', `/api/v1/groups/${groupId}`);
  expect(response.statusCode).toBe(200);
  return response.json().members.map((member: { id: string }) => member.id);
}

// ---------------------------------------------------------------------------------------
// How to exercise each seed operation.

interface Request {
  /** Values for the path's `{param}` placeholders. */
  params?: Record<string, string | number>;
  /** A query string, with its leading `?`. */
  query?: string;
  body?: unknown;
}

interface ValidRequest extends Request {
  /** Checks the success body and the effect of the operation. */
  check(body: unknown): Promise<void> | void;
  /** For writes: checks that a refused request (401, 403 or an error case) changed nothing. */
  unchanged?(): Promise<void>;
}

interface ErrorRequest extends Request {
  code: string;
  field?: string;
  /** For writes: checks that the refused request changed nothing. */
  unchanged?(): Promise<void>;
}

interface OperationCase {
  valid(): Promise<ValidRequest>;
  /** How to provoke each error status the spec lists, other than 401 and 403 (generic). */
  errors: Partial<Record<number, () => Promise<ErrorRequest>>>;
}

type Body = Record<string, unknown> & { data?: Array<Record<string, unknown>> };

const cases: Record<string, OperationCase> = {
  listUsers: {
    async valid() {
      const user = await createUser();
      return {
        query: '?page=1&pageSize=100',
        check(body) {
          const list = body as Body;
          expect(list).toMatchObject({ page: 1, pageSize: 100 });
          const emails = list.data!.map((item) => item.email);
          expect(emails).toContain(ADMIN_EMAIL);
          expect(emails).toContain(user.email);
          expect(list.total).toBe(list.data!.length);
        },
      };
    },
    errors: {},
  },

  createUser: {
    async valid() {
      const email = `${unique('created')}@example.com`;
      const before = await total('/api/v1/users?pageSize=1');
      return {
        body: { email, firstName: 'Grace', lastName: 'Hopper', isAdmin: false, userType: 'endUser' },
        async check(body) {
          expect(body).toMatchObject({ email, firstName: 'Grace', lastName: 'Hopper', isAdmin: false, isDisabled: false, userType: 'endUser', groups: [] });
          const read = await send('GET', `/api/v1/users/${(body as Body).id}`);
          expect(read.json()).toEqual(body);
          expect(await total('/api/v1/users?pageSize=1')).toBe(before + 1);
        },
        unchanged: async () => expect(await total('/api/v1/users?pageSize=1')).toBe(before),
      };
    },
    errors: {
      400: async () => ({ body: { email: 'not-an-email' }, code: 'invalid_input', field: 'email', unchanged: await keepsTotal('/api/v1/users?pageSize=1') }),
      409: async () => {
        const existing = await createUser();
        return {
          body: { email: existing.email.toUpperCase() }, code: 'email_taken', field: 'email',
          unchanged: await keepsTotal('/api/v1/users?pageSize=1'),
        };
      },
    },
  },

  getUser: {
    async valid() {
      const user = await createUser({ firstName: 'Read', lastName: 'Me' });
      return {
        params: { userId: user.id },
        check: (body) => expect(body).toEqual(user),
      };
    },
    errors: {
      404: async () => ({ params: { userId: UNKNOWN_UUID }, code: 'user_not_found' }),
    },
  },

  updateUser: {
    async valid() {
      const user = await createUser({ firstName: 'Old', lastName: 'Name' });
      return {
        params: { userId: user.id },
        body: { firstName: 'New', lastName: 'Surname', isAdmin: false, isDisabled: true },
        async check(body) {
          expect(body).toMatchObject({ id: user.id, email: user.email, firstName: 'New', lastName: 'Surname', isAdmin: false, isDisabled: true });
          expect((await send('GET', `/api/v1/users/${user.id}`)).json()).toEqual(body);
        },
        async unchanged() {
          const read = (await send('GET', `/api/v1/users/${user.id}`)).json();
          expect(read).toMatchObject({ firstName: 'Old', lastName: 'Name', isDisabled: false });
        },
      };
    },
    errors: {
      400: async () => {
        const user = await createUser();
        return {
          params: { userId: user.id }, body: { firstName: 'Changed', isAdmin: 'yes' }, code: 'invalid_input', field: 'isAdmin',
          unchanged: async () => expect((await send('GET', `/api/v1/users/${user.id}`)).json()).toEqual(user),
        };
      },
      404: async () => ({ params: { userId: UNKNOWN_UUID }, body: { firstName: 'Nobody' }, code: 'user_not_found' }),
    },
  },

  deleteUser: {
    async valid() {
      const user = await createUser();
      return {
        params: { userId: user.id },
        check: async () => expect(await statusOf(`/api/v1/users/${user.id}`)).toBe(404),
        unchanged: async () => expect(await statusOf(`/api/v1/users/${user.id}`)).toBe(200),
      };
    },
    errors: {
      404: async () => ({ params: { userId: UNKNOWN_UUID }, code: 'user_not_found' }),
    },
  },

  listGroups: {
    async valid() {
      const group = await createGroup();
      return {
        check(body) {
          const names = (body as Body).data!.map((item) => item.name);
          expect(names).toContain(group.name);
        },
      };
    },
    errors: {},
  },

  createGroup: {
    async valid() {
      const name = unique('new-group');
      const before = await total('/api/v1/groups');
      return {
        body: { name },
        async check(body) {
          expect(body).toMatchObject({ name, members: [] });
          expect(Number.isInteger((body as Body).id)).toBe(true);
          expect(await total('/api/v1/groups')).toBe(before + 1);
        },
        unchanged: async () => expect(await total('/api/v1/groups')).toBe(before),
      };
    },
    errors: {
      400: async () => ({ body: {}, code: 'invalid_input', field: 'name', unchanged: await keepsTotal('/api/v1/groups') }),
    },
  },

  addGroupMember: {
    async valid() {
      const group = await createGroup();
      const user = await createUser();
      return {
        params: { groupId: group.id },
        body: { userId: user.id },
        async check(body) {
          expect(body).toMatchObject({ id: group.id, name: group.name, members: [{ id: user.id, email: user.email }] });
          expect(await groupMemberIds(group.id)).toEqual([user.id]);
        },
        unchanged: async () => expect(await groupMemberIds(group.id)).toEqual([]),
      };
    },
    errors: {
      400: async () => {
        const group = await createGroup();
        return {
          params: { groupId: group.id }, body: { userId: 'not-a-uuid' }, code: 'invalid_input', field: 'userId',
          unchanged: async () => expect(await groupMemberIds(group.id)).toEqual([]),
        };
      },
      404: async () => {
        const user = await createUser();
        return { params: { groupId: UNKNOWN_GROUP_ID }, body: { userId: user.id }, code: 'group_not_found' };
      },
    },
  },

  removeGroupMember: {
    async valid() {
      const group = await createGroup();
      const user = await createUser();
      const added = await send('POST', `/api/v1/groups/${group.id}/members`, { userId: user.id });
      expect(added.statusCode, added.body).toBe(200);
      return {
        params: { groupId: group.id, userId: user.id },
        check: async () => expect(await groupMemberIds(group.id)).toEqual([]),
        unchanged: async () => expect(await groupMemberIds(group.id)).toEqual([user.id]),
      };
    },
    errors: {
      404: async () => {
        const group = await createGroup();
        const user = await createUser();
        return { params: { groupId: group.id, userId: user.id }, code: 'group_member_not_found' };
      },
    },
  },

  listApps: {
    async valid() {
      const app = await createApp();
      return {
        query: '?page=1&pageSize=100',
        check(body) {
          const list = body as Body;
          expect(list.data!.map((item) => item.id)).toContain(app.id);
          expect(list.total).toBe(list.data!.length);
        },
      };
    },
    errors: {},
  },

  createApp: {
    async valid() {
      const name = unique('new-app');
      const before = await total('/api/v1/apps?pageSize=1');
      return {
        body: { name, description: 'Made by the conformance suite' },
        async check(body) {
          expect(body).toMatchObject({ name, description: 'Made by the conformance suite', createdBy: ADMIN_EMAIL, resources: [] });
          expect((await send('GET', `/api/v1/apps/${(body as Body).id}`)).json()).toEqual(body);
          expect(await total('/api/v1/apps?pageSize=1')).toBe(before + 1);
        },
        unchanged: async () => expect(await total('/api/v1/apps?pageSize=1')).toBe(before),
      };
    },
    errors: {
      400: async () => ({ body: { description: 'no name' }, code: 'invalid_input', field: 'name', unchanged: await keepsTotal('/api/v1/apps?pageSize=1') }),
    },
  },

  getApp: {
    async valid() {
      const app = await createApp();
      return { params: { appId: app.id }, check: (body) => expect(body).toEqual(app) };
    },
    errors: {
      404: async () => ({ params: { appId: UNKNOWN_UUID }, code: 'app_not_found' }),
    },
  },

  updateApp: {
    async valid() {
      const app = await createApp();
      return {
        params: { appId: app.id },
        body: { name: `${app.name}-renamed`, description: 'Updated' },
        async check(body) {
          expect(body).toMatchObject({ id: app.id, name: `${app.name}-renamed`, description: 'Updated' });
          expect((await send('GET', `/api/v1/apps/${app.id}`)).json()).toEqual(body);
        },
        unchanged: async () => expect((await send('GET', `/api/v1/apps/${app.id}`)).json()).toEqual(app),
      };
    },
    errors: {
      400: async () => {
        const app = await createApp();
        return {
          params: { appId: app.id }, body: { name: '', description: 'Changed' }, code: 'invalid_input', field: 'name',
          unchanged: async () => expect((await send('GET', `/api/v1/apps/${app.id}`)).json()).toEqual(app),
        };
      },
      404: async () => ({ params: { appId: UNKNOWN_UUID }, body: { name: 'Ghost' }, code: 'app_not_found' }),
    },
  },

  deleteApp: {
    async valid() {
      const app = await createApp();
      return {
        params: { appId: app.id },
        check: async () => expect(await statusOf(`/api/v1/apps/${app.id}`)).toBe(404),
        unchanged: async () => expect(await statusOf(`/api/v1/apps/${app.id}`)).toBe(200),
      };
    },
    errors: {
      404: async () => ({ params: { appId: UNKNOWN_UUID }, code: 'app_not_found' }),
    },
  },

  listResources: {
    async valid() {
      const resource = await createResource();
      return {
        check(body) {
          const listed = (body as Body).data!.find((item) => item.id === resource.id);
          expect(listed).toMatchObject({ name: resource.name, type: 'postgresql' });
          expect(typeof listed!.displayName).toBe('string');
        },
      };
    },
    errors: {},
  },

  listFolders: {
    async valid() {
      const appFolder = await createFolder('app');
      const resourceFolder = await createFolder('resource');
      return {
        query: '?folderType=app',
        check(body) {
          const data = (body as Body).data!;
          const ids = data.map((item) => item.id);
          expect(ids).toContain(appFolder.id);
          expect(ids).not.toContain(resourceFolder.id);
          expect(new Set(data.map((item) => item.folderType))).toEqual(new Set(['app']));
        },
      };
    },
    errors: {},
  },

  createFolder: {
    async valid() {
      const name = unique('new-folder');
      const before = await total('/api/v1/folders');
      return {
        body: { name, folderType: 'workflow' },
        async check(body) {
          expect(body).toMatchObject({ name, folderType: 'workflow' });
          expect(body).not.toHaveProperty('parentFolderId');
          expect(await total('/api/v1/folders')).toBe(before + 1);
        },
        unchanged: async () => expect(await total('/api/v1/folders')).toBe(before),
      };
    },
    errors: {
      400: async () => ({
        body: { name: unique('bad-folder'), folderType: 'spreadsheet' }, code: 'invalid_input', field: 'folderType',
        unchanged: await keepsTotal('/api/v1/folders'),
      }),
    },
  },
};

// ---------------------------------------------------------------------------------------

function urlOf(operation: SeedOperation, request: Request): string {
  const path = operation.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = request.params?.[name];
    if (value === undefined) throw new Error(`${operation.operationId}: no value for path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
  return `/api/v1${path}${request.query ?? ''}`;
}

function caseOf(operation: SeedOperation): OperationCase {
  const operationCase = cases[operation.operationId];
  if (!operationCase) throw new Error(`no conformance case for seed operation ${operation.operationId}`);
  return operationCase;
}

/** A token with every scope except the one the operation needs: read-only in its area for writes, nothing there for reads. */
function scopesLacking(operation: SeedOperation): Scope[] {
  const others = SCOPE_AREAS.filter((area) => area !== operation.area).map((area) => `${area}:write` as Scope);
  return operation.method === 'GET' ? others : [...others, `${operation.area}:read` as Scope];
}

const changesNothing = (operation: SeedOperation) => (operation.method === 'GET' ? '' : ', and changes nothing');

/** A refused write is checked for having no effect, so every write case must say how. */
function expectUnchangedCheck(operation: SeedOperation, request: ValidRequest) {
  if (operation.method !== 'GET') expect(request.unchanged, `${operation.operationId} has no unchanged() check`).toBeDefined();
}

const SUPPORTED_ERRORS = [400, 401, 403, 404, 409];

describe('the seed spec', () => {
  it('is read: it has operations, each with a method, a path and a success status', () => {
    expect(seedOperations.length).toBeGreaterThan(0);
    for (const operation of seedOperations) {
      expect(operation.path.startsWith('/')).toBe(true);
      expect(operation.successStatus).toBeGreaterThanOrEqual(200);
    }
  });

  it('has a conformance case for every operation, and no case for an operation it lacks', () => {
    expect(Object.keys(cases).sort()).toEqual(seedOperations.map((operation) => operation.operationId).sort());
  });

  it('lists only error statuses this suite knows how to provoke (besides 500)', () => {
    for (const operation of seedOperations) {
      expect(SUPPORTED_ERRORS, operation.operationId).toEqual(expect.arrayContaining(operation.errorStatuses));
    }
  });

  it('names a response schema for every success status except 204', () => {
    for (const operation of seedOperations) {
      if (operation.successStatus === 204) expect(operation.successSchema, operation.operationId).toBeNull();
      else expect(operation.successSchema, operation.operationId).not.toBeNull();
    }
  });

  it('has each of its operations in the server\'s OpenAPI document, at the same method and path', async () => {
    const response = await h.request('GET', '/api/v1/openapi.json', { token: null });
    expect(response.statusCode).toBe(200);
    const document = response.json() as { paths: Record<string, Record<string, { operationId?: string }>> };
    for (const operation of seedOperations) {
      const served = document.paths[operation.path]?.[operation.method.toLowerCase()];
      expect(served?.operationId, `${operation.method} ${operation.path}`).toBe(operation.operationId);
    }
  });
});

describe.each(seedOperations.map((operation) => [operation.operationId, operation] as const))('%s', (_id, operation) => {
  it(`answers ${operation.successStatus} with the seed ${operation.successSchema ?? 'empty'} body`, async () => {
    const request = await caseOf(operation).valid();
    const response = await h.request(operation.method, urlOf(operation, request), request.body === undefined ? {} : { body: request.body });
    expect(response.statusCode, response.body).toBe(operation.successStatus);
    if (operation.successSchema === null) {
      expect(response.body).toBe('');
    } else {
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expectSeedShape(operation.successSchema, response.json());
    }
    await request.check(operation.successSchema === null ? undefined : response.json());
  });

  if (operation.errorStatuses.includes(401)) {
    it(`answers 401 with the seed Error body without a token, or with an unknown one${changesNothing(operation)}`, async () => {
      const request = await caseOf(operation).valid();
      expectUnchangedCheck(operation, request);
      const url = urlOf(operation, request);
      const missing = await h.request(operation.method, url, { token: null, body: request.body });
      expectError(missing, 401, 'unauthorized');
      const unknown = await h.request(operation.method, url, { token: 'tp_not_a_real_token', body: request.body });
      expectError(unknown, 401, 'invalid_token');
      await request.unchanged?.();
    });
  }

  if (operation.errorStatuses.includes(403)) {
    it(`answers 403 with the seed Error body to a token lacking ${operation.area}:${operation.method === 'GET' ? 'read' : 'write'}${changesNothing(operation)}`, async () => {
      const request = await caseOf(operation).valid();
      expectUnchangedCheck(operation, request);
      const token = await h.token(scopesLacking(operation));
      const response = await h.request(operation.method, urlOf(operation, request), { token, body: request.body });
      expectError(response, 403, 'missing_scope');
      await request.unchanged?.();
    });
  }

  for (const status of operation.errorStatuses.filter((item) => item !== 401 && item !== 403)) {
    it(`answers ${status} with the seed Error body`, async () => {
      const provoke = caseOf(operation).errors[status];
      expect(provoke, `${operation.operationId} lists ${status} but the suite has no way to provoke it`).toBeDefined();
      const request = await provoke!();
      const response = await h.request(operation.method, urlOf(operation, request), request.body === undefined ? {} : { body: request.body });
      expectError(response, status, request.code, request.field);
      await request.unchanged?.();
    });
  }
});
