import type { Insertable } from 'kysely';
import type { Dialect } from './database.ts';
import { type Executor, toCount } from './executor.ts';
import { PreparedQuery, allColumns } from './prepared-query.ts';
import type { ApiTokenRow, ApiTokenTable } from './schema.ts';

/** A token with the user it acts for. */
export interface TokenWithUser extends ApiTokenRow {
  user_email: string;
  user_status: string;
  /** The user's membership status in the token's workspace; null when instance-wide or not a member. */
  member_status: string | null;
}

/**
 * Which tokens a caller may see: those bound to `workspaceId`, plus the instance-wide ones
 * when `includeInstanceWide`.
 */
export interface TokenReach {
  workspaceId: string;
  includeInstanceWide: boolean;
}

export class TokenRepository {
  constructor(
    private readonly db: Executor,
    private readonly dialect: Dialect,
  ) {}

  private within(reach: TokenReach) {
    return tokensWithUsers(this.db).where((eb) => (reach.includeInstanceWide
      ? eb.or([eb('api_tokens.workspace_id', '=', reach.workspaceId), eb('api_tokens.workspace_id', 'is', null)])
      : eb('api_tokens.workspace_id', '=', reach.workspaceId)));
  }

  /** Every authenticated request's read when its token is not remembered: compiled once. */
  async getByHash(tokenHash: string): Promise<TokenWithUser | undefined> {
    const [row] = await TOKEN_BY_HASH.execute(this.db, this.dialect, { tokenHash });
    return row;
  }

  getById(id: string): Promise<TokenWithUser | undefined> {
    return tokensWithUsers(this.db).where('api_tokens.id', '=', id).executeTakeFirst();
  }

  /** The token when it lies within `reach`. */
  get(reach: TokenReach, id: string): Promise<TokenWithUser | undefined> {
    return this.within(reach).where('api_tokens.id', '=', id).executeTakeFirst();
  }

  /** One page of the tokens within `reach`, oldest first. */
  list(reach: TokenReach, offset: number, limit: number): Promise<TokenWithUser[]> {
    return this.within(reach).orderBy('api_tokens.created_at').orderBy('api_tokens.id').offset(offset).limit(limit).execute();
  }

  async count(reach: TokenReach): Promise<number> {
    const row = await this.within(reach).clearSelect().select((eb) => eb.fn.countAll().as('count')).executeTakeFirst();
    return toCount(row?.count as string | number | undefined);
  }

  async create(row: Insertable<ApiTokenTable>): Promise<void> {
    await this.db.insertInto('api_tokens').values(row).execute();
  }

  /** Replaces the secret's hash; false when the token is gone or revoked meanwhile. */
  async replaceSecret(id: string, tokenHash: string, tokenPrefix: string): Promise<boolean> {
    const result = await this.db
      .updateTable('api_tokens')
      .set({ token_hash: tokenHash, token_prefix: tokenPrefix })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Marks the token revoked; false when it already was. */
  async revoke(id: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('api_tokens')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async setLastUsed(id: string, at: string): Promise<void> {
    await this.db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
  }
}

const TOKEN_COLUMNS = allColumns<ApiTokenRow>()([
  'id', 'name', 'description', 'token_hash', 'token_prefix', 'scopes', 'workspace_id', 'user_id', 'created_at', 'expires_at', 'last_used_at', 'revoked_at',
]);

function tokensWithUsers(db: Executor) {
  return db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .leftJoin('memberships', (join) => join
      .onRef('memberships.workspace_id', '=', 'api_tokens.workspace_id')
      .onRef('memberships.user_id', '=', 'api_tokens.user_id'))
    .select(TOKEN_COLUMNS.map((column) => `api_tokens.${column}` as const))
    .select(['users.email as user_email', 'users.status as user_status', 'memberships.status as member_status']);
}

const TOKEN_BY_HASH = new PreparedQuery(['tokenHash'], (db, p) => tokensWithUsers(db).where('api_tokens.token_hash', '=', p.tokenHash));
