import { afterAll, beforeAll, expect, it } from 'vitest';
import { Harness } from '../../helpers/harness.ts';
import { countQueries } from '../../helpers/query-counter.ts';
import { v2 } from './client.ts';

/** What a page of GET /api/v2/users costs the database: the statements, not only the answer. */
let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
  for (let n = 1; n <= 4; n += 1) {
    const body = { email: `pager${n}@example.com`, first_name: `Pager${n}`, last_name: 'Test', ...(n === 2 ? { metadata: { team: 'ops' } } : {}) };
    expect((await v2(h, 'POST', '/api/v2/users', { body })).statusCode).toBe(200);
  }
});
afterAll(async () => {
  await h.close();
});

it('reads a page\'s user integers, metadata and two-factor flags in one statement, and writes its size into the page statement', async () => {
  const first = (await v2(h, 'GET', '/api/v2/users?limit=3')).json();
  const counter = countQueries(h.runtime.database.db);
  try {
    const again = (await v2(h, 'GET', '/api/v2/users?limit=3')).json();
    expect(again.data).toEqual(first.data);
    expect(again.data.find((user: { email: string }) => user.email === 'pager2@example.com').metadata).toEqual({ team: 'ops' });
    const statements = counter.takeStatements();
    expect(statements.filter((text) => /retool_legacy_ids|retool_user_metadata|totp_enabled_at/.test(text))).toHaveLength(1);
    // One more than the page's size tells whether another page follows.
    expect(statements.filter((text) => /\blimit 4\b/i.test(text))).toHaveLength(1);
    expect(statements.some((text) => /\blimit (\$\d+|\?)/i.test(text))).toBe(false);
  } finally {
    counter.restore();
  }
});

it('gives user integers to the members of a page read for the first time, and keeps them', async () => {
  const page = (await v2(h, 'GET', '/api/v2/users?limit=100')).json();
  const integers = page.data.map((user: { legacy_id: number }) => user.legacy_id);
  expect(integers.every((id: unknown) => Number.isInteger(id))).toBe(true);
  expect(new Set(integers).size).toBe(integers.length);
  expect((await v2(h, 'GET', '/api/v2/users?limit=100')).json().data.map((user: { legacy_id: number }) => user.legacy_id)).toEqual(integers);
});
