import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { columnTypes } from './columns.ts';

/**
 * What Retool's API v2 needs beyond the shared model: small integer ids for objects whose
 * own ids are UUIDs (users' `legacy_id`, folders' `<type>_<n>`), ids of per-environment
 * resource configurations, a group's Retool access settings, a member's free-form
 * metadata, which dialect made each audited write, and configuration variables: a value
 * per environment, sealed when the variable is secret; and a workspace's Retool-only settings
 * (SSO and source control configuration), their secrets sealed.
 */
export function retoolV2(dialect: Dialect) {
  const t = columnTypes(dialect);
  return {
    async up(db: Kysely<any>): Promise<void> {
      await t.serialId(db.schema.createTable('retool_legacy_ids'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('local_id', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('retool_legacy_ids_kind_local_key').on('retool_legacy_ids').columns(['kind', 'local_id']).unique().execute();

      await db.schema
        .createTable('retool_resource_configuration_ids')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('resource_id', 'text', (c) => c.notNull().references('resources.id').onDelete('cascade'))
        .addColumn('environment_id', 'text', (c) => c.notNull().references('environments.id').onDelete('cascade'))
        .execute();
      await db.schema.createIndex('retool_resource_configuration_ids_pair_key')
        .on('retool_resource_configuration_ids').columns(['resource_id', 'environment_id']).unique().execute();
      await db.schema.createIndex('retool_resource_configuration_ids_environment_idx')
        .on('retool_resource_configuration_ids').column('environment_id').execute();

      await db.schema
        .createTable('retool_group_settings')
        .addColumn('group_id', 'integer', (c) => c.primaryKey().references('groups.id').onDelete('cascade'))
        .addColumn('settings', t.json, (c) => c.notNull().defaultTo(t.emptyJsonObject))
        .execute();

      await db.schema
        .createTable('retool_user_metadata')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('metadata', t.json, (c) => c.notNull().defaultTo(t.emptyJsonObject))
        .addPrimaryKeyConstraint('retool_user_metadata_pkey', ['workspace_id', 'user_id'])
        .execute();
      await db.schema.createIndex('retool_user_metadata_user_idx').on('retool_user_metadata').column('user_id').execute();

      await db.schema.alterTable('audit_events').addColumn('source', 'text').execute();

      await db.schema
        .createTable('configuration_variables')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('secret', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('configuration_variables_workspace_name_key')
        .on('configuration_variables').columns(['workspace_id', 'name']).unique().execute();
      await db.schema
        .createTable('configuration_variable_values')
        .addColumn('variable_id', 'text', (c) => c.notNull().references('configuration_variables.id').onDelete('cascade'))
        .addColumn('environment_id', 'text', (c) => c.notNull().references('environments.id').onDelete('cascade'))
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('configuration_variable_values_pkey', ['variable_id', 'environment_id'])
        .execute();
      await db.schema.createIndex('configuration_variable_values_environment_idx')
        .on('configuration_variable_values').column('environment_id').execute();

      await db.schema
        .createTable('retool_settings')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('settings', t.json, (c) => c.notNull().defaultTo(t.emptyJsonObject))
        .addColumn('secrets', t.json, (c) => c.notNull().defaultTo(t.emptyJsonObject))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('retool_settings_pkey', ['workspace_id', 'kind'])
        .execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('retool_settings').execute();
      await db.schema.dropTable('configuration_variable_values').execute();
      await db.schema.dropTable('configuration_variables').execute();
      await db.schema.alterTable('audit_events').dropColumn('source').execute();
      await db.schema.dropTable('retool_user_metadata').execute();
      await db.schema.dropTable('retool_group_settings').execute();
      await db.schema.dropTable('retool_resource_configuration_ids').execute();
      await db.schema.dropTable('retool_legacy_ids').execute();
    },
  };
}
