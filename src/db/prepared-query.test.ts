import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import type { Executor } from './executor.ts';
import { PreparedInsert, PreparedQuery, allColumns } from './prepared-query.ts';

let db: Executor;

afterEach(async () => db.destroy());

function open(): Executor {
  const database = new SqliteDatabase(':memory:');
  database.exec(`create table settings (key text primary key, value text not null);
    insert into settings values ('a', 'one'), ('b', 'two'), ('c', 'three')`);
  db = new Kysely({ dialect: new SqliteDialect({ database }) });
  return db;
}

describe('PreparedQuery', () => {
  it('builds once and runs with each call’s values, keeping values fixed at build time', async () => {
    open();
    let builds = 0;
    const query = new PreparedQuery(['key'], (db, p) => {
      builds += 1;
      return db.selectFrom('settings').select('value').where('key', '=', p.key).where('value', '!=', 'never');
    });
    expect(await query.execute(db, 'sqlite', { key: 'a' })).toEqual([{ value: 'one' }]);
    expect(await query.execute(db, 'sqlite', { key: 'c' })).toEqual([{ value: 'three' }]);
    expect(await query.execute(db, 'sqlite', { key: 'z' })).toEqual([]);
    expect(builds).toBe(1);
  });

  it('puts each named value where its stand-in was used, whatever the order', async () => {
    open();
    const query = new PreparedQuery(['low', 'high'], (db, p) => db
      .selectFrom('settings').select('key').where('key', '<=', p.high).where('key', '>=', p.low).orderBy('key'));
    expect(await query.execute(db, 'sqlite', { low: 'b', high: 'c' })).toEqual([{ key: 'b' }, { key: 'c' }]);
  });

  it('runs inside a transaction and sees its uncommitted rows', async () => {
    open();
    const query = new PreparedQuery(['key'], (db, p) => db.selectFrom('settings').select('value').where('key', '=', p.key));
    await db.transaction().execute(async (trx) => {
      await sql`insert into settings values ('d', 'four')`.execute(trx);
      expect(await query.execute(trx, 'sqlite', { key: 'd' })).toEqual([{ value: 'four' }]);
    });
  });

  it('refuses a query that leaves out a named parameter', async () => {
    open();
    const query = new PreparedQuery(['key', 'other'], (db, p) => db.selectFrom('settings').select('value').where('key', '=', p.key));
    await expect(query.execute(db, 'sqlite', { key: 'a', other: 'b' })).rejects.toThrow('prepared query leaves out other');
  });
});

describe('PreparedInsert', () => {
  it('inserts whichever columns a row sets, leaving undefined ones to their default', async () => {
    open();
    await sql`create table notes (id integer primary key, body text not null, tag text default 'none')`.execute(db);
    const insert = new PreparedInsert('notes' as never);
    await insert.execute(db, 'sqlite', { id: 1, body: 'first', tag: 'red' } as never);
    await insert.execute(db, 'sqlite', { id: 2, body: 'second', tag: undefined } as never);
    await insert.execute(db, 'sqlite', { body: 'third', id: 3 } as never);
    const rows = await sql<{ id: number; body: string; tag: string }>`select * from notes order by id`.execute(db);
    expect(rows.rows).toEqual([
      { id: 1, body: 'first', tag: 'red' },
      { id: 2, body: 'second', tag: 'none' },
      { id: 3, body: 'third', tag: 'none' },
    ]);
  });
});

describe('PreparedQuery on an opened SQLite database', () => {
  it('reads at once outside transactions, and waits for an open transaction instead of reading its uncommitted rows', async () => {
    const handle = openDatabase({ dialect: 'sqlite', file: ':memory:' });
    db = handle.db;
    await sql`create table settings (key text primary key, value text not null)`.execute(db);
    const query = new PreparedQuery(['key'], (db, p) => db.selectFrom('settings').select('value').where('key', '=', p.key));
    expect(await query.execute(db, 'sqlite', { key: 'a' })).toEqual([]);

    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const insertedYet = new Promise<void>((resolve) => (inserted = resolve));
    const transaction = db.transaction().execute(async (trx) => {
      await sql`insert into settings values ('a', 'uncommitted')`.execute(trx);
      inserted();
      await gate;
    });
    await insertedYet;
    let answered = false;
    const read = query.execute(db, 'sqlite', { key: 'a' }).then((rows) => {
      answered = true;
      return rows;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBe(false);
    release();
    await transaction;
    expect(await read).toEqual([{ value: 'uncommitted' }]);
  });
});

describe('allColumns', () => {
  it('takes a list naming every column of the row, and refuses one that leaves a column out', () => {
    expect(allColumns<{ a: number; b: string }>()(['a', 'b'])).toEqual(['a', 'b']);
    // @ts-expect-error: b is left out
    expect(allColumns<{ a: number; b: string }>()(['a'])).toEqual(['a']);
  });
});
