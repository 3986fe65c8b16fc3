import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from '../helpers/harness.ts';
import { expectError } from '../helpers/expect-error.ts';

let h: Harness;
let workspaceId: string;
let elsewhere: string;
const ids: Record<string, string> = {};
let groupId: number;

interface Listed {
  data: Array<{ id: string; email: string }>;
  total: number;
  page: number;
  pageSize: number;
}

async function add(key: string, body: Record<string, unknown>, inWorkspace = workspaceId): Promise<string> {
  const response = await h.request('POST', '/api/v1/users', { body, workspaceId: inWorkspace });
  expect(response.statusCode, response.body).toBe(201);
  ids[key] = response.json().id;
  return ids[key]!;
}

async function list(query: string, inWorkspace = workspaceId): Promise<Listed> {
  const response = await h.request('GET', `/api/v1/users?${query}`, { workspaceId: inWorkspace });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** The keys (of `ids`) of the users listed, in the order listed. */
const keysOf = (listed: Listed) => listed.data.map((user) => Object.keys(ids).find((key) => ids[key] === user.id) ?? user.email);

beforeAll(async () => {
  h = await Harness.start();
  workspaceId = await h.services.workspaces.create('Member search');
  elsewhere = await h.services.workspaces.create('Member search elsewhere');
  // Carol's account is another workspace's first; this workspace gives her names of its own.
  await add('carol', { email: 'carol@example.com', firstName: 'Carol', lastName: 'Zed' }, elsewhere);
  await add('adaline', { email: 'adaline@example.com', firstName: 'Adaline', lastName: 'Elsewhere' }, elsewhere);
  await add('ada', { email: 'ada.lovelace@example.com', firstName: 'Ada', lastName: 'Lovelace' });
  await add('adam', { email: 'ADAM@Example.com', firstName: 'Adam', lastName: 'Smith', isAdmin: true });
  await add('grace', { email: 'grace@example.com', firstName: 'Grace', lastName: 'Hopper', userType: 'endUser' });
  await add('bob', { email: 'bob@example.com', firstName: 'Bob', lastName: 'Adams' });
  await add('carol', { email: 'carol@example.com', firstName: 'Karla', lastName: 'Ode' });
  await add('percent', { email: 'pct@example.com', firstName: '100%', lastName: 'Sure_Thing' });
  expect((await h.request('PUT', `/api/v1/users/${ids.grace}`, { body: { isDisabled: true }, workspaceId })).statusCode).toBe(200);
  const group = await h.request('POST', '/api/v1/groups', { body: { name: 'Analysts' }, workspaceId });
  groupId = group.json().id;
  for (const key of ['ada', 'grace']) {
    const added = await h.request('POST', `/api/v1/groups/${groupId}/members`, { body: { userId: ids[key] }, workspaceId });
    expect(added.statusCode, added.body).toBeLessThan(300);
  }
});
afterAll(async () => {
  await h.close();
});

describe('GET /api/v1/users filters', () => {
  it('lists every member without a filter', async () => {
    const all = await list('');
    expect(all.total).toBe(6);
    expect(keysOf(all)).toEqual(['ada', 'adam', 'grace', 'bob', 'carol', 'percent']);
  });

  it('matches a prefix of the email, first, last or full name, whatever its case, in joining order', async () => {
    const found = await list('q=ADA');
    expect(keysOf(found)).toEqual(['ada', 'adam', 'bob']);
    expect(found.total).toBe(3);
    expect(keysOf(await list('q=ada%20lov'))).toEqual(['ada']);
    expect(keysOf(await list('q=adam%40example'))).toEqual(['adam']);
    expect(keysOf(await list('q=hop'))).toEqual(['grace']);
    expect(keysOf(await list('q=%20%20smi%20'))).toEqual(['adam']);
    expect(keysOf(await list('q=%20%20Adam%20'))).toEqual(['adam', 'bob']);
  });

  it('matches prefixes only, and takes LIKE wildcards literally', async () => {
    expect(keysOf(await list('q=velace'))).toEqual([]);
    expect(keysOf(await list('q=%25'))).toEqual([]);
    expect(keysOf(await list('q=_'))).toEqual([]);
    expect(keysOf(await list('q=100%25'))).toEqual(['percent']);
    expect(keysOf(await list('q=sure_'))).toEqual(['percent']);
  });

  it('matches the names this workspace gives a shared account, not the account\'s own', async () => {
    expect(keysOf(await list('q=karla%20o'))).toEqual(['carol']);
    expect(keysOf(await list('q=ode'))).toEqual(['carol']);
    expect(keysOf(await list('q=zed'))).toEqual([]);
    expect(keysOf(await list('q=zed', elsewhere))).toEqual(['carol']);
  });

  it('never answers another workspace\'s members', async () => {
    expect(keysOf(await list('q=adaline'))).toEqual([]);
    expect(keysOf(await list('q=ada', elsewhere))).toEqual(['adaline']);
    expect((await list(`groupId=${groupId}`, workspaceId)).total).toBe(2);
  });

  it('filters by role, status and group, and combines every filter given', async () => {
    expect(keysOf(await list('role=admin'))).toEqual(['adam']);
    expect(keysOf(await list('role=end-user'))).toEqual(['grace']);
    expect(keysOf(await list('role=builder'))).toEqual(['ada', 'bob', 'carol', 'percent']);
    expect(keysOf(await list('status=disabled'))).toEqual(['grace']);
    expect((await list('status=active')).total).toBe(5);
    expect(keysOf(await list(`groupId=${groupId}`))).toEqual(['ada', 'grace']);
    expect(keysOf(await list(`groupId=${groupId}&status=active`))).toEqual(['ada']);
    expect(keysOf(await list(`q=ad&role=builder`))).toEqual(['ada', 'bob']);
    const none = await list(`q=ad&role=admin&groupId=${groupId}`);
    expect(none).toMatchObject({ data: [], total: 0 });
  });

  it('pages the matching members with their total', async () => {
    const second = await list('q=ad&pageSize=1&page=2');
    expect(keysOf(second)).toEqual(['adam']);
    expect(second).toMatchObject({ total: 3, page: 2, pageSize: 1 });
    expect(await list('q=ad&pageSize=2&page=3')).toMatchObject({ data: [], total: 3 });
  });

  it('refuses bad values with a 400 naming the field', async () => {
    const get = (query: string) => h.request('GET', `/api/v1/users?${query}`, { workspaceId });
    expectError(await get('role=owner'), 400, 'invalid_input', 'role');
    expectError(await get('status=archived'), 400, 'invalid_input', 'status');
    expectError(await get('groupId=abc'), 400, 'invalid_input', 'groupId');
    expectError(await get('groupId=0'), 400, 'invalid_input', 'groupId');
    expectError(await get(`q=${'a'.repeat(321)}`), 400, 'invalid_input', 'q');
    const otherGroup = (await h.request('POST', '/api/v1/groups', { body: { name: 'Theirs' }, workspaceId: elsewhere })).json();
    expectError(await get(`groupId=${otherGroup.id}`), 400, 'invalid_input', 'groupId');
    expectError(await get('groupId=999999'), 400, 'invalid_input', 'groupId');
  });
});
