import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, Harness } from '../helpers/harness.ts';
import { seedSchemaErrors } from '../helpers/seed-spec.ts';
import { expectError } from '../helpers/expect-error.ts';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(async () => {
  await h.close();
});

const APP_KEYS = ['createdAt', 'createdBy', 'description', 'id', 'name', 'resources', 'updatedAt'];
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

async function createApp(body: Record<string, unknown>, workspaceId?: string) {
  const response = await h.request('POST', '/api/v1/apps', { body, workspaceId });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function createFolder(name: string, folderType: 'app' | 'resource' | 'workflow', workspaceId?: string): Promise<string> {
  const response = await h.request('POST', '/api/v1/folders', { body: { name, folderType }, workspaceId });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

async function createResource(name: string, workspaceId?: string): Promise<string> {
  const response = await h.request('POST', '/api/v1/resources', { body: { name, type: 'postgresql' }, workspaceId });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

async function appCount(workspaceId?: string): Promise<number> {
  const response = await h.request('GET', '/api/v1/apps?pageSize=1', { workspaceId });
  expect(response.statusCode).toBe(200);
  return response.json().total;
}

async function getApp(id: string) {
  const response = await h.request('GET', `/api/v1/apps/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe('creating apps', () => {
  it('answers 201 with the seed App shape, created by the token user', async () => {
    const response = await h.request('POST', '/api/v1/apps', { body: { name: 'Orders', description: 'Order admin' } });
    expect(response.statusCode).toBe(201);
    const app = response.json();
    expect(seedSchemaErrors('App', app)).toEqual([]);
    expect(Object.keys(app).sort()).toEqual(APP_KEYS);
    expect(app).toMatchObject({ name: 'Orders', description: 'Order admin', createdBy: ADMIN_EMAIL, resources: [] });
    expect(app.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(app).not.toHaveProperty('folderId');
    expect(Date.parse(app.createdAt)).not.toBeNaN();
    expect(app.updatedAt).toBe(app.createdAt);
    expect(await getApp(app.id)).toEqual(app);
  });

  it('defaults the description to an empty string', async () => {
    const app = await createApp({ name: 'No description' });
    expect(app.description).toBe('');
  });

  it('records the email of the user a token acts for as createdBy', async () => {
    const token = await h.token(['*'], { email: 'other@example.com' });
    const response = await h.request('POST', '/api/v1/apps', { token, body: { name: 'Made by other' } });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().createdBy).toBe('other@example.com');
    // Read back with the admin token, the creator is still the other user.
    expect((await getApp(response.json().id)).createdBy).toBe('other@example.com');
  });

  it('places the app in an app folder and links workspace resources, without duplicates', async () => {
    const folderId = await createFolder('Create target', 'app');
    const first = await createResource('create-res-1');
    const second = await createResource('create-res-2');
    const app = await createApp({ name: 'In folder', folderId, resources: [first, second, first] });
    expect(app.folderId).toBe(folderId);
    expect([...app.resources].sort()).toEqual([first, second].sort());
    expect(await getApp(app.id)).toEqual(app);
  });

  it('refuses a body without a name, or with an empty one', async () => {
    const before = await appCount();
    expectError(await h.request('POST', '/api/v1/apps', { body: { description: 'x' } }), 400, 'invalid_input', 'name');
    expectError(await h.request('POST', '/api/v1/apps', { body: { name: '' } }), 400, 'invalid_input', 'name');
    expect(await appCount()).toBe(before);
  });

  it('refuses a resource folder as folderId (folder_type_mismatch) and creates nothing', async () => {
    const resourceFolder = await createFolder('Resource folder for app', 'resource');
    const before = await appCount();
    const response = await h.request('POST', '/api/v1/apps', { body: { name: 'Misplaced', folderId: resourceFolder } });
    expectError(response, 400, 'folder_type_mismatch', 'folderId');
    expect(await appCount()).toBe(before);
  });

  it('refuses an unknown folderId (invalid_reference) and creates nothing', async () => {
    const before = await appCount();
    const response = await h.request('POST', '/api/v1/apps', { body: { name: 'Nowhere', folderId: UNKNOWN_ID } });
    expectError(response, 400, 'invalid_reference', 'folderId');
    expect(await appCount()).toBe(before);
  });

  it('refuses unknown resource ids (invalid_reference) and creates nothing', async () => {
    const known = await createResource('create-known');
    const before = await appCount();
    const response = await h.request('POST', '/api/v1/apps', { body: { name: 'Bad resources', resources: [known, UNKNOWN_ID] } });
    expectError(response, 400, 'invalid_reference', 'resources');
    expect(await appCount()).toBe(before);
    const list = (await h.request('GET', '/api/v1/apps')).json();
    expect(list.data.map((app: { name: string }) => app.name)).not.toContain('Bad resources');
  });

  it('refuses a folder or resource of another workspace', async () => {
    const other = await h.services.workspaces.create('Other for apps');
    const foreignFolder = await createFolder('Foreign app folder', 'app', other);
    const foreignResource = await createResource('foreign-res', other);
    const before = await appCount();
    expectError(await h.request('POST', '/api/v1/apps', { body: { name: 'X', folderId: foreignFolder } }), 400, 'invalid_reference', 'folderId');
    expectError(await h.request('POST', '/api/v1/apps', { body: { name: 'X', resources: [foreignResource] } }), 400, 'invalid_reference', 'resources');
    expect(await appCount()).toBe(before);
  });
});

describe('reading apps', () => {
  it('answers 404 app_not_found for an unknown id of any shape, as the seed declares appId a plain string', async () => {
    expectError(await h.request('GET', `/api/v1/apps/${UNKNOWN_ID}`), 404, 'app_not_found');
    expectError(await h.request('GET', '/api/v1/apps/not-a-uuid'), 404, 'app_not_found');
  });

  it('keeps apps of one workspace out of another', async () => {
    const other = await h.services.workspaces.create('Isolated apps');
    const app = await createApp({ name: 'Only here' }, other);
    expectError(await h.request('GET', `/api/v1/apps/${app.id}`), 404, 'app_not_found');
    expectError(await h.request('PUT', `/api/v1/apps/${app.id}`, { body: { name: 'Hijack' } }), 404, 'app_not_found');
    expectError(await h.request('DELETE', `/api/v1/apps/${app.id}`), 404, 'app_not_found');
    const list = (await h.request('GET', '/api/v1/apps')).json();
    expect(list.data.map((item: { id: string }) => item.id)).not.toContain(app.id);
    const inOther = await h.request('GET', `/api/v1/apps/${app.id}`, { workspaceId: other });
    expect(inOther.json()).toEqual(app);
  });
});

describe('listing apps', () => {
  it('pages with page and pageSize and answers {data, total, page, pageSize}', async () => {
    const workspaceId = await h.services.workspaces.create('Paging apps');
    const names = ['A1', 'A2', 'A3', 'A4', 'A5'];
    for (const name of names) await createApp({ name }, workspaceId);

    const all = await h.request('GET', '/api/v1/apps', { workspaceId });
    expect(all.statusCode).toBe(200);
    const full = all.json();
    expect(seedSchemaErrors('AppListResponse', full)).toEqual([]);
    expect(Object.keys(full).sort()).toEqual(['data', 'page', 'pageSize', 'total']);
    expect(full).toMatchObject({ total: 5, page: 1, pageSize: 100 });
    expect(full.data.map((app: { name: string }) => app.name).sort()).toEqual(names);

    const second = await h.request('GET', '/api/v1/apps?page=2&pageSize=2', { workspaceId });
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual({ data: full.data.slice(2, 4), total: 5, page: 2, pageSize: 2 });

    const last = (await h.request('GET', '/api/v1/apps?page=3&pageSize=2', { workspaceId })).json();
    expect(last).toEqual({ data: full.data.slice(4), total: 5, page: 3, pageSize: 2 });

    const beyond = (await h.request('GET', '/api/v1/apps?page=4&pageSize=2', { workspaceId })).json();
    expect(beyond).toEqual({ data: [], total: 5, page: 4, pageSize: 2 });
  });

  it('lists each app in the seed App shape with its folder and resources', async () => {
    const workspaceId = await h.services.workspaces.create('Listing shapes');
    const folderId = await createFolder('Listed folder', 'app', workspaceId);
    const resourceId = await createResource('listed-res', workspaceId);
    const app = await createApp({ name: 'Listed', folderId, resources: [resourceId] }, workspaceId);
    const list = (await h.request('GET', '/api/v1/apps', { workspaceId })).json();
    expect(list.data).toEqual([app]);
    expect(seedSchemaErrors('App', list.data[0])).toEqual([]);
  });

  it('refuses page 0, pageSize 0 and pageSize above 100', async () => {
    expectError(await h.request('GET', '/api/v1/apps?page=0'), 400, 'invalid_input', 'page');
    expectError(await h.request('GET', '/api/v1/apps?pageSize=0'), 400, 'invalid_input', 'pageSize');
    expectError(await h.request('GET', '/api/v1/apps?pageSize=101'), 400, 'invalid_input', 'pageSize');
  });
});

describe('updating apps', () => {
  it('changes only the fields given', async () => {
    const folderId = await createFolder('Update keeps folder', 'app');
    const resourceId = await createResource('update-keeps');
    const app = await createApp({ name: 'Before', description: 'Keep me', folderId, resources: [resourceId] });
    const response = await h.request('PUT', `/api/v1/apps/${app.id}`, { body: { name: 'After' } });
    expect(response.statusCode, response.body).toBe(200);
    const updated = response.json();
    expect(seedSchemaErrors('App', updated)).toEqual([]);
    expect(updated).toEqual({ ...app, name: 'After', updatedAt: updated.updatedAt });
    expect(Date.parse(updated.updatedAt)).toBeGreaterThanOrEqual(Date.parse(app.updatedAt));
    expect(await getApp(app.id)).toEqual(updated);

    const described = (await h.request('PUT', `/api/v1/apps/${app.id}`, { body: { description: 'New text' } })).json();
    expect(described).toMatchObject({ name: 'After', description: 'New text', folderId, resources: [resourceId] });
  });

  it('moves an app between app folders, and to the top level with folderId null', async () => {
    const from = await createFolder('Move from', 'app');
    const to = await createFolder('Move to', 'app');
    const app = await createApp({ name: 'Mover', folderId: from });
    const moved = await h.request('PUT', `/api/v1/apps/${app.id}`, { body: { folderId: to } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().folderId).toBe(to);

    const top = await h.request('PUT', `/api/v1/apps/${app.id}`, { body: { folderId: null } });
    expect(top.statusCode, top.body).toBe(200);
    expect(top.json()).not.toHaveProperty('folderId');
    expect(top.json().name).toBe('Mover');
    expect(await getApp(app.id)).not.toHaveProperty('folderId');
    const [row] = await h.runtime.database.db.selectFrom('apps').select('folder_id').where('id', '=', app.id).execute();
    expect(row!.folder_id).toBeNull();
  });

  it('replaces the resource list when given, and clears it with []', async () => {
    const first = await createResource('replace-1');
    const second = await createResource('replace-2');
    const app = await createApp({ name: 'Replacing', resources: [first] });
    const replaced = (await h.request('PUT', `/api/v1/apps/${app.id}`, { body: { resources: [second] } })).json();
    expect(replaced.resources).toEqual([second]);
    const cleared = (await h.request('PUT', `/api/v1/apps/${app.id}`, { body: { resources: [] } })).json();
    expect(cleared.resources).toEqual([]);
    expect((await getApp(app.id)).resources).toEqual([]);
  });

  it('refuses a resource folder and changes nothing', async () => {
    const appFolder = await createFolder('Kept app folder', 'app');
    const resourceFolder = await createFolder('Wrong kind for update', 'resource');
    const app = await createApp({ name: 'Unmoved', folderId: appFolder });
    const response = await h.request('PUT', `/api/v1/apps/${app.id}`, { body: { name: 'Renamed?', folderId: resourceFolder } });
    expectError(response, 400, 'folder_type_mismatch', 'folderId');
    expect(await getApp(app.id)).toEqual(app);
  });

  it('refuses an unknown folder and changes nothing', async () => {
    const app = await createApp({ name: 'Stays put' });
    const response = await h.request('PUT', `/api/v1/apps/${app.id}`, { body: { description: 'changed?', folderId: UNKNOWN_ID } });
    expectError(response, 400, 'invalid_reference', 'folderId');
    expect(await getApp(app.id)).toEqual(app);
  });

  it('refuses unknown resources and keeps the old list and fields', async () => {
    const kept = await createResource('kept-on-failure');
    const app = await createApp({ name: 'Keeps resources', resources: [kept] });
    const response = await h.request('PUT', `/api/v1/apps/${app.id}`, { body: { name: 'Changed?', resources: [UNKNOWN_ID] } });
    expectError(response, 400, 'invalid_reference', 'resources');
    expect(await getApp(app.id)).toEqual(app);
  });

  it('answers 404 app_not_found for an unknown app', async () => {
    expectError(await h.request('PUT', `/api/v1/apps/${UNKNOWN_ID}`, { body: { name: 'Ghost' } }), 404, 'app_not_found');
  });

  it('refuses an empty name', async () => {
    const app = await createApp({ name: 'Named' });
    expectError(await h.request('PUT', `/api/v1/apps/${app.id}`, { body: { name: '' } }), 400, 'invalid_input', 'name');
    expect(await getApp(app.id)).toEqual(app);
  });
});

describe('deleting apps', () => {
  it('answers 204, then 404 for the same app', async () => {
    const resourceId = await createResource('delete-app-res');
    const app = await createApp({ name: 'Doomed', resources: [resourceId] });
    const before = await appCount();
    const deleted = await h.request('DELETE', `/api/v1/apps/${app.id}`);
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe('');
    expect(await appCount()).toBe(before - 1);
    expectError(await h.request('GET', `/api/v1/apps/${app.id}`), 404, 'app_not_found');
    expectError(await h.request('DELETE', `/api/v1/apps/${app.id}`), 404, 'app_not_found');
    // Its resource links went with it: the resource is free to delete.
    expect((await h.request('DELETE', `/api/v1/resources/${resourceId}`)).statusCode).toBe(204);
  });
});

describe('app scopes', () => {
  it('lets apps:read read but not write', async () => {
    const token = await h.token(['apps:read']);
    expect((await h.request('GET', '/api/v1/apps', { token })).statusCode).toBe(200);
    expectError(await h.request('POST', '/api/v1/apps', { token, body: { name: 'Nope' } }), 403, 'missing_scope');
    expectError(await h.request('GET', '/api/v1/apps', { token: null }), 401, 'unauthorized');
  });
});
