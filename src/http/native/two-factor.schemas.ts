import { Type } from 'typebox';

const TotpCode = (description: string) => Type.String({ minLength: 1, maxLength: 16, description });

export const TwoFactorEnrolment = Type.Object(
  {
    secret: Type.String({ description: 'The TOTP secret, base32, for typing into an authenticator app by hand. Shown this once.' }),
    otpauthUri: Type.String({ description: 'The `otpauth://totp/Toolplane:<email>?secret=…&issuer=Toolplane` URI an authenticator app enrols from.' }),
    qrCode: Type.String({ description: 'The URI as a QR code: an SVG image as a `data:image/svg+xml;base64,…` URL.' }),
  },
  { description: 'A two-factor enrolment under way: scan the QR code, then confirm with a code of the app.' },
);

export const TwoFactorCodeBody = Type.Object(
  { code: TotpCode('The 6-digit code the authenticator app shows now.') },
  { description: 'A current code of the authenticator app.' },
);

export const RecoveryCodes = Type.Object(
  {
    recoveryCodes: Type.Array(Type.String(), {
      description: 'Ten single-use codes (`xxxxx-xxxxx`) that sign in in place of the app. Shown this once: only their hashes are kept.',
    }),
  },
  { description: 'The account\'s new recovery codes; any earlier ones no longer work.' },
);

export const TwoFactorDisableBody = Type.Object(
  {
    password: Type.Optional(Type.String({ minLength: 1, maxLength: 1024, description: 'The account\'s password.' })),
    code: Type.Optional(TotpCode('A current 6-digit code of the authenticator app, in place of the password.')),
  },
  { description: 'Proof of the person turning two-factor off: their password, or a current code of the app.' },
);
