/**
 * The failure classes every dialect maps to its own status and body in one place.
 * `code` is the stable machine-readable name clients may branch on; `kind` picks the status.
 */
export type ErrorKind =
  | 'invalid_input'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'gone'
  | 'precondition_failed'
  | 'unprocessable'
  | 'rate_limited'
  | 'unavailable';

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    /** The input field the error is about, when there is one. */
    readonly field?: string,
    /** What the error is about, for a dialect that words it its own way (ToolJet's sentences). */
    readonly details?: Readonly<Record<string, string | undefined>>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function invalidInput(field: string, message: string, code = 'invalid_input', details?: DomainError['details']): DomainError {
  return new DomainError('invalid_input', code, `${field}: ${message}`, field, details);
}

export function notFound(entity: string, id: string | number): DomainError {
  return new DomainError('not_found', `${entity}_not_found`, `No ${entity} with id ${id} in this workspace`);
}

export function conflict(code: string, message: string, field?: string): DomainError {
  return new DomainError('conflict', code, message, field);
}

/** The thing existed but can no longer be used (a used, revoked or expired invite). */
export function gone(code: string, message: string): DomainError {
  return new DomainError('gone', code, message);
}

export function forbidden(code: string, message: string): DomainError {
  return new DomainError('forbidden', code, message);
}

/** Seconds a client is asked to wait (Retry-After) after a 503: the database is expected back soon. */
export const RETRY_AFTER_SECONDS = 5;

/** What a lost database connection becomes in every dialect: a 503 worth retrying. */
/** A write the database undid because a concurrent one met it: nothing changed, and it can be sent again. */
export function writeConflict(): DomainError {
  return new DomainError('unavailable', 'write_conflict', 'The change met a concurrent one and was not made; retry it');
}

export function databaseUnavailable(): DomainError {
  return new DomainError('unavailable', 'database_unavailable', 'The database is not answering; retry shortly');
}
