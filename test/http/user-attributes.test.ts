import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from '../helpers/harness.ts';
import { seedSchemaErrors } from '../helpers/seed-spec.ts';
import { expectError } from '../helpers/expect-error.ts';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(async () => {
  await h.close();
});

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const ATTRIBUTE_KEYS = ['createdAt', 'dataType', 'defaultValue', 'id', 'label', 'name', 'updatedAt'];

interface Attribute {
  id: string;
  name: string;
  label: string;
  dataType: 'string' | 'number' | 'boolean' | 'json';
  defaultValue: unknown;
  createdAt: string;
  updatedAt: string;
}

interface User {
  id: string;
  email: string;
  firstName: string;
  attributes: Record<string, unknown>;
  updatedAt: string;
}

type Options = { workspaceId?: string; token?: string };

let counter = 0;
const unique = (prefix: string) => `${prefix}_${++counter}`;
const nextEmail = () => `attr-${++counter}@example.com`;

async function define(body: Record<string, unknown>, options: Options = {}): Promise<Attribute> {
  const response = await h.request('POST', '/api/v1/userAttributes', { body, ...options });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function listAttributes(options: Options = {}): Promise<Attribute[]> {
  const response = await h.request('GET', '/api/v1/userAttributes', options);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().data;
}

async function createUser(body: Record<string, unknown> = {}, options: Options = {}): Promise<User> {
  const response = await h.request('POST', '/api/v1/users', { body: { email: nextEmail(), ...body }, ...options });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function getUser(id: string, options: Options = {}): Promise<User> {
  const response = await h.request('GET', `/api/v1/users/${id}`, options);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const putValue = (userId: string, name: string, body: unknown, options: Options = {}) =>
  h.request('PUT', `/api/v1/users/${userId}/attributes/${name}`, { body: body as object, ...options });
const deleteValue = (userId: string, name: string, options: Options = {}) =>
  h.request('DELETE', `/api/v1/users/${userId}/attributes/${name}`, options);

/** The values stored on the membership, without defaults. */
async function storedValues(userId: string, workspaceId = h.defaultWorkspaceId): Promise<Record<string, unknown>> {
  const row = await h.runtime.database.db
    .selectFrom('memberships').select('attributes')
    .where('workspace_id', '=', workspaceId).where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return typeof row.attributes === 'string' ? JSON.parse(row.attributes) : (row.attributes as Record<string, unknown>);
}

async function emailExists(email: string): Promise<boolean> {
  const row = await h.runtime.database.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  return row !== undefined;
}

describe('attribute definitions', () => {
  it('creates one (201), reads it back, and lists definitions by name as {data}', async () => {
    const created = await h.request('POST', '/api/v1/userAttributes', {
      body: { name: 'zz_region', label: 'Region', dataType: 'string', defaultValue: 'eu' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const attribute = created.json() as Attribute;
    expect(Object.keys(attribute).sort()).toEqual(ATTRIBUTE_KEYS);
    expect(attribute).toMatchObject({ name: 'zz_region', label: 'Region', dataType: 'string', defaultValue: 'eu' });
    expect(attribute.updatedAt).toBe(attribute.createdAt);
    const read = await h.request('GET', `/api/v1/userAttributes/${attribute.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(attribute);

    const other = await define({ name: 'aa_first', dataType: 'number' });
    expect(other).toMatchObject({ label: 'aa_first', defaultValue: null });
    const list = await h.request('GET', '/api/v1/userAttributes');
    expect(Object.keys(list.json())).toEqual(['data']);
    const names = list.json().data.map((item: Attribute) => item.name);
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(expect.arrayContaining(['aa_first', 'zz_region']));
  });

  it('takes every dataType with a default of that type, json taking any JSON value', async () => {
    const cases: [string, unknown][] = [['string', ''], ['number', -1.5], ['boolean', false], ['json', { a: [1, null] }], ['json', 'text'], ['json', 0]];
    for (const [dataType, defaultValue] of cases) {
      const attribute = await define({ name: unique(`typed_${dataType}`), dataType, defaultValue });
      expect(attribute).toMatchObject({ dataType, defaultValue });
      expect((await h.request('GET', `/api/v1/userAttributes/${attribute.id}`)).json().defaultValue).toEqual(defaultValue);
    }
  });

  it('refuses a name outside ^[a-z0-9_]+$ or longer than 64 (400 naming name) and defines nothing', async () => {
    const before = await listAttributes();
    for (const name of ['Plan', 'with-dash', 'with space', '', 'ümlaut', 'a'.repeat(65), 'dot.ted']) {
      const response = await h.request('POST', '/api/v1/userAttributes', { body: { name, dataType: 'string' } });
      expectError(response, 400, 'invalid_input', 'name');
    }
    expectError(await h.request('POST', '/api/v1/userAttributes', { body: { dataType: 'string' } }), 400, 'invalid_input', 'name');
    expect(await define({ name: 'a'.repeat(64), dataType: 'string' })).toMatchObject({ name: 'a'.repeat(64) });
    expect((await listAttributes()).length).toBe(before.length + 1);
  });

  it('refuses a missing or unknown dataType (400 naming dataType)', async () => {
    for (const dataType of ['text', 'integer', 'STRING', 1, null, undefined]) {
      const response = await h.request('POST', '/api/v1/userAttributes', { body: { name: unique('bad_type'), dataType } });
      expectError(response, 400, 'invalid_input', 'dataType');
    }
  });

  it('refuses a defaultValue that is not of the dataType (400 naming defaultValue) and defines nothing', async () => {
    const cases: [string, unknown][] = [['string', 1], ['string', true], ['number', '1'], ['number', true], ['boolean', 'yes'], ['boolean', 0], ['string', { a: 1 }]];
    for (const [dataType, defaultValue] of cases) {
      const name = unique('bad_default');
      const response = await h.request('POST', '/api/v1/userAttributes', { body: { name, dataType, defaultValue } });
      expectError(response, 400, 'invalid_attribute_value', 'defaultValue');
      expect((await listAttributes()).map((item) => item.name)).not.toContain(name);
    }
  });

  it('refuses a duplicate name in the workspace (409 attribute_name_taken)', async () => {
    const name = unique('dup');
    const first = await define({ name, dataType: 'string' });
    const again = await h.request('POST', '/api/v1/userAttributes', { body: { name, dataType: 'number', label: 'Other' } });
    expectError(again, 409, 'attribute_name_taken', 'name');
    expect((await listAttributes()).filter((item) => item.name === name)).toEqual([first]);
  });

  it('answers 404 attribute_not_found for an unknown id, and 400 for a malformed one', async () => {
    expectError(await h.request('GET', `/api/v1/userAttributes/${UNKNOWN_ID}`), 404, 'attribute_not_found');
    expectError(await h.request('PATCH', `/api/v1/userAttributes/${UNKNOWN_ID}`, { body: { label: 'x' } }), 404, 'attribute_not_found');
    expectError(await h.request('DELETE', `/api/v1/userAttributes/${UNKNOWN_ID}`), 404, 'attribute_not_found');
    expectError(await h.request('GET', '/api/v1/userAttributes/not-a-uuid'), 400, 'invalid_input');
  });

  it('PATCH changes label and defaultValue; null removes the default; fields left out stay', async () => {
    const attribute = await define({ name: unique('patched'), label: 'Before', dataType: 'number', defaultValue: 1 });
    const relabelled = await h.request('PATCH', `/api/v1/userAttributes/${attribute.id}`, { body: { label: 'After' } });
    expect(relabelled.statusCode, relabelled.body).toBe(200);
    expect(relabelled.json()).toMatchObject({ label: 'After', defaultValue: 1, name: attribute.name, dataType: 'number' });
    const redefaulted = await h.request('PATCH', `/api/v1/userAttributes/${attribute.id}`, { body: { defaultValue: 2 } });
    expect(redefaulted.json()).toMatchObject({ label: 'After', defaultValue: 2 });
    const cleared = await h.request('PATCH', `/api/v1/userAttributes/${attribute.id}`, { body: { defaultValue: null } });
    expect(cleared.json()).toMatchObject({ label: 'After', defaultValue: null });
    expect((await h.request('GET', `/api/v1/userAttributes/${attribute.id}`)).json()).toEqual(cleared.json());
  });

  it('PATCH refuses to change name or dataType (400 immutable_field), takes them unchanged, and checks the default', async () => {
    const attribute = await define({ name: unique('fixed'), label: 'Fixed', dataType: 'boolean', defaultValue: true });
    const url = `/api/v1/userAttributes/${attribute.id}`;
    expectError(await h.request('PATCH', url, { body: { name: unique('renamed'), label: 'x' } }), 400, 'immutable_field', 'name');
    expectError(await h.request('PATCH', url, { body: { dataType: 'string', defaultValue: 'x' } }), 400, 'immutable_field', 'dataType');
    expectError(await h.request('PATCH', url, { body: { defaultValue: 'yes', label: 'x' } }), 400, 'invalid_attribute_value', 'defaultValue');
    expectError(await h.request('PATCH', url, { body: { label: '' } }), 400, 'invalid_input', 'label');
    expect((await h.request('GET', url)).json()).toEqual(attribute);
    const echoed = await h.request('PATCH', url, { body: { ...attribute, label: 'Echoed' } });
    expect(echoed.statusCode, echoed.body).toBe(200);
    expect(echoed.json()).toMatchObject({ name: attribute.name, dataType: 'boolean', label: 'Echoed', defaultValue: true });
  });

  it('DELETE answers 204 and the definition is gone', async () => {
    const attribute = await define({ name: unique('gone'), dataType: 'string' });
    const response = await h.request('DELETE', `/api/v1/userAttributes/${attribute.id}`);
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    expectError(await h.request('GET', `/api/v1/userAttributes/${attribute.id}`), 404, 'attribute_not_found');
    expect((await listAttributes()).map((item) => item.id)).not.toContain(attribute.id);
  });
});

describe('attribute values', () => {
  const names = { plan: '', seats: '', beta: '', prefs: '' };
  beforeAll(async () => {
    names.plan = (await define({ name: unique('plan'), dataType: 'string', defaultValue: 'free' })).name;
    names.seats = (await define({ name: unique('seats'), dataType: 'number' })).name;
    names.beta = (await define({ name: unique('beta'), dataType: 'boolean', defaultValue: false })).name;
    names.prefs = (await define({ name: unique('prefs'), dataType: 'json' })).name;
  });

  it('a user without values shows the defaults, in the seed User shape', async () => {
    const user = await createUser();
    expect(seedSchemaErrors('User', user)).toEqual([]);
    expect(user.attributes).toMatchObject({ [names.plan]: 'free', [names.beta]: false });
    expect(user.attributes).not.toHaveProperty(names.seats);
    expect(user.attributes).not.toHaveProperty(names.prefs);
    expect(await storedValues(user.id)).toEqual({});
  });

  it('create sets values; they show on GET and in the list, over the defaults', async () => {
    const attributes = { [names.plan]: 'pro', [names.seats]: 5, [names.prefs]: { theme: 'dark', tags: ['a'] } };
    const user = await createUser({ attributes });
    expect(user.attributes).toMatchObject({ ...attributes, [names.beta]: false });
    expect((await getUser(user.id)).attributes).toEqual(user.attributes);
    expect(await storedValues(user.id)).toEqual(attributes);
    const list = await h.request('GET', '/api/v1/users');
    const listed = list.json().data.find((item: User) => item.id === user.id);
    expect(listed.attributes).toEqual(user.attributes);
    for (const item of list.json().data as User[]) expect(item.attributes).toHaveProperty(names.plan);
  });

  it('create refuses a value of the wrong type or an undefined name (400 naming attributes.<name>) and creates nothing', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ [names.seats]: '5' }, `attributes.${names.seats}`, 'invalid_attribute_value'],
      [{ [names.plan]: 'ok', [names.beta]: 'true' }, `attributes.${names.beta}`, 'invalid_attribute_value'],
      [{ [names.plan]: 3 }, `attributes.${names.plan}`, 'invalid_attribute_value'],
      [{ undefined_name: 1 }, 'attributes.undefined_name', 'unknown_attribute'],
    ];
    for (const [attributes, field, code] of cases) {
      const email = nextEmail();
      const response = await h.request('POST', '/api/v1/users', { body: { email, attributes } });
      const error = expectError(response, 400, code, field);
      expect(error.message).toContain(field);
      expect(await emailExists(email)).toBe(false);
    }
    expectError(await h.request('POST', '/api/v1/users', { body: { email: nextEmail(), attributes: [1] } }), 400, 'invalid_input', 'attributes');
  });

  it('update sets values, null removes one, and values not named stay', async () => {
    const user = await createUser({ attributes: { [names.plan]: 'pro', [names.seats]: 5 } });
    const response = await h.request('PUT', `/api/v1/users/${user.id}`, {
      body: { firstName: 'Changed', attributes: { [names.seats]: null, [names.beta]: true } },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ firstName: 'Changed', attributes: { [names.plan]: 'pro', [names.beta]: true } });
    expect(response.json().attributes).not.toHaveProperty(names.seats);
    expect(await storedValues(user.id)).toEqual({ [names.plan]: 'pro', [names.beta]: true });
  });

  it('update with a wrong type is a 400 naming the attribute and changes nothing else of the request', async () => {
    const user = await createUser({ firstName: 'Kept', attributes: { [names.plan]: 'pro' } });
    const response = await h.request('PUT', `/api/v1/users/${user.id}`, {
      body: { firstName: 'Lost', isAdmin: true, attributes: { [names.plan]: 'team', [names.seats]: 'many' } },
    });
    expectError(response, 400, 'invalid_attribute_value', `attributes.${names.seats}`);
    expect(await getUser(user.id)).toEqual(user);
    expect(await storedValues(user.id)).toEqual({ [names.plan]: 'pro' });
  });

  it('PUT /users/{id}/attributes/{name} sets one value and answers the User', async () => {
    const user = await createUser({ attributes: { [names.plan]: 'pro' } });
    const response = await putValue(user.id, names.seats, { value: 12 });
    expect(response.statusCode, response.body).toBe(200);
    expect(seedSchemaErrors('User', response.json())).toEqual([]);
    expect(response.json().attributes).toMatchObject({ [names.plan]: 'pro', [names.seats]: 12, [names.beta]: false });
    expect((await putValue(user.id, names.prefs, { value: [1, { two: 2 }] })).json().attributes[names.prefs]).toEqual([1, { two: 2 }]);
    expect(await storedValues(user.id)).toEqual({ [names.plan]: 'pro', [names.seats]: 12, [names.prefs]: [1, { two: 2 }] });
    const removed = await putValue(user.id, names.plan, { value: null });
    expect(removed.json().attributes[names.plan]).toBe('free');
    expect(await storedValues(user.id)).not.toHaveProperty(names.plan);
  });

  it('PUT of one value refuses a wrong type (400 naming attributes.<name>), an unknown name (404), an unknown user (404)', async () => {
    const user = await createUser({ attributes: { [names.seats]: 1 } });
    expectError(await putValue(user.id, names.seats, { value: '2' }), 400, 'invalid_attribute_value', `attributes.${names.seats}`);
    expectError(await putValue(user.id, names.beta, { value: 1 }), 400, 'invalid_attribute_value', `attributes.${names.beta}`);
    expectError(await putValue(user.id, 'never_defined', { value: 1 }), 404, 'attribute_not_found');
    expectError(await putValue(UNKNOWN_ID, names.seats, { value: 1 }), 404, 'user_not_found');
    expectError(await putValue(user.id, names.seats, {}), 400, 'invalid_input', 'value');
    expectError(await putValue(user.id, 'Not-A-Name', { value: 1 }), 400, 'invalid_input', 'attributeName');
    expect(await getUser(user.id)).toEqual(user);
  });

  it('DELETE /users/{id}/attributes/{name} removes the value (204), the default shows again, and repeating changes nothing', async () => {
    const user = await createUser({ attributes: { [names.plan]: 'pro', [names.seats]: 3 } });
    const response = await deleteValue(user.id, names.plan);
    expect(response.statusCode, response.body).toBe(204);
    expect((await getUser(user.id)).attributes).toMatchObject({ [names.plan]: 'free', [names.seats]: 3 });
    expect(await storedValues(user.id)).toEqual({ [names.seats]: 3 });
    expect((await deleteValue(user.id, names.plan)).statusCode).toBe(204);
    expectError(await deleteValue(user.id, 'never_defined'), 404, 'attribute_not_found');
    expectError(await deleteValue(UNKNOWN_ID, names.plan), 404, 'user_not_found');
    expect(await storedValues(user.id)).toEqual({ [names.seats]: 3 });
  });

  it('a changed default shows on users without a value; users with one keep theirs', async () => {
    const withValue = await createUser({ attributes: { [names.plan]: 'pro' } });
    const without = await createUser();
    const attribute = (await listAttributes()).find((item) => item.name === names.plan)!;
    const patched = await h.request('PATCH', `/api/v1/userAttributes/${attribute.id}`, { body: { defaultValue: 'starter' } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((await getUser(without.id)).attributes[names.plan]).toBe('starter');
    expect((await getUser(withValue.id)).attributes[names.plan]).toBe('pro');
    await h.request('PATCH', `/api/v1/userAttributes/${attribute.id}`, { body: { defaultValue: 'free' } });
  });
});

describe('deleting a definition', () => {
  async function definedWithValue(options: Options = {}) {
    const name = unique('doomed');
    const attribute = await define({ name, dataType: 'string', defaultValue: 'dflt' }, options);
    const user = await createUser({ attributes: { [name]: 'held' } }, options);
    return { name, attribute, user };
  }

  it('clears every member\'s value by default (clearValues=true)', async () => {
    const { name, attribute, user } = await definedWithValue();
    const other = await createUser({ attributes: { [name]: 'also' } });
    expect((await h.request('DELETE', `/api/v1/userAttributes/${attribute.id}`)).statusCode).toBe(204);
    expect(await storedValues(user.id)).not.toHaveProperty(name);
    expect(await storedValues(other.id)).not.toHaveProperty(name);
    expect((await getUser(user.id)).attributes).not.toHaveProperty(name);
    await define({ name, dataType: 'string' });
    expect((await getUser(user.id)).attributes).not.toHaveProperty(name);
  });

  it('clearValues=true explicitly does the same', async () => {
    const { name, attribute, user } = await definedWithValue();
    expect((await h.request('DELETE', `/api/v1/userAttributes/${attribute.id}?clearValues=true`)).statusCode).toBe(204);
    expect(await storedValues(user.id)).not.toHaveProperty(name);
  });

  it('clearValues=false keeps the values on members, which show again when the name is defined again', async () => {
    const { name, attribute, user } = await definedWithValue();
    const without = await createUser();
    expect((await h.request('DELETE', `/api/v1/userAttributes/${attribute.id}?clearValues=false`)).statusCode).toBe(204);
    expectError(await h.request('GET', `/api/v1/userAttributes/${attribute.id}`), 404, 'attribute_not_found');
    expect(await storedValues(user.id)).toEqual({ [name]: 'held' });
    expect((await getUser(without.id)).attributes).not.toHaveProperty(name);
    expectError(await putValue(user.id, name, { value: 'x' }), 404, 'attribute_not_found');
    await define({ name, dataType: 'string' });
    expect((await getUser(user.id)).attributes[name]).toBe('held');
  });

  it('refuses a clearValues that is not true or false (400) and deletes nothing', async () => {
    const { attribute } = await definedWithValue();
    expectError(await h.request('DELETE', `/api/v1/userAttributes/${attribute.id}?clearValues=maybe`), 400, 'invalid_input', 'clearValues');
    expect((await h.request('GET', `/api/v1/userAttributes/${attribute.id}`)).statusCode).toBe(200);
  });
});

describe('workspace isolation', () => {
  let workspaceA: string;
  let workspaceB: string;
  let tokenB: string;
  const inA = () => ({ workspaceId: workspaceA });
  const inB = () => ({ workspaceId: workspaceB });

  beforeAll(async () => {
    workspaceA = await h.services.workspaces.create('Attributes A');
    workspaceB = await h.services.workspaces.create('Attributes B');
    tokenB = await h.token(['users:write'], { workspaceId: workspaceB });
  });

  it('definitions of A are invisible from B, by list and by id, and B may reuse their names', async () => {
    const a = await define({ name: 'tier', dataType: 'string', defaultValue: 'gold' }, inA());
    expect((await listAttributes(inB())).map((item) => item.name)).not.toContain('tier');
    expect(await listAttributes({ token: tokenB })).toEqual([]);
    for (const options of [inB(), { token: tokenB }]) {
      expectError(await h.request('GET', `/api/v1/userAttributes/${a.id}`, options), 404, 'attribute_not_found');
      expectError(await h.request('PATCH', `/api/v1/userAttributes/${a.id}`, { body: { label: 'Hacked', defaultValue: 'lead' }, ...options }), 404, 'attribute_not_found');
      expectError(await h.request('DELETE', `/api/v1/userAttributes/${a.id}`, options), 404, 'attribute_not_found');
    }
    expect((await h.request('GET', `/api/v1/userAttributes/${a.id}`, inA())).json()).toEqual(a);
    const b = await define({ name: 'tier', dataType: 'number' }, inB());
    expect(b.id).not.toBe(a.id);
    expect((await listAttributes(inA())).find((item) => item.name === 'tier')).toEqual(a);
  });

  it('values and defaults of A do not show for the same account in B, and B cannot set A\'s attributes', async () => {
    const onlyInA = await define({ name: 'a_only', dataType: 'string', defaultValue: 'a-default' }, inA());
    const email = nextEmail();
    const inWorkspaceA = await createUser({ email, attributes: { a_only: 'a-value', tier: 'silver' } }, inA());
    const inWorkspaceB = await createUser({ email }, inB());
    expect(inWorkspaceB.id).toBe(inWorkspaceA.id);
    expect(inWorkspaceB.attributes).toEqual({});
    expectError(await putValue(inWorkspaceB.id, onlyInA.name, { value: 'b' }, inB()), 404, 'attribute_not_found');
    expectError(await h.request('POST', '/api/v1/users', { body: { email: nextEmail(), attributes: { a_only: 'x' } }, ...inB() }), 400, 'unknown_attribute', 'attributes.a_only');

    const set = await putValue(inWorkspaceB.id, 'tier', { value: 7 }, inB());
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().attributes).toEqual({ tier: 7 });
    expect((await getUser(inWorkspaceA.id, inA())).attributes).toEqual({ a_only: 'a-value', tier: 'silver' });
    expect(await storedValues(inWorkspaceA.id, workspaceA)).toEqual({ a_only: 'a-value', tier: 'silver' });
  });

  it('deleting a definition in B clears values in B only', async () => {
    const email = nextEmail();
    const shared = unique('shared');
    await define({ name: shared, dataType: 'string' }, inA());
    const b = await define({ name: shared, dataType: 'string' }, inB());
    const user = await createUser({ email, attributes: { [shared]: 'in-a' } }, inA());
    await createUser({ email, attributes: { [shared]: 'in-b' } }, inB());
    expect((await h.request('DELETE', `/api/v1/userAttributes/${b.id}`, inB())).statusCode).toBe(204);
    expect(await storedValues(user.id, workspaceB)).not.toHaveProperty(shared);
    expect(await storedValues(user.id, workspaceA)).toMatchObject({ [shared]: 'in-a' });
  });

  it('a user of A is not found through B\'s value routes', async () => {
    await define({ name: unique('iso'), dataType: 'string' }, inB());
    const user = await createUser({}, inA());
    const name = (await listAttributes(inB()))[0]!.name;
    expectError(await putValue(user.id, name, { value: 'x' }, inB()), 404, 'user_not_found');
    expectError(await deleteValue(user.id, name, inB()), 404, 'user_not_found');
  });
});

describe('scopes', () => {
  let attribute: Attribute;
  let user: User;
  beforeAll(async () => {
    attribute = await define({ name: unique('scoped'), dataType: 'string' });
    user = await createUser();
  });

  const writes = (): [string, string, unknown][] => [
    ['POST', '/api/v1/userAttributes', { name: unique('nope'), dataType: 'string' }],
    ['PATCH', `/api/v1/userAttributes/${attribute.id}`, { label: 'Nope' }],
    ['DELETE', `/api/v1/userAttributes/${attribute.id}`, undefined],
    ['PUT', `/api/v1/users/${user.id}/attributes/${attribute.name}`, { value: 'nope' }],
    ['DELETE', `/api/v1/users/${user.id}/attributes/${attribute.name}`, undefined],
  ];
  const send = (method: string, url: string, body: unknown, token: string): Promise<LightMyRequestResponse> =>
    h.request(method as 'GET', url, { token, body: body as object | undefined });

  it('users:read reads definitions and nothing more', async () => {
    const token = await h.token(['users:read']);
    expect((await h.request('GET', '/api/v1/userAttributes', { token })).statusCode).toBe(200);
    expect((await h.request('GET', `/api/v1/userAttributes/${attribute.id}`, { token })).statusCode).toBe(200);
    for (const [method, url, body] of writes()) {
      const error = expectError(await send(method, url, body, token), 403, 'missing_scope');
      expect(error.message).toContain('users:write');
    }
    expect((await h.request('GET', `/api/v1/userAttributes/${attribute.id}`)).json()).toEqual(attribute);
  });

  it('other areas\' scopes do nothing here', async () => {
    const token = await h.token(['groups:write', 'apps:write', 'resources:write', 'folders:write']);
    expectError(await h.request('GET', '/api/v1/userAttributes', { token }), 403, 'missing_scope');
    for (const [method, url, body] of writes()) expectError(await send(method, url, body, token), 403, 'missing_scope');
  });

  it('users:write does everything', async () => {
    const token = await h.token(['users:write']);
    const statuses = [];
    for (const [method, url, body] of writes().slice(0, 2)) statuses.push((await send(method, url, body, token)).statusCode);
    statuses.push((await send('PUT', `/api/v1/users/${user.id}/attributes/${attribute.name}`, { value: 'yes' }, token)).statusCode);
    statuses.push((await send('DELETE', `/api/v1/users/${user.id}/attributes/${attribute.name}`, undefined, token)).statusCode);
    statuses.push((await send('DELETE', `/api/v1/userAttributes/${attribute.id}`, undefined, token)).statusCode);
    expect(statuses).toEqual([201, 200, 200, 204, 204]);
  });

  it('the OpenAPI document names the scope of every attribute operation', async () => {
    const doc = (await h.request('GET', '/api/v1/openapi.json', { token: null })).json();
    const scopes: [string, string, string][] = [
      ['/userAttributes', 'get', 'users:read'],
      ['/userAttributes', 'post', 'users:write'],
      ['/userAttributes/{attributeId}', 'get', 'users:read'],
      ['/userAttributes/{attributeId}', 'patch', 'users:write'],
      ['/userAttributes/{attributeId}', 'delete', 'users:write'],
      ['/users/{userId}/attributes/{attributeName}', 'put', 'users:write'],
      ['/users/{userId}/attributes/{attributeName}', 'delete', 'users:write'],
    ];
    for (const [path, method, scope] of scopes) {
      const op = doc.paths[path]?.[method];
      expect(op, `${method} ${path}`).toBeDefined();
      expect(op.security).toEqual([{ bearerAuth: [scope] }, { sessionCookie: [] }]);
      expect(op.operationId).toMatch(/UserAttribute/);
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['400', '401', '403']));
    }
  });
});
