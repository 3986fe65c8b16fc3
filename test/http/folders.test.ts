import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from '../helpers/harness.ts';
import { seedSchemaErrors } from '../helpers/seed-spec.ts';
import { expectError } from '../helpers/expect-error.ts';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(async () => {
  await h.close();
});

type FolderType = 'app' | 'resource' | 'workflow';
interface FolderBody {
  id: string;
  name: string;
  folderType: FolderType;
  parentFolderId?: string;
  createdAt: string;
  updatedAt: string;
}

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

async function createFolder(name: string, folderType: FolderType, parentFolderId?: string, workspaceId?: string): Promise<FolderBody> {
  const body = parentFolderId ? { name, folderType, parentFolderId } : { name, folderType };
  const response = await h.request('POST', '/api/v1/folders', { body, workspaceId });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function getFolder(id: string): Promise<FolderBody> {
  const response = await h.request('GET', `/api/v1/folders/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function listFolders(query = '', workspaceId?: string): Promise<FolderBody[]> {
  const response = await h.request('GET', `/api/v1/folders${query}`, { workspaceId });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().data;
}

describe('creating folders', () => {
  it('answers 201 in the seed Folder shape and reads back the same', async () => {
    const response = await h.request('POST', '/api/v1/folders', { body: { name: 'Reports', folderType: 'app' } });
    expect(response.statusCode).toBe(201);
    const folder = response.json();
    expect(seedSchemaErrors('Folder', folder)).toEqual([]);
    expect(Object.keys(folder).sort()).toEqual(['createdAt', 'folderType', 'id', 'name', 'updatedAt']);
    expect(folder).toMatchObject({ name: 'Reports', folderType: 'app' });
    expect(folder).not.toHaveProperty('parentFolderId');
    expect(Date.parse(folder.createdAt)).not.toBeNaN();
    expect(await getFolder(folder.id)).toEqual(folder);
  });

  it('nests a folder inside a folder of the same type', async () => {
    const parent = await createFolder('Nest parent', 'resource');
    const child = await createFolder('Nest child', 'resource', parent.id);
    expect(seedSchemaErrors('Folder', child)).toEqual([]);
    expect(child.parentFolderId).toBe(parent.id);
    expect(await getFolder(child.id)).toEqual(child);
  });

  it('refuses nesting in a folder of another type (folder_type_mismatch) and creates nothing', async () => {
    const appFolder = await createFolder('App parent', 'app');
    const before = (await listFolders()).length;
    const response = await h.request('POST', '/api/v1/folders', {
      body: { name: 'Wrong type child', folderType: 'resource', parentFolderId: appFolder.id },
    });
    expectError(response, 400, 'folder_type_mismatch', 'parentFolderId');
    expect((await listFolders()).length).toBe(before);
  });

  it('refuses an unknown parent (invalid_reference)', async () => {
    const response = await h.request('POST', '/api/v1/folders', { body: { name: 'Orphan', folderType: 'app', parentFolderId: UNKNOWN_ID } });
    expectError(response, 400, 'invalid_reference', 'parentFolderId');
  });

  it('refuses a bad folderType, a missing name and an empty name', async () => {
    expectError(await h.request('POST', '/api/v1/folders', { body: { name: 'Bad', folderType: 'query' } }), 400, 'invalid_input', 'folderType');
    expectError(await h.request('POST', '/api/v1/folders', { body: { folderType: 'app' } }), 400, 'invalid_input', 'name');
    expectError(await h.request('POST', '/api/v1/folders', { body: { name: '', folderType: 'app' } }), 400, 'invalid_input', 'name');
  });

  it('keeps sibling names unique per type and parent', async () => {
    const first = await createFolder('Shared name', 'app');
    const before = (await listFolders()).length;
    const clash = await h.request('POST', '/api/v1/folders', { body: { name: 'Shared name', folderType: 'app' } });
    expectError(clash, 409, 'folder_name_taken', 'name');
    expect((await listFolders()).length).toBe(before);

    // The same name is fine for another type, and under another parent.
    const otherType = await createFolder('Shared name', 'workflow');
    expect(otherType.id).not.toBe(first.id);
    const nested = await createFolder('Shared name', 'app', first.id);
    expect(nested.parentFolderId).toBe(first.id);
    const nestedClash = await h.request('POST', '/api/v1/folders', { body: { name: 'Shared name', folderType: 'app', parentFolderId: first.id } });
    expectError(nestedClash, 409, 'folder_name_taken', 'name');
  });
});

describe('listing folders', () => {
  it('lists every folder of the workspace, or only those of one folderType', async () => {
    const workspaceId = await h.services.workspaces.create('Folder listing');
    const app = await createFolder('L app', 'app', undefined, workspaceId);
    const resource = await createFolder('L resource', 'resource', undefined, workspaceId);
    const workflow = await createFolder('L workflow', 'workflow', undefined, workspaceId);
    const nestedApp = await createFolder('L app child', 'app', app.id, workspaceId);

    const response = await h.request('GET', '/api/v1/folders', { workspaceId });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(seedSchemaErrors('FolderListResponse', body)).toEqual([]);
    expect(Object.keys(body)).toEqual(['data']);
    expect(body.data.map((folder: FolderBody) => folder.id).sort()).toEqual([app.id, resource.id, workflow.id, nestedApp.id].sort());

    const apps = await listFolders('?folderType=app', workspaceId);
    expect(apps.map((folder) => folder.id).sort()).toEqual([app.id, nestedApp.id].sort());
    expect(apps.find((folder) => folder.id === nestedApp.id)).toEqual(nestedApp);
    expect(await listFolders('?folderType=resource', workspaceId)).toEqual([resource]);
    expect(await listFolders('?folderType=workflow', workspaceId)).toEqual([workflow]);
  });

  it('refuses an unknown folderType filter', async () => {
    expectError(await h.request('GET', '/api/v1/folders?folderType=query'), 400, 'invalid_input', 'folderType');
  });

  it('keeps folders of one workspace out of another', async () => {
    const other = await h.services.workspaces.create('Hidden folders');
    const hidden = await createFolder('Hidden', 'app', undefined, other);
    expect((await listFolders()).map((folder) => folder.id)).not.toContain(hidden.id);
    expectError(await h.request('GET', `/api/v1/folders/${hidden.id}`), 404, 'folder_not_found');
    expectError(await h.request('DELETE', `/api/v1/folders/${hidden.id}`), 404, 'folder_not_found');
    // Nor can a folder of this workspace be nested under it.
    const response = await h.request('POST', '/api/v1/folders', { body: { name: 'Cross', folderType: 'app', parentFolderId: hidden.id } });
    expectError(response, 400, 'invalid_reference', 'parentFolderId');
  });
});

describe('reading, renaming and moving folders', () => {
  it('answers 404 folder_not_found for an unknown id and 400 for a malformed one', async () => {
    expectError(await h.request('GET', `/api/v1/folders/${UNKNOWN_ID}`), 404, 'folder_not_found');
    expectError(await h.request('PUT', `/api/v1/folders/${UNKNOWN_ID}`, { body: { name: 'x' } }), 404, 'folder_not_found');
    expectError(await h.request('GET', '/api/v1/folders/nope'), 400, 'invalid_input', 'folderId');
  });

  it('renames a folder and keeps its place', async () => {
    const parent = await createFolder('Rename parent', 'app');
    const folder = await createFolder('Old name', 'app', parent.id);
    const response = await h.request('PUT', `/api/v1/folders/${folder.id}`, { body: { name: 'New name' } });
    expect(response.statusCode, response.body).toBe(200);
    const renamed = response.json();
    expect(seedSchemaErrors('Folder', renamed)).toEqual([]);
    expect(renamed).toEqual({ ...folder, name: 'New name', updatedAt: renamed.updatedAt });
    expect(Date.parse(renamed.updatedAt)).toBeGreaterThanOrEqual(Date.parse(folder.updatedAt));
    expect(await getFolder(folder.id)).toEqual(renamed);
  });

  it('moves a folder under another of its type, and to the top with parentFolderId null', async () => {
    const target = await createFolder('Move target', 'app');
    const folder = await createFolder('Traveller', 'app');
    const moved = await h.request('PUT', `/api/v1/folders/${folder.id}`, { body: { parentFolderId: target.id } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ name: 'Traveller', parentFolderId: target.id });

    const top = await h.request('PUT', `/api/v1/folders/${folder.id}`, { body: { parentFolderId: null } });
    expect(top.statusCode, top.body).toBe(200);
    expect(top.json()).not.toHaveProperty('parentFolderId');
    expect(await getFolder(folder.id)).not.toHaveProperty('parentFolderId');
    const row = await h.runtime.database.db.selectFrom('folders').select('parent_id').where('id', '=', folder.id).executeTakeFirstOrThrow();
    expect(row.parent_id).toBeNull();
  });

  it('refuses moving a folder under a folder of another type and changes nothing', async () => {
    const workflowFolder = await createFolder('Workflow target', 'workflow');
    const folder = await createFolder('Stays an app folder', 'app');
    const response = await h.request('PUT', `/api/v1/folders/${folder.id}`, { body: { name: 'Renamed?', parentFolderId: workflowFolder.id } });
    expectError(response, 400, 'folder_type_mismatch', 'parentFolderId');
    expect(await getFolder(folder.id)).toEqual(folder);
  });

  it('refuses moving a folder into itself (folder_cycle) and changes nothing', async () => {
    const folder = await createFolder('Self', 'app');
    const response = await h.request('PUT', `/api/v1/folders/${folder.id}`, { body: { name: 'Self renamed?', parentFolderId: folder.id } });
    expectError(response, 400, 'folder_cycle', 'parentFolderId');
    expect(await getFolder(folder.id)).toEqual(folder);
  });

  it('refuses moving a folder into its child or a deeper descendant and changes nothing', async () => {
    const root = await createFolder('Cycle root', 'app');
    const child = await createFolder('Cycle child', 'app', root.id);
    const grandchild = await createFolder('Cycle grandchild', 'app', child.id);

    expectError(await h.request('PUT', `/api/v1/folders/${root.id}`, { body: { parentFolderId: child.id } }), 400, 'folder_cycle', 'parentFolderId');
    expectError(await h.request('PUT', `/api/v1/folders/${root.id}`, { body: { parentFolderId: grandchild.id } }), 400, 'folder_cycle', 'parentFolderId');
    expectError(await h.request('PUT', `/api/v1/folders/${child.id}`, { body: { parentFolderId: grandchild.id } }), 400, 'folder_cycle', 'parentFolderId');

    expect(await getFolder(root.id)).toEqual(root);
    expect(await getFolder(child.id)).toEqual(child);
    expect(await getFolder(grandchild.id)).toEqual(grandchild);

    // Moving the other way, a descendant up to the top, is allowed.
    const up = await h.request('PUT', `/api/v1/folders/${grandchild.id}`, { body: { parentFolderId: null } });
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json()).not.toHaveProperty('parentFolderId');
  });

  it('refuses a rename or move onto a sibling\'s name (folder_name_taken) and changes nothing', async () => {
    const parent = await createFolder('Names parent', 'resource');
    await createFolder('Taken', 'resource', parent.id);
    const other = await createFolder('Free', 'resource', parent.id);
    const rename = await h.request('PUT', `/api/v1/folders/${other.id}`, { body: { name: 'Taken' } });
    expectError(rename, 409, 'folder_name_taken', 'name');
    expect(await getFolder(other.id)).toEqual(other);

    // A top-level "Taken" moved into the parent clashes too; left at the top it is fine.
    const topTaken = await createFolder('Taken', 'resource');
    const move = await h.request('PUT', `/api/v1/folders/${topTaken.id}`, { body: { parentFolderId: parent.id } });
    expectError(move, 409, 'folder_name_taken', 'name');
    expect(await getFolder(topTaken.id)).toEqual(topTaken);

    // Renaming a folder to its own current name is not a clash.
    const same = await h.request('PUT', `/api/v1/folders/${other.id}`, { body: { name: 'Free' } });
    expect(same.statusCode, same.body).toBe(200);
  });
});

describe('deleting folders', () => {
  it('deletes an empty folder: 204, then 404', async () => {
    const folder = await createFolder('Empty', 'workflow');
    const response = await h.request('DELETE', `/api/v1/folders/${folder.id}`);
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    expectError(await h.request('GET', `/api/v1/folders/${folder.id}`), 404, 'folder_not_found');
    expectError(await h.request('DELETE', `/api/v1/folders/${folder.id}`), 404, 'folder_not_found');
  });

  it('refuses to delete a folder with a subfolder (folder_not_empty)', async () => {
    const parent = await createFolder('Has child', 'app');
    const child = await createFolder('The child', 'app', parent.id);
    expectError(await h.request('DELETE', `/api/v1/folders/${parent.id}`), 409, 'folder_not_empty');
    expect(await getFolder(parent.id)).toEqual(parent);
    // Once the child is gone, the parent can go.
    expect((await h.request('DELETE', `/api/v1/folders/${child.id}`)).statusCode).toBe(204);
    expect((await h.request('DELETE', `/api/v1/folders/${parent.id}`)).statusCode).toBe(204);
  });

  it('refuses to delete a folder holding an app (folder_not_empty)', async () => {
    const folder = await createFolder('Has app', 'app');
    const app = await h.request('POST', '/api/v1/apps', { body: { name: 'Resident', folderId: folder.id } });
    expect(app.statusCode, app.body).toBe(201);
    expectError(await h.request('DELETE', `/api/v1/folders/${folder.id}`), 409, 'folder_not_empty');
    expect(await getFolder(folder.id)).toEqual(folder);
    // Moving the app out empties the folder.
    const out = await h.request('PUT', `/api/v1/apps/${app.json().id}`, { body: { folderId: null } });
    expect(out.statusCode, out.body).toBe(200);
    expect((await h.request('DELETE', `/api/v1/folders/${folder.id}`)).statusCode).toBe(204);
  });

  it('refuses to delete a folder holding a resource (folder_not_empty)', async () => {
    const folder = await createFolder('Has resource', 'resource');
    const resource = await h.request('POST', '/api/v1/resources', { body: { name: 'resident-db', type: 'postgresql', folderId: folder.id } });
    expect(resource.statusCode, resource.body).toBe(201);
    expectError(await h.request('DELETE', `/api/v1/folders/${folder.id}`), 409, 'folder_not_empty');
    expect(await getFolder(folder.id)).toEqual(folder);
    expect((await h.request('DELETE', `/api/v1/resources/${resource.json().id}`)).statusCode).toBe(204);
    expect((await h.request('DELETE', `/api/v1/folders/${folder.id}`)).statusCode).toBe(204);
  });
});

describe('folders under concurrent requests', () => {
  it('creates only one of several simultaneous same-named siblings', async () => {
    for (const name of ['Race one', 'Race two', 'Race three']) {
      const responses = await Promise.all(
        Array.from({ length: 5 }, () => h.request('POST', '/api/v1/folders', { body: { name, folderType: 'app' } })),
      );
      const statuses = responses.map((response) => response.statusCode).sort();
      expect(statuses, `simultaneous creates of "${name}"`).toEqual([201, 409, 409, 409, 409]);
      for (const response of responses.filter((r) => r.statusCode === 409)) expect(response.json().code).toBe('folder_name_taken');
      expect((await listFolders('?folderType=app')).filter((folder) => folder.name === name)).toHaveLength(1);
    }
  });

  it('never lets two simultaneous moves build a cycle', async () => {
    for (let round = 0; round < 3; round += 1) {
      const a = await createFolder(`Swap A ${round}`, 'app');
      const b = await createFolder(`Swap B ${round}`, 'app');
      const [aUnderB, bUnderA] = await Promise.all([
        h.request('PUT', `/api/v1/folders/${a.id}`, { body: { parentFolderId: b.id } }),
        h.request('PUT', `/api/v1/folders/${b.id}`, { body: { parentFolderId: a.id } }),
      ]);
      expect([aUnderB.statusCode, bUnderA.statusCode].sort(), `round ${round}`).toEqual([200, 400]);
      expect((aUnderB.statusCode === 400 ? aUnderB : bUnderA).json().code).toBe('folder_cycle');
      const [readA, readB] = [await getFolder(a.id), await getFolder(b.id)];
      expect(readA.parentFolderId === b.id && readB.parentFolderId === a.id, 'A and B are each other\'s parent').toBe(false);
    }
  });

  it('answers a delete racing an app moving in with 409 or 204, never 500', async () => {
    for (let round = 0; round < 5; round += 1) {
      const folder = await createFolder(`Contended ${round}`, 'app');
      const [app, deletion] = await Promise.all([
        h.request('POST', '/api/v1/apps', { body: { name: `Mover ${round}`, folderId: folder.id } }),
        h.request('DELETE', `/api/v1/folders/${folder.id}`),
      ]);
      const outcome = `app ${app.statusCode}, delete ${deletion.statusCode}`;
      expect(['app 201, delete 409', 'app 400, delete 204'], `${outcome}: ${app.body} ${deletion.body}`).toContain(outcome);
      if (app.statusCode === 201) expect(deletion.json().code).toBe('folder_not_empty');
      else expect(app.json().code).toBe('invalid_reference');
    }
  });
});
