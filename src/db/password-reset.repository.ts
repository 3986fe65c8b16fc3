import type { Insertable } from 'kysely';
import type { Dialect } from './database.ts';
import { type Executor, type RowLock, withLock } from './executor.ts';
import type { PasswordResetRow, PasswordResetTable } from './schema.ts';

/**
 * Password resets, found by the SHA-256 of their token. A reset is live while `used_at` is
 * null and `expires_at` is ahead; ending one early (a newer reset, a password set otherwise)
 * moves its `expires_at` to that moment, so `used_at` keeps meaning "a password was set
 * with it".
 */
export class PasswordResetRepository {
  constructor(
    private readonly db: Executor,
    private readonly dialect: Dialect,
  ) {}

  async create(row: Insertable<PasswordResetTable>): Promise<void> {
    await this.db.insertInto('password_resets').values(row).execute();
  }

  /** The reset whose token hashes to `tokenHash`, locked with `lock` until the transaction ends. */
  getByTokenHash(tokenHash: string, lock?: RowLock): Promise<PasswordResetRow | undefined> {
    const query = this.db.selectFrom('password_resets').selectAll().where('token_hash', '=', tokenHash);
    return withLock(query, this.dialect, lock).executeTakeFirst();
  }

  /** Marks a live reset used; false when it was used or ended meanwhile. */
  async markUsed(id: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('password_resets')
      .set({ used_at: at })
      .where('id', '=', id)
      .where('used_at', 'is', null)
      .where('expires_at', '>', at)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Ends every live reset of the person at `at`; answers how many there were. */
  async endLive(userId: string, at: string): Promise<number> {
    const result = await this.db
      .updateTable('password_resets')
      .set({ expires_at: at })
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .where('expires_at', '>', at)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** Deletes resets that ended before `before`: their links are then answered as unknown. */
  async purge(before: string): Promise<void> {
    await this.db.deleteFrom('password_resets').where('expires_at', '<', before).execute();
  }
}
