import type { LightMyRequestResponse } from 'fastify';
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

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const UNKNOWN_GROUP_ID = 2_147_483_647;

type Role = 'admin' | 'builder' | 'end-user';
type Level = 'use' | 'edit' | 'own';
type ObjectType = 'app' | 'resource' | 'folder' | 'workflow';
type Subject = { type: 'user'; id: string } | { type: 'group'; id: number };
interface Ref { type: ObjectType; id: string }
interface Source { type: string; accessLevel: Level; groupId?: number; folderId?: string; role?: string }
interface Entry { accessLevel: Level; sources: Source[] }
interface UserEntry extends Entry { subject: { type: 'user'; id: string; email: string } }
interface GroupEntry extends Entry { subject: { type: 'group'; id: number; name: string } }
interface ObjectEntry extends Entry { type: ObjectType; id: string }

let counter = 0;
const next = (prefix: string) => `${prefix}-${++counter}`;

async function created(response: Promise<LightMyRequestResponse>, status = 201) {
  const answer = await response;
  expect(answer.statusCode, answer.body).toBe(status);
  return answer.json();
}

async function createUser(role: Role, workspaceId?: string): Promise<{ type: 'user'; id: string; email: string }> {
  const email = `${next(role)}@example.com`;
  const body = { email, isAdmin: role === 'admin', userType: role === 'end-user' ? 'endUser' : 'default' };
  const user = await created(h.request('POST', '/api/v1/users', { body, workspaceId }));
  return { type: 'user', id: user.id, email };
}

async function createGroup(memberIds: string[] = [], workspaceId?: string): Promise<{ type: 'group'; id: number; name: string }> {
  const group = await created(h.request('POST', '/api/v1/groups', { body: { name: next('group') }, workspaceId }));
  for (const userId of memberIds) await created(h.request('POST', `/api/v1/groups/${group.id}/members`, { body: { userId }, workspaceId }), 200);
  return { type: 'group', id: group.id, name: group.name };
}

async function createFolder(folderType: 'app' | 'resource' | 'workflow', parentFolderId?: string, workspaceId?: string): Promise<Ref> {
  const folder = await created(h.request('POST', '/api/v1/folders', { body: { name: next('folder'), folderType, parentFolderId }, workspaceId }));
  return { type: 'folder', id: folder.id };
}

async function createApp(folder?: Ref, workspaceId?: string): Promise<Ref> {
  const app = await created(h.request('POST', '/api/v1/apps', { body: { name: next('app'), folderId: folder?.id }, workspaceId }));
  return { type: 'app', id: app.id };
}

async function createResource(folder?: Ref, workspaceId?: string): Promise<Ref> {
  const body = { name: next('resource'), type: 'postgresql', folderId: folder?.id };
  return { type: 'resource', id: (await created(h.request('POST', '/api/v1/resources', { body, workspaceId }))).id };
}

async function createWorkflow(folder?: Ref, workspaceId?: string): Promise<Ref> {
  const body = { name: next('workflow'), folderId: folder?.id };
  return { type: 'workflow', id: (await created(h.request('POST', '/api/v1/workflows', { body, workspaceId }))).id };
}

const subjectOf = (subject: Subject) => ({ type: subject.type, id: subject.id });
const objectOf = (object: Ref) => ({ type: object.type, id: object.id });

function grantRequest(subject: Subject, object: Ref, accessLevel: Level, workspaceId?: string) {
  return h.request('POST', '/api/v1/permissions/grant', { body: { subject: subjectOf(subject), object: objectOf(object), accessLevel }, workspaceId });
}

async function grant(subject: Subject, object: Ref, accessLevel: Level, workspaceId?: string) {
  return created(grantRequest(subject, object, accessLevel, workspaceId), 200);
}

function revokeRequest(subject: Subject, object: Ref, workspaceId?: string) {
  return h.request('POST', '/api/v1/permissions/revoke', { body: { subject: subjectOf(subject), object: objectOf(object) }, workspaceId });
}

async function listObjects(subject: Subject, objectType: ObjectType, includeInherited?: boolean, workspaceId?: string): Promise<ObjectEntry[]> {
  const body = { subject: subjectOf(subject), objectType, ...(includeInherited === undefined ? {} : { includeInherited }) };
  const answer = await created(h.request('POST', '/api/v1/permissions/listObjects', { body, workspaceId }), 200);
  expect(answer.total).toBe(answer.data.length);
  return answer.data;
}

async function accessList(object: Ref, workspaceId?: string): Promise<{ users: UserEntry[]; groups: GroupEntry[] }> {
  return (await created(h.request('GET', `/api/v1/permissions/accessList/${object.type}/${object.id}`, { workspaceId }), 200)).data;
}

async function userEntry(object: Ref, userId: string): Promise<Entry | undefined> {
  const entry = (await accessList(object)).users.find((user) => user.subject.id === userId);
  return entry && { accessLevel: entry.accessLevel, sources: entry.sources };
}

async function grantRows(where: { objectId?: string; subjectId?: string }): Promise<number> {
  let query = h.runtime.database.db.selectFrom('permission_grants').select('id');
  if (where.objectId) query = query.where('object_id', '=', where.objectId);
  if (where.subjectId) query = query.where('subject_id', '=', where.subjectId);
  return (await query.execute()).length;
}

async function auditEvents(action: string) {
  return h.runtime.database.db.selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('id').execute();
}

const parsed = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);

describe('granting and revoking', () => {
  it('answers the grant; granting again replaces the level; each call records permission.granted', async () => {
    const user = await createUser('builder');
    const app = await createApp();
    const before = (await auditEvents('permission.granted')).length;
    const first = await grant(user, app, 'use');
    expect(first).toMatchObject({ subject: { type: 'user', id: user.id }, object: app, accessLevel: 'use' });
    expect(Object.keys(first).sort()).toEqual(['accessLevel', 'createdAt', 'object', 'subject', 'updatedAt']);
    const second = await grant(user, app, 'own');
    expect(second).toMatchObject({ accessLevel: 'own', createdAt: first.createdAt });
    expect(await grantRows({ objectId: app.id })).toBe(1);
    expect(await userEntry(app, user.id)).toEqual({ accessLevel: 'own', sources: [{ type: 'direct', accessLevel: 'own' }] });
    const events = (await auditEvents('permission.granted')).slice(before);
    expect(events).toHaveLength(2);
    expect(events[0]!.target_type).toBe('permission');
    expect(events[0]!.target_id).toBe(events[1]!.target_id);
    expect(parsed(events[1]!.changes)).toEqual({ subject: { type: 'user', id: user.id }, object: app, accessLevel: 'own' });
  });

  it('grants to groups by integer id, on every object type', async () => {
    const group = await createGroup();
    const objects = [await createApp(), await createResource(), await createFolder('app'), await createWorkflow()];
    for (const object of objects) {
      expect(await grant(group, object, 'edit')).toMatchObject({ subject: { type: 'group', id: group.id }, object, accessLevel: 'edit' });
    }
  });

  it('revokes with 204 and records permission.revoked; revoking again is 404 permission_not_found', async () => {
    const user = await createUser('builder');
    const app = await createApp();
    await grant(user, app, 'edit');
    const before = (await auditEvents('permission.revoked')).length;
    expect((await revokeRequest(user, app)).statusCode).toBe(204);
    expect(await userEntry(app, user.id)).toBeUndefined();
    const events = (await auditEvents('permission.revoked')).slice(before);
    expect(events).toHaveLength(1);
    expect(parsed(events[0]!.changes)).toEqual({ subject: { type: 'user', id: user.id }, object: app });
    expectError(await revokeRequest(user, app), 404, 'permission_not_found');
    expect((await auditEvents('permission.revoked')).length).toBe(before + 1);
  });
});

describe('effective access through the API: roles × sources', () => {
  // The app sits two folders deep: top ⊃ middle ⊃ app.
  type Setup = (user: { id: string }, app: Ref, folders: { top: Ref; middle: Ref }, level: Level) => Promise<Source | null>;
  const SOURCES: Record<string, Setup> = {
    none: async () => null,
    direct: async (user, app, _folders, level) => {
      await grant({ type: 'user', id: user.id }, app, level);
      return { type: 'direct', accessLevel: level };
    },
    group: async (user, app, _folders, level) => {
      const group = await createGroup([user.id]);
      await grant(group, app, level);
      return { type: 'group', accessLevel: level, groupId: group.id };
    },
    folder: async (user, _app, { middle }, level) => {
      await grant({ type: 'user', id: user.id }, middle, level);
      return { type: 'folder', accessLevel: level, folderId: middle.id };
    },
    'nested folder': async (user, _app, { top }, level) => {
      await grant({ type: 'user', id: user.id }, top, level);
      return { type: 'folder', accessLevel: level, folderId: top.id };
    },
    'folder through a group': async (user, _app, { top }, level) => {
      const group = await createGroup([user.id]);
      await grant(group, top, level);
      return { type: 'folder', accessLevel: level, folderId: top.id, groupId: group.id };
    },
  };
  const CASES: Array<[Role, Level]> = [['admin', 'use'], ['builder', 'use'], ['builder', 'edit'], ['builder', 'own'], ['end-user', 'use']];

  for (const [name, setup] of Object.entries(SOURCES)) {
    for (const [role, level] of CASES) {
      it(`${role} with a ${level} grant (${name})`, async () => {
        const top = await createFolder('app');
        const middle = await createFolder('app', top.id);
        const app = await createApp(middle);
        const user = await createUser(role);
        const source = await setup(user, app, { top, middle }, level);
        const entry = await userEntry(app, user.id);
        const listed = (await listObjects(user, 'app', true)).find((object) => object.id === app.id);
        if (role === 'admin') {
          expect(entry?.accessLevel).toBe('own');
          expect(entry?.sources[0]).toEqual({ type: 'role', accessLevel: 'own', role: 'admin' });
          expect(entry?.sources.slice(1)).toEqual(source ? [source] : []);
        } else if (source === null) {
          expect(entry).toBeUndefined();
        } else {
          expect(entry).toEqual({ accessLevel: level, sources: [source] });
        }
        expect(listed && { accessLevel: listed.accessLevel, sources: listed.sources }).toEqual(entry);
      });
    }
  }

  it('the highest level wins and every source is listed, highest first', async () => {
    const top = await createFolder('app');
    const app = await createApp(top);
    const user = await createUser('builder');
    const group = await createGroup([user.id]);
    await grant(user, app, 'use');
    await grant(group, app, 'edit');
    await grant(user, top, 'own');
    expect(await userEntry(app, user.id)).toEqual({
      accessLevel: 'own',
      sources: [
        { type: 'folder', accessLevel: 'own', folderId: top.id },
        { type: 'group', accessLevel: 'edit', groupId: group.id },
        { type: 'direct', accessLevel: 'use' },
      ],
    });
  });

  it('a folder grant reaches resources and workflows in resource and workflow folders', async () => {
    const user = await createUser('builder');
    const resourceFolder = await createFolder('resource');
    const workflowFolder = await createFolder('workflow', (await createFolder('workflow')).id);
    const resource = await createResource(resourceFolder);
    const workflow = await createWorkflow(workflowFolder);
    await grant(user, resourceFolder, 'edit');
    await grant(user, workflowFolder, 'use');
    expect((await userEntry(resource, user.id))?.accessLevel).toBe('edit');
    expect((await userEntry(workflow, user.id))?.accessLevel).toBe('use');
  });

  it('a disabled member reaches nothing', async () => {
    const user = await createUser('builder');
    const app = await createApp();
    await grant(user, app, 'edit');
    await created(h.request('PUT', `/api/v1/users/${user.id}`, { body: { isDisabled: true } }), 200);
    expect(await userEntry(app, user.id)).toBeUndefined();
    expect(await listObjects(user, 'app', true)).toEqual([]);
  });
});

describe('listObjects', () => {
  it('without includeInherited lists only the subject\'s own grants; with it also groups, folders and role', async () => {
    const workspaceId = await h.services.workspaces.create('List objects');
    const user = await createUser('builder', workspaceId);
    const group = await createGroup([user.id], workspaceId);
    const folder = await createFolder('app', undefined, workspaceId);
    const direct = await createApp(undefined, workspaceId);
    const throughGroup = await createApp(undefined, workspaceId);
    const inFolder = await createApp(folder, workspaceId);
    await createApp(undefined, workspaceId);
    await grant(user, direct, 'edit', workspaceId);
    await grant(group, throughGroup, 'use', workspaceId);
    await grant(user, folder, 'own', workspaceId);

    expect(await listObjects(user, 'app', false, workspaceId)).toEqual([
      { type: 'app', id: direct.id, accessLevel: 'edit', sources: [{ type: 'direct', accessLevel: 'edit' }] },
    ]);
    expect(await listObjects(user, 'app', undefined, workspaceId)).toHaveLength(1);
    // Objects come oldest first; apps made in the same millisecond may come in any order.
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect((await listObjects(user, 'app', true, workspaceId)).sort(byId)).toEqual([
      { type: 'app', id: direct.id, accessLevel: 'edit', sources: [{ type: 'direct', accessLevel: 'edit' }] },
      { type: 'app', id: throughGroup.id, accessLevel: 'use', sources: [{ type: 'group', accessLevel: 'use', groupId: group.id }] },
      { type: 'app', id: inFolder.id, accessLevel: 'own', sources: [{ type: 'folder', accessLevel: 'own', folderId: folder.id }] },
    ].sort(byId));
    expect(await listObjects(user, 'folder', true, workspaceId)).toEqual([
      { type: 'folder', id: folder.id, accessLevel: 'own', sources: [{ type: 'direct', accessLevel: 'own' }] },
    ]);
    expect(await listObjects(user, 'resource', true, workspaceId)).toEqual([]);
  });

  it('for a group: its grants, and with includeInherited what its folder grants reach, subfolders included', async () => {
    const group = await createGroup();
    const top = await createFolder('workflow');
    const sub = await createFolder('workflow', top.id);
    const deep = await createWorkflow(sub);
    await grant(group, top, 'edit');
    expect((await listObjects(group, 'workflow', false)).map((object) => object.id)).toEqual([]);
    expect(await listObjects(group, 'workflow', true)).toEqual([
      { type: 'workflow', id: deep.id, accessLevel: 'edit', sources: [{ type: 'folder', accessLevel: 'edit', folderId: top.id }] },
    ]);
    const folders = await listObjects(group, 'folder', true);
    expect(folders).toHaveLength(2);
    expect(folders).toContainEqual({ type: 'folder', id: top.id, accessLevel: 'edit', sources: [{ type: 'direct', accessLevel: 'edit' }] });
    expect(folders).toContainEqual({ type: 'folder', id: sub.id, accessLevel: 'edit', sources: [{ type: 'folder', accessLevel: 'edit', folderId: top.id }] });
  });

  it('an admin owns every object with includeInherited, and only its own grants without', async () => {
    const workspaceId = await h.services.workspaces.create('Admin objects');
    const admin = await createUser('admin', workspaceId);
    const first = await createApp(undefined, workspaceId);
    const second = await createApp(undefined, workspaceId);
    await grant(admin, second, 'use', workspaceId);
    const all = await listObjects(admin, 'app', true, workspaceId);
    expect(all.map((object) => [object.id, object.accessLevel]).sort()).toEqual([[first.id, 'own'], [second.id, 'own']].sort());
    expect(all.find((object) => object.id === second.id)!.sources).toEqual([{ type: 'role', accessLevel: 'own', role: 'admin' }, { type: 'direct', accessLevel: 'use' }]);
    expect((await listObjects(admin, 'app', false, workspaceId)).map((object) => object.id)).toEqual([second.id]);
  });

  it('an end user is capped at use everywhere', async () => {
    const user = await createUser('end-user');
    const app = await createApp();
    await grant(user, app, 'use');
    expect((await listObjects(user, 'app', true)).map((object) => object.accessLevel)).toEqual(['use']);
  });
});

describe('accessList', () => {
  it('lists users by email and groups by id, with their sources', async () => {
    const workspaceId = await h.services.workspaces.create('Access list');
    const admin = await createUser('admin', workspaceId);
    const builder = await createUser('builder', workspaceId);
    const member = await createUser('builder', workspaceId);
    const stranger = await createUser('builder', workspaceId);
    const group = await createGroup([member.id], workspaceId);
    const folderGroup = await createGroup([], workspaceId);
    const folder = await createFolder('app', undefined, workspaceId);
    const app = await createApp(folder, workspaceId);
    await grant(builder, app, 'edit', workspaceId);
    await grant(group, app, 'use', workspaceId);
    await grant(folderGroup, folder, 'own', workspaceId);

    const list = await accessList(app, workspaceId);
    const users = Object.fromEntries(list.users.map((entry) => [entry.subject.email, entry]));
    expect(list.users.map((entry) => entry.subject.email)).toEqual([...list.users.map((entry) => entry.subject.email)].sort());
    expect(users[admin.email]).toMatchObject({ accessLevel: 'own', sources: [{ type: 'role', accessLevel: 'own', role: 'admin' }] });
    expect(users[builder.email]).toEqual({
      subject: { type: 'user', id: builder.id, email: builder.email }, accessLevel: 'edit', sources: [{ type: 'direct', accessLevel: 'edit' }],
    });
    expect(users[member.email]).toMatchObject({ accessLevel: 'use', sources: [{ type: 'group', accessLevel: 'use', groupId: group.id }] });
    expect(users[stranger.email]).toBeUndefined();
    expect(list.groups).toEqual([
      { subject: { type: 'group', id: group.id, name: group.name }, accessLevel: 'use', sources: [{ type: 'direct', accessLevel: 'use' }] },
      {
        subject: { type: 'group', id: folderGroup.id, name: folderGroup.name },
        accessLevel: 'own', sources: [{ type: 'folder', accessLevel: 'own', folderId: folder.id }],
      },
    ]);
  });

  it('lists the token\'s admin for an object nobody was granted', async () => {
    const app = await createApp();
    const list = await accessList(app);
    expect(list.groups).toEqual([]);
    expect(list.users.map((entry) => entry.subject.email)).toContain('admin@example.com');
    expect(list.users.every((entry) => entry.accessLevel === 'own')).toBe(true);
  });
});

describe('end users can only use', () => {
  it('refuses edit or own for an end user with 400 on accessLevel naming the email, and writes nothing', async () => {
    const user = await createUser('end-user');
    const app = await createApp();
    const events = (await auditEvents('permission.granted')).length;
    for (const level of ['edit', 'own'] as const) {
      const error = expectError(await grantRequest(user, app, level), 400, 'end_user_access_level', 'accessLevel');
      expect(error.message).toContain(user.email);
    }
    expect(await grantRows({ objectId: app.id })).toBe(0);
    expect((await auditEvents('permission.granted')).length).toBe(events);
    await grant(user, app, 'use');
  });

  it('refuses edit or own for a group with end-user members, naming them', async () => {
    const endUser = await createUser('end-user');
    const builder = await createUser('builder');
    const group = await createGroup([endUser.id, builder.id]);
    const folder = await createFolder('app');
    const error = expectError(await grantRequest(group, folder, 'edit'), 400, 'end_user_access_level', 'accessLevel');
    expect(error.message).toContain(endUser.email);
    expect(error.message).not.toContain(builder.email);
    await grant(group, folder, 'use');
    expect(await grantRows({ objectId: folder.id })).toBe(1);
  });

  it('refuses adding an end user to a group holding edit or own grants (409), but not a builder', async () => {
    const group = await createGroup();
    await grant(group, await createApp(), 'edit');
    const endUser = await createUser('end-user');
    const error = expectError(await h.request('POST', `/api/v1/groups/${group.id}/members`, { body: { userId: endUser.id } }), 409, 'group_has_edit_access', 'userId');
    expect(error.message).toContain(group.name);
    const builder = await createUser('builder');
    await created(h.request('POST', `/api/v1/groups/${group.id}/members`, { body: { userId: builder.id } }), 200);
    const members = (await h.request('GET', `/api/v1/groups/${group.id}`)).json().members.map((member: { id: string }) => member.id);
    expect(members).toEqual([builder.id]);
  });

  it('refuses inviting an end user into a group holding edit or own grants', async () => {
    const group = await createGroup();
    await grant(group, await createApp(), 'own');
    const body = { email: `${next('invitee')}@example.com`, role: 'end-user', groupIds: [group.id] };
    expectError(await h.request('POST', '/api/v1/invites', { body }), 409, 'group_has_edit_access', 'groupIds');
  });

  it('refuses demoting a member who holds edit or own grants, directly or through a group, until they are revoked', async () => {
    const direct = await createUser('builder');
    const app = await createApp();
    await grant(direct, app, 'edit');
    const demote = (userId: string) => h.request('PUT', `/api/v1/users/${userId}`, { body: { userType: 'endUser' } });
    const error = expectError(await demote(direct.id), 409, 'holds_edit_access');
    expect(error.message).toContain(app.id);
    expect((await h.request('GET', `/api/v1/users/${direct.id}`)).json().userType).toBe('default');

    const viaGroup = await createUser('builder');
    const group = await createGroup([viaGroup.id]);
    const folder = await createFolder('resource');
    await grant(group, folder, 'own');
    expect(expectError(await demote(viaGroup.id), 409, 'holds_edit_access').message).toContain(group.name);

    expect((await revokeRequest(direct, app)).statusCode).toBe(204);
    await grant(direct, app, 'use');
    expect((await created(demote(direct.id), 200)).userType).toBe('endUser');
  });
});

describe('unknown ids and bad bodies', () => {
  it('answers 404 naming the unknown subject or object', async () => {
    const user = await createUser('builder');
    const app = await createApp();
    expectError(await grantRequest({ type: 'user', id: UNKNOWN_ID }, app, 'use'), 404, 'user_not_found');
    expectError(await grantRequest({ type: 'group', id: UNKNOWN_GROUP_ID }, app, 'use'), 404, 'group_not_found');
    for (const type of ['app', 'resource', 'folder', 'workflow'] as const) {
      const error = expectError(await grantRequest(user, { type, id: UNKNOWN_ID }, 'use'), 404, `${type}_not_found`);
      expect(error.message).toContain(UNKNOWN_ID);
      expectError(await revokeRequest(user, { type, id: UNKNOWN_ID }), 404, `${type}_not_found`);
      expectError(await h.request('GET', `/api/v1/permissions/accessList/${type}/${UNKNOWN_ID}`), 404, `${type}_not_found`);
    }
    expectError(await revokeRequest({ type: 'user', id: UNKNOWN_ID }, app), 404, 'user_not_found');
    const body = { subject: { type: 'group', id: UNKNOWN_GROUP_ID }, objectType: 'app' };
    expectError(await h.request('POST', '/api/v1/permissions/listObjects', { body }), 404, 'group_not_found');
  });

  it('answers 400 naming the field for bad bodies, and grants nothing', async () => {
    const user = await createUser('builder');
    const group = await createGroup();
    const app = await createApp();
    const good = { subject: { type: 'user', id: user.id }, object: { type: 'app', id: app.id }, accessLevel: 'use' };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...good, subject: undefined }, 'subject'],
      [{ ...good, subject: { type: 'role', id: user.id } }, 'subject.type'],
      [{ ...good, subject: { type: 'user' } }, 'subject.id'],
      [{ ...good, subject: { type: 'user', id: 'someone' } }, 'subject.id'],
      [{ ...good, subject: { type: 'user', id: 12 } }, 'subject.id'],
      [{ ...good, subject: { type: 'group', id: user.id } }, 'subject.id'],
      [{ ...good, subject: { type: 'group', id: String(group.id) } }, 'subject.id'],
      [{ ...good, subject: { type: 'group', id: 0 } }, 'subject.id'],
      [{ ...good, object: undefined }, 'object'],
      [{ ...good, object: { type: 'screen', id: app.id } }, 'object.type'],
      [{ ...good, object: { type: 'app', id: 'my-app' } }, 'object.id'],
      [{ ...good, object: 'app' }, 'object'],
      [{ ...good, accessLevel: undefined }, 'accessLevel'],
      [{ ...good, accessLevel: 'admin' }, 'accessLevel'],
      [{ ...good, accessLevel: 3 }, 'accessLevel'],
    ];
    for (const [body, field] of cases) {
      expectError(await h.request('POST', '/api/v1/permissions/grant', { body: JSON.parse(JSON.stringify(body)) }), 400, 'invalid_input', field);
    }
    expectError(await h.request('POST', '/api/v1/permissions/grant', { body: 'null', headers: { 'content-type': 'application/json' } }), 400);
    expect(await grantRows({ objectId: app.id })).toBe(0);

    const list = (body: Record<string, unknown>) => h.request('POST', '/api/v1/permissions/listObjects', { body });
    expectError(await list({ subject: good.subject }), 400, 'invalid_input', 'objectType');
    expectError(await list({ subject: good.subject, objectType: 'agent' }), 400, 'invalid_input', 'objectType');
    expectError(await list({ subject: good.subject, objectType: 'app', includeInherited: 'yes' }), 400, 'invalid_input', 'includeInherited');
    expectError(await list({ objectType: 'app' }), 400, 'invalid_input', 'subject');
    expectError(await h.request('GET', `/api/v1/permissions/accessList/agent/${app.id}`), 400, 'invalid_input', 'objectType');
    expectError(await h.request('GET', '/api/v1/permissions/accessList/app/42'), 400, 'invalid_input', 'objectId');
    expectError(await h.request('POST', '/api/v1/permissions/revoke', { body: { subject: good.subject } }), 400, 'invalid_input', 'object');
  });

  it('accepts a user UUID in upper case', async () => {
    const user = await createUser('builder');
    const app = await createApp();
    const body = { subject: { type: 'user', id: user.id.toUpperCase() }, object: { type: 'app', id: app.id.toUpperCase() }, accessLevel: 'use' };
    const answer = await created(h.request('POST', '/api/v1/permissions/grant', { body }), 200);
    expect(answer.subject.id).toBe(user.id);
  });
});

describe('scopes', () => {
  it('reads with permissions:read (listObjects included), grants and revokes only with permissions:write', async () => {
    const user = await createUser('builder');
    const app = await createApp();
    const read = await h.token(['permissions:read']);
    const write = await h.token(['permissions:write']);
    const other = await h.token(['apps:write', 'users:write', 'groups:write']);
    const body = { subject: { type: 'user', id: user.id }, object: objectOf(app), accessLevel: 'use' };
    const listBody = { subject: { type: 'user', id: user.id }, objectType: 'app' };
    expectError(await h.request('POST', '/api/v1/permissions/grant', { token: read, body }), 403, 'missing_scope');
    expectError(await h.request('POST', '/api/v1/permissions/grant', { token: other, body }), 403, 'missing_scope');
    expectError(await h.request('POST', '/api/v1/permissions/listObjects', { token: other, body: listBody }), 403, 'missing_scope');
    expectError(await h.request('GET', `/api/v1/permissions/accessList/app/${app.id}`, { token: other }), 403, 'missing_scope');
    expect((await h.request('POST', '/api/v1/permissions/grant', { token: write, body })).statusCode).toBe(200);
    expect((await h.request('POST', '/api/v1/permissions/listObjects', { token: read, body: listBody })).statusCode).toBe(200);
    expect((await h.request('GET', `/api/v1/permissions/accessList/app/${app.id}`, { token: read })).statusCode).toBe(200);
    expectError(await h.request('POST', '/api/v1/permissions/revoke', { token: read, body: { subject: body.subject, object: body.object } }), 403, 'missing_scope');
    expect((await h.request('POST', '/api/v1/permissions/revoke', { token: write, body: { subject: body.subject, object: body.object } })).statusCode).toBe(204);
  });
});

describe('workspace isolation', () => {
  it('treats subjects and objects of another workspace as unknown', async () => {
    const other = await h.services.workspaces.create('Other permissions');
    const foreignUser = await createUser('builder', other);
    const foreignGroup = await createGroup([], other);
    const foreignApp = await createApp(undefined, other);
    const user = await createUser('builder');
    const app = await createApp();
    expectError(await grantRequest(foreignUser, app, 'use'), 404, 'user_not_found');
    expectError(await grantRequest(foreignGroup, app, 'use'), 404, 'group_not_found');
    expectError(await grantRequest(user, foreignApp, 'use'), 404, 'app_not_found');
    expectError(await h.request('GET', `/api/v1/permissions/accessList/app/${foreignApp.id}`), 404, 'app_not_found');
    const listBody = { subject: { type: 'user', id: foreignUser.id }, objectType: 'app' };
    expectError(await h.request('POST', '/api/v1/permissions/listObjects', { body: listBody }), 404, 'user_not_found');
    expect(await grantRows({ objectId: app.id })).toBe(0);
    expect(await grantRows({ objectId: foreignApp.id })).toBe(0);
  });

  it('keeps grants of one workspace out of another\'s lists', async () => {
    const other = await h.services.workspaces.create('Separate grants');
    const user = await createUser('builder');
    await h.request('POST', '/api/v1/users', { body: { email: user.email }, workspaceId: other });
    const foreignApp = await createApp(undefined, other);
    await grant(user, foreignApp, 'edit', other);
    expect(await listObjects(user, 'app', true)).toEqual([]);
    expect((await listObjects(user, 'app', true, other)).map((object) => object.id)).toEqual([foreignApp.id]);
  });
});

describe('removing a subject or object removes its grants', () => {
  it('deleting a group, a membership, an app, a resource, a folder or a workflow', async () => {
    const user = await createUser('builder');
    const group = await createGroup([user.id]);
    const app = await createApp();
    const resource = await createResource();
    const folder = await createFolder('app');
    const workflow = await createWorkflow();
    for (const object of [app, resource, folder, workflow]) {
      await grant(user, object, 'use');
      await grant(group, object, 'edit');
    }
    expect(await grantRows({ subjectId: String(group.id) })).toBe(4);
    expect((await h.request('DELETE', `/api/v1/groups/${group.id}`)).statusCode).toBe(204);
    expect(await grantRows({ subjectId: String(group.id) })).toBe(0);

    expect((await h.request('DELETE', `/api/v1/apps/${app.id}`)).statusCode).toBe(204);
    expect((await h.request('DELETE', `/api/v1/resources/${resource.id}`)).statusCode).toBe(204);
    expect((await h.request('DELETE', `/api/v1/folders/${folder.id}`)).statusCode).toBe(204);
    for (const object of [app, resource, folder]) expect(await grantRows({ objectId: object.id })).toBe(0);
    expect(await grantRows({ subjectId: user.id })).toBe(1);

    expect((await h.request('DELETE', `/api/v1/users/${user.id}`)).statusCode).toBe(204);
    expect(await grantRows({ subjectId: user.id })).toBe(0);

    await grant(await createUser('builder'), workflow, 'use');
    expect((await h.request('DELETE', `/api/v1/workflows/${workflow.id}`)).statusCode).toBe(204);
    expect(await grantRows({ objectId: workflow.id })).toBe(0);
  });
});
