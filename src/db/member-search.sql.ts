import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Dialect } from './database.ts';
import type { MembershipRow } from './schema.ts';

/**
 * What the member listing may be narrowed by; absent fields match every member, present
 * ones all apply (AND).
 */
export interface MemberSearch {
  /**
   * A case-insensitive prefix of the member's email, first name, last name or full name
   * ("first last"). Trimmed and non-empty.
   */
  q?: string;
  role?: MembershipRow['role'];
  status?: MembershipRow['status'];
  /** A group of the workspace (the caller checks it is the workspace's). */
  groupId?: number;
}

export function isSearching(search: MemberSearch): boolean {
  return Object.values(search).some((value) => value !== undefined);
}

/**
 * The greatest code point: every text starting with a prefix p sorts between p and p + TOP
 * bytewise (save texts whose next character is TOP itself, a permanent non-character).
 */
const TOP = '\u{10FFFF}';

/**
 * `expression` starts with `q`, whatever its case, as a range both databases answer from an
 * index on the same expression. Both sides fold through the database's own lower(), so the
 * folding agrees with the index's; PostgreSQL compares under the "C" collation, bytewise as
 * SQLite does, which the member search indexes (migration 0014) are built with.
 */
function startsWith(dialect: Dialect, expression: RawBuilder<unknown>, q: string): RawBuilder<SqlBool> {
  const folded = dialect === 'postgres' ? sql`${expression} collate "C"` : expression;
  return sql<SqlBool>`(${folded} >= lower(${q}) and ${folded} < lower(${q}) || ${TOP})`;
}

/** The expressions the member search indexes are built on, named for both the index and the query. */
export const SEARCH_EXPRESSIONS = {
  accountEmail: sql`lower(email)`,
  accountFullName: sql`lower(first_name || ' ' || last_name)`,
  accountLastName: sql`lower(last_name)`,
  /** A workspace's own names for a member are set in pairs (core/account-boundary.ts), null while it has none. */
  memberFullName: sql`lower(coalesce(first_name, '') || ' ' || coalesce(last_name, ''))`,
  memberLastName: sql`lower(last_name)`,
};

/**
 * Ids of accounts and members that may match `q`, each found through an index: by the
 * account's email and names, and by the workspace's own names for its members. A superset:
 * `matchesQuery` decides.
 */
function candidates(dialect: Dialect, workspaceId: string, q: string): RawBuilder<unknown> {
  const e = SEARCH_EXPRESSIONS;
  const byAccount = (expression: RawBuilder<unknown>) => sql`select id from users where ${startsWith(dialect, expression, q)}`;
  const byMember = (expression: RawBuilder<unknown>) =>
    sql`select user_id from memberships where workspace_id = ${workspaceId} and ${startsWith(dialect, expression, q)}`;
  return sql`${byAccount(e.accountEmail)} union all ${byAccount(e.accountFullName)} union all ${byAccount(e.accountLastName)}
    union all ${byMember(e.memberFullName)} union all ${byMember(e.memberLastName)}`;
}

/**
 * How many candidates `q` has, counting no further than `cap` (a candidate found through two
 * indexes counts twice): the query stops reading at `cap`, so it costs at most `cap` index entries.
 */
export function candidatesUpTo(dialect: Dialect, workspaceId: string, q: string, cap: number): RawBuilder<{ count: number | string }> {
  return sql`select count(*) as count from (${candidates(dialect, workspaceId, q)} limit ${cap}) as found`;
}

/** Whether the member, as the workspace names them, matches `q`. */
function matchesQuery(dialect: Dialect, q: string): RawBuilder<SqlBool> {
  const firstName = sql`coalesce(memberships.first_name, users.first_name)`;
  const lastName = sql`coalesce(memberships.last_name, users.last_name)`;
  return sql<SqlBool>`(${startsWith(dialect, sql`lower(users.email)`, q)}
    or ${startsWith(dialect, sql`lower(${firstName} || ' ' || ${lastName})`, q)}
    or ${startsWith(dialect, sql`lower(${lastName})`, q)})`;
}

/**
 * The conditions `search` puts on a query over `users` joined with the workspace's
 * `memberships`, ANDed by the caller. A role or status is served by the
 * (workspace_id, role|status, created_at, user_id) indexes, a group by its members' primary
 * key, and a query, when `throughCandidates`, by the candidates' indexes; else the members
 * are read in joining order and each is checked, which finds a page soon when many match (a
 * query with few candidates should go through them, one with many should not).
 */
export function searchConditions(dialect: Dialect, workspaceId: string, search: MemberSearch, throughCandidates: boolean): RawBuilder<SqlBool>[] {
  const conditions: RawBuilder<SqlBool>[] = [];
  if (search.q !== undefined) {
    if (throughCandidates) conditions.push(sql<SqlBool>`memberships.user_id in (${candidates(dialect, workspaceId, search.q)})`);
    conditions.push(matchesQuery(dialect, search.q));
  }
  if (search.role !== undefined) conditions.push(sql<SqlBool>`memberships.role = ${search.role}`);
  if (search.status !== undefined) conditions.push(sql<SqlBool>`memberships.status = ${search.status}`);
  if (search.groupId !== undefined) {
    conditions.push(sql<SqlBool>`memberships.user_id in (select user_id from group_members where group_id = ${search.groupId})`);
  }
  return conditions;
}
