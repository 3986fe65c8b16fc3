import type { Dialect } from './database.ts';
import { type Executor, type RowLock, withLock } from './executor.ts';
import type { Insertable, Updateable } from 'kysely';
import { deleteGrantsOfObject } from './permission.repository.ts';
import type { FolderRow, FolderTable } from './schema.ts';

export class FolderRepository {
  constructor(
    private readonly db: Executor,
    private readonly dialect: Dialect,
  ) {}

  list(workspaceId: string, folderType?: FolderRow['folder_type']): Promise<FolderRow[]> {
    let query = this.db.selectFrom('folders').selectAll().where('workspace_id', '=', workspaceId);
    if (folderType) query = query.where('folder_type', '=', folderType);
    return query.orderBy('created_at').orderBy('id').execute();
  }

  get(workspaceId: string, id: string, lock?: RowLock): Promise<FolderRow | undefined> {
    const query = this.db.selectFrom('folders').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id);
    return withLock(query, this.dialect, lock).executeTakeFirst();
  }

  async create(row: Insertable<FolderTable>): Promise<void> {
    await this.db.insertInto('folders').values(row).execute();
  }

  async update(id: string, changes: Updateable<FolderTable>): Promise<void> {
    await this.db.updateTable('folders').set(changes).where('id', '=', id).execute();
  }

  /** Deletes the folder and the grants on it. */
  async delete(id: string): Promise<void> {
    await deleteGrantsOfObject(this.db, 'folder', id);
    await this.db.deleteFrom('folders').where('id', '=', id).execute();
  }

  /** Whether anything (a subfolder, an app, a resource or a workflow) sits in the folder. */
  async hasContents(id: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('folders')
      .select('id')
      .where('parent_id', '=', id)
      .unionAll((eb) => eb.selectFrom('apps').select('id').where('folder_id', '=', id))
      .unionAll((eb) => eb.selectFrom('resources').select('id').where('folder_id', '=', id))
      .unionAll((eb) => eb.selectFrom('workflows').select('id').where('folder_id', '=', id))
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }
}
