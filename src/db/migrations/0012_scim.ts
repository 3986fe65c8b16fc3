import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../database.ts';
import { columnTypes } from './columns.ts';

/**
 * What SCIM provisioning keeps. On a membership: the identity provider's `userName` (unique
 * in the workspace whatever its case; null shows the account's email), its `externalId`, and
 * the rest of the SCIM User the core model has no column for (`scim`, a JSON document). On a
 * group: its `externalId`. On a workspace: the role new SCIM members get.
 */
export function scim(dialect: Dialect) {
  const t = columnTypes(dialect);
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('memberships').addColumn('user_name', 'text').execute();
      await db.schema.alterTable('memberships').addColumn('external_id', 'text').execute();
      await db.schema.alterTable('memberships').addColumn('scim', t.json).execute();
      await sql`create unique index memberships_user_name_key on memberships (workspace_id, lower(user_name))`.execute(db);
      await db.schema.createIndex('memberships_external_id_idx').on('memberships').columns(['workspace_id', 'external_id']).execute();
      await db.schema.alterTable('groups').addColumn('external_id', 'text').execute();
      await sql`create index groups_name_lower_idx on groups (workspace_id, lower(name))`.execute(db);
      await db.schema.alterTable('workspaces').addColumn('scim_default_role', 'text', (c) => c.notNull().defaultTo('end-user')).execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('workspaces').dropColumn('scim_default_role').execute();
      await db.schema.dropIndex('groups_name_lower_idx').execute();
      await db.schema.alterTable('groups').dropColumn('external_id').execute();
      await db.schema.dropIndex('memberships_external_id_idx').execute();
      await db.schema.dropIndex('memberships_user_name_key').execute();
      await db.schema.alterTable('memberships').dropColumn('scim').execute();
      await db.schema.alterTable('memberships').dropColumn('external_id').execute();
      await db.schema.alterTable('memberships').dropColumn('user_name').execute();
    },
  };
}
