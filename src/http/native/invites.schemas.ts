import { Type } from 'typebox';
import { BulkAnswer, MAX_BULK_ITEMS, OneOrMany } from './bulk-body.ts';
import { PageQuery, Timestamp, Uuid } from './common.schemas.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T, description: string) =>
  Type.Union([schema, Type.Null()], { description });

const Role = (description: string) => Type.Enum(['admin', 'builder', 'end-user'], { description });

const GroupId = Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'The numeric identifier of a group of the workspace.' });

const InviteProperties = {
  id: Uuid('The invite\'s identifier.'),
  email: Type.String({ format: 'email', description: 'The invitee\'s email address.' }),
  role: Role('The role the invitee gets in the workspace on accepting.'),
  external: Type.Boolean({ description: 'Whether the email\'s domain is outside the workspace\'s domains; external invitees join as end-user.' }),
  status: Type.Enum(['pending', 'accepted', 'revoked', 'expired'], {
    description: 'pending (the link works), accepted, revoked, or expired (pending past `expiresAt`).',
  }),
  groups: Type.Array(Type.Object({
    id: Type.Integer({ description: 'The numeric group identifier.' }),
    name: Type.String({ description: 'The group name.' }),
  }), { description: 'Groups the invitee joins on accepting (groups deleted since are left out).' }),
  attributes: Type.Record(Type.String(), Type.Unknown(), { description: 'User attribute values set on the member on accepting.' }),
  expiresAt: Timestamp('When the link stops working.'),
  invitedBy: Nullable(Type.String(), 'Email of the user whose token created the invite.'),
  acceptedUserId: Nullable(Uuid('The user who accepted.'), 'The user who accepted, once accepted.'),
  acceptedAt: Nullable(Timestamp('When the invite was accepted.'), 'When the invite was accepted.'),
  revokedAt: Nullable(Timestamp('When the invite was revoked.'), 'When the invite was revoked.'),
  sendAttempts: Type.Integer({ description: 'How many times the invitation email was tried (0 without SMTP).' }),
  lastSentAt: Nullable(Timestamp('When the email was last delivered.'), 'When the email was last handed to the mail server.'),
  sendError: Nullable(Type.String(), 'Why the last delivery failed; null after a success. `resend` retries.'),
  createdAt: Timestamp('When the invite was created.'),
  updatedAt: Timestamp('When the invite last changed.'),
};

export const Invite = Type.Object(InviteProperties, { description: 'An invitation to join the workspace.' });

export const IssuedInvite = Type.Object(
  {
    ...InviteProperties,
    acceptUrl: Type.Optional(Type.String({
      format: 'uri',
      description: 'The accept link, present only when no SMTP server is configured, and only in this response: it is not stored.',
    })),
  },
  { description: 'An invite just created or re-issued.' },
);

export const InviteCreateBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 320, description: 'The invitee\'s email address.' }),
    role: Role('The role on accepting; an external email (domain not among the workspace\'s domains) must be end-user.'),
    groupIds: Type.Optional(Type.Array(GroupId, { maxItems: 100, description: 'Groups of the workspace the invitee joins.' })),
    attributes: Type.Optional(Type.Record(Type.String(), Type.Unknown(), {
      description: 'Values for the workspace\'s user attributes, checked against their types now and set on accepting.',
    })),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90, description: 'Days until the link expires (default 7).' })),
  },
  { description: 'One invite to create.' },
);

export const InviteCreateRequest = OneOrMany(InviteCreateBody, {
  union: 'One invite (answered 201), or an array of invites (answered 207).',
  array: `Up to ${MAX_BULK_ITEMS} invites. Each item is checked and created on its own and answered in its slot; a bad item never stops the others.`,
});

export const InviteBatchResult = BulkAnswer(
  { invite: Type.Optional({ ...IssuedInvite, description: 'The invite, when the item was created.' }) },
  'Per-item results of a batch of invites.',
);

export const InviteListQuery = Type.Object({
  ...PageQuery.properties,
  status: Type.Optional(Type.Enum(['pending', 'accepted', 'revoked', 'expired'], { description: 'Only invites in this state.' })),
});

export const InviteIdParams = Type.Object({ inviteId: Uuid('The invite\'s identifier.') });

export const InviteResendBody = Type.Object(
  { expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90, description: 'Days until the new link expires (default 7).' })) },
  { description: 'Optional settings for the new link.' },
);

export const InviteAcceptBody = Type.Object(
  {
    token: Type.String({ minLength: 1, maxLength: 200, description: 'The token from the invitation link.' }),
    firstName: Type.String({ minLength: 1, maxLength: 255, pattern: '\\S', description: 'The invitee\'s first name.' }),
    lastName: Type.String({ maxLength: 255, description: 'The invitee\'s last name (may be empty).' }),
    password: Type.Optional(Type.String({
      minLength: 8,
      maxLength: 1024,
      description: 'The password for a new account, 8 characters or more. Required when accepting sets up the account; '
        + 'an account that already has a password, or belongs to other workspaces, keeps it and this is ignored.',
    })),
  },
  { description: 'Accepting an invite.' },
);

export const AcceptedInvite = Type.Object(
  {
    userId: Uuid('The account of the invitee.'),
    email: Type.String({ description: 'The invitee\'s email address.' }),
    workspaceId: Uuid('The workspace joined.'),
    workspaceName: Type.String({ description: 'The workspace joined.' }),
    role: Role('The role in the workspace.'),
    accountSetUp: Type.Boolean({
      description: 'Whether accepting set the account\'s password and names. False for an account that existed with a password '
        + 'or in other workspaces: it keeps them, and the names given are this workspace\'s own for the member.',
    }),
  },
  { description: 'The accepted invite: the account is active and a member of the workspace.' },
);
