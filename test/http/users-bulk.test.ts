import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from '../helpers/harness.ts';
import { seedSchemaErrors } from '../helpers/seed-spec.ts';
import { type ErrorBody, expectError } from '../helpers/expect-error.ts';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
  const defined = await h.request('POST', '/api/v1/userAttributes', { body: { name: 'seats', dataType: 'number', defaultValue: 1 } });
  expect(defined.statusCode, defined.body).toBe(201);
});
afterAll(async () => {
  await h.close();
});

interface User {
  id: string;
  email: string;
  firstName: string;
  isAdmin: boolean;
  userType: string;
  attributes: Record<string, unknown>;
}

interface BulkItem {
  index: number;
  status: number;
  user?: User;
  error?: ErrorBody;
}

interface BulkAnswer {
  data: BulkItem[];
  created: number;
  failed: number;
}

let counter = 0;
const nextEmail = (prefix = 'bulk') => `${prefix}-${++counter}@example.com`;

/** Sends any JSON value as the body, scalars included. */
const createUsers = (body: unknown, options: { workspaceId?: string; token?: string } = {}) =>
  h.request('POST', '/api/v1/users', { body: JSON.stringify(body), headers: { 'content-type': 'application/json' }, ...options });

async function bulk(items: unknown[], options: { workspaceId?: string } = {}): Promise<BulkAnswer> {
  const response = await createUsers(items, options);
  expect(response.statusCode, response.body).toBe(207);
  return response.json();
}

/** The account and its memberships, straight from the database. */
async function stored(email: string) {
  const db = h.runtime.database.db;
  const user = await db.selectFrom('users').select(['id', 'first_name']).where('email', '=', email).executeTakeFirst();
  const memberships = user ? await db.selectFrom('memberships').select(['workspace_id', 'attributes']).where('user_id', '=', user.id).execute() : [];
  return { user, memberships };
}

async function total(workspaceId?: string): Promise<number> {
  const response = await h.request('GET', '/api/v1/users?pageSize=1', { workspaceId });
  return response.json().total;
}

describe('POST /api/v1/users with an array', () => {
  it('creates the valid items and answers 207 with each item\'s own status, in order', async () => {
    const existing = nextEmail('existing');
    expect((await createUsers({ email: existing })).statusCode).toBe(201);
    const first = nextEmail();
    const items = [
      { email: first, firstName: 'First' },
      { email: nextEmail(), isAdmin: true, attributes: { seats: 10 } },
      { email: existing.toUpperCase() },
      { email: first.toUpperCase(), firstName: 'Again' },
      { email: 'not-an-email' },
      { email: nextEmail(), isAdmin: true, userType: 'endUser' },
      { email: nextEmail('typed'), attributes: { seats: 'ten' } },
      { email: nextEmail('unknown'), attributes: { nope: 1 } },
      42,
      { email: nextEmail(), userType: 'endUser' },
    ];
    const before = await total();
    const answer = await bulk(items);
    expect(answer.data.map((item) => [item.index, item.status])).toEqual([
      [0, 201], [1, 201], [2, 409], [3, 409], [4, 400], [5, 400], [6, 400], [7, 400], [8, 400], [9, 201],
    ]);
    expect(answer).toMatchObject({ created: 3, failed: 7 });
    expect(await total()).toBe(before + 3);

    for (const item of answer.data) {
      if (item.status === 201) {
        expect(item.error).toBeUndefined();
        expect(seedSchemaErrors('User', item.user)).toEqual([]);
        const read = await h.request('GET', `/api/v1/users/${item.user!.id}`);
        expect(read.json()).toEqual(item.user);
      } else {
        expect(item.user).toBeUndefined();
        expect(seedSchemaErrors('Error', item.error)).toEqual([]);
      }
    }
    expect(answer.data[0]!.user).toMatchObject({ email: first, firstName: 'First', isAdmin: false, userType: 'default', attributes: { seats: 1 } });
    expect(answer.data[1]!.user).toMatchObject({ isAdmin: true, attributes: { seats: 10 } });
    expect(answer.data[9]!.user).toMatchObject({ isAdmin: false, userType: 'endUser' });
    expect(answer.data.map((item) => item.error && [item.error.code, item.error.field])).toEqual([
      undefined, undefined,
      ['email_taken', 'email'], ['email_taken', 'email'],
      ['invalid_input', 'email'], ['invalid_input', 'isAdmin'],
      ['invalid_attribute_value', 'attributes.seats'], ['unknown_attribute', 'attributes.nope'],
      ['invalid_input', undefined],
      undefined,
    ]);
  });

  it('each refused item gets exactly the status and error body it would have had alone', async () => {
    const taken = nextEmail('taken');
    expect((await createUsers({ email: taken })).statusCode).toBe(201);
    const refused = [
      { email: taken },
      { email: 'nope' },
      { firstName: 'no email' },
      { email: nextEmail(), userType: 'superUser' },
      { email: nextEmail(), firstName: 7 },
      { email: nextEmail(), isAdmin: true, userType: 'endUser' },
      { email: nextEmail(), attributes: { seats: true } },
      { email: nextEmail(), attributes: 'seats' },
      'a string',
      null,
      true,
    ];
    const answer = await bulk(refused);
    expect(answer).toMatchObject({ created: 0, failed: refused.length });
    for (const [index, item] of refused.entries()) {
      const alone = await createUsers(item);
      const outcome = answer.data[index]!;
      expect(outcome.status, `item ${index}: ${JSON.stringify(item)}`).toBe(alone.statusCode);
      expect(outcome.error, `item ${index}: ${JSON.stringify(item)}`).toEqual(alone.json());
    }
  });

  it('never leaves a half-made user: a refused item writes no account, membership or value', async () => {
    const fresh = nextEmail('fresh');
    const answer = await bulk([{ email: fresh, firstName: 'Half', attributes: { seats: 'x' } }]);
    expect(answer.data[0]!.status).toBe(400);
    expect(await stored(fresh)).toEqual({ user: undefined, memberships: [] });

    // An account known in another workspace, joining here with a bad value: nothing changes.
    const other = await h.services.workspaces.create('Bulk elsewhere');
    const known = nextEmail('known');
    expect((await createUsers({ email: known, firstName: 'Known' }, { workspaceId: other })).statusCode).toBe(201);
    const before = await stored(known);
    const joining = await bulk([{ email: known, firstName: 'Renamed', attributes: { seats: false } }]);
    expect(joining.data[0]!.status).toBe(400);
    expect(await stored(known)).toEqual(before);
    expect(before.memberships.map((row) => row.workspace_id)).toEqual([other]);
  });

  it('refuses an empty array and more than 1000 items (400) and creates nothing', async () => {
    const before = await total();
    expectError(await createUsers([]), 400, 'invalid_input');
    const tooMany = Array.from({ length: 1001 }, () => ({ email: nextEmail('many') }));
    const response = await createUsers(tooMany);
    const error = expectError(response, 400, 'invalid_input');
    expect(error.message).toMatch(/1000/);
    expect(await total()).toBe(before);
    expect((await stored(tooMany[0]!.email)).user).toBeUndefined();
  });

  it('takes exactly 1000 items', async () => {
    const items: unknown[] = Array.from({ length: 998 }, () => ({ email: 'invalid' }));
    items.push({ email: nextEmail('edge') }, { email: nextEmail('edge') });
    const answer = await bulk(items);
    expect(answer.data).toHaveLength(1000);
    expect(answer).toMatchObject({ created: 2, failed: 998 });
    expect(answer.data.slice(-2).map((item) => item.status)).toEqual([201, 201]);
  });

  it('creates in the workspace the request names, and only there', async () => {
    const workspace = await h.services.workspaces.create('Bulk target');
    const email = nextEmail('targeted');
    const answer = await bulk([{ email }], { workspaceId: workspace });
    expect(answer.data[0]!.status).toBe(201);
    // The attribute `seats` is defined in the default workspace only.
    expect(answer.data[0]!.user!.attributes).toEqual({});
    const refused = await bulk([{ email: nextEmail(), attributes: { seats: 2 } }], { workspaceId: workspace });
    expect(refused.data[0]!.error).toMatchObject({ code: 'unknown_attribute', field: 'attributes.seats' });
    const here = await h.request('GET', '/api/v1/users', { workspaceId: workspace });
    expect(here.json().data.map((user: User) => user.email)).toContain(email);
    const inDefault = await h.request('GET', '/api/v1/users');
    expect(inDefault.json().data.map((user: User) => user.email)).not.toContain(email);
  });

  it('needs users:write', async () => {
    const token = await h.token(['users:read']);
    const email = nextEmail('scoped');
    expectError(await createUsers([{ email }], { token }), 403, 'missing_scope');
    expect((await stored(email)).user).toBeUndefined();
  });

  it('a single object still answers 201 with the User, not a bulk answer', async () => {
    const email = nextEmail('single');
    const response = await createUsers({ email, attributes: { seats: 4 } });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ email, isAdmin: false, userType: 'default', attributes: { seats: 4 } });
    expect(response.json()).not.toHaveProperty('data');
    expectError(await createUsers('just text'), 400, 'invalid_input');
    expectError(await createUsers(7), 400, 'invalid_input');
  });
});

describe('the OpenAPI document', () => {
  it('describes both body forms and both success answers of createUser', async () => {
    const doc = (await h.request('GET', '/api/v1/openapi.json', { token: null })).json();
    const op = doc.paths['/users'].post;
    expect(op.operationId).toBe('createUser');
    const schema = op.requestBody.content['application/json'].schema;
    const forms = schema.anyOf as Array<{ type: string; required?: string[]; items?: { required?: string[] }; minItems?: number; maxItems?: number }>;
    expect(forms.map((form) => form.type).sort()).toEqual(['array', 'object']);
    const object = forms.find((form) => form.type === 'object')!;
    const array = forms.find((form) => form.type === 'array')!;
    expect(object.required).toContain('email');
    expect(array.items?.required).toContain('email');
    expect([array.minItems, array.maxItems]).toEqual([1, 1000]);
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['201', '207', '400', '409']));
    const answer = op.responses['207'].content['application/json'].schema;
    expect(Object.keys(answer.properties).sort()).toEqual(['created', 'data', 'failed']);
    expect(Object.keys(answer.properties.data.items.properties).sort()).toEqual(['error', 'index', 'status', 'user']);
  });
});
