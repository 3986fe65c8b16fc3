import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { columnTypes } from './columns.ts';

/** Workspace email domains, user attribute definitions and values, and invites. */
export function invitesAttributes(dialect: Dialect) {
  const t = columnTypes(dialect);
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('workspaces').addColumn('domains', t.json, (c) => c.notNull().defaultTo(t.emptyJsonArray)).execute();
      await db.schema.alterTable('memberships').addColumn('attributes', t.json, (c) => c.notNull().defaultTo(t.emptyJsonObject)).execute();

      await db.schema
        .createTable('user_attribute_definitions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('data_type', 'text', (c) => c.notNull())
        .addColumn('default_value', t.json)
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addUniqueConstraint('user_attribute_definitions_workspace_name_key', ['workspace_id', 'name'])
        .execute();

      await db.schema
        .createTable('invites')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('group_ids', t.json, (c) => c.notNull().defaultTo(t.emptyJsonArray))
        .addColumn('attributes', t.json, (c) => c.notNull().defaultTo(t.emptyJsonObject))
        .addColumn('external', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('expires_at', t.timestamp, (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('accepted_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('accepted_at', t.timestamp)
        .addColumn('revoked_at', t.timestamp)
        .addColumn('send_attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_sent_at', t.timestamp)
        .addColumn('send_error', 'text')
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('invites_workspace_idx').on('invites').columns(['workspace_id', 'status', 'created_at']).execute();
      await db.schema.createIndex('invites_workspace_email_idx').on('invites').columns(['workspace_id', 'email']).execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('invites').execute();
      await db.schema.dropTable('user_attribute_definitions').execute();
      await db.schema.alterTable('memberships').dropColumn('attributes').execute();
      await db.schema.alterTable('workspaces').dropColumn('domains').execute();
    },
  };
}
