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

function post(url: string, body: unknown, key: string, token?: string) {
  return h.request('POST', url, { body, headers: { 'idempotency-key': key }, token });
}

async function groupsNamed(name: string): Promise<number> {
  const response = await h.request('GET', '/api/v1/groups');
  return (response.json().data as Array<{ name: string }>).filter((group) => group.name === name).length;
}

describe('Idempotency-Key on native POSTs', () => {
  it('answers a retry with the first answer and changes nothing', async () => {
    const first = await post('/api/v1/groups', { name: 'retry-me' }, 'key-retry-1');
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();

    const retry = await post('/api/v1/groups', { name: 'retry-me' }, 'key-retry-1');
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    expect(await groupsNamed('retry-me')).toBe(1);
  });

  it('refuses the same key with a different body, path or workspace with 422 and changes nothing', async () => {
    await post('/api/v1/groups', { name: 'first-body' }, 'key-reuse');
    expectError(await post('/api/v1/groups', { name: 'second-body' }, 'key-reuse'), 422, 'idempotency_key_reused', 'Idempotency-Key');
    expectError(await post('/api/v1/folders', { name: 'first-body', folderType: 'app' }, 'key-reuse'), 422, 'idempotency_key_reused');
    expect(await groupsNamed('second-body')).toBe(0);
  });

  it('keeps each token’s keys apart', async () => {
    const other = await h.token(['groups:write']);
    const mine = await post('/api/v1/groups', { name: 'mine' }, 'shared-key');
    const theirs = await post('/api/v1/groups', { name: 'theirs' }, 'shared-key', other);
    expect(mine.statusCode).toBe(201);
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json().id).not.toBe(mine.json().id);
  });

  it('stores nothing for a refused request, so a corrected retry with the same key runs', async () => {
    const blocker = await h.request('POST', '/api/v1/groups', { body: { name: 'taken-later-freed' } });
    expectError(await post('/api/v1/groups', { name: 'taken-later-freed' }, 'key-after-409'), 409, 'group_name_taken');
    await h.request('DELETE', `/api/v1/groups/${blocker.json().id}`);
    const retry = await post('/api/v1/groups', { name: 'taken-later-freed' }, 'key-after-409');
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
  });

  it('runs concurrent requests with one key once, and gives every one the same answer', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, () => post('/api/v1/groups', { name: 'concurrent' }, 'key-concurrent')));
    expect(answers.map((answer) => answer.statusCode)).toEqual(answers.map(() => 201));
    expect(new Set(answers.map((answer) => answer.json().id)).size).toBe(1);
    expect(answers.filter((answer) => answer.headers['idempotent-replayed'] === 'true')).toHaveLength(11);
    expect(await groupsNamed('concurrent')).toBe(1);
  });

  it('replays a 207 bulk answer as it was', async () => {
    const body = [{ email: 'bulk-1@example.com' }, { email: 'not-an-email' }];
    const first = await post('/api/v1/users', body, 'key-bulk');
    expect(first.statusCode).toBe(207);
    const retry = await post('/api/v1/users', body, 'key-bulk');
    expect(retry.statusCode).toBe(207);
    expect(retry.json()).toEqual(first.json());
  });

  it('replays a token’s secret but stores it only encrypted', async () => {
    const body = { name: 'replayed token', scopes: ['users:read'] };
    const first = await post('/api/v1/tokens', body, 'key-token');
    const retry = await post('/api/v1/tokens', body, 'key-token');
    expect(first.json().secret).toMatch(/^tp_/);
    expect(retry.json().secret).toBe(first.json().secret);
    const rows = await h.runtime.database.db.selectFrom('idempotency_keys').select('response').where('key', '=', 'key-token').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.response).not.toContain(first.json().secret);
  });

  it('forgets a key after 24 hours', async () => {
    const first = await post('/api/v1/groups', { name: 'old-key-group' }, 'key-expiring');
    const dayAgo = new Date(Date.now() - 24 * 60 * 60 * 1000 - 1000).toISOString();
    await h.runtime.database.db.updateTable('idempotency_keys').set({ created_at: dayAgo }).where('key', '=', 'key-expiring').execute();
    await h.request('DELETE', `/api/v1/groups/${first.json().id}`);
    const again = await post('/api/v1/groups', { name: 'old-key-group' }, 'key-expiring');
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect(again.json().id).not.toBe(first.json().id);
  });

  it('refuses a malformed key naming the header', async () => {
    expectError(await post('/api/v1/groups', { name: 'bad-key' }, 'x'.repeat(256)), 400, 'invalid_input', 'Idempotency-Key');
    expectError(await post('/api/v1/groups', { name: 'bad-key' }, 'has space'), 400, 'invalid_input', 'Idempotency-Key');
    expect(await groupsNamed('bad-key')).toBe(0);
  });
});
