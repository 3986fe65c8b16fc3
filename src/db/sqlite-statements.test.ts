import SqliteDatabase from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { rawModeReads, withStatementCache } from './sqlite-statements.ts';

let database: SqliteDatabase.Database;

afterEach(() => database.close());

describe('withStatementCache', () => {
  it('prepares a statement once and reuses it for the same SQL', () => {
    database = new SqliteDatabase(':memory:');
    const cached = withStatementCache(database);
    const first = cached.prepare('select 1 as one');
    expect(cached.prepare('select 1 as one')).toBe(first);
    expect(cached.prepare('select 2 as two')).not.toBe(first);
    expect(first.all([])).toEqual([{ one: 1 }]);
  });

  it('gives a fresh statement while the cached one is being iterated', () => {
    database = new SqliteDatabase(':memory:');
    database.exec('create table t (n integer); insert into t values (1), (2), (3)');
    const cached = withStatementCache(database);
    const iterating = cached.prepare('select n from t order by n');
    const rows = iterating.iterate([]);
    expect(rows.next().value).toEqual({ n: 1 });
    const meanwhile = cached.prepare('select n from t order by n');
    expect(meanwhile).not.toBe(iterating);
    expect(meanwhile.all([])).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect([...rows]).toEqual([{ n: 2 }, { n: 3 }]);
  });

  it('sees schema changes made after a statement was cached', () => {
    database = new SqliteDatabase(':memory:');
    database.exec('create table t (a integer); insert into t values (1)');
    const cached = withStatementCache(database);
    expect(cached.prepare('select * from t').all([])).toEqual([{ a: 1 }]);
    database.exec('alter table t add column b integer default 2');
    expect(cached.prepare('select * from t').all([])).toEqual([{ a: 1, b: 2 }]);
  });
});

describe('rawModeReads', () => {
  it('answers the rows the driver would, as objects keyed by column name', () => {
    database = new SqliteDatabase(':memory:');
    database.exec("create table t (n integer, s text, b blob); insert into t values (1, 'a', x'01'), (2, null, null)");
    const read = rawModeReads(database);
    const sql = 'select n, s as label, b, n * 2 as twice, n as n from t order by n';
    expect(read(sql, [])).toEqual(database.prepare(sql).all());
    expect(read(sql, [])).toEqual([
      { n: 1, label: 'a', b: Buffer.from([1]), twice: 2 },
      { n: 2, label: null, b: null, twice: 4 },
    ]);
    expect(read('select s from t where n = ?', [2])).toEqual([{ s: null }]);
    expect(read('select s from t where n = ?', [3])).toEqual([]);
  });

  it('answers undefined for a statement that writes, without running it', () => {
    database = new SqliteDatabase(':memory:');
    database.exec('create table t (n integer)');
    const read = rawModeReads(database);
    expect(read('insert into t values (?)', [1])).toBeUndefined();
    expect(read('insert into t values (?) returning n', [2])).toBeUndefined();
    expect(database.prepare('select count(*) as count from t').get()).toEqual({ count: 0 });
  });

  it('sees columns added after a statement was kept', () => {
    database = new SqliteDatabase(':memory:');
    database.exec('create table t (a integer); insert into t values (1)');
    const read = rawModeReads(database);
    expect(read('select * from t', [])).toEqual([{ a: 1 }]);
    database.exec('alter table t add column b integer default 2');
    expect(read('select * from t', [])).toEqual([{ a: 1, b: 2 }]);
  });

  it('leaves the statements Kysely is given in object mode', () => {
    database = new SqliteDatabase(':memory:');
    const cached = withStatementCache(database);
    const read = rawModeReads(database);
    expect(read('select 1 as one', [])).toEqual([{ one: 1 }]);
    expect(cached.prepare('select 1 as one').all([])).toEqual([{ one: 1 }]);
  });
});
