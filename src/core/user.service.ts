import { randomUUID } from 'node:crypto';
import type { GroupRef } from '../db/group.repository.ts';
import { toIso } from '../db/rows.ts';
import type { Repositories, Store } from '../db/store.ts';
import type { MemberDetailRow, MemberFilter, MemberKey, MemberRow } from '../db/user.repository.ts';
import { type MemberSearch, isSearching } from '../db/member-search.sql.ts';
import type { Actor } from './actor.ts';
import { changedFields, isEmpty, recordAudit } from './audit.ts';
import { DomainError, conflict, invalidInput, notFound } from './errors.ts';
import { type Page, type PageRequest, offsetOf } from './pagination.ts';
import { writeUnique } from './unique.ts';
import { type AccountNames, belongsToWorkspaceAlone, refuseArchivedAccount, setMemberNames } from './account-boundary.ts';
import { newInviteNonce } from './membership-assignment.ts';
import { checkMembershipChange } from './membership-rules.ts';
import { type MembershipStatus, type Role, type RoleFlags, applyRoleFlags } from './roles.ts';
import { type Outcome, eachOutcome } from './outcomes.ts';
import { attributesOf, fitsType, setAttributeValues, withDefaults } from './user-attributes.ts';
import { createNewMembers } from './member-creation.ts';
import { RecentReads } from './recent-reads.ts';
import type { UserAttributeDefinitionRow } from '../db/schema.ts';

export type { MemberSearch };

/** A user as a workspace sees them: account, membership and the workspace's groups. */
export interface WorkspaceUser {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  membershipStatus: MembershipStatus;
  groups: GroupRef[];
  /** Attribute name → value in this workspace, defaults filled in where the member has none. */
  attributes: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

/** A member as a listing shows them: without groups or attribute values, which a page does not need to read. */
export type MemberSummary = Omit<WorkspaceUser, 'groups' | 'attributes'>;

/** A keyset page of members; `next` is where the following page starts, null on the last. */
export interface MemberPage {
  items: MemberSummary[];
  total: number;
  next: MemberKey | null;
}

export interface UserCreateInput {
  email: string;
  firstName?: string;
  lastName?: string;
  role: Role;
  /** Checked against the workspace's attribute definitions; a null value sets nothing. */
  attributes?: Record<string, unknown>;
}

export interface UserUpdateInput {
  firstName?: string;
  lastName?: string;
  roleFlags?: RoleFlags;
  /** true archives the membership; false re-activates an archived one. */
  disabled?: boolean;
  /** Values to set, checked against the definitions; null removes a value; names left out keep theirs. */
  attributes?: Record<string, unknown>;
}

export class UserService {
  /** Attribute definitions by workspace, for `get`: one query fewer on the busiest read. */
  private readonly definitions: RecentReads<UserAttributeDefinitionRow[]>;

  constructor(private readonly store: Store) {
    this.definitions = new RecentReads(store, { rowsOf: [], newRowsIn: ['user_attribute_definitions'] });
  }

  /**
   * A page of the workspace's members in joining order, of those matching `search` (every
   * member without one). A group that is not the workspace's is a 400 naming `groupId`.
   */
  list(actor: Actor, request: PageRequest, search: MemberSearch = {}): Promise<Page<WorkspaceUser>> {
    return this.store.read(async (repos) => {
      if (isSearching(search)) {
        if (search.groupId !== undefined && !(await repos.groups.get(actor.workspaceId, search.groupId))) {
          throw invalidInput('groupId', `no group ${search.groupId} in this workspace`);
        }
        const { rows, total } = await repos.users.searchMembers(actor.workspaceId, search, offsetOf(request), request.pageSize);
        return { items: await toWorkspaceUsers(repos, actor.workspaceId, rows), total };
      }
      const total = await repos.users.countMembers(actor.workspaceId);
      const rows = await repos.users.listMembers(actor.workspaceId, offsetOf(request), request.pageSize, total);
      return { items: await toWorkspaceUsers(repos, actor.workspaceId, rows), total };
    });
  }

  /**
   * A keyset page of the workspace's members in joining order, after `after` (null: from the
   * first), matching `filter`; `next` names the last member given when more may follow.
   */
  listAfter(actor: Actor, after: MemberKey | null, limit: number, filter: MemberFilter = {}): Promise<MemberPage> {
    return this.store.read(async (repos) => {
      const filtering = Object.values(filter).some((value) => value !== undefined);
      const total = filtering
        ? await repos.users.countMembersMatching(actor.workspaceId, filter)
        : await repos.users.countMembers(actor.workspaceId);
      // One more than asked for tells whether another page follows.
      const rows = await repos.users.listMembersAfter(actor.workspaceId, after, limit + 1, filter);
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      const next = rows.length > limit && last ? { joinedAt: toIso(last.joined_at), userId: last.id } : null;
      return { items: page.map(toMemberSummary), total, next };
    });
  }

  get(actor: Actor, userId: string): Promise<WorkspaceUser> {
    return this.store.read(async (repos) => {
      const row = await repos.users.getMemberDetail(actor.workspaceId, userId);
      if (!row) throw notFound('user', userId);
      const definitions = this.definitions.peek(actor.workspaceId)
        ?? await this.definitions.get(actor.workspaceId, () => repos.userAttributes.list(actor.workspaceId));
      return toWorkspaceUser(row, definitions);
    });
  }

  /**
   * Adds a person to the workspace. A new email makes a new account; an account that exists
   * but is not a member here joins as a member under the account boundary rules: its email
   * spelling, names and status are taken from the input only when no other workspace knows
   * the account, else the input's names are this workspace's own for the member (so the
   * answer never shows names another workspace gave). An archived account is a 409
   * `user_archived`, a member already here a 409 `email_taken`. The account, membership and
   * attribute values are written in one transaction: a value of the wrong type leaves
   * nothing behind.
   */
  create(actor: Actor, input: UserCreateInput): Promise<WorkspaceUser> {
    // Two requests racing for one email: the unique index decides, the loser gets the same 409.
    return writeUnique(this.store, async (repos) => {
      const at = new Date().toISOString();
      const names = { first_name: input.firstName ?? '', last_name: input.lastName ?? '' };
      let userId: string = randomUUID();
      // A new email, the usual case, takes one statement; a known one is read after.
      const created = await repos.users.createUnlessEmailTaken({
        id: userId, email: input.email, ...names, status: 'active', default_workspace_id: actor.workspaceId, created_at: at, updated_at: at,
      });
      const existing = created ? undefined : await repos.users.getByEmail(input.email);
      let ownNames: AccountNames | undefined;
      if (!created) {
        if (!existing) throw new Error(`creating ${input.email} conflicted with no account of that email`);
        userId = existing.id;
        if (await repos.memberships.get(actor.workspaceId, userId)) throw emailTaken(input.email);
        refuseArchivedAccount(existing);
        if (await belongsToWorkspaceAlone(repos, userId, actor.workspaceId)) {
          await repos.users.update(userId, { email: input.email, ...names, status: 'active', updated_at: at });
        } else {
          ownNames = names;
        }
      }
      await repos.memberships.create({
        workspace_id: actor.workspaceId, user_id: userId, role: input.role, status: 'active', invite_nonce: newInviteNonce(),
        ...ownNames, created_at: at, updated_at: at,
      });
      if (input.attributes && Object.keys(input.attributes).length > 0) {
        await setAttributeValues(repos, actor.workspaceId, userId, input.attributes);
      }
      // A new account is in no group and has only the values just set, so it needs no re-read.
      const user = existing
        ? await loadMember(repos, actor.workspaceId, userId)
        : {
          id: userId, email: input.email, firstName: names.first_name, lastName: names.last_name, role: input.role,
          membershipStatus: 'active' as const, groups: [],
          attributes: withDefaults(await repos.userAttributes.list(actor.workspaceId), attributesOf(input.attributes).attributes ?? {}),
          createdAt: at, updatedAt: at,
        };
      await recordAudit(repos, {
        action: 'user.created', target: { type: 'user', id: userId }, workspaceId: actor.workspaceId,
        changes: { email: user.email, firstName: user.firstName, lastName: user.lastName, role: user.role, ...attributesOf(input.attributes) },
      });
      return user;
    }, () => emailTaken(input.email));
  }

  /**
   * Creates each input as `create` does, all in one transaction: refused, nothing is created.
   * Inputs whose email has no account yet (the usual case when a workspace is provisioned)
   * are written a chunk of rows per statement, with one audit event each; the others go
   * through `create`. Answers the members' ids, in the inputs' order.
   */
  createMany(actor: Actor, inputs: readonly UserCreateInput[]): Promise<string[]> {
    // A transaction that `create`'s own writes join, as savepoints of it.
    return this.store.transaction(() => writeUnique(
      this.store,
      (repos) => createNewMembers(repos, actor.workspaceId, inputs, async (input) => (await this.create(actor, input)).id),
      () => conflict('email_taken', 'Two of the users have the same email, or one was taken meanwhile', 'email'),
    ));
  }

  /**
   * Creates each input as `create` does, in order, each in its own transaction: a refused
   * input (its DomainError is its outcome) leaves nothing behind and does not stop the
   * others. Any other failure propagates, with the inputs before it created.
   */
  createEach(actor: Actor, inputs: UserCreateInput[]): Promise<Outcome<WorkspaceUser>[]> {
    return eachOutcome(inputs, (input) => this.create(actor, input));
  }

  /** Changes names, role, disabled state and attribute values together; refuses to leave no active admin. */
  update(actor: Actor, userId: string, input: UserUpdateInput): Promise<WorkspaceUser> {
    return this.store.write(async (repos) => {
      const member = await loadMemberRow(repos, actor.workspaceId, userId);
      const at = new Date().toISOString();
      const role = input.roleFlags ? applyRoleFlags(member.role, input.roleFlags) : member.role;
      if (role === null) throw invalidInput('isAdmin', 'an admin cannot also be an end user (userType endUser)');
      const status = nextStatus(member.membership_status, input.disabled);
      if (status === 'active' && member.membership_status !== 'active') refuseArchivedAccount(member, 'isDisabled');
      await checkMembershipChange(repos, actor.workspaceId, userId, { role: member.role, status: member.membership_status }, { role, status });
      const renamed = (input.firstName !== undefined && input.firstName !== member.first_name)
        || (input.lastName !== undefined && input.lastName !== member.last_name);
      const moved = role !== member.role || status !== member.membership_status;
      const valued = input.attributes !== undefined && Object.keys(input.attributes).length > 0;
      if (moved || valued) await repos.memberships.update(actor.workspaceId, userId, { role, status, updated_at: at });
      const before = valued ? await repos.userAttributes.valuesOf(actor.workspaceId, userId) : {};
      if (valued) await setAttributeValues(repos, actor.workspaceId, userId, input.attributes!);
      if (renamed) {
        const names = { first_name: input.firstName ?? member.first_name, last_name: input.lastName ?? member.last_name };
        await setMemberNames(repos, actor.workspaceId, userId, names, at);
      }
      const changes = changedFields(
        { firstName: member.first_name, lastName: member.last_name, role: member.role, status: member.membership_status },
        { firstName: input.firstName, lastName: input.lastName, role, status },
      );
      const attributes = valued ? changedFields(before, nullsAsAbsent(before, input.attributes!)) : {};
      if (!isEmpty(attributes)) changes.attributes = attributes;
      if (!isEmpty(changes)) {
        await recordAudit(repos, { action: 'user.updated', target: { type: 'user', id: userId }, workspaceId: actor.workspaceId, changes });
      }
      return loadMember(repos, actor.workspaceId, userId);
    });
  }

  /** Sets one attribute value of a member (null removes it); the name must be defined in the workspace. */
  setAttribute(actor: Actor, userId: string, name: string, value: unknown): Promise<WorkspaceUser> {
    return this.store.write(async (repos) => {
      await loadMemberRow(repos, actor.workspaceId, userId);
      const definition = await loadAttributeDefinition(repos, actor.workspaceId, name);
      if (!fitsType(definition.data_type, value)) {
        throw invalidInput(`attributes.${name}`, `must be a ${definition.data_type}`, 'invalid_attribute_value');
      }
      const before = await repos.userAttributes.valuesOf(actor.workspaceId, userId);
      await setAttributeValues(repos, actor.workspaceId, userId, { [name]: value });
      await repos.memberships.update(actor.workspaceId, userId, { updated_at: new Date().toISOString() });
      if (!isEmpty(changedFields(before, nullsAsAbsent(before, { [name]: value })))) {
        await recordAudit(repos, {
          action: value === null ? 'user.attribute_removed' : 'user.attribute_set', target: { type: 'user', id: userId },
          workspaceId: actor.workspaceId, changes: { attributes: { [name]: value } },
        });
      }
      return loadMember(repos, actor.workspaceId, userId);
    });
  }

  /** Removes one attribute value of a member, who then shows the default; removing an absent value changes nothing. */
  deleteAttribute(actor: Actor, userId: string, name: string): Promise<void> {
    return this.store.write(async (repos) => {
      await loadMemberRow(repos, actor.workspaceId, userId);
      await loadAttributeDefinition(repos, actor.workspaceId, name);
      if (!(name in (await repos.userAttributes.valuesOf(actor.workspaceId, userId)))) return;
      await setAttributeValues(repos, actor.workspaceId, userId, { [name]: null });
      await repos.memberships.update(actor.workspaceId, userId, { updated_at: new Date().toISOString() });
      await recordAudit(repos, {
        action: 'user.attribute_removed', target: { type: 'user', id: userId }, workspaceId: actor.workspaceId,
        changes: { attributes: { [name]: null } },
      });
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
      await recordAudit(repos, { action: 'user.deleted', target: { type: 'user', id: userId }, workspaceId: actor.workspaceId });
    });
  }
}

/** Attribute values an input sets, for `changes`; null values set nothing on create. */
/**
 * The values an input asks for, where removing an absent value (null for a name the member
 * has no value of) asks for nothing: compared with `before`, it is no change.
 */
function nullsAsAbsent(before: Record<string, unknown>, values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([name, value]) => value !== null || name in before));
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

async function loadAttributeDefinition(repos: Repositories, workspaceId: string, name: string) {
  const definition = (await repos.userAttributes.list(workspaceId)).find((row) => row.name === name);
  if (!definition) throw new DomainError('not_found', 'attribute_not_found', `No user attribute named ${name} in this workspace`);
  return definition;
}

async function loadMember(repos: Repositories, workspaceId: string, userId: string): Promise<WorkspaceUser> {
  const row = await repos.users.getMemberDetail(workspaceId, userId);
  if (!row) throw notFound('user', userId);
  return toWorkspaceUser(row, await repos.userAttributes.list(workspaceId));
}

/** Adds groups and attribute values to member rows, in three queries whatever the number of rows. */
async function toWorkspaceUsers(repos: Repositories, workspaceId: string, rows: MemberRow[]): Promise<WorkspaceUser[]> {
  const ids = rows.map((row) => row.id);
  const groups = await repos.groups.groupsOfUsers(workspaceId, ids);
  const definitions = await repos.userAttributes.list(workspaceId);
  const values = await repos.userAttributes.valuesOfMany(workspaceId, ids);
  return rows.map((row) => toWorkspaceUser({ ...row, groups: groups.get(row.id) ?? [], attributes: values.get(row.id) ?? {} }, definitions));
}

function toWorkspaceUser(row: MemberDetailRow, definitions: UserAttributeDefinitionRow[]): WorkspaceUser {
  return {
    id: row.id,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    role: row.role,
    membershipStatus: row.membership_status,
    groups: row.groups,
    attributes: withDefaults(definitions, row.attributes),
    createdAt: toIso(row.created_at),
    updatedAt: laterOf(toIso(row.updated_at), toIso(row.membership_updated_at)),
  };
}

function toMemberSummary(row: MemberRow): MemberSummary {
  return {
    id: row.id,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    role: row.role,
    membershipStatus: row.membership_status,
    createdAt: toIso(row.created_at),
    updatedAt: laterOf(toIso(row.updated_at), toIso(row.membership_updated_at)),
  };
}

/** The later of two ISO-8601 instants in the same form (`toIso`'s), which sort as text. */
function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}
