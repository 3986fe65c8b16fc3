import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../core/errors.ts';

/** Attempts to accept an invite per client address and minute. */
export const ACCEPT_ATTEMPTS_PER_MINUTE = 10;

/** An `onRequest` hook refusing a client past its budget: 429 `rate_limited` with `Retry-After`. */
export type AcceptLimiter = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/**
 * One budget shared by every route that accepts invites (the API and the HTML form), so
 * switching routes gains nothing; each accept costs a password hash, and each guess at a
 * token one attempt. `app` must have @fastify/rate-limit registered. The client address
 * is the socket's (Fastify's `request.ip`); counters live in this process's memory.
 */
export function createAcceptLimiter(app: FastifyInstance): AcceptLimiter {
  const check = app.createRateLimit({ max: ACCEPT_ATTEMPTS_PER_MINUTE, timeWindow: 60_000 });
  return async (request, reply) => {
    const result = await check(request);
    if (result.isAllowed || !result.isExceeded) return;
    const seconds = Math.max(1, result.ttlInSeconds);
    reply.header('retry-after', String(seconds));
    throw new DomainError('rate_limited', 'rate_limited', `Too many attempts to accept an invite from this address; retry in ${seconds} s`);
  };
}
