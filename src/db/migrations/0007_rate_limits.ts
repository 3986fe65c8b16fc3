import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * Request counters shared by every server process when no Redis is configured: one row per
 * budget key holding the current window. Times are epoch milliseconds (bigint), so the
 * counter needs no date arithmetic in either database.
 */
export function rateLimits(_dialect: Dialect) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('rate_limits')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('window_start', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('rate_limits_expires_idx').on('rate_limits').columns(['expires_at']).execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('rate_limits').execute();
    },
  };
}
