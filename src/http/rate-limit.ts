import rateLimit, { type FastifyRateLimitStore, normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RateLimitConfig } from '../config.ts';
import { DomainError } from '../core/errors.ts';
import type { RateCount, RateCounter } from '../core/rate-counter.ts';

/** An `onRequest` hook counting a request against one budget and refusing it past the budget. */
export type RateLimitHook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/**
 * The request budgets, each shared by every server process. A request that fits its budget
 * gets `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` (seconds until the
 * window ends); one past it is refused with a `rate_limited` error (429 in every dialect)
 * and `Retry-After` in seconds. While the counters cannot be reached, requests are served
 * unlimited and a warning is logged at most once a minute.
 */
export interface RateLimits {
  /**
   * Counts a request of an authenticated caller against the budget of `credential` (a token
   * id). Answers no promise when there is nothing to wait for (the budget is off).
   */
  chargeCredential(request: FastifyRequest, reply: FastifyReply, credential: string): Promise<void> | undefined;
  /** Counts a request without valid credentials against its client address's budget. */
  chargeAddress: RateLimitHook;
  /**
   * Refuses, without counting, a client address that has spent its budget. Runs before
   * credentials are checked, so once an address has made its allowance of failed attempts
   * it cannot try another token, valid or not, until the window ends. Answers no promise when
   * it decides without the counter (the budget is off, or the address is remembered within it).
   */
  guardAddress(request: FastifyRequest, reply: FastifyReply): Promise<void> | undefined;
  /** Counts an attempt to accept an invite (the API and the HTML form share the budget). */
  chargeAccept: RateLimitHook;
}

const WARN_INTERVAL_MS = 60_000;
/** How long an address found within its budget is let through `guardAddress` without a look at the counter. */
export const GUARD_MEMORY_MS = 1000;
const GUARD_MEMORY_ENTRIES = 10_000;

type Check = ReturnType<FastifyInstance['createRateLimit']>;

interface Budget {
  max: number;
  check: Check;
  /** Why the request is refused, completed by "; retry in N s". */
  refusal: string;
}

/**
 * Registers @fastify/rate-limit on `app` with `counter` as its store (limiting no route by
 * itself) and answers the budgets the dialects apply in their `onRequest` hooks.
 */
export async function registerRateLimits(app: FastifyInstance, counter: RateCounter, config: RateLimitConfig): Promise<RateLimits> {
  let lastWarning = 0;
  const warn = (error: unknown) => {
    const now = Date.now();
    if (now - lastWarning < WARN_INTERVAL_MS) return;
    lastWarning = now;
    app.log.warn({ err: error }, 'rate-limit counters are unavailable; serving requests without limits');
  };
  // skipOnError: a counter that fails lets the request through (counted as nothing).
  await app.register(rateLimit, { global: false, skipOnError: true, store: counterStore(counter, warn) });

  const credentials = new WeakMap<FastifyRequest, string>();
  const address = (request: FastifyRequest) => normalizeIP(request.ip);
  const budget = (max: number, keyGenerator: (request: FastifyRequest) => string, refusal: string): Budget => ({
    max, refusal, check: app.createRateLimit({ max, timeWindow: config.windowMs, keyGenerator }),
  });
  const perCredential = budget(config.perToken, (request) => `credential:${credentials.get(request)}`, 'Too many requests with this token');
  const perAddress = budget(config.perAddress, (request) => `address:${address(request)}`, 'Too many requests without valid credentials from this address');
  const accepts = budget(config.acceptsPerAddress, (request) => `accept:${address(request)}`, 'Too many attempts to accept an invite from this address');
  // Client addresses found within their budget, until when. They are kept as the request
  // gives them (the counter groups an IPv6 /64, a test costlier than the look-up it saves).
  // Counting a failed attempt here forgets the address; attempts counted by other processes,
  // or from another address of the same group, are seen within GUARD_MEMORY_MS.
  const withinBudget = new Map<string, number>();

  return {
    chargeCredential(request, reply, credential) {
      if (perCredential.max === 0) return undefined;
      credentials.set(request, credential);
      return charge(perCredential, request, reply);
    },
    chargeAddress: (request, reply) => {
      withinBudget.delete(request.ip);
      return charge(perAddress, request, reply);
    },
    guardAddress(request, reply) {
      if (perAddress.max === 0) return undefined;
      const key = request.ip;
      const now = Date.now();
      if ((withinBudget.get(key) ?? 0) > now) return undefined;
      return perAddress.check(request, { increment: false }).then((result) => {
        if (!result.isAllowed && result.ttl > 0 && result.remaining === 0) refuse(perAddress, reply, result.ttlInSeconds);
        if (withinBudget.size >= GUARD_MEMORY_ENTRIES) withinBudget.clear();
        withinBudget.set(key, now + GUARD_MEMORY_MS);
      });
    },
    chargeAccept: (request, reply) => charge(accepts, request, reply),
  };
}

async function charge(budget: Budget, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (budget.max === 0) return;
  const result = await budget.check(request);
  // No window means the counter failed and the request goes on unlimited.
  if (result.isAllowed || result.ttl === 0) return;
  reply.header('ratelimit-limit', budget.max);
  reply.header('ratelimit-remaining', result.remaining);
  reply.header('ratelimit-reset', result.ttlInSeconds);
  if (result.isExceeded) refuse(budget, reply, result.ttlInSeconds);
}

function refuse(budget: Budget, reply: FastifyReply, seconds: number): never {
  const wait = Math.max(1, seconds);
  reply.header('ratelimit-limit', budget.max);
  reply.header('ratelimit-remaining', 0);
  reply.header('ratelimit-reset', wait);
  reply.header('retry-after', wait);
  throw new DomainError('rate_limited', 'rate_limited', `${budget.refusal}; retry in ${wait} s`);
}

/**
 * @fastify/rate-limit's store interface over a RateCounter. Every budget shares the one
 * counter (keys carry the budget's name), so a child store is this store.
 */
function counterStore(counter: RateCounter, onFailure: (error: unknown) => void) {
  type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;
  const settle = (work: Promise<RateCount>, callback: Callback) => {
    work.then(
      (count) => callback(null, { current: count.count, ttl: count.resetInMs }),
      (error: Error) => {
        onFailure(error);
        callback(error);
      },
    );
  };
  return class CounterStore implements FastifyRateLimitStore {
    incr(key: string, callback: Callback, timeWindow: number): void {
      settle(counter.hit(key, timeWindow), callback);
    }

    /** The window's state without counting (`{ increment: false }`). */
    read(key: string, callback: Callback, timeWindow: number): void {
      settle(counter.peek(key, timeWindow), callback);
    }

    child(): FastifyRateLimitStore {
      return this;
    }
  };
}
