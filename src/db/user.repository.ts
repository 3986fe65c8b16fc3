import { sql } from 'kysely';
import { type Executor, toCount } from './executor.ts';
import type { MembershipRow, NewUser, UserRow, UserUpdate } from './schema.ts';

/** A user as seen from one workspace: the account and its membership there. */
export interface MemberRow extends UserRow {
  role: MembershipRow['role'];
  membership_status: MembershipRow['status'];
  joined_at: MembershipRow['created_at'];
}

export class UserRepository {
  constructor(private readonly db: Executor) {}

  getById(id: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Finds an account by email whatever its case (served by the lower(email) index). */
  getByEmail(email: string): Promise<UserRow | undefined> {
    return this.db
      .selectFrom('users')
      .selectAll()
      .where(sql`lower(email)`, '=', email.toLowerCase())
      .executeTakeFirst();
  }

  async create(row: NewUser): Promise<void> {
    await this.db.insertInto('users').values(row).execute();
  }

  async update(id: string, changes: UserUpdate): Promise<void> {
    await this.db.updateTable('users').set(changes).where('id', '=', id).execute();
  }

  private members(workspaceId: string) {
    return this.db
      .selectFrom('users')
      .innerJoin('memberships', 'memberships.user_id', 'users.id')
      .selectAll('users')
      .select([
        'memberships.role as role',
        'memberships.status as membership_status',
        'memberships.created_at as joined_at',
      ])
      .where('memberships.workspace_id', '=', workspaceId);
  }

  getMember(workspaceId: string, userId: string): Promise<MemberRow | undefined> {
    return this.members(workspaceId).where('users.id', '=', userId).executeTakeFirst();
  }

  /** Members of the workspace in the order they joined, oldest first. */
  listMembers(workspaceId: string, offset: number, limit: number): Promise<MemberRow[]> {
    return this.members(workspaceId)
      .orderBy('memberships.created_at')
      .orderBy('users.id')
      .offset(offset)
      .limit(limit)
      .execute();
  }

  async countMembers(workspaceId: string): Promise<number> {
    const row = await this.db
      .selectFrom('memberships')
      .select((eb) => eb.fn.countAll().as('count'))
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
    return toCount(row?.count as string | number | undefined);
  }
}
