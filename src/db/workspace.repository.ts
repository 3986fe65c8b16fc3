import type { Dialect } from './database.ts';
import type { Executor } from './executor.ts';
import type { Insertable, Updateable } from 'kysely';
import type { WorkspaceRow, WorkspaceTable } from './schema.ts';

export class WorkspaceRepository {
  constructor(
    private readonly db: Executor,
    private readonly dialect: Dialect,
  ) {}

  /**
   * Serialises rule checks that span several rows of one workspace (the last active admin)
   * until the surrounding transaction ends. PostgreSQL locks the workspace row; SQLite
   * already runs one write transaction at a time, so it needs nothing.
   */
  async lock(id: string): Promise<void> {
    if (this.dialect === 'postgres') {
      await this.db.selectFrom('workspaces').select('id').where('id', '=', id).forUpdate().execute();
    }
  }

  get(id: string): Promise<WorkspaceRow | undefined> {
    return this.db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();
  }

  getByName(name: string): Promise<WorkspaceRow | undefined> {
    return this.db.selectFrom('workspaces').selectAll().where('name', '=', name).executeTakeFirst();
  }

  async create(row: Insertable<WorkspaceTable>): Promise<void> {
    await this.db.insertInto('workspaces').values(row).execute();
  }

  async update(id: string, changes: Updateable<WorkspaceTable>): Promise<void> {
    await this.db.updateTable('workspaces').set(changes).where('id', '=', id).execute();
  }
}
