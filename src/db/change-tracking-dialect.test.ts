import { describe, expect, it } from 'vitest';
import { useMigratedDatabase } from '../../test/helpers/test-database.ts';

const database = useMigratedDatabase();

const settings = { rowsOf: ['settings'] };
const generation = () => database().changes.generation(settings);
const write = (value: string) => database().db.insertInto('settings').values({ key: 'tracked', value })
  .onConflict((conflict) => conflict.column('key').doUpdateSet({ value }));

describe('the changes a database handle counts', () => {
  it('counts a statement outside a transaction once it has run', async () => {
    const before = generation();
    await write('one').execute();
    expect(generation()).toBeGreaterThan(before);
  });

  it('counts a transaction’s changes when it commits, not before', async () => {
    const before = generation();
    await database().db.transaction().execute(async (trx) => {
      await trx.insertInto('settings').values({ key: 'tracked', value: 'two' })
        .onConflict((conflict) => conflict.column('key').doUpdateSet({ value: 'two' })).execute();
      expect(generation()).toBe(before);
    });
    expect(generation()).toBeGreaterThan(before);
  });

  it('counts a rolled-back transaction’s statements too, and nothing for reads', async () => {
    const before = generation();
    await database().db.selectFrom('settings').selectAll().execute();
    await database().db.transaction().execute((trx) => trx.selectFrom('settings').selectAll().execute());
    expect(generation()).toBe(before);
    await expect(database().db.transaction().execute(async (trx) => {
      await trx.updateTable('settings').set({ value: 'three' }).where('key', '=', 'tracked').execute();
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    expect(generation()).toBeGreaterThan(before);
    // The rolled-back transaction's bookkeeping ended with it: the next one starts clean.
    const after = generation();
    await database().db.transaction().execute((trx) => trx.selectFrom('settings').selectAll().execute());
    expect(generation()).toBe(after);
  });
});
