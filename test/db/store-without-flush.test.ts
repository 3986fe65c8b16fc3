import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Executor } from '../../src/db/executor.ts';
import { type Repositories, Store } from '../../src/db/store.ts';
import { testDialect, useMigratedDatabase } from '../helpers/test-database.ts';

describe('Store.writeWithoutFlush', () => {
  const database = useMigratedDatabase();

  it('commits like a write, and rolls back whole when the work throws', async () => {
    const store = new Store(database());
    await store.writeWithoutFlush((repos) => repos.settings.putIfAbsent('flush', 'kept'));
    await expect(store.writeWithoutFlush(async (repos) => {
      await repos.settings.update('flush', 'changed');
      throw new Error('refused');
    })).rejects.toThrow('refused');
    expect(await store.read((repos) => repos.settings.get('flush'))).toBe('kept');
  });

  it.runIf(testDialect() === 'postgres')('skips the log flush for its own transaction only', async () => {
    const store = new Store(database());
    // The transaction's own connection, as every repository of it holds it.
    const setting = async (repos: Repositories) => (await sql<{ synchronous_commit: string }>`show synchronous_commit`
      .execute((repos.settings as unknown as { db: Executor }).db)).rows[0]!.synchronous_commit;
    expect(await store.writeWithoutFlush(setting)).toBe('off');
    expect(await store.write(setting)).toBe('on');
  });
});
