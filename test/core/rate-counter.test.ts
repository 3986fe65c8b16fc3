import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseRateCounter } from '../../src/core/rate-counter.ts';
import { Store } from '../../src/db/store.ts';
import { Harness } from '../helpers/harness.ts';
import { testDialect } from '../helpers/test-database.ts';

const WINDOW = 60_000;

let h: Harness;
let store: Store;
beforeAll(async () => {
  h = await Harness.start();
  store = new Store(h.runtime.database);
});
afterAll(async () => {
  await h.close();
});

/** A counter on the test database whose clock the test moves. */
function counterAt(start: number) {
  const clock = { now: start };
  return { clock, counter: new DatabaseRateCounter(store, () => clock.now) };
}

const rows = () => h.runtime.database.db.selectFrom('rate_limits').select(['key', 'count']).orderBy('key').execute();

describe(`the database counter on ${testDialect()}`, () => {
  it('counts hits in a window that opens with the first hit, and starts over when it ends', async () => {
    const { clock, counter } = counterAt(1_000_000);
    expect(await counter.peek('k:window', WINDOW)).toEqual({ count: 0, resetInMs: 0 });
    expect(await counter.hit('k:window', WINDOW)).toEqual({ count: 1, resetInMs: WINDOW });
    clock.now += 20_000;
    expect(await counter.hit('k:window', WINDOW)).toEqual({ count: 2, resetInMs: 40_000 });
    expect(await counter.peek('k:window', WINDOW)).toEqual({ count: 2, resetInMs: 40_000 });
    clock.now += 40_000;
    expect(await counter.peek('k:window', WINDOW)).toEqual({ count: 0, resetInMs: 0 });
    expect(await counter.hit('k:window', WINDOW)).toEqual({ count: 1, resetInMs: WINDOW });
  });

  it('counts every one of many concurrent hits exactly once', async () => {
    const { counter } = counterAt(Date.now());
    const counts = await Promise.all(Array.from({ length: 40 }, () => counter.hit('k:burst', WINDOW)));
    expect(counts.map((count) => count.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('keeps keys apart', async () => {
    const { counter } = counterAt(Date.now());
    await counter.hit('k:one', WINDOW);
    await counter.hit('k:one', WINDOW);
    expect((await counter.hit('k:two', WINDOW)).count).toBe(1);
    expect((await counter.peek('k:one', WINDOW)).count).toBe(2);
  });

  it('deletes ended windows at most once a minute, leaving open ones', async () => {
    await h.runtime.database.db.deleteFrom('rate_limits').execute();
    const start = Date.now();
    const { clock, counter } = counterAt(start);
    await counter.hit('k:old', 1000);
    await counter.hit('k:long', 10 * WINDOW);
    clock.now = start + 61_000;
    await counter.hit('k:new', WINDOW);
    await counter.close();
    expect(await rows()).toEqual([{ key: 'k:long', count: 1 }, { key: 'k:new', count: 1 }]);

    await counter.hit('k:soon', 1000);
    clock.now += 2000;
    await counter.hit('k:new', WINDOW);
    await counter.close();
    expect((await rows()).map((row) => row.key)).toContain('k:soon');
  });
});
