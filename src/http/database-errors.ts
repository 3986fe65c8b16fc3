import { databaseUnavailable, writeConflict } from '../core/errors.ts';
import { isConnectionFailure, isTransactionConflict } from '../db/database.ts';

/**
 * What every dialect answers for a database failure that the client can retry: a lost
 * connection and a transaction undone by a concurrent one are 503s (with Retry-After), in
 * the dialect's own error shape. Any other error is given back as it is.
 */
export function retryableAsUnavailable(error: unknown): unknown {
  if (isConnectionFailure(error)) return databaseUnavailable();
  if (isTransactionConflict(error)) return writeConflict();
  return error;
}
