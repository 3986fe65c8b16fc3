import type SqliteDatabase from 'better-sqlite3';
import type { SqliteDatabase as KyselySqliteDatabase, SqliteStatement } from 'kysely';

/** How many distinct statements stay prepared; the queries of a process number in the hundreds. */
const CACHE_SIZE = 500;

/**
 * The SQLite connection Kysely drives, with prepared statements reused by SQL text.
 * Preparing is the costliest step of a small query (it parses and plans the SQL), and the
 * same few statements serve most requests. A statement still being iterated is busy, so
 * a query arriving meanwhile gets a fresh one.
 */
export function withStatementCache(database: SqliteDatabase.Database): KyselySqliteDatabase {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string): SqliteStatement {
      const cached = statements.get(sql);
      if (cached && !cached.busy) {
        // Re-inserting keeps the map in least-recently-used order.
        statements.delete(sql);
        statements.set(sql, cached);
        return cached as unknown as SqliteStatement;
      }
      const statement = database.prepare(sql);
      if (!cached) {
        statements.set(sql, statement);
        if (statements.size > CACHE_SIZE) statements.delete(statements.keys().next().value!);
      }
      return statement as unknown as SqliteStatement;
    },
  };
}
