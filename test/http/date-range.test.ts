import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../helpers/expect-error.ts';
import { Harness } from '../helpers/harness.ts';

/**
 * Date-times a client sends are kept to years 0001–9999 in UTC: beyond them JavaScript
 * writes `+010000-…` or `0000-…`, which PostgreSQL refuses (a 500 before this check) and
 * SQLite compares as text out of order.
 */
let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(async () => {
  await h.close();
});

const OUT_OF_RANGE = [
  ['the last second of 9999 west of UTC (year 10000 in UTC)', '9999-12-31T23:59:59-23:59'],
  ['year 0000', '0000-01-01T00:00:00Z'],
  ['the first minute of 0001 east of UTC (year 0 in UTC)', '0001-01-01T00:00:00+01:00'],
];

describe('token expiry', () => {
  it.each(OUT_OF_RANGE)('refuses %s with 400 naming expiresAt, creating nothing', async (_label, expiresAt) => {
    const before = (await h.request('GET', '/api/v1/tokens')).json().total;
    const response = await h.request('POST', '/api/v1/tokens', { body: { name: 'far future', scopes: ['users:read'], expiresAt } });
    expectError(response, 400, 'invalid_input', 'expiresAt');
    expect((await h.request('GET', '/api/v1/tokens')).json().total).toBe(before);
  });

  it('still takes the last second of 9999 in UTC', async () => {
    const response = await h.request('POST', '/api/v1/tokens', { body: { name: 'last second', scopes: ['users:read'], expiresAt: '9999-12-31T23:59:59Z' } });
    expect(response.statusCode, response.body).toBe(201);
  });
});

describe('audit event filters', () => {
  it.each(OUT_OF_RANGE)('refuses since and until at %s with 400 naming the field', async (_label, at) => {
    for (const field of ['since', 'until']) {
      expectError(await h.request('GET', `/api/v1/auditEvents?${field}=${encodeURIComponent(at)}`), 400, 'invalid_input', field);
    }
  });

  it('takes the first and last seconds of the range', async () => {
    const response = await h.request('GET', '/api/v1/auditEvents?since=0001-01-01T00:00:00Z&until=9999-12-31T23:59:59Z');
    expect(response.statusCode, response.body).toBe(200);
  });
});
