import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonDepth } from '../../src/http/json-body.ts';
import { findNulCharacter } from '../../src/http/validation.ts';
import { Harness } from '../helpers/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(async () => {
  await h.close();
});

const json = { 'content-type': 'application/json' };

describe('input the databases cannot take is a 400, not a 500', () => {
  it('refuses JSON nested deeper than 64 levels, arrays or objects', async () => {
    const arrays = await h.request('POST', '/api/v1/groups', { body: '['.repeat(200_000) + ']'.repeat(200_000), headers: json });
    expect(arrays.statusCode).toBe(400);
    expect(arrays.json().code).toBe('invalid_json');
    const nested = `{"name":"deep","type":"restapi","options":${'{"a":'.repeat(70)}1${'}'.repeat(70)}}`;
    const objects = await h.request('POST', '/api/v1/resources', { body: nested, headers: json });
    expect(objects.statusCode).toBe(400);
    expect((await h.request('GET', '/api/v1/resources')).json().data).toEqual([]);
  });

  it('accepts reasonable nesting in resource options', async () => {
    const options = { a: { b: { c: [1, { d: 'x' }] } } };
    const response = await h.request('POST', '/api/v1/resources', { body: { name: 'nested', type: 'restapi', options } });
    expect(response.statusCode).toBe(201);
    expect(response.json().options).toEqual(options);
  });

  it('refuses NUL characters in strings and keys, naming the field', async () => {
    const inName = await h.request('POST', '/api/v1/groups', { body: { name: 'a\u0000b' } });
    expect(inName.statusCode).toBe(400);
    expect(inName.json()).toMatchObject({ code: 'invalid_input', field: 'name' });
    const inKey = await h.request('POST', '/api/v1/resources', { body: { name: 'r', type: 't', options: { 'k\u0000': 1 } } });
    expect(inKey.statusCode).toBe(400);
    expect(inKey.json().field).toBe('options.k\u0000');
    expect((await h.request('GET', '/api/v1/groups')).json().data).toEqual([]);
  });

  it('refuses NUL characters in the bodies of PUT, PATCH and DELETE, changing nothing', async () => {
    const user = (await h.request('POST', '/api/v1/users', { body: { email: 'nul-check@example.com', firstName: 'Ada' } })).json();
    const put = await h.request('PUT', `/api/v1/users/${user.id}`, { body: { firstName: 'A\u0000da' } });
    expect(put.statusCode).toBe(400);
    expect(put.json()).toMatchObject({ code: 'invalid_input', field: 'firstName' });
    const attribute = (await h.request('POST', '/api/v1/userAttributes', { body: { name: 'desk', label: 'Desk', dataType: 'string' } })).json();
    const patch = await h.request('PATCH', `/api/v1/userAttributes/${attribute.id}`, { body: { label: 'D\u0000esk' } });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().field).toBe('label');
    const remove = await h.request('DELETE', `/api/v1/users/${user.id}`, { body: { note: '\u0000' } });
    expect(remove.statusCode).toBe(400);
    expect(remove.json().field).toBe('note');
    expect((await h.request('GET', `/api/v1/users/${user.id}`)).json().firstName).toBe('Ada');
    expect((await h.request('GET', `/api/v1/userAttributes/${attribute.id}`)).json().label).toBe('Desk');
  });

  it('refuses numbers beyond what an id or a page can be', async () => {
    const group = await h.request('GET', '/api/v1/groups/99999999999');
    expect(group.statusCode).toBe(400);
    expect(group.json().field).toBe('groupId');
    const page = await h.request('GET', '/api/v1/users?page=1e300');
    expect(page.statusCode).toBe(400);
    expect(page.json().field).toBe('page');
  });

  it('drops prototype-poisoning keys from bodies', async () => {
    const response = await h.request('POST', '/api/v1/resources', {
      body: '{"name":"proto","type":"restapi","options":{"__proto__":{"polluted":true},"ok":1}}',
      headers: json,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().options).toEqual({ ok: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('jsonDepth', () => {
  it('counts nesting outside strings only', () => {
    expect(jsonDepth('1')).toBe(0);
    expect(jsonDepth('{"a":[1,{"b":2}]}')).toBe(3);
    expect(jsonDepth('{"a":"[[[{{{"}')).toBe(1);
    expect(jsonDepth('{"a":"\\"[[["}')).toBe(1);
  });
});

describe('findNulCharacter', () => {
  it('finds the path of the first NUL in a value or key', () => {
    expect(findNulCharacter({ a: ['x', 'y\u0000'] })).toBe('a.1');
    expect(findNulCharacter({ ok: 'fine', n: 1, b: true, z: null })).toBeNull();
  });
});
