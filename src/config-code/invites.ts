import type { Actor } from '../core/actor.ts';
import { DomainError } from '../core/errors.ts';
import type { Services } from '../core/services.ts';
import { isExternalEmail, normalizeDomains } from '../core/workspace-domains.ts';
import { fromJson } from '../db/rows.ts';
import type { InviteRow } from '../db/schema.ts';
import type { Role } from '../core/roles.ts';
import type { DesiredWorkspace } from './desired.ts';
import { differences, fieldsOf, same } from './plan-fields.ts';
import type { Change } from './plan.ts';
import { checkAttributeValues } from './plan-members.ts';
import { literal } from './resources.ts';
import type { InviteConfig } from './schema.ts';
import type { Problem } from './source.ts';
import type { WorkspaceState } from './state.ts';

/**
 * Pending invitations in the file, by the invitee's email: role, groups by name, attribute
 * values, and for a new one its days to expiry. Only pending, unexpired invites are state:
 * an accepted, revoked or expired one is as good as absent, so declaring its email again
 * invites anew.
 */

export interface InviteState {
  id: string;
  email: string;
  role: Role;
  /** Names of the groups the invitee joins, sorted (groups deleted since left out). */
  groups: string[];
  attributes: Record<string, unknown>;
}

export function invitesOf(rows: ReadonlyArray<Pick<InviteRow, 'id' | 'email' | 'role' | 'group_ids' | 'attributes' | 'expires_at'>>, groupNames: ReadonlyMap<number, string>, now: Date): Map<string, InviteState> {
  const open = rows.filter((row) => new Date(row.expires_at).getTime() > now.getTime());
  return new Map(open.map((row) => [row.email.toLowerCase(), {
    id: row.id, email: row.email, role: row.role,
    groups: fromJson<number[]>(row.group_ids).flatMap((id) => groupNames.get(id) ?? []).sort(),
    attributes: fromJson<Record<string, unknown>>(row.attributes),
  }]));
}

/**
 * Invites to send, change and (with `prune: [invites]`) revoke. An invite's role is fixed,
 * so a changed role revokes it and invites again (a new link and email). Inviting someone
 * who is a member (in the workspace, or under `members` in the file) is a problem, as is an
 * external email with a role above end-user, or a group or attribute the workspace will not have.
 */
export function planInvites(desired: DesiredWorkspace, current: WorkspaceState, problems: Problem[]): Array<Omit<Change, 'workspace'>> {
  const changes: Array<Omit<Change, 'workspace'>> = [];
  const groupStays = (name: string) => desired.groups.has(name) || (!desired.prune.has('groups') && current.groups.has(name));
  const domains = emailDomains(desired, current);
  for (const [email, { email: spelled, config, at }] of desired.invites) {
    const who = `invite of ${spelled}`;
    if (desired.members.has(email) || current.members.get(email)?.status === 'active') {
      problems.push({ message: `${spelled} is a member of the workspace${desired.members.has(email) ? ' (declared under members)' : ''}, so cannot be invited`, at });
      continue;
    }
    const role = config.role ?? 'end-user';
    if (domains && role !== 'end-user' && isExternalEmail(email, domains)) {
      problems.push({ message: `${who}: ${spelled} is an external email (its domain is not one of the workspace's), so joins as end-user only`, at });
    }
    for (const group of (config.groups ?? []).filter((name) => !groupStays(name))) {
      problems.push({ message: `${who} names group "${group}", which neither exists nor is declared under groups`, at });
    }
    checkAttributeValues(desired, current, who, config.attributes, at, problems);

    const groups = config.groups === undefined ? undefined : [...new Set(config.groups)].sort();
    const existing = current.invites.get(email);
    if (existing && config.role !== undefined && config.role !== existing.role) {
      changes.push({ kind: 'delete', object: 'invite', key: existing.email, fields: [{ field: 'role', from: existing.role, to: config.role }] });
    } else if (existing) {
      const fields = differences({ groups: existing.groups, attributes: existing.attributes }, { groups, attributes: config.attributes });
      if (fields.length > 0) changes.push({ kind: 'update', object: 'invite', key: existing.email, fields, at });
      continue;
    }
    changes.push({
      kind: 'create', object: 'invite', key: spelled, at,
      fields: fieldsOf({
        role, groups: groups?.length ? groups : undefined,
        attributes: config.attributes && Object.keys(config.attributes).length > 0 ? config.attributes : undefined,
        expiresInDays: config.expiresInDays,
      }),
    });
  }
  if (desired.prune.has('invites')) {
    for (const [email, invite] of current.invites) {
      if (!desired.invites.has(email)) changes.push({ kind: 'delete', object: 'invite', key: invite.email, fields: [] });
    }
  }
  return changes;
}

/** The workspace's email domains once the apply is done; undefined when the file's list is not valid (a problem reported with the settings). */
function emailDomains(desired: DesiredWorkspace, current: WorkspaceState): string[] | undefined {
  if (desired.settings.emailDomains === undefined) return current.emailDomains;
  try {
    return normalizeDomains(desired.settings.emailDomains, 'emailDomains');
  } catch (error) {
    if (error instanceof DomainError) return undefined;
    throw error;
  }
}

/** An invite the apply recorded, to be delivered once the apply's transaction has committed. */
export interface RecordedInvite {
  workspaceId: string;
  inviteId: string;
  token: string;
}

/**
 * Revokes, changes and records invites through the core services, in the apply's
 * transaction. New invites are recorded without being sent: their emails go out (or their
 * links are handed back) only after the apply commits, so a rolled-back apply sends nothing.
 * They are made in the actor's name (none for local CLI work).
 */
export async function applyInvites(
  services: Services, actor: Actor, current: WorkspaceState, changes: readonly Change[], groupIds: ReadonlyMap<string, number>,
): Promise<RecordedInvite[]> {
  const recorded: RecordedInvite[] = [];
  const value = (change: Change, field: string) => change.fields.find((item) => item.field === field)?.to;
  for (const change of changes.filter((item) => item.kind === 'delete')) {
    await services.invites.revoke(actor, current.invites.get(change.key.toLowerCase())!.id);
  }
  for (const change of changes.filter((item) => item.kind === 'update')) {
    const invite = current.invites.get(change.key.toLowerCase())!;
    const groups = value(change, 'groups') as string[] | undefined;
    if (groups !== undefined) {
      for (const name of groups.filter((group) => !invite.groups.includes(group))) await services.inviteChanges.addToGroup(actor, groupIds.get(name)!, [invite.id], 'groups');
      for (const name of invite.groups.filter((group) => !groups.includes(group))) await services.inviteChanges.removeFromGroup(actor, groupIds.get(name)!, invite.id);
    }
    const attributes = value(change, 'attributes') as Record<string, unknown> | undefined;
    if (attributes !== undefined) {
      for (const name of Object.keys(invite.attributes).filter((attribute) => !(attribute in attributes))) await services.inviteChanges.removeAttribute(actor, invite.id, name);
      for (const [name, item] of Object.entries(attributes)) {
        if (!same(item, invite.attributes[name])) await services.inviteChanges.setAttribute(actor, invite.id, name, item);
      }
    }
  }
  for (const change of changes.filter((item) => item.kind === 'create')) {
    const { id, token } = await services.invites.record(actor, {
      email: change.key, role: (value(change, 'role') ?? 'end-user') as Role,
      groupIds: ((value(change, 'groups') ?? []) as string[]).map((name) => groupIds.get(name)!),
      attributes: value(change, 'attributes') as Record<string, unknown> | undefined,
      expiresInDays: value(change, 'expiresInDays') as number | undefined,
    });
    recorded.push({ workspaceId: actor.workspaceId, inviteId: id, token });
  }
  return recorded;
}

/** Pending invites as file entries: role, groups and attribute values (an export leaves expiries to the instance it is applied to). */
export function exportInvites(workspace: WorkspaceState): Record<string, InviteConfig> {
  return Object.fromEntries([...workspace.invites.values()].sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0)).map((invite) => [invite.email, {
    role: invite.role, groups: literal(invite.groups),
    ...(Object.keys(invite.attributes).length > 0 ? { attributes: literal(invite.attributes) } : {}),
  }]));
}
