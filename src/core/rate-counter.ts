import type { Store } from '../db/store.ts';

/** A budget's state after a hit or a look: hits in the current window and milliseconds until it ends. */
export interface RateCount {
  count: number;
  /** 0 when no window is open (nothing counted yet, or the last one ended). */
  resetInMs: number;
}

/**
 * Fixed-window counters shared by every server process (in Redis or in the database). A
 * window opens with a key's first hit and lasts `windowMs`. Methods reject when the
 * backing store fails; callers decide what a failure means.
 */
export interface RateCounter {
  /** Counts one hit on `key` and answers the window's state including it. */
  hit(key: string, windowMs: number): Promise<RateCount>;
  /** The window's state without counting. */
  peek(key: string, windowMs: number): Promise<RateCount>;
  close(): Promise<void>;
}

/** How often one process deletes ended windows from the table. */
const PURGE_INTERVAL_MS = 60_000;

/**
 * Counters in the `rate_limits` table. Each hit is one statement, atomic on its own, so it
 * runs outside a transaction: a transaction would add two round trips to every request.
 * Times come from this process's clock; processes sharing a database should keep theirs
 * in sync (NTP), or a window may end a little early or late.
 */
export class DatabaseRateCounter implements RateCounter {
  private lastPurge: number;
  private purging: Promise<unknown> | null = null;

  constructor(private readonly store: Store, private readonly now: () => number = Date.now) {
    this.lastPurge = now();
  }

  async hit(key: string, windowMs: number): Promise<RateCount> {
    const at = this.now();
    const window = await this.store.read((repos) => repos.rateLimits.hit(key, at, windowMs));
    this.purgeNowAndThen(at);
    return { count: window.count, resetInMs: Math.max(1, window.expiresAt - at) };
  }

  async peek(key: string, _windowMs: number): Promise<RateCount> {
    const at = this.now();
    const window = await this.store.read((repos) => repos.rateLimits.find(key, at));
    return window ? { count: window.count, resetInMs: Math.max(1, window.expiresAt - at) } : { count: 0, resetInMs: 0 };
  }

  /** Waits for a purge under way, so the database is not closed beneath it. */
  async close(): Promise<void> {
    await this.purging;
  }

  /** Deletes ended windows at most once a minute, off the request's path; a failure waits for the next turn. */
  private purgeNowAndThen(at: number): void {
    if (this.purging || at - this.lastPurge < PURGE_INTERVAL_MS) return;
    this.lastPurge = at;
    this.purging = this.store
      .read((repos) => repos.rateLimits.purge(at))
      .catch(() => undefined)
      .finally(() => {
        this.purging = null;
      });
  }
}
