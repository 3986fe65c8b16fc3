import type { Store } from '../db/store.ts';
import type { ReadDependencies } from '../db/table-changes.ts';

/**
 * How long a process may answer an authentication check from memory. A change made in this
 * process is seen at once (a change to what a value was read from empties it); one made by
 * another process (another server, the CLI) is seen within this time.
 */
export const RECENT_READ_TTL_MS = 1000;

/** Entries kept at most; past it the memory starts over, so unknown keys cannot grow it. */
const MAX_ENTRIES = 10_000;

interface Entry<V> {
  value: V;
  /** The store's change generation of the value's dependencies when it was read. */
  generation: number;
  until: number;
}

/**
 * Values read from the store, reused for at most RECENT_READ_TTL_MS and only while this
 * process has changed nothing they were read from: an entry is valid for the change
 * generation of its `dependencies` it was read in, so a read racing a write never outlives
 * the write.
 */
export class RecentReads<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(
    private readonly store: Store,
    private readonly dependencies: ReadDependencies,
    private readonly ttlMs: number = RECENT_READ_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The remembered value for `key` while it may be reused; undefined when it must be read. */
  peek(key: string): V | undefined {
    // Inside a transaction a read may see what is not committed: neither reuse nor keep.
    if (this.store.inTransaction) return undefined;
    const entry = this.entries.get(key);
    return entry && entry.generation === this.store.changeGeneration(this.dependencies) && entry.until > this.now() ? entry.value : undefined;
  }

  /** The remembered value for `key`, or `load`'s, remembered when `keep` allows it. */
  async get(key: string, load: () => Promise<V>, keep: (value: V) => boolean = () => true): Promise<V> {
    if (this.store.inTransaction) return load();
    const generation = this.store.changeGeneration(this.dependencies);
    const at = this.now();
    const entry = this.entries.get(key);
    if (entry && entry.generation === generation && entry.until > at) return entry.value;
    const value = await load();
    // A write that ended while loading may have changed what was read.
    if (keep(value) && this.store.changeGeneration(this.dependencies) === generation) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(key, { value, generation, until: at + this.ttlMs });
    }
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
