import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Dialect } from './database.ts';
import type { Database } from './schema.ts';

/** The database or an open transaction on it: repositories work on either. */
export type Executor = Kysely<Database>;

/** Converts a count(*) result, which PostgreSQL returns as a bigint string. */
export function toCount(value: string | number | bigint | undefined): number {
  return Number(value ?? 0);
}

/**
 * A row lock held until the transaction ends: `share` for a row a write depends on (the
 * folder an app goes into), `update` for a row a write is about to remove or change.
 */
export type RowLock = 'share' | 'update';

/**
 * Adds the lock clause on PostgreSQL. SQLite has no row locks and needs none: it runs one
 * write transaction at a time.
 */
export function withLock<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  dialect: Dialect,
  lock: RowLock | undefined,
): SelectQueryBuilder<DB, TB, O> {
  if (!lock || dialect !== 'postgres') return query;
  return lock === 'share' ? query.forShare() : query.forUpdate();
}
