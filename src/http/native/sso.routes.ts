import type { FastifyRequest } from 'fastify';
import { runAudited } from '../../core/audit.ts';
import type { Services } from '../../core/services.ts';
import type { SsoConfiguration as CoreSsoConfiguration } from '../../core/sso-configuration.service.ts';
import { NoContent, errorResponses } from './common.schemas.ts';
import type { NativeApp } from './native-app.ts';
import { requestAuditContext } from '../audit-context.ts';
import { setSessionCookie } from './sign-in.routes.ts';
import {
  Redirect, SsoCallbackQuery, SsoConfiguration, SsoConfigurationBody, SsoStartParams, SsoStartQuery,
} from './sso.schemas.ts';

const configurationTags = ['Single sign-on'];
const signInTags = ['Sign-in'];

export interface SsoRouteOptions {
  /** PUBLIC_URL: the redirect URI and the sign-in links are built on it. */
  publicUrl: string;
}

/** Where the native API is mounted: the redirect URI lies under it. */
const NATIVE_PREFIX = '/api/v1';

/**
 * Single sign-on over OpenID Connect: each workspace's configuration (admins only, scope
 * `sso`), and the two public steps of signing in: `start` sends the browser to the
 * provider, the callback comes back from it with a code and ends with a session cookie.
 */
export function ssoRoutes(app: NativeApp, { sso, ssoSignIn }: Services, options: SsoRouteOptions): void {
  const base = options.publicUrl.replace(/\/+$/, '');
  const redirectUri = `${base}${NATIVE_PREFIX}/auth/sso/callback`;
  const secureCookie = base.startsWith('https:');
  const present = (configuration: CoreSsoConfiguration) => ({
    ...configuration, redirectUri, signInUrl: `${base}${NATIVE_PREFIX}/auth/sso/${configuration.workspaceId}/start`,
  });

  app.get('/sso', {
    config: { scope: 'sso:read' },
    schema: {
      operationId: 'getSsoConfiguration', summary: 'Get Single Sign-On', tags: configurationTags,
      description: 'The acting workspace\'s OpenID Connect configuration, with the redirect URI to register at the provider. '
        + '404 `sso_not_configured` without one.',
      response: { 200: SsoConfiguration, ...errorResponses(404) },
    },
  }, async (request) => present(await sso.get(request.actor)));

  app.put('/sso', {
    config: { scope: 'sso:write' },
    schema: {
      operationId: 'putSsoConfiguration', summary: 'Set Single Sign-On', tags: configurationTags,
      description: 'Creates (201) or replaces (200) the acting workspace\'s configuration. Group and attribute names must exist '
        + 'in the workspace (400 naming the mapping). `clientSecret` is encrypted at rest and never returned.',
      body: SsoConfigurationBody,
      response: { 200: SsoConfiguration, 201: SsoConfiguration, ...errorResponses() },
    },
  }, async (request, reply) => {
    const { configuration, created } = await sso.put(request.actor, request.body);
    reply.code(created ? 201 : 200);
    return present(configuration);
  });

  app.delete('/sso', {
    config: { scope: 'sso:write' },
    schema: {
      operationId: 'deleteSsoConfiguration', summary: 'Remove Single Sign-On', tags: configurationTags,
      description: 'Removes the configuration; members sign in with passwords again. 404 `sso_not_configured` without one.',
      response: { 204: NoContent, ...errorResponses(404) },
    },
  }, async (request, reply) => {
    await sso.delete(request.actor);
    reply.code(204);
    return null;
  });

  app.get('/auth/sso/:workspaceId/start', {
    config: { public: true },
    schema: {
      operationId: 'startSso', summary: 'Start single sign-on', tags: signInTags, security: [],
      description: 'Redirects (302) to the workspace\'s identity provider. The sign-in must come back to the callback within '
        + '10 minutes. A `returnTo` that is not a path on this server is a 400; a workspace without single sign-on a 404.',
      params: SsoStartParams,
      querystring: SsoStartQuery,
      response: { 302: Redirect, ...errorResponses(404, 503) },
    },
  }, async (request, reply) => {
    const location = await ssoSignIn.start(request.params.workspaceId, request.query.returnTo, redirectUri);
    return reply.redirect(location, 302);
  });

  app.get('/auth/sso/callback', {
    config: { public: true },
    schema: {
      operationId: 'finishSso', summary: 'Finish single sign-on', tags: signInTags, security: [],
      description: 'Where the provider sends the browser back. Sets the session cookie and redirects (302) to the `returnTo` given at '
        + 'the start. 400 `invalid_sso_state` (unknown, used, expired or altered state), 400 `sso_failed` (the code was refused, '
        + 'e.g. used twice or expired, or the answer failed its checks), 403 `sso_email_unverified`, `sso_domain_refused`, '
        + '`sso_not_a_member`, `sso_account_archived` or `sso_membership_archived`.',
      querystring: SsoCallbackQuery,
      response: { 302: Redirect, ...errorResponses(404, 409, 503) },
    },
  }, async (request, reply) => {
    const signedIn = await runAudited(requestAuditContext(request, { actorType: 'public' }), () => ssoSignIn.finish(callbackUrl(request, redirectUri), {
      address: request.ip, userAgent: typeof request.headers['user-agent'] === 'string' ? request.headers['user-agent'] : null,
    }));
    setSessionCookie(reply, signedIn.secret, signedIn.session.expiresAt, secureCookie);
    return reply.redirect(signedIn.returnTo, 302);
  });
}

/** The redirect URI with the query the provider sent, as openid-client checks it. */
function callbackUrl(request: FastifyRequest, redirectUri: string): URL {
  const at = request.url.indexOf('?');
  return new URL(at < 0 ? redirectUri : `${redirectUri}${request.url.slice(at)}`);
}
