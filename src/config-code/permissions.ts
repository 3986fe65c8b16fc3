import type { AccessLevel, ObjectRef, SubjectRef } from '../core/access.ts';
import type { Actor } from '../core/actor.ts';
import type { Services } from '../core/services.ts';
import type { NamedObjectRow } from '../db/config-state.repository.ts';
import type { PermissionGrantRow } from '../db/schema.ts';
import { type DesiredWorkspace, type FolderPath, type FolderType, folderKey, folderLabel } from './desired.ts';
import type { Change } from './plan.ts';
import type { PermissionConfig } from './schema.ts';
import type { Location, Problem } from './source.ts';
import type { WorkspaceState } from './state.ts';

/**
 * Permissions in the file: who (a group by name, a member by email) holds which level on
 * what (an app, resource or workflow by name, a folder by `type:/path`). A grant is known by
 * its subject and object, so changing the level updates it and anything else is another grant.
 */

export type NamedObjectType = NamedObjectRow['type'];
export const NAMED_OBJECT_TYPES: readonly NamedObjectType[] = ['app', 'resource', 'workflow'];

export type PermissionSubject = { type: 'group'; name: string } | { type: 'member'; email: string };
export type PermissionObject = { type: NamedObjectType; name: string } | { type: 'folder'; folder: FolderPath };

/** A grant's natural key: its subject and object. */
export interface PermissionRef {
  subject: PermissionSubject;
  object: PermissionObject;
}

export interface DesiredPermission extends PermissionRef {
  level: AccessLevel;
}

/** A grant as it is, with the ids the core names it by. */
export interface PermissionState extends DesiredPermission {
  subjectId: SubjectRef;
  objectId: ObjectRef;
}

/** How a grant is shown and matched: `group "eng" on app "Payroll"`, `member ada@example.com on folder app:/Finance`. */
export function permissionLabel({ subject, object }: PermissionRef): string {
  const who = subject.type === 'group' ? `group ${JSON.stringify(subject.name)}` : `member ${subject.email}`;
  const what = object.type === 'folder' ? `folder ${folderLabel(object.folder)}` : `${object.type} ${JSON.stringify(object.name)}`;
  return `${who} on ${what}`;
}

/** The key a grant is matched by: its label, with the member's email in lower case. */
export function permissionKey(ref: PermissionRef): string {
  return permissionLabel(ref.subject.type === 'member' ? { ...ref, subject: { type: 'member', email: ref.subject.email.toLowerCase() } } : ref);
}

const FOLDER_REFERENCE = /^(app|resource|workflow):\/(.+)$/;

/** A file entry as a grant; a problem (and undefined) unless it names exactly one subject and one object. */
export function permissionOf(entry: PermissionConfig, at: Location | undefined, problems: Problem[]): DesiredPermission | undefined {
  const subjects = (['group', 'member'] as const).filter((field) => entry[field] !== undefined);
  const objects = ([...NAMED_OBJECT_TYPES, 'folder'] as const).filter((field) => entry[field] !== undefined);
  if (subjects.length !== 1 || objects.length !== 1) {
    problems.push({ message: 'a permission names exactly one subject (group or member) and one object (app, resource, workflow or folder)', at });
    return undefined;
  }
  const subject: PermissionSubject = subjects[0] === 'group' ? { type: 'group', name: entry.group! } : { type: 'member', email: entry.member! };
  const objectType = objects[0]!;
  if (objectType !== 'folder') return { subject, object: { type: objectType, name: entry[objectType]! }, level: entry.level };
  const match = FOLDER_REFERENCE.exec(entry.folder!);
  return { subject, object: { type: 'folder', folder: { type: match![1] as FolderType, path: match![2]!.split('/') } }, level: entry.level };
}

/** The workspace's grants by `permissionKey`, named by natural keys; grants on objects that cannot be named are left out. */
export function permissionsOf(rows: readonly PermissionGrantRow[], names: {
  groups: Map<number, string>;
  emails: Map<string, string>;
  folders: Map<string, FolderPath>;
  objects: Map<string, NamedObjectRow>;
}): Map<string, PermissionState> {
  const result = new Map<string, PermissionState>();
  for (const row of rows) {
    const subjectId: SubjectRef = row.subject_type === 'group' ? { type: 'group', id: Number(row.subject_id) } : { type: 'user', id: row.subject_id };
    const group = subjectId.type === 'group' ? names.groups.get(subjectId.id) : undefined;
    const email = subjectId.type === 'user' ? names.emails.get(subjectId.id) : undefined;
    const folder = row.object_type === 'folder' ? names.folders.get(row.object_id) : undefined;
    const named = row.object_type === 'folder' ? undefined : names.objects.get(row.object_id);
    if ((group ?? email) === undefined || (folder ?? named) === undefined) continue;
    const grant: PermissionState = {
      subject: group !== undefined ? { type: 'group', name: group } : { type: 'member', email: email! },
      object: folder ? { type: 'folder', folder } : { type: named!.type, name: named!.name },
      level: row.access_level,
      subjectId,
      objectId: { type: row.object_type, id: row.object_id },
    };
    result.set(permissionKey(grant), grant);
  }
  return result;
}

/**
 * Grants to make, change and (in a workspace that prunes permissions) revoke. A subject or
 * object must exist and stay, or be declared in the file; an app, resource or workflow is
 * named by a name only one of its kind holds.
 */
export function planPermissions(desired: DesiredWorkspace, current: WorkspaceState, problems: Problem[]): Array<Omit<Change, 'workspace'>> {
  const changes: Array<Omit<Change, 'workspace'>> = [];
  const groupStays = (name: string) => desired.groups.has(name) || (!desired.prune.has('groups') && current.groups.has(name));
  const memberStays = (email: string) => desired.members.has(email) || (!desired.prune.has('members') && current.members.has(email));
  const folderStays = (folder: FolderPath) => desired.folders.has(folderKey(folder))
    || (!desired.prune.has('folders') && current.folders.has(folderKey(folder)));
  for (const [key, { config, at }] of desired.permissions) {
    const { subject, object } = config;
    const label = permissionLabel(config);
    if (subject.type === 'group' && !groupStays(subject.name)) {
      problems.push({ message: `permission ${label}: group "${subject.name}" neither exists nor is declared under groups`, at });
    }
    if (subject.type === 'member' && !memberStays(subject.email.toLowerCase())) {
      problems.push({ message: `permission ${label}: ${subject.email} is not a member of the workspace nor declared under members`, at });
    }
    if (object.type === 'folder' && !folderStays(object.folder)) {
      problems.push({ message: `permission ${label}: folder ${folderLabel(object.folder)} neither exists nor is declared under folders`, at });
    }
    const declared = (object.type === 'resource' && desired.resources.has(object.name)) || (object.type === 'app' && desired.apps.has(object.name));
    if (object.type !== 'folder' && !declared) {
      const pruned = (object.type === 'resource' && desired.prune.has('resources')) || (object.type === 'app' && desired.prune.has('apps'));
      const count = pruned ? 0 : current.objects[object.type].get(object.name)?.length ?? 0;
      if (count !== 1) problems.push({ message: `permission ${label}: ${count === 0 ? 'no' : 'more than one'} ${object.type} is named "${object.name}"`, at });
    }
    const existing = current.permissions.get(key);
    const permission = { subject, object };
    if (!existing) changes.push({ kind: 'create', object: 'permission', key: label, permission, fields: [{ field: 'level', to: config.level }], at });
    else if (existing.level !== config.level) {
      changes.push({ kind: 'update', object: 'permission', key: label, permission, fields: [{ field: 'level', from: existing.level, to: config.level }], at });
    }
  }
  if (desired.prune.has('permissions')) {
    for (const [key, { subject, object }] of current.permissions) {
      if (!desired.permissions.has(key)) changes.push({ kind: 'delete', object: 'permission', key: permissionLabel({ subject, object }), permission: { subject, object }, fields: [] });
    }
  }
  return changes;
}

/** Ids of what grants name, as the apply knows them once groups, members and folders are made. */
export interface PermissionTargets {
  groupIds: Map<string, number>;
  /** By lower-cased email. */
  userIds: Map<string, string>;
  /** By `folderKey`. */
  folderIds: Map<string, string>;
  /** Resources the apply created, by name. */
  resourceIds: Map<string, string>;
  /** Apps the apply created, by name. */
  appIds: Map<string, string>;
}

/** Revokes the grants the plan deletes; before members, groups and folders go, as their grants go with them. */
export async function revokePermissions(services: Services, actor: Actor, current: WorkspaceState, changes: readonly Change[]): Promise<void> {
  for (const change of changes) {
    const grant = current.permissions.get(permissionKey(change.permission!))!;
    await services.permissions.revoke(actor, grant.subjectId, grant.objectId);
  }
}

/** Makes the grants the plan creates or changes, once everything they name exists: all in one call. */
export async function grantPermissions(
  services: Services, actor: Actor, current: WorkspaceState, changes: readonly Change[], targets: PermissionTargets,
): Promise<void> {
  await services.permissions.grantMany(actor, changes.map((change) => {
    const { subject, object } = change.permission!;
    const subjectId = subject.type === 'group'
      ? { type: 'group' as const, id: targets.groupIds.get(subject.name)! }
      : { type: 'user' as const, id: targets.userIds.get(subject.email.toLowerCase())! };
    const objectId: ObjectRef = object.type === 'folder'
      ? { type: 'folder', id: targets.folderIds.get(folderKey(object.folder))! }
      : { type: object.type, id: (object.type === 'resource' ? targets.resourceIds.get(object.name) : object.type === 'app' ? targets.appIds.get(object.name) : undefined) ?? current.objects[object.type].get(object.name)![0]! };
    return { subject: subjectId, object: objectId, accessLevel: change.fields[0]!.to as AccessLevel };
  }));
}

/** The grants as file entries, sorted by key; grants of members the export leaves out (pending invitations) too. */
export function exportPermissions(workspace: WorkspaceState): PermissionConfig[] {
  return [...workspace.permissions].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).flatMap(([, grant]) => {
    const { subject, object } = grant;
    if (subject.type === 'member' && workspace.members.get(subject.email.toLowerCase())?.status === 'invited') return [];
    return [{
      ...(subject.type === 'group' ? { group: subject.name } : { member: subject.email }),
      ...(object.type === 'folder' ? { folder: folderLabel(object.folder) } : { [object.type]: object.name }),
      level: grant.level,
    }];
  });
}

/** App, resource and workflow ids by name, per type (a name several objects share lists them all). */
export function objectsByName(rows: readonly NamedObjectRow[]): Record<NamedObjectType, Map<string, string[]>> {
  const result = Object.fromEntries(NAMED_OBJECT_TYPES.map((type) => [type, new Map<string, string[]>()])) as Record<NamedObjectType, Map<string, string[]>>;
  for (const row of rows) result[row.type].set(row.name, [...(result[row.type].get(row.name) ?? []), row.id]);
  return result;
}
