import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { ADMIN_EMAIL, EXTERNAL_TOKEN, Harness } from '../helpers/harness.ts';

/**
 * The ToolJet External API's users and workspaces endpoints (issue 3), replayed from the
 * seed document's requests, every user answer checked against the seed user schema.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const schemaFile = [
  path.resolve(here, '../../../shared/seeds/tooljet-user.schema.json'),
  path.resolve(here, '../fixtures/tooljet-user.schema.json'),
].find((file) => fs.existsSync(file));
if (!schemaFile) throw new Error('the seed schema tooljet-user.schema.json was not found');
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
const validateUserSchema = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as object);

type Method = InjectOptions['method'];

interface TjGroup {
  id: string;
  name: string;
}
interface TjMembership {
  id: string;
  name: string;
  status: string;
  role: string;
  groups: TjGroup[];
  inviteUrl: string | null;
}
interface TjUser {
  id: string;
  name: string;
  email: string;
  status: string;
  defaultOrganizationId?: string;
  workspaces: TjMembership[];
  userGroups: TjGroup[];
}
interface TjWorkspace {
  id: string;
  name: string;
  status: string;
  groups: TjGroup[];
}
interface TjError {
  statusCode: number;
  timestamp: string;
  path: string;
  message: string | string[];
  code: string;
}

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const INVITE_URL = /^http:\/\/toolplane\.test\/invite\/tpm_[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{43}$/;
const USER_KEYS = ['defaultOrganizationId', 'email', 'id', 'name', 'status', 'userGroups', 'workspaces'];
const MEMBERSHIP_KEYS = ['groups', 'id', 'inviteUrl', 'name', 'role', 'status'];

let h: Harness;
let teamId: string;
let demoId: string;
let thirdId: string;
/** Custom groups: team-spac has engineering and support; demo-workspace has engineering and ops. */
const groups: Record<string, { id: number; uuid: string; name: string }> = {};

async function createGroup(workspaceId: string, name: string) {
  const group = await h.services.groups.create(await h.actor(workspaceId), name);
  return { id: group.id, uuid: group.uuid, name: group.name };
}

beforeAll(async () => {
  h = await Harness.start();
  teamId = await h.services.workspaces.create('team-spac');
  demoId = await h.services.workspaces.create('demo-workspace');
  thirdId = await h.services.workspaces.create('third');
  groups.teamEngineering = await createGroup(teamId, 'engineering');
  groups.teamSupport = await createGroup(teamId, 'support');
  groups.demoEngineering = await createGroup(demoId, 'engineering');
  groups.demoOps = await createGroup(demoId, 'ops');
});
afterAll(async () => {
  await h?.close();
});

let counter = 0;
const nextEmail = (prefix = 'user') => `${prefix}-${++counter}@tooljet.test`;
const ref = (group: { uuid: string; name: string }): TjGroup => ({ id: group.uuid, name: group.name });

/** Checks a user object against the seed schema and the superset shape. */
function expectUser(value: unknown): TjUser {
  const valid = validateUserSchema(value);
  expect(valid ? [] : (validateUserSchema.errors ?? []).map((error) => `${error.instancePath} ${error.message}`)).toEqual([]);
  const user = value as TjUser;
  const keys = Object.keys(user);
  expect(USER_KEYS).toEqual(expect.arrayContaining(keys));
  expect(keys).toEqual(expect.arrayContaining(['id', 'name', 'email', 'status', 'workspaces', 'userGroups']));
  for (const membership of user.workspaces) {
    expect(Object.keys(membership).sort()).toEqual(MEMBERSHIP_KEYS);
    if (membership.status === 'active') expect(membership.inviteUrl).toBeNull();
    if (membership.status === 'invited') expect(membership.inviteUrl).toMatch(INVITE_URL);
  }
  const groupIds = user.workspaces.flatMap((membership) => membership.groups.map((group) => group.id));
  expect(user.userGroups.map((group) => group.id).sort()).toEqual([...new Set(groupIds)].sort());
  return user;
}

/** Checks ToolJet's error body: `{statusCode, timestamp, path, message, code}`. */
function expectTjError(response: LightMyRequestResponse, status: number, message?: string | RegExp): TjError {
  expect(response.statusCode, response.body).toBe(status);
  const body = response.json() as TjError;
  expect(Object.keys(body).sort()).toEqual(['code', 'message', 'path', 'statusCode', 'timestamp']);
  expect(body.statusCode).toBe(status);
  expect(new Date(body.timestamp).toISOString()).toBe(body.timestamp);
  expect(body.path).toBe(response.raw.req.url!.split('?')[0]);
  expect(typeof body.code).toBe('string');
  expect(body.code.length).toBeGreaterThan(0);
  if (typeof body.message === 'string') expect(body.message.length).toBeGreaterThan(0);
  else expect(body.message.every((item) => typeof item === 'string' && item.length > 0)).toBe(true);
  if (typeof message === 'string') expect(body.message).toBe(message);
  else if (message) expect(String(body.message)).toMatch(message);
  return body;
}

/** A validation failure: 400 whose message is a list holding each expected sentence. */
function expectValidation(response: LightMyRequestResponse, ...sentences: string[]): string[] {
  const body = expectTjError(response, 400);
  expect(Array.isArray(body.message), JSON.stringify(body.message)).toBe(true);
  expect(body.message).toEqual(expect.arrayContaining(sentences));
  return body.message as string[];
}

const ext = (method: Method, url: string, body?: unknown) => h.ext(method, url, { body });

async function createUser(body: Record<string, unknown>): Promise<TjUser> {
  const response = await ext('POST', '/api/ext/users', { name: 'Test User', email: nextEmail(), ...body });
  expect(response.statusCode, response.body).toBe(201);
  return expectUser(response.json());
}

async function getUser(idOrEmail: string): Promise<TjUser> {
  const response = await ext('GET', `/api/ext/user/${idOrEmail}`);
  expect(response.statusCode, response.body).toBe(200);
  return expectUser(response.json());
}

async function listUsers(query = ''): Promise<TjUser[]> {
  const response = await ext('GET', `/api/ext/users${query}`);
  expect(response.statusCode, response.body).toBe(200);
  const users = response.json() as unknown[];
  expect(Array.isArray(users)).toBe(true);
  return users.map(expectUser);
}

const membershipIn = (user: TjUser, workspaceId: string) => user.workspaces.find((membership) => membership.id === workspaceId);

function db() {
  return h.runtime.database.db;
}

async function userRow(email: string) {
  return db().selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

async function membershipRows(userId: string) {
  const rows = await db().selectFrom('memberships').select(['workspace_id', 'role', 'status', 'updated_at'])
    .where('user_id', '=', userId).orderBy('workspace_id').execute();
  return rows.map((row) => ({ ...row, updated_at: new Date(row.updated_at).toISOString() }));
}

async function groupUuidsOf(userId: string): Promise<string[]> {
  const rows = await db().selectFrom('group_members').innerJoin('groups', 'groups.id', 'group_members.group_id')
    .select('groups.uuid').where('group_members.user_id', '=', userId).execute();
  return rows.map((row) => row.uuid).sort();
}

async function counts() {
  const [users, memberships, members] = await Promise.all([
    db().selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    db().selectFrom('memberships').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    db().selectFrom('group_members').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { users: Number(users.n), memberships: Number(memberships.n), groupMembers: Number(members.n) };
}

/** The seed document's Create User request body, as published. */
const SEED_CREATE_BODY = {
  name: 'Alice Johnson',
  email: 'alice@example.com',
  password: 'qwy@4xt123',
  status: 'active',
  workspaces: [{ name: 'team-spac', status: 'active', groups: [{ name: 'all_users' }] }],
};

/** Every route of the dialect, apps included and an unknown path, with a plausible body. */
const EVERY_ROUTE: Array<[Method, string, unknown?]> = [
  ['GET', '/api/ext/users'],
  ['GET', '/api/ext/users?status=active'],
  ['GET', `/api/ext/user/${UNKNOWN_ID}`],
  ['GET', '/api/ext/user/someone@example.com'],
  ['POST', '/api/ext/users', SEED_CREATE_BODY],
  ['POST', '/api/ext/users', {}],
  ['PATCH', `/api/ext/user/${UNKNOWN_ID}`, { name: 'Allen Johnson', email: 'allen@example.com' }],
  ['PUT', `/api/ext/user/${UNKNOWN_ID}/workspaces`, []],
  ['PATCH', `/api/ext/user/${UNKNOWN_ID}/workspace/${UNKNOWN_ID}`, { status: 'archived' }],
  ['PATCH', `/api/ext/user/${UNKNOWN_ID}/workspaces/${UNKNOWN_ID}`, { status: 'archived' }],
  ['GET', '/api/ext/workspaces'],
  ['PUT', `/api/ext/update-user-role/workspace/${UNKNOWN_ID}`, { newRole: 'admin', userId: UNKNOWN_ID }],
  ['GET', `/api/ext/workspace/${UNKNOWN_ID}/apps`],
  ['POST', `/api/ext/export/workspace/${UNKNOWN_ID}/apps/${UNKNOWN_ID}`],
  ['POST', `/api/ext/import/workspace/${UNKNOWN_ID}/apps`, { tooljet_version: '2.0.0', appName: 'x' }],
  ['GET', '/api/ext/user/not-a-uuid'],
  ['GET', '/api/ext/no-such-route'],
];

function send(harness: Harness, [method, url, body]: [Method, string, unknown?], authorization: string | null) {
  return harness.ext(method, url, { body, token: null, headers: authorization === null ? {} : { authorization } });
}

describe('switching it on', () => {
  const BAD_AUTHORIZATIONS: Array<[string, string | null]> = [
    ['no header', null],
    ['a wrong token', 'Basic not-the-token'],
    ['Basic undefined', 'Basic undefined'],
    ['an empty token', 'Basic '],
    ['Basic alone', 'Basic'],
    ['the token as Bearer', `Bearer ${EXTERNAL_TOKEN}`],
    ['the token in base64', `Basic ${Buffer.from(EXTERNAL_TOKEN).toString('base64')}`],
    ['the token with a suffix', `Basic ${EXTERNAL_TOKEN}x`],
    ['the token with a second word', `Basic ${EXTERNAL_TOKEN} extra`],
  ];

  it.each(BAD_AUTHORIZATIONS)('answers 403 Unauthorized on every route for %s', async (_label, authorization) => {
    for (const route of EVERY_ROUTE) {
      expectTjError(await send(h, route, authorization), 403, 'Unauthorized');
    }
  });

  it('creates nothing for a refused request', async () => {
    const before = await counts();
    expectTjError(await send(h, ['POST', '/api/ext/users', SEED_CREATE_BODY], 'Basic undefined'), 403, 'Unauthorized');
    expect(await counts()).toEqual(before);
  });

  it('accepts the raw token after Basic', async () => {
    const response = await send(h, ['GET', '/api/ext/workspaces'], `Basic ${EXTERNAL_TOKEN}`);
    expect(response.statusCode, response.body).toBe(200);
  });

  it('answers 403 External API is disabled on every route while disabled, whatever the header', async () => {
    const disabled = await Harness.start({ externalApi: { enabled: false, accessToken: EXTERNAL_TOKEN } });
    try {
      for (const route of EVERY_ROUTE) {
        for (const authorization of [`Basic ${EXTERNAL_TOKEN}`, null, 'Basic undefined']) {
          expectTjError(await send(disabled, route, authorization), 403, 'External API is disabled');
        }
      }
      const users = await disabled.runtime.database.db.selectFrom('users').select('email').execute();
      expect(users.map((user) => user.email)).not.toContain(SEED_CREATE_BODY.email);
    } finally {
      await disabled.close();
    }
  });

  it('refuses everything when enabled without a token, even Basic undefined or an empty token', async () => {
    const tokenless = await Harness.start({ externalApi: { enabled: true } });
    try {
      for (const route of EVERY_ROUTE) {
        for (const authorization of ['Basic undefined', 'Basic ', 'Basic', null, `Basic ${EXTERNAL_TOKEN}`, 'Basic null']) {
          expectTjError(await send(tokenless, route, authorization), 403, 'Unauthorized');
        }
      }
    } finally {
      await tokenless.close();
    }
  });

  it('logs at start that the API is enabled without a token', async () => {
    const tokenless = await Harness.start({ externalApi: { enabled: true } });
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    try {
      const app = await buildApp(tokenless.runtime, { logger: { level: 'warn', stream } });
      await app.ready();
      await app.close();
      expect(lines.join('')).toMatch(/EXTERNAL_API_ACCESS_TOKEN/);
    } finally {
      await tokenless.close();
    }
  });
});

describe('error body', () => {
  it('has ToolJet\'s shape for an unknown route, a malformed body and a core error', async () => {
    expectTjError(await ext('GET', '/api/ext/nothing-here'), 404);
    expectTjError(await ext('GET', `/api/ext/user/${UNKNOWN_ID}?x=1`), 404);
    const broken = await h.ext('POST', '/api/ext/users', { headers: { 'content-type': 'application/json' }, body: '{"name": ' });
    expectTjError(broken, 400);
  });

  it('lists every validation failure as a readable sentence', async () => {
    const messages = expectValidation(await ext('POST', '/api/ext/users', {}), 'name should not be empty', 'email should not be empty');
    expect(messages.length).toBeGreaterThanOrEqual(3);
    expect(messages.some((message) => message.startsWith('workspaces '))).toBe(true);

    expectValidation(await ext('POST', '/api/ext/users', { name: 'A B', email: 'not-an-email', workspaces: [] }), 'email must be an email');
    const empty = expectValidation(await ext('POST', '/api/ext/users', { name: '', email: nextEmail(), workspaces: [] }));
    expect(empty.some((message) => message.startsWith('name '))).toBe(true);
    expectValidation(await ext('POST', '/api/ext/users', { name: 'A B', email: nextEmail(), workspaces: 'team-spac' }), 'workspaces must be an array');
    expectValidation(
      await ext('POST', '/api/ext/users', { name: 'A B', email: nextEmail(), workspaces: [{ id: teamId, groups: [{ id: 'nope' }] }] }),
      'workspaces.0.groups.0.id must be a UUID',
    );
    expectValidation(
      await ext('POST', '/api/ext/users', { name: 'A B', email: nextEmail(), password: 'abcd', workspaces: [] }),
      'password must be longer than or equal to 5 characters',
    );
    expectValidation(
      await ext('POST', '/api/ext/users', { name: 'A B', email: nextEmail(), password: 'x'.repeat(101), workspaces: [] }),
      'password must be shorter than or equal to 100 characters',
    );
    expectValidation(
      await ext('POST', '/api/ext/users', { email: 'bad', password: 'abc', workspaces: [] }),
      'name should not be empty', 'email must be an email', 'password must be longer than or equal to 5 characters',
    );
    const status = expectValidation(await ext('POST', '/api/ext/users', { name: 'A B', email: nextEmail(), status: 'deleted', workspaces: [] }));
    expect(status.some((message) => message.startsWith('status ') && message.includes('active'))).toBe(true);
    const role = expectValidation(await ext('POST', '/api/ext/users', {
      name: 'A B', email: nextEmail(), workspaces: [{ name: 'team-spac', role: 'owner' }],
    }));
    expect(role.some((message) => message.includes('role'))).toBe(true);
  });

  it('answers 422 for a malformed UUID in the path', async () => {
    for (const [method, url, body] of [
      ['GET', '/api/ext/user/not-a-uuid'],
      ['PATCH', '/api/ext/user/not-a-uuid', { name: 'X Y' }],
      ['PUT', '/api/ext/user/not-a-uuid/workspaces', []],
      ['PATCH', `/api/ext/user/not-a-uuid/workspace/${teamId}`, { status: 'active' }],
      ['PATCH', `/api/ext/user/${UNKNOWN_ID}/workspace/not-a-uuid`, { status: 'active' }],
      ['PATCH', `/api/ext/user/${UNKNOWN_ID}/workspaces/123`, { status: 'active' }],
      ['PUT', '/api/ext/update-user-role/workspace/not-a-uuid', { newRole: 'admin', userId: UNKNOWN_ID }],
    ] as Array<[Method, string, unknown?]>) {
      const error = expectTjError(await ext(method, url, body), 422);
      expect(String(error.message)).toMatch(/uuid/i);
    }
  });
});

describe('GET /api/ext/users and /api/ext/user/:id', () => {
  it('lists every user in the user schema, the bootstrap admin included', async () => {
    const users = await listUsers();
    const admin = users.find((user) => user.email === ADMIN_EMAIL);
    expect(admin).toBeDefined();
    expect(membershipIn(admin!, h.defaultWorkspaceId)).toMatchObject({ role: 'admin', status: 'active', inviteUrl: null });
  });

  it('filters by group_names (any of a comma-separated list) and by status', async () => {
    const filterA = await createGroup(teamId, 'filter-a');
    const filterB = await createGroup(demoId, 'filter-b');
    const inA = await createUser({ status: 'active', workspaces: [{ id: teamId, groups: [{ name: 'filter-a' }] }] });
    const inB = await createUser({ workspaces: [{ id: demoId, groups: [{ id: filterB.uuid }] }] });
    const inBoth = await createUser({
      status: 'archived',
      workspaces: [{ id: teamId, groups: [{ id: filterA.uuid }] }, { id: demoId, groups: [{ name: 'filter-b' }] }],
    });
    const inNeither = await createUser({ status: 'active', workspaces: [{ id: teamId }] });

    const ids = (users: TjUser[]) => users.map((user) => user.id).sort();
    expect(ids(await listUsers('?group_names=filter-a'))).toEqual([inA.id, inBoth.id].sort());
    expect(ids(await listUsers('?group_names=filter-b'))).toEqual([inB.id, inBoth.id].sort());
    expect(ids(await listUsers('?group_names=filter-a,filter-b'))).toEqual([inA.id, inB.id, inBoth.id].sort());
    expect(ids(await listUsers('?group_names=filter-a,filter-b&status=active'))).toEqual([inA.id]);
    expect(ids(await listUsers('?group_names=filter-a,filter-b&status=invited,archived'))).toEqual([inB.id, inBoth.id].sort());
    expect(await listUsers('?group_names=no-such-group')).toEqual([]);
    // Roles are groups in ToolJet: filtering by a role name finds the members holding it.
    const admins = await listUsers('?group_names=admin');
    expect(admins.map((user) => user.email)).toContain(ADMIN_EMAIL);
    expect(ids(admins)).not.toContain(inA.id);
    expect(admins.every((user) => user.workspaces.some((membership) => membership.role === 'admin'))).toBe(true);

    const active = await listUsers('?status=active');
    expect(active.every((user) => user.status === 'active')).toBe(true);
    expect(ids(active)).toEqual(expect.arrayContaining([inA.id, inNeither.id]));
    const invited = await listUsers('?status=invited');
    expect(invited.every((user) => user.status === 'invited')).toBe(true);
    expect(ids(invited)).toContain(inB.id);
    const either = ids(await listUsers('?status=active,invited'));
    expect(either).toEqual(expect.arrayContaining([inA.id, inB.id, inNeither.id]));
    expect(either).not.toContain(inBoth.id);

    expectValidation(await ext('GET', '/api/ext/users?status=deleted'));
  });

  it('gets a user by id, by upper-case id and by email in any case', async () => {
    const email = nextEmail('Mixed.Case');
    const created = await createUser({ email, workspaces: [{ id: teamId }] });
    expect(await getUser(created.id)).toEqual(created);
    expect(await getUser(created.id.toUpperCase())).toEqual(created);
    expect(await getUser(email)).toEqual(created);
    expect(await getUser(email.toUpperCase())).toEqual(created);
    expect(await getUser(email.toLowerCase())).toEqual(created);
  });

  it('answers 404 for an unknown id or email', async () => {
    expectTjError(await ext('GET', `/api/ext/user/${UNKNOWN_ID}`), 404);
    expectTjError(await ext('GET', '/api/ext/user/nobody@nowhere.test'), 404);
  });
});

describe('POST /api/ext/users', () => {
  it('refuses the seed example as published (all_users is a role, not a custom group) and creates nothing', async () => {
    const before = await counts();
    expectTjError(await ext('POST', '/api/ext/users', SEED_CREATE_BODY), 400);
    expect(await counts()).toEqual(before);
    expectTjError(await ext('GET', '/api/ext/user/alice@example.com'), 404);
  });

  it('creates the seed example with a custom group: 201 and the full user object', async () => {
    const response = await ext('POST', '/api/ext/users', {
      ...SEED_CREATE_BODY,
      workspaces: [{ name: 'team-spac', status: 'active', groups: [{ name: 'engineering' }] }],
    });
    expect(response.statusCode, response.body).toBe(201);
    const user = expectUser(response.json());
    expect(user).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Alice Johnson',
      email: 'alice@example.com',
      status: 'active',
      defaultOrganizationId: teamId,
      workspaces: [{
        id: teamId, name: 'team-spac', status: 'active', role: 'end-user', groups: [ref(groups.teamEngineering!)], inviteUrl: null,
      }],
      userGroups: [ref(groups.teamEngineering!)],
    });
    expect(await getUser(user.id)).toEqual(user);

    const row = await userRow('alice@example.com');
    expect(row).toMatchObject({ first_name: 'Alice', last_name: 'Johnson', status: 'active' });
    expect(row!.password_hash).toMatch(/^scrypt\$/);
    expect(row!.password_hash).not.toContain(SEED_CREATE_BODY.password);
    expect(JSON.stringify(row)).not.toContain(SEED_CREATE_BODY.password);
    expect(response.body).not.toContain(SEED_CREATE_BODY.password);
    expect(response.body).not.toContain('scrypt');
  });

  it('defaults the user and membership status to invited, with a stable invitation link', async () => {
    const user = await createUser({ name: 'Ivy Invited', workspaces: [{ id: demoId }] });
    expect(user.status).toBe('invited');
    const membership = membershipIn(user, demoId)!;
    expect(membership).toMatchObject({ status: 'invited', role: 'end-user', groups: [] });
    expect(membership.inviteUrl).toMatch(INVITE_URL);
    expect(membershipIn(await getUser(user.id), demoId)!.inviteUrl).toBe(membership.inviteUrl);
    const listed = (await listUsers()).find((item) => item.id === user.id)!;
    expect(membershipIn(listed, demoId)!.inviteUrl).toBe(membership.inviteUrl);
    expect((await userRow(user.email))!.status).toBe('invited');
  });

  it('stores no password when none is given, and a scrypt hash when one is', async () => {
    const user = await createUser({ workspaces: [{ id: teamId }] });
    expect((await userRow(user.email))!.password_hash).toBeNull();
    const withPassword = await createUser({ password: 'qwy@4xt123', workspaces: [{ id: teamId }] });
    expect((await userRow(withPassword.email))!.password_hash).toMatch(/^scrypt\$/);
  });

  it('matches a workspace by id or by exact name, and groups by id or name', async () => {
    const user = await createUser({
      workspaces: [
        { id: demoId, status: 'active', groups: [{ id: groups.demoOps!.uuid }, { name: 'engineering' }] },
        { name: 'team-spac', groups: [{ id: groups.teamSupport!.uuid }] },
      ],
    });
    expect(user.defaultOrganizationId).toBe(demoId);
    expect(membershipIn(user, demoId)).toMatchObject({ name: 'demo-workspace', status: 'active', inviteUrl: null });
    expect(membershipIn(user, demoId)!.groups.map((group) => group.id).sort())
      .toEqual([groups.demoOps!.uuid, groups.demoEngineering!.uuid].sort());
    expect(membershipIn(user, teamId)).toMatchObject({ name: 'team-spac', status: 'invited', groups: [ref(groups.teamSupport!)] });
    expect(user.userGroups).toHaveLength(3);
  });

  it.each([
    [undefined, 'end-user', 'end-user'],
    ['end-user', 'end-user', 'end-user'],
    ['viewer', 'end-user', 'end-user'],
    ['builder', 'developer', 'builder'],
    ['developer', 'developer', 'builder'],
    ['admin', 'admin', 'admin'],
  ])('role %s is shown as %s and stored as %s', async (role, shown, stored) => {
    const user = await createUser({ workspaces: [{ id: thirdId, ...(role ? { role } : {}) }] });
    expect(membershipIn(user, thirdId)!.role).toBe(shown);
    expect((await membershipRows(user.id))[0]!.role).toBe(stored);
  });

  it('writes the name as "first last", a single word as it is', async () => {
    const one = await createUser({ name: 'Cher', workspaces: [] });
    expect(one.name).toBe('Cher');
    const three = await createUser({ name: 'Mary Ann Evans', workspaces: [] });
    expect(three.name).toBe('Mary Ann Evans');
    expect(await userRow(three.email)).toMatchObject({ first_name: 'Mary', last_name: 'Ann Evans' });
  });

  it('refuses a taken email, in any case, with 400 and creates nothing', async () => {
    const email = nextEmail('taken');
    const first = await createUser({ email, workspaces: [{ id: teamId }] });
    const before = await counts();
    expectTjError(await ext('POST', '/api/ext/users', { name: 'Again', email, workspaces: [{ id: demoId }] }), 400,
      `User with email ${email} already exists`);
    expectTjError(await ext('POST', '/api/ext/users', { name: 'Again', email: email.toUpperCase(), workspaces: [] }), 400,
      /already exists/);
    expect(await counts()).toEqual(before);
    expect(await getUser(first.id)).toEqual(first);
  });

  it.each<[string, () => unknown[]]>([
    ['an unknown workspace name', () => [{ name: 'no-such-workspace' }]],
    ['an unknown workspace id', () => [{ id: UNKNOWN_ID }]],
    ['a workspace with neither id nor name', () => [{ status: 'active' }]],
    ['the workspace name in another case', () => [{ name: 'Team-Spac' }]],
    ['an unknown group name', () => [{ id: teamId, groups: [{ name: 'no-such-group' }] }]],
    ['an unknown group id', () => [{ id: teamId, groups: [{ id: UNKNOWN_ID }] }]],
    ['a group of another workspace', () => [{ id: teamId, groups: [{ id: groups.demoOps!.uuid }] }]],
    ['a group named only in another workspace', () => [{ id: teamId, groups: [{ name: 'ops' }] }]],
    ['the role name all_users as a group', () => [{ id: teamId, groups: [{ name: 'all_users' }] }]],
    ['the role name admin as a group', () => [{ id: teamId, groups: [{ name: 'admin' }] }]],
    ['the role name end-user as a group', () => [{ id: teamId, groups: [{ name: 'end-user' }] }]],
    ['a bad group in the second workspace', () => [{ id: teamId, groups: [{ name: 'engineering' }] }, { id: demoId, groups: [{ name: 'nope' }] }]],
    ['an unknown third workspace', () => [{ id: teamId }, { id: demoId }, { name: 'nowhere' }]],
    ['the same workspace twice', () => [{ id: teamId }, { id: teamId }]],
    ['an active membership for an archived user', () => [{ id: teamId, status: 'active' }]],
  ])('refuses %s with 400 and creates nothing', async (label, workspaces) => {
    const email = nextEmail('refused');
    const before = await counts();
    const status = label.includes('archived user') ? 'archived' : 'active';
    expectTjError(await ext('POST', '/api/ext/users', { name: 'Refused User', email, status, workspaces: workspaces() }), 400);
    expect(await counts()).toEqual(before);
    expect(await userRow(email)).toBeUndefined();
  });
});

describe('PATCH /api/ext/user/:id', () => {
  it('applies the seed example (name and email) and answers the user object', async () => {
    const user = await createUser({ name: 'Alice Smith', email: nextEmail('alice'), workspaces: [{ id: teamId }] });
    const email = nextEmail('allen');
    const response = await ext('PATCH', `/api/ext/user/${user.id}`, { name: 'Allen Johnson', email });
    expect(response.statusCode, response.body).toBe(200);
    const updated = expectUser(response.json());
    expect(updated).toEqual({ ...user, name: 'Allen Johnson', email });
    expect(await getUser(email)).toEqual(updated);
    expectTjError(await ext('GET', `/api/ext/user/${user.email}`), 404);
  });

  it('finds the user by email too', async () => {
    const user = await createUser({ workspaces: [] });
    const response = await ext('PATCH', `/api/ext/user/${user.email.toUpperCase()}`, { name: 'By Email' });
    expect(response.statusCode, response.body).toBe(200);
    expect(expectUser(response.json())).toMatchObject({ id: user.id, name: 'By Email' });
  });

  it('changes the password, stored hashed, and validates its length', async () => {
    const user = await createUser({ password: 'first-password', workspaces: [] });
    const before = (await userRow(user.email))!.password_hash;
    const response = await ext('PATCH', `/api/ext/user/${user.id}`, { password: 'second-password' });
    expect(response.statusCode, response.body).toBe(200);
    const after = (await userRow(user.email))!.password_hash!;
    expect(after).toMatch(/^scrypt\$/);
    expect(after).not.toBe(before);
    expect(after).not.toContain('second-password');
    expectValidation(await ext('PATCH', `/api/ext/user/${user.id}`, { password: 'abc' }), 'password must be longer than or equal to 5 characters');
    expectValidation(await ext('PATCH', `/api/ext/user/${user.id}`, { email: 'nope' }), 'email must be an email');
    expect((await userRow(user.email))!.password_hash).toBe(after);
  });

  it('refuses an email another user has (400) and changes nothing', async () => {
    const other = await createUser({ workspaces: [] });
    const user = await createUser({ name: 'Keeps Name', workspaces: [] });
    expectTjError(await ext('PATCH', `/api/ext/user/${user.id}`, { name: 'New Name', email: other.email.toUpperCase() }), 400, /already exists/);
    expect(await getUser(user.id)).toEqual(user);
  });

  it('archives the user and every membership with status archived', async () => {
    const user = await createUser({
      status: 'active',
      workspaces: [{ id: teamId, status: 'active', role: 'builder' }, { id: demoId, status: 'invited' }, { id: thirdId, status: 'active' }],
    });
    const response = await ext('PATCH', `/api/ext/user/${user.id}`, { status: 'archived' });
    expect(response.statusCode, response.body).toBe(200);
    const archived = expectUser(response.json());
    expect(archived.status).toBe('archived');
    expect(archived.workspaces.map((membership) => membership.status)).toEqual(['archived', 'archived', 'archived']);
    expect(archived.workspaces.map((membership) => membership.role).sort()).toEqual(['developer', 'end-user', 'end-user']);
    expect((await membershipRows(user.id)).map((row) => row.status)).toEqual(['archived', 'archived', 'archived']);
    expect((await userRow(user.email))!.status).toBe('archived');
  });

  it('refuses to archive the last active admin of a workspace and changes nothing', async () => {
    // Named to sort after team-spac, so the refusal comes after another membership was archived.
    const lonely = await h.services.workspaces.create('zz-lonely-admin');
    const user = await createUser({ status: 'active', workspaces: [{ id: teamId, status: 'active' }, { id: lonely, role: 'admin', status: 'active' }] });
    expectTjError(await ext('PATCH', `/api/ext/user/${user.id}`, { status: 'archived' }), 400, 'Can not remove last active admin');
    expect(await getUser(user.id)).toEqual(user);
  });

  it('sets defaultOrganizationId to a workspace of the user, and refuses any other', async () => {
    const user = await createUser({ workspaces: [{ id: teamId }, { id: demoId }] });
    expect(user.defaultOrganizationId).toBe(teamId);
    const response = await ext('PATCH', `/api/ext/user/${user.id}`, { defaultOrganizationId: demoId });
    expect(response.statusCode, response.body).toBe(200);
    expect(expectUser(response.json()).defaultOrganizationId).toBe(demoId);

    expectTjError(await ext('PATCH', `/api/ext/user/${user.id}`, { defaultOrganizationId: thirdId }), 400);
    expectTjError(await ext('PATCH', `/api/ext/user/${user.id}`, { defaultOrganizationId: UNKNOWN_ID }), 400);
    expectValidation(await ext('PATCH', `/api/ext/user/${user.id}`, { defaultOrganizationId: 'nope' }));
    expect((await getUser(user.id)).defaultOrganizationId).toBe(demoId);
  });

  it('answers 404 for an unknown user', async () => {
    expectTjError(await ext('PATCH', `/api/ext/user/${UNKNOWN_ID}`, { name: 'Nobody' }), 404);
    expectTjError(await ext('PATCH', '/api/ext/user/nobody@nowhere.test', { name: 'Nobody' }), 404);
  });
});

describe('GET /api/ext/workspaces', () => {
  it('lists active workspaces with their custom groups; an archived one is absent', async () => {
    const archivedId = await h.services.workspaces.create('archived-workspace');
    await createGroup(archivedId, 'hidden');
    await db().updateTable('workspaces').set({ status: 'archived' }).where('id', '=', archivedId).execute();

    const response = await ext('GET', '/api/ext/workspaces');
    expect(response.statusCode, response.body).toBe(200);
    const workspaces = response.json() as TjWorkspace[];
    for (const workspace of workspaces) {
      expect(Object.keys(workspace).sort()).toEqual(['groups', 'id', 'name', 'status']);
      expect(workspace.status).toBe('active');
    }
    const byId = new Map(workspaces.map((workspace) => [workspace.id, workspace]));
    expect(byId.has(archivedId)).toBe(false);
    expect(byId.get(h.defaultWorkspaceId)).toEqual({ id: h.defaultWorkspaceId, name: 'Default', status: 'active', groups: [] });
    expect(byId.get(teamId)).toMatchObject({ name: 'team-spac', status: 'active' });
    expect(byId.get(teamId)!.groups).toEqual(expect.arrayContaining([ref(groups.teamEngineering!), ref(groups.teamSupport!)]));
    expect(byId.get(demoId)!.groups).toEqual(expect.arrayContaining([ref(groups.demoEngineering!), ref(groups.demoOps!)]));
    expect(byId.get(teamId)!.groups.map((group) => group.id)).not.toContain(groups.demoOps!.uuid);
    for (const group of workspaces.flatMap((workspace) => workspace.groups)) {
      expect(['admin', 'builder', 'end-user', 'all_users']).not.toContain(group.name);
    }
  });
});

describe('PUT /api/ext/update-user-role/workspace/:workspaceId', () => {
  const setRole = (workspaceId: string, body: Record<string, unknown>) =>
    ext('PUT', `/api/ext/update-user-role/workspace/${workspaceId}`, body);

  it('changes the role, naming the user by userId or by email in any case', async () => {
    const rolesId = await h.services.workspaces.create('roles');
    await createUser({ status: 'active', workspaces: [{ id: rolesId, role: 'admin', status: 'active' }] });
    const user = await createUser({ status: 'active', workspaces: [{ id: rolesId, status: 'active' }, { id: demoId }] });
    const promoted = await setRole(rolesId, { newRole: 'admin', userId: user.id });
    expect(promoted.statusCode, promoted.body).toBe(200);
    expect(membershipIn(expectUser(promoted.json()), rolesId)!.role).toBe('admin');
    expect(membershipIn(promoted.json() as TjUser, demoId)!.role).toBe('end-user');

    const builder = await setRole(rolesId, { newRole: 'builder', email: user.email.toUpperCase() });
    expect(builder.statusCode, builder.body).toBe(200);
    expect(membershipIn(expectUser(builder.json()), rolesId)!.role).toBe('developer');
    expect((await membershipRows(user.id)).find((row) => row.workspace_id === rolesId)!.role).toBe('builder');

    const viewer = await setRole(rolesId, { newRole: 'viewer', userId: user.id });
    expect(viewer.statusCode, viewer.body).toBe(200);
    expect(membershipIn(expectUser(viewer.json()), rolesId)!.role).toBe('end-user');

    const developer = await setRole(rolesId, { newRole: 'developer', email: user.email });
    expect(developer.statusCode, developer.body).toBe(200);
    expect(membershipIn(expectUser(developer.json()), rolesId)!.role).toBe('developer');
    expect(membershipIn(await getUser(user.id), demoId)!.role).toBe('end-user');
  });

  it('treats the same role as a no-op', async () => {
    const user = await createUser({ workspaces: [{ id: teamId, role: 'developer' }] });
    const before = await membershipRows(user.id);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const response = await setRole(teamId, { newRole: 'builder', userId: user.id });
    expect(response.statusCode, response.body).toBe(200);
    expect(expectUser(response.json())).toEqual(user);
    expect(await membershipRows(user.id)).toEqual(before);
  });

  it('answers 400 for a user outside the workspace, 404 for an unknown user', async () => {
    const user = await createUser({ workspaces: [{ id: teamId }] });
    expectTjError(await setRole(demoId, { newRole: 'admin', userId: user.id }), 400);
    expectTjError(await setRole(demoId, { newRole: 'admin', email: user.email }), 400);
    expectTjError(await setRole(teamId, { newRole: 'admin', email: 'nobody@nowhere.test' }), 404);
    expectTjError(await setRole(teamId, { newRole: 'admin', userId: UNKNOWN_ID }), 404);
    expect(await membershipRows(user.id)).toHaveLength(1);
  });

  it('validates the body: a role name, a userId or an email', async () => {
    const user = await createUser({ workspaces: [{ id: teamId }] });
    expectValidation(await setRole(teamId, { newRole: 'owner', userId: user.id }));
    expectValidation(await setRole(teamId, { userId: user.id }));
    expectValidation(await setRole(teamId, { newRole: 'admin', email: 'not-an-email' }), 'email must be an email');
    expectTjError(await setRole(teamId, { newRole: 'admin' }), 400);
    expect((await getUser(user.id)).workspaces[0]!.role).toBe('end-user');
  });

  it('refuses to demote the last active admin (400 Can not remove last active admin)', async () => {
    const workspaceId = await h.services.workspaces.create('one-admin');
    const first = await createUser({ status: 'active', workspaces: [{ id: workspaceId, role: 'admin', status: 'active' }] });
    for (const newRole of ['builder', 'developer', 'end-user', 'viewer']) {
      expectTjError(await setRole(workspaceId, { newRole, userId: first.id }), 400, 'Can not remove last active admin');
    }
    expect(membershipIn(await getUser(first.id), workspaceId)!.role).toBe('admin');

    const invitedAdmin = await createUser({ workspaces: [{ id: workspaceId, role: 'admin' }] });
    expectTjError(await setRole(workspaceId, { newRole: 'builder', userId: first.id }), 400, 'Can not remove last active admin');
    expect(membershipIn(await getUser(invitedAdmin.id), workspaceId)!.status).toBe('invited');

    const second = await createUser({ status: 'active', workspaces: [{ id: workspaceId, role: 'admin', status: 'active' }] });
    const demoted = await setRole(workspaceId, { newRole: 'builder', userId: first.id });
    expect(demoted.statusCode, demoted.body).toBe(200);
    expectTjError(await setRole(workspaceId, { newRole: 'end-user', email: second.email }), 400, 'Can not remove last active admin');
  });

  it('refuses to make an app creator an end user, naming the apps', async () => {
    const workspaceId = await h.services.workspaces.create('app-owners');
    const creator = await createUser({ status: 'active', workspaces: [{ id: workspaceId, role: 'developer', status: 'active' }] });
    // A token bound to a workspace the user is already a member of leaves the user's memberships alone.
    const before = await membershipRows(creator.id);
    const token = await h.token(['*'], { email: creator.email, workspaceId });
    expect(await membershipRows(creator.id)).toEqual(before);
    for (const name of ['Payroll', 'Inventory']) {
      const app = await h.request('POST', '/api/v1/apps', { token, body: { name } });
      expect(app.statusCode, app.body).toBe(201);
      expect(app.json().createdBy).toBe(creator.email);
    }

    for (const newRole of ['end-user', 'viewer']) {
      const error = expectTjError(await setRole(workspaceId, { newRole, userId: creator.id }), 400);
      expect(error.message).toContain('Payroll');
      expect(error.message).toContain('Inventory');
    }
    const replaced = expectTjError(await ext('PUT', `/api/ext/user/${creator.id}/workspaces`, [{ id: workspaceId, role: 'end-user' }]), 400);
    expect(replaced.message).toContain('Payroll');
    expect(membershipIn(await getUser(creator.id), workspaceId)!.role).toBe('developer');
    const admin = await setRole(workspaceId, { newRole: 'admin', email: creator.email });
    expect(admin.statusCode, admin.body).toBe(200);
    expect(membershipIn(expectUser(admin.json()), workspaceId)!.role).toBe('admin');
  });

  it('answers 400 for an unknown workspace', async () => {
    const user = await createUser({ workspaces: [{ id: teamId }] });
    expectTjError(await setRole(UNKNOWN_ID, { newRole: 'admin', userId: user.id }), 400);
  });
});

describe('PUT /api/ext/user/:id/workspaces', () => {
  const replace = (id: string, body: unknown) => ext('PUT', `/api/ext/user/${id}/workspaces`, body);

  it('replaces every membership and custom group of the user', async () => {
    const user = await createUser({
      status: 'active',
      workspaces: [{ id: teamId, groups: [{ name: 'engineering' }, { name: 'support' }] }, { id: demoId, groups: [{ name: 'ops' }] }],
    });
    const response = await replace(user.id, [
      { id: demoId, role: 'admin', status: 'active', groups: [{ name: 'engineering' }] },
      { name: 'third', role: 'developer' },
    ]);
    expect(response.statusCode, response.body).toBe(200);
    const replaced = expectUser(response.json());
    expect(replaced.workspaces.map((membership) => membership.id).sort()).toEqual([demoId, thirdId].sort());
    expect(membershipIn(replaced, demoId)).toMatchObject({ role: 'admin', status: 'active', groups: [ref(groups.demoEngineering!)], inviteUrl: null });
    expect(membershipIn(replaced, thirdId)).toMatchObject({ role: 'developer', status: 'invited', groups: [] });
    expect(replaced.userGroups).toEqual([ref(groups.demoEngineering!)]);
    expect(replaced.defaultOrganizationId).toBeDefined();
    expect([demoId, thirdId]).toContain(replaced.defaultOrganizationId);
    expect((await membershipRows(user.id)).map((row) => row.workspace_id).sort()).toEqual([demoId, thirdId].sort());
    expect(await groupUuidsOf(user.id)).toEqual([groups.demoEngineering!.uuid]);
    expect(await getUser(user.id)).toEqual(replaced);
  });

  it('clears the custom groups of a listed workspace whose entry gives none', async () => {
    const user = await createUser({ workspaces: [{ id: teamId, groups: [{ name: 'engineering' }] }] });
    const response = await replace(user.id, [{ id: teamId }]);
    expect(response.statusCode, response.body).toBe(200);
    expect(membershipIn(expectUser(response.json()), teamId)!.groups).toEqual([]);
    expect(await groupUuidsOf(user.id)).toEqual([]);
  });

  it('removes the user from every workspace with []', async () => {
    const user = await createUser({ workspaces: [{ id: teamId, groups: [{ name: 'support' }] }, { id: demoId }] });
    const response = await replace(user.email, []);
    expect(response.statusCode, response.body).toBe(200);
    const emptied = expectUser(response.json());
    expect(emptied.workspaces).toEqual([]);
    expect(emptied.userGroups).toEqual([]);
    expect(emptied.defaultOrganizationId).toBeUndefined();
    expect(await membershipRows(user.id)).toEqual([]);
    expect(await groupUuidsOf(user.id)).toEqual([]);
    expect(await getUser(user.id)).toEqual(emptied);
  });

  it('refuses an active membership for an archived user and changes nothing', async () => {
    const user = await createUser({ status: 'archived', workspaces: [{ id: teamId, groups: [{ name: 'engineering' }] }] });
    const before = await membershipRows(user.id);
    expectTjError(await replace(user.id, [{ id: teamId, status: 'active' }]), 400);
    expectTjError(await replace(user.id, [{ id: demoId }, { id: thirdId, status: 'active' }]), 400);
    expect(await membershipRows(user.id)).toEqual(before);
    expect(await getUser(user.id)).toEqual(user);
  });

  it.each<[string, () => object]>([
    ['an unknown group', () => ({ id: teamId, groups: [{ name: 'no-such-group' }] })],
    ['a role name as a group', () => ({ id: teamId, groups: [{ name: 'all_users' }] })],
    ['an unknown workspace', () => ({ name: 'nowhere' })],
    ['a repeated workspace', () => ({ id: demoId })],
  ])('changes nothing when an entry in the middle has %s', async (_label, bad) => {
    const user = await createUser({ workspaces: [{ id: teamId, groups: [{ name: 'support' }] }, { id: demoId, groups: [{ name: 'ops' }] }] });
    const before = { memberships: await membershipRows(user.id), groups: await groupUuidsOf(user.id) };
    expectTjError(await replace(user.id, [
      { id: demoId, role: 'admin', status: 'active', groups: [] },
      bad(),
      { id: thirdId, role: 'developer' },
    ]), 400);
    expect({ memberships: await membershipRows(user.id), groups: await groupUuidsOf(user.id) }).toEqual(before);
    expect(await getUser(user.id)).toEqual(user);
  });

  it('refuses to remove the last active admin of a workspace', async () => {
    const workspaceId = await h.services.workspaces.create('keep-an-admin');
    const user = await createUser({ status: 'active', workspaces: [{ id: workspaceId, role: 'admin', status: 'active' }] });
    expectTjError(await replace(user.id, []), 400, 'Can not remove last active admin');
    expectTjError(await replace(user.id, [{ id: workspaceId, role: 'end-user' }]), 400, 'Can not remove last active admin');
    expect(await getUser(user.id)).toEqual(user);
  });

  it('answers 404 for an unknown user and 400 for a body that is not a list', async () => {
    expectTjError(await replace(UNKNOWN_ID, []), 404);
    const user = await createUser({ workspaces: [] });
    expectValidation(await replace(user.id, { id: teamId }));
  });
});

describe('PATCH /api/ext/user/:id/workspace/:workspaceId', () => {
  it.each(['workspace', 'workspaces'])('changes status and replaces groups exactly through /%s/', async (segment) => {
    const user = await createUser({ status: 'active', workspaces: [{ id: teamId, role: 'developer', groups: [{ name: 'engineering' }] }] });
    const url = `/api/ext/user/${user.id}/${segment}/${teamId}`;

    const activated = await ext('PATCH', url, { status: 'active' });
    expect(activated.statusCode, activated.body).toBe(200);
    expect(membershipIn(expectUser(activated.json()), teamId)).toMatchObject({
      status: 'active', role: 'developer', groups: [ref(groups.teamEngineering!)], inviteUrl: null,
    });

    const regrouped = await ext('PATCH', url, { groups: [{ name: 'support' }] });
    expect(regrouped.statusCode, regrouped.body).toBe(200);
    expect(membershipIn(expectUser(regrouped.json()), teamId)).toMatchObject({ status: 'active', groups: [ref(groups.teamSupport!)] });
    expect(await groupUuidsOf(user.id)).toEqual([groups.teamSupport!.uuid]);

    const both = await ext('PATCH', url, { groups: [{ id: groups.teamEngineering!.uuid }, { name: 'support' }] });
    expect(both.statusCode, both.body).toBe(200);
    expect(membershipIn(expectUser(both.json()), teamId)!.groups.map((group) => group.id).sort())
      .toEqual([groups.teamEngineering!.uuid, groups.teamSupport!.uuid].sort());

    const cleared = await ext('PATCH', url, { status: 'archived', groups: [] });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(membershipIn(expectUser(cleared.json()), teamId)).toMatchObject({ status: 'archived', role: 'developer', groups: [] });
    expect(await groupUuidsOf(user.id)).toEqual([]);
  });

  it('keeps the groups when groups is absent, and never changes the role', async () => {
    const user = await createUser({ workspaces: [{ id: teamId, role: 'end-user', groups: [{ name: 'support' }] }, { id: demoId, groups: [{ name: 'ops' }] }] });
    const response = await ext('PATCH', `/api/ext/user/${user.id}/workspace/${teamId}`, { status: 'active', role: 'admin' });
    expect(response.statusCode, response.body).toBe(200);
    const updated = expectUser(response.json());
    expect(membershipIn(updated, teamId)).toMatchObject({ status: 'active', role: 'end-user', groups: [ref(groups.teamSupport!)] });
    expect(membershipIn(updated, demoId)).toEqual(membershipIn(user, demoId));
    expect((await membershipRows(user.id)).find((row) => row.workspace_id === teamId)!.role).toBe('end-user');
  });

  it('refuses the seed example (all_users is a role) with 400 and changes nothing', async () => {
    const user = await createUser({ workspaces: [{ id: teamId, groups: [{ name: 'engineering' }] }] });
    expectTjError(await ext('PATCH', `/api/ext/user/${user.id}/workspaces/${teamId}`, { status: 'archived', groups: [{ name: 'all_users' }] }), 400);
    expectTjError(await ext('PATCH', `/api/ext/user/${user.id}/workspace/${teamId}`, { status: 'archived', groups: [{ name: 'ops' }] }), 400);
    expect(await getUser(user.id)).toEqual(user);
  });

  it('refuses an active membership for an archived user', async () => {
    const user = await createUser({ status: 'archived', workspaces: [{ id: teamId }] });
    expectTjError(await ext('PATCH', `/api/ext/user/${user.id}/workspace/${teamId}`, { status: 'active' }), 400);
    expect(await getUser(user.id)).toEqual(user);
  });

  it('answers 404 when there is no such membership or user', async () => {
    const user = await createUser({ workspaces: [{ id: teamId }] });
    expectTjError(await ext('PATCH', `/api/ext/user/${user.id}/workspace/${demoId}`, { status: 'active' }), 404);
    expectTjError(await ext('PATCH', `/api/ext/user/${user.id}/workspaces/${UNKNOWN_ID}`, { status: 'active' }), 404);
    expectTjError(await ext('PATCH', `/api/ext/user/${UNKNOWN_ID}/workspace/${teamId}`, { status: 'active' }), 404);
    expect(await membershipRows(user.id)).toHaveLength(1);
  });
});

describe('one core, two views', () => {
  it('reads a user created through /api/ext through /api/v1, with the same role and groups', async () => {
    const created = await createUser({
      name: 'Grace Hopper',
      status: 'active',
      workspaces: [
        { id: teamId, role: 'developer', status: 'active', groups: [{ name: 'engineering' }] },
        { id: demoId, role: 'admin', status: 'active' },
        { id: thirdId, role: 'viewer', status: 'active' },
      ],
    });
    const inTeam = await h.request('GET', `/api/v1/users/${created.id}`, { workspaceId: teamId });
    expect(inTeam.statusCode, inTeam.body).toBe(200);
    expect(inTeam.json()).toMatchObject({
      id: created.id, email: created.email, firstName: 'Grace', lastName: 'Hopper',
      isAdmin: false, isDisabled: false, userType: 'default',
      groups: [{ id: groups.teamEngineering!.id, name: 'engineering' }],
    });
    const inDemo = await h.request('GET', `/api/v1/users/${created.id}`, { workspaceId: demoId });
    expect(inDemo.json()).toMatchObject({ isAdmin: true, userType: 'default', groups: [] });
    const inThird = await h.request('GET', `/api/v1/users/${created.id}`, { workspaceId: thirdId });
    expect(inThird.json()).toMatchObject({ isAdmin: false, userType: 'endUser' });
    expect((await h.request('GET', `/api/v1/users/${created.id}`)).statusCode).toBe(404);

    const listed = await h.request('GET', '/api/v1/users?pageSize=100', { workspaceId: teamId });
    expect(listed.json().data.map((user: { id: string }) => user.id)).toContain(created.id);

    const archived = await ext('PATCH', `/api/ext/user/${created.id}/workspace/${teamId}`, { status: 'archived', groups: [] });
    expect(archived.statusCode, archived.body).toBe(200);
    const after = await h.request('GET', `/api/v1/users/${created.id}`, { workspaceId: teamId });
    expect(after.json()).toMatchObject({ isDisabled: true, isAdmin: false, userType: 'default', groups: [] });
  });

  it('shows a user created and changed through /api/v1 in /api/ext', async () => {
    // A standing admin, so the native user can later be demoted.
    await createUser({ status: 'active', workspaces: [{ id: teamId, role: 'admin', status: 'active' }] });
    const email = nextEmail('native');
    const native = await h.request('POST', '/api/v1/users', { workspaceId: teamId, body: { email, firstName: 'Ada', lastName: 'Lovelace', isAdmin: true } });
    expect(native.statusCode, native.body).toBe(201);
    const id = native.json().id as string;

    let user = await getUser(id);
    expect(user).toMatchObject({ id, name: 'Ada Lovelace', email, status: 'active' });
    expect(user.workspaces).toEqual([{ id: teamId, name: 'team-spac', status: 'active', role: 'admin', groups: [], inviteUrl: null }]);
    expect((await listUsers()).map((item) => item.id)).toContain(id);

    const added = await h.request('POST', `/api/v1/groups/${groups.teamSupport!.id}/members`, { workspaceId: teamId, body: { userId: id } });
    expect(added.statusCode, added.body).toBeLessThan(300);
    const demoted = await h.request('PUT', `/api/v1/users/${id}`, { workspaceId: teamId, body: { isAdmin: false, userType: 'endUser' } });
    expect(demoted.statusCode, demoted.body).toBe(200);
    user = await getUser(id);
    expect(membershipIn(user, teamId)).toMatchObject({ role: 'end-user', status: 'active', groups: [ref(groups.teamSupport!)] });
    expect((await listUsers('?group_names=support')).map((item) => item.id)).toContain(id);

    const promoted = await ext('PUT', `/api/ext/update-user-role/workspace/${teamId}`, { newRole: 'developer', userId: id });
    expect(promoted.statusCode, promoted.body).toBe(200);
    const again = await h.request('GET', `/api/v1/users/${id}`, { workspaceId: teamId });
    expect(again.json()).toMatchObject({ isAdmin: false, userType: 'default', groups: [{ id: groups.teamSupport!.id, name: 'support' }] });

    const disabled = await h.request('PUT', `/api/v1/users/${id}`, { workspaceId: teamId, body: { isDisabled: true } });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(membershipIn(await getUser(id), teamId)!.status).toBe('archived');
  });

  it('shows a membership that is not active with an invitation link, whichever API made it', async () => {
    const throughExt = await createUser({ status: 'active', workspaces: [{ id: thirdId, status: 'active' }] });
    const archivedExt = await ext('PATCH', `/api/ext/user/${throughExt.id}/workspace/${thirdId}`, { status: 'archived' });
    expect(membershipIn(expectUser(archivedExt.json()), thirdId)!.inviteUrl).toMatch(INVITE_URL);

    const native = await h.request('POST', '/api/v1/users', { workspaceId: thirdId, body: { email: nextEmail('native-archived') } });
    expect(native.statusCode, native.body).toBe(201);
    const id = native.json().id as string;
    const disabled = await h.request('PUT', `/api/v1/users/${id}`, { workspaceId: thirdId, body: { isDisabled: true } });
    expect(disabled.statusCode, disabled.body).toBe(200);
    // The issue: "inviteUrl is null for an active membership, else a link to accept the invitation".
    expect(membershipIn(await getUser(id), thirdId)).toMatchObject({ status: 'archived', inviteUrl: expect.stringMatching(INVITE_URL) });

    const reinvited = await ext('PATCH', `/api/ext/user/${id}/workspace/${thirdId}`, { status: 'invited' });
    expect(membershipIn(expectUser(reinvited.json()), thirdId)!.inviteUrl).toMatch(INVITE_URL);
  });
});

describe('ToolJet conventions', () => {
  it('finds every member with group_names=all_users, and builders with group_names=developer', async () => {
    const builder = await createUser({ workspaces: [{ id: thirdId, role: 'builder' }] });
    const viewer = await createUser({ workspaces: [{ id: thirdId, role: 'viewer' }] });
    const loner = await createUser({ workspaces: [] });
    const everyone = (await listUsers('?group_names=all_users')).map((user) => user.id);
    expect(everyone).toEqual(expect.arrayContaining([builder.id, viewer.id]));
    expect(everyone).not.toContain(loner.id);
    const developers = (await listUsers('?group_names=developer')).map((user) => user.id);
    expect(developers).toContain(builder.id);
    expect(developers).not.toContain(viewer.id);
  });

  it('refuses a blank name as an empty one', async () => {
    expectValidation(await ext('POST', '/api/ext/users', { name: '   ', email: nextEmail(), workspaces: [] }), 'name should not be empty');
    expectValidation(await ext('POST', '/api/ext/users', { name: '', email: nextEmail(), workspaces: [] }), 'name should not be empty');
  });

  it('serves paths with a trailing slash', async () => {
    const response = await ext('GET', '/api/ext/users/');
    expect(response.statusCode).toBe(200);
  });

  it('gives users made through /api/v1 a default workspace and an invite link once archived', async () => {
    const created = await h.request('POST', '/api/v1/users', { body: { email: nextEmail('native') }, workspaceId: thirdId });
    expect(created.statusCode).toBe(201);
    expect((await getUser(created.json().id)).defaultOrganizationId).toBe(thirdId);
    await h.request('PUT', `/api/v1/users/${created.json().id}`, { body: { isDisabled: true }, workspaceId: thirdId });
    expect(membershipIn(await getUser(created.json().id), thirdId)?.inviteUrl).toMatch(INVITE_URL);
  });
});

describe('accepting a ToolJet invite link', () => {
  it('activates the invited account and membership once, keeping role and groups', async () => {
    const invited = await createUser({ workspaces: [{ id: demoId, role: 'builder', groups: [{ name: 'ops' }] }] });
    const link = membershipIn(invited, demoId)!.inviteUrl!;
    expect(link).toMatch(INVITE_URL);
    const token = link.split('/invite/')[1]!;

    const page = await h.app.inject({ method: 'GET', url: `/invite/${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(invited.email);

    const accepted = await h.request('POST', '/api/v1/invites/accept', {
      token: null, body: { token, firstName: 'Ivy', lastName: 'Invited', password: 'correct horse battery' },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ userId: invited.id, workspaceId: demoId, role: 'builder' });

    const after = await getUser(invited.id);
    expect(after).toMatchObject({ status: 'active', name: 'Ivy Invited' });
    expect(membershipIn(after, demoId)).toMatchObject({ status: 'active', role: 'developer', inviteUrl: null, groups: [ref(groups.demoOps!)] });

    const again = await h.request('POST', '/api/v1/invites/accept', {
      token: null, body: { token, firstName: 'Ivy', lastName: 'Again', password: 'correct horse battery' },
    });
    expect(again.statusCode).toBe(404);
    expect((await getUser(invited.id)).name).toBe('Ivy Invited');
  });

  it('refuses a forged or altered link and changes nothing', async () => {
    const invited = await createUser({ workspaces: [{ id: demoId }] });
    const token = membershipIn(invited, demoId)!.inviteUrl!.split('/invite/')[1]!;
    const forged = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    const response = await h.request('POST', '/api/v1/invites/accept', {
      token: null, body: { token: forged, firstName: 'Mal', lastName: 'Lory', password: 'not my account' },
    });
    expect(response.statusCode).toBe(404);
    expect(membershipIn(await getUser(invited.id), demoId)?.status).toBe('invited');
  });
});
