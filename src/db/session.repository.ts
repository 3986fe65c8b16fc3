import type { Insertable } from 'kysely';
import type { Dialect } from './database.ts';
import type { Executor } from './executor.ts';
import { PreparedQuery } from './prepared-query.ts';
import type { SessionRow, SessionTable } from './schema.ts';

/** A session with what authenticating a request needs of its person. */
export interface SessionWithUser extends SessionRow {
  user_email: string;
  user_status: string;
  default_workspace_id: string | null;
}

export class SessionRepository {
  constructor(
    private readonly db: Executor,
    private readonly dialect: Dialect,
  ) {}

  async create(row: Insertable<SessionTable>): Promise<void> {
    await this.db.insertInto('sessions').values(row).execute();
  }

  /** Every request authenticated by cookie whose session is not remembered reads this: compiled once. */
  async getBySecretHash(secretHash: string): Promise<SessionWithUser | undefined> {
    const [row] = await SESSION_BY_HASH.execute(this.db, this.dialect, { secretHash });
    return row;
  }

  /** The person's sessions, newest first. */
  listForUser(userId: string): Promise<SessionRow[]> {
    return this.db.selectFrom('sessions').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id').execute();
  }

  async touch(id: string, at: string): Promise<void> {
    await this.db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
  }

  /** Ends one session of the person; false when they have none of that id. */
  async delete(userId: string, id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('sessions').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Ends every session of the person but `exceptId`; answers how many ended. */
  async deleteForUser(userId: string, exceptId?: string): Promise<number> {
    let query = this.db.deleteFrom('sessions').where('user_id', '=', userId);
    if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
    const result = await query.executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Deletes sessions past their absolute lifetime or idle since before `idleBefore`. */
  async purge(now: string, idleBefore: string): Promise<void> {
    await this.db.deleteFrom('sessions').where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<', idleBefore)])).execute();
  }
}

const SESSION_BY_HASH = new PreparedQuery(['secretHash'], (db, p) => db
  .selectFrom('sessions')
  .innerJoin('users', 'users.id', 'sessions.user_id')
  .selectAll('sessions')
  .select(['users.email as user_email', 'users.status as user_status', 'users.default_workspace_id as default_workspace_id'])
  .where('sessions.secret_hash', '=', p.secretHash));
