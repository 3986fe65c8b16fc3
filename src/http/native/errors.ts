import type { FastifyError } from 'fastify';
import { DomainError, type ErrorKind } from '../../core/errors.ts';
import { retryableAsUnavailable } from '../database-errors.ts';
import { describeValidationError } from '../validation.ts';

/** The native error body: the seed spec's `{message, code}`, plus the field when one is at fault. */
export interface NativeError {
  status: number;
  body: { message: string; code: string; field?: string };
}

const STATUS_OF_KIND: Record<ErrorKind, number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  precondition_failed: 412,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
};

/** Framework-level client errors, by Fastify's code, and the stable code clients see. */
const FRAMEWORK_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_content_length',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
};

/**
 * Maps anything thrown while serving a native request to a status and body. Client errors
 * keep their meaning; a lost database connection is a 503 (`database_unavailable`);
 * anything else is a 500 whose body says nothing about the cause.
 */
export function toNativeError(error: unknown): NativeError {
  error = retryableAsUnavailable(error);
  if (error instanceof DomainError) {
    const body = error.field ? { message: error.message, code: error.code, field: error.field } : { message: error.message, code: error.code };
    return { status: STATUS_OF_KIND[error.kind], body };
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.validation && fastifyError.validation.length > 0) {
    const { field, message } = describeValidationError(fastifyError.validation[0]!, fastifyError.validationContext ?? 'body');
    return { status: 400, body: { message, code: 'invalid_input', ...(field ? { field } : {}) } };
  }
  const status = fastifyError.statusCode;
  if (status && status >= 400 && status < 500) {
    const code = FRAMEWORK_CODES[fastifyError.code] ?? (error instanceof SyntaxError ? 'invalid_json' : 'bad_request');
    return { status, body: { message: fastifyError.message, code } };
  }
  return { status: 500, body: { message: 'Internal server error', code: 'internal_error' } };
}
