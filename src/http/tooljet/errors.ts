import type { FastifyError, FastifyRequest } from 'fastify';
import type { ErrorObject } from 'ajv';
import { DomainError } from '../../core/errors.ts';
import { fieldOf } from '../validation.ts';
import { retryableAsUnavailable } from '../database-errors.ts';

/** ToolJet's error body: `message` is a string, or a list of sentences for validation failures. */
export interface TooljetErrorBody {
  statusCode: number;
  timestamp: string;
  path: string;
  message: string | string[];
  code: string;
}

/**
 * Status of each core error kind in this dialect. ToolJet answers 400, not 409, when a
 * request conflicts with the data (a taken email, the last admin), and its clients rely on it.
 */
const STATUS_OF_KIND: Record<DomainError['kind'], number> = {
  invalid_input: 400,
  unauthorized: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 400,
  gone: 410,
  precondition_failed: 412,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
};

/**
 * ToolJet's own sentences for the errors whose wording its clients match on, by code, made
 * from the error's details. An unknown workspace in a user's `workspaces` names the id and
 * the name given, `undefined` for the one left out, exactly as ToolJet writes it.
 */
const TOOLJET_MESSAGES: Record<string, (details: NonNullable<DomainError['details']>) => string> = {
  workspace_not_found: ({ id, name }) => `The workspaces id or name do not exist: id ${id}, name ${name}`,
};

function messageOf(error: DomainError): string {
  const wording = TOOLJET_MESSAGES[error.code];
  return wording && error.details ? wording(error.details) : error.message;
}

export function toTooljetError(error: unknown, request: FastifyRequest): TooljetErrorBody {
  const body = (statusCode: number, message: string | string[], code: string): TooljetErrorBody => ({
    statusCode, timestamp: new Date().toISOString(), path: request.url.split('?')[0]!, message, code,
  });
  error = retryableAsUnavailable(error);
  if (error instanceof DomainError) return body(STATUS_OF_KIND[error.kind], messageOf(error), error.code);
  const fastifyError = error as FastifyError;
  if (fastifyError.validation && fastifyError.validation.length > 0) {
    // NestJS's ParseUUIDPipe answers a malformed id in the path with 422; ToolJet clients expect it.
    if (fastifyError.validationContext === 'params') {
      return body(422, 'Validation failed (uuid is expected)', 'invalid_input');
    }
    const messages = fastifyError.validation.map((item) => sentence(item as unknown as ErrorObject));
    return body(400, [...new Set(messages)], 'invalid_input');
  }
  const status = fastifyError.statusCode;
  if (status && status >= 400 && status < 500) {
    return body(status, fastifyError.message, status === 413 ? 'payload_too_large' : 'bad_request');
  }
  return body(500, 'Internal server error', 'internal_error');
}

/** The pattern of a string that must hold something other than white space. */
export const NOT_BLANK = '\\S';

/** One validation failure as the readable sentence ToolJet's validator would write. */
function sentence(error: ErrorObject): string {
  const field = fieldOf(error) || 'body';
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `${field} should not be empty`;
    case 'format':
      return params.format === 'email' ? `${field} must be an email` : `${field} must be a ${String(params.format).toUpperCase()}`;
    case 'type':
      return `${field} must be ${params.type === 'array' || params.type === 'object' || params.type === 'integer' ? 'an' : 'a'} ${params.type === 'integer' ? 'integer number' : params.type}`;
    case 'minLength':
      return params.limit === 1 ? `${field} should not be empty` : `${field} must be longer than or equal to ${params.limit} characters`;
    case 'pattern':
      return params.pattern === NOT_BLANK ? `${field} should not be empty` : `${field} must match ${params.pattern}`;
    case 'maxLength':
      return `${field} must be shorter than or equal to ${params.limit} characters`;
    case 'enum':
      return `${field} must be one of the following values: ${(params.allowedValues as unknown[]).join(', ')}`;
    default:
      return `${field} ${error.message ?? 'is invalid'}`;
  }
}
