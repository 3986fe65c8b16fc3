import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../core/errors.ts';
import { sendInvalidLink } from './invite-page/invite-page.plugin.ts';
import { toNativeError } from './native/errors.ts';
import { type SecretPage, secretPageOf } from './redaction.ts';
import { sendInvalidResetLink } from './reset-password-page/reset-password-page.plugin.ts';
import { toRetoolError } from './retool-v2/errors.ts';
import { SCIM_JSON, scimErrorBody, toScimError } from './scim/errors.ts';
import { toTooljetError } from './tooljet/errors.ts';

/** How each secret-bearing page answers a link that is not valid, showing nothing of the path. */
const INVALID_LINK: Record<SecretPage, (reply: FastifyReply, status: number) => FastifyReply> = {
  invite: sendInvalidLink,
  'reset-password': sendInvalidResetLink,
};

/** The longest path parameter the router takes; longer ones are refused before routing (414). */
export const MAX_PARAM_LENGTH = 512;

/**
 * What the router refuses before a route is found, as a client error with a stable code, and
 * the status to answer when the dialect's own mapping has none for it (414: no core kind says
 * "too long a URL").
 */
function routerError(error: FastifyError): { error: unknown; status?: number } {
  if (error.code === 'FST_ERR_BAD_URL') {
    return { error: new DomainError('invalid_input', 'invalid_url', 'The request path is not valid percent-encoded text') };
  }
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return { error: new DomainError('invalid_input', 'path_parameter_too_long', `A path parameter is longer than ${MAX_PARAM_LENGTH} characters`), status: 414 };
  }
  return { error };
}

/**
 * Answers the router's own refusals (a malformed or over-long path), which come before any
 * route, hook or error handler, in the shape of the dialect the path belongs to. The path is
 * not echoed: on the invite and password reset pages it carries a token.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const refused = routerError(error);
  const path = request.url.split('?')[0]!;
  if (path.startsWith('/api/ext/')) {
    const body = toTooljetError(refused.error, request);
    const status = refused.status ?? body.statusCode;
    void reply.code(status).send({ ...body, statusCode: status });
    return;
  }
  if (/^\/(api\/)?scim\/v2(\/|$)/.test(path)) {
    const { status, body } = toScimError(refused.error);
    const answered = refused.status ?? status;
    void reply.code(answered).header('content-type', SCIM_JSON).send(scimErrorBody(answered, body.detail, body.scimType));
    return;
  }
  if (path.startsWith('/api/v2/')) {
    const { status, body } = toRetoolError(refused.error);
    void reply.code(refused.status ?? status).send(body);
    return;
  }
  const { status, body } = toNativeError(refused.error);
  const page = secretPageOf(path);
  if (page) {
    void INVALID_LINK[page](reply, refused.status ?? status);
    return;
  }
  void reply.code(refused.status ?? status).send(body);
}

/**
 * Answers a path no route serves, outside the dialects (which answer their own). A path
 * under a secret-bearing route (a mangled invite or reset link) gets that page's answer for
 * a link that is not valid, which shows nothing of the path; any other gets the native 404
 * naming the path.
 */
export function routeNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const path = request.url.split('?')[0]!;
  const page = secretPageOf(path);
  if (page) return INVALID_LINK[page](reply, 404);
  return reply.code(404).send({ message: `No route ${request.method} ${path}`, code: 'route_not_found' });
}
