import { Type } from 'typebox';
import { MAX_PAGE_SIZE } from '../../core/audit-log.service.ts';
import { Timestamp, Uuid } from './common.schemas.ts';

const NullableString = (description: string) => Type.Union([Type.String(), Type.Null()], { description });

export const AuditEvent = Type.Object(
  {
    id: Type.Integer({ description: 'The event\'s number; later events have larger numbers.' }),
    occurredAt: Timestamp('When the write was made.'),
    workspaceId: NullableString('The workspace of the target; null for instance-level targets (accounts, instance-wide tokens).'),
    actor: Type.Object(
      {
        type: Type.String({
          description: 'Who made the write: `token` (a native API token), `session` (a signed-in person), `external_api` (the ToolJet '
            + 'dialect\'s access token), `public` (an invitee accepting an invite, a sign-in), `cli` (a local command) or `system` (the server itself).',
        }),
        tokenId: NullableString('The API token used, for `token` actors.'),
        userId: NullableString('The user the token acts for, for `token` actors; the signed-in person, for `session` actors.'),
        address: NullableString('The client address the write came from; null for local commands and the server itself.'),
        userAgent: NullableString('The client\'s user agent (up to 512 characters); null when it sent none, and for local commands.'),
      },
      { description: 'Who made the write.' },
    ),
    action: Type.String({ description: 'What was done: `<target type>.<past participle>`, such as `user.created` or `group.member_added`.' }),
    target: Type.Object(
      {
        type: Type.String({ description: 'The kind of object written: `user`, `group`, `app`, `token`, ...' }),
        id: Type.String({ description: 'The object\'s identifier, as text.' }),
      },
      { description: 'The object the write was about.' },
    ),
    changes: Type.Unsafe<Record<string, unknown>>({
      type: 'object',
      additionalProperties: true,
      description: 'The fields the write set, with their new values; for an update only those that changed. '
        + 'Secret values, passwords and token secrets are never recorded, only the names of the secrets set.',
    }),
    requestId: NullableString('The `x-request-id` of the HTTP request that made the write; for a configuration apply, its id (`apply_…`); null for other local commands.'),
    source: NullableString('The API the write came through when it was not this one: `scim` or `retool-v2`; null for the native API, the ToolJet API and local commands.'),
  },
  { description: 'One recorded write.' },
);

export const AuditEventListQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 100, description: `Events per page, 1 to ${MAX_PAGE_SIZE}.` })),
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'The `nextCursor` of the previous page; absent for the first page.' })),
  actorTokenId: Type.Optional(Uuid('Only events made with this API token.')),
  actorUserId: Type.Optional(Uuid('Only events made by tokens acting for this user.')),
  action: Type.Optional(Type.String({
    minLength: 1, maxLength: 200, description: 'Only this action (`user.created`), or every action with a prefix when it ends in `.*` (`user.*`).',
  })),
  targetType: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Only events about this kind of object (`user`, `group`, ...).' })),
  targetId: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Only events about the object with this identifier.' })),
  since: Type.Optional(Timestamp('Only events at or after this ISO-8601 date-time.')),
  until: Type.Optional(Timestamp('Only events at or before this ISO-8601 date-time.')),
});

export const AuditEventList = Type.Object(
  {
    data: Type.Array(AuditEvent, { description: 'The events of this page, newest first.' }),
    nextCursor: NullableString('Pass as `cursor` to read the next page; null on the last page.'),
  },
  { description: 'A page of audit events.' },
);
