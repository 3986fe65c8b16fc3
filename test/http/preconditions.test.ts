import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../helpers/expect-error.ts';
import { Harness } from '../helpers/harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await Harness.start();
});

afterAll(async () => {
  await h.close();
});

/** One object kind: how to make one, and a change to send with PUT/PATCH. */
interface Kind {
  name: string;
  create(): Promise<string>;
  method: 'PUT' | 'PATCH';
  change(n: number): unknown;
}

let counter = 0;
async function created(url: string, body: unknown): Promise<string> {
  const response = await h.request('POST', url, { body });
  expect(response.statusCode, response.body).toBe(201);
  return `${url}/${response.json().id}`;
}

const KINDS: Kind[] = [
  { name: 'group', method: 'PUT', create: () => created('/api/v1/groups', { name: `g${++counter}` }), change: (n) => ({ name: `renamed-${n}-${counter}` }) },
  { name: 'folder', method: 'PUT', create: () => created('/api/v1/folders', { name: `f${++counter}`, folderType: 'app' }), change: (n) => ({ name: `moved-${n}-${counter}` }) },
  { name: 'app', method: 'PUT', create: () => created('/api/v1/apps', { name: `a${++counter}` }), change: (n) => ({ name: `app-${n}-${counter}` }) },
  { name: 'resource', method: 'PUT', create: () => created('/api/v1/resources', { name: `r${++counter}`, type: 'postgresql' }), change: (n) => ({ name: `res-${n}-${counter}` }) },
  { name: 'user', method: 'PUT', create: () => created('/api/v1/users', { email: `u${++counter}@example.com` }), change: (n) => ({ firstName: `First${n}` }) },
  {
    name: 'user attribute', method: 'PATCH',
    create: () => created('/api/v1/userAttributes', { name: `attr_${++counter}`, label: 'Attr', dataType: 'string' }),
    change: (n) => ({ label: `Label ${n}` }),
  },
];

async function etag(url: string): Promise<string> {
  const response = await h.request('GET', url);
  expect(response.statusCode, response.body).toBe(200);
  const tag = response.headers.etag;
  expect(tag).toMatch(/^"[^"]+"$/);
  return tag as string;
}

describe.each(KINDS)('ETag and If-Match on a $name', (kind) => {
  it('tags a GET, answers 304 to If-None-Match, and changes the tag with the object', async () => {
    const url = await kind.create();
    const tag = await etag(url);
    expect(await etag(url)).toBe(tag);
    const notModified = await h.request('GET', url, { headers: { 'if-none-match': tag } });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.body).toBe('');
    const changed = await h.request(kind.method, url, { body: kind.change(1) });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(await etag(url)).not.toBe(tag);
  });

  it('tags exactly the JSON body it sends', async () => {
    const url = await kind.create();
    const response = await h.request('GET', url);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(() => JSON.parse(response.body)).not.toThrow();
    const digest = createHash('sha256').update(response.body).digest('base64url').slice(0, 32);
    expect(response.headers.etag).toBe(`"${digest}"`);
  });

  it('refuses a write on a stale version with 412 and changes nothing', async () => {
    const url = await kind.create();
    const stale = await etag(url);
    const first = await h.request(kind.method, url, { body: kind.change(1), headers: { 'if-match': stale } });
    expect(first.statusCode, first.body).toBe(200);
    const current = await h.request('GET', url);

    expectError(await h.request(kind.method, url, { body: kind.change(2), headers: { 'if-match': stale } }), 412, 'precondition_failed', 'If-Match');
    expectError(await h.request('DELETE', url, { headers: { 'if-match': stale } }), 412, 'precondition_failed', 'If-Match');
    const after = await h.request('GET', url);
    expect(after.statusCode).toBe(200);
    expect(after.json()).toEqual(current.json());

    const deleted = await h.request('DELETE', url, { headers: { 'if-match': current.headers.etag as string } });
    expect(deleted.statusCode, deleted.body).toBe(204);
  });

  it('lets exactly one of two concurrent writers with the same version through', async () => {
    const url = await kind.create();
    const tag = await etag(url);
    const answers = await Promise.all([1, 2].map((n) => h.request(kind.method, url, { body: kind.change(n + 10), headers: { 'if-match': tag } })));
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 412]);
  });
});

describe('If-Match forms', () => {
  it('matches * only when the object exists, and never a weak tag', async () => {
    const url = await created('/api/v1/groups', { name: 'star-match' });
    const tag = await etag(url);
    expectError(await h.request('PUT', url, { body: { name: 'weak' }, headers: { 'if-match': `W/${tag}` } }), 412, 'precondition_failed');
    expect((await h.request('PUT', url, { body: { name: 'listed' }, headers: { 'if-match': `"other", ${tag}` } })).statusCode).toBe(200);
    expect((await h.request('PUT', url, { body: { name: 'starred' }, headers: { 'if-match': '*' } })).statusCode).toBe(200);
    expect((await h.request('DELETE', url)).statusCode).toBe(204);
    expectError(await h.request('PUT', url, { body: { name: 'gone' }, headers: { 'if-match': '*' } }), 412, 'precondition_failed');
    expectError(await h.request('DELETE', url), 404, 'group_not_found');
  });

  it('fails If-Match on a path that has no representation of its own', async () => {
    const group = await h.request('POST', '/api/v1/groups', { body: { name: 'members-only' } });
    const user = await h.request('POST', '/api/v1/users', { body: { email: 'member-only@example.com' } });
    await h.request('POST', `/api/v1/groups/${group.json().id}/members`, { body: { userId: user.json().id } });
    const url = `/api/v1/groups/${group.json().id}/members/${user.json().id}`;
    expectError(await h.request('DELETE', url, { headers: { 'if-match': '*' } }), 412, 'precondition_failed');
    expect((await h.request('DELETE', url)).statusCode).toBe(204);
  });

  it('applies If-None-Match only to its own tag', async () => {
    const url = await created('/api/v1/groups', { name: 'none-match' });
    const other = await h.request('GET', url, { headers: { 'if-none-match': '"something-else"' } });
    expect(other.statusCode).toBe(200);
    expect(other.json().name).toBe('none-match');
  });
});
