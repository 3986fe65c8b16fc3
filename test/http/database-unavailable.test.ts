import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Harness } from '../helpers/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterEach(() => {
  vi.restoreAllMocks();
});
afterAll(async () => {
  await h.close();
});

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
const terminated = () => new Error('Connection terminated unexpectedly');
const shuttingDown = () => Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });

describe('a lost database connection', () => {
  it.each([['refused', refused], ['terminated', terminated], ['shut down', shuttingDown]])(
    'answers a native request with 503 database_unavailable and Retry-After (%s)',
    async (_label, failure) => {
      vi.spyOn(h.services.groups, 'list').mockRejectedValue(failure());
      const response = await h.request('GET', '/api/v1/groups');
      expect(response.statusCode).toBe(503);
      expect(response.headers['retry-after']).toBe('5');
      expect(response.json()).toEqual({ message: expect.stringContaining('database'), code: 'database_unavailable' });
    },
  );

  it('answers a ToolJet request with 503 in the ToolJet error shape and Retry-After', async () => {
    vi.spyOn(h.services.accounts, 'get').mockRejectedValue(refused());
    const path = '/api/ext/user/00000000-0000-4000-8000-000000000001';
    const response = await h.ext('GET', path);
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.json()).toMatchObject({ statusCode: 503, path, code: 'database_unavailable', message: expect.any(String) });
  });

  it('leaves other failures a 500 that names no cause', async () => {
    vi.spyOn(h.services.groups, 'list').mockRejectedValue(new Error('boom'));
    const response = await h.request('GET', '/api/v1/groups');
    expect(response.statusCode).toBe(500);
    expect(response.headers['retry-after']).toBeUndefined();
    expect(response.json()).toEqual({ message: 'Internal server error', code: 'internal_error' });
  });

  it('makes /readyz answer 503 with Retry-After while the database does not answer', async () => {
    vi.spyOn(h.runtime.database, 'ping').mockRejectedValue(refused());
    const response = await h.app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.json()).toEqual({ status: 'unavailable', database: 'unreachable' });
  });
});
