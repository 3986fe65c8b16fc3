import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { Config } from '../../config.ts';
import { runAudited } from '../../core/audit.ts';
import { DomainError, RETRY_AFTER_SECONDS } from '../../core/errors.ts';
import type { Services } from '../../core/services.ts';
import { registerJsonBodyParser } from '../json-body.ts';
import type { RateLimits } from '../rate-limit.ts';
import { createValidatorCompiler } from '../validation.ts';
import { appsRoutes } from './apps.routes.ts';
import { tooljetAuthentication } from './auth.ts';
import { toTooljetError } from './errors.ts';
import type { TooljetApp } from './tooljet-app.ts';
import { usersRoutes } from './users.routes.ts';
import { workspacesRoutes } from './workspaces.routes.ts';
import { requestAuditContext } from '../audit-context.ts';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * ToolJet's External API, mounted at /api/ext, for scripts written against ToolJet. A thin
 * mapping over the core services: ToolJet's paths, bodies, status codes and error body.
 * Every route answers 403 while the dialect is disabled or the token is wrong.
 */
export async function tooljetApi(app: FastifyInstance, options: { services: Services; config: Config; limits: RateLimits }) {
  const tooljet = app as unknown as TooljetApp;
  const { externalApi } = options.config;
  if (externalApi.enabled && !externalApi.accessToken) {
    app.log.warn('ENABLE_EXTERNAL_API is true but EXTERNAL_API_ACCESS_TOKEN is empty: every /api/ext request will be refused');
  }
  // Every write runs attributed to the external API access token and its request.
  tooljet.addHook('onRoute', (route) => {
    if (![route.method].flat().some((method) => WRITE_METHODS.has(method))) return;
    const handler = route.handler as (this: unknown, request: FastifyRequest, reply: FastifyReply) => unknown;
    route.handler = function (this: unknown, request: FastifyRequest, reply: FastifyReply) {
      return runAudited(requestAuditContext(request, { actorType: 'external_api' }), () => handler.call(this, request, reply));
    } as RouteHandlerMethod;
  });
  tooljet.setValidatorCompiler(createValidatorCompiler({ allErrors: true }));
  registerJsonBodyParser(app, { allowEmpty: true });
  tooljet.addHook('onRequest', tooljetAuthentication(externalApi, options.limits));
  tooljet.setErrorHandler((error, request, reply) => {
    const body = toTooljetError(error, request);
    if (body.statusCode >= 500) request.log.error({ err: error }, 'request failed');
    if (body.statusCode === 503) reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    return reply.code(body.statusCode).send(body);
  });
  // The onRequest hook runs for unknown paths too, so an unauthenticated caller learns nothing.
  tooljet.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    const body = toTooljetError(new DomainError('not_found', 'route_not_found', `Cannot ${request.method} ${path}`), request);
    return reply.code(404).send(body);
  });

  const context = { services: options.services, config: options.config };
  usersRoutes(tooljet, context);
  workspacesRoutes(tooljet, context);
  appsRoutes(tooljet, context);
}
