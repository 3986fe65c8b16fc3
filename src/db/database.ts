import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config.ts';
import type { Database } from './schema.ts';
import { withStatementCache } from './sqlite-statements.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Answers when the database can run a query; used by /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the configured store. SQLite runs in WAL mode with foreign keys on and a busy
 * timeout, so a second process (the CLI beside a server) waits instead of failing.
 */
export function openDatabase(config: DatabaseConfig): DatabaseHandle {
  const db = new Kysely<Database>({
    dialect: config.dialect === 'sqlite' ? sqliteDialect(config.file) : postgresDialect(config),
  });
  return {
    db,
    dialect: config.dialect,
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      await db.destroy();
    },
  };
}

function sqliteDialect(file: string): SqliteDialect {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const database = new SqliteDatabase(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return new SqliteDialect({ database: withStatementCache(database) });
}

function postgresDialect(config: { url: string; schema?: string }): PostgresDialect {
  const pool = new pg.Pool({
    connectionString: config.url,
    max: 10,
    connectionTimeoutMillis: 5000,
    // A schema other than public isolates test runs that share one database.
    options: config.schema ? `-c search_path=${config.schema}` : undefined,
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  return new PostgresDialect({ pool });
}

/** True when `error` is a unique-constraint violation from either driver. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
