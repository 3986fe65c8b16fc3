import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from '../helpers/harness.ts';
import { expectError } from '../helpers/expect-error.ts';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(async () => {
  await h.close();
});

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const WORKFLOW_KEYS = ['createdAt', 'description', 'id', 'name', 'updatedAt'];

interface Workflow {
  id: string;
  name: string;
  description: string;
  folderId?: string;
  createdAt: string;
  updatedAt: string;
}

let counter = 0;
const nextName = (prefix = 'workflow') => `${prefix} ${++counter}`;

async function createWorkflow(body: Record<string, unknown> = {}, workspaceId?: string): Promise<Workflow> {
  const response = await h.request('POST', '/api/v1/workflows', { body: { name: nextName(), ...body }, workspaceId });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function createFolder(folderType: 'app' | 'resource' | 'workflow', workspaceId?: string, parentFolderId?: string): Promise<string> {
  const response = await h.request('POST', '/api/v1/folders', { body: { name: nextName('folder'), folderType, parentFolderId }, workspaceId });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

async function workflowCount(workspaceId?: string): Promise<number> {
  const response = await h.request('GET', '/api/v1/workflows?pageSize=1', { workspaceId });
  expect(response.statusCode).toBe(200);
  return response.json().total;
}

async function auditActions(targetId: string): Promise<string[]> {
  const rows = await h.runtime.database.db.selectFrom('audit_events').select(['action']).where('target_id', '=', targetId).orderBy('id').execute();
  return rows.map((row) => row.action);
}

describe('creating workflows', () => {
  it('answers 201 with the workflow, which GET then answers', async () => {
    const response = await h.request('POST', '/api/v1/workflows', { body: { name: 'Nightly sync', description: 'Copies rows' } });
    expect(response.statusCode, response.body).toBe(201);
    const workflow = response.json() as Workflow;
    expect(Object.keys(workflow).sort()).toEqual(WORKFLOW_KEYS);
    expect(workflow).toMatchObject({ name: 'Nightly sync', description: 'Copies rows' });
    expect(workflow.createdAt).toBe(workflow.updatedAt);
    const got = await h.request('GET', `/api/v1/workflows/${workflow.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json()).toEqual(workflow);
    expect(got.headers.etag).toBeDefined();
  });

  it('places a workflow in a workflow folder', async () => {
    const folderId = await createFolder('workflow');
    const workflow = await createWorkflow({ folderId });
    expect(workflow.folderId).toBe(folderId);
  });

  it('records one workflow.created audit event with the fields set', async () => {
    const workflow = await createWorkflow({ description: 'audited' });
    expect(await auditActions(workflow.id)).toEqual(['workflow.created']);
    const event = await h.runtime.database.db.selectFrom('audit_events').selectAll().where('target_id', '=', workflow.id).executeTakeFirstOrThrow();
    expect(event.target_type).toBe('workflow');
    expect(event.workspace_id).toBe(h.defaultWorkspaceId);
    const changes = typeof event.changes === 'string' ? JSON.parse(event.changes) : event.changes;
    expect(changes).toEqual({ name: workflow.name, description: 'audited', folderId: null });
  });

  it('refuses a duplicate name with 409 workflow_name_taken, and creates nothing', async () => {
    const first = await createWorkflow();
    const before = await workflowCount();
    expectError(await h.request('POST', '/api/v1/workflows', { body: { name: first.name } }), 409, 'workflow_name_taken', 'name');
    expect(await workflowCount()).toBe(before);
  });

  it('allows the same name in another workspace', async () => {
    const other = await h.services.workspaces.create('Workflow names elsewhere');
    const first = await createWorkflow();
    const second = await createWorkflow({ name: first.name }, other);
    expect(second.name).toBe(first.name);
  });

  it('refuses bad bodies with 400 naming the field, and creates nothing', async () => {
    const before = await workflowCount();
    const cases: Array<[unknown, string]> = [
      [{}, 'name'],
      [{ name: '' }, 'name'],
      [{ name: 12 }, 'name'],
      [{ name: 'x'.repeat(256) }, 'name'],
      [{ name: 'ok', description: 5 }, 'description'],
      [{ name: 'ok', folderId: 'not-a-uuid' }, 'folderId'],
      [{ name: 'ok', folderId: null }, 'folderId'],
    ];
    for (const [body, field] of cases) expectError(await h.request('POST', '/api/v1/workflows', { body }), 400, 'invalid_input', field);
    expect(await workflowCount()).toBe(before);
  });

  it('refuses an app folder (folder_type_mismatch) and an unknown or foreign folder (invalid_reference)', async () => {
    const appFolder = await createFolder('app');
    const other = await h.services.workspaces.create('Foreign workflow folders');
    const foreign = await createFolder('workflow', other);
    const before = await workflowCount();
    expectError(await h.request('POST', '/api/v1/workflows', { body: { name: 'x', folderId: appFolder } }), 400, 'folder_type_mismatch', 'folderId');
    expectError(await h.request('POST', '/api/v1/workflows', { body: { name: 'x', folderId: UNKNOWN_ID } }), 400, 'invalid_reference', 'folderId');
    expectError(await h.request('POST', '/api/v1/workflows', { body: { name: 'x', folderId: foreign } }), 400, 'invalid_reference', 'folderId');
    expect(await workflowCount()).toBe(before);
  });
});

describe('listing workflows', () => {
  it('pages with {data, total, page, pageSize}, oldest first, only this workspace\'s', async () => {
    const workspaceId = await h.services.workspaces.create('Paging workflows');
    const names = ['W1', 'W2', 'W3'];
    for (const name of names) await createWorkflow({ name }, workspaceId);
    const all = (await h.request('GET', '/api/v1/workflows', { workspaceId })).json();
    expect(all).toMatchObject({ total: 3, page: 1, pageSize: 100 });
    // Oldest first; workflows made within one millisecond come in id order.
    const order = (a: Workflow, b: Workflow) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
    expect(all.data).toEqual([...all.data].sort(order));
    expect(all.data.map((workflow: Workflow) => workflow.name).sort()).toEqual(names);
    const second = (await h.request('GET', '/api/v1/workflows?page=2&pageSize=2', { workspaceId })).json();
    expect(second).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(second.data).toEqual([all.data[2]]);
    expectError(await h.request('GET', '/api/v1/workflows?pageSize=0'), 400, 'invalid_input', 'pageSize');
  });
});

describe('updating workflows', () => {
  it('changes only the fields given, and records workflow.updated with them', async () => {
    const folderId = await createFolder('workflow');
    const workflow = await createWorkflow({ description: 'before', folderId });
    const response = await h.request('PATCH', `/api/v1/workflows/${workflow.id}`, { body: { description: 'after' } });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ name: workflow.name, description: 'after', folderId });
    expect(await auditActions(workflow.id)).toEqual(['workflow.created', 'workflow.updated']);
    const events = await h.runtime.database.db.selectFrom('audit_events').select('changes').where('target_id', '=', workflow.id).orderBy('id').execute();
    const changes = events[1]!.changes;
    expect(typeof changes === 'string' ? JSON.parse(changes) : changes).toEqual({ description: 'after' });
  });

  it('moves a workflow to the top level with folderId null, and into another workflow folder', async () => {
    const folderId = await createFolder('workflow');
    const workflow = await createWorkflow({ folderId });
    const top = await h.request('PATCH', `/api/v1/workflows/${workflow.id}`, { body: { folderId: null } });
    expect(top.statusCode).toBe(200);
    expect(top.json().folderId).toBeUndefined();
    const other = await createFolder('workflow');
    const moved = await h.request('PATCH', `/api/v1/workflows/${workflow.id}`, { body: { folderId: other } });
    expect(moved.json().folderId).toBe(other);
  });

  it('refuses a name taken by another workflow (409) and changes nothing', async () => {
    const first = await createWorkflow();
    const second = await createWorkflow();
    expectError(await h.request('PATCH', `/api/v1/workflows/${second.id}`, { body: { name: first.name, description: 'lost' } }), 409, 'workflow_name_taken', 'name');
    expect((await h.request('GET', `/api/v1/workflows/${second.id}`)).json()).toEqual(second);
  });

  it('refuses bad bodies and foreign folders with 400 naming the field, and changes nothing', async () => {
    const workflow = await createWorkflow();
    expectError(await h.request('PATCH', `/api/v1/workflows/${workflow.id}`, { body: { name: '' } }), 400, 'invalid_input', 'name');
    expectError(await h.request('PATCH', `/api/v1/workflows/${workflow.id}`, { body: { folderId: 'x' } }), 400, 'invalid_input', 'folderId');
    const resourceFolder = await createFolder('resource');
    expectError(await h.request('PATCH', `/api/v1/workflows/${workflow.id}`, { body: { folderId: resourceFolder } }), 400, 'folder_type_mismatch', 'folderId');
    expect((await h.request('GET', `/api/v1/workflows/${workflow.id}`)).json()).toEqual(workflow);
  });

  it('honours If-Match: a stale ETag is 412', async () => {
    const workflow = await createWorkflow();
    const etag = (await h.request('GET', `/api/v1/workflows/${workflow.id}`)).headers.etag as string;
    const ok = await h.request('PATCH', `/api/v1/workflows/${workflow.id}`, { body: { description: 'one' }, headers: { 'if-match': etag } });
    expect(ok.statusCode, ok.body).toBe(200);
    const stale = await h.request('PATCH', `/api/v1/workflows/${workflow.id}`, { body: { description: 'two' }, headers: { 'if-match': etag } });
    expect(stale.statusCode).toBe(412);
  });
});

describe('deleting workflows', () => {
  it('answers 204, then 404 workflow_not_found, and records workflow.deleted', async () => {
    const workflow = await createWorkflow();
    const response = await h.request('DELETE', `/api/v1/workflows/${workflow.id}`);
    expect(response.statusCode).toBe(204);
    expectError(await h.request('GET', `/api/v1/workflows/${workflow.id}`), 404, 'workflow_not_found');
    expectError(await h.request('DELETE', `/api/v1/workflows/${workflow.id}`), 404, 'workflow_not_found');
    expect(await auditActions(workflow.id)).toEqual(['workflow.created', 'workflow.deleted']);
  });

  it('a folder holding a workflow cannot be deleted until the workflow leaves', async () => {
    const folderId = await createFolder('workflow');
    const workflow = await createWorkflow({ folderId });
    expectError(await h.request('DELETE', `/api/v1/folders/${folderId}`), 409, 'folder_not_empty');
    expect((await h.request('DELETE', `/api/v1/workflows/${workflow.id}`)).statusCode).toBe(204);
    expect((await h.request('DELETE', `/api/v1/folders/${folderId}`)).statusCode).toBe(204);
  });
});

describe('unknown ids and other workspaces', () => {
  it('answers 404 workflow_not_found for unknown ids and 400 for malformed ones', async () => {
    expectError(await h.request('GET', `/api/v1/workflows/${UNKNOWN_ID}`), 404, 'workflow_not_found');
    expectError(await h.request('PATCH', `/api/v1/workflows/${UNKNOWN_ID}`, { body: { name: 'x' } }), 404, 'workflow_not_found');
    expectError(await h.request('GET', '/api/v1/workflows/nope'), 400, 'invalid_input', 'workflowId');
  });

  it('keeps workflows of one workspace out of another', async () => {
    const other = await h.services.workspaces.create('Isolated workflows');
    const workflow = await createWorkflow({}, other);
    expectError(await h.request('GET', `/api/v1/workflows/${workflow.id}`), 404, 'workflow_not_found');
    expectError(await h.request('PATCH', `/api/v1/workflows/${workflow.id}`, { body: { name: 'Hijack' } }), 404, 'workflow_not_found');
    expectError(await h.request('DELETE', `/api/v1/workflows/${workflow.id}`), 404, 'workflow_not_found');
    const list = (await h.request('GET', '/api/v1/workflows')).json();
    expect(list.data.map((item: Workflow) => item.id)).not.toContain(workflow.id);
    expect((await h.request('GET', `/api/v1/workflows/${workflow.id}`, { workspaceId: other })).json()).toEqual(workflow);
  });
});

describe('scopes', () => {
  it('reads with workflows:read, writes only with workflows:write', async () => {
    const read = await h.token(['workflows:read']);
    const write = await h.token(['workflows:write']);
    const apps = await h.token(['apps:write']);
    expect((await h.request('GET', '/api/v1/workflows', { token: read })).statusCode).toBe(200);
    expectError(await h.request('POST', '/api/v1/workflows', { token: read, body: { name: nextName() } }), 403, 'missing_scope');
    expectError(await h.request('GET', '/api/v1/workflows', { token: apps }), 403, 'missing_scope');
    expect((await h.request('POST', '/api/v1/workflows', { token: write, body: { name: nextName() } })).statusCode).toBe(201);
    expect((await h.request('GET', '/api/v1/workflows', { token: write })).statusCode).toBe(200);
  });
});
