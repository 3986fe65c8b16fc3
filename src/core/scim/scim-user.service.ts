import { isUniqueViolation } from '../../db/database.ts';
import { toJson } from '../../db/rows.ts';
import type { ScimMemberRow } from '../../db/scim.repository.ts';
import type { UserAttributeDefinitionRow } from '../../db/schema.ts';
import type { Repositories, Store } from '../../db/store.ts';
import type { Actor } from '../actor.ts';
import { changedFields, isEmpty, recordAudit } from '../audit.ts';
import { DomainError, notFound } from '../errors.ts';
import type { Role, RoleFlags } from '../roles.ts';
import { RecentReads } from '../recent-reads.ts';
import type { UserService } from '../user.service.ts';
import { readDocument, type ScimDocument } from './document.ts';
import { type PatchOperation, applyPatch } from './patch.ts';
import { type ScimListRequest, type ScimListResult, checkVersion } from './scim-list.ts';
import { scimError } from './scim-errors.ts';
import { TOOLPLANE_SCHEMA } from './schema.ts';
import { type ScimResource, type UserState, toUserResource, userDocument, userStateOf } from './user-resource.ts';

/**
 * SCIM Users of a workspace: its members. Every write runs in one transaction through the
 * user service (the same validation, rules and audit events as the other APIs: the last
 * admin, archived accounts, attribute types), and adds what SCIM keeps of its own (userName,
 * externalId, the rest of the document). A write that fails changes nothing.
 */
export class ScimUserService {
  /** Attribute definitions by workspace, for reads: one statement fewer on an identity provider's lookup. */
  private readonly definitions: RecentReads<UserAttributeDefinitionRow[]>;

  constructor(
    private readonly store: Store,
    private readonly users: UserService,
  ) {
    this.definitions = new RecentReads(store, { rowsOf: [], newRowsIn: ['user_attribute_definitions'] });
  }

  /**
   * One page of the members `request.filter` selects, in at most two statements whatever the
   * page's size. A filtered page that is not full tells the total by itself (the usual lookup,
   * `userName eq`, needs no count); otherwise the members are counted.
   */
  list(actor: Actor, request: ScimListRequest): Promise<ScimListResult> {
    return this.store.read(async (repos) => {
      const workspaceId = actor.workspaceId;
      const offset = request.startIndex - 1;
      const query = { filter: request.filter, sortBy: request.sortBy, descending: request.descending, offset, limit: request.count };
      if (request.filter && request.count > 0) {
        const rows = await repos.scim.listMembers(workspaceId, query);
        const complete = rows.length > 0 ? rows.length < request.count : offset === 0;
        const total = complete ? offset + rows.length : await repos.scim.countMembers(workspaceId, request.filter);
        return { total, resources: await toResources(repos, workspaceId, rows, await this.definitionsOf(repos, workspaceId, rows.length)) };
      }
      const total = await repos.scim.countMembers(workspaceId, request.filter);
      const rows = request.count > 0 && total > offset ? await repos.scim.listMembers(workspaceId, query, total) : [];
      return { total, resources: await toResources(repos, workspaceId, rows, await this.definitionsOf(repos, workspaceId, rows.length)) };
    });
  }

  get(actor: Actor, userId: string): Promise<ScimResource> {
    return this.store.read(async (repos) => {
      const row = await repos.scim.getMember(actor.workspaceId, userId);
      if (!row) throw notFound('user', userId);
      const [resource] = await toResources(repos, actor.workspaceId, [row], await this.definitionsOf(repos, actor.workspaceId, 1));
      return resource!;
    });
  }

  /** The workspace's attribute definitions, remembered between reads; none are read for an empty page. */
  private async definitionsOf(repos: Repositories, workspaceId: string, rows: number): Promise<UserAttributeDefinitionRow[]> {
    if (rows === 0) return [];
    return this.definitions.get(workspaceId, () => repos.userAttributes.list(workspaceId));
  }

  /**
   * Adds a member: a new account for a new email, else the existing account joins (the user
   * service's account rules). A userName or email already in the workspace, including one a
   * concurrent request has just taken, is 409 `uniqueness`.
   */
  create(actor: Actor, body: Record<string, unknown>): Promise<ScimResource> {
    const state = userStateOf(readDocument('User', body).document);
    return uniquely(() => this.store.transaction(async (repos) => {
      await refuseTakenUserName(repos, actor.workspaceId, state.userName);
      const role = state.role ?? await repos.scim.defaultRole(actor.workspaceId);
      const user = await this.users.create(actor, {
        email: state.email, firstName: state.firstName, lastName: state.lastName, role, attributes: state.attributes,
      });
      await repos.memberships.update(actor.workspaceId, user.id, scimColumns(state));
      if (state.active === false) await this.users.update(actor, user.id, { disabled: true });
      return loadUser(repos, actor.workspaceId, user.id);
    }));
  }

  /**
   * Replaces the member's document (PUT). Left out: `active` stays as it is, and so do the
   * role and attribute values when the Toolplane extension is left out, so an identity
   * provider that knows nothing of them changes neither.
   */
  replace(actor: Actor, userId: string, body: Record<string, unknown>, ifMatch?: string): Promise<ScimResource> {
    return this.write(actor, userId, ifMatch, (current) => {
      const read = readDocument('User', body);
      if (read.id !== undefined && read.id !== null && read.id !== userId) throw scimError('mutability', 'id cannot be changed');
      const next = read.document;
      if (next.active === undefined) next.active = current.active;
      if (next[TOOLPLANE_SCHEMA] === undefined) next[TOOLPLANE_SCHEMA] = current[TOOLPLANE_SCHEMA];
      return next;
    });
  }

  patch(actor: Actor, userId: string, operations: PatchOperation[], ifMatch?: string): Promise<ScimResource> {
    return this.write(actor, userId, ifMatch, (current) => applyPatch('User', current, operations, userId));
  }

  /** Removes the membership (DELETE); the account stays for its other workspaces. */
  delete(actor: Actor, userId: string, ifMatch?: string): Promise<void> {
    return this.store.transaction(async (repos) => {
      await lockMember(repos, actor.workspaceId, userId);
      if (ifMatch !== undefined) checkVersion(await loadUser(repos, actor.workspaceId, userId), ifMatch);
      await this.users.delete(actor, userId);
    });
  }

  /** Reads the member under a row lock, derives the next document, and writes the difference. */
  private write(actor: Actor, userId: string, ifMatch: string | undefined, next: (current: ScimDocument) => ScimDocument): Promise<ScimResource> {
    const workspaceId = actor.workspaceId;
    return uniquely(() => this.store.transaction(async (repos) => {
      await lockMember(repos, workspaceId, userId);
      const row = (await repos.scim.getMember(workspaceId, userId))!;
      if (ifMatch !== undefined) checkVersion(await loadUser(repos, workspaceId, userId), ifMatch);
      const before = userStateOf(userDocument(row));
      const after = userStateOf(next(userDocument(row)));
      if (after.userName.toLowerCase() !== before.userName.toLowerCase()) await refuseTakenUserName(repos, workspaceId, after.userName, userId);
      await this.users.update(actor, userId, {
        firstName: after.firstName,
        lastName: after.lastName,
        ...(after.active === undefined ? {} : { disabled: !after.active }),
        ...(after.role && after.role !== row.role ? { roleFlags: flagsFor(after.role) } : {}),
        // Values the document no longer holds are removed; a document without any removes them all.
        ...(after.attributes || before.attributes ? { attributes: attributeChanges(before.attributes ?? {}, after.attributes ?? {}) } : {}),
      });
      const changes = changedFields(
        { userName: before.userName, externalId: before.externalId, scim: before.stored },
        { userName: after.userName, externalId: after.externalId, scim: after.stored },
      );
      if (!isEmpty(changes)) {
        await repos.memberships.update(workspaceId, userId, { ...scimColumns(after), updated_at: new Date().toISOString() });
        await recordAudit(repos, { action: 'user.updated', target: { type: 'user', id: userId }, workspaceId, changes });
      }
      return loadUser(repos, workspaceId, userId);
    }));
  }
}

async function lockMember(repos: Repositories, workspaceId: string, userId: string): Promise<void> {
  if (!(await repos.memberships.get(workspaceId, userId, 'update'))) throw notFound('user', userId);
}

async function loadUser(repos: Repositories, workspaceId: string, userId: string): Promise<ScimResource> {
  const row = await repos.scim.getMember(workspaceId, userId);
  if (!row) throw notFound('user', userId);
  const [resource] = await toResources(repos, workspaceId, [row]);
  return resource!;
}

/** The members as SCIM Users; `definitions` are read in the caller's transaction when not given. */
async function toResources(repos: Repositories, workspaceId: string, rows: ScimMemberRow[], definitions?: UserAttributeDefinitionRow[]) {
  if (rows.length === 0) return [];
  definitions ??= await repos.userAttributes.list(workspaceId);
  return rows.map((row) => toUserResource(row, definitions));
}

async function refuseTakenUserName(repos: Repositories, workspaceId: string, userName: string, exceptUserId?: string): Promise<void> {
  if (await repos.scim.memberIdByUserName(workspaceId, userName, exceptUserId)) throw userNameTaken(userName);
}

function userNameTaken(userName: string): DomainError {
  return scimError('uniqueness', `A User with userName ${userName} already exists in this workspace`);
}

/**
 * Runs a write, answering 409 `uniqueness` for the conflicts SCIM calls so: an email taken in
 * the workspace, and a unique index refusing a concurrent request's duplicate userName.
 */
async function uniquely<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw scimError('uniqueness', 'A User with this userName or email already exists in this workspace');
    if (error instanceof DomainError && error.code === 'email_taken') throw scimError('uniqueness', error.message);
    throw error;
  }
}

function scimColumns(state: UserState) {
  return { user_name: state.userName, external_id: state.externalId, scim: toJson(state.stored) };
}

function flagsFor(role: Role): RoleFlags {
  if (role === 'admin') return { admin: true };
  if (role === 'end-user') return { endUser: true };
  return { admin: false, endUser: false };
}

/** The values to set so a member's values become `after`: changed ones, and null for each removed. */
function attributeChanges(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const name of Object.keys(before)) if (!(name in after)) changes[name] = null;
  for (const [name, value] of Object.entries(after)) {
    if (JSON.stringify(before[name]) !== JSON.stringify(value)) changes[name] = value;
  }
  return changes;
}
