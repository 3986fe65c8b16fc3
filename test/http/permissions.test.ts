import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from '../helpers/harness.ts';
import { expectError } from '../helpers/expect-error.ts';
import { permissionFixtures, type Level, type Ref, type Role, type Source } from '../helpers/permission-fixtures.ts';

/** The native permissions API: grants, effective access through every source, listObjects and accessList. */

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(async () => {
  await h.close();
});

const {
  created, createUser, createGroup, createFolder, createApp, createResource, createWorkflow, grant,
  revokeRequest, listObjects, accessList, userEntry, grantRows, auditEvents, parsed,
} = permissionFixtures(() => h);

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

  it('names each object listed', async () => {
    const group = await createGroup();
    const folder = await createFolder('app');
    const app = await createApp(folder);
    await grant(group, folder, 'use');
    const answer = await h.request('POST', '/api/v1/permissions/listObjects', { body: { subject: { type: 'group', id: group.id }, objectType: 'app', includeInherited: true } });
    const names = Object.fromEntries((await h.request('GET', '/api/v1/apps?pageSize=100')).json().data.map((item: { id: string; name: string }) => [item.id, item.name]));
    expect(answer.json().data.map((item: { id: string; name: string }) => [item.id, item.name])).toEqual([[app.id, names[app.id]]]);
    expect(names[app.id]).toMatch(/^app-/);
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
