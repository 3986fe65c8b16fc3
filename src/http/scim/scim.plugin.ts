import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import { runAudited } from '../../core/audit.ts';
import { DomainError, RETRY_AFTER_SECONDS } from '../../core/errors.ts';
import type { Services } from '../../core/services.ts';
import { requestAuditContext } from '../audit-context.ts';
import { registerJsonBodyParser } from '../json-body.ts';
import type { RateLimits } from '../rate-limit.ts';
import { scimAuthentication } from './auth.ts';
import { discoveryRoutes } from './discovery.routes.ts';
import { SCIM_JSON, toScimError } from './errors.ts';
import type { ScimContext } from './scim-app.ts';
import { usersAndGroupsRoutes } from './users-groups.routes.ts';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * SCIM 2.0 (RFC 7643/7644) for identity providers, mounted at /scim/v2 and /api/scim/v2. A
 * thin mapping over the core's SCIM services: bodies are read as `application/scim+json` or
 * `application/json`, every answer is `application/scim+json`, and every error is SCIM's
 * error body. Writes are audited as the token's, with the source `scim`.
 */
export async function scimApi(app: FastifyInstance, options: { services: Services; limits: RateLimits; publicUrl: string }) {
  registerJsonBodyParser(app, { allowEmpty: true, contentTypes: ['application/json', 'application/scim+json'] });
  app.addHook('onRoute', (route) => {
    if (![route.method].flat().some((method) => WRITE_METHODS.has(method))) return;
    const handler = route.handler as (this: unknown, request: FastifyRequest, reply: FastifyReply) => unknown;
    route.handler = function (this: unknown, request: FastifyRequest, reply: FastifyReply) {
      const { tokenId, userId } = request.actor;
      return runAudited(requestAuditContext(request, { actorType: 'token', tokenId, userId, source: 'scim' }), () => handler.call(this, request, reply));
    } as RouteHandlerMethod;
  });
  app.addHook('onRequest', scimAuthentication(options.services, options.limits));
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (payload !== undefined && payload !== null && reply.statusCode !== 204 && reply.statusCode !== 304) reply.header('content-type', SCIM_JSON);
    done(null, payload);
  });
  app.setErrorHandler((error, request, reply) => {
    const { status, body } = toScimError(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    if (status === 503) reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    if (error instanceof DomainError && error.details?.retryAfterSeconds) reply.header('retry-after', error.details.retryAfterSeconds);
    return reply.code(status).send(body);
  });
  // The onRequest hook runs for unknown paths too, so an unauthenticated caller learns nothing.
  app.setNotFoundHandler((request, reply) => {
    const { body } = toScimError(new DomainError('not_found', 'route_not_found', `No SCIM endpoint ${request.method} ${request.url.split('?')[0]}`));
    return reply.code(404).send(body);
  });

  const base = new URL(options.publicUrl);
  const context: ScimContext = {
    services: options.services,
    baseUrl: () => `${base.origin}${base.pathname.replace(/\/$/, '')}${app.prefix}`,
  };
  usersAndGroupsRoutes(app, context);
  discoveryRoutes(app, context);
}
