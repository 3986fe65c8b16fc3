import { toIso } from '../../db/rows.ts';
import type { ScimGroupRow, ScimMemberRef } from '../../db/scim.repository.ts';
import type { Repositories, Store } from '../../db/store.ts';
import { refuseGroupsAboveUse } from '../access-rules.ts';
import type { Actor } from '../actor.ts';
import { recordAudit, recordAuditMany } from '../audit.ts';
import { DomainError, notFound } from '../errors.ts';
import type { GroupService } from '../group.service.ts';
import { type ScimDocument, isObject, readDocument } from './document.ts';
import { type PatchOperation, applyPatch } from './patch.ts';
import { type ScimListRequest, type ScimListResult, checkVersion } from './scim-list.ts';
import { scimError } from './scim-errors.ts';
import { GROUP_SCHEMA } from './schema.ts';
import { type ScimResource, versionOf } from './user-resource.ts';

/** Whether an answer lists a group's members; an identity provider that excludes them spares reading them. */
export interface GroupReadOptions {
  members: boolean;
}

/**
 * SCIM Groups of a workspace: its groups, with members its members. Writes run in one
 * transaction through the group service for names (unique in the workspace, and here also
 * without regard to case: 409 `uniqueness`) and apply membership changes as one set
 * difference, with the core's rule that an end user joins no group holding edit or own
 * grants. A write that fails changes nothing.
 */
export class ScimGroupService {
  constructor(
    private readonly store: Store,
    private readonly groups: GroupService,
  ) {}

  list(actor: Actor, request: ScimListRequest, options: GroupReadOptions): Promise<ScimListResult> {
    return this.store.read(async (repos) => {
      const total = await repos.scim.countGroups(actor.workspaceId, request.filter);
      const rows = request.count > 0 && total >= request.startIndex
        ? await repos.scim.listGroups(actor.workspaceId, {
          filter: request.filter, sortBy: request.sortBy, descending: request.descending, offset: request.startIndex - 1, limit: request.count,
        })
        : [];
      return { total, resources: await toResources(repos, actor.workspaceId, rows, options) };
    });
  }

  get(actor: Actor, id: string, options: GroupReadOptions): Promise<ScimResource> {
    return this.store.read((repos) => loadGroup(repos, actor.workspaceId, id, options));
  }

  create(actor: Actor, body: Record<string, unknown>, options: GroupReadOptions): Promise<ScimResource> {
    const state = groupStateOf(readDocument('Group', body).document);
    return uniquely(() => this.store.transaction(async (repos) => {
      await refuseTakenName(repos, actor.workspaceId, state.displayName);
      const group = await this.groups.create(actor, state.displayName);
      if (state.externalId !== null) await repos.scim.setGroupExternalId(group.id, state.externalId);
      await changeMembers(repos, actor.workspaceId, group.id, [], state.members);
      return loadGroup(repos, actor.workspaceId, group.uuid, options);
    }));
  }

  /** PUT: the name, externalId and whole member list become the document's. */
  replace(actor: Actor, id: string, body: Record<string, unknown>, ifMatch: string | undefined, options: GroupReadOptions): Promise<ScimResource> {
    return this.write(actor, id, ifMatch, options, () => {
      const read = readDocument('Group', body);
      if (read.id !== undefined && read.id !== null && read.id !== id) throw scimError('mutability', 'id cannot be changed');
      return read.document;
    });
  }

  patch(actor: Actor, id: string, operations: PatchOperation[], ifMatch: string | undefined, options: GroupReadOptions): Promise<ScimResource> {
    return this.write(actor, id, ifMatch, options, (current) => applyPatch('Group', current, operations, id));
  }

  delete(actor: Actor, id: string, ifMatch?: string): Promise<void> {
    return this.store.transaction(async (repos) => {
      const row = await lockGroup(repos, actor.workspaceId, id);
      if (ifMatch !== undefined) checkVersion(await loadGroup(repos, actor.workspaceId, id, { members: true }), ifMatch);
      await this.groups.delete(actor, row.id);
    });
  }

  private write(
    actor: Actor, id: string, ifMatch: string | undefined, options: GroupReadOptions, next: (current: ScimDocument) => ScimDocument,
  ): Promise<ScimResource> {
    const workspaceId = actor.workspaceId;
    return uniquely(() => this.store.transaction(async (repos) => {
      const row = await lockGroup(repos, workspaceId, id);
      const members = (await repos.scim.membersOfGroups(workspaceId, [row.id])).get(row.id) ?? [];
      if (ifMatch !== undefined) checkVersion(toGroupResource(row, members), ifMatch);
      const before = groupDocument(row, members);
      const after = groupStateOf(next(before));
      if (after.displayName !== row.name) {
        if (after.displayName.toLowerCase() !== row.name.toLowerCase()) await refuseTakenName(repos, workspaceId, after.displayName, row.id);
        await this.groups.rename(actor, row.id, after.displayName);
      }
      if (after.externalId !== row.external_id) {
        await repos.scim.setGroupExternalId(row.id, after.externalId);
        await recordAudit(repos, { action: 'group.updated', target: { type: 'group', id: row.id }, workspaceId, changes: { externalId: after.externalId } });
      }
      const changed = await changeMembers(repos, workspaceId, row.id, members.map((member) => member.userId), after.members);
      if (changed || after.externalId !== row.external_id) await repos.groups.update(row.id, { updated_at: new Date().toISOString() });
      return loadGroup(repos, workspaceId, id, options);
    }));
  }
}

interface GroupState {
  displayName: string;
  externalId: string | null;
  members: string[];
}

function groupDocument(row: ScimGroupRow, members: ScimMemberRef[]): ScimDocument {
  return {
    displayName: row.name,
    ...(row.external_id !== null ? { externalId: row.external_id } : {}),
    ...(members.length > 0 ? { members: members.map((member) => ({ value: member.userId })) } : {}),
  };
}

function groupStateOf(document: ScimDocument): GroupState {
  const { displayName } = document;
  if (typeof displayName !== 'string' || displayName.trim() === '') throw scimError('invalidValue', 'displayName is required');
  const members = Array.isArray(document.members) ? document.members.filter(isObject) : [];
  const ids = members.map((member) => member.value);
  if (ids.some((value) => typeof value !== 'string')) throw scimError('invalidValue', 'members: each member needs a value, the id of a User');
  return { displayName, externalId: typeof document.externalId === 'string' ? document.externalId : null, members: [...new Set(ids as string[])] };
}

/**
 * Makes the group's members `wanted`, from `current`: adds and removes the difference in a
 * few statements whatever its size. Every added id must be a member of the workspace (400
 * `invalidValue`), and an end user may not join a group holding edit or own grants.
 * Answers whether anything changed.
 */
async function changeMembers(repos: Repositories, workspaceId: string, groupId: number, current: string[], wanted: string[]): Promise<boolean> {
  const present = new Set(current);
  const kept = new Set(wanted);
  const added = wanted.filter((id) => !present.has(id));
  const removed = current.filter((id) => !kept.has(id));
  if (added.length > 0) {
    const roles = await repos.memberships.rolesOf(workspaceId, added);
    const unknown = added.find((id) => !roles.has(id));
    if (unknown !== undefined) throw scimError('invalidValue', `members: no User with id ${unknown} in this workspace`);
    if ([...roles.values()].includes('end-user')) await refuseGroupsAboveUse(repos, workspaceId, 'end-user', [groupId], 'members');
    await repos.groups.addMembers(groupId, added, new Date().toISOString());
  }
  await repos.groups.removeMembers(groupId, removed);
  await recordAuditMany(repos, [
    ...added.map((userId) => ({ action: 'group.member_added', target: { type: 'group', id: groupId }, workspaceId, changes: { userId } })),
    ...removed.map((userId) => ({ action: 'group.member_removed', target: { type: 'group', id: groupId }, workspaceId, changes: { userId } })),
  ]);
  return added.length > 0 || removed.length > 0;
}

async function lockGroup(repos: Repositories, workspaceId: string, id: string): Promise<ScimGroupRow> {
  const row = await repos.scim.getGroup(workspaceId, id);
  if (!row || !(await repos.groups.get(workspaceId, row.id, 'update'))) throw notFound('group', id);
  return row;
}

async function loadGroup(repos: Repositories, workspaceId: string, id: string, options: GroupReadOptions): Promise<ScimResource> {
  const row = await repos.scim.getGroup(workspaceId, id);
  if (!row) throw notFound('group', id);
  const [resource] = await toResources(repos, workspaceId, [row], options);
  return resource!;
}

async function toResources(repos: Repositories, workspaceId: string, rows: ScimGroupRow[], options: GroupReadOptions): Promise<ScimResource[]> {
  if (rows.length === 0) return [];
  const members = options.members ? await repos.scim.membersOfGroups(workspaceId, rows.map((row) => row.id)) : undefined;
  return rows.map((row) => toGroupResource(row, members?.get(row.id)));
}

/**
 * The group as a SCIM Group, with its members unless they are excluded. Its version does not
 * depend on them being read: every write of a group moves its `updated_at`, members included.
 */
function toGroupResource(row: ScimGroupRow, members: ScimMemberRef[] | undefined): ScimResource {
  const body: Record<string, unknown> = {
    schemas: [GROUP_SCHEMA],
    id: row.uuid,
    displayName: row.name,
    ...(row.external_id !== null ? { externalId: row.external_id } : {}),
    ...(members ? { members: members.map((member) => ({ value: member.userId, display: member.userName, type: 'User' })) } : {}),
  };
  return {
    ...body,
    id: row.uuid,
    meta: {
      resourceType: 'Group', created: toIso(row.created_at), lastModified: toIso(row.updated_at),
      version: versionOf({ id: row.uuid, displayName: row.name, externalId: row.external_id, lastModified: toIso(row.updated_at) }),
    },
  };
}

async function refuseTakenName(repos: Repositories, workspaceId: string, name: string, exceptId?: number): Promise<void> {
  if (await repos.scim.groupIdByName(workspaceId, name, exceptId) !== undefined) {
    throw scimError('uniqueness', `A Group named ${name} already exists in this workspace`);
  }
}

async function uniquely<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'group_name_taken') throw scimError('uniqueness', error.message);
    throw error;
  }
}
