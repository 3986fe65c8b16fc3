import type { FastifyError } from 'fastify';
import { DomainError } from '../../core/errors.ts';
import { SCIM_TYPES } from '../../core/scim/scim-errors.ts';
import { retryableAsUnavailable } from '../database-errors.ts';

export const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** The SCIM error body (RFC 7644 §3.12): `status` is the HTTP status as a string. */
export interface ScimErrorBody {
  schemas: [typeof ERROR_SCHEMA];
  status: string;
  scimType?: string;
  detail: string;
}

const STATUS_OF_KIND: Record<DomainError['kind'], number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  // A SCIM resource that is gone is, to a client, not there.
  gone: 404,
  precondition_failed: 412,
  unprocessable: 400,
  rate_limited: 429,
  unavailable: 503,
};

/** Core codes of a name or email already taken: SCIM's `uniqueness`. */
const UNIQUENESS_CODES = new Set(['email_taken', 'group_name_taken', 'uniqueness']);

/** The media type of every SCIM answer. */
export const SCIM_JSON = 'application/scim+json; charset=utf-8';

export function scimErrorBody(status: number, detail: string, scimType?: string): ScimErrorBody {
  return { schemas: [ERROR_SCHEMA], status: String(status), ...(scimType ? { scimType } : {}), detail };
}

/** Maps any failure to its SCIM status and body; anything unforeseen is a 500 that says nothing more. */
export function toScimError(error: unknown): { status: number; body: ScimErrorBody } {
  error = retryableAsUnavailable(error);
  if (error instanceof DomainError) {
    const status = STATUS_OF_KIND[error.kind];
    return { status, body: scimErrorBody(status, error.message, scimTypeOf(error)) };
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) return { status: 400, body: scimErrorBody(400, fastifyError.message, 'invalidSyntax') };
  const status = fastifyError.statusCode;
  if (status && status >= 400 && status < 500) {
    return { status, body: scimErrorBody(status, fastifyError.message, status === 400 ? 'invalidSyntax' : undefined) };
  }
  return { status: 500, body: scimErrorBody(500, 'Internal server error') };
}

function scimTypeOf(error: DomainError): string | undefined {
  if (SCIM_TYPES.has(error.code)) return error.code;
  if (UNIQUENESS_CODES.has(error.code)) return 'uniqueness';
  // The core's other input errors (an attribute value of the wrong type, ...) are values SCIM refuses.
  if (error.kind === 'invalid_input' || error.kind === 'unprocessable') return 'invalidValue';
  return undefined;
}
