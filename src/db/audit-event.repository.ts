import { type Insertable, sql } from 'kysely';
import type { Dialect } from './database.ts';
import type { Executor } from './executor.ts';
import { PreparedInsert } from './prepared-query.ts';
import type { AuditEventRow, AuditEventTable } from './schema.ts';

/** Rows per multi-row INSERT: well under SQLite's 32,766 parameters at eleven columns a row. */
const BATCH = 500;

/** Which events a listing reads; every field narrows it, absent fields do not. */
export interface AuditEventFilter {
  /**
   * The workspaces whose events are read: `ids` by workspace, plus the instance-level events
   * (no workspace) when `instanceLevel`. Absent: every event.
   */
  workspaces?: { ids: string[]; instanceLevel: boolean };
  actorTokenId?: string;
  actorUserId?: string;
  /** Exact action. */
  action?: string;
  /** Actions starting with this text (`user.` for every user event). */
  actionPrefix?: string;
  targetType?: string;
  targetId?: string;
  /** ISO-8601 instants, inclusive. */
  since?: string;
  until?: string;
}

/** A keyset page in id order: `desc` reads the ids below `fromId`, `asc` the ids above it. */
export interface AuditEventPage {
  order: 'asc' | 'desc';
  /** Exclusive bound on id in the direction of reading. */
  fromId?: number;
  limit: number;
}

export class AuditEventRepository {
  constructor(
    private readonly db: Executor,
    private readonly dialect: Dialect,
  ) {}

  async insert(event: Insertable<AuditEventTable>): Promise<void> {
    await INSERT_EVENT.execute(this.db, this.dialect, event);
  }

  /** Inserts many events in as few statements as the parameter limit allows. */
  async insertMany(events: Insertable<AuditEventTable>[]): Promise<void> {
    for (let start = 0; start < events.length; start += BATCH) {
      await this.db.insertInto('audit_events').values(events.slice(start, start + BATCH)).execute();
    }
  }

  /** One page of events matching `filter`, ordered by id; keyset pagination, so pages never overlap or skip. */
  list(filter: AuditEventFilter, page: AuditEventPage): Promise<AuditEventRow[]> {
    let query = this.db
      .selectFrom('audit_events')
      .select([
        'id', 'occurred_at', 'workspace_id', 'actor_type', 'actor_token_id', 'actor_user_id', 'actor_address', 'actor_user_agent', 'action', 'target_type', 'target_id',
        'changes', 'request_id', 'source',
      ]);
    const { workspaces } = filter;
    if (workspaces) {
      query = query.where((eb) => eb.or([
        ...(workspaces.ids.length > 0 ? [eb('workspace_id', 'in', workspaces.ids)] : []),
        ...(workspaces.instanceLevel ? [eb('workspace_id', 'is', null)] : []),
        // Neither: nothing matches.
        ...(workspaces.ids.length === 0 && !workspaces.instanceLevel ? [eb.lit(false)] : []),
      ]));
    }
    if (filter.actorTokenId !== undefined) query = query.where('actor_token_id', '=', filter.actorTokenId);
    if (filter.actorUserId !== undefined) query = query.where('actor_user_id', '=', filter.actorUserId);
    if (filter.action !== undefined) query = query.where('action', '=', filter.action);
    if (filter.actionPrefix !== undefined) {
      // Compared exactly rather than with LIKE, where `_` is a wildcard and case may not matter.
      const prefix = filter.actionPrefix;
      query = query.where(sql<boolean>`substr(action, 1, ${prefix.length}) = ${prefix}`);
    }
    if (filter.targetType !== undefined) query = query.where('target_type', '=', filter.targetType);
    if (filter.targetId !== undefined) query = query.where('target_id', '=', filter.targetId);
    if (filter.since !== undefined) query = query.where('occurred_at', '>=', filter.since);
    if (filter.until !== undefined) query = query.where('occurred_at', '<=', filter.until);
    if (page.fromId !== undefined) query = query.where('id', page.order === 'desc' ? '<' : '>', page.fromId);
    return query.orderBy('id', page.order).limit(page.limit).execute();
  }
}

const INSERT_EVENT = new PreparedInsert('audit_events');
