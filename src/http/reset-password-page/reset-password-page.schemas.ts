import { Type } from 'typebox';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../core/password-reset.service.ts';

export const ResetTokenParams = Type.Object({
  token: Type.String({ minLength: 1, maxLength: 200, description: 'The token of the emailed reset link (`tpr_…`).' }),
});

/** The form's fields. The page reads them itself, so this schema documents them and validates nothing. */
export const ResetForm = Type.Object(
  {
    password: Type.String({
      minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH, description: `The new password, ${MIN_PASSWORD_LENGTH} characters or more.`,
    }),
    passwordAgain: Type.String({ maxLength: MAX_PASSWORD_LENGTH, description: 'The new password once more; it must match.' }),
  },
  { description: 'The new password form, as a browser submits it.' },
);

const Html = (description: string) => ({ description, content: { 'text/html': { schema: { type: 'string' } } } });

const common = {
  tags: ['Sign-in'],
  // The page lives at the server root, outside the `/api/v1` server the rest of the document is relative to.
  servers: [{ url: '/', description: 'The server root.' }],
  // Public: the token in the path is the credential.
  security: [],
  params: ResetTokenParams,
};

const errorPages = {
  404: Html('The link is not valid (`invalid_token`).'),
  410: Html('The link was used, replaced by a newer one, or has expired (`reset_gone`).'),
  429: Html('Too many requests from this address (`rate_limited`), with `Retry-After`.'),
};

export const ResetPageGetSchema = {
  ...common,
  operationId: 'getPasswordResetPage', summary: 'Password Reset Page',
  description: 'The page of an emailed password reset link, for people with a browser: a form choosing a new password.',
  response: { 200: Html('The form.'), 400: Html('The token is malformed.'), ...errorPages },
};

export const ResetPagePostSchema = {
  ...common,
  operationId: 'confirmPasswordResetPage', summary: 'Set a New Password (Page)',
  description: 'Sets the new password from the page\'s form (`application/x-www-form-urlencoded`), exactly as '
    + '`POST /auth/password-reset/confirm` does, and answers with a short HTML result page.',
  response: { 200: Html('The password is set.'), 400: Html('The form again, saying what to correct.'), ...errorPages },
};
