import type { AuditEventFilter } from '../db/audit-event.repository.ts';
import { fromJson, toIso } from '../db/rows.ts';
import type { AuditEventRow } from '../db/schema.ts';
import type { Store } from '../db/store.ts';
import type { Actor } from './actor.ts';
import type { AuditContext } from './audit.ts';
import { invalidInput } from './errors.ts';
import { isStorableInstant } from './instants.ts';

/** One recorded write, as the API answers it and `audit export` writes it. */
export interface AuditEvent {
  id: number;
  occurredAt: string;
  /** Null for instance-level targets (accounts, instance-wide tokens). */
  workspaceId: string | null;
  actor: { type: AuditContext['actorType']; tokenId: string | null; userId: string | null; address: string | null; userAgent: string | null };
  action: string;
  target: { type: string; id: string };
  changes: Record<string, unknown>;
  requestId: string | null;
  /** The API dialect that made the write (`scim`, `retool-v2`); null for the native API, the ToolJet API and local work. */
  source: string | null;
}

/** Narrows a listing; every field is optional. */
export interface AuditEventQuery {
  actorTokenId?: string;
  actorUserId?: string;
  /** An exact action (`user.created`), or a prefix ending in `.*` (`user.*`). */
  action?: string;
  targetType?: string;
  targetId?: string;
  /** ISO-8601 date-times, inclusive. */
  since?: string;
  until?: string;
}

export interface AuditEventPageRequest {
  /** 1 to MAX_PAGE_SIZE. */
  limit: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
}

export interface AuditEventPage {
  events: AuditEvent[];
  /** Null on the last page. */
  nextCursor: string | null;
}

export const MAX_PAGE_SIZE = 1000;
const ACTION = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;
const ACTION_PREFIX = /^([a-z][a-z0-9_]*\.)+\*$/;
const CURSOR = /^v1:([1-9][0-9]{0,15})$/;

/**
 * Reads the audit log. Events are never changed or deleted here: they are written only by
 * the services whose writes they record, in the same transaction.
 */
export class AuditLogService {
  constructor(private readonly store: Store) {}

  /**
   * The actor's workspace's events, newest first, and for an instance-wide token also the
   * instance-level ones. Keyset pagination on the event id: a page never repeats or skips
   * an event, whatever is recorded between two requests.
   */
  async list(actor: Actor, query: AuditEventQuery, page: AuditEventPageRequest): Promise<AuditEventPage> {
    if (!Number.isInteger(page.limit) || page.limit < 1 || page.limit > MAX_PAGE_SIZE) {
      throw invalidInput('limit', `must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
    }
    const filter: AuditEventFilter = {
      ...toFilter(query),
      workspaces: { ids: [actor.workspaceId], instanceLevel: !actor.boundWorkspaceId },
    };
    const fromId = page.cursor === undefined ? undefined : decodeCursor(page.cursor);
    const rows = await this.store.read((repos) => repos.auditEvents.list(filter, { order: 'desc', fromId, limit: page.limit + 1 }));
    const events = rows.slice(0, page.limit).map(toAuditEvent);
    return { events, nextCursor: rows.length > page.limit ? encodeCursor(events.at(-1)!.id) : null };
  }

  /**
   * Every event matching `query`, oldest first, read `pageSize` at a time so memory stays
   * flat however long the log. `workspaceId` narrows to one workspace; without it, every
   * workspace's events and the instance-level ones. For local administration (the CLI).
   */
  async *export(query: AuditEventQuery & { workspaceId?: string }, pageSize = 500): AsyncGenerator<AuditEvent> {
    const filter: AuditEventFilter = {
      ...toFilter(query),
      ...(query.workspaceId === undefined ? {} : { workspaces: { ids: [query.workspaceId], instanceLevel: false } }),
    };
    let fromId: number | undefined;
    for (;;) {
      const rows = await this.store.read((repos) => repos.auditEvents.list(filter, { order: 'asc', fromId, limit: pageSize }));
      for (const row of rows) yield toAuditEvent(row);
      if (rows.length < pageSize) return;
      fromId = Number(rows.at(-1)!.id);
    }
  }
}

/** Checks the filters and turns them into the repository's; a bad one is a 400 naming it. */
function toFilter(query: AuditEventQuery): AuditEventFilter {
  const filter: AuditEventFilter = {
    actorTokenId: query.actorTokenId,
    actorUserId: query.actorUserId,
    targetType: query.targetType,
    targetId: query.targetId,
    since: query.since === undefined ? undefined : instant(query.since, 'since'),
    until: query.until === undefined ? undefined : instant(query.until, 'until'),
  };
  if (query.action !== undefined) {
    if (ACTION_PREFIX.test(query.action)) filter.actionPrefix = query.action.slice(0, -1);
    else if (ACTION.test(query.action)) filter.action = query.action;
    else throw invalidInput('action', 'must be an action such as user.created, or a prefix ending in .* such as user.*');
  }
  if (filter.since !== undefined && filter.until !== undefined && filter.until < filter.since) {
    throw invalidInput('until', 'must not be before since');
  }
  return filter;
}

/** An ISO-8601 date-time with a time zone, normalised to UTC as events store it. */
function instant(value: string, field: string): string {
  const at = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(value) ? new Date(value) : null;
  if (!at || !isStorableInstant(at)) throw invalidInput(field, 'must be an ISO-8601 date-time with a time zone, such as 2026-01-31T09:00:00Z, in years 0001 to 9999');
  return at.toISOString();
}

function encodeCursor(id: number): string {
  return Buffer.from(`v1:${id}`).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const match = CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const id = match ? Number(match[1]) : NaN;
  if (!Number.isSafeInteger(id)) throw invalidInput('cursor', 'is not a cursor this API answered; pass nextCursor as it was given', 'invalid_cursor');
  return id;
}

function toAuditEvent(row: AuditEventRow): AuditEvent {
  return {
    id: Number(row.id),
    occurredAt: toIso(row.occurred_at),
    workspaceId: row.workspace_id,
    actor: { type: row.actor_type, tokenId: row.actor_token_id, userId: row.actor_user_id, address: row.actor_address, userAgent: row.actor_user_agent },
    action: row.action,
    target: { type: row.target_type, id: row.target_id },
    changes: fromJson<Record<string, unknown>>(row.changes),
    requestId: row.request_id,
    source: row.source ?? null,
  };
}
