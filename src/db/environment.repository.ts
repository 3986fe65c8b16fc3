import type { Insertable, Updateable } from 'kysely';
import type { Dialect } from './database.ts';
import { type Executor, type RowLock, toCount, withLock } from './executor.ts';
import type { EnvironmentRow, EnvironmentTable } from './schema.ts';

const COLUMNS = ['id', 'workspace_id', 'name', 'description', 'color', 'is_default', 'created_at', 'updated_at'] as const;

export class EnvironmentRepository {
  constructor(
    private readonly db: Executor,
    private readonly dialect: Dialect,
  ) {}

  /** The workspace's environments, oldest first. */
  list(workspaceId: string): Promise<EnvironmentRow[]> {
    return this.db
      .selectFrom('environments')
      .select(COLUMNS)
      .where('workspace_id', '=', workspaceId)
      .orderBy('created_at')
      .orderBy('name')
      .execute();
  }

  get(workspaceId: string, id: string, lock?: RowLock): Promise<EnvironmentRow | undefined> {
    const query = this.db.selectFrom('environments').select(COLUMNS).where('workspace_id', '=', workspaceId).where('id', '=', id);
    return withLock(query, this.dialect, lock).executeTakeFirst();
  }

  async count(workspaceId: string): Promise<number> {
    const row = await this.db
      .selectFrom('environments')
      .select((eb) => eb.fn.countAll().as('count'))
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
    return toCount(row?.count as string | number | undefined);
  }

  async create(rows: Insertable<EnvironmentTable>[]): Promise<void> {
    if (rows.length > 0) await this.db.insertInto('environments').values(rows).execute();
  }

  async update(id: string, changes: Updateable<EnvironmentTable>): Promise<void> {
    await this.db.updateTable('environments').set(changes).where('id', '=', id).execute();
  }

  /** Makes no environment of the workspace the default, so that another can become it. */
  async clearDefault(workspaceId: string, at: string): Promise<void> {
    await this.db
      .updateTable('environments')
      .set({ is_default: 0, updated_at: at })
      .where('workspace_id', '=', workspaceId)
      .where('is_default', '=', 1)
      .execute();
  }

  /** Deletes the environment; its resource configurations go with it (ON DELETE CASCADE). */
  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('environments').where('id', '=', id).execute();
  }
}
