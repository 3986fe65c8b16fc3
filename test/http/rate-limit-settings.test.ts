import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMIT } from '../../src/config.ts';
import { buildApp } from '../../src/http/app.ts';
import { expectError } from '../helpers/expect-error.ts';
import { Harness } from '../helpers/harness.ts';
import { SMALL, send } from '../helpers/rate-limit.ts';

/** Rate limits switched off, counters that fail, and which client address a budget belongs to. */

describe('switching budgets off', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start({ rateLimit: { ...DEFAULT_RATE_LIMIT, perToken: 0, perAddress: 0 } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('does not count per token or per address when the budget is 0', async () => {
    const token = await h.token(['users:read']);
    for (let i = 0; i < 5; i += 1) {
      const response = await send(h.app, 'GET', '/api/v1/users', { bearer: token });
      expect(response.statusCode).toBe(200);
      expect(response.headers['ratelimit-limit']).toBeUndefined();
      expectError(await send(h.app, 'GET', '/api/v1/users', { bearer: 'tp_guess', address: '203.0.113.1' }), 401, 'invalid_token');
    }
    const rows = await h.runtime.database.db.selectFrom('rate_limits').select('key').execute();
    expect(rows).toEqual([]);
  });
});

describe('when the counters fail', () => {
  function capture() {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    return { lines, stream };
  }

  it('serves requests unlimited while Redis is unreachable, and warns once a minute', async () => {
    const h = await Harness.start({ redisUrl: 'redis://127.0.0.1:1', rateLimit: { ...DEFAULT_RATE_LIMIT, ...SMALL } });
    const { lines, stream } = capture();
    const app = await buildApp(h.runtime, { logger: { level: 'warn', stream } });
    try {
      const token = await h.token(['users:read']);
      for (let i = 0; i < 6; i += 1) {
        const response = await send(app, 'GET', '/api/v1/users', { bearer: token });
        expect(response.statusCode, response.body).toBe(200);
        expect(response.headers['ratelimit-limit']).toBeUndefined();
        expectError(await send(app, 'GET', '/api/v1/users', { bearer: 'tp_guess' }), 401, 'invalid_token');
      }
      const warnings = lines.filter((line) => line.includes('rate-limit counters are unavailable'));
      expect(warnings).toHaveLength(1);
    } finally {
      await app.close();
      await h.close();
    }
  });

  it('serves requests unlimited while the database counter fails', async () => {
    const h = await Harness.start({ rateLimit: { ...DEFAULT_RATE_LIMIT, ...SMALL } });
    const { lines, stream } = capture();
    const app = await buildApp(h.runtime, { logger: { level: 'warn', stream } });
    try {
      const token = await h.token(['users:read']);
      await h.runtime.database.db.schema.dropTable('rate_limits').execute();
      for (let i = 0; i < 5; i += 1) {
        const response = await send(app, 'GET', '/api/v1/users', { bearer: token });
        expect(response.statusCode, response.body).toBe(200);
      }
      expect(lines.filter((line) => line.includes('rate-limit counters are unavailable'))).toHaveLength(1);
    } finally {
      await app.close();
      await h.close();
    }
  });
});

describe('the client address', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start({ trustProxy: ['127.0.0.1'], rateLimit: { ...DEFAULT_RATE_LIMIT, ...SMALL } });
  });
  afterAll(async () => {
    await h?.close();
  });

  const guess = (headers: Record<string, string>, remoteAddress = '127.0.0.1') =>
    h.app.inject({ method: 'GET', url: '/api/v1/users', headers: { authorization: 'Bearer tp_guess', ...headers }, remoteAddress });

  it('is the one a trusted proxy forwards, so clients behind it have budgets of their own', async () => {
    for (let i = 0; i < 3; i += 1) expect((await guess({ 'x-forwarded-for': '203.0.113.5' })).statusCode).toBe(401);
    expect((await guess({ 'x-forwarded-for': '203.0.113.5' })).statusCode).toBe(429);
    expect((await guess({ 'x-forwarded-for': '203.0.113.6' })).statusCode).toBe(401);
  });

  it('is the socket\'s when the sender is not a trusted proxy', async () => {
    for (let i = 0; i < 3; i += 1) expect((await guess({ 'x-forwarded-for': `203.0.113.${10 + i}` }, '192.0.2.9')).statusCode).toBe(401);
    expect((await guess({ 'x-forwarded-for': '203.0.113.99' }, '192.0.2.9')).statusCode).toBe(429);
  });

  it('groups IPv6 clients by their /64 network', async () => {
    for (let i = 1; i <= 3; i += 1) expect((await guess({}, `2001:db8:1:2::${i}`)).statusCode).toBe(401);
    expect((await guess({}, '2001:db8:1:2:ffff::1')).statusCode).toBe(429);
    expect((await guess({}, '2001:db8:1:3::1')).statusCode).toBe(401);
  });
});
