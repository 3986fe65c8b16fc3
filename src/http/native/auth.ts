import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../core/actor.ts';
import { DomainError, forbidden, invalidInput } from '../../core/errors.ts';
import { type Scope, hasScope } from '../../core/scopes.ts';
import type { Services } from '../../core/services.ts';

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

/**
 * Authenticates a native request before its body is read: the Bearer token must be valid,
 * may act in the workspace it asks for (X-Workspace-Id; an archived one is refused), and
 * must hold the route's scope.
 */
export function nativeAuthentication(services: Services) {
  return async function authenticate(request: FastifyRequest): Promise<void> {
    const { scope, public: isPublic } = request.routeOptions.config;
    if (isPublic || !scope) return;
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (!match) {
      throw new DomainError('unauthorized', 'unauthorized', 'Missing or malformed Authorization header; expected "Bearer <token>"');
    }
    const token = await services.tokens.authenticate(match[1]!);
    if (!token) throw new DomainError('unauthorized', 'invalid_token', 'The token is invalid, expired or revoked');
    const requested = request.headers['x-workspace-id'];
    if (requested !== undefined && (typeof requested !== 'string' || !UUID.test(requested))) {
      throw invalidInput('X-Workspace-Id', 'header must be a workspace UUID');
    }
    const workspaceId = await services.workspaces.resolve({
      boundWorkspaceId: token.workspaceId,
      requestedWorkspaceId: requested?.toLowerCase(),
    });
    // After the workspace, so a token of an archived workspace is refused as such on every route.
    if (!hasScope(token.scopes, scope)) throw forbidden('missing_scope', `This token lacks the ${scope} scope`);
    request.actor = { userId: token.userId, email: token.email, tokenId: token.tokenId, workspaceId, boundWorkspaceId: token.workspaceId };
  };
}
