import { randomUUID } from 'node:crypto';
import type { Repositories, Store } from '../db/store.ts';
import { fromJson, toJson } from '../db/rows.ts';
import { invalidInput } from './errors.ts';
import { newInviteNonce } from './membership-assignment.ts';
import { type Scope, isScope } from './scopes.ts';
import { displayPrefix, generateTokenSecret, hashTokenSecret } from './token-secret.ts';
import type { WorkspaceService } from './workspace.service.ts';

export interface TokenCreateInput {
  name: string;
  /** The user the token acts for; created as an admin of the token's workspace when new. */
  email: string;
  scopes: Scope[];
  /** Bind the token to one workspace; absent means instance-wide. */
  workspaceId?: string;
  expiresAt?: string;
}

export interface AuthenticatedToken {
  tokenId: string;
  userId: string;
  email: string;
  scopes: string[];
  workspaceId: string | null;
}

export class TokenService {
  constructor(
    private readonly store: Store,
    private readonly workspaces: WorkspaceService,
  ) {}

  /** Creates a token and returns its secret; the secret is not stored and cannot be shown again. */
  async create(input: TokenCreateInput): Promise<{ id: string; secret: string }> {
    const secret = generateTokenSecret();
    const id = await this.insert(input, secret);
    return { id, secret };
  }

  /**
   * Makes sure an instance-wide token with every scope and exactly this secret exists, for
   * automated setups that configure the token instead of reading one back.
   */
  async ensureBootstrap(secret: string, email: string): Promise<void> {
    const existing = await this.store.read((repos) => repos.tokens.getByHash(hashTokenSecret(secret)));
    // An existing token is left alone, even a revoked one: configuration must not undo a revocation.
    if (existing) return;
    await this.insert({ name: 'bootstrap', email, scopes: ['*'] }, secret);
  }

  /** The token's identity, or null when the secret is unknown, revoked, expired or its user archived. */
  async authenticate(secret: string): Promise<AuthenticatedToken | null> {
    const row = await this.store.read((repos) => repos.tokens.getByHash(hashTokenSecret(secret)));
    if (!row || row.revoked_at || row.user_status === 'archived') return null;
    if (row.expires_at && new Date(row.expires_at).getTime() <= Date.now()) return null;
    return {
      tokenId: row.id,
      userId: row.user_id,
      email: row.user_email,
      scopes: fromJson<string[]>(row.scopes),
      workspaceId: row.workspace_id,
    };
  }

  private async insert(input: TokenCreateInput, secret: string): Promise<string> {
    for (const scope of input.scopes) {
      if (!isScope(scope)) throw invalidInput('scopes', `unknown scope "${scope}"`);
    }
    const workspaceId = input.workspaceId ?? (await this.workspaces.ensureDefault());
    if (input.workspaceId && !(await this.store.read((repos) => repos.workspaces.get(workspaceId)))) {
      throw invalidInput('workspace', `no workspace with id ${workspaceId}`, 'workspace_not_found');
    }
    const id = randomUUID();
    await this.store.write(async (repos) => {
      const userId = await ensureAdminUser(repos, input.email, workspaceId);
      await repos.tokens.create({
        id,
        name: input.name,
        token_hash: hashTokenSecret(secret),
        token_prefix: displayPrefix(secret),
        scopes: toJson(input.scopes),
        workspace_id: input.workspaceId ?? null,
        user_id: userId,
        created_at: new Date().toISOString(),
        expires_at: input.expiresAt ?? null,
        last_used_at: null,
        revoked_at: null,
      });
    });
    return id;
  }
}

/** Finds the user by email, creating them, or their membership, as an active admin when missing. */
async function ensureAdminUser(repos: Repositories, email: string, workspaceId: string): Promise<string> {
  const at = new Date().toISOString();
  let user = await repos.users.getByEmail(email);
  if (!user) {
    const id = randomUUID();
    await repos.users.create({
      id, email, first_name: '', last_name: '', status: 'active', default_workspace_id: workspaceId, created_at: at, updated_at: at,
    });
    user = await repos.users.getById(id);
  }
  const userId = user!.id;
  if (!(await repos.memberships.get(workspaceId, userId))) {
    await repos.memberships.create({
      workspace_id: workspaceId, user_id: userId, role: 'admin', status: 'active', invite_nonce: newInviteNonce(),
      created_at: at, updated_at: at,
    });
  }
  return userId;
}
