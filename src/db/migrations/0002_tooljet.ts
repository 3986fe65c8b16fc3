import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { columnTypes } from './columns.ts';

/**
 * What the ToolJet dialect needs: a default workspace per user, invitation link nonces on
 * memberships, app slugs, and app versions holding each version's definition.
 */
export function tooljet(dialect: Dialect) {
  const t = columnTypes(dialect);
  return {
    async up(db: Kysely<any>): Promise<void> {
      // No foreign key: SQLite cannot drop a referencing column, and `down` must work on both.
      await db.schema.alterTable('users').addColumn('default_workspace_id', 'text').execute();
      await db.schema.alterTable('memberships').addColumn('invite_nonce', 'text').execute();
      await db.schema.alterTable('apps').addColumn('slug', 'text').execute();
      await db.updateTable('apps').set((eb) => ({ slug: eb.ref('id') })).execute();
      await db.schema.createIndex('apps_slug_key').on('apps').column('slug').unique().execute();

      await db.schema
        .createTable('app_versions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('app_id', 'text', (c) => c.notNull().references('apps.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('definition', t.json, (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addUniqueConstraint('app_versions_app_name_key', ['app_id', 'name'])
        .execute();
      // Every app has at least one version: apps made before versions existed get an empty v1.
      const apps: Array<{ id: string; created_at: unknown }> = await db.selectFrom('apps').select(['id', 'created_at']).execute();
      for (const app of apps) {
        const at = new Date(app.created_at as string).toISOString();
        await db.insertInto('app_versions')
          .values({ id: randomUUID(), app_id: app.id, name: 'v1', definition: '{}', created_at: at, updated_at: at })
          .execute();
      }
    },

    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('app_versions').execute();
      await db.schema.dropIndex('apps_slug_key').execute();
      await db.schema.alterTable('apps').dropColumn('slug').execute();
      await db.schema.alterTable('memberships').dropColumn('invite_nonce').execute();
      await db.schema.alterTable('users').dropColumn('default_workspace_id').execute();
    },
  };
}
