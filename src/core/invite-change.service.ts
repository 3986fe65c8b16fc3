import { fromJson, toJson } from '../db/rows.ts';
import type { InviteRow } from '../db/schema.ts';
import type { Repositories, Store } from '../db/store.ts';
import { refuseGroupsAboveUse } from './access-rules.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { DomainError, conflict, invalidInput, notFound } from './errors.ts';
import { type Invite, inviteNotFound, toInvites } from './invites.ts';
import { checkAttributeValues } from './user-attributes.ts';

/** What an open invite gives its invitee on accepting: the groups joined and the attribute values set. */
interface InviteGrants {
  groupIds: number[];
  attributes: Record<string, unknown>;
}

/**
 * Changes to the groups and attribute values of invites not yet accepted or revoked (stored
 * pending, expired ones too: a resent invite keeps them). Each call is one transaction: the
 * invite rows are locked, every changed invite records an `invite.updated` event, and a
 * refused item (an unknown group or invite, an invite no longer open, an end user's invite
 * into a group holding edit grants, an undefined attribute) changes nothing.
 */
export class InviteChangeService {
  constructor(private readonly store: Store) {}

  /** The open invites joining each group of `groupIds`, oldest first; groups without any are absent. */
  openByGroup(actor: Actor, groupIds: readonly number[]): Promise<Map<number, Invite[]>> {
    return this.store.read(async (repos) => {
      const wanted = new Set(groupIds);
      const result = new Map<number, Invite[]>();
      if (wanted.size === 0) return result;
      const rows = (await repos.invites.listOpen(actor.workspaceId)).filter((row) => fromJson<number[]>(row.group_ids).some((id) => wanted.has(id)));
      for (const invite of await toInvites(repos, actor.workspaceId, rows, new Date())) {
        for (const group of invite.groups) if (wanted.has(group.id)) result.set(group.id, [...(result.get(group.id) ?? []), invite]);
      }
      return result;
    });
  }

  /** Adds the group to each invite (those joining it already stay); an unknown or closed invite is a 400 or 409 naming `<field>.<index>`. */
  addToGroup(actor: Actor, groupId: number, inviteIds: readonly string[], field: string): Promise<void> {
    return this.store.write(async (repos) => {
      await requireGroup(repos, actor.workspaceId, groupId);
      for (const [index, inviteId] of inviteIds.entries()) {
        const row = await lockOpen(repos, actor.workspaceId, inviteId, `${field}.${index}`);
        await change(repos, actor.workspaceId, row, (grants) => ({ ...grants, groupIds: union(grants.groupIds, [groupId]) }), `${field}.${index}`);
      }
    });
  }

  /** Takes the group off the invite; 404 when the invite is not the workspace's or does not join the group. */
  removeFromGroup(actor: Actor, groupId: number, inviteId: string): Promise<void> {
    return this.store.write(async (repos) => {
      await requireGroup(repos, actor.workspaceId, groupId);
      const row = await lockOpen(repos, actor.workspaceId, inviteId);
      if (!fromJson<number[]>(row.group_ids).includes(groupId)) throw notFound('invite in group', inviteId);
      await change(repos, actor.workspaceId, row, (grants) => ({ ...grants, groupIds: grants.groupIds.filter((id) => id !== groupId) }), 'groupIds');
    });
  }

  /**
   * Makes `inviteIds` exactly the open invites joining the group: the group is added to those
   * listed and taken off the others. Runs in the caller's transaction when there is one.
   */
  setGroupInvites(actor: Actor, groupId: number, inviteIds: readonly string[], field: string): Promise<void> {
    return this.store.write(async (repos) => {
      await requireGroup(repos, actor.workspaceId, groupId);
      const wanted = new Set(inviteIds);
      for (const row of await repos.invites.listOpen(actor.workspaceId)) {
        if (wanted.has(row.id) || !fromJson<number[]>(row.group_ids).includes(groupId)) continue;
        const locked = await lockOpen(repos, actor.workspaceId, row.id);
        await change(repos, actor.workspaceId, locked, (grants) => ({ ...grants, groupIds: grants.groupIds.filter((id) => id !== groupId) }), field);
      }
      for (const [index, inviteId] of inviteIds.entries()) {
        const row = await lockOpen(repos, actor.workspaceId, inviteId, `${field}.${index}`);
        await change(repos, actor.workspaceId, row, (grants) => ({ ...grants, groupIds: union(grants.groupIds, [groupId]) }), `${field}.${index}`);
      }
    });
  }

  /**
   * Sets (or with null removes) the value of one attribute the invitee gets, checked against
   * the workspace's definitions; answers the invite's values after.
   */
  setAttribute(actor: Actor, inviteId: string, name: string, value: unknown): Promise<Record<string, unknown>> {
    return this.store.write(async (repos) => {
      const row = await lockOpen(repos, actor.workspaceId, inviteId);
      return (await change(repos, actor.workspaceId, row, (grants) => {
        const attributes = { ...grants.attributes };
        if (value === null) delete attributes[name];
        else attributes[name] = value;
        return { ...grants, attributes };
      }, 'attributes')).attributes;
    });
  }

  /** Removes the value of one attribute; 404 when the invite sets none. Answers the invite's values after. */
  removeAttribute(actor: Actor, inviteId: string, name: string): Promise<Record<string, unknown>> {
    return this.store.write(async (repos) => {
      const row = await lockOpen(repos, actor.workspaceId, inviteId);
      const attributes = fromJson<Record<string, unknown>>(row.attributes);
      if (!(name in attributes)) throw new DomainError('not_found', 'attribute_not_found', `The invite sets no attribute ${name}`);
      const { [name]: _removed, ...rest } = attributes;
      return (await change(repos, actor.workspaceId, row, (grants) => ({ ...grants, attributes: rest }), 'attributes')).attributes;
    });
  }
}

async function requireGroup(repos: Repositories, workspaceId: string, groupId: number): Promise<void> {
  if (!(await repos.groups.get(workspaceId, groupId, 'update'))) throw notFound('group', groupId);
}

/**
 * The invite's row, locked until the transaction ends. Unknown here: 404, or a 400 naming
 * `field` when the invite came in a body. Accepted or revoked: 409 `invite_not_pending`.
 */
async function lockOpen(repos: Repositories, workspaceId: string, inviteId: string, field?: string): Promise<InviteRow> {
  const row = await repos.invites.getForChange(workspaceId, inviteId, 'update');
  if (!row) throw field ? invalidInput(field, `no invite ${inviteId} in this workspace`, 'invite_not_found') : inviteNotFound(inviteId);
  if (row.status !== 'pending') throw conflict('invite_not_pending', `The invite is ${row.status}; only an open invite can be changed`, field);
  return row;
}

/** Applies `edit` to the invite's grants, checks and stores the result, and records it when something changed. */
async function change(
  repos: Repositories, workspaceId: string, row: InviteRow, edit: (grants: InviteGrants) => InviteGrants, field: string,
): Promise<InviteGrants> {
  const before: InviteGrants = { groupIds: fromJson<number[]>(row.group_ids), attributes: fromJson<Record<string, unknown>>(row.attributes) };
  const after = edit(before);
  const groupsChanged = JSON.stringify(before.groupIds) !== JSON.stringify(after.groupIds);
  const attributesChanged = JSON.stringify(before.attributes) !== JSON.stringify(after.attributes);
  if (!groupsChanged && !attributesChanged) return before;
  if (groupsChanged) await refuseGroupsAboveUse(repos, workspaceId, row.role, after.groupIds, field);
  if (attributesChanged) await checkAttributeValues(repos, workspaceId, after.attributes, field);
  await repos.invites.update(row.id, { group_ids: toJson(after.groupIds), attributes: toJson(after.attributes), updated_at: new Date().toISOString() });
  await recordAudit(repos, {
    action: 'invite.updated', target: { type: 'invite', id: row.id }, workspaceId,
    changes: { ...(groupsChanged ? { groupIds: after.groupIds } : {}), ...(attributesChanged ? { attributes: after.attributes } : {}) },
  });
  return after;
}

function union(ids: readonly number[], more: readonly number[]): number[] {
  return [...new Set([...ids, ...more])];
}
