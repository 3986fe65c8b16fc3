import type { Services } from '../../core/services.ts';
import type { NativeApp } from './native-app.ts';
import {
  PasswordResetConfirmBody, PasswordResetRequestBody, passwordResetConfirmResponses, passwordResetRequestResponses,
} from './password-reset.schemas.ts';

const tags = ['Sign-in'];

/** The one answer to every reset request, so nothing tells which emails have accounts. */
export const RESET_REQUESTED = 'If an active account has this email, a link to reset its password is on its way.';

/**
 * Forgotten passwords, without credentials: ask for a link by email, then set a new
 * password with the link's token (or on the page at `/reset-password/<token>`).
 */
export function passwordResetRoutes(app: NativeApp, { passwordResets }: Services): void {
  app.post('/auth/password-reset', {
    config: { public: true },
    schema: {
      operationId: 'requestPasswordReset', summary: 'Ask for a password reset link', tags, security: [],
      description: 'Emails a one-time link, valid for an hour, to the account with this email when it is active; a newer link '
        + 'replaces an older one. The answer is the same 202 for every email, with an account or not. Links go out by email '
        + 'only: without `SMTP_URL` nothing is sent, and the operator sets passwords with `toolplane users set-password`. '
        + 'Limited per email and per client address (429).',
      body: PasswordResetRequestBody,
      response: passwordResetRequestResponses,
    },
  }, async (request, reply) => {
    const userAgent = typeof request.headers['user-agent'] === 'string' ? request.headers['user-agent'] : null;
    await passwordResets.request(request.body.email, { address: request.ip, userAgent });
    reply.code(202);
    return { message: RESET_REQUESTED };
  });

  app.post('/auth/password-reset/confirm', {
    config: { public: true },
    schema: {
      operationId: 'confirmPasswordReset', summary: 'Set a new password with a reset link', tags, security: [],
      description: 'Sets the password of the link\'s account and ends every session of the person; the link then no longer works. '
        + 'An unknown token is a 404 `invalid_token`; a used, replaced or expired one a 410 `reset_gone`. Either changes nothing.',
      body: PasswordResetConfirmBody,
      response: passwordResetConfirmResponses,
    },
  }, async (request, reply) => {
    await passwordResets.confirm(request.body);
    reply.code(204);
    return null;
  });
}
