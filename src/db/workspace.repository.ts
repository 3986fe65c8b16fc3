import type { Executor } from './executor.ts';
import type { Insertable } from 'kysely';
import type { WorkspaceRow, WorkspaceTable } from './schema.ts';

export class WorkspaceRepository {
  constructor(private readonly db: Executor) {}

  get(id: string): Promise<WorkspaceRow | undefined> {
    return this.db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();
  }

  getByName(name: string): Promise<WorkspaceRow | undefined> {
    return this.db.selectFrom('workspaces').selectAll().where('name', '=', name).executeTakeFirst();
  }

  async create(row: Insertable<WorkspaceTable>): Promise<void> {
    await this.db.insertInto('workspaces').values(row).execute();
  }
}
