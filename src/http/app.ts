import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions, type RouteOptions } from 'fastify';
import type { Runtime } from '../runtime/runtime.ts';
import { defaultConsoleRoot, isConsolePage, registerConsole } from './console/console.plugin.ts';
import { frameworkErrors, MAX_PARAM_LENGTH, routeNotFound } from './framework-errors.ts';
import { healthRoutes } from './health.routes.ts';
import { invitePage } from './invite-page/invite-page.plugin.ts';
import { resetPasswordPage } from './reset-password-page/reset-password-page.plugin.ts';
import { registerJsonBodyParser } from './json-body.ts';
import { toNativeError } from './native/errors.ts';
import { nativeApi } from './native/native.plugin.ts';
import { ConfigCodeEngine } from '../config-code/engine.ts';
import { tooljetApi } from './tooljet/tooljet.plugin.ts';
import { retoolApi } from './retool-v2/retool-v2.plugin.ts';
import { scimApi } from './scim/scim.plugin.ts';
import { openapiOptions } from './openapi.ts';
import { registerRateLimits } from './rate-limit.ts';
import { requestId } from './request-id.ts';
import { requestLogger } from './request-logger.ts';
import { serializeRequest } from './redaction.ts';
import { RETRY_AFTER_SECONDS, invalidInput } from '../core/errors.ts';
import { findNulCharacter, findNulParameter, validatorCompiler } from './validation.ts';

export interface AppOptions {
  /** pino options, or false for no logging (tests). */
  logger?: FastifyServerOptions['logger'];
  /** Hears of every route as it is registered, in every dialect: the router's own list of what it serves. */
  onRoute?: (route: RouteOptions) => void;
  /** The built console's folder; `dist/console` of the package unless given. */
  consoleRoot?: string;
}

const MAX_BODY_BYTES = 1024 * 1024;
const DOCS_PREFIX = '/docs';
const BODYLESS_METHODS = new Set(['GET', 'HEAD']);

/** A `preValidation` hook refusing a body that holds a NUL character, naming the field. */
function refuseNulCharacters(request: FastifyRequest, _reply: FastifyReply, done: (error?: Error) => void): void {
  const field = findNulCharacter(request.body);
  done(field === null ? undefined : invalidInput(field, 'must not contain NUL characters'));
}

/**
 * A `preValidation` hook refusing a query string or path parameter that holds a NUL
 * character, naming it, on every route of every dialect. A NUL reaches a URL only
 * percent-encoded, so a URL without `%00` is not looked into.
 */
function refuseNulParameters(request: FastifyRequest, _reply: FastifyReply, done: (error?: Error) => void): void {
  if (!request.url.includes('%00')) return done();
  const field = findNulParameter(request.params) ?? findNulParameter(request.query);
  done(field === null ? undefined : invalidInput(field, 'must not contain NUL characters'));
}

/** The logger options with request URLs redacted on every line (see redaction.ts). */
function redactingLogger(logger: AppOptions['logger']): AppOptions['logger'] {
  if (!logger) return false;
  const options = logger === true ? {} : logger;
  return { ...options, serializers: { ...options.serializers, req: serializeRequest } };
}

/** Builds the HTTP server over an opened runtime; it does not listen. */
export async function buildApp(runtime: Runtime, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: redactingLogger(options.logger),
    ...(options.logger ? { childLoggerFactory: requestLogger } : {}),
    bodyLimit: MAX_BODY_BYTES,
    // `/users/` is `/users`, as ToolJet's and most clients' servers treat it; `//Users` is
    // `/Users`, for identity providers given a SCIM base URL with a trailing slash.
    // Longer path parameters than any id, email or invite token are refused before routing.
    routerOptions: { ignoreTrailingSlash: true, ignoreDuplicateSlashes: true, maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors,
    // X-Request-Id is read by `requestId`, which refuses what it should not echo or store.
    requestIdHeader: false,
    genReqId: requestId,
    // Refuse new requests while closing, but let in-flight ones finish.
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    // The client address that per-address budgets count: the socket's unless proxies are trusted.
    trustProxy: runtime.config.trustProxy ?? false,
  });
  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  app.setValidatorCompiler(validatorCompiler);
  registerJsonBodyParser(app, { allowEmpty: false });
  // Once closing starts, answers ask keep-alive clients to hang up, so shutdown does not wait
  // out their idle timeout after the last in-flight request is done.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  // This hook and the NUL checks take `done` rather than being async: they never wait.
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id);
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });
  // Ahead of the route's own checks, on every route a body can reach: Fastify reads none for GET or HEAD.
  app.addHook('onRoute', (route) => {
    if ([route.method].flat().every((method) => BODYLESS_METHODS.has(method))) return;
    route.preValidation = [refuseNulCharacters, ...[route.preValidation ?? []].flat()];
  });
  app.addHook('preValidation', refuseNulParameters);

  // Outside the dialects (health, docs, unknown paths) errors take the native shape.
  app.setErrorHandler((error, request, reply) => {
    const { status, body } = toNativeError(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    if (status === 503) reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    return reply.code(status).send(body);
  });
  const sendConsolePage = await registerConsole(app, { root: options.consoleRoot ?? defaultConsoleRoot() });
  app.setNotFoundHandler((request, reply) => (isConsolePage(request) ? sendConsolePage(reply) : routeNotFound(request, reply)));

  await app.register(swagger, openapiOptions());
  await app.register(swaggerUi, { routePrefix: DOCS_PREFIX, uiHooks: { onRequest: redirectDocsIndex } });
  await app.register(healthRoutes, { database: runtime.database });
  // The dialects and the link pages apply the budgets in their own hooks; health and docs have none.
  const limits = await registerRateLimits(app, runtime.rateCounter, runtime.config.rateLimit);
  // Cookies are read only where a session may authenticate (native/auth.ts), not on every request.
  await app.register(cookie, { hook: false });
  await app.register(nativeApi, {
    prefix: '/api/v1', services: runtime.services, configCode: new ConfigCodeEngine(runtime.store, runtime.services),
    openapi: () => app.swagger(), limits, publicUrl: runtime.config.publicUrl,
  });
  await app.register(invitePage, { services: runtime.services, limits });
  await app.register(resetPasswordPage, { services: runtime.services, limits });
  await app.register(tooljetApi, { prefix: '/api/ext', services: runtime.services, config: runtime.config, limits });
  await app.register(retoolApi, { services: runtime.services, limits });
  // SCIM at its own base, and at Retool's, so an identity provider's Retool app can be repointed by its host alone.
  for (const prefix of ['/scim/v2', '/api/scim/v2']) {
    await app.register(scimApi, { prefix, services: runtime.services, limits, publicUrl: runtime.config.publicUrl });
  }
  return app;
}

/**
 * `/docs/static/index.html` redirects to the documentation page, `/docs/`. The UI plugin's
 * own redirect keeps a query string and so, with one, sends the browser back to the same
 * URL forever; this one drops it.
 */
async function redirectDocsIndex(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  if (request.routeOptions.url !== `${DOCS_PREFIX}/static/index.html`) return undefined;
  return reply.redirect(`${DOCS_PREFIX}/`);
}
