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

const CONFIGURATION_KEYS = [
  'createdAt', 'environmentId', 'environmentName', 'environmentOptions', 'hasOwnConfiguration', 'options',
  'resourceId', 'secretNames', 'secretSources', 'updatedAt',
];
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

interface Configuration {
  resourceId: string;
  environmentId: string;
  environmentName: string;
  hasOwnConfiguration: boolean;
  options: Record<string, unknown>;
  environmentOptions: Record<string, unknown>;
  secretNames: string[];
  secretSources: Record<string, 'environment' | 'resource'>;
  createdAt: string | null;
  updatedAt: string | null;
}

let counter = 0;
const nextName = (prefix: string) => `${prefix}-${++counter}`;

async function createResource(body: Record<string, unknown> = {}, workspaceId?: string): Promise<{ id: string }> {
  const response = await h.request('POST', '/api/v1/resources', {
    body: { name: nextName('db'), type: 'postgresql', ...body }, workspaceId,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function environmentId(name: string, workspaceId?: string): Promise<string> {
  const response = await h.request('GET', '/api/v1/environments', { workspaceId });
  return response.json().data.find((environment: { name: string }) => environment.name === name).id;
}

function url(resourceId: string, environment: string): string {
  return `/api/v1/resources/${resourceId}/configurations/${environment}`;
}

async function getConfiguration(resourceId: string, environment: string, workspaceId?: string): Promise<Configuration> {
  const response = await h.request('GET', url(resourceId, environment), { workspaceId });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function storedConfigurationSecrets(resourceId: string, environment: string): Promise<Record<string, string>> {
  const row = await h.runtime.database.db.selectFrom('resource_configurations').select('secrets')
    .where('resource_id', '=', resourceId).where('environment_id', '=', environment).executeTakeFirstOrThrow();
  return (typeof row.secrets === 'string' ? JSON.parse(row.secrets) : row.secrets) as Record<string, string>;
}

describe('reading configurations', () => {
  it('answers the resource\'s own options and secrets in an environment without a configuration', async () => {
    const resource = await createResource({ options: { host: 'db.internal', port: 5432 }, secrets: { password: 'base-pw-001' } });
    const production = await environmentId('production');
    const response = await h.request('GET', url(resource.id, production));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.body).not.toContain('base-pw-001');
    const configuration = response.json() as Configuration;
    expect(Object.keys(configuration).sort()).toEqual(CONFIGURATION_KEYS);
    expect(configuration).toEqual({
      resourceId: resource.id, environmentId: production, environmentName: 'production', hasOwnConfiguration: false,
      options: { host: 'db.internal', port: 5432 }, environmentOptions: {},
      secretNames: ['password'], secretSources: { password: 'resource' }, createdAt: null, updatedAt: null,
    });
  });

  it('lists the effective configuration in every environment, oldest environment first', async () => {
    const resource = await createResource({ options: { host: 'base' } });
    const staging = await environmentId('staging');
    await h.request('PUT', url(resource.id, staging), { body: { options: { host: 'staging-host' } } });
    const response = await h.request('GET', `/api/v1/resources/${resource.id}/configurations`);
    expect(response.statusCode, response.body).toBe(200);
    const list = response.json().data as Configuration[];
    expect(list.slice(0, 3).map((item) => [item.environmentName, item.hasOwnConfiguration, item.options.host])).toEqual([
      ['development', false, 'base'], ['staging', true, 'staging-host'], ['production', false, 'base'],
    ]);
    expect(list.find((item) => item.environmentName === 'staging')).toEqual(await getConfiguration(resource.id, staging));
  });
});

describe('setting configurations', () => {
  it('creates one (201), merges its options over the resource\'s, and keeps secret values out of every answer', async () => {
    const resource = await createResource({
      options: { host: 'db.internal', port: 5432, database: 'orders' },
      secrets: { password: 'resource-pw-11', apiKey: 'resource-key-11' },
    });
    const staging = await environmentId('staging');
    const response = await h.request('PUT', url(resource.id, staging), {
      body: { options: { host: 'staging-db.internal', ssl: true }, secrets: { password: 'staging-pw-22', token: 'staging-token-22' } },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.body).not.toContain('staging-pw-22');
    expect(response.body).not.toContain('staging-token-22');
    const configuration = response.json() as Configuration;
    expect(configuration).toMatchObject({
      hasOwnConfiguration: true,
      options: { host: 'staging-db.internal', port: 5432, database: 'orders', ssl: true },
      environmentOptions: { host: 'staging-db.internal', ssl: true },
      secretNames: ['apiKey', 'password', 'token'],
      secretSources: { apiKey: 'resource', password: 'environment', token: 'environment' },
    });
    expect(configuration.createdAt).not.toBeNull();
    expect(configuration.updatedAt).toBe(configuration.createdAt);
    expect(await getConfiguration(resource.id, staging)).toEqual(configuration);

    for (const path of [url(resource.id, staging), `/api/v1/resources/${resource.id}/configurations`, `/api/v1/resources/${resource.id}`]) {
      const body = (await h.request('GET', path)).body;
      for (const secret of ['staging-pw-22', 'staging-token-22', 'resource-pw-11', 'resource-key-11']) expect(body).not.toContain(secret);
    }
    const stored = await storedConfigurationSecrets(resource.id, staging);
    expect(JSON.stringify(stored)).not.toContain('staging-pw-22');
    expect(stored.password!.startsWith('v2.')).toBe(true);

    expect(await h.services.resourceConfigurations.revealSecrets(await h.actor(), resource.id, staging)).toEqual({
      password: 'staging-pw-22', apiKey: 'resource-key-11', token: 'staging-token-22',
    });
    const production = await environmentId('production');
    expect(await h.services.resourceConfigurations.revealSecrets(await h.actor(), resource.id, production)).toEqual({
      password: 'resource-pw-11', apiKey: 'resource-key-11',
    });
  });

  it('changes one (200): options replaced when given, secrets set or removed by name, others kept', async () => {
    const resource = await createResource({ options: { host: 'base' }, secrets: { password: 'resource-pw-33' } });
    const development = await environmentId('development');
    await h.request('PUT', url(resource.id, development), { body: { options: { host: 'dev', debug: true }, secrets: { password: 'dev-pw-33', extra: 'dev-extra-33' } } });
    const first = await getConfiguration(resource.id, development);

    const kept = await h.request('PUT', url(resource.id, development), { body: { secrets: { extra: 'dev-extra-44' } } });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json()).toMatchObject({ environmentOptions: { host: 'dev', debug: true }, secretNames: ['extra', 'password'] });
    expect(kept.json().createdAt).toBe(first.createdAt);

    const removed = await h.request('PUT', url(resource.id, development), { body: { options: { port: 6543 }, secrets: { password: null, unknown: null } } });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json()).toMatchObject({
      options: { host: 'base', port: 6543 },
      environmentOptions: { port: 6543 },
      secretNames: ['extra', 'password'],
      secretSources: { extra: 'environment', password: 'resource' },
    });
    expect(await h.services.resourceConfigurations.revealSecrets(await h.actor(), resource.id, development)).toEqual({
      password: 'resource-pw-33', extra: 'dev-extra-44',
    });
  });

  it('accepts an empty body, making a configuration with nothing of its own', async () => {
    const resource = await createResource({ options: { host: 'base' } });
    const production = await environmentId('production');
    const response = await h.request('PUT', url(resource.id, production), { body: {} });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ hasOwnConfiguration: true, options: { host: 'base' }, environmentOptions: {} });
  });

  it('records one audit event per write, naming secrets but never their values', async () => {
    const resource = await createResource();
    const staging = await environmentId('staging');
    await h.request('PUT', url(resource.id, staging), { body: { secrets: { password: 'audited-pw-55' } } });
    await h.request('PUT', url(resource.id, staging), { body: { secrets: { password: null } } });
    await h.request('DELETE', url(resource.id, staging));
    const events = await h.runtime.database.db.selectFrom('audit_events').select(['action', 'changes', 'workspace_id'])
      .where('target_id', '=', `${resource.id}:${staging}`).orderBy('id').execute();
    expect(events.map((event) => event.action)).toEqual([
      'resource_configuration.created', 'resource_configuration.updated', 'resource_configuration.deleted',
    ]);
    expect(events.every((event) => event.workspace_id === h.defaultWorkspaceId)).toBe(true);
    expect(JSON.stringify(events)).not.toContain('audited-pw-55');
    expect(JSON.stringify(events[0]!.changes)).toContain('password');
  });

  it('honours If-Match against the ETag its GET answers', async () => {
    const resource = await createResource();
    const staging = await environmentId('staging');
    await h.request('PUT', url(resource.id, staging), { body: { options: { a: 1 } } });
    const etag = (await h.request('GET', url(resource.id, staging))).headers.etag as string;
    expect((await h.request('PUT', url(resource.id, staging), { body: { options: { a: 2 } }, headers: { 'if-match': etag } })).statusCode).toBe(200);
    expectError(await h.request('PUT', url(resource.id, staging), { body: { options: { a: 3 } }, headers: { 'if-match': etag } }), 412, 'precondition_failed');
    expect((await getConfiguration(resource.id, staging)).environmentOptions).toEqual({ a: 2 });
  });

  it('refuses bad options and secrets with a 400 naming the field, changing nothing', async () => {
    const resource = await createResource();
    const staging = await environmentId('staging');
    await h.request('PUT', url(resource.id, staging), { body: { options: { keep: true }, secrets: { keep: 'keep-pw-66' } } });
    const before = await getConfiguration(resource.id, staging);
    const cases: Array<[unknown, string]> = [
      [{ options: 'text' }, 'options'],
      [{ options: [1, 2] }, 'options'],
      [{ secrets: 'text' }, 'secrets'],
      [{ secrets: { password: 5 } }, 'secrets.password'],
      [{ secrets: { 'bad name!': 'x' } }, 'secrets'],
      [{ secrets: { password: 'x'.repeat(65_537) } }, 'secrets.password'],
    ];
    for (const [body, field] of cases) {
      const response = await h.request('PUT', url(resource.id, staging), { body });
      const error = expectError(response, 400, 'invalid_input');
      expect(error.field ?? '', JSON.stringify(body).slice(0, 60)).toContain(field);
    }
    expect(await getConfiguration(resource.id, staging)).toEqual(before);
  });
});

describe('deleting configurations', () => {
  it('removes the environment\'s own configuration, so the resource\'s apply again', async () => {
    const resource = await createResource({ options: { host: 'base' }, secrets: { password: 'resource-pw-77' } });
    const staging = await environmentId('staging');
    await h.request('PUT', url(resource.id, staging), { body: { options: { host: 'staging' }, secrets: { password: 'staging-pw-77' } } });
    const response = await h.request('DELETE', url(resource.id, staging));
    expect(response.statusCode, response.body).toBe(204);
    expect(await getConfiguration(resource.id, staging)).toMatchObject({
      hasOwnConfiguration: false, options: { host: 'base' }, secretSources: { password: 'resource' },
    });
    expectError(await h.request('DELETE', url(resource.id, staging)), 404, 'resource_configuration_not_found');
  });

  it('goes with its resource when the resource is deleted', async () => {
    const resource = await createResource();
    const staging = await environmentId('staging');
    await h.request('PUT', url(resource.id, staging), { body: { secrets: { password: 'gone-pw-88' } } });
    expect((await h.request('DELETE', `/api/v1/resources/${resource.id}`)).statusCode).toBe(204);
    const rows = await h.runtime.database.db.selectFrom('resource_configurations').select('environment_id').where('resource_id', '=', resource.id).execute();
    expect(rows).toEqual([]);
  });
});

describe('unknown resources, environments and isolation', () => {
  it('answers 404 for an unknown resource or environment, and 400 for malformed ids', async () => {
    const resource = await createResource();
    const staging = await environmentId('staging');
    for (const method of ['GET', 'PUT', 'DELETE'] as const) {
      const body = method === 'PUT' ? { options: {} } : undefined;
      expectError(await h.request(method, url(UNKNOWN_ID, staging), { body }), 404, 'resource_not_found');
      expectError(await h.request(method, url(resource.id, UNKNOWN_ID), { body }), 404, 'environment_not_found');
    }
    expectError(await h.request('GET', `/api/v1/resources/${UNKNOWN_ID}/configurations`), 404, 'resource_not_found');
    expectError(await h.request('GET', url('nope', staging)), 400, 'invalid_input', 'resourceId');
    expectError(await h.request('GET', url(resource.id, 'nope')), 400, 'invalid_input', 'environmentId');
  });

  it('refuses another workspace\'s resource or environment as unknown, changing nothing there', async () => {
    const other = await h.services.workspaces.create('Isolated configurations');
    const foreignResource = await createResource({ secrets: { password: 'foreign-pw-99' } }, other);
    const foreignStaging = await environmentId('staging', other);
    const ours = await createResource();
    const ourStaging = await environmentId('staging');

    expectError(await h.request('GET', url(foreignResource.id, ourStaging)), 404, 'resource_not_found');
    expectError(await h.request('PUT', url(foreignResource.id, ourStaging), { body: { secrets: { password: 'stolen' } } }), 404, 'resource_not_found');
    expectError(await h.request('GET', `/api/v1/resources/${foreignResource.id}/configurations`), 404, 'resource_not_found');
    expectError(await h.request('GET', url(ours.id, foreignStaging)), 404, 'environment_not_found');
    expectError(await h.request('PUT', url(ours.id, foreignStaging), { body: { options: { x: 1 } } }), 404, 'environment_not_found');
    expectError(await h.request('DELETE', url(ours.id, foreignStaging)), 404, 'environment_not_found');

    const theirs = await getConfiguration(foreignResource.id, foreignStaging, other);
    expect(theirs.hasOwnConfiguration).toBe(false);
    const list = (await h.request('GET', `/api/v1/resources/${ours.id}/configurations`)).json().data as Configuration[];
    expect(list.map((item) => item.environmentId)).not.toContain(foreignStaging);
  });

  it('needs resources:read to read and resources:write to change', async () => {
    const resource = await createResource();
    const staging = await environmentId('staging');
    const reader = await h.token(['resources:read']);
    const environments = await h.token(['environments:write']);
    expect((await h.request('GET', url(resource.id, staging), { token: reader })).statusCode).toBe(200);
    expect((await h.request('GET', url(resource.id, staging), { token: environments })).statusCode).toBe(403);
    expect((await h.request('PUT', url(resource.id, staging), { token: reader, body: {} })).statusCode).toBe(403);
    expect((await h.request('DELETE', url(resource.id, staging), { token: reader })).statusCode).toBe(403);
  });
});
