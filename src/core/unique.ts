import { isUniqueViolation } from '../db/database.ts';
import type { Repositories, Store } from '../db/store.ts';
import type { DomainError } from './errors.ts';

/**
 * Runs `work` in one write transaction. When a unique index refuses it (a duplicate name,
 * or a concurrent request that won the race), the transaction rolls back and the caller's
 * conflict error is thrown instead of the driver's.
 */
export async function writeUnique<T>(
  store: Store,
  work: (repos: Repositories) => Promise<T>,
  conflictError: () => DomainError,
): Promise<T> {
  try {
    return await store.write(work);
  } catch (error) {
    if (isUniqueViolation(error)) throw conflictError();
    throw error;
  }
}
