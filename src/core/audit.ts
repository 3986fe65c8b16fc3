import { AsyncLocalStorage } from 'node:async_hooks';
import { toJson } from '../db/rows.ts';
import type { Repositories } from '../db/store.ts';

/**
 * Who is behind the writes of one request or command. The dialects and the CLI set it
 * around their work (`runAudited`); every audit event recorded inside carries it.
 */
export interface AuditContext {
  /** `token`: a native API token; `external_api`: the ToolJet access token; `public`: no credential. */
  actorType: 'token' | 'external_api' | 'cli' | 'public' | 'system';
  tokenId?: string | null;
  userId?: string | null;
  requestId?: string | null;
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
  const context = auditContext();
  await repos.auditEvents.insert({
    occurred_at: new Date().toISOString(),
    workspace_id: entry.workspaceId,
    actor_type: context.actorType,
    actor_token_id: context.tokenId ?? null,
    actor_user_id: context.userId ?? null,
    action: entry.action,
    target_type: entry.target.type,
    target_id: String(entry.target.id),
    changes: toJson(entry.changes ?? {}),
    request_id: context.requestId ?? null,
  });
}
