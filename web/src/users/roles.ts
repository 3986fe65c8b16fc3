import type { Role } from '../api/role.ts';

interface RoleFields {
  isAdmin: boolean;
  userType: 'default' | 'endUser';
}

/** A member's role from the API's Retool-shaped fields. */
export function roleOf(user: RoleFields): Role {
  if (user.isAdmin) return 'admin';
  return user.userType === 'endUser' ? 'end-user' : 'builder';
}

/** The fields that give a member a role. */
export function roleFields(role: Role): RoleFields {
  return { isAdmin: role === 'admin', userType: role === 'end-user' ? 'endUser' : 'default' };
}

export const ROLE_LABELS: Record<Role, string> = { admin: 'Admin', builder: 'Builder', 'end-user': 'End user' };

/** The roles as a select's choices, in the order of ROLE_LABELS. */
export const ROLE_OPTIONS = Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }));
