import type { Insertable } from 'kysely';
import type { Executor } from './executor.ts';
import { fromJson } from './rows.ts';
import type { GroupMemberTable, MembershipRow, MembershipTable, UserRow, UserTable } from './schema.ts';

/** Rows per multi-row INSERT: well under SQLite's 32,766 parameters at a dozen columns a row. */
const BATCH = 500;

export interface ImportMember {
  role: MembershipRow['role'];
  status: MembershipRow['status'];
  attributes: Record<string, unknown>;
  /** The workspace's own names for the member; null where it shows the account's. */
  first_name: string | null;
  last_name: string | null;
}

/** Bulk reads and writes for importing many users into one workspace. */
export class UserImportRepository {
  constructor(private readonly db: Executor) {}

  /** Every account, keyed by lower-cased email. */
  async usersByEmail(): Promise<Map<string, Pick<UserRow, 'id' | 'email' | 'first_name' | 'last_name' | 'status'>>> {
    const rows = await this.db.selectFrom('users').select(['id', 'email', 'first_name', 'last_name', 'status']).execute();
    return new Map(rows.map((row) => [row.email.toLowerCase(), row]));
  }

  /** The workspace's memberships, keyed by user id. */
  async members(workspaceId: string): Promise<Map<string, ImportMember>> {
    const rows = await this.db
      .selectFrom('memberships')
      .select(['user_id', 'role', 'status', 'attributes', 'first_name', 'last_name'])
      .where('workspace_id', '=', workspaceId)
      .execute();
    return new Map(rows.map((row) => [row.user_id, {
      role: row.role, status: row.status, attributes: fromJson<Record<string, unknown>>(row.attributes),
      first_name: row.first_name, last_name: row.last_name,
    }]));
  }

  /** The group ids of each member of the workspace's groups. */
  async groupIdsByUser(workspaceId: string): Promise<Map<string, Set<number>>> {
    const rows = await this.db
      .selectFrom('group_members')
      .innerJoin('groups', 'groups.id', 'group_members.group_id')
      .select(['group_members.user_id', 'group_members.group_id'])
      .where('groups.workspace_id', '=', workspaceId)
      .execute();
    const result = new Map<string, Set<number>>();
    for (const row of rows) {
      const set = result.get(row.user_id) ?? new Set<number>();
      set.add(row.group_id);
      result.set(row.user_id, set);
    }
    return result;
  }

  /** Lower-cased emails with a pending, unexpired invite to the workspace. */
  async pendingInviteEmails(workspaceId: string, now: string): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom('invites')
      .select('email')
      .where('workspace_id', '=', workspaceId)
      .where('status', '=', 'pending')
      .where('expires_at', '>', now)
      .execute();
    return new Set(rows.map((row) => row.email.toLowerCase()));
  }

  async insertUsers(rows: Insertable<UserTable>[]): Promise<void> {
    for (let start = 0; start < rows.length; start += BATCH) {
      await this.db.insertInto('users').values(rows.slice(start, start + BATCH)).execute();
    }
  }

  async insertMemberships(rows: Insertable<MembershipTable>[]): Promise<void> {
    for (let start = 0; start < rows.length; start += BATCH) {
      await this.db.insertInto('memberships').values(rows.slice(start, start + BATCH)).execute();
    }
  }

  async insertGroupMembers(rows: Insertable<GroupMemberTable>[]): Promise<void> {
    for (let start = 0; start < rows.length; start += BATCH) {
      await this.db.insertInto('group_members').values(rows.slice(start, start + BATCH)).execute();
    }
  }
}
