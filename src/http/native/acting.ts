import type { FastifyRequest } from 'fastify';
import { forbidden, invalidInput } from '../../core/errors.ts';
import { type Scope, hasScope } from '../../core/scopes.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The workspace the request names in X-Workspace-Id, lower-cased; a malformed one is a 400. */
export function requestedWorkspace(request: FastifyRequest): string | undefined {
  const requested = request.headers['x-workspace-id'];
  if (requested !== undefined && (typeof requested !== 'string' || !UUID.test(requested))) {
    throw invalidInput('X-Workspace-Id', 'header must be a workspace UUID');
  }
  return requested?.toLowerCase();
}

/** 403 `missing_scope` unless `held` covers `scope`; a personal route (null) needs none. */
export function requireScope(held: readonly string[], scope: Scope | null, holder: string): void {
  if (scope !== null && !hasScope(held, scope)) throw forbidden('missing_scope', `${holder} lacks the ${scope} scope`);
}


/** A step of authentication: a promise only when it has to wait (for the database or the counters). */
export type Step = Promise<void> | undefined;

/** Runs `next` after `step`: at once when `step` is no promise, else once it settles. */
export function andThen(step: Step | Promise<unknown>, next: () => Step): Step {
  return step ? step.then(next) : next();
}
