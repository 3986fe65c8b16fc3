import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOOLJET_COMPATIBLE_VERSION } from '../../src/core/tooljet-version.ts';
import { ADMIN_EMAIL, EXTERNAL_TOKEN, Harness } from '../helpers/harness.ts';

let h: Harness;
/** A second workspace with its own admin, created after the first. */
let other: string;
const OTHER_ADMIN = 'second-admin@example.com';

beforeAll(async () => {
  h = await Harness.start();
  other = await h.services.workspaces.create('Second for ToolJet apps');
  await h.token(['*'], { workspaceId: other, email: OTHER_ADMIN });
});
afterAll(async () => {
  await h.close();
});

type Json = Record<string, any>;

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const OLD_APP = 'a0000000-0000-4000-8000-000000000000';
const OLD_V1 = 'a0000000-0000-4000-8000-000000000001';
const OLD_V2 = 'a0000000-0000-4000-8000-000000000002';

/**
 * An appV2 document as ToolJet exports it with all versions: pages, queries and events of
 * both versions interleaved, components reaching their version through their page, a global
 * data source and environments shared by both, and fields this server knows nothing about.
 */
function toolJetAppV2(name: string): Json {
  return {
    id: OLD_APP, name, slug: 'orders-admin', organizationId: UNKNOWN_ID, createdAt: '2024-05-01T10:00:00.000Z', updatedAt: '2024-05-02T10:00:00.000Z',
    type: 'front-end', isPublic: false, isMaintenanceOn: false, icon: 'menu-home', userId: UNKNOWN_ID, currentVersionId: OLD_V2,
    editingVersion: { id: OLD_V2, name: 'v2', appId: OLD_APP },
    pages: [
      { id: 'b0000000-0000-4000-8000-000000000001', name: 'Home', handle: 'home', index: 0, appVersionId: OLD_V1 },
      { id: 'b0000000-0000-4000-8000-000000000002', name: 'Home', handle: 'home', index: 0, appVersionId: OLD_V2 },
      { id: 'b0000000-0000-4000-8000-000000000003', name: 'Audit', handle: 'audit', index: 1, appVersionId: OLD_V1, hidden: true },
    ],
    components: [
      {
        id: 'c0000000-0000-4000-8000-000000000002', name: 'table1', type: 'Table', pageId: 'b0000000-0000-4000-8000-000000000002',
        properties: { data: { value: '{{queries.orders.data}}' }, columns: { value: [{ name: 'id', key: 'id' }, { name: 'total', key: 'total' }] } },
        layouts: [{ type: 'desktop', top: 90, left: 4.65, width: 30, height: 420 }],
      },
      {
        id: 'c0000000-0000-4000-8000-000000000001', name: 'text1', type: 'Text', pageId: 'b0000000-0000-4000-8000-000000000001',
        properties: { text: { value: 'Orders — ünïcode 😀' } }, styles: { textColor: { value: '#000' } }, layouts: [],
      },
    ],
    dataQueries: [
      { id: 'd0000000-0000-4000-8000-000000000001', name: 'orders', kind: 'restapi', appVersionId: OLD_V1, dataSourceId: 'e0000000-0000-4000-8000-000000000001', options: { method: 'get', url: 'https://api.example.com/orders', headers: [['x', '1']] } },
      { id: 'd0000000-0000-4000-8000-000000000002', name: 'orders', kind: 'restapi', appVersionId: OLD_V2, dataSourceId: 'e0000000-0000-4000-8000-000000000001', options: { method: 'get', url: 'https://api.example.com/v2/orders', runOnPageLoad: true, count: 3, ratio: 0.5, empty: null } },
    ],
    dataSources: [{ id: 'e0000000-0000-4000-8000-000000000001', name: 'restapidefault', kind: 'restapi', scope: 'global', type: 'static' }],
    events: [
      { id: 'f0000000-0000-4000-8000-000000000002', name: 'onClick', sourceId: 'c0000000-0000-4000-8000-000000000002', target: 'component', appVersionId: OLD_V2, event: { actionId: 'run-query', queryName: 'orders' } },
    ],
    appEnvironments: [{ id: '10000000-0000-4000-8000-000000000001', name: 'development', isDefault: false, priority: 1 }, { id: '10000000-0000-4000-8000-000000000002', name: 'production', isDefault: true, priority: 3 }],
    dataSourceOptions: [{ id: '20000000-0000-4000-8000-000000000001', dataSourceId: 'e0000000-0000-4000-8000-000000000001', environmentId: '10000000-0000-4000-8000-000000000002', options: { url: { value: '', encrypted: false } } }],
    schemaDetails: { multiPages: true, multiEnv: true, globalDataSources: true },
    appVersions: [
      { id: OLD_V1, name: 'v1', appId: OLD_APP, definition: {}, globalSettings: { theme: { id: 1 }, canvasMaxWidth: 1292 }, showViewerNavigation: true, homePageId: 'b0000000-0000-4000-8000-000000000001', currentEnvironmentId: '10000000-0000-4000-8000-000000000001', createdAt: '2024-05-01T10:00:00.000Z' },
      { id: OLD_V2, name: 'v2', appId: OLD_APP, definition: {}, globalSettings: { theme: { id: 2 } }, homePageId: 'b0000000-0000-4000-8000-000000000002', promotedFrom: OLD_V1, currentEnvironmentId: '10000000-0000-4000-8000-000000000002' },
    ],
  };
}

function file(appV2: Json, tooljetVersion = '2.50.0-ee-lts'): Json {
  return { app: [{ definition: { appV2 } }], tooljet_version: tooljetVersion };
}

/**
 * The document without what an import or export may change: the app's own fields, version
 * timestamps, and version ids (each replaced by its version's name, wherever it appears).
 */
function comparable(appV2: Json): Json {
  let text = JSON.stringify(appV2);
  for (const version of appV2.appVersions as Json[]) text = text.replaceAll(`"${version.id}"`, `"<version ${version.name}>"`);
  const { id: _id, name: _name, slug: _slug, organizationId: _org, createdAt: _c, updatedAt: _u, ...rest } = JSON.parse(text);
  rest.appVersions = rest.appVersions.map(({ createdAt: _vc, updatedAt: _vu, ...entry }: Json) => entry);
  return rest;
}

function expectTooljetError(response: LightMyRequestResponse, status: number, message?: string | RegExp): Json {
  expect(response.statusCode, response.body).toBe(status);
  const body = response.json();
  expect(Object.keys(body).sort()).toEqual(['code', 'message', 'path', 'statusCode', 'timestamp']);
  expect(body.statusCode).toBe(status);
  expect(body.path).toBe(response.raw.req.url!.split('?')[0]);
  expect(Date.parse(body.timestamp)).not.toBeNaN();
  if (message !== undefined) expect([body.message].flat().join(' | ')).toMatch(message);
  return body;
}

async function list(workspaceId: string): Promise<Json[]> {
  const response = await h.ext('GET', `/api/ext/workspace/${workspaceId}/apps`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function listed(workspaceId: string, name: string): Promise<Json> {
  const app = (await list(workspaceId)).find((item) => item.name === name);
  expect(app, `${name} in ${workspaceId}`).toBeDefined();
  return app!;
}

async function exportApp(workspaceId: string, appId: string, query = ''): Promise<Json> {
  const response = await h.ext('POST', `/api/ext/export/workspace/${workspaceId}/apps/${appId}${query}`);
  expect(response.statusCode, response.body).toBe(201);
  const body = response.json();
  expect(Object.keys(body).sort()).toEqual(['app', 'tooljet_version']);
  expect(body.tooljet_version).toBe(TOOLJET_COMPATIBLE_VERSION);
  expect(body.app).toHaveLength(1);
  return body.app[0].definition.appV2;
}

async function importApp(workspaceId: string, body: Json): Promise<LightMyRequestResponse> {
  return h.ext('POST', `/api/ext/import/workspace/${workspaceId}/apps`, { body });
}

async function imported(workspaceId: string, body: Json, name: string): Promise<Json> {
  const response = await importApp(workspaceId, body);
  expect(response.statusCode, response.body).toBe(201);
  expect(response.json()).toEqual({ message: `App imported successfully into workspace ${workspaceId}` });
  return listed(workspaceId, name);
}

async function appCount(): Promise<number> {
  const row = await h.runtime.database.db.selectFrom('apps').select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}

async function creatorEmail(workspaceId: string, appId: string): Promise<string> {
  const response = await h.request('GET', `/api/v1/apps/${appId}`, { workspaceId });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().createdBy;
}

describe('authentication', () => {
  it.each([
    ['listing', 'GET', () => `/api/ext/workspace/${h.defaultWorkspaceId}/apps`],
    ['exporting', 'POST', () => `/api/ext/export/workspace/${h.defaultWorkspaceId}/apps/${UNKNOWN_ID}`],
    ['importing', 'POST', () => `/api/ext/import/workspace/${h.defaultWorkspaceId}/apps`],
  ] as const)('%s answers 403 Unauthorized without the right Basic token', async (_label, method, url) => {
    const before = await appCount();
    for (const token of [null, 'wrong-token']) {
      const response = await h.ext(method, url(), { token, body: method === 'POST' ? { tooljet_version: '3.0.0', appName: 'Sneaky' } : undefined });
      expectTooljetError(response, 403, /^Unauthorized$/);
    }
    const bearer = await h.app.inject({ method, url: url(), headers: { authorization: `Bearer ${h.adminToken}` } });
    expect(bearer.statusCode).toBe(403);
    expect(await appCount()).toBe(before);
  });
});

describe('listing apps', () => {
  it('lists an app made through the native API with its v1 version', async () => {
    const created = await h.request('POST', '/api/v1/apps', { body: { name: 'Native made' } });
    expect(created.statusCode, created.body).toBe(201);
    const app = await listed(h.defaultWorkspaceId, 'Native made');
    expect(Object.keys(app).sort()).toEqual(['createdAt', 'id', 'name', 'organizationId', 'slug', 'versions']);
    expect(app).toMatchObject({ id: created.json().id, slug: created.json().id, organizationId: h.defaultWorkspaceId, createdAt: created.json().createdAt });
    expect(app.versions).toHaveLength(1);
    expect(Object.keys(app.versions[0]).sort()).toEqual(['createdAt', 'id', 'name']);
    expect(app.versions[0]).toMatchObject({ name: 'v1', createdAt: created.json().createdAt });
    expect(app.versions[0].id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('lists only the workspace\'s own apps', async () => {
    await h.request('POST', '/api/v1/apps', { body: { name: 'Only in second' }, workspaceId: other });
    expect((await list(other)).map((app) => app.name)).toContain('Only in second');
    expect((await list(h.defaultWorkspaceId)).map((app) => app.name)).not.toContain('Only in second');
    expect((await list(other)).every((app) => app.organizationId === other)).toBe(true);
  });

  it('answers 400 for an unknown workspace and 422 for a malformed id', async () => {
    expectTooljetError(await h.ext('GET', `/api/ext/workspace/${UNKNOWN_ID}/apps`), 400, UNKNOWN_ID);
    expectTooljetError(await h.ext('GET', '/api/ext/workspace/not-a-uuid/apps'), 422);
  });
});

describe('exporting apps', () => {
  it('exports a native app: its fields and its empty v1', async () => {
    const created = (await h.request('POST', '/api/v1/apps', { body: { name: 'Native export' } })).json();
    const appV2 = await exportApp(h.defaultWorkspaceId, created.id);
    const [version] = (await listed(h.defaultWorkspaceId, 'Native export')).versions;
    expect(appV2).toEqual({
      id: created.id, name: 'Native export', slug: created.id, organizationId: h.defaultWorkspaceId, createdAt: created.createdAt, updatedAt: created.updatedAt,
      appVersions: [{ id: version.id, name: 'v1', createdAt: version.createdAt, updatedAt: version.createdAt }],
    });
  });

  it('answers 400 for an app of another workspace, an unknown app or workspace, and an unknown version', async () => {
    const foreign = (await h.request('POST', '/api/v1/apps', { body: { name: 'Foreign export' }, workspaceId: other })).json();
    const url = (workspaceId: string, appId: string) => `/api/ext/export/workspace/${workspaceId}/apps/${appId}`;
    expectTooljetError(await h.ext('POST', url(h.defaultWorkspaceId, foreign.id)), 400, foreign.id);
    expectTooljetError(await h.ext('POST', url(h.defaultWorkspaceId, UNKNOWN_ID)), 400);
    expectTooljetError(await h.ext('POST', url(UNKNOWN_ID, foreign.id)), 400, UNKNOWN_ID);
    expectTooljetError(await h.ext('POST', `${url(other, foreign.id)}?appVersion=v9`), 400, /v9/);
    expectTooljetError(await h.ext('POST', `${url(other, foreign.id)}?appVersion=v1%00`), 400);
    expect((await exportApp(other, foreign.id)).name).toBe('Foreign export');
  });

  it('answers 422 for a malformed workspace or app id', async () => {
    expectTooljetError(await h.ext('POST', `/api/ext/export/workspace/nope/apps/${UNKNOWN_ID}`), 422);
    expectTooljetError(await h.ext('POST', `/api/ext/export/workspace/${h.defaultWorkspaceId}/apps/nope`), 422);
  });
});

describe('importing apps', () => {
  it('imports a ToolJet file with new ids, v1 and v2, created by the workspace\'s oldest active admin', async () => {
    const app = await imported(h.defaultWorkspaceId, file(toolJetAppV2('Orders admin')), 'Orders admin');
    expect(app.id).not.toBe(OLD_APP);
    expect(app.slug).toBe(app.id);
    expect(app.organizationId).toBe(h.defaultWorkspaceId);
    expect(app.versions.map((version: Json) => version.name)).toEqual(['v1', 'v2']);
    expect(app.versions.map((version: Json) => version.id)).not.toContain(OLD_V1);
    expect(app.versions.map((version: Json) => version.id)).not.toContain(OLD_V2);
    expect(await creatorEmail(h.defaultWorkspaceId, app.id)).toBe(ADMIN_EMAIL);
  });

  it('exports all versions as they were sent, with references pointing at the new version ids', async () => {
    const sent = toolJetAppV2('Orders all versions');
    const app = await imported(h.defaultWorkspaceId, file(sent), 'Orders all versions');
    const [v1, v2] = app.versions.map((version: Json) => version.id);
    const appV2 = await exportApp(h.defaultWorkspaceId, app.id, '?exportAllVersions=true');
    expect(appV2).toMatchObject({ id: app.id, name: 'Orders all versions', slug: app.id, organizationId: h.defaultWorkspaceId, createdAt: app.createdAt });
    expect(appV2.appVersions.map((version: Json) => version.id)).toEqual([v1, v2]);
    expect(appV2.pages.map((page: Json) => page.appVersionId)).toEqual([v1, v2, v1]);
    expect(appV2.dataQueries.map((query: Json) => query.appVersionId)).toEqual([v1, v2]);
    expect(appV2.events[0].appVersionId).toBe(v2);
    expect(appV2.editingVersion.id).toBe(v2);
    expect(appV2.currentVersionId).toBe(v2);
    expect(appV2.appVersions[1].promotedFrom).toBe(v1);
    expect(JSON.stringify(appV2)).not.toContain(OLD_V1);
    expect(comparable(appV2)).toEqual(comparable(sent));
  });

  it('exports the newest version by default, and one version by name, each with its own pages only', async () => {
    const app = await imported(h.defaultWorkspaceId, file(toolJetAppV2('Orders by version')), 'Orders by version');
    const [v1, v2] = app.versions.map((version: Json) => version.id);

    const newest = await exportApp(h.defaultWorkspaceId, app.id);
    expect(newest.appVersions.map((version: Json) => [version.id, version.name])).toEqual([[v2, 'v2']]);
    expect(newest.pages.map((page: Json) => page.appVersionId)).toEqual([v2]);
    expect(newest.components.map((component: Json) => component.name)).toEqual(['table1']);
    expect(newest.dataQueries.map((query: Json) => query.options.url)).toEqual(['https://api.example.com/v2/orders']);
    expect(newest.dataSources).toHaveLength(1);
    expect(newest.appEnvironments).toHaveLength(2);

    const first = await exportApp(h.defaultWorkspaceId, app.id, '?appVersion=v1');
    expect(first.appVersions.map((version: Json) => [version.id, version.name])).toEqual([[v1, 'v1']]);
    expect(first.pages.map((page: Json) => page.name)).toEqual(['Home', 'Audit']);
    expect(first.components.map((component: Json) => component.name)).toEqual(['text1']);
    expect(first.events).toEqual([]);
    expect(first.appVersions[0].globalSettings).toEqual({ theme: { id: 1 }, canvasMaxWidth: 1292 });
  });

  it('round-trips export → import → export within a workspace and into another one', async () => {
    const source = await imported(h.defaultWorkspaceId, file(toolJetAppV2('Round trip')), 'Round trip');
    for (const query of ['?exportAllVersions=true', '', '?appVersion=v1']) {
      const exported = await exportApp(h.defaultWorkspaceId, source.id, query);
      const copyName = `Round trip copy ${query}`;
      const copy = await imported(h.defaultWorkspaceId, { ...file(exported, TOOLJET_COMPATIBLE_VERSION), appName: copyName }, copyName);
      expect(copy.id).not.toBe(source.id);
      expect(copy.versions.map((version: Json) => version.name)).toEqual(exported.appVersions.map((version: Json) => version.name));
      expect(copy.versions.map((version: Json) => version.id)).not.toContain(exported.appVersions[0].id);
      const again = await exportApp(h.defaultWorkspaceId, copy.id, '?exportAllVersions=true');
      expect(again.name).toBe(copyName);
      expect(again.appVersions.map((version: Json) => version.id)).toEqual(copy.versions.map((version: Json) => version.id));
      expect(comparable(again)).toEqual(comparable(exported));

      // Into the second workspace, under the file's own name, owned by that workspace's admin.
      const name = exported.name;
      const moved = await imported(other, file(exported, TOOLJET_COMPATIBLE_VERSION), name);
      expect(moved.organizationId).toBe(other);
      const there = await exportApp(other, moved.id, '?exportAllVersions=true');
      expect(there.organizationId).toBe(other);
      expect(comparable(there)).toEqual(comparable(exported));
      expect(await creatorEmail(other, moved.id)).toBe(OTHER_ADMIN);
      const removed = await h.request('DELETE', `/api/v1/apps/${moved.id}`, { workspaceId: other });
      expect(removed.statusCode).toBe(204);
    }
  });

  it('round-trips a native app, and takes appName over the file\'s name', async () => {
    const created = (await h.request('POST', '/api/v1/apps', { body: { name: 'Native trip' } })).json();
    const exported = await exportApp(h.defaultWorkspaceId, created.id);
    const copy = await imported(h.defaultWorkspaceId, { ...file(exported), appName: 'Native trip copy' }, 'Native trip copy');
    expect(copy.versions.map((version: Json) => version.name)).toEqual(['v1']);
    expect(comparable(await exportApp(h.defaultWorkspaceId, copy.id))).toEqual(comparable(exported));
  });

  it('creates an empty app with one version when only appName is given', async () => {
    const app = await imported(h.defaultWorkspaceId, { tooljet_version: '3.0.0', appName: 'Empty import' }, 'Empty import');
    expect(app.versions.map((version: Json) => version.name)).toEqual(['v1']);
    const appV2 = await exportApp(h.defaultWorkspaceId, app.id);
    expect(Object.keys(appV2).sort()).toEqual(['appVersions', 'createdAt', 'id', 'name', 'organizationId', 'slug', 'updatedAt']);
  });

  it('refuses a name already taken in the workspace, and creates nothing', async () => {
    await imported(h.defaultWorkspaceId, { tooljet_version: '3.0.0', appName: 'Taken name' }, 'Taken name');
    const before = await appCount();
    expectTooljetError(await importApp(h.defaultWorkspaceId, { tooljet_version: '3.0.0', appName: 'Taken name' }), 400, /already taken/);
    expectTooljetError(await importApp(h.defaultWorkspaceId, file(toolJetAppV2('Taken name'))), 400, /already taken/);
    expect(await appCount()).toBe(before);
    // Another workspace may use the name.
    await imported(other, { tooljet_version: '3.0.0', appName: 'Taken name' }, 'Taken name');
  });

  it('lets one of several concurrent imports of a name win; the others find it taken', async () => {
    const body = { tooljet_version: '3.0.0', appName: 'Raced name' };
    const responses = await Promise.all(Array.from({ length: 6 }, () => importApp(h.defaultWorkspaceId, body)));
    expect(responses.map((response) => response.statusCode).sort()).toEqual([201, 400, 400, 400, 400, 400]);
    for (const response of responses.filter((item) => item.statusCode === 400)) expectTooljetError(response, 400, /already taken/);
    expect((await list(h.defaultWorkspaceId)).filter((app) => app.name === 'Raced name')).toHaveLength(1);
  });

  it('refuses a missing or newer tooljet_version', async () => {
    const before = await appCount();
    const missing = expectTooljetError(await importApp(h.defaultWorkspaceId, { appName: 'No version' }), 400, /tooljet_version/);
    expect(Array.isArray(missing.message)).toBe(true);
    expectTooljetError(await importApp(h.defaultWorkspaceId, { tooljet_version: '', appName: 'Empty version' }), 400, /tooljet_version/);
    expectTooljetError(await importApp(h.defaultWorkspaceId, { tooljet_version: '3.16.1', appName: 'Newer' }), 400, /newer/);
    expectTooljetError(await importApp(h.defaultWorkspaceId, { tooljet_version: '3.100.0', appName: 'Newer' }), 400, /newer/);
    expectTooljetError(await importApp(h.defaultWorkspaceId, { tooljet_version: 'latest', appName: 'Bad version' }), 400, /tooljet_version/);
    expect(await appCount()).toBe(before);
    await imported(h.defaultWorkspaceId, { tooljet_version: `${TOOLJET_COMPATIBLE_VERSION}-ee-lts`, appName: 'Same version' }, 'Same version');
  });

  it('refuses a body with neither app nor appName', async () => {
    const before = await appCount();
    expectTooljetError(await importApp(h.defaultWorkspaceId, { tooljet_version: '3.0.0' }), 400, /appName/);
    expect(await appCount()).toBe(before);
  });

  it.each([
    ['an object for app', { app: {} }],
    ['an empty app list', { app: [] }],
    ['two apps', { app: [{ definition: { appV2: {} } }, { definition: { appV2: {} } }] }],
    ['a number in app', { app: [1] }],
    ['no definition', { app: [{}] }],
    ['a definition that is not an object', { app: [{ definition: 'x' }] }],
    ['no appV2', { app: [{ definition: {} }] }],
    ['an appV2 list', { app: [{ definition: { appV2: [] } }] }],
    ['an appV2 without a name', { app: [{ definition: { appV2: { pages: [] } } }] }],
    ['a numeric app name', { app: [{ definition: { appV2: { name: 42 } } }] }],
    ['appVersions not a list', { app: [{ definition: { appV2: { name: 'Bad versions', appVersions: 'v1' } } }] }],
    ['a version without an id', { app: [{ definition: { appV2: { name: 'Bad versions', appVersions: [{ name: 'v1' }] } } }] }],
    ['a version that is not an object', { app: [{ definition: { appV2: { name: 'Bad versions', appVersions: [null] } } }] }],
    ['two versions of one name', { app: [{ definition: { appV2: { name: 'Bad versions', appVersions: [{ id: 'a', name: 'v1' }, { id: 'b', name: 'v1' }] } } }] }],
    ['an unpaired surrogate', { app: [{ definition: { appV2: { name: 'Bad text', pages: [{ name: 'x\ud800y' }] } } }] }],
    ['a numeric appName', { appName: 7 }],
    ['an empty appName', { appName: '' }],
  ])('refuses %s with 400 and creates nothing', async (_label, body) => {
    const before = await appCount();
    expectTooljetError(await importApp(h.defaultWorkspaceId, { tooljet_version: '3.0.0', ...body }), 400);
    expect(await appCount()).toBe(before);
  });

  it('makes the oldest admin whose membership is active the creator, passing over builders and disabled admins', async () => {
    const workspaceId = await h.services.workspaces.create('Creator choice');
    const addUser = async (email: string, isAdmin: boolean) => {
      const response = await h.request('POST', '/api/v1/users', { body: { email, isAdmin }, workspaceId });
      expect(response.statusCode, response.body).toBe(201);
      return response.json().id as string;
    };
    await addUser('creator-builder@example.com', false);
    const body = { tooljet_version: '3.0.0', appName: 'Whose app' };
    expectTooljetError(await importApp(workspaceId, body), 400, /admin/);
    const disabled = await addUser('creator-disabled@example.com', true);
    await addUser('creator-admin@example.com', true);
    const update = await h.request('PUT', `/api/v1/users/${disabled}`, { body: { isDisabled: true }, workspaceId });
    expect(update.statusCode, update.body).toBe(200);
    const app = await imported(workspaceId, body, 'Whose app');
    expect(await creatorEmail(workspaceId, app.id)).toBe('creator-admin@example.com');
  });

  it('refuses an unknown workspace, a workspace without an active admin, and a malformed id', async () => {
    const before = await appCount();
    const body = { tooljet_version: '3.0.0', appName: 'Nowhere' };
    expectTooljetError(await importApp(UNKNOWN_ID, body), 400, UNKNOWN_ID);
    const adminless = await h.services.workspaces.create('No admin for imports');
    expectTooljetError(await importApp(adminless, body), 400, /admin/);
    expectTooljetError(await h.ext('POST', '/api/ext/import/workspace/nope/apps', { body }), 422);
    expect(await appCount()).toBe(before);
  });
});

describe('request bodies as ToolJet clients send them', () => {
  it('exports when the request says application/json but sends no body', async () => {
    const created = (await h.request('POST', '/api/v1/apps', { body: { name: 'Curl export' } })).json();
    const response = await h.app.inject({
      method: 'POST',
      url: `/api/ext/export/workspace/${h.defaultWorkspaceId}/apps/${created.id}`,
      headers: { authorization: `Basic ${EXTERNAL_TOKEN}`, 'content-type': 'application/json' },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().app[0].definition.appV2.name).toBe('Curl export');
  });

  it('imports a file larger than the 1 MiB limit of other requests', async () => {
    const appV2 = toolJetAppV2('Large import');
    appV2.padding = 'x'.repeat(3 * 1024 * 1024);
    const app = await imported(h.defaultWorkspaceId, file(appV2), 'Large import');
    expect((await exportApp(h.defaultWorkspaceId, app.id, '?exportAllVersions=true')).padding).toHaveLength(3 * 1024 * 1024);
    const tooBig = await h.ext('POST', '/api/ext/users', { body: { name: 'x'.repeat(2 * 1024 * 1024), email: 'big@example.com', workspaces: [] } });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json()).toMatchObject({ statusCode: 413, code: 'payload_too_large' });
  });
});
