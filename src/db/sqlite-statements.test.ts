import SqliteDatabase from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { withStatementCache } from './sqlite-statements.ts';

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
