import { randomUUID } from 'node:crypto';
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

const db = () => h.runtime.database.db;

describe('POST /apps/cloneApp', () => {
  it('copies the app\'s description, resources and newest version into the folder given, or the root', async () => {
    const resource = (await h.request('POST', '/api/v1/resources', { body: { name: 'Clone source db', type: 'postgres', options: {} } })).json();
    const source = (await h.request('POST', '/api/v1/apps', { body: { name: 'Original', description: 'The first', resources: [resource.id] } })).json();
    const definition = { pages: [{ name: 'home' }] };
    // A newer version than the first, as an editor would have saved it.
    await db().insertInto('app_versions').values({
      id: randomUUID(), app_id: source.id, name: 'v2', definition: JSON.stringify(definition), created_at: '2999-01-01T00:00:00.000Z', updated_at: '2999-01-01T00:00:00.000Z',
    }).execute();
    const folder = (await v2(h, 'POST', '/api/v2/folders', { body: { name: 'clones', folder_type: 'app' } })).json().data;

    const cloned = await v2(h, 'POST', '/api/v2/apps/cloneApp', { body: { app_id: source.id, new_app_name: 'Copy', folder_id: folder.id } });
    expect(cloned.statusCode).toBe(200);
    const copy = cloned.json().data;
    expect(copy).toMatchObject({ name: 'Copy', description: 'The first', folder_id: folder.id });
    expect(copy.id).not.toBe(source.id);
    expect((await h.request('GET', `/api/v1/apps/${copy.id}`)).json().resources).toEqual([resource.id]);
    const versions = await db().selectFrom('app_versions').select(['name', 'definition']).where('app_id', '=', copy.id).execute();
    expect(versions.map((version) => version.name)).toEqual(['v2']);
    expect(JSON.stringify(versions[0]!.definition)).toContain('home');
    const events = await db().selectFrom('audit_events').select(['action', 'source']).where('target_id', '=', copy.id).execute();
    expect(events).toContainEqual({ action: 'app.created', source: 'retool-v2' });

    const root = (await v2(h, 'GET', '/api/v2/folders')).json().data.find((item: { folder_type: string }) => item.folder_type === 'app');
    const atRoot = (await v2(h, 'POST', '/api/v2/apps/cloneApp', { body: { app_id: source.id, new_app_name: 'Copy at root' } })).json().data;
    expect(atRoot.folder_id).toBe(root.id);
  });

  it('refuses unknown apps, bad folders and bad bodies, changing nothing', async () => {
    const source = (await h.request('POST', '/api/v1/apps', { body: { name: 'Refused source' } })).json();
    const resourceFolder = (await v2(h, 'POST', '/api/v2/folders', { body: { name: 'not for apps', folder_type: 'resource' } })).json().data;
    const count = async () => (await v2(h, 'GET', '/api/v2/apps')).json().total_count;
    const before = await count();
    expect((await v2(h, 'POST', '/api/v2/apps/cloneApp', { body: { app_id: '0f0f0f0f-0000-4000-8000-000000000000', new_app_name: 'x' } })).statusCode).toBe(404);
    const cases: Array<[object, string]> = [
      [{ app_id: source.id, new_app_name: 'x', folder_id: resourceFolder.id }, 'folder_id'],
      [{ app_id: source.id, new_app_name: 'x', folder_id: 'app_999999' }, 'folder_id'],
      [{ app_id: source.id, new_app_name: '' }, 'new_app_name'],
      [{ app_id: 'not-a-uuid', new_app_name: 'x' }, 'app_id'],
      [{ new_app_name: 'x' }, 'app_id'],
    ];
    for (const [body, field] of cases) {
      const response = await v2(h, 'POST', '/api/v2/apps/cloneApp', { body });
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().message).toContain(field);
    }
    expect(await count()).toBe(before);
    const reader = await h.token(['apps:read']);
    expect((await v2(h, 'POST', '/api/v2/apps/cloneApp', { body: { app_id: source.id, new_app_name: 'x' }, token: reader })).statusCode).toBe(403);
    const other = await h.token(['*'], { workspaceId: await h.services.workspaces.create('Clone other') });
    expect((await v2(h, 'POST', '/api/v2/apps/cloneApp', { body: { app_id: source.id, new_app_name: 'stolen' }, token: other })).statusCode).toBe(404);
    expect(await count()).toBe(before);
  });
});
