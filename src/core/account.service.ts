import { randomUUID } from 'node:crypto';
import type { AccountFilter, AccountGroupRow, AccountMembershipRow } from '../db/account.repository.ts';
import { toIso } from '../db/rows.ts';
import type { UserRow } from '../db/schema.ts';
import type { Repositories, Store } from '../db/store.ts';
import { changedFields, isEmpty, recordAudit } from './audit.ts';
import { DomainError, conflict, invalidInput } from './errors.ts';
import type { InviteLinks } from './invite-links.ts';
import { type GroupRef, type MembershipAssignment, applyAssignment } from './membership-assignment.ts';
import { checkMembershipChange } from './membership-rules.ts';
import { hashPassword } from './passwords.ts';
import type { MembershipStatus, Role } from './roles.ts';
import { writeUnique } from './unique.ts';

export type AccountStatus = UserRow['status'];

export interface AccountGroup {
  /** The group's uuid. */
  id: string;
  name: string;
}

export interface AccountMembership {
  workspaceId: string;
  workspaceName: string;
  role: Role;
  status: MembershipStatus;
  groups: AccountGroup[];
  /** Token of the invitation link, for a membership that is not active; null once active. */
  inviteToken: string | null;
}

/** A person's account across every workspace of the instance. */
export interface Account {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  status: AccountStatus;
  defaultWorkspaceId: string | null;
  memberships: AccountMembership[];
  createdAt: string;
  updatedAt: string;
}

export interface AccountCreateInput {
  email: string;
  firstName: string;
  lastName: string;
  /** Hashed before storage; a random unknown password when absent. */
  password?: string;
  status: AccountStatus;
  memberships: MembershipAssignment[];
}

export interface AccountUpdateInput {
  email?: string;
  firstName?: string;
  lastName?: string;
  password?: string;
  /** `archived` also archives every membership of the account. */
  status?: AccountStatus;
  /** Must be a workspace the account is a member of. */
  defaultWorkspaceId?: string;
}

/**
 * Accounts as an instance-wide directory sees them, for the dialects that manage people
 * across workspaces (ToolJet's). Workspace-scoped user management is UserService's.
 */
export class AccountService {
  constructor(
    private readonly store: Store,
    private readonly inviteLinks: InviteLinks,
  ) {}

  list(filter: AccountFilter = {}): Promise<Account[]> {
    return this.store.read(async (repos) => this.withMemberships(repos, await repos.accounts.listUsers(filter)));
  }

  /**
   * The accounts `list` answers, in the same order, as batches of up to `batchSize`: three
   * queries per batch whatever the number of memberships and groups, and only one batch in
   * memory at a time, and the next being read. Each batch is read on its own, so a change
   * between batches shows in the later ones only.
   *
   * The next batch is read while the caller works on this one, so a database across a
   * network answers while the server sends, instead of by turns.
   */
  async *listInBatches(filter: AccountFilter = {}, batchSize = 1_000): AsyncGenerator<Account[]> {
    let next = this.readBatch(filter, undefined, batchSize);
    for (;;) {
      const batch = await next;
      if (!batch) return;
      const last = batch.users.length < batchSize ? undefined : batch.users[batch.users.length - 1];
      next = last ? this.readBatch(filter, last, batchSize) : Promise.resolve(undefined);
      // A caller that stops early never awaits the read ahead; its failure must not go unhandled.
      next.catch(() => {});
      yield batch.accounts;
    }
  }

  /** The users after `after` (from the first when undefined) with their accounts; undefined when there are none. */
  private async readBatch(filter: AccountFilter, after: UserRow | undefined, batchSize: number): Promise<{ users: UserRow[]; accounts: Account[] } | undefined> {
    const users = await this.store.read((repos) => repos.accounts.listUsers(filter, after, batchSize));
    if (users.length === 0) return undefined;
    return { users, accounts: await this.store.read((repos) => this.withMemberships(repos, users)) };
  }

  /** Finds an account by id, or by email whatever its case when `idOrEmail` holds an @. */
  get(idOrEmail: string): Promise<Account> {
    return this.store.read(async (repos) => this.load(repos, await findAccount(repos, idOrEmail)));
  }

  /** Creates the account with its memberships and groups in one transaction; any bad entry creates nothing. */
  create(input: AccountCreateInput): Promise<Account> {
    return writeUnique(this.store, async (repos) => {
      if (await repos.users.getByEmail(input.email)) throw emailTaken(input.email);
      requireDistinctWorkspaces(input.memberships);
      const at = new Date().toISOString();
      const user = {
        id: randomUUID(), email: input.email, first_name: input.firstName, last_name: input.lastName,
        // No password given, none stored: nobody can sign in with it until one is set.
        password_hash: input.password === undefined ? null : await hashPassword(input.password), status: input.status,
        created_at: at, updated_at: at,
      };
      await repos.users.create(user);
      const workspaceIds: string[] = [];
      for (const [index, assignment] of input.memberships.entries()) {
        workspaceIds.push(await applyAssignment(repos, user, assignment, `workspaces.${index}`, at));
      }
      if (workspaceIds[0]) await repos.users.update(user.id, { default_workspace_id: workspaceIds[0] });
      const account = await this.load(repos, user.id);
      await recordAudit(repos, {
        action: 'account.created', target: { type: 'account', id: user.id }, workspaceId: null,
        changes: {
          email: account.email, firstName: account.firstName, lastName: account.lastName, status: account.status,
          defaultWorkspaceId: account.defaultWorkspaceId, memberships: membershipsOf(account),
        },
      });
      return account;
    }, () => emailTaken(input.email));
  }

  /** Changes the fields given; values equal to the current ones (and no password) change nothing and record nothing. */
  update(userId: string, input: AccountUpdateInput): Promise<Account> {
    return writeUnique(this.store, async (repos) => {
      const user = await loadUser(repos, userId);
      const before = await this.load(repos, userId);
      const at = new Date().toISOString();
      if (input.email && input.email.toLowerCase() !== user.email.toLowerCase() && (await repos.users.getByEmail(input.email))) {
        throw emailTaken(input.email);
      }
      if (input.defaultWorkspaceId && !(await repos.memberships.get(input.defaultWorkspaceId, userId))) {
        throw invalidInput('defaultOrganizationId', 'the user is not a member of that workspace', 'not_a_member');
      }
      if (input.status === 'archived') await archiveMemberships(repos, userId, at);
      await repos.users.update(userId, {
        email: input.email,
        first_name: input.firstName,
        last_name: input.lastName,
        password_hash: input.password === undefined ? undefined : await hashPassword(input.password),
        status: input.status,
        default_workspace_id: input.defaultWorkspaceId,
        updated_at: at,
      });
      const after = await this.load(repos, userId);
      const changes = changedFields(before, {
        email: input.email === undefined ? undefined : after.email, firstName: input.firstName, lastName: input.lastName,
        status: input.status, defaultWorkspaceId: input.defaultWorkspaceId,
      });
      if (input.status === 'archived' && !sameJson(membershipsOf(before), membershipsOf(after))) changes.memberships = membershipsOf(after);
      // Never the password, not even hashed: only that it was set. A new password ends the
      // person's sessions and reset links; a new email ends the links mailed to the old one.
      if (input.password !== undefined) {
        changes.passwordChanged = true;
        changes.sessionsEnded = await repos.sessions.deleteForUser(userId);
      }
      if (input.password !== undefined || changes.email !== undefined) {
        const resetLinksEnded = await repos.passwordResets.endLive(userId, at);
        if (resetLinksEnded > 0) changes.resetLinksEnded = resetLinksEnded;
      }
      if (!isEmpty(changes)) await recordAudit(repos, { action: 'account.updated', target: { type: 'account', id: userId }, workspaceId: null, changes });
      return after;
    }, () => emailTaken(input.email ?? ''));
  }

  /**
   * Makes the account's memberships exactly `assignments`, in one transaction: memberships of
   * workspaces not listed are removed (with their groups), listed ones created or changed.
   * `[]` removes the account from every workspace. Memberships left as they were record nothing.
   */
  replaceMemberships(userId: string, assignments: MembershipAssignment[]): Promise<Account> {
    return this.store.write(async (repos) => {
      const user = await loadUser(repos, userId);
      const before = await this.load(repos, userId);
      requireDistinctWorkspaces(assignments);
      const at = new Date().toISOString();
      const kept = new Set<string>();
      for (const [index, assignment] of assignments.entries()) {
        kept.add(await applyAssignment(repos, user, { ...assignment, groups: assignment.groups ?? [] }, `${index}`, at));
      }
      for (const membership of await repos.accounts.membershipsOf([userId])) {
        if (kept.has(membership.workspace_id)) continue;
        await checkMembershipChange(repos, membership.workspace_id, userId, membership, null);
        await repos.memberships.delete(membership.workspace_id, userId);
        await repos.groups.removeUserFromWorkspaceGroups(membership.workspace_id, userId);
      }
      if (user.default_workspace_id && !kept.has(user.default_workspace_id)) {
        await repos.users.update(userId, { default_workspace_id: [...kept][0] ?? null, updated_at: at });
      }
      const after = await this.load(repos, userId);
      const changes = changedFields(
        { memberships: membershipsOf(before), defaultWorkspaceId: before.defaultWorkspaceId },
        { memberships: membershipsOf(after), defaultWorkspaceId: after.defaultWorkspaceId },
      );
      if (!isEmpty(changes)) {
        await recordAudit(repos, { action: 'account.workspaces_replaced', target: { type: 'account', id: userId }, workspaceId: null, changes });
      }
      return after;
    });
  }

  /**
   * Changes one existing membership's status and, when `groups` is given, its custom groups
   * exactly. Never the role. A membership left as it was records nothing.
   */
  updateMembership(userId: string, workspaceId: string, input: { status?: MembershipStatus; groups?: GroupRef[] }): Promise<Account> {
    return this.store.write(async (repos) => {
      const user = await loadUser(repos, userId);
      if (!(await repos.memberships.get(workspaceId, userId))) {
        throw new DomainError('not_found', 'membership_not_found', `User ${userId} is not a member of workspace ${workspaceId}`);
      }
      const before = membershipIn(await this.load(repos, userId), workspaceId);
      await applyAssignment(repos, user, { workspace: { id: workspaceId }, status: input.status, groups: input.groups }, 'workspace', new Date().toISOString());
      const after = await this.load(repos, userId);
      const changes = changedFields(before ?? {}, membershipIn(after, workspaceId) ?? {});
      if (!isEmpty(changes)) {
        await recordAudit(repos, { action: 'membership.updated', target: { type: 'membership', id: userId }, workspaceId, changes });
      }
      return after;
    });
  }

  /**
   * Sets a member's role in a workspace; the same role changes nothing. The user is named by
   * id or email: an unknown user is a 404, a user outside the workspace a 400.
   */
  changeRole(workspaceId: string, who: { userId?: string; email?: string }, role: Role): Promise<Account> {
    return this.store.write(async (repos) => {
      if (!(await repos.workspaces.get(workspaceId))) throw invalidInput('workspaceId', `workspace ${workspaceId} not found`, 'workspace_not_found');
      const user = await findAccountRow(repos, who);
      const membership = await repos.memberships.get(workspaceId, user.id, 'update');
      if (!membership) throw invalidInput('userId', `user ${user.id} is not a member of workspace ${workspaceId}`, 'not_a_member');
      if (membership.role !== role) {
        await checkMembershipChange(repos, workspaceId, user.id, membership, { role, status: membership.status });
        await repos.memberships.update(workspaceId, user.id, { role, updated_at: new Date().toISOString() });
        await recordAudit(repos, { action: 'membership.role_changed', target: { type: 'membership', id: user.id }, workspaceId, changes: { role } });
      }
      return this.load(repos, user.id);
    });
  }

  private async load(repos: Repositories, userId: string): Promise<Account> {
    const [account] = await this.withMemberships(repos, [await loadUser(repos, userId)]);
    return account!;
  }

  private async withMemberships(repos: Repositories, users: UserRow[]): Promise<Account[]> {
    const ids = users.map((user) => user.id);
    const [memberships, groups] = await Promise.all([repos.accounts.membershipsOf(ids), repos.accounts.groupsOf(ids)]);
    const membershipsByUser = groupBy(memberships, (row) => row.user_id);
    const groupsByMembership = groupBy(groups, (row) => `${row.user_id}:${row.workspace_id}`);
    return users.map((user) => ({
      id: user.id,
      email: user.email,
      firstName: user.first_name,
      lastName: user.last_name,
      status: user.status,
      defaultWorkspaceId: user.default_workspace_id,
      memberships: (membershipsByUser.get(user.id) ?? []).map((row) => this.toMembership(row, groupsByMembership)),
      createdAt: toIso(user.created_at),
      updatedAt: toIso(user.updated_at),
    }));
  }

  private toMembership(row: AccountMembershipRow, groups: Map<string, AccountGroupRow[]>): AccountMembership {
    const inviteToken = row.status !== 'active' && row.invite_nonce
      ? this.inviteLinks.tokenFor({ workspaceId: row.workspace_id, userId: row.user_id, nonce: row.invite_nonce })
      : null;
    return {
      workspaceId: row.workspace_id,
      workspaceName: row.workspace_name,
      role: row.role,
      status: row.status,
      groups: (groups.get(`${row.user_id}:${row.workspace_id}`) ?? []).map((group) => ({ id: group.uuid, name: group.name })),
      inviteToken,
    };
  }
}

/** An account's memberships as its audit events record them: no invitation tokens. */
function membershipsOf(account: Account) {
  return account.memberships.map((membership) => ({ workspaceId: membership.workspaceId, ...membershipIn(account, membership.workspaceId) }));
}

function membershipIn(account: Account, workspaceId: string): { role: Role; status: MembershipStatus; groups: string[] } | undefined {
  const membership = account.memberships.find((candidate) => candidate.workspaceId === workspaceId);
  return membership && { role: membership.role, status: membership.status, groups: membership.groups.map((group) => group.id).sort() };
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function userNotFound(who: string): DomainError {
  return new DomainError('not_found', 'user_not_found', `User ${who} not found`);
}

function emailTaken(email: string): DomainError {
  return conflict('email_taken', `User with email ${email} already exists`, 'email');
}

function requireDistinctWorkspaces(assignments: MembershipAssignment[]): void {
  const seen = new Set<string>();
  for (const { workspace } of assignments) {
    const key = workspace.id ? `id:${workspace.id}` : `name:${workspace.name}`;
    if (seen.has(key)) throw invalidInput('workspaces', `workspace ${workspace.id ?? workspace.name} is listed twice`, 'duplicate_workspace');
    seen.add(key);
  }
}

async function archiveMemberships(repos: Repositories, userId: string, at: string): Promise<void> {
  for (const membership of await repos.accounts.membershipsOf([userId])) {
    if (membership.status === 'archived') continue;
    await checkMembershipChange(repos, membership.workspace_id, userId, membership, { role: membership.role, status: 'archived' });
    await repos.memberships.update(membership.workspace_id, userId, { status: 'archived', updated_at: at });
  }
}

async function findAccount(repos: Repositories, idOrEmail: string): Promise<string> {
  return (await findAccountRow(repos, idOrEmail.includes('@') ? { email: idOrEmail } : { userId: idOrEmail })).id;
}

async function findAccountRow(repos: Repositories, who: { userId?: string; email?: string }): Promise<UserRow> {
  const user = who.userId ? await repos.users.getById(who.userId.toLowerCase()) : who.email ? await repos.users.getByEmail(who.email) : undefined;
  if (!user) throw userNotFound(who.userId ?? who.email ?? '(none given)');
  return user;
}

async function loadUser(repos: Repositories, userId: string): Promise<UserRow> {
  const user = await repos.users.getById(userId);
  if (!user) throw userNotFound(userId);
  return user;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const result = new Map<string, T[]>();
  for (const item of items) {
    const list = result.get(key(item));
    if (list) list.push(item);
    else result.set(key(item), [item]);
  }
  return result;
}
