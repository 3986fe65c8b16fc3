import type { FastifyError } from 'fastify';
import { DomainError } from '../../core/errors.ts';
import { retryableAsUnavailable } from '../database-errors.ts';
import { describeValidationError } from '../validation.ts';

/** Retool's error body. */
export interface RetoolErrorBody {
  success: false;
  message: string;
}

/** Status of each core error kind in Retool's API v2. */
const STATUS_OF_KIND: Record<DomainError['kind'], number> = {
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

/** Maps any error to its status and `{success: false, message}`; anything unforeseen is a 500 saying nothing more. */
export function toRetoolError(error: unknown): { status: number; body: RetoolErrorBody } {
  const body = (message: string): RetoolErrorBody => ({ success: false, message });
  error = retryableAsUnavailable(error);
  if (error instanceof DomainError) return { status: STATUS_OF_KIND[error.kind], body: body(error.message) };
  const fastifyError = error as FastifyError;
  if (fastifyError.validation && fastifyError.validation.length > 0) {
    const { message } = describeValidationError(fastifyError.validation[0]!, fastifyError.validationContext ?? 'body');
    return { status: 400, body: body(message) };
  }
  const status = fastifyError.statusCode;
  if (status && status >= 400 && status < 500) return { status, body: body(fastifyError.message) };
  return { status: 500, body: body('Internal server error') };
}
