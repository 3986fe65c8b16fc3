import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Config, DEFAULT_RATE_LIMIT, type RateLimitConfig } from '../../src/config.ts';
import { buildApp } from '../../src/http/app.ts';
import { type Runtime, openRuntime } from '../../src/runtime/runtime.ts';
import { expectError } from '../helpers/expect-error.ts';
import { EXTERNAL_TOKEN, Harness } from '../helpers/harness.ts';
import { SMALL, send } from '../helpers/rate-limit.ts';

/**
 * Request budgets on both counter stores: the database of the vitest project (SQLite or
 * PostgreSQL) and Redis. Redis tests run when Redis answers at TOOLPLANE_TEST_REDIS_URL
 * (default 127.0.0.1:6379); under CI they fail instead of skipping when it does not.
 */

const REDIS_URL = process.env.TOOLPLANE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const redisReachable = await probeRedis(REDIS_URL);

async function probeRedis(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: 1000, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

interface Backend {
  name: string;
  /** The config of one test app: these budgets, counted in this backend under a prefix of its own. */
  config(limits: Partial<RateLimitConfig>): Partial<Config>;
}

const BACKENDS: Backend[] = [
  { name: 'the database', config: (limits) => ({ rateLimit: { ...DEFAULT_RATE_LIMIT, ...limits } }) },
  {
    name: 'Redis',
    config: (limits) => ({
      redisUrl: REDIS_URL,
      rateLimit: { ...DEFAULT_RATE_LIMIT, redisKeyPrefix: `toolplane-test:${randomUUID()}:`, ...limits },
    }),
  },
];

function budgetHeaders(response: LightMyRequestResponse) {
  return {
    limit: response.headers['ratelimit-limit'],
    remaining: response.headers['ratelimit-remaining'],
    reset: response.headers['ratelimit-reset'],
  };
}

/** A 429 whose Retry-After and message name the same wait, within the window. */
function expectRetryAfter(response: LightMyRequestResponse, message: string, windowSeconds = 60): number {
  expect(response.statusCode, response.body).toBe(429);
  const seconds = Number(response.headers['retry-after']);
  expect(Number.isInteger(seconds)).toBe(true);
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(seconds).toBeLessThanOrEqual(windowSeconds);
  expect(message).toContain(`retry in ${seconds} s`);
  expect(response.headers['ratelimit-remaining']).toBe('0');
  expect(response.headers['ratelimit-reset']).toBe(String(seconds));
  return seconds;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

for (const backend of BACKENDS) {
  const isRedis = backend.name === 'Redis';

  describe.runIf(!isRedis || redisReachable || Boolean(process.env.CI))(`rate limits counted in ${backend.name}`, () => {
    let h: Harness;
    let second: { runtime: Runtime; app: FastifyInstance } | undefined;

    beforeAll(async () => {
      if (isRedis && !redisReachable) throw new Error(`CI is set but Redis does not answer at ${REDIS_URL}`);
      h = await Harness.start(backend.config(SMALL));
    });
    afterAll(async () => {
      await second?.app.close();
      await second?.runtime.close();
      await h?.close();
    });

    it('gives a token its budget, with RateLimit headers, then answers 429 with Retry-After', async () => {
      const token = await h.token(['users:read']);
      for (const remaining of ['2', '1', '0']) {
        const response = await send(h.app, 'GET', '/api/v1/users', { bearer: token });
        expect(response.statusCode, response.body).toBe(200);
        expect(budgetHeaders(response)).toMatchObject({ limit: '3', remaining });
        expect(Number(response.headers['ratelimit-reset'])).toBeGreaterThanOrEqual(1);
      }
      const limited = await send(h.app, 'GET', '/api/v1/users', { bearer: token });
      const error = expectError(limited, 429, 'rate_limited');
      expect(error.message).toMatch(/^Too many requests with this token; retry in \d+ s$/);
      expectRetryAfter(limited, error.message);
      // Every route of the token shares the budget, whatever its scope or method.
      expectError(await send(h.app, 'GET', '/api/v1/groups', { bearer: token }), 429, 'rate_limited');
    });

    it('keeps the budgets of two tokens apart, even from one address', async () => {
      const first = await h.token(['users:read']);
      const other = await h.token(['users:read']);
      for (let i = 0; i < 4; i += 1) await send(h.app, 'GET', '/api/v1/users', { bearer: first });
      expect((await send(h.app, 'GET', '/api/v1/users', { bearer: first })).statusCode).toBe(429);
      const response = await send(h.app, 'GET', '/api/v1/users', { bearer: other });
      expect(response.statusCode, response.body).toBe(200);
      expect(budgetHeaders(response)).toMatchObject({ limit: '3', remaining: '2' });
    });

    it('counts failed authentications per address, then refuses even a valid token from it', async () => {
      const address = '198.51.100.7';
      const valid = await h.token(['users:read']);
      expectError(await send(h.app, 'GET', '/api/v1/users', { address }), 401, 'unauthorized');
      expectError(await send(h.app, 'GET', '/api/v1/users', { bearer: 'tp_guess-1', address }), 401, 'invalid_token');
      const third = await send(h.app, 'GET', '/api/v1/users', { bearer: 'tp_guess-2', address });
      expectError(third, 401, 'invalid_token');
      expect(budgetHeaders(third)).toMatchObject({ limit: '3', remaining: '0' });

      const guessing = await send(h.app, 'GET', '/api/v1/users', { bearer: 'tp_guess-3', address });
      const error = expectError(guessing, 429, 'rate_limited');
      expect(error.message).toMatch(/without valid credentials from this address/);
      expectRetryAfter(guessing, error.message);
      expectError(await send(h.app, 'GET', '/api/v1/users', { bearer: valid, address }), 429, 'rate_limited');

      // Another address, and the valid token from it, are not affected; the token was not charged.
      expectError(await send(h.app, 'GET', '/api/v1/users', { bearer: 'tp_guess-4', address: '198.51.100.8' }), 401, 'invalid_token');
      const fine = await send(h.app, 'GET', '/api/v1/users', { bearer: valid, address: '198.51.100.8' });
      expect(fine.statusCode).toBe(200);
      expect(fine.headers['ratelimit-remaining']).toBe('2');
    });

    it('counts public routes, unknown paths and the invite page per address, in their own dialect', async () => {
      const address = '198.51.100.20';
      expect((await send(h.app, 'GET', '/api/v1/openapi.json', { address })).statusCode).toBe(200);
      expect((await send(h.app, 'GET', '/api/v1/no-such-route', { address })).statusCode).toBe(404);
      const page = await send(h.app, 'GET', '/invite/tpi_nothing', { address });
      expect(page.statusCode).toBe(404);
      expect(page.headers['ratelimit-remaining']).toBe('0');

      const limitedPage = await send(h.app, 'GET', '/invite/tpi_nothing', { address });
      expect(limitedPage.statusCode).toBe(429);
      expect(limitedPage.headers['content-type']).toMatch(/^text\/html/);
      expect(limitedPage.body).toContain('Too many attempts');
      expect(Number(limitedPage.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expectError(await send(h.app, 'GET', '/api/v1/openapi.json', { address }), 429, 'rate_limited');
      const accept = await h.app.inject({
        method: 'POST', url: '/api/v1/invites/accept', remoteAddress: address,
        payload: { token: 'tpi_nothing', firstName: 'A', lastName: 'B', password: 'long enough' },
      });
      expectError(accept, 429, 'rate_limited');
    });

    it('never limits the health endpoints', async () => {
      for (let i = 0; i < 6; i += 1) {
        for (const url of ['/healthz', '/readyz']) {
          const response = await send(h.app, 'GET', url, { address: '198.51.100.30' });
          expect(response.statusCode).toBe(200);
          expect(response.headers['ratelimit-limit']).toBeUndefined();
        }
      }
    });

    it('answers 429 in ToolJet\'s shape: the access token\'s budget, and failed attempts per address', async () => {
      for (let i = 0; i < 3; i += 1) expect((await send(h.app, 'GET', '/api/ext/users', { basic: EXTERNAL_TOKEN })).statusCode).toBe(200);
      const limited = await send(h.app, 'GET', '/api/ext/users', { basic: EXTERNAL_TOKEN });
      expect(limited.statusCode).toBe(429);
      const body = limited.json();
      expect(body).toEqual({ statusCode: 429, timestamp: expect.any(String), path: '/api/ext/users', message: expect.any(String), code: 'rate_limited' });
      expect(Number.isNaN(Date.parse(body.timestamp))).toBe(false);
      expectRetryAfter(limited, body.message);

      const address = '198.51.100.40';
      for (let i = 0; i < 3; i += 1) {
        const refused = await send(h.app, 'GET', '/api/ext/users', { basic: `wrong-${i}`, address });
        expect(refused.statusCode).toBe(403);
        expect(refused.json().code).toBe('unauthorized');
      }
      const guessing = await send(h.app, 'GET', '/api/ext/users', { basic: 'wrong-again', address });
      expect(guessing.statusCode).toBe(429);
      expect(guessing.json()).toMatchObject({ statusCode: 429, code: 'rate_limited', path: '/api/ext/users' });
      // The native API's failed attempts and ToolJet's share the address's budget.
      expectError(await send(h.app, 'GET', '/api/v1/users', { bearer: 'tp_guess', address }), 429, 'rate_limited');
    });

    it('shares one budget between two server processes over the same store', async () => {
      const runtime = await openRuntime(h.runtime.config);
      second = { runtime, app: await buildApp(runtime) };
      const token = await h.token(['users:read']);
      expect((await send(h.app, 'GET', '/api/v1/users', { bearer: token })).headers['ratelimit-remaining']).toBe('2');
      expect((await send(second.app, 'GET', '/api/v1/users', { bearer: token })).headers['ratelimit-remaining']).toBe('1');
      expect((await send(h.app, 'GET', '/api/v1/users', { bearer: token })).headers['ratelimit-remaining']).toBe('0');
      expectError(await send(second.app, 'GET', '/api/v1/users', { bearer: token }), 429, 'rate_limited');
      expectError(await send(h.app, 'GET', '/api/v1/users', { bearer: token }), 429, 'rate_limited');

      const address = '198.51.100.50';
      await send(h.app, 'GET', '/api/v1/users', { bearer: 'tp_guess-a', address });
      await send(second.app, 'GET', '/api/v1/users', { bearer: 'tp_guess-b', address });
      await send(h.app, 'GET', '/api/v1/users', { bearer: 'tp_guess-c', address });
      expectError(await send(second.app, 'GET', '/api/v1/users', { bearer: 'tp_guess-d', address }), 429, 'rate_limited');
    });

    it('counts concurrent requests exactly: a burst gets its budget and no more', async () => {
      const token = await h.token(['users:read']);
      const answers = await Promise.all(Array.from({ length: 12 }, () => send(h.app, 'GET', '/api/v1/users', { bearer: token })));
      const statuses = answers.map((response) => response.statusCode);
      expect(statuses.filter((status) => status === 200)).toHaveLength(3);
      expect(statuses.filter((status) => status === 429)).toHaveLength(9);
    });

    describe('with a one-second window', () => {
      let short: Harness;
      beforeAll(async () => {
        short = await Harness.start(backend.config({ ...SMALL, windowMs: 1000 }));
      });
      afterAll(async () => {
        await short?.close();
      });

      it('gives the budget back when the window ends', async () => {
        const token = await short.token(['users:read']);
        for (let i = 0; i < 3; i += 1) expect((await send(short.app, 'GET', '/api/v1/users', { bearer: token })).statusCode).toBe(200);
        const limited = await send(short.app, 'GET', '/api/v1/users', { bearer: token });
        expectRetryAfter(limited, limited.json().message, 1);
        await sleep(1100);
        const again = await send(short.app, 'GET', '/api/v1/users', { bearer: token });
        expect(again.statusCode, again.body).toBe(200);
        expect(again.headers['ratelimit-remaining']).toBe('2');
      });
    });
  });
}
