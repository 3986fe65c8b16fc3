import type { FastifyInstance, FastifyReply } from 'fastify';
import { runAudited } from '../../core/audit.ts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../core/password-reset.service.ts';
import type { Services } from '../../core/services.ts';
import { sendHtmlPage } from '../html.ts';
import { setUpLinkPage } from '../link-page.ts';
import type { RateLimits } from '../rate-limit.ts';
import { resetDonePage, resetErrorPage, resetFormPage } from './reset-password-page.html.ts';
import { ResetForm, ResetPageGetSchema, ResetPagePostSchema } from './reset-password-page.schemas.ts';
import { requestAuditContext } from '../audit-context.ts';

const TITLES: Record<string, string> = {
  invalid_token: 'This password reset link is not valid',
  reset_gone: 'This password reset link can no longer be used',
  rate_limited: 'Too many attempts',
};

/**
 * The page of an emailed reset link, at `/reset-password/:token` (outside /api/v1, no
 * credentials): GET shows a form, POST (form-urlencoded) sets the password exactly as
 * `POST /api/v1/auth/password-reset/confirm` does and answers with a short result page.
 * Everything shown is escaped; the token is never echoed, and request lines of these routes
 * are not logged at info level because their URL carries it.
 */
export async function resetPasswordPage(app: FastifyInstance, options: { services: Services; limits: RateLimits }) {
  const { passwordResets } = options.services;
  setUpLinkPage(app, { limits: options.limits, titles: TITLES, refusedTitle: 'The password could not be set', errorPage: resetErrorPage });

  app.get<{ Params: { token: string } }>('/reset-password/:token', {
    logLevel: 'warn',
    schema: ResetPageGetSchema,
  }, async (request, reply) => sendHtmlPage(reply, 200, resetFormPage(await passwordResets.preview(request.params.token))));

  app.post<{ Params: { token: string } }>('/reset-password/:token', {
    logLevel: 'warn',
    config: { documentedBody: { contentType: 'application/x-www-form-urlencoded', schema: ResetForm } },
    schema: ResetPagePostSchema,
  }, async (request, reply) => {
    const { token } = request.params;
    const preview = await passwordResets.preview(token);
    const form = readForm(request.body);
    if ('error' in form) return sendHtmlPage(reply, 400, resetFormPage(preview, form.error));
    await runAudited(requestAuditContext(request, { actorType: 'public' }), () => passwordResets.confirm({ token, password: form.password }));
    return sendHtmlPage(reply, 200, resetDonePage());
  });
}

/** The submitted password, held to the API's rule and matched against its repetition. */
function readForm(body: unknown): { password: string } | { error: string } {
  const fields = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const text = (name: string) => (typeof fields[name] === 'string' ? (fields[name] as string) : '');
  const password = text('password');
  if (password.length < MIN_PASSWORD_LENGTH) return { error: `The password needs ${MIN_PASSWORD_LENGTH} characters or more.` };
  if (password.length > MAX_PASSWORD_LENGTH) return { error: `The password is limited to ${MAX_PASSWORD_LENGTH} characters.` };
  if (text('passwordAgain') !== password) return { error: 'The two passwords differ; type the same one twice.' };
  return { password };
}

/**
 * Answers a request under `/reset-password/` that names no page (a mangled or over-long
 * link) with the page for a link that is not valid, which shows nothing of the path.
 */
export function sendInvalidResetLink(reply: FastifyReply, status: number): FastifyReply {
  return sendHtmlPage(reply, status, resetErrorPage(TITLES.invalid_token!, 'Check the link in your email, or ask for a new one.'));
}
