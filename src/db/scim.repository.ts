import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Dialect } from './database.ts';
import { type Executor, toCount } from './executor.ts';
import { countMemberships } from './membership.repository.ts';
import { PreparedQuery } from './prepared-query.ts';
import { fromJson } from './rows.ts';
import { groupColumns, memberColumns, userNameEquals } from './scim-columns.sql.ts';
import { type ScalarColumn, type ScimCondition, filterCondition } from './scim-filter.sql.ts';
import type { MembershipRow } from './schema.ts';

/** A member as SCIM reads them: account, membership and the SCIM columns. */
export interface ScimMemberRow {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  role: MembershipRow['role'];
  status: MembershipRow['status'];
  user_name: string | null;
  external_id: string | null;
  scim: Record<string, unknown> | null;
  attributes: Record<string, unknown>;
  /** The workspace's groups the member belongs to, oldest first. */
  groups: Array<{ uuid: string; name: string }>;
  created_at: Date | string;
  updated_at: Date | string;
  membership_updated_at: Date | string;
}

export interface ScimGroupRow {
  id: number;
  uuid: string;
  name: string;
  external_id: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

export interface ScimMemberRef {
  userId: string;
  userName: string;
}

/** What a list asks for: a filter, an order (a canonical attribute key), and a window. */
export interface ScimListQuery {
  filter?: ScimCondition;
  sortBy?: string;
  descending?: boolean;
  offset: number;
  limit: number;
}

/**
 * The SQL of SCIM's reads: members and groups of one workspace filtered, sorted and paged by
 * the database. A list is two statements (a count and a page) whatever the page's size.
 */
export class ScimRepository {
  constructor(
    private readonly db: Executor,
    private readonly dialect: Dialect,
  ) {}

  async countMembers(workspaceId: string, filter: ScimCondition | undefined): Promise<number> {
    if (!filter) return countMemberships(this.db, workspaceId);
    const row = await this.db
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select((eb) => eb.fn.countAll().as('count'))
      .where('m.workspace_id', '=', workspaceId)
      .where(this.memberCondition(workspaceId, filter))
      .executeTakeFirst();
    return toCount(row?.count as string | number | undefined);
  }

  /**
   * One page of members. Unfiltered and unsorted (an identity provider's import), the page's
   * ids come from the (workspace_id, created_at, user_id) index alone, read backwards from
   * the end for a page in the second half given `total`, so the last page costs what the
   * first does; only those rows are then read.
   */
  async listMembers(workspaceId: string, query: ScimListQuery, total?: number): Promise<ScimMemberRow[]> {
    if (query.limit <= 0) return [];
    if (!query.filter && !query.sortBy && total !== undefined) return this.pageOfAllMembers(workspaceId, query.offset, query.limit, total);
    const userName = query.sortBy ? undefined : userNameLookedUp(query.filter);
    if (userName !== undefined) {
      const rows = await MEMBERS_BY_USER_NAME.execute(this.db, this.dialect, { workspaceId, userName, offset: query.offset, limit: query.limit });
      return rows.map(toMemberRow);
    }
    let select = this.members(workspaceId).where(this.memberCondition(workspaceId, query.filter));
    if (query.sortBy) {
      const column = memberColumns(this.dialect, workspaceId)(query.sortBy);
      if (column && !('exists' in column)) select = select.orderBy(this.sortKey(column, query.descending));
    }
    const direction = query.sortBy && query.descending ? 'desc' : 'asc';
    const rows = await select.orderBy('m.created_at', direction).orderBy('m.user_id', direction).offset(query.offset).limit(query.limit).execute();
    return rows.map(toMemberRow);
  }

  private async pageOfAllMembers(workspaceId: string, offset: number, limit: number, total: number): Promise<ScimMemberRow[]> {
    if (offset >= total) return [];
    const fromEnd = offset > total / 2;
    const ids = fromEnd
      ? (await this.memberIds(workspaceId, 'desc', Math.max(total - offset - limit, 0), Math.min(limit, total - offset))).reverse()
      : await this.memberIds(workspaceId, 'asc', offset, limit);
    if (ids.length === 0) return [];
    const rows = await this.members(workspaceId).where('m.user_id', 'in', ids).execute();
    const byId = new Map(rows.map((row) => [row.id, toMemberRow(row)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  private async memberIds(workspaceId: string, direction: 'asc' | 'desc', offset: number, limit: number): Promise<string[]> {
    const rows = await this.db.selectFrom('memberships').select('user_id').where('workspace_id', '=', workspaceId)
      .orderBy('created_at', direction).orderBy('user_id', direction).offset(offset).limit(limit).execute();
    return rows.map((row) => row.user_id);
  }

  async getMember(workspaceId: string, userId: string): Promise<ScimMemberRow | undefined> {
    const [row] = await MEMBER_BY_ID.execute(this.db, this.dialect, { workspaceId, userId });
    return row && toMemberRow(row);
  }

  /** The member whose userName (their email while they have none) is `userName` in any case, other than `exceptUserId`. */
  async memberIdByUserName(workspaceId: string, userName: string, exceptUserId?: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select('m.user_id')
      .where('m.workspace_id', '=', workspaceId)
      .where(userNameEquals(workspaceId, userName))
      .$if(exceptUserId !== undefined, (query) => query.where('m.user_id', '!=', exceptUserId!))
      .executeTakeFirst();
    return row?.user_id;
  }

  /** Which of `userIds` are members of the workspace. */
  async countGroups(workspaceId: string, filter: ScimCondition | undefined): Promise<number> {
    const row = await this.db
      .selectFrom('groups as g')
      .select((eb) => eb.fn.countAll().as('count'))
      .where('g.workspace_id', '=', workspaceId)
      .where(this.groupCondition(filter))
      .executeTakeFirst();
    return toCount(row?.count as string | number | undefined);
  }

  async listGroups(workspaceId: string, query: ScimListQuery): Promise<ScimGroupRow[]> {
    if (query.limit <= 0) return [];
    let select = this.db.selectFrom('groups as g').select(GROUP_COLUMNS).where('g.workspace_id', '=', workspaceId).where(this.groupCondition(query.filter));
    if (query.sortBy) {
      const column = groupColumns(query.sortBy);
      if (column && !('exists' in column)) select = select.orderBy(this.sortKey(column, query.descending));
    }
    return select.orderBy('g.id', query.sortBy && query.descending ? 'desc' : 'asc').offset(query.offset).limit(query.limit).execute();
  }

  getGroup(workspaceId: string, uuid: string): Promise<ScimGroupRow | undefined> {
    return this.db.selectFrom('groups as g').select(GROUP_COLUMNS).where('g.workspace_id', '=', workspaceId).where('g.uuid', '=', uuid).executeTakeFirst();
  }

  /** The group whose name is `name` in any case, other than `exceptId`. */
  async groupIdByName(workspaceId: string, name: string, exceptId?: number): Promise<number | undefined> {
    const row = await this.db.selectFrom('groups').select('id').where('workspace_id', '=', workspaceId)
      .where(sql<string>`lower(name)`, '=', sql<string>`lower(${name})`)
      .$if(exceptId !== undefined, (query) => query.where('id', '!=', exceptId!))
      .executeTakeFirst();
    return row?.id;
  }

  async setGroupExternalId(groupId: number, externalId: string | null): Promise<void> {
    await this.db.updateTable('groups').set({ external_id: externalId }).where('id', '=', groupId).execute();
  }

  /** Members of each given group, oldest membership first, with their userNames. */
  async membersOfGroups(workspaceId: string, groupIds: number[]): Promise<Map<number, ScimMemberRef[]>> {
    const result = new Map<number, ScimMemberRef[]>(groupIds.map((id) => [id, []]));
    if (groupIds.length === 0) return result;
    const rows = await this.db
      .selectFrom('group_members as gm')
      .innerJoin('users as u', 'u.id', 'gm.user_id')
      .leftJoin('memberships as m', (join) => join.onRef('m.user_id', '=', 'gm.user_id').on('m.workspace_id', '=', workspaceId))
      .select(['gm.group_id', 'gm.user_id', 'u.email', 'm.user_name'])
      .where('gm.group_id', 'in', groupIds)
      .orderBy('gm.created_at')
      .orderBy('gm.user_id')
      .execute();
    for (const row of rows) result.get(row.group_id)?.push({ userId: row.user_id, userName: row.user_name ?? row.email });
    return result;
  }

  /** Adds the members not yet in the group; answers how many were added. */
  /** The role new SCIM members of the workspace get. */
  async defaultRole(workspaceId: string): Promise<MembershipRow['role']> {
    const row = await this.db.selectFrom('workspaces').select('scim_default_role').where('id', '=', workspaceId).executeTakeFirst();
    return row?.scim_default_role ?? 'end-user';
  }

  private members(workspaceId: string) {
    return membersOf(this.db, this.dialect, workspaceId);
  }

  private memberCondition(workspaceId: string, filter: ScimCondition | undefined): RawBuilder<SqlBool> {
    return filter ? filterCondition(filter, memberColumns(this.dialect, workspaceId), this.dialect) : sql<SqlBool>`1 = 1`;
  }

  private groupCondition(filter: ScimCondition | undefined): RawBuilder<SqlBool> {
    return filter ? filterCondition(filter, groupColumns, this.dialect) : sql<SqlBool>`1 = 1`;
  }

  private sortKey(column: ScalarColumn, descending: boolean | undefined): RawBuilder<unknown> {
    const value = column.type === 'text' ? sql`lower(${this.dialect === 'postgres' ? sql`(${column.value})::text` : column.value})` : column.value;
    const collated = this.dialect === 'postgres' && column.type === 'text' ? sql`${value} collate "C"` : value;
    return sql`${collated} ${sql.raw(descending ? 'desc' : 'asc')}`;
  }
}

/** Members of the workspace as SCIM reads them, one row each (ScimMemberRow before its JSON is read). */
function membersOf(db: Executor, dialect: Dialect, workspaceId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select((eb) => [
      'u.id', 'u.email', 'm.role', 'm.status', 'm.user_name', 'm.external_id', 'm.scim', 'm.attributes',
      'm.created_at', 'u.updated_at', 'm.updated_at as membership_updated_at',
      eb.fn.coalesce('m.first_name', 'u.first_name').as('first_name'),
      eb.fn.coalesce('m.last_name', 'u.last_name').as('last_name'),
      groupsOfMember(dialect).as('groups'),
    ])
    .where('m.workspace_id', '=', workspaceId);
}

/**
 * The member's groups in the workspace as a JSON array, in the same statement as the member:
 * a lookup is one statement, and a page of any size two at most.
 */
function groupsOfMember(dialect: Dialect): RawBuilder<unknown> {
  return dialect === 'postgres'
    ? sql`(select coalesce(json_agg(json_build_object('uuid', g.uuid, 'name', g.name) order by g.id), '[]'::json)
        from group_members gm inner join groups g on g.id = gm.group_id where gm.user_id = m.user_id and g.workspace_id = m.workspace_id)`
    : sql`(select json_group_array(json_object('uuid', g.uuid, 'name', g.name) order by g.id)
        from group_members gm inner join groups g on g.id = gm.group_id where gm.user_id = m.user_id and g.workspace_id = m.workspace_id)`;
}

/**
 * The busiest SCIM reads, built and compiled once (prepared-query.ts): an identity provider
 * reads a member by id, and looks a member up by `userName eq` before every change.
 */
const MEMBER_BY_ID = new PreparedQuery(['workspaceId', 'userId'], (db, p, dialect) =>
  membersOf(db, dialect, p.workspaceId).where('m.user_id', '=', p.userId));

/**
 * The page a filter of only `userName eq` selects, ordered and windowed as any filtered page.
 * Its bound `limit` does not spoil the generic plan (page-size.ts): the userName's two index
 * lookups bound the rows the plan expects.
 */
const MEMBERS_BY_USER_NAME = new PreparedQuery(['workspaceId', 'userName', 'offset', 'limit'], (db, p, dialect) =>
  membersOf(db, dialect, p.workspaceId).where(userNameEquals(p.workspaceId, p.userName))
    .orderBy('m.created_at', 'asc').orderBy('m.user_id', 'asc')
    .offset(sql<number>`${p.offset}`).limit(sql<number>`${p.limit}`));

/** The userName a filter of only `userName eq "…"` looks up; undefined for any other filter. */
function userNameLookedUp(filter: ScimCondition | undefined): string | undefined {
  return filter?.kind === 'compare' && filter.key === 'userName' && filter.operator === 'eq' ? String(filter.value) : undefined;
}

const GROUP_COLUMNS = ['g.id', 'g.uuid', 'g.name', 'g.external_id', 'g.created_at', 'g.updated_at'] as const;

function toMemberRow(row: Omit<ScimMemberRow, 'scim' | 'attributes' | 'groups'> & { scim: unknown; attributes: unknown; groups: unknown }): ScimMemberRow {
  return {
    ...row,
    groups: fromJson<Array<{ uuid: string; name: string }>>(row.groups) ?? [],
    scim: row.scim === null || row.scim === undefined ? null : fromJson<Record<string, unknown>>(row.scim),
    attributes: fromJson<Record<string, unknown>>(row.attributes) ?? {},
  };
}
