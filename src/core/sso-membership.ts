import { randomUUID } from 'node:crypto';
import type { UserRow } from '../db/schema.ts';
import type { Repositories } from '../db/store.ts';
import { refuseGroupsAboveUse } from './access-rules.ts';
import { recordAudit } from './audit.ts';
import { forbidden } from './errors.ts';
import { newInviteNonce } from './membership-assignment.ts';
import type { Role } from './roles.ts';
import { type Claims, attributeValue, claimAt, claimValues, mappedGroups, namesOf } from './sso-claims.ts';
import type { SsoSettings } from './sso-settings.ts';
import { setAttributeValues } from './user-attributes.ts';

/** The member a single sign-on admitted, and whether they joined the workspace just now. */
export interface SsoMember {
  userId: string;
  role: Role;
  joined: boolean;
}

/** What a sign-in changed to bring the member in line with their claims. */
export interface SsoSync {
  groupsAdded: string[];
  groupsRemoved: string[];
  /** Attribute name → new value (null: removed), for the values that changed. */
  attributes: Record<string, unknown>;
}

/**
 * The workspace's member that a verified email names, inside the caller's transaction,
 * under the account boundary (account-boundary.ts):
 * - an archived account, or an archived membership here, is refused (403
 *   `sso_account_archived`, `sso_membership_archived`): only an administrator restores them;
 * - an invited membership becomes active, as accepting its invite would;
 * - anyone else joins with `jitRole` when just-in-time creation is on (else 403
 *   `sso_not_a_member`): a new email makes an account with the names the claims give; an
 *   existing account joins with its names and email as they are, whatever other
 *   workspaces it belongs to.
 * An account that was only invited becomes active either way: its person has now signed
 * in, as accepting an invite shows.
 */
export async function admitSsoMember(
  repos: Repositories,
  workspaceId: string,
  settings: SsoSettings,
  email: string,
  claims: Claims,
  at: string,
): Promise<SsoMember> {
  let user = await repos.users.getByEmail(email);
  if (!user) {
    if (!settings.jitEnabled) throw notAMember(email);
    const id = randomUUID();
    const names = namesOf(claims);
    const account = { id, email, ...names, status: 'active' as const, default_workspace_id: workspaceId, created_at: at, updated_at: at };
    if (await repos.users.createUnlessEmailTaken(account)) return join(repos, workspaceId, settings, account, names, at);
    // Another sign-in created the account first: it joins as an existing one.
    user = await repos.users.getByEmail(email);
    if (!user) throw new Error(`creating ${email} conflicted with no account of that email`);
  }
  if (user.status === 'archived') {
    throw forbidden('sso_account_archived', `The account of ${user.email} is archived; an instance administrator must restore it first`);
  }
  const membership = await repos.memberships.get(workspaceId, user.id, 'update');
  if (!membership) {
    if (!settings.jitEnabled) throw notAMember(email);
    if (user.status === 'invited') await repos.users.update(user.id, { status: 'active', updated_at: at });
    return join(repos, workspaceId, settings, user, { first_name: user.first_name, last_name: user.last_name }, at);
  }
  if (membership.status === 'archived') {
    throw forbidden('sso_membership_archived', `${user.email} is disabled in this workspace; an administrator must enable them first`);
  }
  if (membership.status === 'invited') await activate(repos, workspaceId, user, at);
  return { userId: user.id, role: membership.role, joined: false };
}

/**
 * Brings the member's groups and attribute values in line with the claims, inside the
 * caller's transaction. Only the groups the mappings name are touched: mapped groups the
 * claims reach are added, mapped groups they do not reach are removed, and every other
 * group stays. A mapped group deleted since is skipped. Each mapped attribute takes the
 * claim's value (converted to its type; an absent claim removes the value); a value that
 * cannot be converted leaves the stored one, as does an attribute deleted since. An end
 * user is refused (409 `group_has_edit_access`) rather than put in a group with edit access.
 */
export async function syncFromClaims(
  repos: Repositories,
  workspaceId: string,
  settings: SsoSettings,
  member: SsoMember,
  claims: Claims,
  at: string,
): Promise<SsoSync> {
  const sync: SsoSync = { groupsAdded: [], groupsRemoved: [], attributes: {} };
  if (settings.groupsClaim !== null && Object.keys(settings.groupMappings).length > 0) {
    const { wanted, mapped } = mappedGroups(settings.groupMappings, claimValues(claims, settings.groupsClaim));
    const groups = await repos.accounts.findGroups(workspaceId, [], [...mapped]);
    const current = (await repos.groups.groupsOfUsers(workspaceId, [member.userId])).get(member.userId) ?? [];
    const currentIds = new Set(current.map((group) => group.id));
    const added = groups.filter((group) => wanted.has(group.name) && !currentIds.has(group.id));
    const removed = current.filter((group) => mapped.has(group.name) && !wanted.has(group.name));
    if (added.length > 0 || removed.length > 0) {
      await refuseGroupsAboveUse(repos, workspaceId, member.role, added.map((group) => group.id), 'groups');
      const removedIds = new Set(removed.map((group) => group.id));
      const next = [...current.filter((group) => !removedIds.has(group.id)), ...added].map((group) => group.id);
      await repos.accounts.setGroups(workspaceId, member.userId, next, at);
      sync.groupsAdded = added.map((group) => group.name).sort();
      sync.groupsRemoved = removed.map((group) => group.name).sort();
    }
  }
  const mappings = Object.entries(settings.attributeMappings);
  if (mappings.length > 0) {
    const definitions = new Map((await repos.userAttributes.list(workspaceId)).map((definition) => [definition.name, definition]));
    const values: Record<string, unknown> = {};
    for (const [claim, name] of mappings) {
      const definition = definitions.get(name);
      const value = definition ? attributeValue(definition.data_type, claimAt(claims, claim)) : undefined;
      if (value !== undefined) values[name] = value;
    }
    const before = await repos.userAttributes.valuesOf(workspaceId, member.userId);
    for (const [name, value] of Object.entries(values)) {
      const changed = value === null ? Object.hasOwn(before, name) : JSON.stringify(before[name]) !== JSON.stringify(value);
      if (changed) sync.attributes[name] = value;
    }
    if (Object.keys(sync.attributes).length > 0) await setAttributeValues(repos, workspaceId, member.userId, sync.attributes);
  }
  return sync;
}

async function join(
  repos: Repositories,
  workspaceId: string,
  settings: SsoSettings,
  user: Pick<UserRow, 'id' | 'email'>,
  names: { first_name: string; last_name: string },
  at: string,
): Promise<SsoMember> {
  await repos.memberships.create({
    workspace_id: workspaceId, user_id: user.id, role: settings.jitRole, status: 'active', invite_nonce: newInviteNonce(), created_at: at, updated_at: at,
  });
  await recordAudit(repos, {
    action: 'user.created', target: { type: 'user', id: user.id }, workspaceId,
    changes: { email: user.email, firstName: names.first_name, lastName: names.last_name, role: settings.jitRole, via: 'sso' },
  });
  return { userId: user.id, role: settings.jitRole, joined: true };
}

async function activate(repos: Repositories, workspaceId: string, user: UserRow, at: string): Promise<void> {
  await repos.memberships.update(workspaceId, user.id, { status: 'active', invite_nonce: newInviteNonce(), updated_at: at });
  if (user.status === 'invited' || user.default_workspace_id === null) {
    await repos.users.update(user.id, { status: 'active', default_workspace_id: user.default_workspace_id ?? workspaceId, updated_at: at });
  }
  await recordAudit(repos, {
    action: 'membership.accepted', target: { type: 'membership', id: user.id }, workspaceId, changes: { status: 'active', via: 'sso' },
  });
}

function notAMember(email: string) {
  return forbidden('sso_not_a_member', `${email} is not a member of this workspace, and it does not add people at sign-in`);
}
