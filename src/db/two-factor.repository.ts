import type { Executor } from './executor.ts';

/** An account's two-factor state with what proving the person needs. */
export interface TwoFactorStateRow {
  id: string;
  email: string;
  password_hash: string | null;
  /** Sealed; set while enrolling and once enrolled. */
  totp_secret: string | null;
  totp_enabled_at: Date | string | null;
}

/**
 * The TOTP columns of `users` and the `recovery_codes` table. Changes that depend on the
 * state read before them are conditional updates that answer whether they applied, so two
 * requests racing each other cannot both win, on either database, without row locks.
 * `users.updated_at` is left alone: nothing here changes the account a client reads.
 */
export class TwoFactorRepository {
  constructor(private readonly db: Executor) {}

  get(userId: string): Promise<TwoFactorStateRow | undefined> {
    return this.db
      .selectFrom('users')
      .select(['id', 'email', 'password_hash', 'totp_secret', 'totp_enabled_at'])
      .where('id', '=', userId)
      .executeTakeFirst();
  }

  /** Stores a secret to enrol with, replacing any earlier one; false when two-factor is already on. */
  async setPendingSecret(userId: string, sealedSecret: string): Promise<boolean> {
    const result = await this.db
      .updateTable('users')
      .set({ totp_secret: sealedSecret })
      .where('id', '=', userId)
      .where('totp_enabled_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Turns two-factor on with the secret the person proved; false when it is on already or the secret was replaced meanwhile. */
  async enable(userId: string, sealedSecret: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('users')
      .set({ totp_enabled_at: at })
      .where('id', '=', userId)
      .where('totp_secret', '=', sealedSecret)
      .where('totp_enabled_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Turns two-factor off: forgets the secret and every recovery code. */
  async clear(userId: string): Promise<void> {
    await this.db.updateTable('users').set({ totp_secret: null, totp_enabled_at: null }).where('id', '=', userId).execute();
    await this.db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  }

  /** Replaces the account's recovery codes (used or not) with these hashes. */
  async replaceRecoveryCodes(userId: string, codeHashes: readonly string[]): Promise<void> {
    await this.db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
    if (codeHashes.length === 0) return;
    await this.db.insertInto('recovery_codes').values(codeHashes.map((code_hash) => ({ user_id: userId, code_hash }))).execute();
  }

  /** Marks an unused recovery code of the account used; false when it has no such unused code. One statement: a code works once. */
  async useRecoveryCode(userId: string, codeHash: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('recovery_codes')
      .set({ used_at: at })
      .where('user_id', '=', userId)
      .where('code_hash', '=', codeHash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
