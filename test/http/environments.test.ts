import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from '../helpers/harness.ts';
import { expectError } from '../helpers/expect-error.ts';
import type { Environment } from '../../src/core/environment.service.ts';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(async () => {
  await h.close();
});

const ENVIRONMENT_KEYS = ['color', 'createdAt', 'description', 'id', 'isDefault', 'name', 'updatedAt'];
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';


let counter = 0;
const nextName = () => `env-${++counter}`;

async function list(workspaceId?: string): Promise<Environment[]> {
  const response = await h.request('GET', '/api/v1/environments', { workspaceId });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().data;
}

async function create(body: Record<string, unknown>, workspaceId?: string): Promise<Environment> {
  const response = await h.request('POST', '/api/v1/environments', { body, workspaceId });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function get(id: string, workspaceId?: string): Promise<Environment> {
  const response = await h.request('GET', `/api/v1/environments/${id}`, { workspaceId });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function defaults(workspaceId?: string): Promise<string[]> {
  return (await list(workspaceId)).filter((environment) => environment.isDefault).map((environment) => environment.name);
}

async function auditActions(targetId: string): Promise<string[]> {
  const rows = await h.runtime.database.db.selectFrom('audit_events').select('action').where('target_id', '=', targetId).orderBy('id').execute();
  return rows.map((row) => row.action);
}

describe('starting environments', () => {
  it('gives the default workspace development, staging and production, production the default', async () => {
    const environments = await list();
    expect(environments.map((environment) => environment.name)).toEqual(['development', 'staging', 'production']);
    expect(await defaults()).toEqual(['production']);
    for (const environment of environments) {
      expect(Object.keys(environment).sort()).toEqual(ENVIRONMENT_KEYS);
      expect(environment.color).toMatch(/^#[0-9a-f]{6}$/);
      expect(environment.description).toBe('');
    }
  });

  it('gives every new workspace its own three', async () => {
    const other = await h.services.workspaces.create('Starting environments');
    const theirs = await list(other);
    expect(theirs.map((environment) => environment.name)).toEqual(['development', 'staging', 'production']);
    expect(await defaults(other)).toEqual(['production']);
    const ours = await list();
    expect(theirs.map((environment) => environment.id)).not.toContain(ours[0]!.id);
  });
});

describe('creating environments', () => {
  it('answers 201 with the environment, readable afterwards, and records one audit event', async () => {
    const response = await h.request('POST', '/api/v1/environments', { body: { name: 'qa', description: 'For testers', color: '#A855F7' } });
    expect(response.statusCode, response.body).toBe(201);
    const environment = response.json() as Environment;
    expect(Object.keys(environment).sort()).toEqual(ENVIRONMENT_KEYS);
    expect(environment).toMatchObject({ name: 'qa', description: 'For testers', color: '#a855f7', isDefault: false });
    expect(environment.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(environment.updatedAt).toBe(environment.createdAt);
    expect(await get(environment.id)).toEqual(environment);
    expect(await defaults()).toEqual(['production']);
    expect(await auditActions(environment.id)).toEqual(['environment.created']);
  });

  it('takes the colour as optional: null when left out', async () => {
    const environment = await create({ name: nextName() });
    expect(environment.color).toBeNull();
    expect(environment.description).toBe('');
  });

  it('makes a new environment the default in place of the old one when asked', async () => {
    const other = await h.services.workspaces.create('Default on create');
    const environment = await create({ name: 'preview', isDefault: true }, other);
    expect(environment.isDefault).toBe(true);
    expect(await defaults(other)).toEqual(['preview']);
  });

  it('refuses a name taken in the workspace (409 environment_name_taken) and creates nothing', async () => {
    const before = await list();
    expectError(await h.request('POST', '/api/v1/environments', { body: { name: 'staging' } }), 409, 'environment_name_taken', 'name');
    expectError(await h.request('POST', '/api/v1/environments', { body: { name: 'staging', isDefault: true } }), 409, 'environment_name_taken', 'name');
    expect(await list()).toEqual(before);
  });

  it('allows the same name in another workspace', async () => {
    const other = await h.services.workspaces.create('Same env names');
    await create({ name: 'shared-name' });
    await create({ name: 'shared-name' }, other);
  });

  it('refuses a bad name, description, colour or isDefault with a 400 naming the field', async () => {
    const before = await list();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{}, 'name'],
      [{ name: '' }, 'name'],
      [{ name: 42 }, 'name'],
      [{ name: 'x'.repeat(101) }, 'name'],
      [{ name: ' padded ' }, 'name'],
      [{ name: 'tab\there' }, 'name'],
      [{ name: nextName(), description: 5 }, 'description'],
      [{ name: nextName(), description: 'd'.repeat(1001) }, 'description'],
      [{ name: nextName(), color: 'blue' }, 'color'],
      [{ name: nextName(), color: '#12345' }, 'color'],
      [{ name: nextName(), color: '#1234567' }, 'color'],
      [{ name: nextName(), color: '3b82f6' }, 'color'],
      [{ name: nextName(), color: '#gggggg' }, 'color'],
      [{ name: nextName(), color: 123456 }, 'color'],
      [{ name: nextName(), isDefault: 'yes' }, 'isDefault'],
    ];
    for (const [body, field] of cases) {
      expectError(await h.request('POST', '/api/v1/environments', { body }), 400, 'invalid_input', field);
    }
    expect(await list()).toEqual(before);
  });

  it('refuses a body that is not a JSON object', async () => {
    expect((await h.request('POST', '/api/v1/environments', { body: '[1]', headers: { 'content-type': 'application/json' } })).statusCode).toBe(400);
    expect((await h.request('POST', '/api/v1/environments', { body: '{"name":', headers: { 'content-type': 'application/json' } })).statusCode).toBe(400);
  });
});

describe('updating environments', () => {
  it('changes name, description and colour, keeping what is left out', async () => {
    const environment = await create({ name: nextName(), description: 'before', color: '#111111' });
    const response = await h.request('PATCH', `/api/v1/environments/${environment.id}`, { body: { name: 'renamed-env', color: '#222222' } });
    expect(response.statusCode, response.body).toBe(200);
    const updated = response.json() as Environment;
    expect(updated).toMatchObject({ id: environment.id, name: 'renamed-env', description: 'before', color: '#222222', isDefault: false });
    expect(Date.parse(updated.updatedAt)).toBeGreaterThanOrEqual(Date.parse(environment.updatedAt));
    const cleared = await h.request('PATCH', `/api/v1/environments/${environment.id}`, { body: { color: null, description: '' } });
    expect(cleared.json()).toMatchObject({ color: null, description: '', name: 'renamed-env' });
    expect(await auditActions(environment.id)).toEqual(['environment.created', 'environment.updated', 'environment.updated']);
  });

  it('moves the default in one step, so exactly one environment is the default', async () => {
    const other = await h.services.workspaces.create('Moving default');
    const staging = (await list(other)).find((environment) => environment.name === 'staging')!;
    const response = await h.request('PATCH', `/api/v1/environments/${staging.id}`, { body: { isDefault: true }, workspaceId: other });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().isDefault).toBe(true);
    expect(await defaults(other)).toEqual(['staging']);
    // Making the default the default again changes nothing.
    expect((await h.request('PATCH', `/api/v1/environments/${staging.id}`, { body: { isDefault: true }, workspaceId: other })).statusCode).toBe(200);
    expect(await defaults(other)).toEqual(['staging']);
    // false on an environment that is not the default changes nothing either.
    const production = (await list(other)).find((environment) => environment.name === 'production')!;
    expect((await h.request('PATCH', `/api/v1/environments/${production.id}`, { body: { isDefault: false }, workspaceId: other })).statusCode).toBe(200);
    expect(await defaults(other)).toEqual(['staging']);
  });

  it('keeps exactly one default when several environments are made the default at once', async () => {
    const other = await h.services.workspaces.create('Racing defaults');
    const extra = await Promise.all([1, 2, 3].map(() => create({ name: nextName() }, other)));
    const all = [...(await list(other)).slice(0, 3), ...extra];
    const responses = await Promise.all(all.map((environment) =>
      h.request('PATCH', `/api/v1/environments/${environment.id}`, { body: { isDefault: true }, workspaceId: other })));
    expect(responses.map((response) => response.statusCode)).toEqual(all.map(() => 200));
    expect(await defaults(other)).toHaveLength(1);
  });

  it('creates one of several same-named environments sent at once, refusing the rest with 409', async () => {
    const name = nextName();
    const responses = await Promise.all([1, 2, 3, 4].map(() => h.request('POST', '/api/v1/environments', { body: { name, isDefault: false } })));
    expect(responses.map((response) => response.statusCode).sort()).toEqual([201, 409, 409, 409]);
    expect((await list()).filter((environment) => environment.name === name)).toHaveLength(1);
  });

  it('refuses to un-default the default directly (400 environment_default_required)', async () => {
    const production = (await list()).find((environment) => environment.isDefault)!;
    expectError(await h.request('PATCH', `/api/v1/environments/${production.id}`, { body: { isDefault: false, name: 'changed' } }),
      400, 'environment_default_required', 'isDefault');
    expect(await get(production.id)).toEqual(production);
  });

  it('refuses a name another environment has (409) and bad fields (400), changing nothing', async () => {
    const environment = await create({ name: nextName(), color: '#333333' });
    expectError(await h.request('PATCH', `/api/v1/environments/${environment.id}`, { body: { name: 'development' } }), 409, 'environment_name_taken', 'name');
    expectError(await h.request('PATCH', `/api/v1/environments/${environment.id}`, { body: { color: 'red' } }), 400, 'invalid_input', 'color');
    expectError(await h.request('PATCH', `/api/v1/environments/${environment.id}`, { body: { name: '' } }), 400, 'invalid_input', 'name');
    expectError(await h.request('PATCH', `/api/v1/environments/${environment.id}`, { body: { isDefault: null } }), 400, 'invalid_input', 'isDefault');
    expect(await get(environment.id)).toEqual(environment);
  });

  it('keeps its name when renamed to the same name', async () => {
    const environment = await create({ name: nextName() });
    const response = await h.request('PATCH', `/api/v1/environments/${environment.id}`, { body: { name: environment.name } });
    expect(response.statusCode, response.body).toBe(200);
  });

  it('honours If-Match against the ETag its GET answers', async () => {
    const environment = await create({ name: nextName() });
    const read = await h.request('GET', `/api/v1/environments/${environment.id}`);
    const etag = read.headers.etag as string;
    expect(etag).toBeTruthy();
    const changed = await h.request('PATCH', `/api/v1/environments/${environment.id}`, { body: { description: 'one' }, headers: { 'if-match': etag } });
    expect(changed.statusCode, changed.body).toBe(200);
    expectError(await h.request('PATCH', `/api/v1/environments/${environment.id}`, { body: { description: 'two' }, headers: { 'if-match': etag } }),
      412, 'precondition_failed');
    expect((await get(environment.id)).description).toBe('one');
  });
});

describe('deleting environments', () => {
  it('deletes an environment that is not the default, and its resource configurations with it', async () => {
    const environment = await create({ name: nextName() });
    const resource = await h.request('POST', '/api/v1/resources', { body: { name: `res-${nextName()}`, type: 'postgresql' } });
    const resourceId = resource.json().id as string;
    const configured = await h.request('PUT', `/api/v1/resources/${resourceId}/configurations/${environment.id}`, {
      body: { options: { host: 'doomed' }, secrets: { password: 'doomed-pw-1' } },
    });
    expect(configured.statusCode, configured.body).toBe(201);
    const response = await h.request('DELETE', `/api/v1/environments/${environment.id}`);
    expect(response.statusCode, response.body).toBe(204);
    expect(response.body).toBe('');
    expectError(await h.request('GET', `/api/v1/environments/${environment.id}`), 404, 'environment_not_found');
    const rows = await h.runtime.database.db.selectFrom('resource_configurations').select('resource_id').where('environment_id', '=', environment.id).execute();
    expect(rows).toEqual([]);
    expect((await h.request('GET', `/api/v1/resources/${resourceId}`)).statusCode).toBe(200);
    expect(await auditActions(environment.id)).toEqual(['environment.created', 'environment.deleted']);
  });

  it('refuses to delete the default (409 environment_is_default) and keeps it', async () => {
    const production = (await list()).find((environment) => environment.isDefault)!;
    expectError(await h.request('DELETE', `/api/v1/environments/${production.id}`), 409, 'environment_is_default');
    expect(await get(production.id)).toEqual(production);
  });

  it('deletes a former default once another is the default', async () => {
    const other = await h.services.workspaces.create('Delete former default');
    const [development, , production] = await list(other);
    await h.request('PATCH', `/api/v1/environments/${development!.id}`, { body: { isDefault: true }, workspaceId: other });
    expect((await h.request('DELETE', `/api/v1/environments/${production!.id}`, { workspaceId: other })).statusCode).toBe(204);
    expect((await list(other)).map((environment) => environment.name)).toEqual(['development', 'staging']);
  });
});

describe('unknown environments and isolation', () => {
  it('answers 404 environment_not_found for an unknown id, and 400 for a malformed one', async () => {
    expectError(await h.request('GET', `/api/v1/environments/${UNKNOWN_ID}`), 404, 'environment_not_found');
    expectError(await h.request('PATCH', `/api/v1/environments/${UNKNOWN_ID}`, { body: { name: 'x-unknown' } }), 404, 'environment_not_found');
    expectError(await h.request('DELETE', `/api/v1/environments/${UNKNOWN_ID}`), 404, 'environment_not_found');
    expectError(await h.request('GET', '/api/v1/environments/not-a-uuid'), 400, 'invalid_input', 'environmentId');
  });

  it('keeps environments of another workspace out of this one', async () => {
    const other = await h.services.workspaces.create('Isolated environments');
    const foreign = await create({ name: 'foreign-env' }, other);
    expectError(await h.request('GET', `/api/v1/environments/${foreign.id}`), 404, 'environment_not_found');
    expectError(await h.request('PATCH', `/api/v1/environments/${foreign.id}`, { body: { isDefault: true } }), 404, 'environment_not_found');
    expectError(await h.request('DELETE', `/api/v1/environments/${foreign.id}`), 404, 'environment_not_found');
    expect((await list()).map((environment) => environment.name)).not.toContain('foreign-env');
    expect(await get(foreign.id, other)).toEqual(foreign);
    expect(await defaults()).toEqual(['production']);
  });

  it('lets a workspace-bound token see only its own workspace', async () => {
    const other = await h.services.workspaces.create('Bound environments');
    const token = await h.token(['environments:read'], { workspaceId: other });
    const response = await h.request('GET', '/api/v1/environments', { token });
    expect(response.statusCode).toBe(200);
    expect(response.json().data.map((environment: Environment) => environment.id)).toEqual((await list(other)).map((environment) => environment.id));
    expectError(await h.request('GET', '/api/v1/environments', { token, workspaceId: h.defaultWorkspaceId }), 403, 'workspace_forbidden');
  });
});

describe('scopes', () => {
  it('needs environments:read to read and environments:write to change', async () => {
    const reader = await h.token(['environments:read']);
    const writer = await h.token(['environments:write']);
    const other = await h.token(['resources:write']);
    expect((await h.request('GET', '/api/v1/environments', { token: reader })).statusCode).toBe(200);
    expect((await h.request('GET', '/api/v1/environments', { token: writer })).statusCode).toBe(200);
    expect((await h.request('GET', '/api/v1/environments', { token: other })).statusCode).toBe(403);
    expect((await h.request('POST', '/api/v1/environments', { token: reader, body: { name: nextName() } })).statusCode).toBe(403);
    expect((await h.request('POST', '/api/v1/environments', { token: writer, body: { name: nextName() } })).statusCode).toBe(201);
    expect((await h.request('GET', '/api/v1/environments', { token: null })).statusCode).toBe(401);
  });
});
