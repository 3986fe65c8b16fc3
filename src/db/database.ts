import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config.ts';
import type { Database } from './schema.ts';
import { PlanStableSqliteDialect } from './sqlite-plan-stable-dialect.ts';
import { rawModeReads, withStatementCache } from './sqlite-statements.ts';
import { allowDirectReads } from './direct-reads.ts';
import { statementName } from './statement-names.ts';
import { pgTypes } from './pg-timestamps.ts';
import { ChangeTrackingDialect } from './change-tracking-dialect.ts';
import { TableChanges } from './table-changes.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** The changes this process has made, per table, for values read earlier to be reused or not. */
  changes: TableChanges;
  /** Answers when the database can run a query; used by /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the configured store. SQLite runs in WAL mode with foreign keys on and a busy
 * timeout, so a second process (the CLI beside a server) waits instead of failing.
 */
export function openDatabase(config: DatabaseConfig): DatabaseHandle {
  let db: Kysely<Database>;
  const changes = new TableChanges();
  if (config.dialect === 'sqlite') {
    const { dialect, database } = sqliteDialect(config.file);
    db = new Kysely<Database>({ dialect: new ChangeTrackingDialect(dialect, changes) });
    // Kysely queues every statement for the single connection; a read outside any open
    // transaction need not wait its turn (see PreparedQuery).
    const read = rawModeReads(database);
    allowDirectReads(db, (sql, parameters) => (database.inTransaction ? undefined : read(sql, parameters)));
  } else {
    const { dialect, pool } = postgresDialect(config);
    db = new Kysely<Database>({ dialect: new ChangeTrackingDialect(dialect, changes) });
    // A read outside any transaction takes any pooled connection, as through Kysely, without
    // Kysely's connection handling around it. It cannot see uncommitted rows either way.
    allowDirectReads(db, (sql, parameters) => (changes.effectOf(sql).kind === 'none'
      ? pool.query({ name: statementName(sql), text: sql, values: parameters as unknown[] }).then((result) => result.rows)
      : undefined));
  }
  return {
    db,
    dialect: config.dialect,
    changes,
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      await db.destroy();
    },
  };
}

function sqliteDialect(file: string) {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const database = new SqliteDatabase(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return { dialect: new PlanStableSqliteDialect({ database: withStatementCache(database) }), database };
}

function postgresDialect(config: { url: string; schema?: string }): { dialect: PostgresDialect; pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: config.url,
    max: 10,
    // Bounds on every wait, so a database that stops answering turns into a 503 within
    // seconds instead of a hung request: acquiring a connection (also when the pool is
    // exhausted), a statement on the server, and a reply on the client side.
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
    statement_timeout: 30_000,
    query_timeout: 35_000,
    keepAlive: true,
    // Timestamps come back in UTC, which pg-timestamps.ts reads without making Dates. A
    // schema other than public isolates test runs that share one database.
    options: ['-c TimeZone=UTC', ...(config.schema ? [`-c search_path=${config.schema}`] : [])].join(' '),
    types: pgTypes,
  });
  // A client losing its connection must not crash the process. The pool listens only while a
  // client is idle; a checked-out client (a transaction between two statements) would emit an
  // unhandled 'error'. Its next statement fails instead (a 503), and the pool discards it.
  pool.on('error', () => {});
  pool.on('connect', (client) => {
    client.on('error', () => {});
    runNamedStatementsPrepared(client);
  });
  return { dialect: new PostgresDialect({ pool }), pool };
}

/**
 * Makes the client run statements that have a name (statement-names.ts) as named prepared
 * statements: Kysely passes text and values only.
 */
function runNamedStatementsPrepared(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  client.query = ((config: unknown, values?: unknown, ...rest: unknown[]) => {
    const name = typeof config === 'string' && Array.isArray(values) ? statementName(config) : undefined;
    return name ? query({ name, text: config, values }, ...rest) : query(config, values, ...rest);
  }) as typeof client.query;
}

/** True when `error` is a unique-constraint violation from either driver. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** PostgreSQL: serialization_failure, deadlock_detected. */
const CONFLICT_SQLSTATES = new Set(['40001', '40P01']);

/**
 * True when the database undid a transaction because it met a concurrent one (a deadlock, a
 * serialization failure): nothing was written, and the same request sent again can succeed.
 */
export function isTransactionConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && CONFLICT_SQLSTATES.has(code);
}

/** Node socket errors that mean the database cannot be reached or dropped the connection. */
const CONNECTION_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** PostgreSQL: admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections. */
const CONNECTION_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
/** What node-postgres says when a connection ends or cannot be had in time; these errors carry no code. */
const CONNECTION_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Client was closed and is not queryable',
  'Query read timeout',
];

/**
 * True when `error` means the database is unreachable or went away (refused or reset
 * connections, a server shutting down, SQLSTATE class 08, a pool that could not connect in
 * time), as opposed to a fault in the request or the code. Callers answer 503: retrying
 * later can succeed. Both dialects' error mappers use this one test.
 */
export function isConnectionFailure(error: unknown): boolean {
  if (error === null || typeof error !== 'object') return false;
  const { code, message, errors } = error as { code?: unknown; message?: unknown; errors?: unknown };
  if (typeof code === 'string') {
    if (CONNECTION_ERROR_CODES.has(code) || CONNECTION_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  if (typeof message === 'string' && CONNECTION_MESSAGES.some((text) => message.includes(text))) return true;
  // A connection attempt to several addresses fails with one AggregateError holding each failure.
  return Array.isArray(errors) && errors.length > 0 && errors.every((inner) => isConnectionFailure(inner));
}
