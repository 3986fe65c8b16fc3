import { afterAll, beforeAll, expect, it } from 'vitest';
import { Harness } from '../../helpers/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(async () => {
  await h.close();
});

it('gives each id one small integer, stable and reversible, for lists longer than a statement takes parameters', async () => {
  const ids = Array.from({ length: 40_000 }, (_, n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`);
  const first = await h.services.retool.legacyIds('user', ids);
  expect(first.size).toBe(ids.length);
  const numbers = [...first.values()];
  expect(new Set(numbers).size).toBe(ids.length);
  expect(Math.max(...numbers)).toBeLessThan(2 ** 24);
  expect(await h.services.retool.legacyIds('user', ids.slice(0, 1000).reverse())).toEqual(new Map(ids.slice(0, 1000).reverse().map((id) => [id, first.get(id)])));
  expect(await h.services.retool.byLegacyId(['user'], first.get(ids[123]!)!)).toEqual({ kind: 'user', localId: ids[123] });
  expect(await h.services.retool.byLegacyId(['folder'], first.get(ids[123]!)!)).toBeUndefined();
  expect(await h.services.retool.byLegacyId(['user'], 2 ** 31)).toBeUndefined();
}, 120_000);
