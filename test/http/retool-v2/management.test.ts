import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from '../../helpers/harness.ts';
import { v2 } from './client.ts';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(async () => {
  await h.close();
});

async function newUser(email: string): Promise<{ id: string; email: string }> {
  return (await v2(h, 'POST', '/api/v2/users', { body: { email, first_name: 'New', last_name: 'User' } })).json().data;
}

describe('group members', () => {
  it('adds members, keeping those present, and removes one', async () => {
    const [ada, bob] = [await newUser('ada@example.com'), await newUser('bob@example.com')];
    const group = (await v2(h, 'POST', '/api/v2/groups', { body: { name: 'members', members: [{ id: ada.id, is_group_admin: false }] } })).json().data;
    const added = await v2(h, 'POST', `/api/v2/groups/${group.id}/members`, { body: { members: [{ id: bob.id, is_group_admin: false }, { id: ada.id, is_group_admin: false }] } });
    expect(added.json().data.members.map((member: { email: string }) => member.email).sort()).toEqual(['ada@example.com', 'bob@example.com']);
    const removed = await v2(h, 'DELETE', `/api/v2/groups/${group.id}/members/${ada.id}`);
    expect(removed.json().data.members.map((member: { email: string }) => member.email)).toEqual(['bob@example.com']);
    expect((await v2(h, 'DELETE', `/api/v2/groups/${group.id}/members/${ada.id}`)).statusCode).toBe(404);
    const bad = await v2(h, 'POST', `/api/v2/groups/${group.id}/members`, { body: { members: [{ id: 'nobody', is_group_admin: false }] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('members.0.id');
  });
});

describe('user attributes', () => {
  it('sets and deletes attributes in the user\'s metadata', async () => {
    const user = await newUser('attrs@example.com');
    const set = await v2(h, 'POST', `/api/v2/users/${user.id}/user_attributes`, { body: { name: 'team', value: 'ops' } });
    expect(set.json().data).toEqual({ metadata: { team: 'ops' } });
    expect((await v2(h, 'GET', `/api/v2/users/${user.id}`)).json().data.metadata).toEqual({ team: 'ops' });
    const deleted = await v2(h, 'DELETE', `/api/v2/users/${user.id}/user_attributes/team`);
    expect(deleted.json().data).toEqual({ metadata: {} });
    expect((await v2(h, 'DELETE', `/api/v2/users/${user.id}/user_attributes/team`)).statusCode).toBe(404);
  });
});

describe('apps and access lists', () => {
  it('lists, reads and deletes apps, in their folder or the app root', async () => {
    const folder = (await v2(h, 'POST', '/api/v2/folders', { body: { name: 'apps here', folder_type: 'app' } })).json().data;
    const folderUuid = (await h.request('GET', '/api/v1/folders')).json().data.find((item: { name: string }) => item.name === 'apps here').id;
    const inFolder = (await h.request('POST', '/api/v1/apps', { body: { name: 'Foldered', folderId: folderUuid } })).json();
    const atRoot = (await h.request('POST', '/api/v1/apps', { body: { name: 'Rooted' } })).json();
    const root = (await v2(h, 'GET', '/api/v2/folders')).json().data.find((item: { folder_type: string }) => item.folder_type === 'app');
    const list = (await v2(h, 'GET', '/api/v2/apps')).json();
    expect(list.total_count).toBe(2);
    expect((await v2(h, 'GET', `/api/v2/apps/${inFolder.id}`)).json().data).toMatchObject({ name: 'Foldered', folder_id: folder.id, protected: false });
    expect((await v2(h, 'GET', `/api/v2/apps/${atRoot.id}`)).json().data.folder_id).toBe(root.id);
    expect((await v2(h, 'DELETE', `/api/v2/apps/${atRoot.id}`)).statusCode).toBe(204);
    expect((await v2(h, 'GET', `/api/v2/apps/${atRoot.id}`)).statusCode).toBe(404);
  });

  it('answers who has access to an object and where it comes from', async () => {
    const user = await newUser('access@example.com');
    const group = (await v2(h, 'POST', '/api/v2/groups', { body: { name: 'access', members: [{ id: user.id, is_group_admin: false }] } })).json().data;
    const parent = (await v2(h, 'POST', '/api/v2/folders', { body: { name: 'outer', folder_type: 'app' } })).json().data;
    const child = (await v2(h, 'POST', '/api/v2/folders', { body: { name: 'inner', folder_type: 'app', parent_folder_id: parent.id } })).json().data;
    await v2(h, 'POST', '/api/v2/permissions/grant', { body: { subject: { type: 'group', id: group.id }, object: { type: 'folder', id: parent.id }, access_level: 'edit' } });
    const access = (await v2(h, 'GET', `/api/v2/permissions/accessList/folder/${child.id}`)).json().data;
    expect(access.group).toEqual([{ subject: { id: String(group.id), type: 'group' }, sources: { inherited: { id: parent.id, type: 'folder' } }, accessLevel: 'edit' }]);
    expect(access.user).toContainEqual({
      subject: { id: user.id, type: 'user' }, sources: { groups: [{ id: String(group.id), type: 'group' }], inherited: { id: parent.id, type: 'folder' } }, accessLevel: 'edit',
    });
    expect((await v2(h, 'GET', '/api/v2/permissions/accessList/folder/app_999999')).statusCode).toBe(404);
    expect((await v2(h, 'GET', '/api/v2/permissions/accessList/app/0f0f0f0f-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});

describe('user invites', () => {
  it('invites with groups, answers the link once, lists, reads and revokes', async () => {
    const group = (await v2(h, 'POST', '/api/v2/groups', { body: { name: 'invitees' } })).json().data;
    const created = await v2(h, 'POST', '/api/v2/user_invites', { body: { email: 'guest@elsewhere.example', defaultGroupIds: [group.id] } });
    expect(created.statusCode).toBe(200);
    const invite = created.json().data;
    expect(invite).toMatchObject({
      invited_email: 'guest@elsewhere.example', claimed_by: null, claimed_at: null, user_type: 'external',
      groups: [{ id: group.id, legacy_id: group.id, name: 'invitees' }], invite_link: expect.stringMatching(/^http:\/\/toolplane\.test\/invite\//),
    });
    expect(invite.id).toBe(invite.legacy_id);
    const read = (await v2(h, 'GET', `/api/v2/user_invites/${invite.id}`)).json().data;
    expect(read).not.toHaveProperty('invite_link');
    expect((await v2(h, 'GET', '/api/v2/user_invites')).json().data.map((item: { id: number }) => item.id)).toContain(invite.id);
    expect((await v2(h, 'DELETE', `/api/v2/user_invites/${invite.id}`)).statusCode).toBe(204);
    expect((await v2(h, 'DELETE', `/api/v2/user_invites/${invite.id}`)).statusCode).toBe(409);
    expect((await v2(h, 'GET', '/api/v2/user_invites/999999')).statusCode).toBe(404);
    const undefinedAttribute = await v2(h, 'POST', '/api/v2/user_invites', { body: { email: 'meta@elsewhere.example', metadata: { nope: 'x' } } });
    expect(undefinedAttribute.statusCode).toBe(400);
  });
});

describe('JSON Patch', () => {
  it('changes a group\'s name, settings and members, checked as a full write would be', async () => {
    const member = await newUser('patched-member@example.com');
    const group = (await v2(h, 'POST', '/api/v2/groups', { body: { name: 'to patch' } })).json().data;
    const patched = await v2(h, 'PATCH', `/api/v2/groups/${group.id}`, {
      body: {
        operations: [
          { op: 'replace', path: '/name', value: 'patched' }, { op: 'replace', path: '/universal_app_access', value: 'edit' },
          { op: 'add', path: '/members/-', value: { id: member.id, is_group_admin: false } },
        ],
      },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().data).toMatchObject({ name: 'patched', universal_app_access: 'edit', members: [{ id: member.id }] });
    const refused = await v2(h, 'PATCH', `/api/v2/groups/${group.id}`, { body: { operations: [{ op: 'replace', path: '/universal_app_access', value: 'all' }] } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('universal_app_access');
    expect((await v2(h, 'GET', `/api/v2/groups/${group.id}`)).json().data.universal_app_access).toBe('edit');
  });

  it('moves a resource into a resource folder and back to the root', async () => {
    const folder = (await v2(h, 'POST', '/api/v2/folders', { body: { name: 'resources here', folder_type: 'resource' } })).json().data;
    const appFolder = (await v2(h, 'POST', '/api/v2/folders', { body: { name: 'not for resources', folder_type: 'app' } })).json().data;
    const resource = (await v2(h, 'POST', '/api/v2/resources', { body: { display_name: 'Movable', type: 'restapi', options: {}, folder_id: folder.id } })).json().data;
    const wrongType = await v2(h, 'PATCH', `/api/v2/resources/${resource.id}`, { body: { operations: [{ op: 'replace', path: '/folder_id', value: appFolder.id }] } });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().message).toContain('folder_id');
    const root = (await v2(h, 'GET', '/api/v2/folders')).json().data.find((item: { folder_type: string }) => item.folder_type === 'resource');
    expect((await v2(h, 'PATCH', `/api/v2/resources/${resource.id}`, { body: { operations: [{ op: 'replace', path: '/folder_id', value: root.id }] } })).statusCode).toBe(200);
    const stored = (await h.request('GET', `/api/v1/resources/${resource.id}`)).json();
    expect(stored).not.toHaveProperty('folderId');
  });
});
