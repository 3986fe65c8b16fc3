import type { Dialect } from './database.ts';
import { type Executor, type RowLock, toCount, withLock } from './executor.ts';
import type { Insertable, Updateable } from 'kysely';
import { deleteGrantsOfSubject } from './permission.repository.ts';
import { PreparedInsert } from './prepared-query.ts';
import type { MembershipRow, MembershipTable } from './schema.ts';

export class MembershipRepository {
  constructor(
    private readonly db: Executor,
    private readonly dialect: Dialect,
  ) {}

  get(workspaceId: string, userId: string, lock?: RowLock): Promise<MembershipRow | undefined> {
    const query = this.db
      .selectFrom('memberships')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', userId);
    return withLock(query, this.dialect, lock).executeTakeFirst();
  }

  async create(row: Insertable<MembershipTable>): Promise<void> {
    await INSERT_MEMBERSHIP.execute(this.db, this.dialect, row);
  }

  async update(
    workspaceId: string,
    userId: string,
    changes: Updateable<MembershipTable>,
  ): Promise<void> {
    await this.db
      .updateTable('memberships')
      .set(changes)
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', userId)
      .execute();
  }

  /** Deletes the membership and the grants the user holds in the workspace. */
  async delete(workspaceId: string, userId: string): Promise<void> {
    await deleteGrantsOfSubject(this.db, workspaceId, 'user', userId);
    await this.db
      .deleteFrom('memberships')
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', userId)
      .execute();
  }

  /** Counts the workspace's active admins other than `exceptUserId`. */
  async countOtherActiveAdmins(workspaceId: string, exceptUserId: string): Promise<number> {
    const row = await this.db
      .selectFrom('memberships')
      .select((eb) => eb.fn.countAll().as('count'))
      .where('workspace_id', '=', workspaceId)
      .where('role', '=', 'admin')
      .where('status', '=', 'active')
      .where('user_id', '!=', exceptUserId)
      .executeTakeFirst();
    return toCount(row?.count as string | number | undefined);
  }

  /** Whether the user belongs to any workspace other than `workspaceId`. */
  async hasOtherWorkspaces(userId: string, workspaceId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('memberships')
      .select('workspace_id')
      .where('user_id', '=', userId)
      .where('workspace_id', '!=', workspaceId)
      .executeTakeFirst();
    return row !== undefined;
  }
}

const INSERT_MEMBERSHIP = new PreparedInsert('memberships');
