import type { Dialect } from './database.ts';
import { type Executor, type RowLock, toCount, withLock } from './executor.ts';
import type { Insertable, Updateable } from 'kysely';
import { deleteGrantsOfObject } from './permission.repository.ts';
import type { WorkflowRow, WorkflowTable } from './schema.ts';

export class WorkflowRepository {
  constructor(
    private readonly db: Executor,
    private readonly dialect: Dialect,
  ) {}

  /** One page of the workspace's workflows, oldest first. */
  list(workspaceId: string, offset: number, limit: number): Promise<WorkflowRow[]> {
    return this.db
      .selectFrom('workflows')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('created_at')
      .orderBy('id')
      .offset(offset)
      .limit(limit)
      .execute();
  }

  async count(workspaceId: string): Promise<number> {
    const row = await this.db
      .selectFrom('workflows')
      .select((eb) => eb.fn.countAll().as('count'))
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
    return toCount(row?.count as string | number | undefined);
  }

  get(workspaceId: string, id: string, lock?: RowLock): Promise<WorkflowRow | undefined> {
    const query = this.db.selectFrom('workflows').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id);
    return withLock(query, this.dialect, lock).executeTakeFirst();
  }

  async create(row: Insertable<WorkflowTable>): Promise<void> {
    await this.db.insertInto('workflows').values(row).execute();
  }

  async update(id: string, changes: Updateable<WorkflowTable>): Promise<void> {
    await this.db.updateTable('workflows').set(changes).where('id', '=', id).execute();
  }

  /** Deletes the workflow and the grants on it. */
  async delete(id: string): Promise<void> {
    await deleteGrantsOfObject(this.db, 'workflow', id);
    await this.db.deleteFrom('workflows').where('id', '=', id).execute();
  }
}
