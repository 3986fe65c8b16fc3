import { randomUUID } from 'node:crypto';
import type { RawRequestDefaultExpression } from 'fastify';

/** What a client-chosen request id may be: 1 to 128 visible ASCII characters. */
const CLIENT_REQUEST_ID = /^[\x21-\x7e]{1,128}$/;

/**
 * Fastify's `genReqId`: the client's `X-Request-Id` when it is 1–128 visible ASCII
 * characters, else a fresh UUID. The id is echoed in the answer, written on every log line
 * and stored in audit events, so an unbounded one or one holding control characters (a
 * forged log line, an escape sequence for whoever reads the logs) is never taken.
 */
export function requestId(request: RawRequestDefaultExpression): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && CLIENT_REQUEST_ID.test(given) ? given : randomUUID();
}
