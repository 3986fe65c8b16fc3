import { randomUUID } from 'node:crypto';
import { toJson } from '../db/rows.ts';
import type { UserAttributeDefinitionRow } from '../db/schema.ts';
import type { Repositories, Store } from '../db/store.ts';
import { refuseGroupsAboveUse } from './access-rules.ts';
import type { ImportMember } from '../db/user-import.repository.ts';
import { type AuditEntry, recordAudit, recordAuditMany } from './audit.ts';
import { DomainError, invalidInput } from './errors.ts';
import { newInviteNonce } from './membership-assignment.ts';
import { checkMembershipChange } from './membership-rules.ts';
import { setMemberNames } from './account-boundary.ts';
import type { Role } from './roles.ts';
import { fitsType } from './user-attributes.ts';
import type { InviteService } from './invite.service.ts';

/** One row of an import file: its line (for the report) and its fields by column name. */
export interface ImportRecord {
  line: number;
  fields: Record<string, unknown>;
}

export type ImportResult = 'created' | 'invited' | 'updated' | 'unchanged' | 'failed';

export interface ImportOutcome {
  line: number;
  email: string;
  result: ImportResult;
  reason?: string;
  /** The invitation link, when an invite was made and no mailer sent it: shown this once. */
  acceptUrl?: string;
}

export interface ImportReport {
  created: number;
  invited: number;
  updated: number;
  unchanged: number;
  failed: number;
  outcomes: ImportOutcome[];
}

export interface ImportOptions {
  /** Report what would change and change nothing. */
  dryRun?: boolean;
  /**
   * Invite people who are not members yet instead of adding them as active members; a
   * pending invite counts as done, so a re-run changes nothing. Existing members are updated
   * as usual.
   */
  invite?: boolean;
  /** Called as rows are done, with the count done so far. */
  onProgress?: (done: number) => void;
}

const USER_COLUMNS = new Set(['email', 'firstName', 'lastName', 'role', 'groups']);
const ROLES = new Set<Role>(['admin', 'builder', 'end-user']);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** New members are written in transactions of this many rows. */
const CHUNK = 1000;

/** What one valid row asks for, and whether that is new, a change or nothing. */
interface Plan {
  line: number;
  email: string;
  userId: string;
  newUser: boolean;
  newMember: boolean;
  /** Invite instead of adding (invite mode, not a member yet). */
  invite: boolean;
  role: Role;
  names?: { first_name: string; last_name: string };
  groupIds?: number[];
  attributes: Record<string, unknown>;
  changed: boolean;
}

interface State {
  definitions: Map<string, UserAttributeDefinitionRow>;
  groups: Map<string, number>;
  users: Awaited<ReturnType<Repositories['userImports']['usersByEmail']>>;
  members: Map<string, ImportMember>;
  groupIds: Map<string, Set<number>>;
  pendingInvites: Set<string>;
  /** Groups holding edit or own grants, which end users cannot join. */
  groupsAboveUse: Set<number>;
  invite: boolean;
}

/**
 * Imports people into one workspace from rows of email, firstName, lastName, role, groups
 * and any user attribute. Every row is checked before anything is written, so a bad row
 * fails alone and never leaves a half-made user; running the same rows again changes
 * nothing. New members are written in large transactions (the fast path); changes to
 * existing members go one transaction each, under the membership rules.
 */
export class UserImportService {
  constructor(
    private readonly store: Store,
    private readonly invites: InviteService,
  ) {}

  async run(workspaceId: string, records: ImportRecord[], options: ImportOptions = {}): Promise<ImportReport> {
    const state = await this.load(workspaceId, options.invite ?? false);
    requireKnownColumns(records, state.definitions);
    const outcomes = new Map<number, ImportOutcome>();
    const plans: Plan[] = [];
    const seen = new Map<string, number>();
    for (const record of records) {
      const email = String(record.fields.email ?? '').trim();
      try {
        const first = seen.get(email.toLowerCase());
        if (first !== undefined) throw new Error(`duplicate of line ${first}`);
        seen.set(email.toLowerCase(), record.line);
        plans.push(plan(record, email, state));
      } catch (error) {
        outcomes.set(record.line, { line: record.line, email, result: 'failed', reason: (error as Error).message });
      }
    }
    const done = () => options.onProgress?.(outcomes.size);
    for (const item of plans) {
      if (!item.changed) outcomes.set(item.line, { line: item.line, email: item.email, result: 'unchanged' });
    }
    done();
    const changes = plans.filter((item) => item.changed);
    const result = (item: Plan): ImportResult => (item.invite ? 'invited' : item.newMember ? 'created' : 'updated');
    if (options.dryRun) {
      for (const item of changes) outcomes.set(item.line, { line: item.line, email: item.email, result: result(item) });
    } else {
      await this.write(workspaceId, changes, (item, error, acceptUrl) => {
        outcomes.set(item.line, error
          ? { line: item.line, email: item.email, result: 'failed', reason: error.message }
          : { line: item.line, email: item.email, result: result(item), ...(acceptUrl ? { acceptUrl } : {}) });
        if (outcomes.size % 100 === 0) done();
      });
    }
    done();
    const sorted = [...outcomes.values()].sort((a, b) => a.line - b.line);
    const count = (kind: ImportResult) => sorted.filter((outcome) => outcome.result === kind).length;
    return {
      created: count('created'), invited: count('invited'), updated: count('updated'), unchanged: count('unchanged'),
      failed: count('failed'), outcomes: sorted,
    };
  }

  private load(workspaceId: string, invite: boolean): Promise<State> {
    return this.store.read(async (repos) => {
      if (!(await repos.workspaces.get(workspaceId))) throw invalidInput('workspace', `no workspace with id ${workspaceId}`, 'workspace_not_found');
      const [definitions, groups, users, members, groupIds, pendingInvites, groupsAboveUse] = await Promise.all([
        repos.userAttributes.list(workspaceId),
        repos.groups.list(workspaceId),
        repos.userImports.usersByEmail(),
        repos.userImports.members(workspaceId),
        repos.userImports.groupIdsByUser(workspaceId),
        invite ? repos.userImports.pendingInviteEmails(workspaceId, new Date().toISOString()) : new Set<string>(),
        repos.permissions.groupsAboveUse(workspaceId),
      ]);
      return {
        definitions: new Map(definitions.map((row) => [row.name, row])),
        groups: new Map(groups.map((group) => [group.name, group.id])),
        users, members, groupIds, pendingInvites, groupsAboveUse: new Set(groupsAboveUse), invite,
      };
    });
  }

  /** Writes the plans; `settle` hears of each, with the error that stopped it if any. */
  private async write(
    workspaceId: string,
    plans: Plan[],
    settle: (item: Plan, error?: Error, acceptUrl?: string) => void,
  ): Promise<void> {
    await this.sendInvites(workspaceId, plans.filter((item) => item.invite), settle);
    const fresh = plans.filter((item) => item.newMember && !item.invite);
    for (let start = 0; start < fresh.length; start += CHUNK) {
      const chunk = fresh.slice(start, start + CHUNK);
      try {
        await this.store.write((repos) => insertMembers(repos, workspaceId, chunk));
        for (const item of chunk) settle(item);
      } catch {
        // A row the checks could not foresee (a concurrent create of the same email): redo the
        // chunk row by row, so only that row fails.
        for (const item of chunk) {
          try {
            await this.store.write((repos) => insertMembers(repos, workspaceId, [item]));
            settle(item);
          } catch (error) {
            settle(item, error instanceof DomainError ? error : new Error('could not be written (it may have been created meanwhile)'));
          }
        }
      }
    }
    for (const item of plans.filter((candidate) => !candidate.newMember)) {
      try {
        await this.store.write((repos) => updateMember(repos, workspaceId, item));
        settle(item);
      } catch (error) {
        settle(item, error instanceof DomainError ? error : new Error('could not be written'));
      }
    }
  }

  /** Invites on behalf of the workspace's oldest active admin, each invite its own transaction. */
  private async sendInvites(workspaceId: string, plans: Plan[], settle: (item: Plan, error?: Error, acceptUrl?: string) => void) {
    if (plans.length === 0) return;
    const inviter = await this.store.read((repos) => repos.appVersions.oldestActiveAdmin(workspaceId));
    if (!inviter) {
      for (const item of plans) settle(item, new Error('the workspace has no active admin to send invites as'));
      return;
    }
    const actor = { userId: inviter, email: '', tokenId: null, workspaceId };
    const results = await this.invites.createMany(actor, plans.map((item) => ({
      email: item.email, role: item.role, groupIds: item.groupIds, attributes: item.attributes,
    })));
    results.forEach((outcome, index) => {
      const item = plans[index]!;
      if (outcome.ok) settle(item, undefined, outcome.value.acceptUrl);
      else settle(item, outcome.error);
    });
  }
}

function requireKnownColumns(records: ImportRecord[], definitions: Map<string, unknown>): void {
  const columns = new Set(records.flatMap((record) => Object.keys(record.fields)));
  for (const column of columns) {
    if (!USER_COLUMNS.has(column) && !definitions.has(column)) {
      throw invalidInput('columns', `column "${column}" is neither a user field (${[...USER_COLUMNS].join(', ')}) nor a user attribute of the workspace`);
    }
  }
  if (records.length > 0 && !columns.has('email')) throw invalidInput('columns', 'an email column is required');
}

/** Reads one row against the current state; throws with the reason the row cannot be imported. */
function plan(record: ImportRecord, email: string, state: State): Plan {
  const { fields } = record;
  if (!EMAIL.test(email)) throw new Error(`"${email}" is not an email address`);
  const user = state.users.get(email.toLowerCase());
  const member = user ? state.members.get(user.id) : undefined;
  if (user?.status === 'archived' && !member) {
    throw new Error('the account is archived; an instance administrator must restore it first');
  }
  const roleText = text(fields.role);
  if (roleText && !ROLES.has(roleText as Role)) throw new Error(`role "${roleText}" is not admin, builder or end-user`);
  const role = (roleText || member?.role || 'end-user') as Role;
  const groupIds = fields.groups === undefined ? undefined : groupIdsOf(text(fields.groups), state.groups);
  if (role === 'end-user' && groupIds?.some((id) => state.groupsAboveUse.has(id))) {
    throw new Error('an end user cannot join groups holding edit or own grants');
  }
  const attributes = attributesOf(fields, state.definitions);
  const firstName = text(fields.firstName);
  const lastName = text(fields.lastName);
  // The names this workspace shows for the member: its own where it has them, else the account's.
  const shown = user && member ? { first_name: member.first_name ?? user.first_name, last_name: member.last_name ?? user.last_name } : undefined;
  const names = firstName || lastName
    ? { first_name: firstName || shown?.first_name || '', last_name: lastName || shown?.last_name || '' }
    : undefined;

  if (!member) {
    const invite = state.invite;
    return {
      line: record.line, email, userId: user?.id ?? randomUUID(), newUser: !user, newMember: true, invite, role,
      names, groupIds, attributes, changed: !(invite && state.pendingInvites.has(email.toLowerCase())),
    };
  }
  const current = state.groupIds.get(user!.id) ?? new Set<number>();
  const groupsChanged = groupIds !== undefined && (groupIds.length !== current.size || groupIds.some((id) => !current.has(id)));
  const namesChanged = names !== undefined && (names.first_name !== shown!.first_name || names.last_name !== shown!.last_name);
  const attributesChanged = Object.entries(attributes).some(([name, value]) => toJson(member.attributes[name]) !== toJson(value));
  return {
    line: record.line, email, userId: user!.id, newUser: false, newMember: false, invite: false, role,
    names: namesChanged ? names : undefined, groupIds: groupsChanged ? groupIds : undefined, attributes,
    changed: role !== member.role || groupsChanged || namesChanged || attributesChanged,
  };
}

function text(value: unknown): string {
  return value === undefined || value === null ? '' : String(value).trim();
}

function groupIdsOf(list: string, groups: Map<string, number>): number[] {
  const names = [...new Set(list.split(/[;|,]/).map((name) => name.trim()).filter(Boolean))];
  return names.map((name) => {
    const id = groups.get(name);
    if (id === undefined) throw new Error(`group "${name}" does not exist in the workspace`);
    return id;
  });
}

/** Attribute columns with a value, read as the attribute's type (text cells are parsed). */
function attributesOf(fields: Record<string, unknown>, definitions: Map<string, UserAttributeDefinitionRow>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(fields)) {
    const definition = definitions.get(name);
    if (!definition || raw === undefined || raw === null || raw === '') continue;
    const value = typeof raw === 'string' ? parseCell(definition.data_type, raw.trim()) : raw;
    if (value === undefined || !fitsType(definition.data_type, value)) throw new Error(`attribute ${name} must be a ${definition.data_type}`);
    values[name] = value;
  }
  return values;
}

function parseCell(type: UserAttributeDefinitionRow['data_type'], cell: string): unknown {
  switch (type) {
    case 'string':
      return cell;
    case 'number':
      return cell === '' || Number.isNaN(Number(cell)) ? undefined : Number(cell);
    case 'boolean':
      return /^(true|yes|1)$/i.test(cell) ? true : /^(false|no|0)$/i.test(cell) ? false : undefined;
    case 'json':
      try {
        return JSON.parse(cell);
      } catch {
        return undefined;
      }
  }
}

async function insertMembers(repos: Repositories, workspaceId: string, plans: Plan[]): Promise<void> {
  const at = new Date().toISOString();
  await repos.userImports.insertUsers(plans.filter((item) => item.newUser).map((item) => ({
    id: item.userId, email: item.email, first_name: item.names?.first_name ?? '', last_name: item.names?.last_name ?? '',
    status: 'active', default_workspace_id: workspaceId, created_at: at, updated_at: at,
  })));
  // An account that exists already joins under names of this workspace's own (those of the
  // row, or none): it never shows the names another workspace gave it, nor changes them.
  await repos.userImports.insertMemberships(plans.map((item) => ({
    workspace_id: workspaceId, user_id: item.userId, role: item.role, status: 'active', invite_nonce: newInviteNonce(),
    attributes: toJson(item.attributes),
    first_name: item.newUser ? null : item.names?.first_name ?? '', last_name: item.newUser ? null : item.names?.last_name ?? '',
    created_at: at, updated_at: at,
  })));
  await repos.userImports.insertGroupMembers(plans.flatMap((item) =>
    (item.groupIds ?? []).map((groupId) => ({ group_id: groupId, user_id: item.userId, created_at: at }))));
  await recordAuditMany(repos, plans.map((item): AuditEntry => ({
    action: 'user.created', target: { type: 'user', id: item.userId }, workspaceId,
    changes: {
      email: item.email,
      firstName: item.names?.first_name ?? '', lastName: item.names?.last_name ?? '',
      role: item.role,
      ...(item.groupIds && item.groupIds.length > 0 ? { groupIds: item.groupIds } : {}),
      ...(Object.keys(item.attributes).length > 0 ? { attributes: item.attributes } : {}),
    },
  })));
}

/** Applies one plan to an existing member and records what changed as `user.updated`. */
async function updateMember(repos: Repositories, workspaceId: string, item: Plan): Promise<void> {
  const at = new Date().toISOString();
  const member = await repos.memberships.get(workspaceId, item.userId, 'update');
  if (!member) throw new Error('the membership was removed meanwhile');
  const changes: Record<string, unknown> = {};
  if (item.role !== member.role) {
    await checkMembershipChange(repos, workspaceId, item.userId, member, { role: item.role, status: member.status });
    await repos.memberships.update(workspaceId, item.userId, { role: item.role, updated_at: at });
    changes.role = item.role;
  }
  if (item.names) {
    await setMemberNames(repos, workspaceId, item.userId, item.names, at);
    Object.assign(changes, { firstName: item.names.first_name, lastName: item.names.last_name });
  }
  if (item.groupIds) {
    await refuseGroupsAboveUse(repos, workspaceId, item.role, item.groupIds, 'groups');
    await repos.accounts.setGroups(workspaceId, item.userId, item.groupIds, at);
    changes.groupIds = item.groupIds;
  }
  if (Object.keys(item.attributes).length > 0) {
    const current = await repos.userAttributes.valuesOf(workspaceId, item.userId);
    const changed = Object.fromEntries(Object.entries(item.attributes).filter(([name, value]) => toJson(current[name]) !== toJson(value)));
    await repos.userAttributes.setValues(workspaceId, item.userId, { ...current, ...item.attributes });
    if (Object.keys(changed).length > 0) changes.attributes = changed;
  }
  if (Object.keys(changes).length > 0) {
    await recordAudit(repos, { action: 'user.updated', target: { type: 'user', id: item.userId }, workspaceId, changes });
  }
}
