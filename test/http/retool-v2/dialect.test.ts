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

describe('unknown ids and bad input', () => {
  it.each([
    ['GET', '/api/v2/users/user_0123456789abcdef0123456789abcdef'],
    ['GET', '/api/v2/users/not-a-user-id'],
    ['GET', '/api/v2/groups/999999'],
    ['GET', '/api/v2/groups/abc'],
    ['GET', '/api/v2/folders/app_999999'],
    ['GET', '/api/v2/folders/nonsense'],
    ['GET', '/api/v2/resources/0f0f0f0f-0000-4000-8000-000000000000'],
    ['GET', '/api/v2/resource_configurations/0f0f0f0f-0000-4000-8000-000000000000'],
    ['GET', '/api/v2/environments/0f0f0f0f-0000-4000-8000-000000000000'],
    ['GET', '/api/v2/configuration_variables/0f0f0f0f-0000-4000-8000-000000000000'],
    ['GET', '/api/v2/spaces/org_0123456789abcdef0123456789abcdef'],
    ['DELETE', '/api/v2/groups/999999'],
    ['DELETE', '/api/v2/folders/app_999999'],
  ] as const)('%s %s answers 404 in Retool\'s error body', async (method, url) => {
    const response = await v2(h, method, url);
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ success: false, message: expect.any(String) });
  });

  it.each([
    ['POST', '/api/v2/users', { first_name: 'A', last_name: 'B' }, 'email'],
    ['POST', '/api/v2/users', { email: 'not-an-email', first_name: 'A', last_name: 'B' }, 'email'],
    ['POST', '/api/v2/users', { email: 'embed@example.com', first_name: 'A', last_name: 'B', user_type: 'embed' }, 'user_type'],
    ['POST', '/api/v2/groups', { name: 'g', universal_app_access: 'everything' }, 'universal_app_access'],
    ['POST', '/api/v2/folders', { name: 'f', folder_type: 'agent' }, 'folder_type'],
    ['POST', '/api/v2/folders', { name: 'f', folder_type: 'app', parent_folder_id: 'app_999999' }, 'parent_folder_id'],
    ['POST', '/api/v2/resources', { display_name: 'r', type: 'restapi' }, 'options'],
    ['POST', '/api/v2/environments', { name: 'e', color: 'blue' }, 'color'],
    ['POST', '/api/v2/permissions/grant', { subject: { type: 'group', id: 'x' }, object: { type: 'app', id: 'a' }, access_level: 'use' }, 'subject.id'],
    ['POST', '/api/v2/permissions/grant', {
      subject: { type: 'group', id: 1 }, object: { type: 'resource_configuration', id: '0f0f0f0f-0000-4000-8000-000000000000' }, access_level: 'use',
    }, 'object.type'],
    ['POST', '/api/v2/configuration_variables', { name: 'v', secret: false, values: [{ environment_id: 'nope', value: 'x' }] }, 'Environment with id "nope" does not exist'],
  ] as const)('%s %s refuses %j with a 400 naming the field', async (method, url, body, field) => {
    const response = await v2(h, method, url, { body });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain(field);
  });

  it('answers the router\'s own refusals and unknown paths in Retool\'s error body', async () => {
    const tooLong = await v2(h, 'GET', `/api/v2/users/user_${'a'.repeat(600)}`);
    expect(tooLong.statusCode).toBe(414);
    expect(tooLong.json()).toEqual({ success: false, message: expect.any(String) });
    const unknown = await h.request('GET', '/api/v2/not_a_route');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({ success: false, message: expect.any(String) });
    const badJson = await h.request('POST', '/api/v2/groups', { body: '{"name":', headers: { 'content-type': 'application/json' } });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json()).toEqual({ success: false, message: expect.any(String) });
  });

  it('refuses a JSON Patch of a field the object does not have, and an operation it does not take', async () => {
    const user = (await v2(h, 'POST', '/api/v2/users', { body: { email: 'patch@example.com', first_name: 'P', last_name: 'Q' } })).json().data;
    const wrongPath = await v2(h, 'PATCH', `/api/v2/users/${user.id}`, { body: { operations: [{ op: 'replace', path: '/email', value: 'x@example.com' }] } });
    expect(wrongPath.statusCode).toBe(400);
    expect(wrongPath.json().message).toContain('operations.0.path');
    const wrongOp = await v2(h, 'PATCH', `/api/v2/users/${user.id}`, { body: { operations: [{ op: 'move', from: '/first_name', path: '/last_name' }] } });
    expect(wrongOp.statusCode).toBe(400);
    expect(wrongOp.json().message).toContain('operations.0.op');
    const wrongType = await v2(h, 'PATCH', `/api/v2/users/${user.id}`, { body: { operations: [{ op: 'replace', path: '/active', value: 'yes' }] } });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().message).toContain('active');
    expect((await v2(h, 'GET', `/api/v2/users/${user.id}`)).json().data).toEqual(user);
  });
});

describe('users', () => {
  it('adds, removes and replaces metadata keys with JSON Patch, and deactivates on delete', async () => {
    const created = (await v2(h, 'POST', '/api/v2/users', {
      body: { email: 'meta@example.com', first_name: 'M', last_name: 'D', metadata: { team: 'ops', level: 2 } },
    })).json().data;
    expect(created).toMatchObject({ id: expect.stringMatching(/^user_[0-9a-f]{32}$/), active: true, metadata: { team: 'ops', level: 2 } });
    expect(created.legacy_id).toBeLessThan(2 ** 24);
    const patched = await v2(h, 'PATCH', `/api/v2/users/${created.id}`, {
      body: {
        operations: [
          { op: 'add', path: '/metadata/region', value: 'eu' }, { op: 'remove', path: '/metadata/level' },
          { op: 'replace', path: '/user_type', value: 'mobile' },
        ],
      },
    });
    expect(patched.json().data).toMatchObject({ metadata: { team: 'ops', region: 'eu' }, user_type: 'mobile', is_admin: false });
    expect(patched.json().data.two_factor_auth_enabled).toBe(false);
    const uuid = created.id.slice(5).replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
    await db().updateTable('users').set({ totp_enabled_at: new Date().toISOString() }).where('id', '=', uuid).execute();
    expect((await v2(h, 'GET', `/api/v2/users/${created.id}`)).json().data.two_factor_auth_enabled).toBe(true);
    expect((await v2(h, 'DELETE', `/api/v2/users/${created.id}`)).statusCode).toBe(204);
    const after = (await v2(h, 'GET', `/api/v2/users/${created.id}`)).json().data;
    expect(after).toMatchObject({ active: false, legacy_id: created.legacy_id, metadata: { team: 'ops', region: 'eu' } });
  });

  it('pages with limit and next_token through every member exactly once, and filters by email', async () => {
    for (let index = 0; index < 5; index += 1) {
      await v2(h, 'POST', '/api/v2/users', { body: { email: `page${index}@example.com`, first_name: 'Page', last_name: `N${index}` } });
    }
    const whole = (await v2(h, 'GET', '/api/v2/users')).json();
    const seen: string[] = [];
    let token: string | null = null;
    do {
      const page: { data: Array<{ id: string }>; next_token: string | null; has_more: boolean; total_count: number } = (await v2(h, 'GET',
        `/api/v2/users?limit=2${token ? `&next_token=${token}` : ''}`)).json();
      expect(page.data.length).toBeLessThanOrEqual(2);
      expect(page.total_count).toBe(whole.data.length);
      expect(page.has_more).toBe(page.next_token !== null);
      seen.push(...page.data.map((user) => user.id));
      token = page.next_token;
    } while (token);
    expect(seen).toEqual(whole.data.map((user: { id: string }) => user.id));
    const filtered = (await v2(h, 'GET', '/api/v2/users?email=PAGE3@example.com')).json();
    expect(filtered.data.map((user: { email: string }) => user.email)).toEqual(['page3@example.com']);
    expect((await v2(h, 'GET', '/api/v2/users?limit=2&next_token=garbage')).statusCode).toBe(400);
    const forged = Buffer.from(JSON.stringify({ j: 'not a time', u: 'x' })).toString('base64url');
    expect((await v2(h, 'GET', `/api/v2/users?limit=2&next_token=${forged}`)).statusCode).toBe(400);
    expect((await v2(h, 'GET', '/api/v2/groups/2147483648')).statusCode).toBe(404);
    expect((await v2(h, 'DELETE', '/api/v2/folders/app_99999999999')).statusCode).toBe(404);
    expect((await v2(h, 'GET', '/api/v2/users?next_token=abc')).statusCode).toBe(400);
    expect((await v2(h, 'GET', '/api/v2/users?limit=101')).statusCode).toBe(400);
  });
});

describe('writes', () => {
  it('answer an ETag on GET and refuse a stale If-Match with 412, changing nothing', async () => {
    const group = (await v2(h, 'POST', '/api/v2/groups', { body: { name: 'etag group' } })).json().data;
    const read = await v2(h, 'GET', `/api/v2/groups/${group.id}`);
    const etag = read.headers.etag as string;
    expect(etag).toMatch(/^"/);
    const renamed = await v2(h, 'PUT', `/api/v2/groups/${group.id}`, { body: { name: 'etag group 2' }, headers: { 'if-match': etag } });
    expect(renamed.statusCode).toBe(200);
    const stale = await v2(h, 'PUT', `/api/v2/groups/${group.id}`, { body: { name: 'etag group 3' }, headers: { 'if-match': etag } });
    expect(stale.statusCode).toBe(412);
    expect((await v2(h, 'GET', `/api/v2/groups/${group.id}`)).json().data.name).toBe('etag group 2');
  });

  it('run a POST once per Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'retool-v2-group-once' };
    const first = await v2(h, 'POST', '/api/v2/groups', { body: { name: 'once' }, headers });
    const again = await v2(h, 'POST', '/api/v2/groups', { body: { name: 'once' }, headers });
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replayed']).toBe('true');
    const groups = (await v2(h, 'GET', '/api/v2/groups')).json().data.filter((group: { name: string }) => group.name === 'once');
    expect(groups).toHaveLength(1);
  });

  it('leave nothing behind when a part of a create fails', async () => {
    const response = await v2(h, 'POST', '/api/v2/groups', {
      body: { name: 'half made', members: [{ id: 'user_0123456789abcdef0123456789abcdef', is_group_admin: false }] },
    });
    expect(response.statusCode).toBe(404);
    const groups = (await v2(h, 'GET', '/api/v2/groups')).json().data;
    expect(groups.map((group: { name: string }) => group.name)).not.toContain('half made');
  });

  it('are audited as this dialect\'s', async () => {
    const group = (await v2(h, 'POST', '/api/v2/groups', { body: { name: 'audited', audit_log_access: true } })).json().data;
    const events = await db().selectFrom('audit_events').select(['action', 'source']).where('target_id', '=', String(group.id)).execute();
    expect(events).toEqual(expect.arrayContaining([
      { action: 'group.created', source: 'retool-v2' }, { action: 'group.settings_updated', source: 'retool-v2' },
    ]));
  });
});

describe('secrets', () => {
  it('seals resource option secrets and secret configuration variables at rest, never answering them', async () => {
    const resource = (await v2(h, 'POST', '/api/v2/resources', {
      body: { display_name: 'Sealed API', type: 'restapi', options: { base_url: 'https://a.example.com' } },
    })).json().data;
    const environments = (await v2(h, 'GET', '/api/v2/environments')).json().data;
    const configuration = await v2(h, 'POST', '/api/v2/resource_configurations', {
      body: {
        resource_id: resource.id, environment_id: environments[0].id,
        options: { base_url: 'https://b.example.com', authentication_options: { authentication_type: 'bearer', bearer_token: 'tok-123456' } },
      },
    });
    expect(configuration.statusCode).toBe(200);
    expect(configuration.json().data.options.authentication_options).toEqual({ authentication_type: 'bearer', bearer_token: '---encrypted-on-server---' });
    const variable = await v2(h, 'POST', '/api/v2/configuration_variables', {
      body: { name: 'api_key', secret: true, values: [{ environment_id: environments[0].id, value: 'sv-7654321' }] },
    });
    expect(variable.json().data.values).toEqual([{ environment_id: environments[0].id, value: '---encrypted-on-server---' }]);
    const stored = JSON.stringify([
      await db().selectFrom('resource_configurations').selectAll().execute(),
      await db().selectFrom('configuration_variable_values').selectAll().execute(),
    ]);
    expect(stored).not.toContain('tok-123456');
    expect(stored).not.toContain('sv-7654321');
    // Sending the placeholder back keeps the sealed value.
    const kept = await v2(h, 'PUT', `/api/v2/configuration_variables/${variable.json().data.id}`, {
      body: { name: 'api_key', secret: true, values: [{ environment_id: environments[0].id, value: '---encrypted-on-server---' }] },
    });
    expect(kept.statusCode).toBe(200);
    const [row] = await db().selectFrom('configuration_variable_values').select('value').execute();
    expect(row!.value).not.toBe('---encrypted-on-server---');
  });
});

describe('workspaces', () => {
  it('keep each workspace\'s objects to itself', async () => {
    const otherId = await h.services.workspaces.create('Retool other');
    const other = await h.token(['*'], { workspaceId: otherId });
    const group = (await v2(h, 'POST', '/api/v2/groups', { body: { name: 'mine' } })).json().data;
    const folder = (await v2(h, 'POST', '/api/v2/folders', { body: { name: 'mine', folder_type: 'app' } })).json().data;
    expect((await v2(h, 'GET', `/api/v2/groups/${group.id}`, { token: other })).statusCode).toBe(404);
    expect((await v2(h, 'GET', `/api/v2/folders/${folder.id}`, { token: other })).statusCode).toBe(404);
    expect((await v2(h, 'DELETE', `/api/v2/groups/${group.id}`, { token: other })).statusCode).toBe(404);
    const theirFolders = (await v2(h, 'GET', '/api/v2/folders', { token: other })).json().data;
    expect(theirFolders.map((item: { id: string }) => item.id)).not.toContain(folder.id);
    const theirRoot = theirFolders.find((item: { folder_type: string }) => item.folder_type === 'app');
    const ourRoot = (await v2(h, 'GET', '/api/v2/folders')).json().data.find((item: { folder_type: string }) => item.folder_type === 'app');
    expect(theirRoot.id).not.toBe(ourRoot.id);
    expect((await v2(h, 'GET', `/api/v2/folders/${ourRoot.id}`, { token: other })).statusCode).toBe(404);
  });

  it('are Retool spaces, for an instance-wide token only', async () => {
    const bound = await h.token(['*'], { workspaceId: h.defaultWorkspaceId });
    expect((await v2(h, 'POST', '/api/v2/spaces', { body: { name: 'nope', domain: 'nope.example.com' }, token: bound })).statusCode).toBe(403);
    const space = (await v2(h, 'POST', '/api/v2/spaces', { body: { name: 'Space A', domain: 'a.example.com' } })).json().data;
    expect(space).toMatchObject({ id: expect.stringMatching(/^org_[0-9a-f]{32}$/), name: 'Space A', domain: 'a.example.com' });
    expect((await v2(h, 'DELETE', `/api/v2/spaces/${space.id}`)).statusCode).toBe(204);
    expect((await v2(h, 'GET', `/api/v2/spaces/${space.id}`)).statusCode).toBe(404);
  });
});
