import { Type } from 'typebox';
import { MAX_INTEGER_ID } from './ids.ts';
import { Envelope, ListEnvelope, Nullable } from './envelope.ts';
import { RetoolInvite } from './user-invites.mapper.ts';

const UniversalAccess = Type.String({ enum: ['none', 'use', 'edit', 'own'] });
const QueryLibraryAccess = Type.String({ enum: ['none', 'use', 'edit'] });

/** The group settings Retool has and Toolplane keeps beside the group (retool_group_settings). */
export const GROUP_SETTING_DEFAULTS = {
  universal_app_access: 'none',
  universal_resource_access: 'none',
  universal_workflow_access: 'none',
  universal_query_library_access: 'none',
  user_list_access: false,
  audit_log_access: false,
  unpublished_release_access: false,
  usage_analytics_access: false,
  theme_access: false,
  account_details_access: false,
  landing_page_app_id: null,
} as const;

export const GroupMember = Type.Object({ id: Type.String(), email: Type.String(), is_group_admin: Type.Boolean() });

export const RetoolGroup = Type.Object({
  id: Type.Number(),
  legacy_id: Type.Number(),
  name: Type.String(),
  members: Type.Array(GroupMember),
  universal_app_access: Type.String(),
  universal_resource_access: Type.String(),
  universal_workflow_access: Type.String(),
  universal_query_library_access: Type.String(),
  user_invites: Type.Array(RetoolInvite),
  user_list_access: Type.Boolean(),
  audit_log_access: Type.Boolean(),
  unpublished_release_access: Type.Boolean(),
  usage_analytics_access: Type.Boolean(),
  theme_access: Type.Boolean(),
  account_details_access: Type.Boolean(),
  landing_page_app_id: Nullable(Type.String()),
  updated_at: Type.String(),
  created_at: Type.String(),
});

export const GroupEnvelope = Envelope(RetoolGroup);
export const GroupListEnvelope = ListEnvelope(RetoolGroup);

export const GroupParams = Type.Object({ groupId: Type.String({ maxLength: 20 }) });

const MemberInput = Type.Object({
  id: Type.String({ maxLength: 100 }),
  is_group_admin: Type.Optional(Type.Boolean()),
});

/** An invite of a group's `user_invites` in a write: its id counts, the rest of Retool's invite object is ignored. */
const InviteInput = Type.Object({ id: Type.Integer({ minimum: 1, maximum: MAX_INTEGER_ID }) });
const MAX_GROUP_INVITES = 1000;

const settingsInput = {
  universal_app_access: Type.Optional(UniversalAccess),
  universal_resource_access: Type.Optional(UniversalAccess),
  universal_workflow_access: Type.Optional(UniversalAccess),
  universal_query_library_access: Type.Optional(QueryLibraryAccess),
  user_list_access: Type.Optional(Type.Boolean()),
  audit_log_access: Type.Optional(Type.Boolean()),
  unpublished_release_access: Type.Optional(Type.Boolean()),
  usage_analytics_access: Type.Optional(Type.Boolean()),
  theme_access: Type.Optional(Type.Boolean()),
  account_details_access: Type.Optional(Type.Boolean()),
  landing_page_app_id: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
};

export const GroupCreateBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 255 }),
  members: Type.Optional(Type.Array(MemberInput, { maxItems: 10_000 })),
  user_invites: Type.Optional(Type.Array(InviteInput, { maxItems: MAX_GROUP_INVITES })),
  ...settingsInput,
});

export const GroupReplaceBody = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
  members: Type.Optional(Type.Array(MemberInput, { maxItems: 10_000 })),
  user_invites: Type.Optional(Type.Array(InviteInput, { maxItems: MAX_GROUP_INVITES })),
  ...settingsInput,
});

export const GroupInvitesBody = Type.Object({
  userInviteIds: Type.Array(Type.Integer({ minimum: 1, maximum: MAX_INTEGER_ID }), { maxItems: MAX_GROUP_INVITES }),
});
export const GroupInviteParams = Type.Object({ groupId: Type.String({ maxLength: 20 }), userInviteId: Type.String({ maxLength: 20 }) });

export const GroupMembersBody = Type.Object({ members: Type.Array(MemberInput, { maxItems: 10_000 }) });
export const GroupMemberParams = Type.Object({ groupId: Type.String({ maxLength: 20 }), userSid: Type.String({ maxLength: 100 }) });

export const SETTING_NAMES = Object.keys(GROUP_SETTING_DEFAULTS) as Array<keyof typeof GROUP_SETTING_DEFAULTS>;
