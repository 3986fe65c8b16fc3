import type { FastifyInstance, FastifyReply } from 'fastify';
import { runAudited } from '../../core/audit.ts';
import type { Services } from '../../core/services.ts';
import { sendHtmlPage as sendPage } from '../html.ts';
import { setUpLinkPage } from '../link-page.ts';
import type { RateLimits } from '../rate-limit.ts';
import { type FormValues, acceptedPage, errorPage, formPage } from './invite-page.html.ts';
import { InviteForm, InvitePageGetSchema, InvitePagePostSchema } from './invite-page.schemas.ts';
import { requestAuditContext } from '../audit-context.ts';

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
  setUpLinkPage(app, { limits: options.limits, titles: TITLES, refusedTitle: 'The invitation could not be accepted', errorPage });

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
    const accepted = await runAudited(requestAuditContext(request, { actorType: 'public' }), () => inviteAcceptance.accept({ token, ...form }));
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
