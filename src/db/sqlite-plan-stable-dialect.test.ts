import SqliteDatabase from 'better-sqlite3';
import { CompiledQuery, Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { PlanStableSqliteDialect } from './sqlite-plan-stable-dialect.ts';

interface Tables {
  t: { id: number; a: number; b: number; label: string; data: Uint8Array | null };
}

const opened: Kysely<Tables>[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.destroy()));
});

/**
 * 2,000 rows where `a` is 0 in 1,900 of them and unique in the rest, and each `b` value
 * holds 50 rows, both indexed and analyzed: per-value planning reads `a = 0` through the
 * index on `b`, and a rare `a` through the index on `a`.
 */
function open(dialect: typeof SqliteDialect): Kysely<Tables> {
  const database = new SqliteDatabase(':memory:');
  database.exec(`create table t (id integer primary key, a integer not null, b integer not null, label text not null, data blob);
    create index t_a on t (a); create index t_b on t (b);`);
  const insert = database.prepare('insert into t (a, b, label, data) values (?, ?, ?, ?)');
  database.transaction(() => {
    for (let i = 0; i < 2000; i += 1) insert.run(i < 1900 ? 0 : i, i % 40, `row ${i}`, i === 1 ? Buffer.from([1, 2, 3]) : null);
  })();
  database.exec('analyze');
  const db = new Kysely<Tables>({ dialect: new dialect({ database }) });
  opened.push(db);
  return db;
}

async function planFor(db: Kysely<Tables>, a: number): Promise<string[]> {
  const { sql: text, parameters } = db.selectFrom('t').select('id').where('a', '=', a).where('b', '=', 3).compile();
  const { rows } = await db.executeQuery(CompiledQuery.raw(`explain query plan ${text}`, [...parameters]));
  return rows.map((row) => (row as { detail: string }).detail);
}

describe('PlanStableSqliteDialect', () => {
  it('plans a statement once, whatever values are bound later', async () => {
    // The fixture is sensitive to the bound value when parameters are written plainly...
    const plain = open(SqliteDialect);
    expect(await planFor(plain, 0)).not.toEqual(await planFor(plain, 1950));
    // ...and the same statement from this dialect keeps one plan.
    const stable = open(PlanStableSqliteDialect);
    expect(await planFor(stable, 0)).toEqual(await planFor(stable, 1950));
  });

  it('answers every query as plain parameters do', async () => {
    const plain = open(SqliteDialect);
    const stable = open(PlanStableSqliteDialect);
    const queries: ((db: Kysely<Tables>) => Promise<unknown>)[] = [
      // A numeric column compared with text converts it; a text column compared with a number does not.
      (db) => db.selectFrom('t').select('id').where('a', '=', '1950' as never).execute(),
      (db) => db.selectFrom('t').select('id').where('label', '=', 1950 as never).execute(),
      (db) => db.selectFrom('t').select('id').where('label', '=', 'row 7').execute(),
      (db) => db.selectFrom('t').select('id').where('data', '=', Buffer.from([1, 2, 3])).execute(),
      (db) => db.selectFrom('t').select('id').where('id', 'in', [3, 5, 9]).orderBy('id').limit(2).offset(1).execute(),
      (db) => db.selectFrom('t').select('id').where('label', 'like', 'row 19_5').orderBy('id').execute(),
      (db) => sql`select ${41} + 1 as v, ${'text'} as t, ${null} as n`.execute(db).then((result) => result.rows),
      async (db) => {
        await db.insertInto('t').values({ id: 5000, a: 7, b: 8, label: 'new', data: null }).execute();
        await db.updateTable('t').set({ label: 'changed' }).where('id', '=', 5000).execute();
        return db.selectFrom('t').selectAll().where('id', '=', 5000).execute();
      },
    ];
    const answers = [];
    for (const query of queries) {
      const answer = await query(stable);
      expect(answer).toEqual(await query(plain));
      answers.push(answer);
    }
    expect(answers[0]).toEqual([{ id: 1951 }]);
    expect(answers[1]).toEqual([]);
    expect(answers[4]).toEqual([{ id: 5 }, { id: 9 }]);
    expect(answers[5]).toEqual([{ id: 1906 }, { id: 1916 }, { id: 1926 }, { id: 1936 }, { id: 1946 }, { id: 1956 }, { id: 1966 }, { id: 1976 }, { id: 1986 }, { id: 1996 }]);
    expect(answers[7]).toEqual([{ id: 5000, a: 7, b: 8, label: 'changed', data: null }]);
  });
});
