import type { Dialect } from './database.ts';
import { type Executor, type RowLock, withLock } from './executor.ts';
import type { Insertable, Updateable } from 'kysely';
import { deleteGrantsOfObject } from './permission.repository.ts';
import type { ResourceRow, ResourceTable } from './schema.ts';

export class ResourceRepository {
  constructor(
    private readonly db: Executor,
    private readonly dialect: Dialect,
  ) {}

  list(workspaceId: string): Promise<ResourceRow[]> {
    return this.db
      .selectFrom('resources')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  get(workspaceId: string, id: string, lock?: RowLock): Promise<ResourceRow | undefined> {
    const query = this.db.selectFrom('resources').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id);
    return withLock(query, this.dialect, lock).executeTakeFirst();
  }

  /** The ids among `ids` that are resources of the workspace. */
  async existingIds(workspaceId: string, ids: string[], lock?: RowLock): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const query = this.db.selectFrom('resources').select('id').where('workspace_id', '=', workspaceId).where('id', 'in', ids);
    const rows = await withLock(query, this.dialect, lock).execute();
    return new Set(rows.map((row) => row.id));
  }

  async create(row: Insertable<ResourceTable>): Promise<void> {
    await this.db.insertInto('resources').values(row).execute();
  }

  async update(
    id: string,
    changes: Updateable<ResourceTable>,
  ): Promise<void> {
    await this.db.updateTable('resources').set(changes).where('id', '=', id).execute();
  }

  /** Deletes the resource and the grants on it. */
  async delete(id: string): Promise<void> {
    await deleteGrantsOfObject(this.db, 'resource', id);
    await this.db.deleteFrom('resources').where('id', '=', id).execute();
  }

  /** Names of the apps that use the resource. */
  async appsUsing(id: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('app_resources')
      .innerJoin('apps', 'apps.id', 'app_resources.app_id')
      .select('apps.name')
      .where('app_resources.resource_id', '=', id)
      .orderBy('apps.name')
      .execute();
    return rows.map((row) => row.name);
  }
}
