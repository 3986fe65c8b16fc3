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
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function invalidInput(field: string, message: string, code = 'invalid_input'): DomainError {
  return new DomainError('invalid_input', code, `${field}: ${message}`, field);
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
