import type { Executor } from './executor.ts';
import type { MembershipRow, UserRow, WorkspaceRow } from './schema.ts';

/** A membership with its workspace's name, as an account lists them. */
export interface AccountMembershipRow {
  user_id: string;
  workspace_id: string;
  workspace_name: string;
  workspace_status: string;
  role: MembershipRow['role'];
  status: MembershipRow['status'];
  invite_nonce: string | null;
}

/** A group of some workspace that a user belongs to. */
export interface AccountGroupRow {
  user_id: string;
  workspace_id: string;
  uuid: string;
  name: string;
}

export interface AccountFilter {
  statuses?: string[];
  /** Users in a group of one of these names, holding a role of one of these names, or (`all_users`) any member. */
  groupNames?: string[];
}

/** Instance-wide reads and writes about accounts across workspaces. */
export class AccountRepository {
  constructor(private readonly db: Executor) {}

  /**
   * Accounts matching `filter`, oldest first (then by id); with `after` and `limit`, the
   * `limit` accounts that follow `after` in that order (a keyset page).
   */
  listUsers(filter: AccountFilter, after?: Pick<UserRow, 'created_at' | 'id'>, limit?: number): Promise<UserRow[]> {
    let query = this.db.selectFrom('users').selectAll();
    if (after) {
      query = query.where((eb) => eb.or([
        eb('created_at', '>', after.created_at),
        eb.and([eb('created_at', '=', after.created_at), eb('id', '>', after.id)]),
      ]));
    }
    if (limit !== undefined) query = query.limit(limit);
    if (filter.statuses?.length) query = query.where('status', 'in', filter.statuses as UserRow['status'][]);
    const names = filter.groupNames;
    if (names?.length) {
      query = query.where((eb) => eb.or([
        // `all_users` is the group every member of a workspace is in.
        ...(names.includes('all_users')
          ? [eb.exists(eb.selectFrom('memberships').select('memberships.user_id').whereRef('memberships.user_id', '=', 'users.id'))]
          : []),
        eb.exists(eb.selectFrom('group_members')
          .innerJoin('groups', 'groups.id', 'group_members.group_id')
          .select('group_members.user_id')
          .whereRef('group_members.user_id', '=', 'users.id')
          .where('groups.name', 'in', names)),
        eb.exists(eb.selectFrom('memberships')
          .select('memberships.user_id')
          .whereRef('memberships.user_id', '=', 'users.id')
          .where('memberships.role', 'in', names as MembershipRow['role'][])),
      ]));
    }
    return query.orderBy('created_at').orderBy('id').execute();
  }

  /** Every membership of the given users, oldest first per user. */
  membershipsOf(userIds: string[]): Promise<AccountMembershipRow[]> {
    return inChunks(userIds, (ids) => this.db
      .selectFrom('memberships')
      .innerJoin('workspaces', 'workspaces.id', 'memberships.workspace_id')
      .select([
        'memberships.user_id', 'memberships.workspace_id', 'workspaces.name as workspace_name', 'workspaces.status as workspace_status',
        'memberships.role', 'memberships.status', 'memberships.invite_nonce',
      ])
      .where('memberships.user_id', 'in', ids)
      .orderBy('memberships.created_at')
      .orderBy('workspaces.name')
      .execute());
  }

  /** Every group membership of the given users. */
  groupsOf(userIds: string[]): Promise<AccountGroupRow[]> {
    return inChunks(userIds, (ids) => this.db
      .selectFrom('group_members')
      .innerJoin('groups', 'groups.id', 'group_members.group_id')
      .select(['group_members.user_id', 'groups.workspace_id', 'groups.uuid', 'groups.name'])
      .where('group_members.user_id', 'in', ids)
      .orderBy('groups.id')
      .execute());
  }

  /** Groups of the workspace whose uuid or name is among those given. */
  findGroups(workspaceId: string, uuids: string[], names: string[]): Promise<Array<{ id: number; uuid: string; name: string }>> {
    if (uuids.length === 0 && names.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('groups')
      .select(['id', 'uuid', 'name'])
      .where('workspace_id', '=', workspaceId)
      .where((eb) => eb.or([
        ...(uuids.length ? [eb('uuid', 'in', uuids)] : []),
        ...(names.length ? [eb('name', 'in', names)] : []),
      ]))
      .execute();
  }

  /** Makes the user's groups in the workspace exactly `groupIds`. */
  async setGroups(workspaceId: string, userId: string, groupIds: number[], at: string): Promise<void> {
    await this.db
      .deleteFrom('group_members')
      .where('user_id', '=', userId)
      .where('group_id', 'in', (eb) => eb.selectFrom('groups').select('id').where('workspace_id', '=', workspaceId))
      .execute();
    if (groupIds.length === 0) return;
    await this.db
      .insertInto('group_members')
      .values([...new Set(groupIds)].map((groupId) => ({ group_id: groupId, user_id: userId, created_at: at })))
      .execute();
  }

  listActiveWorkspaces(): Promise<WorkspaceRow[]> {
    return this.db.selectFrom('workspaces').selectAll().where('status', '=', 'active').orderBy('created_at').orderBy('name').execute();
  }

  /** Groups of the given workspaces, in one query. */
  groupsOfWorkspaces(workspaceIds: string[]): Promise<Array<{ workspace_id: string; uuid: string; name: string }>> {
    if (workspaceIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('groups')
      .select(['workspace_id', 'uuid', 'name'])
      .where('workspace_id', 'in', workspaceIds)
      .orderBy('id')
      .execute();
  }

  /** Names of the workspace's apps the user created. */
  async appsCreatedBy(workspaceId: string, userId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('apps')
      .select('name')
      .where('workspace_id', '=', workspaceId)
      .where('created_by', '=', userId)
      .orderBy('name')
      .execute();
    return rows.map((row) => row.name);
  }
}

/**
 * Both databases cap the parameters of one statement (SQLite at 32,766, PostgreSQL at
 * 65,535), so long id lists are queried in slices, one query per slice, in order.
 */
const CHUNK = 5_000;

async function inChunks<T>(ids: string[], query: (slice: string[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (let start = 0; start < ids.length; start += CHUNK) rows.push(...(await query(ids.slice(start, start + CHUNK))));
  return rows;
}
