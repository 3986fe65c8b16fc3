import type { FastifyInstance } from 'fastify';
import { RETRY_AFTER_SECONDS } from '../../core/errors.ts';
import type { Services } from '../../core/services.ts';
import type { RateLimits } from '../rate-limit.ts';
import { appsRoutes } from './apps.routes.ts';
import { auditEventsRoutes } from './audit-events.routes.ts';
import { nativeAuthentication } from './auth.ts';
import { toNativeError } from './errors.ts';
import { foldersRoutes } from './folders.routes.ts';
import { groupsRoutes } from './groups.routes.ts';
import { invitesRoutes } from './invites.routes.ts';
import type { NativeApp } from './native-app.ts';
import { permissionsRoutes } from './permissions.routes.ts';
import { resourcesRoutes } from './resources.routes.ts';
import { environmentsRoutes } from './environments.routes.ts';
import { resourceConfigurationsRoutes } from './resource-configurations.routes.ts';
import { tokensRoutes } from './tokens.routes.ts';
import { userAttributesRoutes } from './user-attributes.routes.ts';
import { usersRoutes } from './users.routes.ts';
import { WriteGuards } from './write-guards.ts';
import { workflowsRoutes } from './workflows.routes.ts';
import { workspacesRoutes } from './workspaces.routes.ts';

/**
 * The native API, mounted at /api/v1: Bearer authentication, the `{message, code}` error
 * body, and every route. A route without a declared scope is a startup error, so nothing
 * can be added here without an authorization decision.
 */
export async function nativeApi(
  app: FastifyInstance,
  options: { services: Services; openapi: () => unknown; limits: RateLimits },
) {
  const native = app as unknown as NativeApp;
  const guards = new WriteGuards(options.services);
  native.addHook('onRoute', (route) => {
    if (!route.config?.scope && !route.config?.public) {
      throw new Error(`native route ${route.method} ${route.url} declares no scope`);
    }
    guards.guardRoute(route);
  });
  native.addHook('onRequest', nativeAuthentication(options.services, options.limits));

  native.setErrorHandler((error, request, reply) => {
    const { status, body } = toNativeError(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    if (status === 503) reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    return reply.code(status).send(body);
  });
  native.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ message: `No route ${request.method} ${request.url.split('?')[0]}`, code: 'route_not_found' }));

  native.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => options.openapi());

  for (const routes of [
    usersRoutes, userAttributesRoutes, groupsRoutes, appsRoutes, resourcesRoutes, foldersRoutes, workspacesRoutes, tokensRoutes,
    auditEventsRoutes, workflowsRoutes, permissionsRoutes,
  ]) {
    routes(native, options.services);
  }
  invitesRoutes(native, options.services, options.limits.chargeAccept);
  environmentsRoutes(native, options.services);
  resourceConfigurationsRoutes(native, options.services);
}
