import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Dialect } from './database.ts';
import { type Executor, type RowLock, withLock } from './executor.ts';
import type { ConfigurationVariableTable, ConfigurationVariableValueTable, Database } from './schema.ts';

export type ConfigurationVariableRow = Selectable<Database['configuration_variables']>;
export type ConfigurationVariableValueRow = Selectable<Database['configuration_variable_values']>;

const COLUMNS = ['id', 'workspace_id', 'name', 'description', 'secret', 'created_at', 'updated_at'] as const;

export class ConfigurationVariableRepository {
  constructor(
    private readonly db: Executor,
    private readonly dialect: Dialect,
  ) {}

  /** The workspace's variables, by name. */
  list(workspaceId: string): Promise<ConfigurationVariableRow[]> {
    return this.db.selectFrom('configuration_variables').select(COLUMNS).where('workspace_id', '=', workspaceId).orderBy('name').execute();
  }

  get(workspaceId: string, id: string, lock?: RowLock): Promise<ConfigurationVariableRow | undefined> {
    const query = this.db.selectFrom('configuration_variables').select(COLUMNS).where('workspace_id', '=', workspaceId).where('id', '=', id);
    return withLock(query, this.dialect, lock).executeTakeFirst();
  }

  /** The values of the variables, in the order they were given. */
  valuesOf(variableIds: readonly string[]): Promise<ConfigurationVariableValueRow[]> {
    if (variableIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('configuration_variable_values')
      .select(['variable_id', 'environment_id', 'value', 'position'])
      .where('variable_id', 'in', variableIds)
      .orderBy('variable_id').orderBy('position')
      .execute();
  }

  async create(row: Insertable<ConfigurationVariableTable>): Promise<void> {
    await this.db.insertInto('configuration_variables').values(row).execute();
  }

  async update(id: string, changes: Updateable<ConfigurationVariableTable>): Promise<void> {
    await this.db.updateTable('configuration_variables').set(changes).where('id', '=', id).execute();
  }

  /** Replaces every value of the variable. */
  async replaceValues(variableId: string, values: Insertable<ConfigurationVariableValueTable>[]): Promise<void> {
    await this.db.deleteFrom('configuration_variable_values').where('variable_id', '=', variableId).execute();
    if (values.length > 0) await this.db.insertInto('configuration_variable_values').values(values).execute();
  }

  /** Deletes the variable and its values (ON DELETE CASCADE). */
  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('configuration_variables').where('id', '=', id).execute();
  }
}
