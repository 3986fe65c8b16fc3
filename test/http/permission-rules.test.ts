import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from '../helpers/harness.ts';
import { expectError } from '../helpers/expect-error.ts';
import { UNKNOWN_ID, UNKNOWN_GROUP_ID, permissionFixtures } from '../helpers/permission-fixtures.ts';

/** The native permissions API: the end-user rule, unknown ids, bad bodies, scopes, isolation and clean-up. */

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(async () => {
  await h.close();
});

const {
  next, created, createUser, createGroup, createFolder, createApp, createResource, createWorkflow, objectOf,
  grantRequest, grant, revokeRequest, listObjects, grantRows, auditEvents,
} = permissionFixtures(() => h);

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
