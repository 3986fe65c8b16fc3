export type Role = 'admin' | 'builder' | 'end-user';
export const ROLES: readonly Role[] = ['admin', 'builder', 'end-user'];
export type MembershipStatus = 'active' | 'invited' | 'archived';

/**
 * A role change expressed as the two flags the Retool-style API speaks: `admin` (isAdmin)
 * and `endUser` (userType endUser). Absent flags leave that aspect of the role alone.
 */
export interface RoleFlags {
  admin?: boolean;
  endUser?: boolean;
}

/**
 * The role a member ends with after applying `flags` to `current`:
 * admin:true makes an admin; admin:false demotes an admin to builder (end-user when
 * endUser:true); endUser:true makes an end-user; endUser:false lifts an end-user to builder.
 * Returns null for the contradiction admin:true with endUser:true.
 */
export function applyRoleFlags(current: Role, flags: RoleFlags): Role | null {
  if (flags.admin === true) return flags.endUser === true ? null : 'admin';
  if (flags.endUser === true) return 'end-user';
  if (flags.admin === false && current === 'admin') return 'builder';
  if (flags.endUser === false && current === 'end-user') return 'builder';
  return current;
}

/** Whether a membership counts toward the workspace's active admins. */
export function isActiveAdmin(membership: { role: Role; status: MembershipStatus }): boolean {
  return membership.role === 'admin' && membership.status === 'active';
}
