import type { Insertable } from 'kysely';
import type { Executor } from './executor.ts';
import type { SsoLoginRow, SsoLoginTable } from './schema.ts';

/**
 * Sign-ins under way at an identity provider, between the redirect there and its callback.
 * Held in the database so the callback may reach any server process.
 */
export class SsoLoginRepository {
  constructor(private readonly db: Executor) {}

  async create(row: Insertable<SsoLoginTable>): Promise<void> {
    await this.db.insertInto('sso_logins').values(row).execute();
  }

  /**
   * Removes the sign-in of that state and answers it, in one statement: of two callbacks
   * carrying the same state, at most one gets the row (both databases support RETURNING).
   */
  take(stateHash: string): Promise<SsoLoginRow | undefined> {
    return this.db.deleteFrom('sso_logins').where('state_hash', '=', stateHash).returningAll().executeTakeFirst();
  }

  /** Deletes sign-ins that expired before `now`: abandoned at the provider. */
  async purgeExpired(now: string): Promise<void> {
    await this.db.deleteFrom('sso_logins').where('expires_at', '<', now).execute();
  }
}
