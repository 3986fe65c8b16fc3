import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../core/actor.ts';
import { DomainError, forbidden } from '../../core/errors.ts';
import type { Scope } from '../../core/scopes.ts';
import { type SessionAuthority, sessionAuthority, sessionAuthorityFromMemory } from '../../core/session-grants.ts';
import type { AuthenticatedSession } from '../../core/session.service.ts';
import type { Services } from '../../core/services.ts';
import type { RateLimits } from '../rate-limit.ts';
import { type Step, andThen, requestedWorkspace, requireScope } from './acting.ts';

/** The cookie holding a signed-in person's session secret. */
export const SESSION_COOKIE = 'tp_session';

/**
 * The header a cookie-authenticated write must carry (any value). A cross-site form cannot
 * send a custom header, and a cross-site script cannot either without a CORS preflight,
 * which this server never grants.
 */
export const CSRF_HEADER = 'x-toolplane-csrf';

export interface SessionCookieOptions {
  /** The origin people reach the server at (PUBLIC_URL's); a cookie write from any other is refused. */
  publicOrigin: string;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a cookie-authenticated request that a page of another site could have made: a
 * write without CSRF_HEADER, or any request whose `Origin` is neither PUBLIC_URL's origin
 * nor the address the request was sent to. Token-authenticated requests are not checked:
 * a browser never sends a token by itself.
 */
export function refuseCrossSite(request: FastifyRequest, options: SessionCookieOptions): void {
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== options.publicOrigin && origin !== `${request.protocol}://${request.host}`) {
    throw forbidden('cross_site_request', `Requests from ${origin} cannot use this session`);
  }
  if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] === undefined) {
    throw forbidden('csrf_header_missing', `A write with a session cookie must carry the ${CSRF_HEADER} header`);
  }
}

/**
 * Authentication by session cookie, for `nativeAuthentication`: the session must be live,
 * the request not cross-site, and the person's authority in the workspace (session-grants.ts)
 * must hold the route's scope — the same check a token's scopes pass. Each session has its
 * own request budget, as each token does.
 */
export function sessionAuthentication(services: Services, limits: RateLimits, options: SessionCookieOptions) {
  function admit(request: FastifyRequest, reply: FastifyReply, session: AuthenticatedSession | null, scope: Scope | null): Step {
    if (!session) {
      return limits.chargeAddress(request, reply).then(() => {
        throw new DomainError('unauthorized', 'invalid_session', 'The session has ended; sign in again');
      });
    }
    return andThen(limits.chargeCredential(request, reply, `session:${session.sessionId}`), () => act(request, session, scope));
  }

  function act(request: FastifyRequest, session: AuthenticatedSession, scope: Scope | null): Step {
    refuseCrossSite(request, options);
    if (scope === null) {
      // A personal route acts on the person's own account, in no workspace.
      request.actor = actorOf(session, {
        workspaceId: session.defaultWorkspaceId ?? '', boundWorkspaceId: session.defaultWorkspaceId, scopes: [], objectWrites: 'granted',
      });
      return undefined;
    }
    const requested = requestedWorkspace(request);
    const grant = (authority: SessionAuthority): undefined => {
      requireScope(authority.scopes, scope, 'Your role in this workspace');
      request.actor = actorOf(session, authority);
      return undefined;
    };
    const remembered = sessionAuthorityFromMemory(services, session, requested);
    if (remembered !== undefined) return grant(remembered);
    return sessionAuthority(services, session, requested).then(grant);
  }

  return {
    authenticate(request: FastifyRequest, reply: FastifyReply, secret: string, scope: Scope | null): Step {
      const remembered = services.sessions.authenticateFromMemory(secret);
      if (remembered !== undefined) return admit(request, reply, remembered, scope);
      return services.sessions.authenticate(secret).then((session) => admit(request, reply, session, scope));
    },
  };
}

/**
 * The actor of a session's request, written out field by field: every session actor then
 * has one shape, which the code reading it downstream is fast on (a spread of two objects
 * made each request measurably slower to serve; bench/sessions.mjs).
 */
function actorOf(session: AuthenticatedSession, authority: SessionAuthority): Actor {
  return {
    userId: session.userId,
    email: session.email,
    tokenId: null,
    sessionId: session.sessionId,
    workspaceId: authority.workspaceId,
    boundWorkspaceId: authority.boundWorkspaceId,
    scopes: authority.scopes,
    objectWrites: authority.objectWrites,
  };
}
