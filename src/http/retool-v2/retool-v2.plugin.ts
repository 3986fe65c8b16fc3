import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import { runAudited } from '../../core/audit.ts';
import { DomainError, RETRY_AFTER_SECONDS } from '../../core/errors.ts';
import type { Services } from '../../core/services.ts';
import { requestAuditContext } from '../audit-context.ts';
import { WriteGuards } from '../native/write-guards.ts';
import type { RateLimits } from '../rate-limit.ts';
import { createValidatorCompiler } from '../validation.ts';
import { accessTokensRoutes } from './access-tokens.routes.ts';
import { retoolAuthentication } from './auth.ts';
import { appsRoutes } from './apps.routes.ts';
import { configurationVariablesRoutes } from './configuration-variables.routes.ts';
import { environmentsRoutes } from './environments.routes.ts';
import { toRetoolError } from './errors.ts';
import { FolderIds } from './folders.mapper.ts';
import { foldersRoutes } from './folders.routes.ts';
import { groupsRoutes } from './groups.routes.ts';
import { permissionsRoutes } from './permissions.routes.ts';
import { resourceConfigurationsRoutes } from './resource-configurations.routes.ts';
import { resourcesRoutes } from './resources.routes.ts';
import { sourceControlRoutes } from './source-control.routes.ts';
import { spaceCopyRoutes } from './space-copy.routes.ts';
import { spacesRoutes } from './spaces.routes.ts';
import { ssoRoutes } from './sso.routes.ts';
import type { RetoolApp } from './retool-v2-app.ts';
import { userAttributesRoutes } from './user-attributes.routes.ts';
import { userInvitesRoutes } from './user-invites.routes.ts';
import { usersRoutes } from './users.routes.ts';
import { workflowsRoutes } from './workflows.routes.ts';

/**
 * The Retool version /api/checkHealth reports. Retool's Terraform provider refuses servers
 * below 3.75.0; this is the release whose API spec (2.12.0) the dialect follows.
 */
export const RETOOL_COMPATIBLE_VERSION = '3.334.0';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Retool's real API v2 at /api/v2, and Retool's unauthenticated /api/checkHealth: `{success,
 * data}` envelopes, `{success: false, message}` errors, Retool's id forms, over the same
 * core services, tokens and scopes as /api/v1. Writes pass the native API's guards (one
 * transaction, If-Match, Idempotency-Key) and are audited as this dialect's. A route
 * without a scope is a startup error.
 */
export async function retoolApi(app: FastifyInstance, options: { services: Services; limits: RateLimits }) {
  app.get('/api/checkHealth', { schema: { hide: true } }, async (request, reply) => {
    await options.limits.chargeAddress(request, reply);
    return { version: RETOOL_COMPATIBLE_VERSION };
  });
  await app.register(retoolV2Routes, { ...options, prefix: '/api/v2' });
}

async function retoolV2Routes(app: FastifyInstance, options: { services: Services; limits: RateLimits }) {
  const retool = app as unknown as RetoolApp;
  const guards = new WriteGuards(options.services);
  retool.addHook('onRoute', (route) => {
    if (!route.config?.scope) throw new Error(`Retool API v2 route ${route.method} ${route.url} declares no scope`);
    route.schema = { ...route.schema, hide: true };
    if ([route.method].flat().some((method) => WRITE_METHODS.has(method))) {
      const handler = route.handler as (this: unknown, request: FastifyRequest, reply: FastifyReply) => unknown;
      route.handler = function (this: unknown, request: FastifyRequest, reply: FastifyReply) {
        const context = requestAuditContext(request, { actorType: 'token', tokenId: request.actor.tokenId, userId: request.actor.userId, source: 'retool-v2' });
        return runAudited(context, () => handler.call(this, request, reply));
      } as RouteHandlerMethod;
    }
    guards.guardRoute(route);
  });
  retool.setValidatorCompiler(createValidatorCompiler({ allErrors: false }));
  retool.addHook('onRequest', retoolAuthentication(options.services, options.limits));
  retool.setErrorHandler((error, request, reply) => {
    const { status, body } = toRetoolError(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    if (status === 503) reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    if (error instanceof DomainError && error.details?.retryAfterSeconds) reply.header('retry-after', error.details.retryAfterSeconds);
    return reply.code(status).send(body);
  });
  // The onRequest hook runs for unknown paths too, so an unauthenticated caller learns nothing.
  retool.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ success: false, message: `No route ${request.method} ${request.url.split('?')[0]}` }));

  const context = { services: options.services };
  const folderIds = new FolderIds(options.services);
  usersRoutes(retool, context);
  groupsRoutes(retool, context);
  foldersRoutes(retool, context, folderIds);
  permissionsRoutes(retool, context, folderIds);
  resourcesRoutes(retool, context, folderIds);
  resourceConfigurationsRoutes(retool, context);
  environmentsRoutes(retool, context);
  configurationVariablesRoutes(retool, context);
  spacesRoutes(retool, context);
  spaceCopyRoutes(retool, context);
  sourceControlRoutes(retool, context);
  ssoRoutes(retool, context);
  appsRoutes(retool, context, folderIds);
  userInvitesRoutes(retool, context);
  userAttributesRoutes(retool, context);
  workflowsRoutes(retool, context, folderIds);
  accessTokensRoutes(retool, context);
}
