import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMIT } from '../../src/config.ts';
import { TOOLJET_COMPATIBLE_VERSION } from '../../src/core/tooljet-version.ts';
import { expectError } from '../helpers/expect-error.ts';
import { ADMIN_EMAIL, Harness } from '../helpers/harness.ts';
import { CSRF, signedInMember } from '../helpers/signed-in.ts';

/** The native API's app versions, ToolJet export and import of an app (`/apps/{id}/versions|export`, `/apps/import`). */

type Json = Record<string, any>;

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const PASSWORD = 'app transfer password';

let h: Harness;
let other: string;

beforeAll(async () => {
  h = await Harness.start({ rateLimit: { ...DEFAULT_RATE_LIMIT, perToken: 1_000_000, perAddress: 1_000_000 } });
  other = await h.services.workspaces.create('Second for app transfers');
});
afterAll(async () => {
  await h.close();
});

async function createApp(name: string, workspaceId?: string): Promise<Json> {
  const response = await h.request('POST', '/api/v1/apps', { body: { name }, workspaceId });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function exported(appId: string, query = ''): Promise<Json> {
  const response = await h.request('POST', `/api/v1/apps/${appId}/export${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

function importApp(body: unknown, options: { token?: string | null; headers?: Record<string, string>; workspaceId?: string } = {}) {
  return h.request('POST', '/api/v1/apps/import', { body, ...options });
}

async function appCount(): Promise<number> {
  return (await h.request('GET', '/api/v1/apps?pageSize=1')).json().total;
}

function signedIn(email: string, role: 'admin' | 'builder' | 'end-user'): Promise<{ id: string; cookie: string }> {
  return signedInMember(h, email, role, PASSWORD);
}

describe('listing an app\'s versions', () => {
  it('answers the versions oldest first, without definitions', async () => {
    const app = await createApp('Versioned');
    const response = await h.request('GET', `/api/v1/apps/${app.id}/versions`);
    expect(response.statusCode, response.body).toBe(200);
    const { data } = response.json();
    expect(data).toHaveLength(1);
    expect(Object.keys(data[0]).sort()).toEqual(['createdAt', 'id', 'name']);
    expect(data[0].name).toBe('v1');
  });

  it('answers 404 for an unknown id, a malformed one, and another workspace\'s app', async () => {
    const foreign = await createApp('Foreign versions', other);
    for (const id of [UNKNOWN_ID, 'not-an-id', foreign.id]) {
      expectError(await h.request('GET', `/api/v1/apps/${id}/versions`), 404, 'app_not_found');
    }
  });

  it('needs apps:read', async () => {
    const app = await createApp('Scoped versions');
    const token = await h.token(['users:read']);
    expectError(await h.request('GET', `/api/v1/apps/${app.id}/versions`, { token }), 403);
    const reader = await h.token(['apps:read']);
    expect((await h.request('GET', `/api/v1/apps/${app.id}/versions`, { token: reader })).statusCode).toBe(200);
  });
});

describe('exporting an app', () => {
  it('answers a ToolJet export file of the newest version, and records app.exported', async () => {
    const app = await createApp('Exported');
    const file = await exported(app.id);
    expect(file.tooljet_version).toBe(TOOLJET_COMPATIBLE_VERSION);
    expect(file.app).toHaveLength(1);
    expect(file.app[0].definition.appV2).toMatchObject({ id: app.id, name: 'Exported' });
    expect(file.app[0].definition.appV2.appVersions.map((version: Json) => version.name)).toEqual(['v1']);
    const events = (await h.request('GET', `/api/v1/auditEvents?targetType=app&targetId=${app.id}&action=app.exported`)).json().data;
    expect(events).toHaveLength(1);
    expect(events[0].changes).toEqual({ versions: ['v1'] });
  });

  it('selects a version by name, and refuses a name the app has none of (400 naming appVersion)', async () => {
    const app = await createApp('Named export');
    expect((await exported(app.id, '?appVersion=v1')).app[0].definition.appV2.appVersions).toHaveLength(1);
    expect((await exported(app.id, '?allVersions=true')).app[0].definition.appV2.appVersions).toHaveLength(1);
    expectError(await h.request('POST', `/api/v1/apps/${app.id}/export?appVersion=v9`), 400, 'app_version_not_found', 'appVersion');
    expectError(await h.request('POST', `/api/v1/apps/${app.id}/export?allVersions=maybe`), 400);
  });

  it('answers 404 for an unknown or another workspace\'s app, recording nothing', async () => {
    const foreign = await createApp('Foreign export', other);
    for (const id of [UNKNOWN_ID, 'nope', foreign.id]) {
      expectError(await h.request('POST', `/api/v1/apps/${id}/export`), 404, 'app_not_found');
    }
    const events = (await h.request('GET', `/api/v1/auditEvents?targetId=${foreign.id}&action=app.exported`, { workspaceId: other })).json().data;
    expect(events).toEqual([]);
  });
});

describe('importing an app', () => {
  it('creates the app from a downloaded file with new ids, created by the caller', async () => {
    const source = await createApp('Round trip');
    const file = await exported(source.id);
    const response = await importApp({ ...file, appName: 'Round trip copy' });
    expect(response.statusCode, response.body).toBe(201);
    const app = response.json();
    expect(app).toMatchObject({ name: 'Round trip copy', createdBy: ADMIN_EMAIL, description: '', resources: [] });
    expect(app.id).not.toBe(source.id);
    expect(app).not.toHaveProperty('folderId');
    const versions = (await h.request('GET', `/api/v1/apps/${app.id}/versions`)).json().data;
    expect(versions.map((version: Json) => version.name)).toEqual(['v1']);
    expect(versions[0].id).not.toBe(file.app[0].definition.appV2.appVersions[0].id);
  });

  it('puts the app in the app folder named, and refuses another type\'s folder or an unknown one', async () => {
    const file = await exported((await createApp('Foldered source')).id);
    const folder = (await h.request('POST', '/api/v1/folders', { body: { name: 'Imports', folderType: 'app' } })).json();
    const response = await importApp({ ...file, appName: 'Foldered import', folderId: folder.id });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().folderId).toBe(folder.id);
    const resourceFolder = (await h.request('POST', '/api/v1/folders', { body: { name: 'Not for apps', folderType: 'resource' } })).json();
    const before = await appCount();
    expectError(await importApp({ ...file, appName: 'Wrong folder', folderId: resourceFolder.id }), 400, 'folder_type_mismatch', 'folderId');
    expectError(await importApp({ ...file, appName: 'No folder', folderId: UNKNOWN_ID }), 400, 'invalid_reference', 'folderId');
    expect(await appCount()).toBe(before);
  });

  it('imports into the workspace the request acts in', async () => {
    const file = await exported((await createApp('Cross workspace')).id);
    const response = await importApp(file, { workspaceId: other });
    expect(response.statusCode, response.body).toBe(201);
    expect((await h.request('GET', `/api/v1/apps/${response.json().id}`, { workspaceId: other })).statusCode).toBe(200);
    expectError(await h.request('GET', `/api/v1/apps/${response.json().id}`), 404, 'app_not_found');
  });

  it('refuses a taken name (409), a newer ToolJet release and a malformed file (400), creating nothing', async () => {
    const file = await exported((await createApp('Taken on import')).id);
    const before = await appCount();
    expectError(await importApp(file), 409, 'app_name_taken', 'appName');
    expectError(await importApp({ ...file, tooljet_version: '99.0.0', appName: 'Too new' }), 400, undefined, 'tooljet_version');
    expectError(await importApp({ tooljet_version: TOOLJET_COMPATIBLE_VERSION, appName: 'No file' }), 400);
    expectError(await importApp({ ...file, app: [{ definition: { appV2: { name: 'Broken', appVersions: 'nope' } } }] }), 400);
    expectError(await importApp({ ...file, appName: '' }), 400);
    expect(await appCount()).toBe(before);
  });

  it('needs apps:write, and an end user\'s session may not import', async () => {
    const file = await exported((await createApp('Scoped import')).id);
    const reader = await h.token(['apps:read']);
    expectError(await importApp({ ...file, appName: 'By a reader' }, { token: reader }), 403);
    const endUser = await signedIn('import-end-user@example.com', 'end-user');
    expectError(await importApp({ ...file, appName: 'By an end user' }, { token: null, headers: { cookie: endUser.cookie, ...CSRF } }), 403);
  });

  it('gives a builder who imports an app ownership of it', async () => {
    const file = await exported((await createApp('Builder import source')).id);
    const builder = await signedIn('import-builder@example.com', 'builder');
    const session = { token: null, headers: { cookie: builder.cookie, ...CSRF } };
    const response = await importApp({ ...file, appName: 'Builder import' }, session);
    expect(response.statusCode, response.body).toBe(201);
    const appId = response.json().id;
    expect(response.json().createdBy).toBe('import-builder@example.com');
    const removed = await h.request('DELETE', `/api/v1/apps/${appId}`, session);
    expect(removed.statusCode, removed.body).toBe(204);
    const folder = (await h.request('POST', '/api/v1/folders', { body: { name: 'Not the builder\'s', folderType: 'app' } })).json();
    expectError(await importApp({ ...file, appName: 'Into a folder', folderId: folder.id }, session), 403, 'insufficient_access', 'folderId');
  });
});
