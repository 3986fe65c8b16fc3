import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * A workspace's members in the order they joined, as the member listing pages them: the
 * index covers the page's ids, so a page reads 100 index entries instead of sorting every
 * member, and a page near the end is read backwards from the last entry.
 */
export function memberListing(_dialect: Dialect) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createIndex('memberships_workspace_joined_idx')
        .on('memberships')
        .columns(['workspace_id', 'created_at', 'user_id'])
        .execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropIndex('memberships_workspace_joined_idx').execute();
    },
  };
}
