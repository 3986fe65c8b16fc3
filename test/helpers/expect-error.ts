import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { seedSchemaErrors } from './seed-spec.ts';

export interface ErrorBody {
  message: string;
  code: string;
  field?: string;
}

/**
 * Checks a native error answer: the status, a body in the seed's `Error` shape with a
 * non-empty message, and, when given, the code and the field at fault.
 */
export function expectError(response: LightMyRequestResponse, status: number, code?: string, field?: string): ErrorBody {
  expect(response.statusCode, response.body).toBe(status);
  const body = response.json() as ErrorBody;
  expect(seedSchemaErrors('Error', body)).toEqual([]);
  expect(typeof body.message).toBe('string');
  expect(body.message.length).toBeGreaterThan(0);
  if (code !== undefined) expect(body.code).toBe(code);
  if (field !== undefined) expect(body.field).toBe(field);
  return body;
}
