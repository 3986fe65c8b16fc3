import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromJson } from '../../../src/db/rows.ts';
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

describe('/user_attributes', () => {
  it('creates, lists, patches and deletes definitions, answering defaults as text', async () => {
    const created = await v2(h, 'POST', '/api/v2/user_attributes', { body: { name: 'region', label: 'Region', dataType: 'string', defaultValue: 'emea' } });
    expect(created.statusCode).toBe(200);
    const region = created.json().data;
    expect(region).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/), name: 'region', label: 'Region', data_type: 'string', default_value: 'emea', intercom_attribute_name: null,
    });
    const level = (await v2(h, 'POST', '/api/v2/user_attributes', { body: { name: 'level', label: 'Level', dataType: 'number', defaultValue: '2' } })).json().data;
    expect(level.default_value).toBe('2');
    expect((await h.request('GET', `/api/v1/userAttributes/${level.id}`)).json().defaultValue).toBe(2);
    const json = (await v2(h, 'POST', '/api/v2/user_attributes', { body: { name: 'prefs', label: 'Prefs', dataType: 'json', defaultValue: '{"dark":true}' } })).json().data;
    expect(json.default_value).toBe('{"dark":true}');
    expect((await v2(h, 'GET', '/api/v2/user_attributes')).json().data.map((item: { name: string }) => item.name)).toEqual(
      expect.arrayContaining(['region', 'level', 'prefs']));

    const patched = await v2(h, 'PATCH', `/api/v2/user_attributes/${level.id}`, {
      body: { operations: [{ op: 'replace', path: '/label', value: 'Seniority' }, { op: 'replace', path: '/default_value', value: '5' }], update_existing: true },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().data).toMatchObject({ label: 'Seniority', default_value: '5', data_type: 'number' });
    const cleared = await v2(h, 'PATCH', `/api/v2/user_attributes/${level.id}`, { body: { operations: [{ op: 'replace', path: '/default_value', value: null }] } });
    expect(cleared.json().data.default_value).toBeNull();
    const events = await db().selectFrom('audit_events').select(['action', 'source']).where('target_id', '=', level.id).execute();
    expect(events).toEqual(expect.arrayContaining([{ action: 'user_attribute.created', source: 'retool-v2' }, { action: 'user_attribute.updated', source: 'retool-v2' }]));

    expect((await v2(h, 'DELETE', `/api/v2/user_attributes/${level.id}`)).statusCode).toBe(204);
    expect((await v2(h, 'DELETE', `/api/v2/user_attributes/${level.id}`)).statusCode).toBe(404);
    expect((await v2(h, 'PATCH', `/api/v2/user_attributes/${level.id}`, { body: { operations: [] } })).statusCode).toBe(404);
  });

  it('keeps members\' values on delete unless update_existing_users=true', async () => {
    const user = (await h.request('POST', '/api/v1/users', { body: { email: 'valued@example.com', firstName: 'V', lastName: 'U' } })).json();
    const kept = (await v2(h, 'POST', '/api/v2/user_attributes', { body: { name: 'kept', label: 'Kept', dataType: 'string' } })).json().data;
    const gone = (await v2(h, 'POST', '/api/v2/user_attributes', { body: { name: 'gone', label: 'Gone', dataType: 'string' } })).json().data;
    await h.request('PUT', `/api/v1/users/${user.id}/attributes/kept`, { body: { value: 'a' } });
    await h.request('PUT', `/api/v1/users/${user.id}/attributes/gone`, { body: { value: 'b' } });
    await v2(h, 'DELETE', `/api/v2/user_attributes/${kept.id}`);
    await v2(h, 'DELETE', `/api/v2/user_attributes/${gone.id}?update_existing_users=true`);
    const row = await db().selectFrom('memberships').select('attributes').where('user_id', '=', user.id).executeTakeFirstOrThrow();
    expect(fromJson(row.attributes)).toEqual({ kept: 'a' });
  });

  it('refuses bad input with a 400 naming the field, and a taken name with a 409', async () => {
    const cases: Array<[object, string]> = [
      [{ label: 'No name', dataType: 'string' }, 'name'],
      [{ name: 'Has Spaces', label: 'Bad', dataType: 'string' }, 'name'],
      [{ name: 'short_label', label: 'x', dataType: 'string' }, 'label'],
      [{ name: 'bool', label: 'Boolean', dataType: 'boolean' }, 'dataType'],
      [{ name: 'num', label: 'Number', dataType: 'number', defaultValue: 'many' }, 'defaultValue'],
      [{ name: 'obj', label: 'Object', dataType: 'json', defaultValue: '{not json' }, 'defaultValue'],
    ];
    for (const [body, field] of cases) {
      const response = await v2(h, 'POST', '/api/v2/user_attributes', { body });
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().message).toContain(field);
    }
    await v2(h, 'POST', '/api/v2/user_attributes', { body: { name: 'team', label: 'Team', dataType: 'string' } });
    expect((await v2(h, 'POST', '/api/v2/user_attributes', { body: { name: 'team', label: 'Team again', dataType: 'string' } })).statusCode).toBe(409);

    const team = (await v2(h, 'GET', '/api/v2/user_attributes')).json().data.find((item: { name: string }) => item.name === 'team');
    const patches: Array<[object, string]> = [
      [{ op: 'replace', path: '/name', value: 'renamed' }, 'name'],
      [{ op: 'replace', path: '/data_type', value: 'number' }, 'data_type'],
      [{ op: 'replace', path: '/intercom_attribute_name', value: 'team' }, 'intercom_attribute_name'],
      [{ op: 'replace', path: '/id', value: 'x' }, 'operations.0.path'],
      [{ op: 'add', path: '/label', value: 'Added' }, 'operations.0.op'],
    ];
    for (const [operation, field] of patches) {
      const response = await v2(h, 'PATCH', `/api/v2/user_attributes/${team.id}`, { body: { operations: [operation] } });
      expect(response.statusCode, JSON.stringify(operation)).toBe(400);
      expect(response.json().message).toContain(field);
    }
    expect((await v2(h, 'GET', '/api/v2/user_attributes')).json().data).toContainEqual(team);
    expect((await v2(h, 'PATCH', '/api/v2/user_attributes/not-a-uuid', { body: { operations: [] } })).statusCode).toBe(400);
    expect((await v2(h, 'DELETE', `/api/v2/user_attributes/${team.id}?update_existing_users=maybe`)).statusCode).toBe(400);
  });

  it('needs users scopes, and keeps each workspace\'s definitions to itself', async () => {
    const mine = (await v2(h, 'POST', '/api/v2/user_attributes', { body: { name: 'mine_only', label: 'Mine', dataType: 'string' } })).json().data;
    const reader = await h.token(['users:read']);
    expect((await v2(h, 'GET', '/api/v2/user_attributes', { token: reader })).statusCode).toBe(200);
    expect((await v2(h, 'POST', '/api/v2/user_attributes', { body: { name: 'nope', label: 'Nope', dataType: 'string' }, token: reader })).statusCode).toBe(403);
    expect((await v2(h, 'DELETE', `/api/v2/user_attributes/${mine.id}`, { token: reader })).statusCode).toBe(403);
    expect((await v2(h, 'GET', '/api/v2/user_attributes', { token: await h.token(['groups:read']) })).statusCode).toBe(403);

    const other = await h.token(['*'], { workspaceId: await h.services.workspaces.create('Attributes other') });
    expect((await v2(h, 'GET', '/api/v2/user_attributes', { token: other })).json().data).toEqual([]);
    expect((await v2(h, 'PATCH', `/api/v2/user_attributes/${mine.id}`, { body: { operations: [] }, token: other })).statusCode).toBe(404);
    expect((await v2(h, 'DELETE', `/api/v2/user_attributes/${mine.id}`, { token: other })).statusCode).toBe(404);
    expect((await v2(h, 'POST', '/api/v2/user_attributes', { body: { name: 'mine_only', label: 'Theirs', dataType: 'string' }, token: other })).statusCode).toBe(200);
  });
});
