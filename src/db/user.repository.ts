import { type SelectQueryBuilder, sql } from 'kysely';
import type { Dialect } from './database.ts';
import { type Executor, toCount } from './executor.ts';
import type { GroupRef } from './group.repository.ts';
import { type MemberSearch, candidatesUpTo, searchConditions } from './member-search.sql.ts';
import { countMemberships } from './membership.repository.ts';
import { PreparedInsert, PreparedQuery, allColumns } from './prepared-query.ts';
import { pageSize } from './page-size.ts';
import { fromJson } from './rows.ts';
import type { Database, MembershipRow, NewUser, UserRow, UserUpdate } from './schema.ts';

/**
 * A user as seen from one workspace: the account and its membership there. `first_name` and
 * `last_name` are the workspace's own names for the member where it has them, else the
 * account's.
 */
export interface MemberRow extends UserRow {
  role: MembershipRow['role'];
  membership_status: MembershipRow['status'];
  joined_at: MembershipRow['created_at'];
  membership_updated_at: MembershipRow['updated_at'];
}

/** A member with the rest of what a single-user read shows: their groups here (by id) and their stored attribute values. */
export interface MemberDetailRow extends MemberRow {
  groups: GroupRef[];
  attributes: Record<string, unknown>;
}

export class UserRepository {
  constructor(
    private readonly db: Executor,
    private readonly dialect: Dialect,
  ) {}

  getById(id: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Finds an account by email whatever its case (served by the lower(email) index). */
  async getByEmail(email: string): Promise<UserRow | undefined> {
    const [row] = await USER_BY_EMAIL.execute(this.db, this.dialect, { email: email.toLowerCase() });
    return row;
  }

  /** The account's two-factor state: its sealed TOTP secret and when enrolment was confirmed. */
  twoFactorOf(id: string): Promise<{ totp_secret: string | null; totp_enabled_at: Date | string | null } | undefined> {
    return this.db.selectFrom('users').select(['totp_secret', 'totp_enabled_at']).where('id', '=', id).executeTakeFirst();
  }

  async create(row: NewUser): Promise<void> {
    await INSERT_USER.execute(this.db, this.dialect, row);
  }

  /**
   * Creates the account unless its email (in any case) is taken, in one statement; answers
   * whether it did. On PostgreSQL a concurrent transaction creating the same email makes it
   * wait for that one's outcome.
   */
  /** The lower-cased emails among `emails` that have an account, a chunk of emails per statement. */
  async takenEmails(emails: readonly string[]): Promise<Set<string>> {
    const taken = new Set<string>();
    const lowered = [...new Set(emails.map((email) => email.toLowerCase()))];
    for (let index = 0; index < lowered.length; index += EMAIL_CHUNK) {
      const rows = await this.db.selectFrom('users').select(sql<string>`lower(email)`.as('email'))
        .where(sql`lower(email)`, 'in', lowered.slice(index, index + EMAIL_CHUNK)).execute();
      for (const row of rows) taken.add(row.email);
    }
    return taken;
  }

  /** Inserts new accounts, a chunk of rows per statement; an email already taken fails the statement. */
  async createMany(rows: readonly NewAccount[]): Promise<void> {
    for (let index = 0; index < rows.length; index += INSERT_CHUNK) {
      await this.db.insertInto('users').values(rows.slice(index, index + INSERT_CHUNK)).execute();
    }
  }

  async createUnlessEmailTaken(row: NewAccount): Promise<boolean> {
    return (await INSERT_USER_UNLESS_TAKEN.execute(this.db, this.dialect, row)).length > 0;
  }

  async update(id: string, changes: UserUpdate): Promise<void> {
    await this.db.updateTable('users').set(changes).where('id', '=', id).execute();
  }

  getMember(workspaceId: string, userId: string): Promise<MemberRow | undefined> {
    return membersOf(this.db, workspaceId).where('users.id', '=', userId).executeTakeFirst();
  }

  /**
   * The member with their groups (by id) and attribute values, in one statement (the busiest
   * read: a round trip each would triple its cost on PostgreSQL).
   */
  async getMemberDetail(workspaceId: string, userId: string): Promise<MemberDetailRow | undefined> {
    const rows = await MEMBER_DETAIL.execute(this.db, this.dialect, { workspaceId, userId });
    const first = rows[0];
    if (!first) return undefined;
    const groups: GroupRef[] = [];
    for (const row of rows) if (row.group_id !== null) groups.push({ id: row.group_id, name: row.group_name! });
    groups.sort((a, b) => a.id - b.id);
    // Field by field, not `{ group_id, group_name, ...member }`: V8 builds a rest object
    // property by property, and under load that took a sixth of the request's server time.
    return {
      id: first.id,
      email: first.email,
      first_name: first.first_name,
      last_name: first.last_name,
      password_hash: first.password_hash,
      status: first.status,
      external_id: first.external_id,
      default_workspace_id: first.default_workspace_id,
      created_at: first.created_at,
      updated_at: first.updated_at,
      role: first.role,
      membership_status: first.membership_status,
      joined_at: first.joined_at,
      membership_updated_at: first.membership_updated_at,
      groups,
      attributes: fromJson<Record<string, unknown>>(first.attributes),
    };
  }

  /**
   * Members `offset`..`offset + limit` of the workspace in the order they joined (oldest
   * first, then by id). The page's ids come from the (workspace_id, created_at, user_id)
   * index alone and only those rows are then read; given the current member count `total`,
   * a page in the second half is found by reading that index backwards from the end, so the
   * last page costs what the first does.
   */
  async listMembers(workspaceId: string, offset: number, limit: number, total: number): Promise<MemberRow[]> {
    if (limit <= 0 || offset >= total) return [];
    const fromEnd = offset > total / 2;
    const ids = fromEnd
      ? (await this.memberIds(workspaceId, 'desc', Math.max(total - offset - limit, 0), Math.min(limit, total - offset))).reverse()
      : await this.memberIds(workspaceId, 'asc', offset, limit);
    if (ids.length === 0) return [];
    const rows = await membersOf(this.db, workspaceId).where('users.id', 'in', ids).execute();
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  private async memberIds(workspaceId: string, direction: 'asc' | 'desc', offset: number, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('memberships')
      .select('user_id')
      .where('workspace_id', '=', workspaceId)
      .orderBy('created_at', direction)
      .orderBy('user_id', direction)
      .offset(offset)
      .limit(limit)
      .execute();
    return rows.map((row) => row.user_id);
  }

  /**
   * Up to `limit` members in the order they joined, after the member `after` names (keyset,
   * not offset: the last page reads as few index entries as the first), that match `filter`.
   */
  listMembersAfter(workspaceId: string, after: MemberKey | null, limit: number, filter: MemberFilter = {}): Promise<MemberRow[]> {
    let query = filtered(membersOf(this.db, workspaceId), filter);
    // A row-value comparison, which both databases answer as a range of the joining-order index.
    if (after) {
      query = query.where((eb) => eb(eb.refTuple('memberships.created_at', 'memberships.user_id'), '>', eb.tuple(after.joinedAt, after.userId)));
    }
    return query.orderBy('memberships.created_at').orderBy('memberships.user_id').limit(pageSize(limit)).execute();
  }

  /**
   * Members `offset`..`offset + limit` of those matching `search`, in the order they joined
   * (oldest first, then by id), and how many match. Every read is served by an index
   * (member-search.sql.ts): a query with few candidates is answered through them; one with
   * many (a letter or two) by reading members in joining order until the page is full, which
   * soon happens when so many match. Counting the matches of such a query reads every member
   * it matches.
   */
  async searchMembers(workspaceId: string, search: MemberSearch, offset: number, limit: number): Promise<{ rows: MemberRow[]; total: number }> {
    const throughCandidates = search.q !== undefined && await this.fewCandidates(workspaceId, search.q);
    const conditions = searchConditions(this.dialect, workspaceId, search, throughCandidates);
    const members = this.db.selectFrom('memberships').where('memberships.workspace_id', '=', workspaceId);
    const counted = search.q === undefined ? members : members.innerJoin('users', 'users.id', 'memberships.user_id');
    const row = await conditions.reduce((query, condition) => query.where(condition), counted)
      .select((eb) => eb.fn.countAll().as('count'))
      .executeTakeFirst();
    const total = toCount(row?.count as string | number | undefined);
    if (offset >= total) return { rows: [], total };
    const rows = await conditions.reduce((query, condition) => query.where(condition), membersOf(this.db, workspaceId))
      .orderBy('memberships.created_at').orderBy('memberships.user_id')
      .offset(offset).limit(limit)
      .execute();
    return { rows, total };
  }

  private async fewCandidates(workspaceId: string, q: string): Promise<boolean> {
    const { rows } = await candidatesUpTo(this.dialect, workspaceId, q, FEW_CANDIDATES).execute(this.db);
    return toCount(rows[0]?.count) < FEW_CANDIDATES;
  }

  /** How many members match `filter` (every member without one: see countMembers). */
  async countMembersMatching(workspaceId: string, filter: MemberFilter): Promise<number> {
    const row = await filtered(this.db.selectFrom('users').innerJoin('memberships', 'memberships.user_id', 'users.id')
      .where('memberships.workspace_id', '=', workspaceId), filter)
      .select((eb) => eb.fn.countAll().as('count'))
      .executeTakeFirst();
    return toCount(row?.count as string | number | undefined);
  }

  /** How many memberships the workspace has, whatever their role or status. */
  countMembers(workspaceId: string): Promise<number> {
    return countMemberships(this.db, workspaceId);
  }
}

const USER_COLUMNS = allColumns<UserRow>()([
  'id', 'email', 'first_name', 'last_name', 'password_hash', 'status', 'external_id', 'default_workspace_id', 'created_at', 'updated_at',
]);

/**
 * Below this many candidates a member search goes through them; at or above it, reading
 * members in joining order reads at most members × page size / this many rows for a page.
 */
const FEW_CANDIDATES = 5_000;

/** The account columns a member row takes as they are; the names come through the membership. */
const MEMBER_ACCOUNT_COLUMNS = USER_COLUMNS.filter((column) => column !== 'first_name' && column !== 'last_name');

/** Where a keyset page of members starts: after this member, in joining order. */
export interface MemberKey {
  joinedAt: string;
  userId: string;
}

/** Exact matches on a member's email (any case) and names; absent fields match everyone. */
export interface MemberFilter {
  email?: string;
  firstName?: string;
  lastName?: string;
}

function filtered<Q extends SelectQueryBuilder<Database, 'users' | 'memberships', any>>(query: Q, filter: MemberFilter): Q {
  let result = query as SelectQueryBuilder<Database, 'users' | 'memberships', any>;
  if (filter.email !== undefined) result = result.where(sql`lower(users.email)`, '=', filter.email.toLowerCase());
  if (filter.firstName !== undefined) {
    result = result.where(sql`coalesce(memberships.first_name, users.first_name)`, '=', filter.firstName);
  }
  if (filter.lastName !== undefined) {
    result = result.where(sql`coalesce(memberships.last_name, users.last_name)`, '=', filter.lastName);
  }
  return result as Q;
}

/** Accounts joined with their membership in one workspace, as `MemberRow`s. */
function membersOf(db: Executor, workspaceId: string) {
  return db
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.user_id', 'users.id')
    .select(MEMBER_ACCOUNT_COLUMNS.map((column) => `users.${column}` as const))
    .select((eb) => [
      eb.fn.coalesce('memberships.first_name', 'users.first_name').as('first_name'),
      eb.fn.coalesce('memberships.last_name', 'users.last_name').as('last_name'),
      'memberships.role as role',
      'memberships.status as membership_status',
      'memberships.created_at as joined_at',
      'memberships.updated_at as membership_updated_at',
    ])
    .where('memberships.workspace_id', '=', workspaceId);
}

/**
 * The member, one row per group of theirs in the workspace (a single row with null group
 * columns when none), with the membership's attribute values.
 */
const MEMBER_DETAIL = new PreparedQuery(['workspaceId', 'userId'], (db, p) => membersOf(db, p.workspaceId)
  .leftJoin('group_members', 'group_members.user_id', 'users.id')
  .leftJoin('groups', (join) => join
    .onRef('groups.id', '=', 'group_members.group_id')
    .onRef('groups.workspace_id', '=', 'memberships.workspace_id'))
  .select(['memberships.attributes as attributes', 'groups.id as group_id', 'groups.name as group_name'])
  .where('users.id', '=', p.userId));

const USER_BY_EMAIL = new PreparedQuery(['email'], (db, p) => db.selectFrom('users').select(USER_COLUMNS).where(sql`lower(email)`, '=', p.email));
const INSERT_USER = new PreparedInsert('users');
/** Emails per lookup and rows per insert: well under either database's limit on bound parameters. */
const EMAIL_CHUNK = 1000;
const INSERT_CHUNK = 500;

/** What a new account sets: the columns of INSERT_USER_UNLESS_TAKEN. */
export type NewAccount = Required<Pick<NewUser, 'id' | 'email' | 'first_name' | 'last_name' | 'status' | 'default_workspace_id' | 'created_at' | 'updated_at'>>;

// Without a conflict target: the id is new, so only the email's unique index can refuse it.
const INSERT_USER_UNLESS_TAKEN = new PreparedQuery(
  ['id', 'email', 'first_name', 'last_name', 'status', 'default_workspace_id', 'created_at', 'updated_at'],
  (db, p) => db.insertInto('users').values(p as NewAccount).onConflict((conflict) => conflict.doNothing()).returning('id'),
);
