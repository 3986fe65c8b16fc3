import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, forbidden, invalidInput } from '../../core/errors.ts';
import { type Scope, hasScope } from '../../core/scopes.ts';
import type { Services } from '../../core/services.ts';
import type { AuthenticatedToken } from '../../core/token.service.ts';
import type { RateLimits } from '../rate-limit.ts';

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * SCIM authentication: `Authorization: Bearer <API token>` holding the route's scope
 * (`scim:read`, or `scim:write` for writes). A workspace-bound token provisions its
 * workspace; an instance-wide one the default workspace, or the one X-Workspace-Id names.
 * A missing or bad token is a 401, a token without the scope a 403, each in SCIM's error body.
 *
 * Budgets are those of the native API: a valid token's own, else the client address's.
 */
export function scimAuthentication(services: Services, limits: RateLimits) {
  return async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    await limits.guardAddress(request, reply);
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (!match) {
      await limits.chargeAddress(request, reply);
      throw new DomainError('unauthorized', 'unauthorized', 'Missing or malformed Authorization header; expected "Bearer <token>"');
    }
    const remembered = services.tokens.authenticateFromMemory(match[1]!);
    const token: AuthenticatedToken | null = remembered === undefined ? await services.tokens.authenticate(match[1]!) : remembered;
    if (!token) {
      await limits.chargeAddress(request, reply);
      throw new DomainError('unauthorized', 'invalid_token', 'The token is invalid, expired or revoked');
    }
    await limits.chargeCredential(request, reply, token.tokenId);
    const workspaceId = await services.workspaces.resolve({ boundWorkspaceId: token.workspaceId, requestedWorkspaceId: requestedWorkspace(request) });
    const scope: Scope = request.routeOptions.config.scope ?? 'scim:write';
    if (!hasScope(token.scopes, scope)) throw forbidden('missing_scope', `This token lacks the ${scope} scope`);
    request.actor = {
      userId: token.userId, email: token.email, tokenId: token.tokenId, workspaceId, boundWorkspaceId: token.workspaceId, scopes: token.scopes,
    };
  };
}

function requestedWorkspace(request: FastifyRequest): string | undefined {
  const requested = request.headers['x-workspace-id'];
  if (requested !== undefined && (typeof requested !== 'string' || !UUID.test(requested))) {
    throw invalidInput('X-Workspace-Id', 'header must be a workspace UUID');
  }
  return requested?.toLowerCase();
}
