import type { Store } from '../db/store.ts';

/**
 * Runs several service calls as one transaction: every read and write they make inside
 * `run` joins it, and it commits only when all of them succeed.
 */
export class UnitOfWork {
  constructor(private readonly store: Store) {}

  /**
   * With `lock`, the transaction first takes the exclusive lock of that name, so units of
   * work naming the same lock run one after another (a check, then the change it allows).
   */
  run<T>(work: () => Promise<T>, options: { lock?: string } = {}): Promise<T> {
    return this.store.transaction(async (repos) => {
      if (options.lock) await repos.locks.exclusive(options.lock);
      return work();
    });
  }
}
