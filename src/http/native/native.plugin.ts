import type { FastifyInstance } from 'fastify';
import type { ConfigCodeEngine } from '../../config-code/engine.ts';
import { DomainError, RETRY_AFTER_SECONDS } from '../../core/errors.ts';
import type { Services } from '../../core/services.ts';
import type { RateLimits } from '../rate-limit.ts';
import { appTransfersRoutes } from './app-transfers.routes.ts';
import { appsRoutes } from './apps.routes.ts';
import { auditEventsRoutes } from './audit-events.routes.ts';
import { configRoutes } from './config.routes.ts';
import { nativeAuthentication } from './auth.ts';
import { toNativeError } from './errors.ts';
import { foldersRoutes } from './folders.routes.ts';
import { groupsRoutes } from './groups.routes.ts';
import { invitesRoutes } from './invites.routes.ts';
import type { NativeApp } from './native-app.ts';
import { ObjectAccessGuard } from './object-access.ts';
import { passwordResetRoutes } from './password-reset.routes.ts';
import { permissionsRoutes } from './permissions.routes.ts';
import { resourcesRoutes } from './resources.routes.ts';
import { environmentsRoutes } from './environments.routes.ts';
import { resourceConfigurationsRoutes } from './resource-configurations.routes.ts';
import { signInRoutes } from './sign-in.routes.ts';
import { ssoRoutes } from './sso.routes.ts';
import { tokensRoutes } from './tokens.routes.ts';
import { twoFactorRoutes } from './two-factor.routes.ts';
import { userAttributesRoutes } from './user-attributes.routes.ts';
import { usersRoutes } from './users.routes.ts';
import { WriteGuards } from './write-guards.ts';
import { workflowsRoutes } from './workflows.routes.ts';
import { workspacesRoutes } from './workspaces.routes.ts';

/**
 * The native API, mounted at /api/v1: Bearer authentication, the `{message, code}` error
 * body, and every route. A route without a declared scope, or a write of apps, resources,
 * folders or workflows without the object it acts on (object-access.ts), is a startup
 * error, so nothing can be added here without an authorization decision.
 */
export async function nativeApi(
  app: FastifyInstance,
  options: { services: Services; configCode: ConfigCodeEngine; openapi: () => unknown; limits: RateLimits; publicUrl: string },
) {
  const native = app as unknown as NativeApp;
  const guards = new WriteGuards(options.services);
  const objectAccess = new ObjectAccessGuard(options.services);
  native.addHook('onRoute', (route) => {
    if (!route.config?.scope && !route.config?.public && !route.config?.personal) {
      throw new Error(`native route ${route.method} ${route.url} declares no scope`);
    }
    objectAccess.guardRoute(route);
    guards.guardRoute(route);
  });
  const publicOrigin = new URL(options.publicUrl).origin;
  native.addHook('onRequest', nativeAuthentication(options.services, options.limits, { publicOrigin }));

  native.setErrorHandler((error, request, reply) => {
    const { status, body } = toNativeError(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    if (status === 503) reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    if (error instanceof DomainError && error.details?.retryAfterSeconds) reply.header('retry-after', error.details.retryAfterSeconds);
    return reply.code(status).send(body);
  });
  native.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ message: `No route ${request.method} ${request.url.split('?')[0]}`, code: 'route_not_found' }));

  native.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => options.openapi());

  for (const routes of [
    usersRoutes, userAttributesRoutes, groupsRoutes, appsRoutes, appTransfersRoutes, resourcesRoutes, foldersRoutes, workspacesRoutes, tokensRoutes,
    auditEventsRoutes, workflowsRoutes, permissionsRoutes,
  ]) {
    routes(native, options.services);
  }
  invitesRoutes(native, options.services, options.limits.chargeAccept);
  environmentsRoutes(native, options.services);
  signInRoutes(native, options.services, { publicOrigin, secureCookie: publicOrigin.startsWith('https:') });
  twoFactorRoutes(native, options.services);
  passwordResetRoutes(native, options.services);
  resourceConfigurationsRoutes(native, options.services);
  ssoRoutes(native, options.services, { publicUrl: options.publicUrl });
  configRoutes(native, options.configCode);
}
