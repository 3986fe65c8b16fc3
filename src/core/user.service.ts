import { randomUUID } from 'node:crypto';
import type { GroupRef } from '../db/group.repository.ts';
import { toIso } from '../db/rows.ts';
import type { Repositories, Store } from '../db/store.ts';
import type { MemberRow } from '../db/user.repository.ts';
import type { Actor } from './actor.ts';
import { type DomainError, conflict, invalidInput, notFound } from './errors.ts';
import { type Page, type PageRequest, offsetOf } from './pagination.ts';
import { writeUnique } from './unique.ts';
import { newInviteNonce } from './membership-assignment.ts';
import { checkMembershipChange } from './membership-rules.ts';
import { type MembershipStatus, type Role, type RoleFlags, applyRoleFlags } from './roles.ts';

/** A user as a workspace sees them: account, membership and the workspace's groups. */
export interface WorkspaceUser {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  membershipStatus: MembershipStatus;
  groups: GroupRef[];
  createdAt: string;
  updatedAt: string;
}

export interface UserCreateInput {
  email: string;
  firstName?: string;
  lastName?: string;
  role: Role;
}

export interface UserUpdateInput {
  firstName?: string;
  lastName?: string;
  roleFlags?: RoleFlags;
  /** true archives the membership; false re-activates an archived one. */
  disabled?: boolean;
}

export class UserService {
  constructor(private readonly store: Store) {}

  list(actor: Actor, request: PageRequest): Promise<Page<WorkspaceUser>> {
    return this.store.read(async (repos) => {
      const [rows, total] = await Promise.all([
        repos.users.listMembers(actor.workspaceId, offsetOf(request), request.pageSize),
        repos.users.countMembers(actor.workspaceId),
      ]);
      return { items: await withGroups(repos, actor.workspaceId, rows), total };
    });
  }

  get(actor: Actor, userId: string): Promise<WorkspaceUser> {
    return this.store.read((repos) => loadMember(repos, actor.workspaceId, userId));
  }

  /**
   * Adds a person to the workspace. A new email makes a new account; an account that exists
   * but is not a member here joins as a member, and its email spelling and names are taken
   * from the input only when no other workspace knows the account. A member already here is a conflict.
   */
  create(actor: Actor, input: UserCreateInput): Promise<WorkspaceUser> {
    // Two requests racing for one email: the unique index decides, the loser gets the same 409.
    return writeUnique(this.store, async (repos) => {
      const at = new Date().toISOString();
      const names = { first_name: input.firstName ?? '', last_name: input.lastName ?? '' };
      const existing = await repos.users.getByEmail(input.email);
      let userId: string;
      if (!existing) {
        userId = randomUUID();
        await repos.users.create({ id: userId, email: input.email, ...names, status: 'active', default_workspace_id: actor.workspaceId, created_at: at, updated_at: at });
      } else {
        userId = existing.id;
        if (await repos.memberships.get(actor.workspaceId, userId)) throw emailTaken(input.email);
        if (!(await repos.memberships.hasOtherWorkspaces(userId, actor.workspaceId))) {
          await repos.users.update(userId, { email: input.email, ...names, status: 'active', updated_at: at });
        }
      }
      await repos.memberships.create({
        workspace_id: actor.workspaceId, user_id: userId, role: input.role, status: 'active', invite_nonce: newInviteNonce(),
        created_at: at, updated_at: at,
      });
      return loadMember(repos, actor.workspaceId, userId);
    }, () => emailTaken(input.email));
  }

  /** Changes names, role and disabled state together; refuses to leave no active admin. */
  update(actor: Actor, userId: string, input: UserUpdateInput): Promise<WorkspaceUser> {
    return this.store.write(async (repos) => {
      const member = await loadMemberRow(repos, actor.workspaceId, userId);
      const at = new Date().toISOString();
      const role = input.roleFlags ? applyRoleFlags(member.role, input.roleFlags) : member.role;
      if (role === null) throw invalidInput('isAdmin', 'an admin cannot also be an end user (userType endUser)');
      const status = nextStatus(member.membership_status, input.disabled);
      await checkMembershipChange(repos, actor.workspaceId, userId, { role: member.role, status: member.membership_status }, { role, status });
      const renamed = input.firstName !== undefined || input.lastName !== undefined;
      const moved = role !== member.role || status !== member.membership_status;
      if (moved) await repos.memberships.update(actor.workspaceId, userId, { role, status, updated_at: at });
      if (renamed || moved) {
        await repos.users.update(userId, {
          first_name: input.firstName ?? member.first_name,
          last_name: input.lastName ?? member.last_name,
          updated_at: at,
        });
      }
      return loadMember(repos, actor.workspaceId, userId);
    });
  }

  /** Removes the user from the workspace and from its groups; the account itself remains. */
  delete(actor: Actor, userId: string): Promise<void> {
    return this.store.write(async (repos) => {
      const member = await loadMemberRow(repos, actor.workspaceId, userId);
      await checkMembershipChange(repos, actor.workspaceId, userId, { role: member.role, status: member.membership_status }, null);
      // Membership first: deleting it waits for any group add holding it, whose new row the
      // group clean-up below then sees.
      await repos.memberships.delete(actor.workspaceId, userId);
      await repos.groups.removeUserFromWorkspaceGroups(actor.workspaceId, userId);
    });
  }
}

function emailTaken(email: string): DomainError {
  return conflict('email_taken', `A user with email ${email} already exists in this workspace`, 'email');
}

function nextStatus(current: MembershipStatus, disabled: boolean | undefined): MembershipStatus {
  if (disabled === true) return 'archived';
  if (disabled === false && current === 'archived') return 'active';
  return current;
}

async function loadMemberRow(repos: Repositories, workspaceId: string, userId: string): Promise<MemberRow> {
  const row = await repos.users.getMember(workspaceId, userId);
  if (!row) throw notFound('user', userId);
  return row;
}

async function loadMember(repos: Repositories, workspaceId: string, userId: string): Promise<WorkspaceUser> {
  const [user] = await withGroups(repos, workspaceId, [await loadMemberRow(repos, workspaceId, userId)]);
  return user!;
}

async function withGroups(repos: Repositories, workspaceId: string, rows: MemberRow[]): Promise<WorkspaceUser[]> {
  const groups = await repos.groups.groupsOfUsers(workspaceId, rows.map((row) => row.id));
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    role: row.role,
    membershipStatus: row.membership_status,
    groups: groups.get(row.id) ?? [],
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  }));
}
