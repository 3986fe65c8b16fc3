import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/db/store.ts';
import { countQueries } from '../helpers/query-counter.ts';
import { testDialect, useMigratedDatabase } from '../helpers/test-database.ts';

describe('Store.insertWithoutFlush', () => {
  const database = useMigratedDatabase();
  const settingOf = (store: Store, key: string) => store.read((repos) => repos.settings.get(key));

  it('inserts every row', async () => {
    const store = new Store(database());
    await store.insertWithoutFlush([{ into: 'settings', row: { key: 'first', value: '1' } }, { into: 'settings', row: { key: 'second', value: '2' } }]);
    expect([await settingOf(store, 'first'), await settingOf(store, 'second')]).toEqual(['1', '2']);
  });

  it('inserts none of the rows when one fails', async () => {
    const store = new Store(database());
    await store.insertWithoutFlush([{ into: 'settings', row: { key: 'taken', value: 'kept' } }]);
    await expect(store.insertWithoutFlush([
      { into: 'settings', row: { key: 'fresh', value: 'x' } },
      { into: 'settings', row: { key: 'taken', value: 'y' } },
    ])).rejects.toThrow();
    expect(await settingOf(store, 'fresh')).toBeUndefined();
    expect(await settingOf(store, 'taken')).toBe('kept');
  });

  it('joins the transaction it runs in, and is rolled back with it', async () => {
    const store = new Store(database());
    await expect(store.transaction(async () => {
      await store.insertWithoutFlush([{ into: 'settings', row: { key: 'joined', value: 'x' } }]);
      expect(await settingOf(store, 'joined')).toBe('x');
      throw new Error('refused');
    })).rejects.toThrow('refused');
    expect(await settingOf(store, 'joined')).toBeUndefined();
  });

  it.runIf(testDialect() === 'postgres')('is one statement, which skips the log flush for its own commit only', async () => {
    const handle = database();
    const store = new Store(handle);
    const queries = countQueries(handle.db);
    try {
      await store.insertWithoutFlush([{ into: 'settings', row: { key: 'a', value: '1' } }, { into: 'settings', row: { key: 'b', value: '2' } }]);
      const statements = queries.takeStatements();
      expect(statements).toHaveLength(1);
      expect(statements[0]).toMatch(/^with .* returning set_config\('synchronous_commit', 'off', true\)/s);
      // Rows of the same shape run the same text, kept prepared on the connection.
      await store.insertWithoutFlush([{ into: 'settings', row: { key: 'c', value: '3' } }, { into: 'settings', row: { key: 'd', value: '4' } }]);
      expect(queries.takeStatements()).toEqual(statements);
    } finally {
      queries.restore();
    }
    expect(await settingOf(store, 'd')).toBe('4');
    // The idle connection the statement ran on is the next one lent out; its own setting is untouched.
    const { rows } = await sql<{ synchronous_commit: string }>`show synchronous_commit`.execute(handle.db);
    expect(rows[0]!.synchronous_commit).toBe('on');
  });
});
