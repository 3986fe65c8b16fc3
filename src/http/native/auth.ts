import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../core/actor.ts';
import { DomainError } from '../../core/errors.ts';
import type { Scope } from '../../core/scopes.ts';
import type { AuthenticatedToken } from '../../core/token.service.ts';
import type { Services } from '../../core/services.ts';
import type { RateLimits } from '../rate-limit.ts';
import { type Step, andThen, requestedWorkspace, requireScope } from './acting.ts';
import { SESSION_COOKIE, type SessionCookieOptions, sessionAuthentication } from './session-auth.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The scope a native route requires; every native route declares one, `public` or `personal`. */
    scope?: Scope;
    public?: boolean;
    /** The route acts on the caller's own account (`/me`): any valid token or session may call it. */
    personal?: boolean;
  }
  interface FastifyRequest {
    actor: Actor;
  }
}

const BEARER = /^Bearer[ \t]+([^\s]+)[ \t]*$/i;
type Done = (error?: Error) => void;
/**
 * Authenticates a native request before its body is read: the Bearer token (or else the
 * session cookie, see session-auth.ts) must be valid,
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
export function nativeAuthentication(services: Services, limits: RateLimits, options: SessionCookieOptions) {
  const refuseAfter = (counted: Promise<void>, error: DomainError): Step => counted.then(() => {
    throw error;
  });

  function authenticate(request: FastifyRequest, reply: FastifyReply): Step {
    const { scope, public: isPublic, personal } = request.routeOptions.config;
    if (isPublic || !(scope || personal)) return limits.chargeAddress(request, reply);
    const required = personal ? null : scope!;
    return andThen(limits.guardAddress(request, reply), () => withCredential(request, reply, required));
  }

  /** A Bearer token when the request has an Authorization header, else a session cookie. */
  function withCredential(request: FastifyRequest, reply: FastifyReply, scope: Scope | null): Step {
    const cookies = request.headers.authorization === undefined ? request.headers.cookie : undefined;
    const sessionSecret = cookies ? request.server.parseCookie(cookies)[SESSION_COOKIE] : undefined;
    if (sessionSecret !== undefined) return sessions.authenticate(request, reply, sessionSecret, scope);
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (!match) {
      return refuseAfter(limits.chargeAddress(request, reply),
        new DomainError('unauthorized', 'unauthorized', 'Missing or malformed Authorization header; expected "Bearer <token>" or a session'));
    }
    const remembered = services.tokens.authenticateFromMemory(match[1]!);
    if (remembered !== undefined) return withToken(request, reply, scope, remembered);
    return services.tokens.authenticate(match[1]!).then((token) => withToken(request, reply, scope, token));
  }

  function withToken(request: FastifyRequest, reply: FastifyReply, scope: Scope | null, token: AuthenticatedToken | null): Step {
    if (!token) {
      return refuseAfter(limits.chargeAddress(request, reply), new DomainError('unauthorized', 'invalid_token', 'The token is invalid, expired or revoked'));
    }
    return andThen(limits.chargeCredential(request, reply, token.tokenId), () => inWorkspace(request, scope, token));
  }

  function inWorkspace(request: FastifyRequest, scope: Scope | null, token: AuthenticatedToken): Step {
    const acting = { boundWorkspaceId: token.workspaceId, requestedWorkspaceId: requestedWorkspace(request) };
    const remembered = services.workspaces.resolveFromMemory(acting);
    if (remembered !== undefined) return admit(request, scope, token, remembered);
    return services.workspaces.resolve(acting).then((workspaceId) => admit(request, scope, token, workspaceId));
  }

  function admit(request: FastifyRequest, scope: Scope | null, token: AuthenticatedToken, workspaceId: string): undefined {
    // After the workspace, so a token of an archived workspace is refused as such on every route.
    requireScope(token.scopes, scope, 'This token');
    request.actor = {
      userId: token.userId, email: token.email, tokenId: token.tokenId, workspaceId, boundWorkspaceId: token.workspaceId, scopes: token.scopes,
    };
    return undefined;
  }

  const sessions = sessionAuthentication(services, limits, options);

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
