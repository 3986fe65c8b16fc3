import type { Executor } from './executor.ts';
import type { Insertable } from 'kysely';
import type { ApiTokenRow, ApiTokenTable } from './schema.ts';

/** A token found by its hash, with the user it acts for. */
export interface TokenWithUser extends ApiTokenRow {
  user_email: string;
  user_status: string;
}

export class TokenRepository {
  constructor(private readonly db: Executor) {}

  getByHash(tokenHash: string): Promise<TokenWithUser | undefined> {
    return this.db
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .selectAll('api_tokens')
      .select(['users.email as user_email', 'users.status as user_status'])
      .where('api_tokens.token_hash', '=', tokenHash)
      .executeTakeFirst();
  }

  async create(row: Insertable<ApiTokenTable>): Promise<void> {
    await this.db.insertInto('api_tokens').values(row).execute();
  }
}
