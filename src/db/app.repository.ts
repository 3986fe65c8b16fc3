import { type Executor, toCount } from './executor.ts';
import type { Insertable, Updateable } from 'kysely';
import { deleteGrantsOfObject } from './permission.repository.ts';
import type { AppRow, AppTable } from './schema.ts';

/** An app with its creator's current email. */
export interface AppWithCreator extends AppRow {
  created_by_email: string;
}

export class AppRepository {
  constructor(private readonly db: Executor) {}

  private withCreator(workspaceId: string) {
    return this.db
      .selectFrom('apps')
      .innerJoin('users', 'users.id', 'apps.created_by')
      .selectAll('apps')
      .select('users.email as created_by_email')
      .where('apps.workspace_id', '=', workspaceId);
  }

  list(workspaceId: string, offset: number, limit: number): Promise<AppWithCreator[]> {
    return this.withCreator(workspaceId)
      .orderBy('apps.created_at')
      .orderBy('apps.id')
      .offset(offset)
      .limit(limit)
      .execute();
  }

  /** Every app of the workspace, oldest first. */
  listAll(workspaceId: string): Promise<AppRow[]> {
    return this.db.selectFrom('apps').selectAll().where('workspace_id', '=', workspaceId).orderBy('created_at').orderBy('id').execute();
  }

  /** Whether an app of the workspace has exactly this name. */
  async nameTaken(workspaceId: string, name: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('apps')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('name', '=', name)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  async count(workspaceId: string): Promise<number> {
    const row = await this.db
      .selectFrom('apps')
      .select((eb) => eb.fn.countAll().as('count'))
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
    return toCount(row?.count as string | number | undefined);
  }

  get(workspaceId: string, id: string): Promise<AppWithCreator | undefined> {
    return this.withCreator(workspaceId).where('apps.id', '=', id).executeTakeFirst();
  }

  async create(row: Insertable<AppTable>): Promise<void> {
    await this.db.insertInto('apps').values(row).execute();
  }

  async update(
    id: string,
    changes: Updateable<AppTable>,
  ): Promise<void> {
    await this.db.updateTable('apps').set(changes).where('id', '=', id).execute();
  }

  /** Deletes the app; its resource links go with it (ON DELETE CASCADE), and its grants. */
  async delete(id: string): Promise<void> {
    await deleteGrantsOfObject(this.db, 'app', id);
    await this.db.deleteFrom('apps').where('id', '=', id).execute();
  }

  /** The resource ids each given app uses, in one query. */
  async resourceIdsOf(appIds: string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>(appIds.map((id) => [id, []]));
    if (appIds.length === 0) return result;
    const rows = await this.db
      .selectFrom('app_resources')
      .select(['app_id', 'resource_id'])
      .where('app_id', 'in', appIds)
      .orderBy('resource_id')
      .execute();
    for (const row of rows) result.get(row.app_id)?.push(row.resource_id);
    return result;
  }

  async setResources(appId: string, resourceIds: string[]): Promise<void> {
    await this.db.deleteFrom('app_resources').where('app_id', '=', appId).execute();
    if (resourceIds.length === 0) return;
    await this.db
      .insertInto('app_resources')
      .values(resourceIds.map((resourceId) => ({ app_id: appId, resource_id: resourceId })))
      .execute();
  }
}
