import type { Executor } from './executor.ts';

/**
 * Runs a read statement at once, outside Kysely's connection handling, or answers undefined
 * when it may not (the statement writes, or a transaction is open on the connection). SQLite
 * answers the rows; PostgreSQL a promise of them.
 */
export type DirectRead = (sql: string, parameters: readonly unknown[]) => unknown[] | Promise<unknown[]> | undefined;

const directReads = new WeakMap<Executor, DirectRead>();

/**
 * Lets PreparedQuery run reads on `db` (the database itself, never a transaction) through
 * `read`. On SQLite a statement runs synchronously on the one connection, so nothing can
 * interleave with it; reading outside an open transaction cannot see uncommitted rows. On
 * PostgreSQL it takes a pooled connection of its own, as Kysely would.
 */
export function allowDirectReads(db: Executor, read: DirectRead): void {
  directReads.set(db, read);
}

export function directReadOf(db: Executor): DirectRead | undefined {
  return directReads.get(db);
}
