import type { Account } from '../../core/account.service.ts';
import type { MembershipAssignment } from '../../core/membership-assignment.ts';
import type { Role } from '../../core/roles.ts';

type RoleName = 'admin' | 'builder' | 'end-user' | 'developer' | 'viewer';

/** ToolJet's older role names map onto today's: developer is a builder, viewer an end user. */
export function toRole(name: RoleName): Role {
  if (name === 'developer') return 'builder';
  if (name === 'viewer') return 'end-user';
  return name;
}

/**
 * Role names in answers follow ToolJet's published user schema (admin, developer, viewer,
 * end-user), where a builder is a `developer`; requests accept either spelling.
 */
function toRoleName(role: Role): string {
  return role === 'builder' ? 'developer' : role;
}

/** ToolJet's single `name`: the first word is the first name, the rest the last name. */
export function splitName(name: string): { firstName: string; lastName: string } {
  const [firstName = '', ...rest] = name.trim().split(/\s+/);
  return { firstName, lastName: rest.join(' ') };
}

export function toAssignment(entry: {
  id?: string; name?: string; status?: MembershipAssignment['status']; role?: RoleName; groups?: Array<{ id?: string; name?: string }>;
}): MembershipAssignment {
  return {
    workspace: { id: entry.id, name: entry.name },
    role: entry.role === undefined ? undefined : toRole(entry.role),
    status: entry.status,
    groups: entry.groups,
  };
}

/** The ToolJet user object: the seed schema's fields, plus `inviteUrl` per workspace and `userGroups`. */
export function toTooljetUser(account: Account, publicUrl: string) {
  const userGroups = new Map<string, { id: string; name: string }>();
  for (const membership of account.memberships) for (const group of membership.groups) userGroups.set(group.id, group);
  return {
    id: account.id,
    name: `${account.firstName} ${account.lastName}`.trim(),
    email: account.email,
    status: account.status,
    defaultOrganizationId: account.defaultWorkspaceId ?? undefined,
    workspaces: account.memberships.map((membership) => ({
      id: membership.workspaceId,
      name: membership.workspaceName,
      status: membership.status,
      role: toRoleName(membership.role),
      groups: membership.groups,
      inviteUrl: membership.inviteToken ? `${publicUrl}/invite/${membership.inviteToken}` : null,
    })),
    userGroups: [...userGroups.values()],
  };
}
