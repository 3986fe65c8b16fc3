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

/**
 * Runs a read-only statement at once and answers its rows, or undefined for one that
 * writes. Each statement is kept prepared by its SQL text in better-sqlite3's raw mode, so
 * rows arrive as arrays of values and are made into objects here: the driver builds an
 * object column by column through V8's API, which took about a sixth of a small indexed
 * read. These statements are only ever run to completion, so none is ever busy.
 */
export function rawModeReads(database: SqliteDatabase.Database): (sql: string, parameters: readonly unknown[]) => unknown[] | undefined {
  const readers = new Map<string, RawModeReader | null>();
  return (sql, parameters) => {
    let reader = readers.get(sql);
    if (reader === undefined) {
      const statement = database.prepare(sql);
      reader = statement.readonly && statement.reader ? new RawModeReader(statement) : null;
      readers.set(sql, reader);
      if (readers.size > CACHE_SIZE) readers.delete(readers.keys().next().value!);
    }
    return reader?.all(parameters);
  };
}

class RawModeReader {
  private columns: string[];

  constructor(private readonly statement: SqliteDatabase.Statement) {
    statement.raw(true);
    this.columns = columnNames(statement);
  }

  all(parameters: readonly unknown[]): Record<string, unknown>[] {
    const rows = this.statement.all(parameters) as unknown[][];
    // A `select *` gains or loses columns when the schema changes under a running server.
    if (rows.length > 0 && rows[0]!.length !== this.columns.length) this.columns = columnNames(this.statement);
    return rows.map((values) => {
      const row: Record<string, unknown> = {};
      for (let i = 0; i < values.length; i += 1) row[this.columns[i]!] = values[i];
      return row;
    });
  }
}

function columnNames(statement: SqliteDatabase.Statement): string[] {
  return statement.columns().map((column) => column.name);
}
