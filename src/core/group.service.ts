import { randomUUID } from 'node:crypto';
import type { UserRef } from '../db/group.repository.ts';
import { toIso } from '../db/rows.ts';
import type { GroupRow } from '../db/schema.ts';
import type { RowLock } from '../db/executor.ts';
import type { Repositories, Store } from '../db/store.ts';
import { refuseGroupsAboveUse } from './access-rules.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { type GroupMemberChange, changeGroupMembers, createGroups } from './group-sets.ts';
import { DomainError, conflict, notFound } from './errors.ts';
import { type Page, type PageRequest, offsetOf } from './pagination.ts';
import { writeUnique } from './unique.ts';

export interface Group {
  id: number;
  uuid: string;
  name: string;
  members: UserRef[];
  createdAt: string;
  updatedAt: string;
}

export class GroupService {
  constructor(private readonly store: Store) {}

  list(actor: Actor): Promise<Group[]> {
    return this.store.read(async (repos) => withMembers(repos, await repos.groups.list(actor.workspaceId)));
  }

  get(actor: Actor, groupId: number): Promise<Group> {
    return this.store.read((repos) => loadGroup(repos, actor.workspaceId, groupId));
  }

  /** Group names are unique within a workspace (409 `group_name_taken`). */
  create(actor: Actor, name: string): Promise<Group> {
    return this.withNameCheck(name, async (repos) => {
      const at = new Date().toISOString();
      const id = await repos.groups.create({ uuid: randomUUID(), workspace_id: actor.workspaceId, name, created_at: at, updated_at: at });
      await recordAudit(repos, { action: 'group.created', target: { type: 'group', id }, workspaceId: actor.workspaceId, changes: { name } });
      return loadGroup(repos, actor.workspaceId, id);
    });
  }

  /** Renaming to the current name changes nothing and records nothing. */
  rename(actor: Actor, groupId: number, name: string): Promise<Group> {
    return this.withNameCheck(name, async (repos) => {
      const group = await loadGroupRow(repos, actor.workspaceId, groupId);
      if (group.name !== name) {
        await repos.groups.update(groupId, { name, updated_at: new Date().toISOString() });
        await recordAudit(repos, { action: 'group.renamed', target: { type: 'group', id: groupId }, workspaceId: actor.workspaceId, changes: { name } });
      }
      return loadGroup(repos, actor.workspaceId, groupId);
    });
  }

  /** Deletes the group and its memberships; the users stay in the workspace. */
  delete(actor: Actor, groupId: number): Promise<void> {
    return this.store.write(async (repos) => {
      await loadGroupRow(repos, actor.workspaceId, groupId);
      await repos.groups.delete(groupId);
      await recordAudit(repos, { action: 'group.deleted', target: { type: 'group', id: groupId }, workspaceId: actor.workspaceId });
    });
  }

  listMembers(actor: Actor, groupId: number, request: PageRequest): Promise<Page<UserRef>> {
    return this.store.read(async (repos) => {
      await loadGroupRow(repos, actor.workspaceId, groupId);
      const [items, total] = await Promise.all([
        repos.groups.listMembers(groupId, offsetOf(request), request.pageSize),
        repos.groups.countMembers(groupId),
      ]);
      return { items, total };
    });
  }

  /**
   * Adds a member of the workspace to the group; adding a present member changes nothing
   * and records nothing. An end user cannot join a group holding edit or own grants (409
   * `group_has_edit_access`).
   * The group and the membership are share-locked, so neither can vanish underneath.
   */
  addMember(actor: Actor, groupId: number, userId: string): Promise<Group> {
    return this.store.write(async (repos) => {
      // The group row is updated below when the member is new; a share lock here would let two
      // adds of one user each hold it and then deadlock, one on the update and one on the insert.
      await loadGroupRow(repos, actor.workspaceId, groupId, 'update');
      const member = await repos.memberships.get(actor.workspaceId, userId, 'share');
      if (!member) throw notFound('user', userId);
      await refuseGroupsAboveUse(repos, actor.workspaceId, member.role, [groupId], 'userId');
      if (await repos.groups.addMember(groupId, userId, new Date().toISOString())) {
        await repos.groups.update(groupId, { updated_at: new Date().toISOString() });
        await recordAudit(repos, {
          action: 'group.member_added', target: { type: 'group', id: groupId }, workspaceId: actor.workspaceId, changes: { userId },
        });
      }
      return loadGroup(repos, actor.workspaceId, groupId);
    });
  }

  removeMember(actor: Actor, groupId: number, userId: string): Promise<void> {
    return this.store.write(async (repos) => {
      await loadGroupRow(repos, actor.workspaceId, groupId);
      if (!(await repos.groups.removeMember(groupId, userId))) {
        throw new DomainError('not_found', 'group_member_not_found', `User ${userId} is not a member of group ${groupId}`);
      }
      await recordAudit(repos, {
        action: 'group.member_removed', target: { type: 'group', id: groupId }, workspaceId: actor.workspaceId, changes: { userId },
      });
    });
  }

  /**
   * Adds and removes many members of one group at once, by the rules of `changeMembersMany`.
   * In one transaction: refused, it changes nothing.
   */
  changeMembers(actor: Actor, groupId: number, change: { add?: readonly string[]; remove?: readonly string[] }): Promise<void> {
    return this.changeMembersMany(actor, [{ groupId, ...change }]);
  }

  /**
   * Adds and removes members of many groups at once, by the rules of `addMember` and
   * `removeMember` (see `changeGroupMembers`), each pair changed recording its usual audit
   * event. A few statements whatever the counts, in one transaction: refused, it changes nothing.
   */
  changeMembersMany(actor: Actor, changes: readonly GroupMemberChange[]): Promise<void> {
    return this.store.write((repos) => changeGroupMembers(repos, actor.workspaceId, changes));
  }

  /**
   * Creates the groups as `create` does, a few statements whatever their number, in one
   * transaction: a name given twice or taken (409 `group_name_taken`) creates none. Answers
   * their ids in the names' order.
   */
  createMany(actor: Actor, names: readonly string[]): Promise<number[]> {
    return writeUnique(
      this.store,
      (repos) => createGroups(repos, actor.workspaceId, names),
      () => conflict('group_name_taken', 'One of the group names was taken meanwhile', 'name'),
    );
  }

  private withNameCheck<T>(name: string, work: (repos: Repositories) => Promise<T>): Promise<T> {
    return writeUnique(this.store, work, () => conflict('group_name_taken', `A group named "${name}" already exists`, 'name'));
  }
}

async function loadGroupRow(repos: Repositories, workspaceId: string, groupId: number, lock?: RowLock): Promise<GroupRow> {
  const row = await repos.groups.get(workspaceId, groupId, lock);
  if (!row) throw notFound('group', groupId);
  return row;
}

async function loadGroup(repos: Repositories, workspaceId: string, groupId: number): Promise<Group> {
  const [group] = await withMembers(repos, [await loadGroupRow(repos, workspaceId, groupId)]);
  return group!;
}

async function withMembers(repos: Repositories, rows: GroupRow[]): Promise<Group[]> {
  const members = await repos.groups.membersOf(rows.map((row) => row.id));
  return rows.map((row) => ({
    id: row.id,
    uuid: row.uuid,
    name: row.name,
    members: members.get(row.id) ?? [],
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  }));
}
