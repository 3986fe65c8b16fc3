import { type Insertable, type Updateable, sql } from 'kysely';
import type { Dialect } from './database.ts';
import { type Executor, type RowLock, toCount, withLock } from './executor.ts';
import type { InviteRow, InviteTable } from './schema.ts';

/** An invite with the email of the user who created it (null once that user is gone). */
export interface InviteWithInviter extends InviteRow {
  invited_by_email: string | null;
}

/**
 * The states a list can filter on. `pending` and `expired` are both stored as `pending`;
 * they differ by `expires_at` against `now`.
 */
export type InviteStatusFilter = 'pending' | 'accepted' | 'revoked' | 'expired';

export class InviteRepository {
  constructor(
    private readonly db: Executor,
    private readonly dialect: Dialect,
  ) {}

  private withInviter() {
    return this.db
      .selectFrom('invites')
      .leftJoin('users', 'users.id', 'invites.created_by')
      .selectAll('invites')
      .select('users.email as invited_by_email');
  }

  get(workspaceId: string, id: string): Promise<InviteWithInviter | undefined> {
    return this.withInviter().where('invites.workspace_id', '=', workspaceId).where('invites.id', '=', id).executeTakeFirst();
  }

  /** The invite row alone, locked with `lock` until the transaction ends. */
  getForChange(workspaceId: string, id: string, lock: RowLock): Promise<InviteRow | undefined> {
    const query = this.db.selectFrom('invites').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id);
    return withLock(query, this.dialect, lock).executeTakeFirst();
  }

  getByTokenHash(tokenHash: string, lock?: RowLock): Promise<InviteRow | undefined> {
    const query = this.db.selectFrom('invites').selectAll().where('token_hash', '=', tokenHash);
    return withLock(query, this.dialect, lock).executeTakeFirst();
  }

  private filtered(workspaceId: string, status: InviteStatusFilter | undefined, now: string) {
    let query = this.withInviter().where('invites.workspace_id', '=', workspaceId);
    if (status === 'pending') query = query.where('invites.status', '=', 'pending').where('invites.expires_at', '>', now);
    else if (status === 'expired') query = query.where('invites.status', '=', 'pending').where('invites.expires_at', '<=', now);
    else if (status) query = query.where('invites.status', '=', status);
    return query;
  }

  /** One page of the workspace's invites in the order they were created, oldest first. */
  list(workspaceId: string, status: InviteStatusFilter | undefined, now: string, offset: number, limit: number): Promise<InviteWithInviter[]> {
    return this.filtered(workspaceId, status, now)
      .orderBy('invites.created_at')
      .orderBy('invites.id')
      .offset(offset)
      .limit(limit)
      .execute();
  }

  /** Every invite of the workspace still stored pending (expired ones too), oldest first. */
  listOpen(workspaceId: string): Promise<InviteWithInviter[]> {
    return this.withInviter()
      .where('invites.workspace_id', '=', workspaceId)
      .where('invites.status', '=', 'pending')
      .orderBy('invites.created_at')
      .orderBy('invites.id')
      .execute();
  }

  async count(workspaceId: string, status: InviteStatusFilter | undefined, now: string): Promise<number> {
    const row = await this.filtered(workspaceId, status, now)
      .clearSelect()
      .select((eb) => eb.fn.countAll().as('count'))
      .executeTakeFirst();
    return toCount(row?.count as string | number | undefined);
  }

  /** Whether the workspace holds an unexpired pending invite for the email, whatever its case. */
  async hasPending(workspaceId: string, email: string, now: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('invites')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where(sql`lower(email)`, '=', email.toLowerCase())
      .where('status', '=', 'pending')
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return row !== undefined;
  }

  async create(row: Insertable<InviteTable>): Promise<void> {
    await this.db.insertInto('invites').values(row).execute();
  }

  async update(id: string, changes: Updateable<InviteTable>): Promise<void> {
    await this.db.updateTable('invites').set(changes).where('id', '=', id).execute();
  }

  /** Marks a pending invite accepted; false when it was no longer pending (nothing changed). */
  async markAccepted(id: string, userId: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('invites')
      .set({ status: 'accepted', accepted_user_id: userId, accepted_at: at, updated_at: at })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /**
   * Counts one delivery attempt and keeps its outcome: the error, or null and the time of
   * sending after a success.
   */
  async recordDelivery(id: string, sendError: string | null, at: string): Promise<void> {
    await this.db
      .updateTable('invites')
      .set((eb) => ({
        send_attempts: eb('send_attempts', '+', 1),
        send_error: sendError,
        ...(sendError === null ? { last_sent_at: at } : {}),
        updated_at: at,
      }))
      .where('id', '=', id)
      .execute();
  }
}
