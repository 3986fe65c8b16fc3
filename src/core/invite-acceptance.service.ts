import { randomUUID } from 'node:crypto';
import { fromJson } from '../db/rows.ts';
import type { InviteRow } from '../db/schema.ts';
import type { Repositories, Store } from '../db/store.ts';
import { refuseGroupsAboveUse } from './access-rules.ts';
import { recordAudit } from './audit.ts';
import { type AccountNames, inviteMaySetUpAccount, refuseArchivedAccount } from './account-boundary.ts';
import { DomainError, conflict, gone, invalidInput } from './errors.ts';
import type { InviteLinks, MembershipLink } from './invite-links.ts';
import { assertAcceptable } from './invites.ts';
import { newInviteNonce } from './membership-assignment.ts';
import { checkMembershipChange } from './membership-rules.ts';
import { hashPassword } from './passwords.ts';
import type { Role } from './roles.ts';
import { hashTokenSecret } from './token-secret.ts';
import { writeUnique } from './unique.ts';
import { fitsType, setAttributeValues } from './user-attributes.ts';

export interface InviteAcceptInput {
  token: string;
  firstName: string;
  lastName: string;
  /** Needed only when accepting sets up the account (see `inviteMaySetUpAccount`). */
  password?: string;
}

/** What the invitee learns on accepting: where they now are, and as whom. */
export interface AcceptedInvite {
  userId: string;
  email: string;
  workspaceId: string;
  workspaceName: string;
  role: Role;
  /** Whether the account's password and names were set; false for an account that keeps its own. */
  accountSetUp: boolean;
}

/** What the accept page shows before the invitee fills in the form. */
export interface InvitePreview {
  email: string;
  workspaceName: string;
  role: Role;
  /** Null for a membership link, which lasts until it is used or the membership changes. */
  expiresAt: string | null;
  /** Whether accepting sets the account's password, so the page must ask for one. */
  choosesPassword: boolean;
}

/**
 * Accepting invites, for the invitee holding the token (no API token involved). The token
 * is looked up by its hash; an unknown one is a 404 `invalid_token`, a used, revoked or
 * expired one a 410 `invite_gone`, and either changes nothing.
 */
export class InviteAcceptanceService {
  constructor(
    private readonly store: Store,
    private readonly links: InviteLinks,
  ) {}

  preview(token: string): Promise<InvitePreview> {
    const link = this.links.parse(token);
    if (link) return this.store.read((repos) => this.previewMembership(repos, link));
    return this.store.read(async (repos) => {
      const invite = assertAcceptable(await repos.invites.getByTokenHash(hashTokenSecret(token)), new Date());
      const workspace = await repos.workspaces.get(invite.workspace_id);
      const user = await repos.users.getByEmail(invite.email);
      return {
        email: invite.email, workspaceName: workspace?.name ?? '', role: invite.role, expiresAt: new Date(invite.expires_at).toISOString(),
        choosesPassword: !user || (await inviteMaySetUpAccount(repos, user, invite.workspace_id)),
      };
    });
  }

  /**
   * In one transaction: creates the account or activates it, creates or activates the
   * membership with the invite's role, adds the groups that still exist, sets the attribute
   * values that still fit their definitions, and marks the invite accepted. Any refusal
   * (an archived account, an active member already, the membership rules) rolls all of it
   * back and leaves the invite pending.
   *
   * Names and password are set on the account only when `inviteMaySetUpAccount` allows it:
   * whoever holds a link cannot take over an account someone signs in with, nor one other
   * workspaces know. Such an account keeps its password, and the names given become the
   * inviting workspace's own names for the member.
   */
  async accept(input: InviteAcceptInput): Promise<AcceptedInvite> {
    const link = this.links.parse(input.token);
    if (link) return this.acceptMembership(link, input);
    const tokenHash = hashTokenSecret(input.token);
    // Checked before hashing the password, so a dead token costs no scrypt work.
    await this.store.read(async (repos) => assertAcceptable(await repos.invites.getByTokenHash(tokenHash), new Date()));
    const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
    return writeUnique(this.store, async (repos) => {
      const invite = assertAcceptable(await repos.invites.getByTokenHash(tokenHash, 'update'), new Date());
      const at = new Date().toISOString();
      const names = { first_name: input.firstName, last_name: input.lastName };
      const { userId, accountSetUp } = await acceptAccount(repos, invite, names, passwordHash, at);
      await acceptMembership(repos, invite, userId, accountSetUp ? undefined : names, at);
      // The row lock (PostgreSQL) or the single writer (SQLite) already rules this out; kept as a guard.
      if (!(await repos.invites.markAccepted(invite.id, userId, at))) throw gone('invite_gone', 'This invite has already been used');
      await recordAudit(repos, {
        action: 'invite.accepted', target: { type: 'invite', id: invite.id }, workspaceId: invite.workspace_id,
        changes: { status: 'accepted', userId, role: invite.role },
      });
      const workspace = await repos.workspaces.get(invite.workspace_id);
      return { userId, email: invite.email, workspaceId: invite.workspace_id, workspaceName: workspace?.name ?? '', role: invite.role, accountSetUp };
    }, () => conflict('email_taken', 'An account with this email was created at the same moment; try again', 'email'));
  }

  /**
   * A membership link (the ToolJet dialect's `inviteUrl`) accepts an invited membership:
   * the account and the membership become active, with the role, groups and attributes the
   * membership already has, and the membership's nonce changes so the link works once.
   * Names and password follow the same rule as for invites.
   */
  private async acceptMembership(link: MembershipLink, input: InviteAcceptInput): Promise<AcceptedInvite> {
    await this.store.read((repos) => this.loadInvitedMembership(repos, link));
    const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
    return this.store.write(async (repos) => {
      const { membership, user, workspaceName } = await this.loadInvitedMembership(repos, link, 'update');
      refuseArchivedAccount(user);
      const at = new Date().toISOString();
      const names = { first_name: input.firstName, last_name: input.lastName };
      const accountSetUp = await inviteMaySetUpAccount(repos, user, link.workspaceId);
      await repos.users.update(user.id, {
        ...(accountSetUp ? { ...names, password_hash: requirePassword(passwordHash) } : {}),
        status: 'active',
        default_workspace_id: user.default_workspace_id ?? link.workspaceId,
        updated_at: at,
      });
      await repos.memberships.update(link.workspaceId, user.id, {
        status: 'active', invite_nonce: newInviteNonce(), ...(accountSetUp ? { first_name: null, last_name: null } : names), updated_at: at,
      });
      await recordAudit(repos, {
        action: 'membership.accepted', target: { type: 'membership', id: user.id }, workspaceId: link.workspaceId,
        changes: { status: 'active' },
      });
      return { userId: user.id, email: user.email, workspaceId: link.workspaceId, workspaceName, role: membership.role, accountSetUp };
    });
  }

  private async previewMembership(repos: Repositories, link: MembershipLink): Promise<InvitePreview> {
    const { membership, user, workspaceName } = await this.loadInvitedMembership(repos, link);
    return {
      email: user.email, workspaceName, role: membership.role, expiresAt: null,
      choosesPassword: await inviteMaySetUpAccount(repos, user, link.workspaceId),
    };
  }

  /** The invited membership a link names; unknown or stale links are 404, used ones 410. */
  private async loadInvitedMembership(repos: Repositories, link: MembershipLink, lock?: 'update') {
    const membership = await repos.memberships.get(link.workspaceId, link.userId, lock);
    const user = membership && (await repos.users.getById(link.userId));
    if (!membership || !user || !membership.invite_nonce || !this.links.verify(link, membership.invite_nonce)) {
      throw new DomainError('not_found', 'invalid_token', 'No invitation matches this link');
    }
    if (membership.status !== 'invited') throw gone('invite_gone', 'This invitation has already been used');
    const workspace = await repos.workspaces.get(link.workspaceId);
    return { membership, user, workspaceName: workspace?.name ?? '' };
  }
}

/** The password hash of an account being set up; 400 naming `password` when none was given. */
function requirePassword(passwordHash: string | undefined): string {
  if (passwordHash === undefined) throw invalidInput('password', 'choose a password of 8 characters or more to set up the account');
  return passwordHash;
}

/**
 * The account of the invite's email, created or activated, and whether accepting set it up
 * (password and names) or it keeps its own.
 */
async function acceptAccount(
  repos: Repositories,
  invite: InviteRow,
  names: AccountNames,
  passwordHash: string | undefined,
  at: string,
): Promise<{ userId: string; accountSetUp: boolean }> {
  const user = await repos.users.getByEmail(invite.email);
  if (!user) {
    const id = randomUUID();
    await repos.users.create({
      id, email: invite.email, ...names, password_hash: requirePassword(passwordHash), status: 'active',
      default_workspace_id: invite.workspace_id, created_at: at, updated_at: at,
    });
    return { userId: id, accountSetUp: true };
  }
  refuseArchivedAccount(user);
  const accountSetUp = await inviteMaySetUpAccount(repos, user, invite.workspace_id);
  await repos.users.update(user.id, {
    ...(accountSetUp ? { ...names, password_hash: requirePassword(passwordHash) } : {}),
    status: 'active',
    default_workspace_id: user.default_workspace_id ?? invite.workspace_id,
    updated_at: at,
  });
  return { userId: user.id, accountSetUp };
}

/**
 * The membership with the invite's role, active, with its groups and attribute values;
 * `ownNames`, when given, are the workspace's own names for the member.
 */
async function acceptMembership(repos: Repositories, invite: InviteRow, userId: string, ownNames: AccountNames | undefined, at: string): Promise<void> {
  const workspaceId = invite.workspace_id;
  const names = ownNames ?? { first_name: null, last_name: null };
  const current = await repos.memberships.get(workspaceId, userId, 'update');
  if (!current) {
    await repos.memberships.create({
      workspace_id: workspaceId, user_id: userId, role: invite.role, status: 'active', invite_nonce: newInviteNonce(),
      ...names, created_at: at, updated_at: at,
    });
  } else if (current.status === 'active') {
    throw conflict('already_member', `${invite.email} is already an active member of this workspace`, 'email');
  } else {
    await checkMembershipChange(repos, workspaceId, userId, current, { role: invite.role, status: 'active' });
    await repos.memberships.update(workspaceId, userId, { role: invite.role, status: 'active', ...names, updated_at: at });
  }
  await refuseGroupsAboveUse(repos, workspaceId, invite.role, fromJson<number[]>(invite.group_ids), 'groupIds');
  const groups = new Set((await repos.groups.list(workspaceId)).map((group) => group.id));
  for (const groupId of fromJson<number[]>(invite.group_ids)) {
    if (groups.has(groupId)) await repos.groups.addMember(groupId, userId, at);
  }
  // Values whose attribute was deleted or retyped since the invite was made are dropped.
  const definitions = new Map((await repos.userAttributes.list(workspaceId)).map((definition) => [definition.name, definition]));
  const values = Object.fromEntries(Object.entries(fromJson<Record<string, unknown>>(invite.attributes)).filter(([name, value]) => {
    const definition = definitions.get(name);
    return definition !== undefined && fitsType(definition.data_type, value);
  }));
  if (Object.keys(values).length > 0) await setAttributeValues(repos, workspaceId, userId, values);
}
