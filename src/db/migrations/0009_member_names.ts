import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * The names a workspace gives a member whose account other workspaces share: null while the
 * workspace shows the account's own names. A workspace changes the account's names only when
 * the account belongs to it alone (core/account-boundary.ts).
 */
export function memberNames(_dialect: Dialect) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('memberships').addColumn('first_name', 'text').execute();
      await db.schema.alterTable('memberships').addColumn('last_name', 'text').execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('memberships').dropColumn('last_name').execute();
      await db.schema.alterTable('memberships').dropColumn('first_name').execute();
    },
  };
}
