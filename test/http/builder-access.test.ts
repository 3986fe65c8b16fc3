import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMIT } from '../../src/config.ts';
import { expectError } from '../helpers/expect-error.ts';
import { Harness } from '../helpers/harness.ts';
import { CSRF, signedInMember } from '../helpers/signed-in.ts';
import { UNKNOWN_ID, permissionFixtures, type Ref } from '../helpers/permission-fixtures.ts';

/**
 * A builder's session writes the apps, resources, folders and workflows their effective
 * access reaches: edit to change one, own to delete it, edit on a folder to put something in
 * it. Tokens and admins' sessions are not held to grants; end users still write nothing.
 */

const PASSWORD = 'builder access password';

let h: Harness;
let builder: { id: string; cookie: string };
let otherBuilder: { id: string; cookie: string };
let admin: { id: string; cookie: string };
let endUser: { id: string; cookie: string };

const { next, createFolder, createApp, createResource, createWorkflow, createGroup, grant } = permissionFixtures(() => h);
const user = (person: { id: string }) => ({ type: 'user' as const, id: person.id });

beforeAll(async () => {
  h = await Harness.start({ rateLimit: { ...DEFAULT_RATE_LIMIT, perToken: 1_000_000, perAddress: 1_000_000 } });
  builder = await signedIn('builder@example.com', 'builder');
  otherBuilder = await signedIn('other-builder@example.com', 'builder');
  admin = await signedIn('second-admin@example.com', 'admin');
  endUser = await signedIn('end-user@example.com', 'end-user');
});
afterAll(async () => {
  await h.close();
});

function signedIn(email: string, role: 'admin' | 'builder' | 'end-user'): Promise<{ id: string; cookie: string }> {
  return signedInMember(h, email, role, PASSWORD);
}

function as(person: { cookie: string }, method: InjectOptions['method'], url: string, body?: object) {
  return h.request(method, url, { token: null, body, headers: { cookie: person.cookie, ...CSRF } });
}

const pathOf = (object: Ref) => `/api/v1/${object.type}s/${object.id}`;
const renameBody = (object: Ref) => ({ name: next(`renamed-${object.type}`) });
const renameMethod = (object: Ref): InjectOptions['method'] => (object.type === 'workflow' ? 'PATCH' : 'PUT');

async function nameOf(object: Ref): Promise<string> {
  const response = await h.request('GET', pathOf(object));
  expect(response.statusCode, response.body).toBe(200);
  return response.json().name;
}

async function firstEnvironmentId(): Promise<string> {
  return (await h.request('GET', '/api/v1/environments')).json().data[0].id;
}

describe('a builder changes what they may edit', () => {
  it('edits an app granted edit directly, through a group, and through a folder', async () => {
    const direct = await createApp();
    await grant(user(builder), direct, 'edit');
    const throughGroup = await createApp();
    await grant(await createGroup([builder.id]), throughGroup, 'edit');
    const folder = await createFolder('app');
    const inFolder = await createApp(await createFolder('app', folder.id));
    await grant(user(builder), folder, 'edit');

    for (const app of [direct, throughGroup, inFolder]) {
      const body = renameBody(app);
      const response = await as(builder, 'PUT', pathOf(app), body);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().name).toBe(body.name);
    }
    const events = (await h.request('GET', `/api/v1/auditEvents?targetType=app&targetId=${direct.id}`)).json().data;
    expect(events[0]).toMatchObject({ action: 'app.updated', actor: { type: 'session', userId: builder.id } });
  });

  it('edits resources, their configurations, workflows and folders it holds edit on', async () => {
    const resource = await createResource();
    const workflow = await createWorkflow();
    const folder = await createFolder('workflow');
    for (const object of [resource, workflow, folder]) {
      await grant(user(builder), object, 'edit');
      const response = await as(builder, renameMethod(object), pathOf(object), renameBody(object));
      expect(response.statusCode, response.body).toBe(200);
    }
    const configuration = `${pathOf(resource)}/configurations/${await firstEnvironmentId()}`;
    const put = await as(builder, 'PUT', configuration, { options: { host: 'db.internal' } });
    expect(put.statusCode, put.body).toBe(201);
    // Removing a configuration changes the resource; it needs edit, not own.
    expect((await as(builder, 'DELETE', configuration)).statusCode).toBe(204);
  });

  it('refuses an object it only uses, and one it has no grant on, with 403 insufficient_access, changing nothing', async () => {
    const used = await createApp();
    await grant(user(builder), used, 'use');
    const ungranted = await createApp();
    await grant(user(otherBuilder), ungranted, 'own');
    for (const [app, held] of [[used, 'use'], [ungranted, 'no access']] as const) {
      const before = await nameOf(app);
      const refused = expectError(await as(builder, 'PUT', pathOf(app), renameBody(app)), 403, 'insufficient_access');
      expect(refused.message).toContain(`edit access to app ${app.id}`);
      expect(refused.message).toContain(`you have ${held}`);
      expect(refused.field).toBeUndefined();
      expect(await nameOf(app)).toBe(before);
    }
    // The refusal comes before the body is looked at, as a missing scope's does.
    expectError(await as(builder, 'PUT', pathOf(ungranted), { name: '' }), 403, 'insufficient_access');
    for (const object of [await createResource(), await createWorkflow(), await createFolder('resource')]) {
      expectError(await as(builder, renameMethod(object), pathOf(object), renameBody(object)), 403, 'insufficient_access');
      expectError(await as(builder, 'DELETE', pathOf(object)), 403, 'insufficient_access');
    }
    const resource = await createResource();
    expectError(await as(builder, 'PUT', `${pathOf(resource)}/configurations/${await firstEnvironmentId()}`, { options: {} }), 403, 'insufficient_access');
    // Another builder's grants are theirs: the same app is theirs to change.
    expect((await as(otherBuilder, 'PUT', pathOf(ungranted), renameBody(ungranted))).statusCode).toBe(200);
  });

  it('answers an object that does not exist as it does to anyone', async () => {
    expectError(await as(builder, 'PUT', `/api/v1/apps/${UNKNOWN_ID}`, { name: 'x' }), 404, 'app_not_found');
    expectError(await as(builder, 'DELETE', `/api/v1/apps/not-an-id`), 404, 'app_not_found');
    expectError(await as(builder, 'DELETE', `/api/v1/folders/${UNKNOWN_ID}`), 404, 'folder_not_found');
  });

  it('deletes only what it owns', async () => {
    const edited = await createApp();
    await grant(user(builder), edited, 'edit');
    const refused = expectError(await as(builder, 'DELETE', pathOf(edited)), 403, 'insufficient_access');
    expect(refused.message).toContain(`own access to app ${edited.id}`);
    expect((await h.request('GET', pathOf(edited))).statusCode).toBe(200);

    const folder = await createFolder('resource');
    const owned = [await createApp(), await createResource(), await createWorkflow(), folder, await createResource(folder)];
    await grant(user(builder), folder, 'own');
    for (const object of owned.slice(0, 3)) await grant(user(builder), object, 'own');
    // The resource owned through its folder first, so the folder is empty when its turn comes.
    for (const object of [owned[4]!, ...owned.slice(0, 4)]) {
      const response = await as(builder, 'DELETE', pathOf(object));
      expect(response.statusCode, `${object.type} ${response.body}`).toBe(204);
    }
  });
});

describe('a builder places objects', () => {
  it('creates apps, resources, workflows and folders at the top level, and owns what it created', async () => {
    for (const [type, body] of [
      ['app', { name: next('top-app') }],
      ['resource', { name: next('top-resource'), type: 'postgresql' }],
      ['workflow', { name: next('top-workflow') }],
      ['folder', { name: next('top-folder'), folderType: 'app' }],
    ] as const) {
      const response = await as(builder, 'POST', `/api/v1/${type}s`, body);
      expect(response.statusCode, `${type} ${response.body}`).toBe(201);
      const created: Ref = { type, id: response.json().id };
      // The creator may go on changing it, and delete it; another builder may not touch it.
      expect((await as(otherBuilder, renameMethod(created), pathOf(created), renameBody(created))).statusCode).toBe(403);
      const renamed = await as(builder, renameMethod(created), pathOf(created), renameBody(created));
      expect(renamed.statusCode, renamed.body).toBe(200);
      expect((await as(builder, 'DELETE', pathOf(created))).statusCode).toBe(204);
    }
  });

  it('grants nothing to a token or an admin for what they create', async () => {
    const byToken = (await h.request('POST', '/api/v1/apps', { body: { name: next('token-app') } })).json().id as string;
    const byAdmin = (await as(admin, 'POST', '/api/v1/apps', { name: next('admin-app') })).json().id as string;
    for (const id of [byToken, byAdmin]) {
      const list = await h.request('GET', `/api/v1/permissions/accessList/app/${id}`);
      expect(list.statusCode, list.body).toBe(200);
      expect(JSON.stringify(list.json())).not.toContain('"direct"');
    }
  });

  it('needs edit on the folder it creates in', async () => {
    const ungranted = await createFolder('app');
    const used = await createFolder('app');
    await grant(user(builder), used, 'use');
    const edited = await createFolder('app');
    await grant(user(builder), edited, 'edit');

    for (const folder of [ungranted, used]) {
      const before = (await h.request('GET', '/api/v1/apps?pageSize=1')).json().total;
      const refused = expectError(await as(builder, 'POST', '/api/v1/apps', { name: next('app'), folderId: folder.id }), 403, 'insufficient_access', 'folderId');
      expect(refused.message).toContain(`edit access to folder ${folder.id}`);
      expectError(await as(builder, 'POST', '/api/v1/folders', { name: next('sub'), folderType: 'app', parentFolderId: folder.id }), 403, 'insufficient_access', 'parentFolderId');
      expect((await h.request('GET', '/api/v1/apps?pageSize=1')).json().total).toBe(before);
    }
    const made = await as(builder, 'POST', '/api/v1/apps', { name: next('app'), folderId: edited.id });
    expect(made.statusCode, made.body).toBe(201);
    // Made inside a folder it edits, the app is its to edit, through the folder.
    expect((await as(builder, 'PUT', `/api/v1/apps/${made.json().id}`, { name: next('app') })).statusCode).toBe(200);
    const sub = await as(builder, 'POST', '/api/v1/folders', { name: next('sub'), folderType: 'app', parentFolderId: edited.id });
    expect(sub.statusCode, sub.body).toBe(201);
    // A folder that does not exist is refused as it is for anyone.
    expectError(await as(builder, 'POST', '/api/v1/apps', { name: next('app'), folderId: UNKNOWN_ID }), 400, 'invalid_reference', 'folderId');
  });

  it('needs use on every resource an app lists, creating or changing it', async () => {
    const usable = await createResource();
    await grant(user(builder), usable, 'use');
    const ungranted = await createResource();
    const refused = expectError(
      await as(builder, 'POST', '/api/v1/apps', { name: next('app'), resources: [usable.id, ungranted.id] }), 403, 'insufficient_access', 'resources',
    );
    expect(refused.message).toContain(`use access to resource ${ungranted.id}`);
    const made = await as(builder, 'POST', '/api/v1/apps', { name: next('app'), resources: [usable.id] });
    expect(made.statusCode, made.body).toBe(201);
    const app: Ref = { type: 'app', id: made.json().id };
    expectError(await as(builder, 'PUT', pathOf(app), { resources: [ungranted.id] }), 403, 'insufficient_access', 'resources');
    expect((await h.request('GET', pathOf(app))).json().resources).toEqual([usable.id]);
    // Admins and tokens are not held to grants.
    expect((await as(admin, 'PUT', pathOf(app), { resources: [ungranted.id] })).statusCode).toBe(200);
  });

  it('needs edit on the folder it moves an object into, and may move one it edits to the top level', async () => {
    const app = await createApp();
    await grant(user(builder), app, 'edit');
    const ungranted = await createFolder('app');
    const edited = await createFolder('app');
    await grant(user(builder), edited, 'edit');

    expectError(await as(builder, 'PUT', pathOf(app), { folderId: ungranted.id }), 403, 'insufficient_access', 'folderId');
    expect((await h.request('GET', pathOf(app))).json().folderId).toBeUndefined();
    const moved = await as(builder, 'PUT', pathOf(app), { folderId: edited.id });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().folderId).toBe(edited.id);
    expect((await as(builder, 'PUT', pathOf(app), { folderId: null })).statusCode).toBe(200);

    const folder = await createFolder('app');
    await grant(user(builder), folder, 'edit');
    expectError(await as(builder, 'PUT', pathOf(folder), { parentFolderId: ungranted.id }), 403, 'insufficient_access', 'parentFolderId');
    expect((await as(builder, 'PUT', pathOf(folder), { parentFolderId: edited.id })).statusCode).toBe(200);

    const workflow = await createWorkflow();
    await grant(user(builder), workflow, 'edit');
    const workflowFolder = await createFolder('workflow');
    expectError(await as(builder, 'PATCH', pathOf(workflow), { folderId: workflowFolder.id }), 403, 'insufficient_access', 'folderId');
  });
});

describe('everyone else', () => {
  it('leaves tokens to their scopes: a token writes objects nobody granted it', async () => {
    const app = await createApp();
    const token = await h.token(['apps:write']);
    const response = await h.request('PUT', pathOf(app), { token, body: renameBody(app) });
    expect(response.statusCode, response.body).toBe(200);
    expect((await h.request('DELETE', pathOf(app), { token })).statusCode).toBe(204);
  });

  it('leaves an admin\'s session to own everything', async () => {
    const folder = await createFolder('app');
    const app = await createApp();
    expect((await as(admin, 'PUT', pathOf(app), { ...renameBody(app), folderId: folder.id })).statusCode).toBe(200);
    expect((await as(admin, 'DELETE', pathOf(app))).statusCode).toBe(204);
  });

  it('still refuses an end user every object write, granted or not', async () => {
    const app = await createApp();
    await grant(user(endUser), app, 'use');
    expectError(await as(endUser, 'PUT', pathOf(app), renameBody(app)), 403, 'missing_scope');
    expectError(await as(endUser, 'POST', '/api/v1/apps', { name: next('app') }), 403, 'missing_scope');
    expectError(await as(endUser, 'DELETE', pathOf(app)), 403, 'missing_scope');
  });

  it('keeps a builder from the permissions, environments and other areas\' writes', async () => {
    const app = await createApp();
    await grant(user(builder), app, 'own');
    const body = { subject: user(otherBuilder), object: app, accessLevel: 'edit' };
    expectError(await as(builder, 'POST', '/api/v1/permissions/grant', body), 403, 'missing_scope');
    expectError(await as(builder, 'POST', '/api/v1/environments', { name: next('env') }), 403, 'missing_scope');
    expectError(await as(builder, 'POST', '/api/v1/tokens', { name: 'mine', scopes: ['apps:write'] }), 403, 'missing_scope');
  });
});
