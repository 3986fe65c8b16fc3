import { randomUUID } from 'node:crypto';
import type { SessionConfig } from '../config.ts';
import { toIso } from '../db/rows.ts';
import type { SessionWithUser } from '../db/session.repository.ts';
import type { Repositories, Store } from '../db/store.ts';
import type { Insertable } from 'kysely';
import type { SessionTable } from '../db/schema.ts';
import { type AuditEntry, auditRow, recordAudit } from './audit.ts';
import { DomainError } from './errors.ts';
import { RecentReads } from './recent-reads.ts';
import { generateTokenSecret, hashTokenSecret } from './token-secret.ts';

/** Prefix of session secrets (the cookie's value). */
export const SESSION_PREFIX = 'tps_';

/** `last_seen_at` is written at most this often per session: the idle timeout is this precise. */
export const TOUCH_INTERVAL_MS = 60_000;

/** Where a sign-in came from, for the person's session list and the audit log. */
export interface ClientInfo {
  address: string | null;
  userAgent: string | null;
}

export type SignInMethod = 'password' | 'sso';

/** A session as its person sees it: never its secret nor its hash. */
export interface SessionView {
  id: string;
  method: string;
  address: string | null;
  userAgent: string | null;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  /** Whether this is the session making the request. */
  current: boolean;
}

/** A live session, as authentication answers it: one object per remembered read, never to be changed. */
export interface AuthenticatedSession {
  readonly sessionId: string;
  readonly userId: string;
  readonly email: string;
  readonly defaultWorkspaceId: string | null;
  readonly expiresAt: string;
}

/** A session row as it is remembered: its instants parsed once, its answer built once. */
interface ReadSession {
  answer: AuthenticatedSession;
  archived: boolean;
  lastSeenAtMs: number;
  expiresAtMs: number;
}

/** A new session and the secret its cookie carries, shown this once. */
export interface StartedSession {
  session: SessionView;
  secret: string;
}

/**
 * Signed-in people's sessions, held in the database so every server process shares them.
 * The cookie carries a 256-bit secret; only its SHA-256 is stored. A session ends when its
 * person signs out, after `idleMs` without a request, `maxAgeMs` after sign-in, or when its
 * account is archived.
 */
export class SessionService {
  /** Sessions by secret hash, as TokenService remembers tokens: for at most one second, emptied by any change here. */
  private readonly recent: RecentReads<ReadSession | undefined>;
  /** Sessions whose `last_seen_at` is being written now. */
  private readonly touching = new Set<string>();

  constructor(
    private readonly store: Store,
    private readonly config: SessionConfig,
    private readonly now: () => number = Date.now,
  ) {
    this.recent = new RecentReads(store, { rowsOf: ['sessions', 'users'] });
  }

  /**
   * Starts a session for the person inside the caller's transaction (a sign-in through SSO
   * writes its session with the person's groups and attributes).
   */
  async start(repos: Repositories, userId: string, method: SignInMethod, client: ClientInfo): Promise<StartedSession> {
    const { row, started } = this.newSession(userId, method, client);
    await repos.sessions.create(row);
    return started;
  }

  /**
   * Starts a session for the person and records `event` with it, both or neither, committed
   * without waiting for the database's log flush (`Store.insertWithoutFlush`): a session lost
   * to a database crash right after is a sign-in to repeat, not a lost change.
   */
  async startRecorded(userId: string, method: SignInMethod, client: ClientInfo, event: (session: SessionView) => AuditEntry): Promise<StartedSession> {
    const { row, started } = this.newSession(userId, method, client);
    await this.store.insertWithoutFlush([{ into: 'sessions', row }, { into: 'audit_events', row: auditRow(event(started.session)) }]);
    return started;
  }

  private newSession(userId: string, method: SignInMethod, client: ClientInfo): { row: Insertable<SessionTable>; started: StartedSession } {
    const secret = generateTokenSecret(SESSION_PREFIX);
    const now = this.now();
    const row = {
      id: randomUUID(),
      secret_hash: hashTokenSecret(secret),
      user_id: userId,
      method,
      address: client.address,
      user_agent: client.userAgent?.slice(0, 512) ?? null,
      created_at: new Date(now).toISOString(),
      last_seen_at: new Date(now).toISOString(),
      expires_at: new Date(now + this.config.maxAgeMs).toISOString(),
    };
    return { row, started: { session: toView(row, row.id), secret } };
  }

  /** The session the secret opens, or null when it is unknown, ended, idle too long, or its account archived. */
  async authenticate(secret: string): Promise<AuthenticatedSession | null> {
    if (!secret.startsWith(SESSION_PREFIX)) return null;
    const hash = hashTokenSecret(secret);
    const read = await this.recent.get(hash, async () => {
      const row = await this.store.read((repos) => repos.sessions.getBySecretHash(hash));
      return row && toReadSession(row);
    }, (found) => found !== undefined);
    return read ? this.admit(read) : null;
  }

  /** `authenticate` from memory alone: undefined when the session must be read. */
  authenticateFromMemory(secret: string): AuthenticatedSession | null | undefined {
    if (!secret.startsWith(SESSION_PREFIX)) return null;
    const read = this.recent.peek(hashTokenSecret(secret));
    return read === undefined ? undefined : this.admit(read);
  }

  /** The person's sessions, newest first, marking `currentId`. */
  list(userId: string, currentId: string | null): Promise<SessionView[]> {
    return this.store.read(async (repos) => (await repos.sessions.listForUser(userId))
      .filter((row) => this.isLive(row))
      .map((row) => toView(row, currentId)));
  }

  /** Ends one of the person's sessions; another person's or an unknown one is a 404. */
  end(userId: string, sessionId: string, reason: 'sign_out' | 'ended', client: ClientInfo): Promise<void> {
    return this.store.write(async (repos) => {
      if (!(await repos.sessions.delete(userId, sessionId))) {
        throw new DomainError('not_found', 'session_not_found', `No session with id ${sessionId}`);
      }
      await recordAudit(repos, {
        action: reason === 'sign_out' ? 'auth.signed_out' : 'session.ended', target: { type: 'session', id: sessionId }, workspaceId: null,
        changes: { address: client.address, userAgent: client.userAgent },
      });
    });
  }

  /** Ends every session of the person but `exceptId`, inside the caller's transaction; answers how many. */
  endOthers(repos: Repositories, userId: string, exceptId?: string): Promise<number> {
    return repos.sessions.deleteForUser(userId, exceptId);
  }

  private admit(read: ReadSession): AuthenticatedSession | null {
    const now = this.now();
    if (read.archived || read.expiresAtMs <= now || read.lastSeenAtMs + this.config.idleMs <= now) return null;
    const { sessionId } = read.answer;
    if (now - read.lastSeenAtMs >= TOUCH_INTERVAL_MS && !this.touching.has(sessionId)) {
      // Off the request's path, once at a time per session: the requests that arrive before
      // it commits see the old row and would each write the same thing again. A failed write
      // only makes the idle clock start a little earlier.
      this.touching.add(sessionId);
      this.store.write((repos) => repos.sessions.touch(sessionId, new Date(now).toISOString()))
        .catch(() => undefined)
        .finally(() => this.touching.delete(sessionId));
    }
    return read.answer;
  }

  private isLive(row: { expires_at: Date | string; last_seen_at: Date | string }): boolean {
    const now = this.now();
    return new Date(row.expires_at).getTime() > now && new Date(row.last_seen_at).getTime() + this.config.idleMs > now;
  }
}

function toReadSession(row: SessionWithUser): ReadSession {
  return {
    answer: {
      sessionId: row.id, userId: row.user_id, email: row.user_email, defaultWorkspaceId: row.default_workspace_id, expiresAt: toIso(row.expires_at),
    },
    archived: row.user_status === 'archived',
    lastSeenAtMs: new Date(row.last_seen_at).getTime(),
    expiresAtMs: new Date(row.expires_at).getTime(),
  };
}

function toView(
  row: { id: string; method: string; address: string | null; user_agent: string | null; created_at: Date | string; last_seen_at: Date | string; expires_at: Date | string },
  currentId: string | null,
): SessionView {
  return {
    id: row.id,
    method: row.method,
    address: row.address,
    userAgent: row.user_agent,
    createdAt: toIso(row.created_at),
    lastSeenAt: toIso(row.last_seen_at),
    expiresAt: toIso(row.expires_at),
    current: row.id === currentId,
  };
}
