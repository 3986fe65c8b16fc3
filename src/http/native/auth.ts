import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../core/actor.ts';
import { DomainError, forbidden, invalidInput } from '../../core/errors.ts';
import { type Scope, hasScope } from '../../core/scopes.ts';
import type { AuthenticatedToken } from '../../core/token.service.ts';
import type { Services } from '../../core/services.ts';
import type { RateLimits } from '../rate-limit.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The scope a native route requires; every native route declares one or `public`. */
    scope?: Scope;
    public?: boolean;
  }
  interface FastifyRequest {
    actor: Actor;
  }
}

const BEARER = /^Bearer[ \t]+([^\s]+)[ \t]*$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Done = (error?: Error) => void;
type Step = Promise<void> | undefined;

/** Runs `next` after `step`: at once when `step` is no promise, else once it settles. */
function then(step: Step | Promise<unknown>, next: () => Step): Step {
  return step ? step.then(next) : next();
}

/**
 * Authenticates a native request before its body is read: the Bearer token must be valid,
 * may act in the workspace it asks for (X-Workspace-Id; an archived one is refused), and
 * must hold the route's scope.
 *
 * Every request counts against one budget: its token's when the token is valid, else its
 * client address's (public routes, unknown paths, failed authentication). An address that
 * has spent its budget is refused before its token is looked up.
 *
 * Each step answers a promise only when it has to wait (for the database or the counters),
 * so a request whose token, workspace and budgets are all remembered passes without one.
 */
export function nativeAuthentication(services: Services, limits: RateLimits) {
  const refuseAfter = (counted: Promise<void>, error: DomainError): Step => counted.then(() => {
    throw error;
  });

  function authenticate(request: FastifyRequest, reply: FastifyReply): Step {
    const { scope, public: isPublic } = request.routeOptions.config;
    if (isPublic || !scope) return limits.chargeAddress(request, reply);
    return then(limits.guardAddress(request, reply), () => withToken(request, reply, scope));
  }

  function withToken(request: FastifyRequest, reply: FastifyReply, scope: Scope): Step {
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (!match) {
      return refuseAfter(limits.chargeAddress(request, reply),
        new DomainError('unauthorized', 'unauthorized', 'Missing or malformed Authorization header; expected "Bearer <token>"'));
    }
    const remembered = services.tokens.authenticateFromMemory(match[1]!);
    if (remembered !== undefined) return withCredential(request, reply, scope, remembered);
    return services.tokens.authenticate(match[1]!).then((token) => withCredential(request, reply, scope, token));
  }

  function withCredential(request: FastifyRequest, reply: FastifyReply, scope: Scope, token: AuthenticatedToken | null): Step {
    if (!token) {
      return refuseAfter(limits.chargeAddress(request, reply), new DomainError('unauthorized', 'invalid_token', 'The token is invalid, expired or revoked'));
    }
    return then(limits.chargeCredential(request, reply, token.tokenId), () => inWorkspace(request, scope, token));
  }

  function inWorkspace(request: FastifyRequest, scope: Scope, token: AuthenticatedToken): Step {
    const requested = request.headers['x-workspace-id'];
    if (requested !== undefined && (typeof requested !== 'string' || !UUID.test(requested))) {
      throw invalidInput('X-Workspace-Id', 'header must be a workspace UUID');
    }
    const acting = { boundWorkspaceId: token.workspaceId, requestedWorkspaceId: requested?.toLowerCase() };
    const remembered = services.workspaces.resolveFromMemory(acting);
    if (remembered !== undefined) return admit(request, scope, token, remembered);
    return services.workspaces.resolve(acting).then((workspaceId) => admit(request, scope, token, workspaceId));
  }

  function admit(request: FastifyRequest, scope: Scope, token: AuthenticatedToken, workspaceId: string): undefined {
    // After the workspace, so a token of an archived workspace is refused as such on every route.
    if (!hasScope(token.scopes, scope)) throw forbidden('missing_scope', `This token lacks the ${scope} scope`);
    request.actor = { userId: token.userId, email: token.email, tokenId: token.tokenId, workspaceId, boundWorkspaceId: token.workspaceId };
    return undefined;
  }

  return function nativeAuthenticationHook(request: FastifyRequest, reply: FastifyReply, done: Done): void {
    let step: Step;
    try {
      step = authenticate(request, reply);
    } catch (error) {
      done(error as Error);
      return;
    }
    if (step) step.then(() => done(), done);
    else done();
  };
}
