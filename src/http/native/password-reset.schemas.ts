import { Type } from 'typebox';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../core/password-reset.service.ts';
import { ErrorBody } from './common.schemas.ts';

export const PasswordResetRequestBody = Type.Object(
  {
    email: Type.String({ minLength: 1, maxLength: 320, description: 'The email of the account whose password is forgotten, in any case.' }),
  },
  { description: 'Asking for a password reset link by email.' },
);

export const PasswordResetRequested = Type.Object(
  {
    message: Type.String({ description: 'The same sentence for every email, whether it has an account or not.' }),
  },
  { description: 'The request is taken: a link is emailed when the email belongs to an active account and SMTP is configured.' },
);

export const PasswordResetConfirmBody = Type.Object(
  {
    token: Type.String({ minLength: 1, maxLength: 200, description: 'The token of the emailed link (`tpr_…`, the last segment of `/reset-password/<token>`).' }),
    password: Type.String({
      minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH, description: `The new password, ${MIN_PASSWORD_LENGTH} characters or more.`,
    }),
  },
  { description: 'Setting a new password with a reset link.' },
);

const error = (description: string) => ({ ...ErrorBody, description });

export const passwordResetRequestResponses = {
  202: PasswordResetRequested,
  400: error('The body is malformed.'),
  429: error('Too many reset requests for this email or from this address (`rate_limited`); `Retry-After` gives the seconds to wait.'),
};

export const passwordResetConfirmResponses = {
  204: Type.Null({ description: 'The password is set; every session of the person has ended.' }),
  400: error('The body is malformed, or the password is shorter than 8 characters.'),
  404: error('The link is not valid (`invalid_token`).'),
  410: error('The link was used, replaced by a newer one, or has expired, or its account is no longer active (`reset_gone`).'),
  429: error('Too many requests without credentials from this address (`rate_limited`).'),
};
