import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialect } from '../helpers/test-database.ts';
import { Cluster, call, sleep, statusCounts, type Reply } from './support/cluster.ts';
import { startPostgres, stopPostgres } from './support/postgres-server.ts';

/**
 * A server under steady load while PostgreSQL stops for 10 s and comes back. During the
 * outage every request must get a prompt 503 `database_unavailable` (never a 500, a hang or
 * a dropped connection) and /readyz 503; afterwards the same process must serve again.
 * This stops the machine's PostgreSQL server: run this file alone.
 */
const OUTAGE_MS = 10_000;
const MAX_ANSWER_MS = 6_000;
const CLIENTS = 4;

interface Sample extends Reply {
  kind: 'get' | 'post' | 'readyz';
  startedAt: number;
}

describe.skipIf(testDialect() !== 'postgres')('a PostgreSQL outage under load (PostgreSQL only: SQLite is a file inside the process, with no server to lose)', () => {
  let cluster: Cluster;

  beforeAll(async () => {
    await startPostgres();
    cluster = await Cluster.create();
  });

  afterAll(async () => {
    // Whatever happened, leave PostgreSQL running for everything after this file.
    await startPostgres();
    await cluster?.close();
  });

  it('answers 503 database_unavailable promptly while PostgreSQL is down, and recovers by itself', async () => {
    const server = await cluster.start();
    const samples: Sample[] = [];
    let stopLoad = false;
    let counter = 0;
    const sample = async (kind: Sample['kind']) => {
      const startedAt = Date.now();
      const reply = kind === 'readyz'
        ? await call(server.baseUrl, null, 'GET', '/readyz', undefined, { timeoutMs: 15_000 })
        : kind === 'get'
          ? await call(server.baseUrl, cluster.token, 'GET', '/groups', undefined, { timeoutMs: 15_000 })
          : await call(server.baseUrl, cluster.token, 'POST', '/groups', { name: `load ${++counter}` }, { timeoutMs: 15_000 });
      samples.push({ ...reply, kind, startedAt });
      return reply;
    };
    const clients = Array.from({ length: CLIENTS }, async (_, index) => {
      while (!stopLoad) {
        await sample(index % 2 === 0 ? 'get' : 'post');
        await sleep(50);
      }
    });
    const probe = (async () => {
      while (!stopLoad) {
        await sample('readyz');
        await sleep(250);
      }
    })();

    let stopRequested = 0;
    let outageStart = 0;
    let outageEnd = 0;
    let recoveredAt = 0;
    try {
      await sleep(1_500);
      stopRequested = Date.now();
      await stopPostgres();
      outageStart = Date.now();
      await sleep(OUTAGE_MS);
      outageEnd = Date.now();
      await startPostgres();
      // Recovery: both kinds of request and /readyz succeed again, with no restart of the server.
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline) {
        const recent = samples.filter((item) => item.startedAt > outageEnd);
        const ok = (kind: Sample['kind']) => recent.some((item) => item.kind === kind && item.status >= 200 && item.status < 300);
        if (ok('get') && ok('post') && ok('readyz')) {
          recoveredAt = Date.now();
          break;
        }
        await sleep(100);
      }
      await sleep(1_500);
    } finally {
      stopLoad = true;
      await Promise.all([...clients, probe]);
      await startPostgres();
    }

    const describe = (items: Sample[]) => JSON.stringify({
      counts: statusCounts(items),
      odd: items.filter((item) => item.status !== 503 && (item.status < 200 || item.status >= 300)).slice(0, 3)
        .map(({ kind, status, text, ms, error }) => ({ kind, status, text, ms, error })),
    });

    // Never a dropped connection, a 500 or a hang, before, during or after the outage.
    expect(server.child.exitCode, server.stderr.slice(-3000)).toBeNull();
    expect(samples.filter((item) => item.status === 0), describe(samples)).toEqual([]);
    expect(samples.filter((item) => item.status >= 500 && item.status !== 503), describe(samples)).toEqual([]);
    expect(samples.filter((item) => item.status < 200 || (item.status >= 300 && item.status !== 503)), describe(samples)).toEqual([]);
    expect(samples.filter((item) => item.ms > MAX_ANSWER_MS).map(({ kind, status, ms }) => ({ kind, status, ms }))).toEqual([]);

    // Before the outage everything succeeded.
    const before = samples.filter((item) => item.startedAt + item.ms < stopRequested);
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((item) => item.status < 300), describe(before)).toBe(true);

    // During it: every request sent once the server was down got a 503 with a clear body and Retry-After.
    const during = samples.filter((item) => item.startedAt >= outageStart && item.startedAt + item.ms <= outageEnd);
    const api = during.filter((item) => item.kind !== 'readyz');
    expect(api.length, describe(during)).toBeGreaterThan(10);
    expect(statusCounts(api), describe(api)).toEqual({ 503: api.length });
    for (const item of api) {
      expect(item.body).toEqual({ message: expect.stringMatching(/database/i), code: 'database_unavailable' });
      expect(item.headers.get('retry-after')).toMatch(/^\d+$/);
    }
    const readyz = during.filter((item) => item.kind === 'readyz');
    expect(readyz.length).toBeGreaterThan(3);
    expect(readyz.every((item) => item.status === 503 && item.body?.status === 'unavailable'), describe(readyz)).toBe(true);

    // After it: the same process serves again by itself.
    expect(recoveredAt, describe(samples.filter((item) => item.startedAt > outageEnd))).toBeGreaterThan(0);
    expect(server.child.exitCode).toBeNull();
    const afterwards = await call(server.baseUrl, cluster.token, 'GET', '/groups');
    expect(afterwards.status).toBe(200);
    expect((await call(server.baseUrl, null, 'GET', '/readyz')).status).toBe(200);

    // Every group whose create was acknowledged exists.
    const acknowledged = samples.filter((item) => item.kind === 'post' && item.status === 201).map((item) => item.body.name as string);
    const stored = new Set((await cluster.db().db.selectFrom('groups').select('name').execute()).map((row) => row.name));
    expect(acknowledged.filter((name) => !stored.has(name))).toEqual([]);
  });
});
