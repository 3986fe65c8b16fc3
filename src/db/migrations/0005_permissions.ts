import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { columnTypes } from './columns.ts';

/** Workflows, and the grants of access levels on apps, resources, folders and workflows. */
export function permissions(dialect: Dialect) {
  const t = columnTypes(dialect);
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('workflows')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('folder_id', 'text', (c) => c.references('folders.id'))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addUniqueConstraint('workflows_workspace_name_key', ['workspace_id', 'name'])
        .execute();
      await db.schema.createIndex('workflows_workspace_idx').on('workflows').columns(['workspace_id', 'created_at']).execute();
      await db.schema.createIndex('workflows_folder_idx').on('workflows').column('folder_id').execute();

      // Subjects and objects live in several tables, so only the workspace can be a foreign
      // key; the repositories that delete a subject or an object delete its grants with it.
      await t
        .serialId(db.schema.createTable('permission_grants'))
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('subject_type', 'text', (c) => c.notNull())
        .addColumn('subject_id', 'text', (c) => c.notNull())
        .addColumn('object_type', 'text', (c) => c.notNull())
        .addColumn('object_id', 'text', (c) => c.notNull())
        .addColumn('access_level', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addUniqueConstraint('permission_grants_subject_object_key', ['workspace_id', 'subject_type', 'subject_id', 'object_type', 'object_id'])
        .execute();
      await db.schema.createIndex('permission_grants_subject_idx').on('permission_grants').columns(['subject_type', 'subject_id']).execute();
      await db.schema.createIndex('permission_grants_object_idx').on('permission_grants').columns(['object_type', 'object_id']).execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('permission_grants').execute();
      await db.schema.dropTable('workflows').execute();
    },
  };
}
