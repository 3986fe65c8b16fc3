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

describe('/workflows', () => {
  it('lists and reads workflows, in their folder or the workflow root', async () => {
    const folder = (await v2(h, 'POST', '/api/v2/folders', { body: { name: 'flows here', folder_type: 'workflow' } })).json().data;
    const folderUuid = (await h.request('GET', '/api/v1/folders')).json().data.find((item: { name: string }) => item.name === 'flows here').id;
    const filed = (await h.request('POST', '/api/v1/workflows', { body: { name: 'Nightly sync', description: 'Copies rows', folderId: folderUuid } })).json();
    const loose = (await h.request('POST', '/api/v1/workflows', { body: { name: 'Loose' } })).json();
    const root = (await v2(h, 'GET', '/api/v2/folders')).json().data.find((item: { folder_type: string }) => item.folder_type === 'workflow');

    const list = (await v2(h, 'GET', '/api/v2/workflows')).json();
    expect(list).toMatchObject({ total_count: 2, has_more: false, next_token: null });
    expect(list.data.map((item: { name: string }) => item.name).sort()).toEqual(['Loose', 'Nightly sync']);
    expect((await v2(h, 'GET', `/api/v2/workflows/${filed.id}`)).json().data).toEqual({
      id: filed.id, name: 'Nightly sync', description: 'Copies rows', crontab: null, timezone: null, is_enabled: false, folder_id: folder.id,
      protected: false, created_by: null, created_at: filed.createdAt, updated_at: filed.updatedAt,
    });
    expect((await v2(h, 'GET', `/api/v2/workflows/${loose.id}`)).json().data).toMatchObject({ folder_id: root.id, description: null });
  });

  it('answers 404 for an unknown id, 400 for one that is no UUID, and 403 without the scope', async () => {
    expect((await v2(h, 'GET', '/api/v2/workflows/0f0f0f0f-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const malformed = await v2(h, 'GET', '/api/v2/workflows/not-a-uuid');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().message).toContain('workflowId');
    const apps = await h.token(['apps:read']);
    expect((await v2(h, 'GET', '/api/v2/workflows', { token: apps })).statusCode).toBe(403);
    expect((await v2(h, 'GET', '/api/v2/workflows', { token: await h.token(['workflows:read']) })).statusCode).toBe(200);
  });

  it('keeps each workspace\'s workflows to itself', async () => {
    const mine = (await h.request('POST', '/api/v1/workflows', { body: { name: 'Mine only' } })).json();
    const other = await h.token(['*'], { workspaceId: await h.services.workspaces.create('Workflows other') });
    expect((await v2(h, 'GET', '/api/v2/workflows', { token: other })).json().data).toEqual([]);
    expect((await v2(h, 'GET', `/api/v2/workflows/${mine.id}`, { token: other })).statusCode).toBe(404);
  });
});
