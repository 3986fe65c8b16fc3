import type { Insertable, Updateable } from 'kysely';
import { type Executor, toCount } from './executor.ts';
import type { ResourceConfigurationRow, ResourceConfigurationTable } from './schema.ts';

const COLUMNS = ['resource_id', 'environment_id', 'options', 'secrets', 'created_at', 'updated_at'] as const;

export class ResourceConfigurationRepository {
  constructor(private readonly db: Executor) {}

  listForResource(resourceId: string): Promise<ResourceConfigurationRow[]> {
    return this.db.selectFrom('resource_configurations').select(COLUMNS).where('resource_id', '=', resourceId).execute();
  }

  get(resourceId: string, environmentId: string): Promise<ResourceConfigurationRow | undefined> {
    return this.db
      .selectFrom('resource_configurations')
      .select(COLUMNS)
      .where('resource_id', '=', resourceId)
      .where('environment_id', '=', environmentId)
      .executeTakeFirst();
  }

  async create(row: Insertable<ResourceConfigurationTable>): Promise<void> {
    await this.db.insertInto('resource_configurations').values(row).execute();
  }

  async update(resourceId: string, environmentId: string, changes: Updateable<ResourceConfigurationTable>): Promise<void> {
    await this.db
      .updateTable('resource_configurations')
      .set(changes)
      .where('resource_id', '=', resourceId)
      .where('environment_id', '=', environmentId)
      .execute();
  }

  /** True when a configuration was removed. */
  async delete(resourceId: string, environmentId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('resource_configurations')
      .where('resource_id', '=', resourceId)
      .where('environment_id', '=', environmentId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async countForEnvironment(environmentId: string): Promise<number> {
    const row = await this.db
      .selectFrom('resource_configurations')
      .select((eb) => eb.fn.countAll().as('count'))
      .where('environment_id', '=', environmentId)
      .executeTakeFirst();
    return toCount(row?.count as string | number | undefined);
  }
}
