import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { PreparedInsert, PreparedQuery } from '../../src/db/prepared-query.ts';
import { Repositories } from '../../src/db/store.ts';
import { testDialect, useMigratedDatabase } from '../helpers/test-database.ts';

// Named prepared statements exist on PostgreSQL only; SQLite prepares every statement anyway.
describe.runIf(testDialect() === 'postgres')('precompiled statements on PostgreSQL', () => {
  const database = useMigratedDatabase();

  it('run as named statements, prepared once on a connection and reused', async () => {
    await database().db.connection().execute(async (connection) => {
      const repos = new Repositories(connection, 'postgres');
      const prepared = async () => (await sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements`
        .execute(connection)).rows;
      expect(await repos.users.getByEmail('nobody@example.com')).toBeUndefined();
      const after = await prepared();
      expect(after).toEqual([expect.objectContaining({ statement: expect.stringContaining('lower(email)') })]);
      expect(await repos.users.getByEmail('Somebody@Example.com')).toBeUndefined();
      expect(await prepared()).toEqual(after);
      // A statement built per call stays unnamed.
      await repos.users.getById('00000000-0000-4000-8000-000000000000');
      expect(await prepared()).toEqual(after);
    });
  });

  it('read at once outside a transaction, seeing only committed rows, and leave writes to Kysely', async () => {
    const handle = database();
    const db = handle.db;
    const query = new PreparedQuery(['key'], (db, p) => db.selectFrom('settings').select('value').where('key', '=', p.key));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const insertedYet = new Promise<void>((resolve) => (inserted = resolve));
    const transaction = db.transaction().execute(async (trx) => {
      await trx.insertInto('settings').values({ key: 'direct', value: 'uncommitted' }).execute();
      inserted();
      await gate;
    });
    await insertedYet;
    expect(await query.execute(db, 'postgres', { key: 'direct' })).toEqual([]);
    release();
    await transaction;
    expect(await query.execute(db, 'postgres', { key: 'direct' })).toEqual([{ value: 'uncommitted' }]);

    // A write on the database itself goes through Kysely, where the handle counts it.
    const newSettings = { rowsOf: [], newRowsIn: ['settings'] };
    const before = handle.changes.generation(newSettings);
    await new PreparedInsert('settings').execute(db, 'postgres', { key: 'written', value: 'yes' });
    expect(handle.changes.generation(newSettings)).toBeGreaterThan(before);
    expect(await query.execute(db, 'postgres', { key: 'written' })).toEqual([{ value: 'yes' }]);
  });
});
