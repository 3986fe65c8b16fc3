import { randomUUID } from 'node:crypto';
import { type GroupMemberPair, pairKey } from '../db/group.repository.ts';
import type { Repositories } from '../db/store.ts';
import { refuseGroupsAboveUse } from './access-rules.ts';
import { type AuditEntry, recordAuditMany } from './audit.ts';
import { DomainError, conflict, notFound } from './errors.ts';

/**
 * Groups created, and members added and removed, for many groups at once inside the caller's
 * transaction: a few statements whatever the counts, by the rules and with the audit events
 * of the one-group calls. A refusal throws: the caller's transaction then changes nothing.
 */

/** One group's member changes. */
export interface GroupMemberChange {
  groupId: number;
  add?: readonly string[];
  remove?: readonly string[];
}

/**
 * Creates the groups, a chunk per statement, with one `group.created` event each; answers
 * their ids in the names' order. A name given twice, or held by a group of the workspace,
 * is a 409 `group_name_taken` naming it.
 */
export async function createGroups(repos: Repositories, workspaceId: string, names: readonly string[]): Promise<number[]> {
  const taken = new Set((await repos.groups.list(workspaceId)).map((group) => group.name));
  for (const name of names) {
    if (taken.has(name)) throw conflict('group_name_taken', `A group named "${name}" already exists`, 'name');
    taken.add(name);
  }
  const at = new Date().toISOString();
  const rows = names.map((name) => ({ uuid: randomUUID(), workspace_id: workspaceId, name, created_at: at, updated_at: at }));
  const idsByUuid = await repos.groups.createMany(rows);
  const ids = rows.map((row) => idsByUuid.get(row.uuid)!);
  await recordAuditMany(repos, rows.map((row, index): AuditEntry => ({
    action: 'group.created', target: { type: 'group', id: ids[index]! }, workspaceId, changes: { name: row.name },
  })));
  return ids;
}

/**
 * Makes the changes: every group is the workspace's (404), every added user a member of it
 * (404), no end user joins a group holding edit or own grants (409 `group_has_edit_access`),
 * every removed user is in the group (404 `group_member_not_found`). A user already in a
 * group is not added again and records nothing, nor is one both removed and added; each pair added or removed records its
 * `group.member_added` or `group.member_removed` event. Changes naming one group twice are
 * taken together. The groups are locked in id order, the added members share-locked.
 */
export async function changeGroupMembers(repos: Repositories, workspaceId: string, changes: readonly GroupMemberChange[]): Promise<void> {
  const byGroup = new Map<number, { add: Set<string>; remove: Set<string> }>();
  for (const change of changes) {
    const entry = byGroup.get(change.groupId) ?? { add: new Set<string>(), remove: new Set<string>() };
    for (const userId of change.add ?? []) entry.add.add(userId);
    for (const userId of change.remove ?? []) entry.remove.add(userId);
    byGroup.set(change.groupId, entry);
  }
  const found = new Set((await repos.groups.getMany(workspaceId, [...byGroup.keys()], 'update')).map((group) => group.id));
  const missing = [...byGroup.keys()].find((groupId) => !found.has(groupId));
  if (missing !== undefined) throw notFound('group', missing);

  const adds: GroupMemberPair[] = [...byGroup].flatMap(([groupId, { add }]) => [...add].map((userId) => ({ groupId, userId })));
  const removes: GroupMemberPair[] = [...byGroup].flatMap(([groupId, { remove }]) => [...remove].map((userId) => ({ groupId, userId })));
  const roles = await repos.memberships.rolesOf(workspaceId, [...new Set(adds.map((pair) => pair.userId))], 'share');
  const unknown = adds.find((pair) => !roles.has(pair.userId));
  if (unknown !== undefined) throw notFound('user', unknown.userId);
  const joinedByEndUsers = [...new Set(adds.filter((pair) => roles.get(pair.userId) === 'end-user').map((pair) => pair.groupId))];
  await refuseGroupsAboveUse(repos, workspaceId, 'end-user', joinedByEndUsers, 'userId');

  // What the writes answer tells which pairs were present: a removal that removed nothing
  // throws, and the transaction takes back what was written before it.
  const at = new Date().toISOString();
  const removed = new Set((await repos.groups.removePairs(removes)).map(pairKey));
  const absent = removes.find((pair) => !removed.has(pairKey(pair)));
  if (absent !== undefined) {
    throw new DomainError('not_found', 'group_member_not_found', `User ${absent.userId} is not a member of group ${absent.groupId}`);
  }
  const added = await repos.groups.addPairs(adds.filter((pair) => !removed.has(pairKey(pair))), at);
  if (added.length + removes.length === 0) return;
  await repos.groups.touchMany([...new Set([...removes, ...added].map((pair) => pair.groupId))], at);
  const event = (action: string) => (pair: GroupMemberPair): AuditEntry => ({
    action, target: { type: 'group', id: pair.groupId }, workspaceId, changes: { userId: pair.userId },
  });
  await recordAuditMany(repos, [...removes.map(event('group.member_removed')), ...added.map(event('group.member_added'))]);
}
