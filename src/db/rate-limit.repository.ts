import { sql } from 'kysely';
import type { Dialect } from './database.ts';
import type { Executor } from './executor.ts';
import { PreparedQuery } from './prepared-query.ts';

/** A budget's window as stored: hits counted so far and when the window ends (epoch ms). */
export interface RateWindowRow {
  count: number;
  expiresAt: number;
}

/**
 * Fixed-window request counters, one row per key. A window opens with a key's first hit
 * and lasts `windowMs`; the first hit after it ends opens the next one. Both databases run
 * the same statements: `insert … on conflict do update … returning` is one atomic step in
 * each, so concurrent hits from any number of processes are all counted.
 */
export class RateLimitRepository {
  constructor(private readonly db: Executor, private readonly dialect: Dialect) {}

  /** Counts one hit on `key` at `now` and answers the window it fell into. */
  async hit(key: string, now: number, windowMs: number): Promise<RateWindowRow> {
    // Every right-hand side reads the row as it was before this update, so the three
    // columns agree on whether the stored window had ended.
    const ended = sql<boolean>`rate_limits.expires_at <= excluded.window_start`;
    const row = await this.db
      .insertInto('rate_limits')
      .values({ key, window_start: now, expires_at: now + windowMs, count: 1 })
      .onConflict((conflict) => conflict.column('key').doUpdateSet({
        count: sql<number>`case when ${ended} then 1 else rate_limits.count + 1 end`,
        window_start: sql<number>`case when ${ended} then excluded.window_start else rate_limits.window_start end`,
        expires_at: sql<number>`case when ${ended} then excluded.expires_at else rate_limits.expires_at end`,
      }))
      .returning(['count', 'expires_at'])
      .executeTakeFirstOrThrow();
    return { count: Number(row.count), expiresAt: Number(row.expires_at) };
  }

  /** The window open at `now` for `key`, without counting; undefined when there is none. */
  async find(key: string, now: number): Promise<RateWindowRow | undefined> {
    const [row] = await OPEN_WINDOW.execute(this.db, this.dialect, { key, now });
    return row && { count: Number(row.count), expiresAt: Number(row.expires_at) };
  }

  /** Forgets windows that ended at or before `now`; answers how many. */
  async purge(now: number): Promise<number> {
    const result = await this.db.deleteFrom('rate_limits').where('expires_at', '<=', now).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

/** A sign-in looks at two windows before hashing the password: compiled once, read directly. */
const OPEN_WINDOW = new PreparedQuery(['key', 'now'], (db, p) => db.selectFrom('rate_limits')
  .select(['count', 'expires_at'])
  .where('key', '=', p.key)
  .where('expires_at', '>', sql<number>`${p.now}`));
