import type { Actor } from '../../core/actor.ts';
import { invalidInput } from '../../core/errors.ts';
import type { Role } from '../../core/roles.ts';
import type { MemberExtras } from '../../core/retool-data.service.ts';
import type { Services } from '../../core/services.ts';
import type { MemberSummary } from '../../core/user.service.ts';
import { toRetoolUserId } from './ids.ts';

/**
 * Retool's `user_type` over Toolplane's roles: `default` is an admin or builder (`is_admin`
 * tells which), `mobile` an end user. Retool's `embed` users have no Toolplane counterpart.
 */
export function userTypeOf(role: Role): 'default' | 'mobile' {
  return role === 'end-user' ? 'mobile' : 'default';
}

/** The role a user type and admin flag make; `embed`, or an admin end user, is a 400 on `field`. */
export function roleOf(userType: string, isAdmin: boolean, field: string): Role {
  if (userType === 'embed') throw invalidInput(field, 'embed users are not supported; use default or mobile');
  if (userType === 'mobile') {
    if (isAdmin) throw invalidInput(field, 'a mobile user cannot be an admin');
    return 'end-user';
  }
  return isAdmin ? 'admin' : 'builder';
}

/** Retool's users for the workspace's members, in the order given. */
export async function presentUsers(services: Services, actor: Actor, users: readonly MemberSummary[]) {
  const extras = await services.retool.memberExtras(actor, users.map((user) => user.id));
  return users.map((user) => toRetoolUser(user, extras.get(user.id)!));
}

function toRetoolUser(user: MemberSummary, extras: MemberExtras) {
  return {
    id: toRetoolUserId(user.id),
    legacy_id: extras.legacyId,
    first_name: user.firstName === '' ? null : user.firstName,
    last_name: user.lastName === '' ? null : user.lastName,
    created_at: user.createdAt,
    last_active: null,
    email: user.email,
    active: user.membershipStatus === 'active',
    metadata: extras.metadata,
    is_admin: user.role === 'admin',
    two_factor_auth_enabled: extras.twoFactor,
    user_type: userTypeOf(user.role),
  };
}

export async function presentUser(services: Services, actor: Actor, userId: string) {
  const [user] = await presentUsers(services, actor, [await services.users.get(actor, userId)]);
  return user!;
}
