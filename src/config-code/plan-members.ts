import { fitsType } from '../core/user-attributes.ts';
import type { DesiredWorkspace } from './desired.ts';
import { differences, fieldsOf } from './plan-fields.ts';
import type { Change, FieldChange } from './plan.ts';
import type { Location, Problem } from './source.ts';
import type { WorkspaceState } from './state.ts';

/**
 * Groups, members and who is in which group. A pair (group, member) is wanted when the
 * group's `members` or the member's `groups` names it; an existing pair neither names is
 * removed when either list is given (each list is the whole truth for its owner).
 */
export function planGroupsAndMembers(desired: DesiredWorkspace, current: WorkspaceState, problems: Problem[]): Array<Omit<Change, 'workspace'>> {
  const changes: Array<Omit<Change, 'workspace'>> = [];
  const pruneGroups = desired.prune.has('groups');
  const pruneMembers = desired.prune.has('members');
  const groupExists = (name: string) => desired.groups.has(name) || (!pruneGroups && current.groups.has(name));
  const memberExists = (email: string) => desired.members.has(email)
    || (!pruneMembers && current.members.has(email) && current.members.get(email)!.status !== 'invited');

  const wanted = new Map<string, Set<string>>();
  const want = (group: string, email: string) => {
    if (!wanted.has(group)) wanted.set(group, new Set());
    wanted.get(group)!.add(email);
  };
  for (const [group, { config, at }] of desired.groups) {
    for (const email of config.members ?? []) {
      if (!memberExists(email.toLowerCase())) problems.push({ message: `group "${group}" names ${email}, who is not a member of the workspace nor declared under members`, at });
      else want(group, email.toLowerCase());
    }
  }

  for (const [email, { email: spelled, config, at }] of desired.members) {
    for (const group of config.groups ?? []) {
      if (!groupExists(group)) problems.push({ message: `member ${spelled} names group "${group}", which neither exists nor is declared under groups`, at });
      else want(group, email);
    }
    checkAttributeValues(desired, current, `member ${spelled}`, config.attributes, at, problems);
    const existing = current.members.get(email);
    if (existing?.status === 'invited') {
      problems.push({ message: `${spelled} has a pending invitation; accept or revoke it before declaring them a member`, at });
      continue;
    }
    if (!existing) {
      changes.push({
        kind: 'create', object: 'member', key: spelled, at,
        fields: fieldsOf({
          role: config.role ?? 'end-user', firstName: config.firstName, lastName: config.lastName,
          status: config.status === 'archived' ? 'archived' : undefined,
          attributes: config.attributes && Object.keys(config.attributes).length > 0 ? config.attributes : undefined,
        }),
      });
      continue;
    }
    const fields = differences(
      { role: existing.role, firstName: existing.firstName, lastName: existing.lastName, status: existing.status, attributes: existing.attributes },
      { role: config.role, firstName: config.firstName, lastName: config.lastName, status: config.status, attributes: config.attributes },
    );
    if (fields.length > 0) changes.push({ kind: 'update', object: 'member', key: existing.email, fields, at });
  }
  if (pruneMembers) {
    for (const [email, member] of current.members) {
      if (!desired.members.has(email) && member.status !== 'invited') changes.push({ kind: 'delete', object: 'member', key: member.email, fields: [] });
    }
  }

  const spelling = (email: string) => desired.members.get(email)?.email ?? current.members.get(email)?.email ?? email;
  // Every group that stays: a member's `groups` list may take them out of any of them.
  const groupNames = new Set([...desired.groups.keys(), ...wanted.keys(), ...(pruneGroups ? [] : current.groups.keys())]);
  for (const group of groupNames) {
    const before = current.groupMembers.get(group) ?? new Set<string>();
    const after = wanted.get(group) ?? new Set<string>();
    const declaresMembers = desired.groups.get(group)?.config.members !== undefined;
    const added = [...after].filter((email) => !before.has(email)).sort().map(spelling);
    const removed = [...before].filter((email) => !after.has(email) && memberExists(email)
      && (declaresMembers || desired.members.get(email)?.config.groups !== undefined)).sort().map(spelling);
    const fields: FieldChange[] = added.length + removed.length > 0
      ? [{ field: 'members', ...(added.length > 0 ? { added } : {}), ...(removed.length > 0 ? { removed } : {}) }]
      : [];
    const at = desired.groups.get(group)?.at;
    if (!current.groups.has(group)) changes.push({ kind: 'create', object: 'group', key: group, fields, at });
    else if (fields.length > 0) changes.push({ kind: 'update', object: 'group', key: group, fields, at });
  }
  if (pruneGroups) {
    for (const group of current.groups.keys()) {
      if (!groupNames.has(group)) changes.push({ kind: 'delete', object: 'group', key: group, fields: [] });
    }
  }
  return changes;
}

/** Each of `values` must be the value of a user attribute the workspace keeps, of its type; `who` names their holder in the problems. */
export function checkAttributeValues(
  desired: DesiredWorkspace, current: WorkspaceState, who: string, values: Record<string, unknown> | undefined, at: Location | undefined, problems: Problem[],
): void {
  for (const [attribute, value] of Object.entries(values ?? {})) {
    const type = desired.userAttributes.get(attribute)?.config.type
      ?? (desired.prune.has('userAttributes') ? undefined : current.userAttributes.get(attribute)?.type);
    if (type === undefined) problems.push({ message: `${who} has a value for "${attribute}", which is not a user attribute of the workspace`, at });
    else if (value === null || !fitsType(type, value)) problems.push({ message: `${who}: the value of "${attribute}" must be a ${type}`, at });
  }
}
