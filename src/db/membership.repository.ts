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

  /** The roles of those of the users who are members of the workspace, by user id; `lock` holds their rows. */
  async rolesOf(workspaceId: string, userIds: readonly string[], lock?: RowLock): Promise<Map<string, MembershipRow['role']>> {
    const roles = new Map<string, MembershipRow['role']>();
    for (let index = 0; index < userIds.length; index += ROLES_CHUNK) {
      const query = this.db.selectFrom('memberships').select(['user_id', 'role'])
        .where('workspace_id', '=', workspaceId).where('user_id', 'in', userIds.slice(index, index + ROLES_CHUNK));
      for (const row of await withLock(query, this.dialect, lock).execute()) roles.set(row.user_id, row.role);
    }
    return roles;
  }

  /** Inserts memberships, a chunk of rows per statement. */
  async createMany(rows: readonly Insertable<MembershipTable>[]): Promise<void> {
    for (let index = 0; index < rows.length; index += INSERT_CHUNK) {
      await this.db.insertInto('memberships').values(rows.slice(index, index + INSERT_CHUNK)).execute();
    }
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

/**
 * How many memberships the workspace has, whatever their role or status: the sum of the
 * counter rows the memberships' triggers keep (migration 0015), never a count of the rows.
 */
export async function countMemberships(db: Executor, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom('workspace_member_counts')
    .select((eb) => eb.fn.sum<string | number>('members').as('count'))
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  return toCount(row?.count ?? undefined);
}

const INSERT_MEMBERSHIP = new PreparedInsert('memberships');

/** User ids per lookup and rows per insert: well under either database's limit on bound parameters. */
const ROLES_CHUNK = 1000;
const INSERT_CHUNK = 100;
