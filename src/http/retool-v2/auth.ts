import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, forbidden, invalidInput } from '../../core/errors.ts';
import { hasScope } from '../../core/scopes.ts';
import type { Services } from '../../core/services.ts';
import type { RateLimits } from '../rate-limit.ts';

const BEARER = /^Bearer[ \t]+([^\s]+)[ \t]*$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Retool's scheme over Toolplane's API tokens: `Authorization: Bearer <token>`, the same
 * tokens and scopes as /api/v1. The token's workspace is the Retool organization; an
 * instance-wide token acts in the default workspace, or the one X-Workspace-Id names.
 * Requests count against the token's budget, failed ones against the client address's.
 */
export function retoolAuthentication(services: Services, limits: RateLimits) {
  return async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    await limits.guardAddress(request, reply);
    const match = BEARER.exec(request.headers.authorization ?? '');
    const token = match ? await services.tokens.authenticate(match[1]!) : null;
    if (!token) {
      await limits.chargeAddress(request, reply);
      throw new DomainError('unauthorized', 'unauthorized', match
        ? 'The API token is invalid, expired or revoked'
        : 'Missing or malformed Authorization header; expected "Bearer <API token>"');
    }
    await limits.chargeCredential(request, reply, token.tokenId);
    const requested = request.headers['x-workspace-id'];
    if (requested !== undefined && (typeof requested !== 'string' || !UUID.test(requested))) {
      throw invalidInput('X-Workspace-Id', 'header must be a workspace UUID');
    }
    const workspaceId = await services.workspaces.resolve({ boundWorkspaceId: token.workspaceId, requestedWorkspaceId: requested?.toLowerCase() });
    const scope = request.routeOptions.config.scope;
    if (scope && !hasScope(token.scopes, scope)) throw forbidden('missing_scope', `This API token lacks the ${scope} scope`);
    request.actor = {
      userId: token.userId, email: token.email, tokenId: token.tokenId, workspaceId, boundWorkspaceId: token.workspaceId, scopes: token.scopes,
    };
  };
}
