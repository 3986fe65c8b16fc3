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

const RESOURCE_KEYS = ['createdAt', 'displayName', 'id', 'name', 'options', 'secretNames', 'type', 'updatedAt'];
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

async function createResource(body: Record<string, unknown>, workspaceId?: string) {
  const response = await h.request('POST', '/api/v1/resources', { body, workspaceId });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function getResource(id: string) {
  const response = await h.request('GET', `/api/v1/resources/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function resourceCount(): Promise<number> {
  const response = await h.request('GET', '/api/v1/resources');
  expect(response.statusCode).toBe(200);
  return response.json().data.length;
}

/** The sealed secrets of a resource as stored: jsonb arrives parsed on PostgreSQL, text on SQLite. */
async function storedSecrets(id: string): Promise<Record<string, string>> {
  const row = await h.runtime.database.db.selectFrom('resources').select('secrets').where('id', '=', id).executeTakeFirstOrThrow();
  return (typeof row.secrets === 'string' ? JSON.parse(row.secrets) : row.secrets) as Record<string, string>;
}

async function storeSecrets(id: string, secrets: Record<string, string>): Promise<void> {
  await h.runtime.database.db.updateTable('resources').set({ secrets: JSON.stringify(secrets) }).where('id', '=', id).execute();
}

describe('creating resources', () => {
  it('answers 201 with options and secret names, and no secret value anywhere', async () => {
    const password = 'pg-password-5f1c2e7a';
    const apiKey = 'sk_live_0b9d4e1f3a';
    const response = await h.request('POST', '/api/v1/resources', {
      body: {
        name: 'orders-db',
        type: 'postgresql',
        options: { host: 'db.internal', port: 5432, database: 'orders', ssl: { mode: 'require' } },
        secrets: { password, apiKey },
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.body).not.toContain(password);
    expect(response.body).not.toContain(apiKey);
    const resource = response.json();
    expect(seedSchemaErrors('Resource', resource)).toEqual([]);
    expect(Object.keys(resource).sort()).toEqual(RESOURCE_KEYS);
    expect(resource).toMatchObject({
      name: 'orders-db',
      type: 'postgresql',
      displayName: 'PostgreSQL',
      options: { host: 'db.internal', port: 5432, database: 'orders', ssl: { mode: 'require' } },
      secretNames: ['apiKey', 'password'],
    });
    expect(resource).not.toHaveProperty('secrets');
    expect(resource.updatedAt).toBe(resource.createdAt);

    const read = await h.request('GET', `/api/v1/resources/${resource.id}`);
    expect(read.body).not.toContain(password);
    expect(read.body).not.toContain(apiKey);
    expect(read.json()).toEqual(resource);

    const list = await h.request('GET', '/api/v1/resources');
    expect(list.body).not.toContain(password);
    expect(list.body).not.toContain(apiKey);
    expect(list.json().data).toContainEqual(resource);
  });

  it('lists resources in the seed ResourceListResponse shape', async () => {
    const workspaceId = await h.services.workspaces.create('Resource listing');
    const first = await createResource({ name: 'list-a', type: 'mysql' }, workspaceId);
    const second = await createResource({ name: 'list-b', type: 'restapi', options: { baseUrl: 'https://api.example.com' } }, workspaceId);
    const response = await h.request('GET', '/api/v1/resources', { workspaceId });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(seedSchemaErrors('ResourceListResponse', body)).toEqual([]);
    expect(Object.keys(body)).toEqual(['data']);
    expect(body.data).toHaveLength(2);
    expect([...body.data].sort((x: { name: string }, y: { name: string }) => x.name.localeCompare(y.name))).toEqual([first, second]);
    for (const item of body.data) expect(Object.keys(item).sort()).toEqual(RESOURCE_KEYS);
  });

  it('derives displayName from the type unless one is given', async () => {
    expect((await createResource({ name: 'dn-pg', type: 'postgresql' })).displayName).toBe('PostgreSQL');
    expect((await createResource({ name: 'dn-rest', type: 'restapi' })).displayName).toBe('REST API');
    expect((await createResource({ name: 'dn-sheets', type: 'googlesheets' })).displayName).toBe('Google Sheets');
    expect((await createResource({ name: 'dn-custom', type: 'mycustomdb' })).displayName).toBe('mycustomdb');
    const given = await createResource({ name: 'dn-given', type: 'postgresql', displayName: 'Warehouse PG' });
    expect(given.displayName).toBe('Warehouse PG');
    expect((await getResource(given.id)).displayName).toBe('Warehouse PG');
  });

  it('defaults options to {} and secretNames to []', async () => {
    const resource = await createResource({ name: 'bare', type: 'redis' });
    expect(resource.options).toEqual({});
    expect(resource.secretNames).toEqual([]);
    expect(resource).not.toHaveProperty('folderId');
  });

  it('places a resource in a resource folder, not an app folder', async () => {
    const folder = await h.request('POST', '/api/v1/folders', { body: { name: 'Databases', folderType: 'resource' } });
    const appFolder = await h.request('POST', '/api/v1/folders', { body: { name: 'Not for resources', folderType: 'app' } });
    const placed = await createResource({ name: 'in-folder', type: 'postgresql', folderId: folder.json().id });
    expect(placed.folderId).toBe(folder.json().id);
    const before = await resourceCount();
    expectError(
      await h.request('POST', '/api/v1/resources', { body: { name: 'misplaced', type: 'postgresql', folderId: appFolder.json().id } }),
      400, 'folder_type_mismatch', 'folderId',
    );
    expectError(
      await h.request('POST', '/api/v1/resources', { body: { name: 'misplaced', type: 'postgresql', folderId: UNKNOWN_ID } }),
      400, 'invalid_reference', 'folderId',
    );
    expect(await resourceCount()).toBe(before);
  });

  it('refuses a duplicate name with 409 resource_name_taken and creates nothing', async () => {
    await createResource({ name: 'unique-name', type: 'postgresql' });
    const before = await resourceCount();
    const response = await h.request('POST', '/api/v1/resources', { body: { name: 'unique-name', type: 'mysql', secrets: { password: 'dup-secret-91' } } });
    expectError(response, 409, 'resource_name_taken', 'name');
    expect(response.body).not.toContain('dup-secret-91');
    expect(await resourceCount()).toBe(before);
  });

  it('allows the same name in another workspace', async () => {
    await createResource({ name: 'per-workspace', type: 'postgresql' });
    const other = await h.services.workspaces.create('Same resource names');
    const again = await createResource({ name: 'per-workspace', type: 'postgresql' }, other);
    expect(again.name).toBe('per-workspace');
  });

  it('refuses malformed bodies without echoing secret values', async () => {
    expectError(await h.request('POST', '/api/v1/resources', { body: { type: 'postgresql' } }), 400, 'invalid_input', 'name');
    expectError(await h.request('POST', '/api/v1/resources', { body: { name: 'no-type' } }), 400, 'invalid_input', 'type');
    const badValue = await h.request('POST', '/api/v1/resources', { body: { name: 'bad-secret', type: 'postgresql', secrets: { password: 12345 } } });
    expectError(badValue, 400, 'invalid_input');
    const badName = await h.request('POST', '/api/v1/resources', {
      body: { name: 'bad-secret-name', type: 'postgresql', secrets: { 'not a name!': 'echo-me-not-77' } },
    });
    expectError(badName, 400, 'invalid_input');
    expect(badName.body).not.toContain('echo-me-not-77');
  });
});

describe('reading resources', () => {
  it('answers 404 resource_not_found for an unknown id and 400 for a malformed one', async () => {
    expectError(await h.request('GET', `/api/v1/resources/${UNKNOWN_ID}`), 404, 'resource_not_found');
    expectError(await h.request('GET', '/api/v1/resources/xyz'), 400, 'invalid_input', 'resourceId');
  });

  it('keeps resources of one workspace out of another', async () => {
    const other = await h.services.workspaces.create('Hidden resources');
    const hidden = await createResource({ name: 'hidden-db', type: 'postgresql', secrets: { password: 'hidden-pw' } }, other);
    expectError(await h.request('GET', `/api/v1/resources/${hidden.id}`), 404, 'resource_not_found');
    expectError(await h.request('PUT', `/api/v1/resources/${hidden.id}`, { body: { name: 'taken-over' } }), 404, 'resource_not_found');
    expectError(await h.request('DELETE', `/api/v1/resources/${hidden.id}`), 404, 'resource_not_found');
    const list = (await h.request('GET', '/api/v1/resources')).json();
    expect(list.data.map((item: { id: string }) => item.id)).not.toContain(hidden.id);
    await expect(h.services.resources.revealSecrets(await h.actor(), hidden.id)).rejects.toMatchObject({ code: 'resource_not_found' });
    expect(await h.services.resources.revealSecrets(await h.actor(other), hidden.id)).toEqual({ password: 'hidden-pw' });
  });
});

describe('updating resources', () => {
  it('changes only the fields given, replacing options when given', async () => {
    const resource = await createResource({ name: 'update-me', type: 'postgresql', options: { host: 'a', port: 1 }, secrets: { password: 'keep-pw-1' } });
    const renamed = await h.request('PUT', `/api/v1/resources/${resource.id}`, { body: { name: 'updated' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(seedSchemaErrors('Resource', renamed.json())).toEqual([]);
    expect(renamed.json()).toEqual({ ...resource, name: 'updated', updatedAt: renamed.json().updatedAt });

    const reoptioned = (await h.request('PUT', `/api/v1/resources/${resource.id}`, { body: { options: { host: 'b' }, displayName: 'Main DB' } })).json();
    expect(reoptioned).toMatchObject({ name: 'updated', type: 'postgresql', displayName: 'Main DB', options: { host: 'b' }, secretNames: ['password'] });
    expect(await getResource(resource.id)).toEqual(reoptioned);
    expect(await h.services.resources.revealSecrets(await h.actor(), resource.id)).toEqual({ password: 'keep-pw-1' });
  });

  it('leaves the stored secrets untouched when secrets is not given', async () => {
    const resource = await createResource({ name: 'untouched-secrets', type: 'postgresql', secrets: { password: 'stay-sealed' } });
    const before = await storedSecrets(resource.id);
    expect((await h.request('PUT', `/api/v1/resources/${resource.id}`, { body: { options: { host: 'c' } } })).statusCode).toBe(200);
    expect(await storedSecrets(resource.id)).toEqual(before);
  });

  it('merges secrets: sets the ones named, removes those set to null, keeps the rest', async () => {
    const resource = await createResource({
      name: 'merge-secrets', type: 'postgresql', secrets: { password: 'old-pw-3', apiKey: 'keep-key-3', token: 'drop-token-3' },
    });
    const response = await h.request('PUT', `/api/v1/resources/${resource.id}`, {
      body: { secrets: { password: 'new-pw-3', token: null, extra: 'added-3' } },
    });
    expect(response.statusCode, response.body).toBe(200);
    for (const value of ['old-pw-3', 'new-pw-3', 'keep-key-3', 'drop-token-3', 'added-3']) expect(response.body).not.toContain(value);
    expect(response.json().secretNames).toEqual(['apiKey', 'extra', 'password']);
    expect((await getResource(resource.id)).secretNames).toEqual(['apiKey', 'extra', 'password']);
    expect(await h.services.resources.revealSecrets(await h.actor(), resource.id)).toEqual({
      password: 'new-pw-3', apiKey: 'keep-key-3', extra: 'added-3',
    });
    expect(Object.keys(await storedSecrets(resource.id)).sort()).toEqual(['apiKey', 'extra', 'password']);
  });

  it('moves a resource between resource folders and to the top with folderId null', async () => {
    const folder = (await h.request('POST', '/api/v1/folders', { body: { name: 'Move resources here', folderType: 'resource' } })).json();
    const resource = await createResource({ name: 'mover-db', type: 'postgresql' });
    const moved = await h.request('PUT', `/api/v1/resources/${resource.id}`, { body: { folderId: folder.id } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().folderId).toBe(folder.id);
    const top = await h.request('PUT', `/api/v1/resources/${resource.id}`, { body: { folderId: null } });
    expect(top.statusCode, top.body).toBe(200);
    expect(top.json()).not.toHaveProperty('folderId');
    expect(await getResource(resource.id)).not.toHaveProperty('folderId');
  });

  it('refuses renaming onto a taken name (409) and changes nothing', async () => {
    await createResource({ name: 'name-owner', type: 'postgresql' });
    const resource = await createResource({ name: 'name-wanter', type: 'postgresql', secrets: { password: 'unchanged-pw' } });
    const storedBefore = await storedSecrets(resource.id);
    const response = await h.request('PUT', `/api/v1/resources/${resource.id}`, {
      body: { name: 'name-owner', options: { changed: true }, secrets: { password: 'should-not-stick' } },
    });
    expectError(response, 409, 'resource_name_taken', 'name');
    expect(await getResource(resource.id)).toEqual(resource);
    expect(await storedSecrets(resource.id)).toEqual(storedBefore);
    expect(await h.services.resources.revealSecrets(await h.actor(), resource.id)).toEqual({ password: 'unchanged-pw' });
  });

  it('refuses an app folder and changes nothing', async () => {
    const appFolder = (await h.request('POST', '/api/v1/folders', { body: { name: 'App folder for resource', folderType: 'app' } })).json();
    const resource = await createResource({ name: 'stays-top', type: 'postgresql' });
    const response = await h.request('PUT', `/api/v1/resources/${resource.id}`, { body: { name: 'renamed?', folderId: appFolder.id } });
    expectError(response, 400, 'folder_type_mismatch', 'folderId');
    expect(await getResource(resource.id)).toEqual(resource);
  });

  it('answers 404 resource_not_found for an unknown resource', async () => {
    expectError(await h.request('PUT', `/api/v1/resources/${UNKNOWN_ID}`, { body: { name: 'ghost' } }), 404, 'resource_not_found');
  });
});

describe('deleting resources', () => {
  it('answers 204, then 404', async () => {
    const resource = await createResource({ name: 'delete-me', type: 'postgresql', secrets: { password: 'gone' } });
    const response = await h.request('DELETE', `/api/v1/resources/${resource.id}`);
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    expectError(await h.request('GET', `/api/v1/resources/${resource.id}`), 404, 'resource_not_found');
    expectError(await h.request('DELETE', `/api/v1/resources/${resource.id}`), 404, 'resource_not_found');
  });

  it('refuses to delete a resource an app uses (409 resource_in_use), until the app lets go', async () => {
    const resource = await createResource({ name: 'in-use-db', type: 'postgresql' });
    const app = await h.request('POST', '/api/v1/apps', { body: { name: 'Uses the db', resources: [resource.id] } });
    expect(app.statusCode, app.body).toBe(201);
    const refused = await h.request('DELETE', `/api/v1/resources/${resource.id}`);
    expectError(refused, 409, 'resource_in_use');
    expect(refused.json().message).toContain('Uses the db');
    expect(await getResource(resource.id)).toEqual(resource);

    const released = await h.request('PUT', `/api/v1/apps/${app.json().id}`, { body: { resources: [] } });
    expect(released.statusCode, released.body).toBe(200);
    expect((await h.request('DELETE', `/api/v1/resources/${resource.id}`)).statusCode).toBe(204);
  });
});

describe('secrets at rest', () => {
  it('stores each secret as a v1 envelope, never the plaintext, and reveals it to the core', async () => {
    const password = 'plain-text-password-4242';
    const resource = await createResource({
      name: 'sealed-db', type: 'postgresql', secrets: { password, apiKey: 'plain-api-key-4242', samePassword: password },
    });
    const row = await h.runtime.database.db.selectFrom('resources').selectAll().where('id', '=', resource.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(password);
    expect(JSON.stringify(row)).not.toContain('plain-api-key-4242');
    const sealed = await storedSecrets(resource.id);
    expect(Object.keys(sealed).sort()).toEqual(['apiKey', 'password', 'samePassword']);
    for (const envelope of Object.values(sealed)) {
      expect(envelope.startsWith('v2.')).toBe(true);
      expect(envelope.split('.')).toHaveLength(5);
    }
    // Sealing is randomized: the same plaintext gives a different envelope each time.
    expect(sealed.password).not.toBe(sealed.samePassword);
    expect(await h.services.resources.revealSecrets(await h.actor(), resource.id)).toEqual({
      password, apiKey: 'plain-api-key-4242', samePassword: password,
    });
  });

  it('re-seals an updated secret and never stores it in clear', async () => {
    const resource = await createResource({ name: 'reseal-db', type: 'postgresql', secrets: { password: 'first-pw-77' } });
    const before = await storedSecrets(resource.id);
    await h.request('PUT', `/api/v1/resources/${resource.id}`, { body: { secrets: { password: 'second-pw-77' } } });
    const after = await storedSecrets(resource.id);
    expect(after.password).not.toBe(before.password);
    expect(after.password!.startsWith('v2.')).toBe(true);
    expect(JSON.stringify(after)).not.toContain('second-pw-77');
    expect(await h.services.resources.revealSecrets(await h.actor(), resource.id)).toEqual({ password: 'second-pw-77' });
  });

  it('refuses to open an envelope moved onto another resource', async () => {
    const source = await createResource({ name: 'envelope-source', type: 'postgresql', secrets: { password: 'stolen-pw-9' } });
    const target = await createResource({ name: 'envelope-target', type: 'postgresql', secrets: { password: 'target-pw-9' } });
    const sourceSealed = await storedSecrets(source.id);
    await storeSecrets(target.id, { password: sourceSealed.password! });
    await expect(h.services.resources.revealSecrets(await h.actor(), target.id)).rejects.toThrow();
    // The source itself still opens.
    expect(await h.services.resources.revealSecrets(await h.actor(), source.id)).toEqual({ password: 'stolen-pw-9' });
  });

  it('refuses to open an envelope moved under another secret name, or altered', async () => {
    const resource = await createResource({ name: 'envelope-rename', type: 'postgresql', secrets: { password: 'pw-under-name' } });
    const sealed = await storedSecrets(resource.id);
    await storeSecrets(resource.id, { apiKey: sealed.password! });
    await expect(h.services.resources.revealSecrets(await h.actor(), resource.id)).rejects.toThrow();

    const [version, iv, tag, ciphertext] = sealed.password!.split('.');
    const flipped = Buffer.from(ciphertext!, 'base64url');
    flipped[0] = flipped[0]! ^ 0xff;
    await storeSecrets(resource.id, { password: [version, iv, tag, flipped.toString('base64url')].join('.') });
    await expect(h.services.resources.revealSecrets(await h.actor(), resource.id)).rejects.toThrow();

    await storeSecrets(resource.id, { password: 'pw-under-name' });
    await expect(h.services.resources.revealSecrets(await h.actor(), resource.id)).rejects.toThrow();
  });
});

describe('resources under concurrent requests', () => {
  it('answers a delete racing an app that starts using the resource with 409 or 204, never 500', async () => {
    for (let round = 0; round < 5; round += 1) {
      const resource = await createResource({ name: `contended-${round}`, type: 'postgresql' });
      const [app, deletion] = await Promise.all([
        h.request('POST', '/api/v1/apps', { body: { name: `Contender ${round}`, resources: [resource.id] } }),
        h.request('DELETE', `/api/v1/resources/${resource.id}`),
      ]);
      const outcome = `app ${app.statusCode}, delete ${deletion.statusCode}`;
      expect(['app 201, delete 409', 'app 400, delete 204'], `${outcome}: ${app.body} ${deletion.body}`).toContain(outcome);
      if (app.statusCode === 201) expect(deletion.json().code).toBe('resource_in_use');
      else expect(app.json().code).toBe('invalid_reference');
    }
  });

  it('creates only one of two simultaneous same-named resources', async () => {
    const [first, second] = await Promise.all([
      h.request('POST', '/api/v1/resources', { body: { name: 'twin', type: 'postgresql' } }),
      h.request('POST', '/api/v1/resources', { body: { name: 'twin', type: 'postgresql' } }),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([201, 409]);
    expect((first.statusCode === 409 ? first : second).json().code).toBe('resource_name_taken');
  });
});
