import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from '../../helpers/harness.ts';
import { v2 } from './client.ts';

let h: Harness;
let destination: string;
let spaceId: string;
beforeAll(async () => {
  h = await Harness.start();
  destination = await h.services.workspaces.create('Copy destination');
  spaceId = `org_${destination.replace(/-/g, '')}`;
});
afterAll(async () => {
  await h.close();
});

const db = () => h.runtime.database.db;
const nothing = { app_ids: [], resource_ids: [], workflow_ids: [], query_library_query_ids: [] };
const copy = (body: object, token?: string) =>
  v2(h, 'POST', '/api/v2/spaces/copyElements', { body: { ...nothing, destination_space_id: spaceId, ...body }, token });
/** Request options acting in the destination workspace. */
const inDestination = () => ({ workspaceId: destination });

/** Rows of the destination workspace, by table: what a refused copy must leave unchanged. */
async function destinationRows() {
  const [apps, resources, workflows] = await Promise.all(['apps', 'resources', 'workflows'].map((table) =>
    db().selectFrom(table as 'apps').select('name').where('workspace_id', '=', destination).orderBy('name').execute()));
  return { apps, resources, workflows };
}

describe('POST /spaces/copyElements', () => {
  it('copies resources without their secrets, workflows, and apps with their newest version and resource links', async () => {
    const resource = (await h.request('POST', '/api/v1/resources', {
      body: { name: 'Copied db', type: 'postgresql', options: { host: 'db.internal' }, secrets: { password: 'hunter2' } },
    })).json();
    const shared = (await h.request('POST', '/api/v1/resources', { body: { name: 'Shared api', type: 'restapi', options: {} } })).json();
    const twin = (await h.request('POST', '/api/v1/resources', { body: { name: 'Shared api', type: 'restapi', options: {} }, ...inDestination() })).json();
    const appFolder = (await h.request('POST', '/api/v1/folders', { body: { name: 'Source apps', folderType: 'app' } })).json();
    const workflowFolder = (await h.request('POST', '/api/v1/folders', { body: { name: 'Source workflows', folderType: 'workflow' } })).json();
    const app = (await h.request('POST', '/api/v1/apps', {
      body: { name: 'Copied app', description: 'Orders', resources: [resource.id, shared.id], folderId: appFolder.id },
    })).json();
    const workflow = (await h.request('POST', '/api/v1/workflows', { body: { name: 'Nightly', description: 'Sync', folderId: workflowFolder.id } })).json();

    const response = await copy({ app_ids: [app.id], resource_ids: [resource.id], workflow_ids: [workflow.id] });
    expect(response.statusCode).toBe(201);
    const copied = response.json().data;
    expect(copied.query_library_query_ids).toEqual([]);

    const copiedResource = (await h.request('GET', `/api/v1/resources/${copied.resource_ids[0]}`, inDestination())).json();
    expect(copiedResource).toMatchObject({ name: 'Copied db', type: 'postgresql', options: { host: 'db.internal' }, secretNames: [] });
    const copiedWorkflow = (await h.request('GET', `/api/v1/workflows/${copied.workflow_ids[0]}`, inDestination())).json();
    expect(copiedWorkflow).toMatchObject({ name: 'Nightly', description: 'Sync' });
    // Folders are each workspace's own: the copies sit at the destination's top level.
    expect(copiedWorkflow.folderId ?? null).toBeNull();
    const copiedApp = (await h.request('GET', `/api/v1/apps/${copied.app_ids[0]}`, inDestination())).json();
    expect(copiedApp).toMatchObject({ name: 'Copied app', description: 'Orders' });
    expect(copiedApp.folderId ?? null).toBeNull();
    expect([...copiedApp.resources].sort()).toEqual([copiedResource.id, twin.id].sort());
    const versions = await db().selectFrom('app_versions').select('name').where('app_id', '=', copiedApp.id).execute();
    expect(versions).toHaveLength(1);

    // The originals stay as they were.
    expect((await h.request('GET', `/api/v1/apps/${app.id}`)).json().resources.sort()).toEqual([resource.id, shared.id].sort());
    const events = await db().selectFrom('audit_events').select(['action', 'source', 'workspace_id'])
      .where('target_id', 'in', [copiedApp.id, copiedResource.id, copiedWorkflow.id, app.id]).execute();
    expect(events).toContainEqual({ action: 'app.imported', source: 'retool-v2', workspace_id: destination });
    expect(events).toContainEqual({ action: 'app.exported', source: 'retool-v2', workspace_id: h.defaultWorkspaceId });
    expect(events).toContainEqual({ action: 'resource.created', source: 'retool-v2', workspace_id: destination });
    expect(events).toContainEqual({ action: 'workflow.created', source: 'retool-v2', workspace_id: destination });
    expect(JSON.stringify(await db().selectFrom('resources').select('secrets').where('id', '=', copiedResource.id).execute())).not.toContain('password');
  });

  it('copies nothing when one element cannot be copied', async () => {
    const used = (await h.request('POST', '/api/v1/resources', { body: { name: 'Left behind', type: 'postgresql', options: {} } })).json();
    const app = (await h.request('POST', '/api/v1/apps', { body: { name: 'Needs its resource', resources: [used.id] } })).json();
    const fine = (await h.request('POST', '/api/v1/resources', { body: { name: 'Would be copied', type: 'postgresql', options: {} } })).json();
    const taken = (await h.request('POST', '/api/v1/workflows', { body: { name: 'Taken workflow' } })).json();
    await h.request('POST', '/api/v1/workflows', { body: { name: 'Taken workflow' }, workspaceId: destination });
    const before = await destinationRows();

    const unlinked = await copy({ app_ids: [app.id], resource_ids: [fine.id] });
    expect(unlinked.statusCode).toBe(400);
    expect(unlinked.json().message).toContain('Left behind');
    const conflicting = await copy({ resource_ids: [fine.id], workflow_ids: [taken.id] });
    expect(conflicting.statusCode).toBe(409);
    expect(conflicting.json().message).toContain('Taken workflow');
    const unknown = await copy({ resource_ids: [fine.id], app_ids: ['0f0f0f0f-0000-4000-8000-000000000000'] });
    expect(unknown.statusCode).toBe(404);
    expect(await destinationRows()).toEqual(before);
  });

  it('refuses what Toolplane cannot copy, bad bodies and bad destinations in Retool\'s error shape', async () => {
    const before = await destinationRows();
    const archived = await h.services.workspaces.create('Copy archived');
    await h.request('DELETE', `/api/v2/spaces/org_${archived.replace(/-/g, '')}`);
    const cases: Array<[object, number, string]> = [
      [{ query_library_query_ids: ['0f0f0f0f-0000-4000-8000-000000000000'] }, 400, 'query_library_query_ids'],
      [{ app_ids: ['not-a-uuid'] }, 400, 'app_ids'],
      [{ destination_space_id: undefined }, 400, 'destination_space_id'],
      [{ workflow_ids: undefined }, 400, 'workflow_ids'],
      [{ destination_space_id: `org_${h.defaultWorkspaceId.replace(/-/g, '')}` }, 400, 'destination_space_id'],
      [{ destination_space_id: 'org_0f0f0f0f000040008000000000000000' }, 404, 'org_0f0f0f0f000040008000000000000000'],
      [{ destination_space_id: `org_${archived.replace(/-/g, '')}` }, 404, 'space'],
      [{ destination_space_id: 'nonsense' }, 404, 'nonsense'],
    ];
    for (const [body, status, text] of cases) {
      const response = await copy(body);
      expect(response.statusCode, JSON.stringify(body)).toBe(status);
      expect(response.json().message).toContain(text);
    }
    expect(await destinationRows()).toEqual(before);
  });

  it('needs the spaces scope, the write scope of each kind copied, and a token that may act in both spaces', async () => {
    const resource = (await h.request('POST', '/api/v1/resources', { body: { name: 'Guarded', type: 'postgresql', options: {} } })).json();
    const app = (await h.request('POST', '/api/v1/apps', { body: { name: 'Guarded app' } })).json();
    const before = await destinationRows();
    const withoutSpaces = await h.token(['apps:write', 'resources:write']);
    expect((await copy({ app_ids: [app.id] }, withoutSpaces)).statusCode).toBe(403);
    const withoutResources = await h.token(['workspaces:write', 'apps:write']);
    const refused = await copy({ app_ids: [app.id], resource_ids: [resource.id] }, withoutResources);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toContain('resources:write');
    const withoutApps = await h.token(['workspaces:write', 'resources:write']);
    expect((await copy({ app_ids: [app.id] }, withoutApps)).statusCode).toBe(403);
    const bound = await h.token(['*'], { workspaceId: h.defaultWorkspaceId });
    expect((await copy({ app_ids: [app.id] }, bound)).statusCode).toBe(403);
    expect(await destinationRows()).toEqual(before);
  });
});
