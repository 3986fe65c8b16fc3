import { randomUUID } from 'node:crypto';
import type { Repositories, Store } from '../db/store.ts';
import { fromJson, toIso, toIsoOrNull, toJson } from '../db/rows.ts';
import type { TokenReach, TokenWithUser } from '../db/token.repository.ts';
import { type Actor, isLocalWork } from './actor.ts';
import { refuseArchivedAccount } from './account-boundary.ts';
import { recordAudit } from './audit.ts';
import { conflict, forbidden, invalidInput, notFound } from './errors.ts';
import { newInviteNonce } from './membership-assignment.ts';
import { type Page, type PageRequest, offsetOf } from './pagination.ts';
import { RecentReads } from './recent-reads.ts';
import type { Scope } from './scopes.ts';
import { assertExpiryWithin, assertScopesWithin, checkScopes, grantOf, requestedExpiry } from './token-grants.ts';
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

/** A token as an admin sees it: never its secret nor its hash. */
export interface TokenView {
  id: string;
  name: string;
  /** What the token is for; null when none was given. */
  description: string | null;
  /** The secret's first characters, to tell tokens apart. */
  prefix: string;
  scopes: string[];
  workspaceId: string | null;
  /** The user the token acts for: its creator, for a token made through an API. */
  userId: string;
  userEmail: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** A token with its secret, answered once, at creation or rotation. */
export interface IssuedToken {
  token: TokenView;
  secret: string;
}

/** A token an API caller creates; it acts for the caller's user. */
export interface TokenIssueInput {
  name: string;
  /** What the token is for; absent, null or empty keeps none. */
  description?: string | null;
  scopes: string[];
  /** Bind the token to one workspace; absent means instance-wide. */
  workspaceId?: string;
  /** At most one of expiresAt and expiresInDays; neither means no expiry, unless expiresWithCaller. */
  expiresAt?: string;
  expiresInDays?: number;
  /** With neither expiry given: expire when the caller's own token does (never, when it does not). */
  expiresWithCaller?: boolean;
}

/** How long uses are coalesced in memory before `last_used_at` is written. */
export const USAGE_FLUSH_MS = 30_000;

export interface AuthenticatedToken {
  tokenId: string;
  userId: string;
  email: string;
  scopes: string[];
  workspaceId: string | null;
}

export class TokenService {
  /** Token id → time (epoch ms) of its latest use not yet written to `last_used_at`. */
  private readonly pendingUses = new Map<string, number>();
  /** Scopes parsed from remembered token rows, so a remembered token's are parsed once. */
  private readonly parsedScopes = new WeakMap<TokenWithUser, string[]>();
  private flushTimer: NodeJS.Timeout | null = null;
  private closed = false;
  /** Token rows by secret hash; only tokens found are kept. */
  private readonly recent: RecentReads<TokenWithUser | undefined>;

  constructor(
    private readonly store: Store,
    private readonly workspaces: WorkspaceService,
  ) {
    // A membership removed or archived here empties it at once; one added back is seen within RECENT_READ_TTL_MS.
    this.recent = new RecentReads(store, { rowsOf: ['api_tokens', 'users', 'memberships'] });
  }

  /** The tokens the actor may see, oldest first: see `reachOf`. */
  async list(actor: Actor, page: PageRequest): Promise<Page<TokenView>> {
    const reach = reachOf(actor);
    const [rows, total] = await this.store.read((repos) =>
      Promise.all([repos.tokens.list(reach, offsetOf(page), page.pageSize), repos.tokens.count(reach)]));
    return { items: rows.map((row) => this.toView(row)), total };
  }

  async get(actor: Actor, id: string): Promise<TokenView> {
    return this.toView(await this.store.read((repos) => this.visible(repos, actor, id)));
  }

  /**
   * Creates a token acting for the actor's user. Its scopes must all be held by the actor's
   * own token (403 `scope_escalation`), and its binding must be within the actor's reach: a
   * workspace-bound actor only binds to its own workspace (403 `workspace_forbidden`).
   */
  async issue(actor: Actor, input: TokenIssueInput): Promise<IssuedToken> {
    const scopes = checkScopes(input.scopes);
    const requested = requestedExpiry(input);
    return this.store.write(async (repos) => {
      const grant = await grantOf(repos, actor);
      const expiresAt = requested ?? (input.expiresWithCaller ? grant.expiresAt : null);
      assertScopesWithin(grant, scopes);
      assertExpiryWithin(grant, expiresAt);
      const workspaceId = input.workspaceId?.toLowerCase() ?? null;
      if (actor.boundWorkspaceId && workspaceId !== actor.boundWorkspaceId) {
        throw forbidden('workspace_forbidden', workspaceId
          ? `This token is bound to workspace ${actor.boundWorkspaceId} and cannot create tokens for workspace ${workspaceId}`
          : `This token is bound to workspace ${actor.boundWorkspaceId} and cannot create instance-wide tokens`);
      }
      if (workspaceId && !(await repos.workspaces.get(workspaceId))) {
        throw invalidInput('workspaceId', `no workspace with id ${workspaceId}`, 'workspace_not_found');
      }
      if (workspaceId && (await repos.memberships.get(workspaceId, actor.userId))?.status !== 'active') {
        throw forbidden('token_user_not_member',
          `The new token would act for ${actor.email}, who is not an active member of workspace ${workspaceId}`);
      }
      const secret = generateTokenSecret();
      const id = randomUUID();
      const description = input.description || null;
      await repos.tokens.create({
        id,
        name: input.name,
        description,
        token_hash: hashTokenSecret(secret),
        token_prefix: displayPrefix(secret),
        scopes: toJson(scopes),
        workspace_id: workspaceId,
        user_id: actor.userId,
        created_at: new Date().toISOString(),
        expires_at: expiresAt,
        last_used_at: null,
        revoked_at: null,
      });
      await recordTokenCreated(repos, id, { name: input.name, description, scopes, workspaceId, userId: actor.userId, expiresAt });
      return { token: this.toView((await repos.tokens.getById(id))!), secret };
    });
  }

  /**
   * Gives the token a new secret; the old one stops working when this commits. Rotating hands
   * the caller a working secret, so it obeys every rule creating that token would: the token
   * must lie within the actor's reach (else 404), hold no scope the actor's own token lacks
   * (403 `scope_escalation`), expire no later than the actor's own token (403
   * `expiry_escalation`), and act for the actor's own user (403 `token_of_other_user`); only
   * local CLI work rotates any token.
   */
  async rotate(actor: Actor, id: string): Promise<IssuedToken> {
    return this.store.write(async (repos) => {
      const row = await this.visible(repos, actor, id);
      if (row.revoked_at) throw conflict('token_revoked', `Token ${id} is revoked`);
      if (!isLocalWork(actor) && row.user_id !== actor.userId) {
        throw forbidden('token_of_other_user', `Token ${id} acts for ${row.user_email}; only that user's tokens can rotate it. Revoke it instead`);
      }
      const grant = await grantOf(repos, actor);
      assertScopesWithin(grant, fromJson<string[]>(row.scopes));
      assertExpiryWithin(grant, row.expires_at === null ? null : new Date(row.expires_at).toISOString());
      const secret = generateTokenSecret();
      if (!(await repos.tokens.replaceSecret(id, hashTokenSecret(secret), displayPrefix(secret)))) {
        throw conflict('token_revoked', `Token ${id} is revoked`);
      }
      // The new prefix is the secret's beginning: it is not recorded either.
      await recordAudit(repos, { action: 'token.rotated', target: { type: 'token', id }, workspaceId: row.workspace_id });
      return { token: this.toView((await repos.tokens.getById(id))!), secret };
    });
  }

  /** Revokes the token: it is a 401 from then on. A revoked token is a 409 `token_revoked`. */
  async revoke(actor: Actor, id: string): Promise<void> {
    await this.store.write(async (repos) => {
      const row = await this.visible(repos, actor, id);
      if (!(await repos.tokens.revoke(id, new Date().toISOString()))) {
        throw conflict('token_revoked', `Token ${id} is already revoked`);
      }
      await recordAudit(repos, { action: 'token.revoked', target: { type: 'token', id }, workspaceId: row.workspace_id });
    });
  }

  /**
   * Notes a use of the token in memory; `last_used_at` is written by `flushUsage`, at most
   * every USAGE_FLUSH_MS, so authenticating a request never writes to the database.
   */
  recordUse(tokenId: string): void {
    this.pendingUses.set(tokenId, Date.now());
    this.scheduleFlush();
  }

  /**
   * Writes the uses recorded so far, one UPDATE per token, in one transaction. On failure
   * the uses are kept for the next flush (unless a newer use replaced them) and it throws.
   */
  async flushUsage(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (this.pendingUses.size === 0) return;
    const uses = [...this.pendingUses];
    this.pendingUses.clear();
    try {
      await this.store.write(async (repos) => {
        for (const [id, at] of uses) await repos.tokens.setLastUsed(id, new Date(at).toISOString());
      });
    } catch (error) {
      for (const [id, at] of uses) if (!this.pendingUses.has(id)) this.pendingUses.set(id, at);
      this.scheduleFlush();
      throw error;
    }
  }

  /** Writes the pending uses and stops the timer; call before the database closes. */
  async close(): Promise<void> {
    this.closed = true;
    await this.flushUsage();
  }

  private scheduleFlush(): void {
    if (this.flushTimer || this.closed) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      // A failed flush keeps its uses and schedules the next try; nothing more to do here.
      this.flushUsage().catch(() => undefined);
    }, USAGE_FLUSH_MS);
    this.flushTimer.unref();
  }

  /** The token when the actor may see it, else 404 `token_not_found`. */
  private async visible(repos: Repositories, actor: Actor, id: string): Promise<TokenWithUser> {
    const row = await repos.tokens.get(reachOf(actor), id);
    if (!row) throw notFound('token', id);
    return row;
  }

  private toView(row: TokenWithUser): TokenView {
    return {
      id: row.id,
      name: row.name,
      description: row.description,
      prefix: row.token_prefix,
      scopes: fromJson<string[]>(row.scopes),
      workspaceId: row.workspace_id,
      userId: row.user_id,
      userEmail: row.user_email,
      createdAt: toIso(row.created_at),
      expiresAt: toIsoOrNull(row.expires_at),
      // A use not yet flushed is newer than the stored one.
      lastUsedAt: usedAt(this.pendingUses.get(row.id)) ?? toIsoOrNull(row.last_used_at),
      revokedAt: toIsoOrNull(row.revoked_at),
    };
  }

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

  /**
   * The token's identity, recording a use, or null when the secret is unknown, revoked, expired
   * or its user archived; 403 `token_user_not_member` for a workspace-bound token whose user
   * is no longer an active member of its workspace. A change made by another process is seen
   * within RECENT_READ_TTL_MS.
   */
  async authenticate(secret: string): Promise<AuthenticatedToken | null> {
    // Revoking, rotating or archiving here changes the token's or its user's row, which
    // empties the memory at once; see RecentReads.
    const hash = hashTokenSecret(secret);
    const row = await this.recent.get(hash, () => this.store.read((repos) => repos.tokens.getByHash(hash)), (found) => found !== undefined);
    return row ? this.admit(row) : null;
  }

  /**
   * `authenticate` answered from memory alone, for a token read within RECENT_READ_TTL_MS:
   * the same answer it would give, or undefined when the token must be read.
   */
  authenticateFromMemory(secret: string): AuthenticatedToken | null | undefined {
    const row = this.recent.peek(hashTokenSecret(secret));
    return row === undefined ? undefined : this.admit(row);
  }

  private admit(row: TokenWithUser): AuthenticatedToken | null {
    if (row.revoked_at || row.user_status === 'archived') return null;
    if (row.expires_at && new Date(row.expires_at).getTime() <= Date.now()) return null;
    if (row.workspace_id !== null && row.member_status !== 'active') {
      throw forbidden('token_user_not_member',
        `The user this token acts for (${row.user_email}) is no longer an active member of workspace ${row.workspace_id}`);
    }
    this.recordUse(row.id);
    return {
      tokenId: row.id,
      userId: row.user_id,
      email: row.user_email,
      scopes: this.scopesOf(row),
      workspaceId: row.workspace_id,
    };
  }

  private scopesOf(row: TokenWithUser): string[] {
    let scopes = this.parsedScopes.get(row);
    if (!scopes) {
      scopes = fromJson<string[]>(row.scopes);
      this.parsedScopes.set(row, scopes);
    }
    return scopes;
  }

  private async insert(input: TokenCreateInput, secret: string): Promise<string> {
    checkScopes(input.scopes);
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
      await recordTokenCreated(repos, id, {
        name: input.name, scopes: input.scopes, workspaceId: input.workspaceId ?? null, userId, expiresAt: input.expiresAt ?? null,
      });
    });
    return id;
  }
}

/**
 * A workspace-bound actor sees the tokens bound to its workspace; an instance-wide one also
 * sees the instance-wide tokens.
 */
function reachOf(actor: Actor): TokenReach {
  return { workspaceId: actor.workspaceId, includeInstanceWide: !actor.boundWorkspaceId };
}

/** A token's creation, by its settings: never its secret, hash or prefix. The workspace is the token's own (null: instance-wide). */
function recordTokenCreated(
  repos: Repositories,
  id: string,
  token: { name: string; description?: string | null; scopes: readonly string[]; workspaceId: string | null; userId: string; expiresAt: string | null },
): Promise<void> {
  return recordAudit(repos, { action: 'token.created', target: { type: 'token', id }, workspaceId: token.workspaceId, changes: token });
}

/**
 * Finds the user by email, creating them, or their membership, as an active admin when
 * missing; a membership made here is recorded as `user.created` in the workspace.
 */
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
  refuseArchivedAccount(user!);
  if (!(await repos.memberships.get(workspaceId, userId))) {
    await repos.memberships.create({
      workspace_id: workspaceId, user_id: userId, role: 'admin', status: 'active', invite_nonce: newInviteNonce(),
      created_at: at, updated_at: at,
    });
    await recordAudit(repos, {
      action: 'user.created', target: { type: 'user', id: userId }, workspaceId,
      changes: { email: user!.email, firstName: user!.first_name, lastName: user!.last_name, role: 'admin' },
    });
  }
  return userId;
}

function usedAt(epochMs: number | undefined): string | undefined {
  return epochMs === undefined ? undefined : new Date(epochMs).toISOString();
}
