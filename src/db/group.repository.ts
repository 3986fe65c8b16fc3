import type { Dialect } from './database.ts';
import { type Executor, type RowLock, toCount, withLock } from './executor.ts';
import type { Insertable, Updateable } from 'kysely';
import { deleteGrantsOfSubject } from './permission.repository.ts';
import type { GroupRow, GroupTable } from './schema.ts';

export interface GroupRef {
  id: number;
  name: string;
}

export interface UserRef {
  id: string;
  email: string;
}

/** A user's membership of a group, as set-based changes name it. */
export interface GroupMemberPair {
  groupId: number;
  userId: string;
}

/** A pair as one string, for sets of pairs. */
export function pairKey(pair: GroupMemberPair): string {
  return `${pair.groupId} ${pair.userId}`;
}

export class GroupRepository {
  constructor(
    private readonly db: Executor,
    private readonly dialect: Dialect,
  ) {}

  list(workspaceId: string): Promise<GroupRow[]> {
    return this.db
      .selectFrom('groups')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('id')
      .execute();
  }

  get(workspaceId: string, id: number, lock?: RowLock): Promise<GroupRow | undefined> {
    const query = this.db.selectFrom('groups').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id);
    return withLock(query, this.dialect, lock).executeTakeFirst();
  }

  getByName(workspaceId: string, name: string): Promise<GroupRow | undefined> {
    return this.db
      .selectFrom('groups')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('name', '=', name)
      .executeTakeFirst();
  }

  async create(row: Insertable<GroupTable>): Promise<number> {
    const inserted = await this.db.insertInto('groups').values(row).returning('id').executeTakeFirstOrThrow();
    return inserted.id;
  }

  /** Inserts the groups, a chunk of rows per statement; their ids by uuid. A name taken fails the statement. */
  async createMany(rows: readonly Insertable<GroupTable>[]): Promise<Map<string, number>> {
    const ids = new Map<string, number>();
    for (const chunk of chunksOf(rows)) {
      for (const row of await this.db.insertInto('groups').values(chunk).returning(['uuid', 'id']).execute()) ids.set(row.uuid, row.id);
    }
    return ids;
  }

  /** The workspace's groups among `ids`, in id order (the order locks are taken in, so two callers cannot deadlock). */
  async getMany(workspaceId: string, ids: readonly number[], lock?: RowLock): Promise<GroupRow[]> {
    const rows: GroupRow[] = [];
    for (const chunk of chunksOf([...ids].sort((a, b) => a - b))) {
      const query = this.db.selectFrom('groups').selectAll().where('workspace_id', '=', workspaceId).where('id', 'in', chunk).orderBy('id');
      rows.push(...(await withLock(query, this.dialect, lock).execute()));
    }
    return rows;
  }

  async update(id: number, changes: Updateable<GroupTable>): Promise<void> {
    await this.db.updateTable('groups').set(changes).where('id', '=', id).execute();
  }

  /** Deletes the group; its member rows go with it (ON DELETE CASCADE), and its grants. */
  async delete(id: number): Promise<void> {
    const group = await this.db.selectFrom('groups').select('workspace_id').where('id', '=', id).executeTakeFirst();
    if (group) await deleteGrantsOfSubject(this.db, group.workspace_id, 'group', String(id));
    await this.db.deleteFrom('groups').where('id', '=', id).execute();
  }

  /** Members of each given group, in one query, oldest membership first. */
  async membersOf(groupIds: number[]): Promise<Map<number, UserRef[]>> {
    const result = new Map<number, UserRef[]>(groupIds.map((id) => [id, []]));
    if (groupIds.length === 0) return result;
    const rows = await this.db
      .selectFrom('group_members')
      .innerJoin('users', 'users.id', 'group_members.user_id')
      .select(['group_members.group_id', 'users.id', 'users.email'])
      .where('group_members.group_id', 'in', groupIds)
      .orderBy('group_members.created_at')
      .orderBy('users.id')
      .execute();
    for (const row of rows) result.get(row.group_id)?.push({ id: row.id, email: row.email });
    return result;
  }

  /** One page of a group's members, oldest membership first. */
  listMembers(groupId: number, offset: number, limit: number): Promise<UserRef[]> {
    return this.db
      .selectFrom('group_members')
      .innerJoin('users', 'users.id', 'group_members.user_id')
      .select(['users.id', 'users.email'])
      .where('group_members.group_id', '=', groupId)
      .orderBy('group_members.created_at')
      .orderBy('users.id')
      .offset(offset)
      .limit(limit)
      .execute();
  }

  async countMembers(groupId: number): Promise<number> {
    const row = await this.db
      .selectFrom('group_members')
      .select((eb) => eb.fn.countAll().as('count'))
      .where('group_id', '=', groupId)
      .executeTakeFirst();
    return toCount(row?.count as string | number | undefined);
  }

  /** The workspace's groups each given user belongs to, in one query. */
  async groupsOfUsers(workspaceId: string, userIds: string[]): Promise<Map<string, GroupRef[]>> {
    const result = new Map<string, GroupRef[]>(userIds.map((id) => [id, []]));
    if (userIds.length === 0) return result;
    const rows = await this.db
      .selectFrom('group_members')
      .innerJoin('groups', 'groups.id', 'group_members.group_id')
      .select(['group_members.user_id', 'groups.id', 'groups.name'])
      .where('groups.workspace_id', '=', workspaceId)
      .where('group_members.user_id', 'in', userIds)
      .orderBy('groups.id')
      .execute();
    for (const row of rows) result.get(row.user_id)?.push({ id: row.id, name: row.name });
    return result;
  }

  /** Adds the member unless present; true when a row was added. */
  async addMember(groupId: number, userId: string, at: string): Promise<boolean> {
    const result = await this.db
      .insertInto('group_members')
      .values({ group_id: groupId, user_id: userId, created_at: at })
      .onConflict((oc) => oc.columns(['group_id', 'user_id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /** Adds each user not yet a member, a chunk of rows per statement; the count added. */
  async addMembers(groupId: number, userIds: readonly string[], at: string): Promise<number> {
    let added = 0;
    for (const chunk of chunksOf(userIds)) {
      const result = await this.db
        .insertInto('group_members')
        .values(chunk.map((userId) => ({ group_id: groupId, user_id: userId, created_at: at })))
        .onConflict((oc) => oc.columns(['group_id', 'user_id']).doNothing())
        .executeTakeFirst();
      added += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
    return added;
  }

  /** Removes the users from the group, a chunk per statement; the count removed. */
  async removeMembers(groupId: number, userIds: readonly string[]): Promise<number> {
    let removed = 0;
    for (const chunk of chunksOf(userIds)) {
      const result = await this.db.deleteFrom('group_members').where('group_id', '=', groupId).where('user_id', 'in', chunk).executeTakeFirst();
      removed += Number(result.numDeletedRows);
    }
    return removed;
  }

  /** Adds the pairs not yet memberships, a chunk per statement; answers those added. */
  async addPairs(pairs: readonly GroupMemberPair[], at: string): Promise<GroupMemberPair[]> {
    const added: GroupMemberPair[] = [];
    for (const chunk of chunksOf(pairs)) {
      const rows = await this.db.insertInto('group_members')
        .values(chunk.map((pair) => ({ group_id: pair.groupId, user_id: pair.userId, created_at: at })))
        .onConflict((oc) => oc.columns(['group_id', 'user_id']).doNothing())
        .returning(['group_id', 'user_id'])
        .execute();
      added.push(...rows.map((row) => ({ groupId: row.group_id, userId: row.user_id })));
    }
    return added;
  }

  /** Removes the pairs' memberships, a chunk per statement; answers those removed. */
  async removePairs(pairs: readonly GroupMemberPair[]): Promise<GroupMemberPair[]> {
    const removed: GroupMemberPair[] = [];
    for (const chunk of chunksOf(pairs)) {
      const rows = await this.db.deleteFrom('group_members')
        .where((eb) => eb(eb.refTuple('group_id', 'user_id'), 'in', chunk.map((pair) => eb.tuple(pair.groupId, pair.userId))))
        .returning(['group_id', 'user_id'])
        .execute();
      removed.push(...rows.map((row) => ({ groupId: row.group_id, userId: row.user_id })));
    }
    return removed;
  }

  /** Sets the groups' `updated_at`, a chunk of groups per statement. */
  async touchMany(ids: readonly number[], at: string): Promise<void> {
    for (const chunk of chunksOf(ids)) await this.db.updateTable('groups').set({ updated_at: at }).where('id', 'in', chunk).execute();
  }

  /** True when a member row was removed. */
  async removeMember(groupId: number, userId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('group_members')
      .where('group_id', '=', groupId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Removes the user from every group of the workspace. */
  async removeUserFromWorkspaceGroups(workspaceId: string, userId: string): Promise<void> {
    await this.db
      .deleteFrom('group_members')
      .where('user_id', '=', userId)
      .where('group_id', 'in', (eb) => eb.selectFrom('groups').select('id').where('workspace_id', '=', workspaceId))
      .execute();
  }
}

/** Rows per statement: well under either database's limit on bound parameters. */
const CHUNK = 500;

function chunksOf<T>(items: readonly T[]): T[][] {
  const chunks: T[][] = [];
  for (let index = 0; index < items.length; index += CHUNK) chunks.push(items.slice(index, index + CHUNK));
  return chunks;
}
