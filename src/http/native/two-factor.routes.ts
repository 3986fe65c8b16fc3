import type { Services } from '../../core/services.ts';
import { errorResponses } from './common.schemas.ts';
import type { NativeApp } from './native-app.ts';
import { RecoveryCodes, TwoFactorCodeBody, TwoFactorDisableBody, TwoFactorEnrolment } from './two-factor.schemas.ts';

const tags = ['Sign-in'];

/**
 * A person's own two-factor sign-in (TOTP, with recovery codes): personal routes, open to
 * their session (writes carry the CSRF header) or a token of theirs, even where a workspace
 * requires two-factor, so that they can turn it on.
 */
export function twoFactorRoutes(app: NativeApp, { twoFactor }: Services): void {
  app.post('/me/two-factor/setup', {
    config: { personal: true },
    schema: {
      operationId: 'setUpTwoFactor', summary: 'Start two-factor enrolment', tags,
      description: 'Makes a new TOTP secret for one\'s own account, stored encrypted and not yet in force, and answers it with its '
        + '`otpauth://` URI and a QR code. Calling again replaces a secret not yet confirmed. With two-factor on it is a 409 '
        + '`two_factor_enabled`.',
      response: { 200: TwoFactorEnrolment, ...errorResponses(409) },
    },
  }, async (request) => twoFactor.setup(request.actor.userId));

  app.post('/me/two-factor/confirm', {
    config: { personal: true },
    schema: {
      operationId: 'confirmTwoFactor', summary: 'Turn two-factor sign-in on', tags,
      description: 'Checks a code of the authenticator app against the secret from setup and turns two-factor on, answering ten '
        + 'recovery codes, shown this once. Every other session of the person ends (they signed in without it). A wrong or reused code is a 400 `wrong_code` naming `code`; without a setup under way '
        + 'it is a 409 `two_factor_not_set_up`.',
      body: TwoFactorCodeBody,
      response: { 200: RecoveryCodes, ...errorResponses(409) },
    },
  }, async (request) => ({ recoveryCodes: await twoFactor.confirm(request.actor.userId, request.body.code, request.actor.sessionId ?? null) }));

  app.post('/me/two-factor/recovery-codes', {
    config: { personal: true },
    schema: {
      operationId: 'regenerateRecoveryCodes', summary: 'Replace one\'s recovery codes', tags,
      description: 'For a current code of the authenticator app, answers ten new recovery codes; the earlier ones stop working. '
        + 'A wrong code is a 400 `wrong_code`; with two-factor off it is a 409 `two_factor_not_enabled`.',
      body: TwoFactorCodeBody,
      response: { 200: RecoveryCodes, ...errorResponses(409) },
    },
  }, async (request) => ({ recoveryCodes: await twoFactor.regenerateRecoveryCodes(request.actor.userId, request.body.code) }));

  app.delete('/me/two-factor', {
    config: { personal: true },
    schema: {
      operationId: 'disableTwoFactor', summary: 'Turn two-factor sign-in off', tags,
      description: 'Turns two-factor off (or abandons a setup), forgetting the secret and the recovery codes, for the account\'s '
        + '`password` (a wrong one is a 403 `wrong_password`) or a current `code` of the app (a wrong one is a 400 `wrong_code`). '
        + 'Every other session of the person ends.',
      body: TwoFactorDisableBody,
      response: { 204: { type: 'null', description: 'Turned off.' }, ...errorResponses(409) },
    },
  }, async (request, reply) => {
    await twoFactor.disable(request.actor.userId, request.body, request.actor.sessionId ?? null);
    reply.code(204);
    return null;
  });
}
