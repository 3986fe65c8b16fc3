import { Type } from 'typebox';
import { NOT_BLANK } from './errors.ts';

const Uuid = Type.String({ format: 'uuid' });
const MembershipStatus = Type.Enum(['active', 'archived', 'invited']);

/** Role names ToolJet accepts: today's admin/builder/end-user, and the schema's developer/viewer. */
export const RoleName = Type.Enum(['admin', 'builder', 'end-user', 'developer', 'viewer']);

const GroupRefBody = Type.Object({
  id: Type.Optional(Uuid),
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
});

export const WorkspaceEntry = Type.Object({
  id: Type.Optional(Uuid),
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
  status: Type.Optional(MembershipStatus),
  role: Type.Optional(RoleName),
  groups: Type.Optional(Type.Array(GroupRefBody, { maxItems: 1000 })),
});

const Password = Type.String({ minLength: 5, maxLength: 100 });
const Name = Type.String({ minLength: 1, maxLength: 511, pattern: NOT_BLANK });
const Email = Type.String({ format: 'email', maxLength: 320 });

export const UserCreateBody = Type.Object({
  name: Name,
  email: Email,
  password: Type.Optional(Password),
  status: Type.Optional(MembershipStatus),
  workspaces: Type.Array(WorkspaceEntry, { maxItems: 1000 }),
});

export const UserUpdateBody = Type.Object({
  name: Type.Optional(Name),
  email: Type.Optional(Email),
  password: Type.Optional(Password),
  status: Type.Optional(MembershipStatus),
  defaultOrganizationId: Type.Optional(Uuid),
});

export const WorkspacesReplaceBody = Type.Array(WorkspaceEntry, { maxItems: 1000 });

export const MembershipUpdateBody = Type.Object({
  id: Type.Optional(Uuid),
  name: Type.Optional(Type.String()),
  status: Type.Optional(MembershipStatus),
  groups: Type.Optional(Type.Array(GroupRefBody, { maxItems: 1000 })),
});

export const RoleUpdateBody = Type.Object({
  newRole: RoleName,
  userId: Type.Optional(Uuid),
  email: Type.Optional(Email),
});

export const UsersQuery = Type.Object({
  group_names: Type.Optional(Type.String({ maxLength: 10_000 })),
  status: Type.Optional(Type.String({ pattern: '^(active|archived|invited)(,(active|archived|invited))*$' })),
});

/** A user named by UUID or by email. */
export const UserParams = Type.Object({ id: Type.Union([Uuid, Email]) });
export const UserWorkspaceParams = Type.Object({ id: Uuid, workspaceId: Uuid });
export const WorkspaceParams = Type.Object({ workspaceId: Uuid });

const GroupOut = Type.Object({ id: Type.String(), name: Type.String() });

export const TooljetUser = Type.Object({
  id: Type.String(),
  name: Type.String(),
  email: Type.String(),
  status: Type.String(),
  defaultOrganizationId: Type.Optional(Type.String()),
  workspaces: Type.Array(Type.Object({
    id: Type.String(),
    name: Type.String(),
    status: Type.String(),
    role: Type.String(),
    groups: Type.Array(GroupOut),
    inviteUrl: Type.Union([Type.String(), Type.Null()]),
  })),
  userGroups: Type.Array(GroupOut),
});

export const TooljetWorkspace = Type.Object({
  id: Type.String(),
  name: Type.String(),
  status: Type.String(),
  groups: Type.Array(GroupOut),
});
