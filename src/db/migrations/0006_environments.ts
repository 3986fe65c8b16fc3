import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../database.ts';
import { columnTypes } from './columns.ts';

/** The environments every workspace starts with; the last is the default. Kept here as shipped. */
const STARTING_ENVIRONMENTS = [
  { name: 'development', color: '#22c55e', isDefault: false },
  { name: 'staging', color: '#f59e0b', isDefault: false },
  { name: 'production', color: '#3b82f6', isDefault: true },
];

/** Environments per workspace, each resource's per-environment configuration, and the starting three everywhere. */
export function environments(dialect: Dialect) {
  const t = columnTypes(dialect);
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('environments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('color', 'text')
        .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('environments_workspace_name_key').on('environments').columns(['workspace_id', 'name']).unique().execute();
      // At most one default per workspace, whatever races between requests.
      await db.schema
        .createIndex('environments_workspace_default_key')
        .on('environments')
        .column('workspace_id')
        .unique()
        .where(sql<boolean>`is_default = 1`)
        .execute();

      await db.schema
        .createTable('resource_configurations')
        .addColumn('resource_id', 'text', (c) => c.notNull().references('resources.id').onDelete('cascade'))
        .addColumn('environment_id', 'text', (c) => c.notNull().references('environments.id').onDelete('cascade'))
        .addColumn('options', t.json, (c) => c.notNull().defaultTo(t.emptyJsonObject))
        .addColumn('secrets', t.json, (c) => c.notNull().defaultTo(t.emptyJsonObject))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('resource_configurations_pkey', ['resource_id', 'environment_id'])
        .execute();
      await db.schema.createIndex('resource_configurations_environment_idx').on('resource_configurations').column('environment_id').execute();

      // A millisecond apart, so lists (oldest first) show them in this order.
      const at = Date.now();
      const workspaces = await db.selectFrom('workspaces').select('id').execute();
      for (const workspace of workspaces) {
        await db.insertInto('environments').values(STARTING_ENVIRONMENTS.map((environment, index) => {
          const stamp = new Date(at + index).toISOString();
          return {
            id: randomUUID(), workspace_id: workspace.id, name: environment.name, description: '',
            color: environment.color, is_default: environment.isDefault ? 1 : 0, created_at: stamp, updated_at: stamp,
          };
        })).execute();
      }
    },

    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('resource_configurations').execute();
      await db.schema.dropTable('environments').execute();
    },
  };
}
