import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** The database or an open transaction on it: repositories work on either. */
export type Executor = Kysely<Database>;

/** Converts a count(*) result, which PostgreSQL returns as a bigint string. */
export function toCount(value: string | number | bigint | undefined): number {
  return Number(value ?? 0);
}
