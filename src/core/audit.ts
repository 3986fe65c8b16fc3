import { AsyncLocalStorage } from 'node:async_hooks';
import type { Insertable } from 'kysely';
import { toJson } from '../db/rows.ts';
import type { AuditEventTable } from '../db/schema.ts';
import type { Repositories } from '../db/store.ts';

/**
 * Who is behind the writes of one request or command. The dialects and the CLI set it
 * around their work (`runAudited`); every audit event recorded inside carries it.
 */
export interface AuditContext {
  /**
   * `token`: a native API token; `session`: a signed-in person; `external_api`: the ToolJet
   * access token; `scim`: a native API token provisioning over SCIM; `public`: no credential.
   */
  actorType: 'token' | 'session' | 'external_api' | 'cli' | 'public' | 'system';
  tokenId?: string | null;
  userId?: string | null;
  requestId?: string | null;
  /** The client's address and user agent, for writes that came over HTTP. */
  address?: string | null;
  userAgent?: string | null;
  /** The API dialect that made the write (`retool-v2`); absent for the native API and local work. */
  source?: string | null;
}

/** One write, as the service that made it describes it. */
export interface AuditEntry {
  /** `<target type>.<past participle>`: `user.created`, `permission.granted`, ... */
  action: string;
  target: { type: string; id: string | number };
  /** The workspace the target lives in; null for instance-level targets. */
  workspaceId: string | null;
  /**
   * The fields the write set, with their new values. Secret values are never given here:
   * record a changed secret by name only (`secretNames: [...]`).
   */
  changes?: Record<string, unknown>;
}

const SYSTEM: AuditContext = { actorType: 'system' };
/** User agents are kept up to this many characters. */
const MAX_USER_AGENT = 512;
const contexts = new AsyncLocalStorage<AuditContext>();

/** Runs `work` with every audit event recorded inside attributed to `context`. */
export function runAudited<T>(context: AuditContext, work: () => T): T {
  return contexts.run(context, work);
}

/** The context of the running request or command; `system` outside any. */
export function auditContext(): AuditContext {
  return contexts.getStore() ?? SYSTEM;
}

/**
 * Records `entry` through `repos`, which must be the write transaction that makes the
 * change: the event commits or rolls back with it.
 */
export async function recordAudit(repos: Repositories, entry: AuditEntry): Promise<void> {
  await repos.auditEvents.insert(auditRow(entry));
}

/** The row `recordAudit` inserts for `entry`, for a caller that inserts it with others in one statement. */
export function auditRow(entry: AuditEntry): Insertable<AuditEventTable> {
  return toRow(auditContext(), entry, new Date().toISOString());
}

/** Records many entries at once (bulk writes), under the same rule as `recordAudit`. */
export async function recordAuditMany(repos: Repositories, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const context = auditContext();
  const at = new Date().toISOString();
  await repos.auditEvents.insertMany(entries.map((entry) => toRow(context, entry, at)));
}

/**
 * The fields of `after` whose value differs from `before` (compared as JSON), for an
 * update's `changes`: fields left undefined in `after` were not asked for and are skipped.
 */
export function changedFields(before: object, after: Record<string, unknown>): Record<string, unknown> {
  const old = before as Record<string, unknown>;
  return Object.fromEntries(Object.entries(after).filter(([name, value]) =>
    value !== undefined && JSON.stringify(value) !== JSON.stringify(old[name])));
}

export function isEmpty(changes: Record<string, unknown>): boolean {
  return Object.keys(changes).length === 0;
}

function toRow(context: AuditContext, entry: AuditEntry, at: string): Insertable<AuditEventTable> {
  return {
    occurred_at: at,
    workspace_id: entry.workspaceId,
    actor_type: context.actorType,
    actor_token_id: context.tokenId ?? null,
    actor_user_id: context.userId ?? null,
    actor_address: context.address ?? null,
    actor_user_agent: context.userAgent?.slice(0, MAX_USER_AGENT) ?? null,
    action: entry.action,
    target_type: entry.target.type,
    target_id: String(entry.target.id),
    changes: toJson(entry.changes ?? {}),
    request_id: context.requestId ?? null,
    source: context.source ?? null,
  };
}
