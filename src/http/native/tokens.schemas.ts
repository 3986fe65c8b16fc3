import { Type } from 'typebox';
import { ALL_SCOPES } from '../../core/scopes.ts';
import { Timestamp, Uuid } from './common.schemas.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T, description: string) =>
  Type.Union([schema, Type.Null()], { description });

const ScopeName = Type.String({
  minLength: 1,
  maxLength: 64,
  description: `A scope: ${ALL_SCOPES.map((scope) => `\`${scope}\``).join(', ')}. Write implies read in the same area.`,
});

const TokenProperties = {
  id: Uuid('The token\'s identifier.'),
  name: Type.String({ description: 'A name telling what the token is for.' }),
  description: Nullable(Type.String(), 'What the token is for, in a sentence; null when none was given.'),
  prefix: Type.String({ description: 'The secret\'s first characters (`tp_` and four more), to tell tokens apart.' }),
  scopes: Type.Array(Type.String(), { description: 'What the token may do.' }),
  workspaceId: Nullable(Uuid('The workspace the token is bound to.'), 'The workspace the token is bound to; null for an instance-wide token.'),
  userEmail: Type.String({ description: 'Email of the user the token acts for.' }),
  createdAt: Timestamp('When the token was created.'),
  expiresAt: Nullable(Timestamp('When the token stops working.'), 'When the token stops working; null for never.'),
  lastUsedAt: Nullable(Timestamp('When the token was last used.'), 'When the token was last used (to within about 30 seconds); null for never.'),
  revokedAt: Nullable(Timestamp('When the token was revoked.'), 'When the token was revoked; null while it is not.'),
};

export const Token = Type.Object(TokenProperties, { description: 'An API token. Its secret is never shown again after creation or rotation.' });

export const IssuedToken = Type.Object(
  {
    ...TokenProperties,
    secret: Type.String({ description: 'The token\'s secret, for `Authorization: Bearer <secret>`. Shown only in this response: only its hash is stored.' }),
  },
  { description: 'A token just created or rotated, with its secret.' },
);

export const TokenCreateBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 255, pattern: '\\S', description: 'A name telling what the token is for.' }),
    description: Type.Optional(Nullable(Type.String({ maxLength: 1000 }), 'What the token is for, in a sentence (at most 1,000 characters); null or empty keeps none.')),
    scopes: Type.Array(ScopeName, {
      minItems: 1,
      maxItems: 100,
      description: 'The scopes, each held by the calling token (`*` only from a `*` token).',
    }),
    workspaceId: Type.Optional(Uuid('Bind the token to this workspace; absent makes it instance-wide. A workspace-bound caller can only give its own workspace.')),
    expiresAt: Type.Optional(Timestamp('When the token stops working; in the future. Not with expiresInDays.')),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650, description: 'Days until the token stops working. Not with expiresAt.' })),
  },
  { description: 'A token to create; it acts for the calling token\'s user.' },
);

export const TokenIdParams = Type.Object({ tokenId: Uuid('The token\'s identifier.') });
