import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, Harness } from '../helpers/harness.ts';
import { seedSchemaErrors } from '../helpers/seed-spec.ts';
import { expectError } from '../helpers/expect-error.ts';
import { countQueries } from '../helpers/query-counter.ts';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(async () => {
  await h.close();
});

const USER_KEYS = ['attributes', 'createdAt', 'email', 'firstName', 'groups', 'id', 'isAdmin', 'isDisabled', 'lastName', 'updatedAt', 'userType'];
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

interface User {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  isAdmin: boolean;
  isDisabled: boolean;
  userType: 'default' | 'endUser';
  groups: Array<{ id: number; name: string }>;
  createdAt: string;
  updatedAt: string;
}

let counter = 0;
const nextEmail = (prefix = 'user') => `${prefix}-${++counter}@example.com`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function createUser(body: Record<string, unknown> = {}, workspaceId?: string): Promise<User> {
  const response = await h.request('POST', '/api/v1/users', { body: { email: nextEmail(), ...body }, workspaceId });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function getUser(id: string): Promise<User> {
  const response = await h.request('GET', `/api/v1/users/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function putUser(id: string, body: Record<string, unknown>): Promise<LightMyRequestResponse> {
  return h.request('PUT', `/api/v1/users/${id}`, { body });
}

async function listAll(workspaceId?: string): Promise<{ data: User[]; total: number }> {
  const response = await h.request('GET', '/api/v1/users', { workspaceId });
  expect(response.statusCode).toBe(200);
  return response.json();
}

/** The stored membership of the user in the default workspace, or undefined. */
async function membershipOf(userId: string, workspaceId = h.defaultWorkspaceId) {
  return h.runtime.database.db
    .selectFrom('memberships')
    .select(['role', 'status'])
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

async function harnessAdmin(): Promise<User> {
  const admin = (await listAll()).data.find((user) => user.email === ADMIN_EMAIL);
  expect(admin).toBeDefined();
  return admin!;
}

async function activeAdminEmails(): Promise<string[]> {
  return (await listAll()).data.filter((user) => user.isAdmin && !user.isDisabled).map((user) => user.email);
}

describe('users', () => {
  it('creates a user and reads it back in the seed User shape', async () => {
    const created = await h.request('POST', '/api/v1/users', { body: { email: 'Ada@Example.com', firstName: 'Ada', lastName: 'L' } });
    expect(created.statusCode).toBe(201);
    const user = created.json();
    expect(seedSchemaErrors('User', user)).toEqual([]);
    expect(user).toMatchObject({ email: 'Ada@Example.com', isAdmin: false, isDisabled: false, userType: 'default', groups: [] });
    const read = await h.request('GET', `/api/v1/users/${user.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(user);
  });

  it('answers with every User field, names defaulting to empty strings, and equal timestamps at creation', async () => {
    const user = await createUser();
    expect(Object.keys(user).sort()).toEqual(USER_KEYS);
    expect(user.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(user).toMatchObject({ firstName: '', lastName: '' });
    expect(Date.parse(user.createdAt)).not.toBeNaN();
    expect(user.updatedAt).toBe(user.createdAt);
  });

  it('reads one user in one statement: this workspace’s groups by id, attribute values, nothing of another workspace', async () => {
    const user = await createUser();
    const elsewhere = await h.services.workspaces.create(`users-elsewhere-${++counter}`);
    expect((await h.request('POST', '/api/v1/users', { body: { email: user.email }, workspaceId: elsewhere })).statusCode).toBe(201);
    const addTo = async (name: string, workspaceId?: string) => {
      const group = (await h.request('POST', '/api/v1/groups', { body: { name }, workspaceId })).json();
      const added = await h.request('POST', `/api/v1/groups/${group.id}/members`, { body: { userId: user.id }, workspaceId });
      expect(added.statusCode, added.body).toBe(200);
      return { id: group.id as number, name };
    };
    const [first, second] = [await addTo(`Reads A ${counter}`), await addTo(`Reads B ${counter}`)];
    await addTo(`Reads elsewhere ${counter}`, elsewhere);
    // The first read after a write looks up the token, workspace and attribute definitions
    // again; the next one finds them remembered and reads the user alone.
    expect((await h.request('GET', `/api/v1/users/${user.id}`)).statusCode).toBe(200);
    const counted = countQueries(h.runtime.database.db);
    try {
      const read = await h.request('GET', `/api/v1/users/${user.id}`);
      expect(read.statusCode, read.body).toBe(200);
      // Besides the token's request counter, one statement.
      const reads = () => counted.takeStatements().filter((statement) => !statement.startsWith('insert into "rate_limits"'));
      expect(reads()).toEqual([expect.stringMatching(/^select "users"\."id"/)]);
      expect(read.json().groups).toEqual([first, second].sort((a, b) => a.id - b.id));
      const missing = await h.request('GET', `/api/v1/users/${UNKNOWN_ID}`);
      expect(missing.statusCode).toBe(404);
      expect(reads()).toHaveLength(1);
    } finally {
      counted.restore();
    }
  });
});

describe('role flags when creating', () => {
  it.each([
    [{}, 'builder', { isAdmin: false, userType: 'default' }],
    [{ isAdmin: false, userType: 'default' }, 'builder', { isAdmin: false, userType: 'default' }],
    [{ isAdmin: true }, 'admin', { isAdmin: true, userType: 'default' }],
    [{ isAdmin: true, userType: 'default' }, 'admin', { isAdmin: true, userType: 'default' }],
    [{ userType: 'endUser' }, 'end-user', { isAdmin: false, userType: 'endUser' }],
    [{ isAdmin: false, userType: 'endUser' }, 'end-user', { isAdmin: false, userType: 'endUser' }],
  ])('%j makes an active %s membership', async (flags, role, view) => {
    const user = await createUser(flags);
    expect(user).toMatchObject({ ...view, isDisabled: false });
    expect(await getUser(user.id)).toMatchObject(view);
    expect(await membershipOf(user.id)).toEqual({ role, status: 'active' });
  });

  it('refuses isAdmin:true with userType endUser (400 naming isAdmin) and creates nothing', async () => {
    const before = (await listAll()).total;
    const email = nextEmail('contradiction');
    const response = await h.request('POST', '/api/v1/users', { body: { email, isAdmin: true, userType: 'endUser' } });
    expectError(response, 400, 'invalid_input', 'isAdmin');
    const after = await listAll();
    expect(after.total).toBe(before);
    expect(after.data.map((user) => user.email)).not.toContain(email);
  });

  it('refuses an unknown userType and a malformed email (400 naming the field)', async () => {
    expectError(await h.request('POST', '/api/v1/users', { body: { email: nextEmail(), userType: 'superUser' } }), 400, 'invalid_input', 'userType');
    expectError(await h.request('POST', '/api/v1/users', { body: { email: 'no-at-sign' } }), 400, 'invalid_input', 'email');
    expectError(await h.request('POST', '/api/v1/users', { body: { firstName: 'No email' } }), 400, 'invalid_input', 'email');
  });
});

describe('role flags when updating', () => {
  it('promotes with isAdmin:true and demotes to a default user with isAdmin:false', async () => {
    const user = await createUser();
    const promoted = await putUser(user.id, { isAdmin: true });
    expect(promoted.statusCode, promoted.body).toBe(200);
    expect(promoted.json()).toMatchObject({ isAdmin: true, userType: 'default', isDisabled: false });
    expect(await membershipOf(user.id)).toEqual({ role: 'admin', status: 'active' });

    const demoted = await putUser(user.id, { isAdmin: false });
    expect(demoted.statusCode, demoted.body).toBe(200);
    expect(demoted.json()).toMatchObject({ isAdmin: false, userType: 'default' });
    expect(await membershipOf(user.id)).toEqual({ role: 'builder', status: 'active' });
  });

  it('switches between default and endUser with userType', async () => {
    const user = await createUser();
    const endUser = await putUser(user.id, { userType: 'endUser' });
    expect(endUser.statusCode, endUser.body).toBe(200);
    expect(endUser.json()).toMatchObject({ isAdmin: false, userType: 'endUser' });
    expect(await membershipOf(user.id)).toEqual({ role: 'end-user', status: 'active' });

    const back = await putUser(user.id, { userType: 'default' });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ isAdmin: false, userType: 'default' });
    expect(await membershipOf(user.id)).toEqual({ role: 'builder', status: 'active' });
  });

  it('makes an end user an admin with isAdmin:true, and an admin an end user with userType endUser', async () => {
    const user = await createUser({ userType: 'endUser' });
    const admin = await putUser(user.id, { isAdmin: true });
    expect(admin.statusCode, admin.body).toBe(200);
    expect(admin.json()).toMatchObject({ isAdmin: true, userType: 'default' });
    expect(await membershipOf(user.id)).toEqual({ role: 'admin', status: 'active' });

    const endUser = await putUser(user.id, { isAdmin: false, userType: 'endUser' });
    expect(endUser.statusCode, endUser.body).toBe(200);
    expect(endUser.json()).toMatchObject({ isAdmin: false, userType: 'endUser' });
    expect(await membershipOf(user.id)).toEqual({ role: 'end-user', status: 'active' });
  });

  it('refuses isAdmin:true with userType endUser (400 naming isAdmin) and changes nothing', async () => {
    const user = await createUser({ firstName: 'Stays' });
    const response = await putUser(user.id, { firstName: 'Changed', isAdmin: true, userType: 'endUser' });
    expectError(response, 400, 'invalid_input', 'isAdmin');
    expect(await getUser(user.id)).toEqual(user);
    expect(await membershipOf(user.id)).toEqual({ role: 'builder', status: 'active' });
  });

  it('disables with isDisabled:true (archived membership, still listed) and re-enables with false', async () => {
    const user = await createUser({ userType: 'endUser' });
    const disabled = await putUser(user.id, { isDisabled: true });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(disabled.json()).toMatchObject({ isDisabled: true, userType: 'endUser', isAdmin: false });
    expect(await membershipOf(user.id)).toEqual({ role: 'end-user', status: 'archived' });
    const listed = (await listAll()).data.find((item) => item.id === user.id);
    expect(listed).toMatchObject({ isDisabled: true });

    const enabled = await putUser(user.id, { isDisabled: false });
    expect(enabled.statusCode, enabled.body).toBe(200);
    expect(enabled.json()).toMatchObject({ isDisabled: false, userType: 'endUser' });
    expect(await membershipOf(user.id)).toEqual({ role: 'end-user', status: 'active' });
  });

  it('changes names and keeps the fields left out', async () => {
    const user = await createUser({ firstName: 'Alan', lastName: 'Turing', userType: 'endUser' });
    const response = await putUser(user.id, { firstName: 'Alonzo' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ firstName: 'Alonzo', lastName: 'Turing', userType: 'endUser', isAdmin: false, isDisabled: false });
    expect(await getUser(user.id)).toEqual(response.json());
  });

  it('refuses wrongly typed fields (400 naming the field) and changes nothing', async () => {
    const user = await createUser();
    expectError(await putUser(user.id, { isDisabled: 'true' }), 400, 'invalid_input', 'isDisabled');
    expectError(await putUser(user.id, { userType: 'admin' }), 400, 'invalid_input', 'userType');
    expectError(await putUser(user.id, { lastName: 7 }), 400, 'invalid_input', 'lastName');
    expect(await getUser(user.id)).toEqual(user);
  });
});

describe('timestamps', () => {
  it('advances updatedAt on update and keeps createdAt', async () => {
    const user = await createUser({ firstName: 'Time' });
    await sleep(15);
    const renamed = (await putUser(user.id, { firstName: 'Later' })).json() as User;
    expect(renamed.createdAt).toBe(user.createdAt);
    expect(Date.parse(renamed.updatedAt)).toBeGreaterThan(Date.parse(user.updatedAt));
    expect(await getUser(user.id)).toEqual(renamed);

    await sleep(15);
    const disabled = (await putUser(user.id, { isDisabled: true })).json() as User;
    expect(disabled.createdAt).toBe(user.createdAt);
    expect(Date.parse(disabled.updatedAt)).toBeGreaterThan(Date.parse(renamed.updatedAt));
  });
});

describe('email uniqueness', () => {
  it('refuses an email already in the workspace whatever its case (409 email_taken) and creates nothing', async () => {
    const user = await createUser({ email: 'Mixed.Case@Example.com' });
    const before = await listAll();
    for (const email of ['Mixed.Case@Example.com', 'mixed.case@example.com', 'MIXED.CASE@EXAMPLE.COM']) {
      const response = await h.request('POST', '/api/v1/users', { body: { email, firstName: 'Dup' } });
      expectError(response, 409, 'email_taken', 'email');
    }
    const after = await listAll();
    expect(after.total).toBe(before.total);
    expect(after.data.filter((item) => item.email.toLowerCase() === 'mixed.case@example.com').map((item) => item.id)).toEqual([user.id]);
    expect(await getUser(user.id)).toEqual(user);
  });

  it('refuses the harness admin\'s email in another case', async () => {
    expectError(await h.request('POST', '/api/v1/users', { body: { email: ADMIN_EMAIL.toUpperCase() } }), 409, 'email_taken', 'email');
  });

  it('lets a deleted user be created again, with the new request\'s names and role', async () => {
    const email = nextEmail('again');
    const first = await createUser({ email, firstName: 'First', userType: 'endUser' });
    expect((await h.request('DELETE', `/api/v1/users/${first.id}`)).statusCode).toBe(204);

    const response = await h.request('POST', '/api/v1/users', { body: { email, firstName: 'Second', lastName: 'Time' } });
    expect(response.statusCode, response.body).toBe(201);
    const again = response.json() as User;
    expect(seedSchemaErrors('User', again)).toEqual([]);
    expect(again).toMatchObject({ email, firstName: 'Second', lastName: 'Time', isAdmin: false, isDisabled: false, userType: 'default', groups: [] });
    expect(await getUser(again.id)).toEqual(again);
    expect((await listAll()).data.filter((item) => item.email === email)).toHaveLength(1);
    expect(await membershipOf(again.id)).toEqual({ role: 'builder', status: 'active' });
  });

  it('takes the new spelling of the email when a deleted user is created again', async () => {
    const email = nextEmail('Spelling');
    const first = await createUser({ email });
    expect((await h.request('DELETE', `/api/v1/users/${first.id}`)).statusCode).toBe(204);
    const again = await createUser({ email: email.toLowerCase() });
    expect(again.id).toBe(first.id);
    expect(again.email).toBe(email.toLowerCase());
  });
});

describe('app creators', () => {
  it('cannot be made end users while they own apps (409 owns_apps naming the apps)', async () => {
    const creator = await createUser({ email: nextEmail('creator') });
    const token = await h.token(['apps:write'], { email: creator.email });
    const app = await h.request('POST', '/api/v1/apps', { token, body: { name: 'Payroll' } });
    expect(app.statusCode, app.body).toBe(201);
    expect(app.json().createdBy).toBe(creator.email);

    const demoted = expectError(await h.request('PUT', `/api/v1/users/${creator.id}`, { body: { userType: 'endUser' } }), 409, 'owns_apps');
    expect(demoted.message).toContain('Payroll');
    expect((await getUser(creator.id)).userType).toBe('default');

    expect((await h.request('DELETE', `/api/v1/apps/${app.json().id}`)).statusCode).toBe(204);
    const after = await h.request('PUT', `/api/v1/users/${creator.id}`, { body: { userType: 'endUser' } });
    expect(after.statusCode, after.body).toBe(200);
    expect(after.json().userType).toBe('endUser');
  });
});

describe('deleting users', () => {
  it('answers 204, and the user leaves the workspace list and its groups', async () => {
    const user = await createUser();
    const keep = await createUser();
    const group = await h.request('POST', '/api/v1/groups', { body: { name: 'Deletion group' } });
    expect(group.statusCode).toBe(201);
    const groupId = group.json().id as number;
    for (const member of [user, keep]) {
      expect((await h.request('POST', `/api/v1/groups/${groupId}/members`, { body: { userId: member.id } })).statusCode).toBe(200);
    }
    const before = await listAll();

    const response = await h.request('DELETE', `/api/v1/users/${user.id}`);
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');

    expectError(await h.request('GET', `/api/v1/users/${user.id}`), 404, 'user_not_found');
    const after = await listAll();
    expect(after.total).toBe(before.total - 1);
    expect(after.data.map((item) => item.id)).not.toContain(user.id);
    expect(after.data.map((item) => item.id)).toContain(keep.id);

    const read = (await h.request('GET', `/api/v1/groups/${groupId}`)).json();
    expect(read.members).toEqual([{ id: keep.id, email: keep.email }]);
    const members = (await h.request('GET', `/api/v1/groups/${groupId}/members`)).json();
    expect(members).toMatchObject({ total: 1, data: [{ id: keep.id, email: keep.email }] });
    expect(await membershipOf(user.id)).toBeUndefined();
  });

  it('answers 404 user_not_found when deleting twice', async () => {
    const user = await createUser();
    expect((await h.request('DELETE', `/api/v1/users/${user.id}`)).statusCode).toBe(204);
    expectError(await h.request('DELETE', `/api/v1/users/${user.id}`), 404, 'user_not_found');
  });
});

describe('unknown users', () => {
  it('answers 404 user_not_found to GET, PUT and DELETE of an unknown id', async () => {
    expectError(await h.request('GET', `/api/v1/users/${UNKNOWN_ID}`), 404, 'user_not_found');
    expectError(await putUser(UNKNOWN_ID, { firstName: 'Ghost' }), 404, 'user_not_found');
    expectError(await h.request('DELETE', `/api/v1/users/${UNKNOWN_ID}`), 404, 'user_not_found');
  });

  it('takes an id in upper case as the same user (UUIDs are case-insensitive)', async () => {
    const user = await createUser({ firstName: 'Upper' });
    const read = await h.request('GET', `/api/v1/users/${user.id.toUpperCase()}`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toEqual(user);
    const updated = await putUser(user.id.toUpperCase(), { lastName: 'Case' });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ id: user.id, lastName: 'Case' });
  });

  it('answers 400 naming userId for a malformed id', async () => {
    expectError(await h.request('GET', '/api/v1/users/not-a-uuid'), 400, 'invalid_input', 'userId');
    expectError(await putUser('not-a-uuid', { firstName: 'x' }), 400, 'invalid_input', 'userId');
    expectError(await h.request('DELETE', '/api/v1/users/not-a-uuid'), 400, 'invalid_input', 'userId');
  });

  it('keeps the members of another workspace out of this one', async () => {
    const other = await h.services.workspaces.create('Other users');
    const stranger = await createUser({ email: nextEmail('stranger') }, other);
    expectError(await h.request('GET', `/api/v1/users/${stranger.id}`), 404, 'user_not_found');
    expectError(await putUser(stranger.id, { firstName: 'Hijack' }), 404, 'user_not_found');
    expectError(await h.request('DELETE', `/api/v1/users/${stranger.id}`), 404, 'user_not_found');
    expect((await listAll()).data.map((user) => user.id)).not.toContain(stranger.id);
    const there = await h.request('GET', `/api/v1/users/${stranger.id}`, { workspaceId: other });
    expect(there.json()).toEqual(stranger);
  });
});

describe('the last active admin', () => {
  /** Demotes every admin but the harness admin, so the harness admin is the only active admin. */
  async function onlyHarnessAdmin(): Promise<User> {
    for (const user of (await listAll()).data) {
      if (user.isAdmin && user.email !== ADMIN_EMAIL) expect((await putUser(user.id, { isAdmin: false })).statusCode).toBe(200);
    }
    const admin = await harnessAdmin();
    expect(admin).toMatchObject({ isAdmin: true, isDisabled: false });
    expect(await activeAdminEmails()).toEqual([ADMIN_EMAIL]);
    return admin;
  }

  it('cannot be demoted, made an end user, disabled or deleted (409 last_admin)', async () => {
    const admin = await onlyHarnessAdmin();
    expectError(await putUser(admin.id, { isAdmin: false }), 409, 'last_admin');
    expectError(await putUser(admin.id, { userType: 'endUser' }), 409, 'last_admin');
    expectError(await putUser(admin.id, { isDisabled: true }), 409, 'last_admin');
    expectError(await putUser(admin.id, { firstName: 'Renamed', isAdmin: false }), 409, 'last_admin');
    expectError(await h.request('DELETE', `/api/v1/users/${admin.id}`), 409, 'last_admin');
    expect(await getUser(admin.id)).toEqual(admin);
    expect(await membershipOf(admin.id)).toEqual({ role: 'admin', status: 'active' });
  });

  it('can be renamed, or told it is an admin again', async () => {
    const admin = await onlyHarnessAdmin();
    const response = await putUser(admin.id, { firstName: 'Root', isAdmin: true, isDisabled: false });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ firstName: 'Root', isAdmin: true, isDisabled: false });
  });

  it('can be demoted, disabled or deleted once another active admin exists', async () => {
    const admin = await onlyHarnessAdmin();
    const second = await createUser({ isAdmin: true });

    const demoted = await putUser(admin.id, { isAdmin: false });
    expect(demoted.statusCode, demoted.body).toBe(200);
    expect(demoted.json().isAdmin).toBe(false);

    // Now the second admin is the last one.
    expectError(await putUser(second.id, { isAdmin: false }), 409, 'last_admin');
    expectError(await h.request('DELETE', `/api/v1/users/${second.id}`), 409, 'last_admin');

    expect((await putUser(admin.id, { isAdmin: true })).statusCode).toBe(200);
    const disabled = await putUser(admin.id, { isDisabled: true });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(disabled.json()).toMatchObject({ isAdmin: true, isDisabled: true });
    expect((await putUser(admin.id, { isDisabled: false })).statusCode).toBe(200);

    const deleted = await h.request('DELETE', `/api/v1/users/${second.id}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect(await activeAdminEmails()).toEqual([ADMIN_EMAIL]);
    expectError(await putUser(admin.id, { isAdmin: false }), 409, 'last_admin');
  });

  it('does not count a disabled admin as another active admin', async () => {
    const admin = await onlyHarnessAdmin();
    const other = await createUser({ isAdmin: true });
    expect((await putUser(other.id, { isDisabled: true })).statusCode).toBe(200);
    expectError(await putUser(admin.id, { isAdmin: false }), 409, 'last_admin');
    expectError(await h.request('DELETE', `/api/v1/users/${admin.id}`), 409, 'last_admin');
    expect((await h.request('DELETE', `/api/v1/users/${other.id}`)).statusCode).toBe(204);
  });

  it('is counted per workspace: the only admin of another workspace is protected there', async () => {
    const workspaceId = await h.services.workspaces.create('Last admin elsewhere');
    const only = await createUser({ isAdmin: true }, workspaceId);
    const response = await h.request('DELETE', `/api/v1/users/${only.id}`, { workspaceId });
    expectError(response, 409, 'last_admin');
    expect((await h.request('GET', `/api/v1/users/${only.id}`, { workspaceId })).statusCode).toBe(200);
  });
});

describe('listing users', () => {
  it('counts a member added or removed in the very next page, though counts are reused briefly', async () => {
    const workspaceId = await h.services.workspaces.create('Fresh totals');
    const total = async () => (await h.request('GET', '/api/v1/users?pageSize=1', { workspaceId })).json().total as number;
    const start = await total();
    const added = await h.request('POST', '/api/v1/users', { workspaceId, body: { email: 'fresh-total@example.com' } });
    expect(added.statusCode, added.body).toBe(201);
    expect(await total()).toBe(start + 1);
    expect((await h.request('DELETE', `/api/v1/users/${added.json().id}`, { workspaceId })).statusCode).toBe(204);
    expect(await total()).toBe(start);
  });

  it('answers {data, total, page, pageSize} with pageSize 100 by default', async () => {
    const workspaceId = await h.services.workspaces.create('Paging defaults');
    const actor = await h.actor(workspaceId);
    const emails: string[] = [];
    for (let index = 0; index < 101; index += 1) {
      const email = `page-${String(index).padStart(3, '0')}@example.com`;
      await h.services.users.create(actor, { email, role: 'builder' });
      emails.push(email);
    }
    const response = await h.request('GET', '/api/v1/users', { workspaceId });
    expect(response.statusCode).toBe(200);
    const first = response.json();
    expect(seedSchemaErrors('UserListResponse', first)).toEqual([]);
    expect(Object.keys(first).sort()).toEqual(['data', 'page', 'pageSize', 'total']);
    expect(first).toMatchObject({ total: 101, page: 1, pageSize: 100 });
    expect(first.data).toHaveLength(100);
    for (const user of first.data) expect(Object.keys(user).sort()).toEqual(USER_KEYS);

    // Users made in the same millisecond have no defined order, so compare the pages as a partition.
    const second = (await h.request('GET', '/api/v1/users?page=2', { workspaceId })).json();
    expect(second).toMatchObject({ total: 101, page: 2, pageSize: 100 });
    expect(second.data).toHaveLength(1);
    const seen = [...first.data, ...second.data].map((user: User) => user.email);
    expect(seen.sort()).toEqual(emails);
  });

  it('pages with page and pageSize, and a page past the end is empty with the right total', async () => {
    const workspaceId = await h.services.workspaces.create('Paging users');
    const created: User[] = [];
    for (let index = 0; index < 5; index += 1) created.push(await createUser({ email: nextEmail('paged') }, workspaceId));

    const all = await listAll(workspaceId);
    expect(all.data.map((user) => user.id).sort()).toEqual(created.map((user) => user.id).sort());

    const page2 = (await h.request('GET', '/api/v1/users?page=2&pageSize=2', { workspaceId })).json();
    expect(page2).toEqual({ data: all.data.slice(2, 4), total: 5, page: 2, pageSize: 2 });
    const page3 = (await h.request('GET', '/api/v1/users?page=3&pageSize=2', { workspaceId })).json();
    expect(page3).toEqual({ data: all.data.slice(4), total: 5, page: 3, pageSize: 2 });
    const beyond = await h.request('GET', '/api/v1/users?page=4&pageSize=2', { workspaceId });
    expect(beyond.statusCode).toBe(200);
    expect(beyond.json()).toEqual({ data: [], total: 5, page: 4, pageSize: 2 });
    const farBeyond = (await h.request('GET', '/api/v1/users?page=1000', { workspaceId })).json();
    expect(farBeyond).toEqual({ data: [], total: 5, page: 1000, pageSize: 100 });
  });

  it('answers the same order on every page, whether the page lies in the first or the second half', async () => {
    const workspaceId = await h.services.workspaces.create('Paging both ways');
    for (let index = 0; index < 7; index += 1) await createUser({ email: nextEmail('both-ways') }, workspaceId);
    const all = (await listAll(workspaceId)).data.map((user) => user.id);
    for (let pageSize = 1; pageSize <= 8; pageSize += 1) {
      const ids: string[] = [];
      for (let page = 1; page <= Math.ceil(7 / pageSize); page += 1) {
        const body = (await h.request('GET', `/api/v1/users?page=${page}&pageSize=${pageSize}`, { workspaceId })).json();
        expect(body.total).toBe(7);
        ids.push(...body.data.map((user: User) => user.id));
      }
      expect(ids, `pageSize ${pageSize}`).toEqual(all);
    }
  });

  it.each([
    ['page=0', 'page'],
    ['page=-1', 'page'],
    ['page=abc', 'page'],
    ['page=1.5', 'page'],
    ['pageSize=0', 'pageSize'],
    ['pageSize=101', 'pageSize'],
    ['pageSize=abc', 'pageSize'],
  ])('refuses ?%s with 400 naming %s', async (query, field) => {
    const error = expectError(await h.request('GET', `/api/v1/users?${query}`), 400, 'invalid_input', field);
    expect(error.message).toContain(field);
  });
});
