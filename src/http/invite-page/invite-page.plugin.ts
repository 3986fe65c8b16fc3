import type { FastifyInstance, FastifyReply } from 'fastify';
import { runAudited } from '../../core/audit.ts';
import type { Services } from '../../core/services.ts';
import type { RateLimits } from '../rate-limit.ts';
import { toNativeError } from '../native/errors.ts';
import { type FormValues, acceptedPage, errorPage, formPage } from './invite-page.html.ts';
import { InviteForm, InvitePageGetSchema, InvitePagePostSchema } from './invite-page.schemas.ts';

const FORM_BODY_LIMIT = 16 * 1024;

const TITLES: Record<string, string> = {
  invalid_token: 'This invitation link is not valid',
  invite_gone: 'This invitation can no longer be used',
  rate_limited: 'Too many attempts',
  already_member: 'You are already a member',
};

/**
 * The accept page for people with a browser, at `/invite/:token` (outside /api/v1, no API
 * token): GET shows a form, POST (form-urlencoded) accepts the invite exactly as
 * `POST /api/v1/invites/accept` does and answers with a short result page. Everything shown
 * is escaped; the token is never echoed, and request lines of these routes are not logged
 * at info level because their URL carries it.
 */
export async function invitePage(app: FastifyInstance, options: { services: Services; limits: RateLimits }) {
  const { inviteAcceptance } = options.services;
  // No credentials here: every request counts against its address's budget, and accepts against their own too.
  app.addHook('onRequest', options.limits.chargeAddress);

  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  app.setErrorHandler((error, request, reply) => {
    const { status, body } = toNativeError(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    const title = TITLES[body.code] ?? (status >= 500 ? 'Something went wrong' : 'The invitation could not be accepted');
    return sendPage(reply, status, errorPage(title, status >= 500 ? 'Please try again later.' : body.message));
  });

  app.get<{ Params: { token: string } }>('/invite/:token', {
    logLevel: 'warn',
    schema: InvitePageGetSchema,
  }, async (request, reply) => sendPage(reply, 200, formPage(await inviteAcceptance.preview(request.params.token))));

  app.post<{ Params: { token: string } }>('/invite/:token', {
    logLevel: 'warn',
    onRequest: options.limits.chargeAccept,
    config: { documentedBody: { contentType: 'application/x-www-form-urlencoded', schema: InviteForm } },
    schema: InvitePagePostSchema,
  }, async (request, reply) => {
    const { token } = request.params;
    const preview = await inviteAcceptance.preview(token);
    const form = readForm(request.body, preview.choosesPassword);
    if ('error' in form) return sendPage(reply, 400, formPage(preview, form.values, form.error));
    const accepted = await runAudited({ actorType: 'public', requestId: request.id }, () => inviteAcceptance.accept({ token, ...form }));
    return sendPage(reply, 200, acceptedPage(accepted));
  });
}

/**
 * The submitted fields, held to the API's rules (first name, last name, and when the account
 * is being set up a password of 8 or more characters).
 */
function readForm(body: unknown, choosesPassword: boolean): { firstName: string; lastName: string; password?: string } | { error: string; values: FormValues } {
  const fields = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const text = (name: string) => (typeof fields[name] === 'string' ? (fields[name] as string) : '');
  const values = { firstName: text('firstName').slice(0, 255), lastName: text('lastName').slice(0, 255) };
  const password = text('password');
  if (!/\S/.test(text('firstName'))) return { error: 'Enter your first name.', values };
  if (text('firstName').length > 255 || text('lastName').length > 255) return { error: 'Names are limited to 255 characters.', values };
  if (!choosesPassword) return { firstName: values.firstName, lastName: values.lastName };
  if (password.length < 8 || password.length > 1024) return { error: 'The password needs 8 characters or more.', values };
  return { firstName: values.firstName, lastName: values.lastName, password };
}

/**
 * Answers a request under `/invite/` that names no invite page (a mangled or over-long link)
 * with the page for a link that is not valid, which shows nothing of the path.
 */
export function sendInvalidLink(reply: FastifyReply, status: number): FastifyReply {
  return sendPage(reply, status, errorPage(TITLES.invalid_token!, 'Check the link in your invitation email.'));
}

function sendPage(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .header('x-content-type-options', 'nosniff')
    .header('x-frame-options', 'DENY')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
    .send(html);
}
