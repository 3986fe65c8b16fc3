import type { PermissionGrantRow } from '../db/schema.ts';
import type { Repositories } from '../db/store.ts';
import { type AccessLevel, type SubjectRef, exceedsUse } from './access.ts';
import { conflict, invalidInput } from './errors.ts';
import type { Role } from './roles.ts';

/**
 * The rule that end users can only use, kept true whichever way a role, a group membership
 * or a grant changes. Each check runs inside the write transaction that makes the change.
 */

/**
 * Refuses a grant above `use` to an end user, or to a group with end-user members
 * (400 `end_user_access_level` on `accessLevel`, naming them by email).
 */
export async function refuseGrantToEndUsers(
  repos: Repositories,
  workspaceId: string,
  subject: SubjectRef,
  accessLevel: AccessLevel,
): Promise<void> {
  if (!exceedsUse(accessLevel)) return;
  let emails: string[];
  if (subject.type === 'user') {
    const member = await repos.users.getMember(workspaceId, subject.id);
    emails = member?.role === 'end-user' ? [member.email] : [];
  } else {
    emails = await repos.permissions.endUserMembers(workspaceId, [subject.id]);
  }
  if (emails.length > 0) {
    throw invalidInput(
      'accessLevel',
      `end users can only use, and ${accessLevel} would reach ${emails.join(', ')}; grant use, or change their role first`,
      'end_user_access_level',
    );
  }
}

/**
 * Refuses to put an end user in groups holding a grant above `use`
 * (409 `group_has_edit_access`, naming the groups). `role` is the role the member will have.
 */
export async function refuseGroupsAboveUse(
  repos: Repositories,
  workspaceId: string,
  role: Role,
  groupIds: readonly number[],
  field: string,
): Promise<void> {
  if (role !== 'end-user' || groupIds.length === 0) return;
  const elevated = await repos.permissions.groupsAboveUse(workspaceId, groupIds);
  if (elevated.length === 0) return;
  const names = new Map((await repos.groups.list(workspaceId)).map((group) => [group.id, group.name]));
  throw conflict(
    'group_has_edit_access',
    `An end user cannot join groups holding edit or own grants: ${elevated.map((id) => `${names.get(id) ?? id} (${id})`).join(', ')}`,
    field,
  );
}

/**
 * Refuses to make the member an end user while they, or a group they belong to, hold a grant
 * above `use` (409 `holds_edit_access`, naming the grants).
 */
export async function refuseDemotionWithEditAccess(repos: Repositories, workspaceId: string, userId: string): Promise<void> {
  const groups = (await repos.groups.groupsOfUsers(workspaceId, [userId])).get(userId) ?? [];
  const grants = (await repos.permissions.listForSubjects(workspaceId, userId, groups.map((group) => group.id)))
    .filter((grant) => exceedsUse(grant.access_level));
  if (grants.length === 0) return;
  const groupNames = new Map(groups.map((group) => [String(group.id), group.name]));
  throw conflict(
    'holds_edit_access',
    `An end user can only use; revoke these grants first: ${grants.map((grant) => describeGrant(grant, groupNames)).join(', ')}`,
  );
}

function describeGrant(grant: PermissionGrantRow, groupNames: Map<string, string>): string {
  const holder = grant.subject_type === 'group' ? ` through group ${groupNames.get(grant.subject_id) ?? grant.subject_id}` : '';
  return `${grant.access_level} on ${grant.object_type} ${grant.object_id}${holder}`;
}
