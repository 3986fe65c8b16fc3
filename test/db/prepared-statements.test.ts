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
      const prepared = async () => (await sql<{ statement: string }>`select statement from pg_prepared_statements`
        .execute(connection)).rows
        .map((row) => row.statement).filter((statement) => !statement.includes('pg_prepared_statements'));
      const before = await prepared();
      const added = async () => (await prepared()).filter((statement) => !before.includes(statement));
      expect(await repos.users.getByEmail('nobody@example.com')).toBeUndefined();
      expect(await added()).toEqual([expect.stringContaining('lower(email)')]);
      expect(await repos.users.getByEmail('Somebody@Example.com')).toBeUndefined();
      expect(await added()).toHaveLength(1);
      // A statement built per call runs unnamed the first time, and named from its second run on.
      const nobody = '00000000-0000-4000-8000-000000000000';
      await repos.users.twoFactorOf(nobody);
      expect(await added()).toHaveLength(1);
      await repos.users.twoFactorOf(nobody);
      await repos.users.twoFactorOf(nobody);
      expect(await added()).toEqual([expect.stringContaining('lower(email)'), expect.stringContaining('"totp_secret"')]);
      // One that selects every column never is: a later migration would change its columns.
      await repos.users.getById(nobody);
      await repos.users.getById(nobody);
      expect(await added()).toHaveLength(2);
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
