import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { columnTypes } from './columns.ts';

/** The audit log, and the stored answers of requests sent with an Idempotency-Key. */
export function auditIdempotency(dialect: Dialect) {
  const t = columnTypes(dialect);
  return {
    async up(db: Kysely<any>): Promise<void> {
      // No foreign keys: an event outlives the token, user and target it names.
      await t
        .serialId(db.schema.createTable('audit_events'))
        .addColumn('occurred_at', t.timestamp, (c) => c.notNull())
        .addColumn('workspace_id', 'text')
        .addColumn('actor_type', 'text', (c) => c.notNull())
        .addColumn('actor_token_id', 'text')
        .addColumn('actor_user_id', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target_type', 'text', (c) => c.notNull())
        .addColumn('target_id', 'text', (c) => c.notNull())
        .addColumn('changes', t.json, (c) => c.notNull().defaultTo(t.emptyJsonObject))
        .addColumn('request_id', 'text')
        .execute();
      await db.schema.createIndex('audit_events_workspace_idx').on('audit_events').columns(['workspace_id', 'id']).execute();
      await db.schema.createIndex('audit_events_occurred_idx').on('audit_events').columns(['occurred_at']).execute();

      await db.schema
        .createTable('idempotency_keys')
        .addColumn('owner', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('request_hash', 'text', (c) => c.notNull())
        .addColumn('status_code', 'integer')
        .addColumn('response', 'text')
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('idempotency_keys_pkey', ['owner', 'key'])
        .execute();
      await db.schema.createIndex('idempotency_keys_created_idx').on('idempotency_keys').columns(['created_at']).execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('idempotency_keys').execute();
      await db.schema.dropTable('audit_events').execute();
    },
  };
}
