import type { Insertable } from 'kysely';
import type { Executor } from './executor.ts';
import type { AppVersionRow, AppVersionTable } from './schema.ts';

export type AppVersionSummary = Pick<AppVersionRow, 'id' | 'app_id' | 'name' | 'created_at'>;

/** An app's versions, oldest first: by creation time, then id so ties still have one order. */
export class AppVersionRepository {
  constructor(private readonly db: Executor) {}

  async create(rows: Insertable<AppVersionTable>[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.insertInto('app_versions').values(rows).execute();
  }

  /** Every version of every app of the workspace, without definitions, in one query. */
  listSummaries(workspaceId: string): Promise<AppVersionSummary[]> {
    return this.db
      .selectFrom('app_versions')
      .innerJoin('apps', 'apps.id', 'app_versions.app_id')
      .select(['app_versions.id', 'app_versions.app_id', 'app_versions.name', 'app_versions.created_at'])
      .where('apps.workspace_id', '=', workspaceId)
      .orderBy('app_versions.created_at')
      .orderBy('app_versions.id')
      .execute();
  }

  /** Every version of one app, without definitions. */
  summariesOf(appId: string): Promise<AppVersionSummary[]> {
    return this.db
      .selectFrom('app_versions')
      .select(['id', 'app_id', 'name', 'created_at'])
      .where('app_id', '=', appId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  /** Every version of the app, with its definition. */
  list(appId: string): Promise<AppVersionRow[]> {
    return this.db
      .selectFrom('app_versions')
      .selectAll()
      .where('app_id', '=', appId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  /** Removes every version of the app. */
  async deleteOf(appId: string): Promise<void> {
    await this.db.deleteFrom('app_versions').where('app_id', '=', appId).execute();
  }

  getNewest(appId: string): Promise<AppVersionRow | undefined> {
    return this.db
      .selectFrom('app_versions')
      .selectAll()
      .where('app_id', '=', appId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  getByName(appId: string, name: string): Promise<AppVersionRow | undefined> {
    return this.db.selectFrom('app_versions').selectAll().where('app_id', '=', appId).where('name', '=', name).executeTakeFirst();
  }

  /**
   * The user id of the workspace's longest-standing admin whose membership and account are
   * both active, or undefined when it has none. Imported apps are created in their name.
   */
  async oldestActiveAdmin(workspaceId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select('memberships.user_id')
      .where('memberships.workspace_id', '=', workspaceId)
      .where('memberships.role', '=', 'admin')
      .where('memberships.status', '=', 'active')
      .where('users.status', '=', 'active')
      .orderBy('memberships.created_at')
      .orderBy('memberships.user_id')
      .limit(1)
      .executeTakeFirst();
    return row?.user_id;
  }
}
