import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

/** Where each audited write came from: the client's address and user agent (null for local commands). */
export function auditClient(_dialect: Dialect) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('audit_events').addColumn('actor_address', 'text').execute();
      await db.schema.alterTable('audit_events').addColumn('actor_user_agent', 'text').execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('audit_events').dropColumn('actor_user_agent').execute();
      await db.schema.alterTable('audit_events').dropColumn('actor_address').execute();
    },
  };
}
