import { createHash } from 'node:crypto';
import { DomainError } from '../core/errors.ts';
import { fitsType } from '../core/user-attributes.ts';
import { normalizeDomains } from '../core/workspace-domains.ts';
import { type DesiredConfig, type DesiredWorkspace, type FolderPath, folderLabel } from './desired.ts';
import { differences, fieldsOf, same } from './plan-fields.ts';
import { planApps } from './apps.ts';
import { planGroupsAndMembers } from './plan-members.ts';
import { planInvites } from './invites.ts';
import { planSso } from './sso.ts';
import { type PermissionRef, planPermissions } from './permissions.ts';
import { type SecretCheck, planResources } from './resources.ts';
import { planResourceConfigurations } from './resource-configurations.ts';
import { ConfigFileError, type Location, type Problem } from './source.ts';
import { type InstanceState, type WorkspaceState, fingerprint } from './state.ts';

export type ChangeKind = 'create' | 'update' | 'delete';
export type ObjectKind =
  | 'workspace' | 'environment' | 'userAttribute' | 'group' | 'member' | 'invite' | 'sso' | 'folder' | 'app' | 'resource' | 'resourceConfiguration' | 'permission';

/** One field of a change: a value `from` → `to`, or for a set (a group's members) what is `added` and `removed`. */
export interface FieldChange {
  field: string;
  from?: unknown;
  to?: unknown;
  added?: string[];
  removed?: string[];
  /** For a secret (`secrets.<name>`): that it is set to a new value or removed; its values are never shown. */
  secret?: 'changed' | 'removed';
  /** For an app's definition: the digests of the current (none for a new app) and the file's; the definition itself is never shown. */
  digest?: { from?: string; to: string };
}

/** One object to create, update or delete, by its natural key. */
export interface Change {
  kind: ChangeKind;
  object: ObjectKind;
  workspace: string;
  /**
   * The workspace's name (for the workspace and its single sign-on), an environment's, group's
   * or attribute's name, a member's or invitee's email, a folder's `type:/path`, a permission's label.
   */
  key: string;
  fields: FieldChange[];
  /** For a folder: its type and path of names (the key joins them for reading). */
  folder?: FolderPath;
  /** For a resource's configuration in an environment: their names. */
  configuration?: { resource: string; environment: string };
  /** For a permission: its subject and object by natural keys. */
  permission?: PermissionRef;
  /** Where the file declares the object (absent for deletions). */
  at?: Location;
}

export interface Plan {
  /** The state the plan was made against (state.ts `fingerprint`); apply refuses when it no longer holds. */
  stateFingerprint: string;
  /** A digest of the changes, so a saved plan is applied only as it was shown. */
  changesDigest: string;
  workspaces: string[];
  changes: Change[];
  summary: Record<ChangeKind, number>;
}

const KIND_ORDER: Record<ChangeKind, number> = { delete: 0, create: 1, update: 2 };
const OBJECT_ORDER: Record<ObjectKind, number> = {
  workspace: 0, environment: 1, userAttribute: 2, group: 3, member: 4, invite: 5, sso: 6, folder: 7, app: 8, resource: 9, resourceConfiguration: 10, permission: 11,
};

/**
 * The changes that make `state` what `desired` describes. Objects the file does not mention
 * stay as they are, except in the sections a workspace names in `prune`. Problems the
 * database would refuse anyway (an unknown group, a value of the wrong type, a changed
 * attribute type) are reported here, with the place in the file, all at once.
 */
export function makePlan(desired: DesiredConfig, state: InstanceState, secretCheck: SecretCheck): Plan {
  const problems: Problem[] = [];
  const changes: Change[] = [];
  for (const workspace of desired.workspaces.values()) {
    changes.push(...planWorkspace(workspace, state.workspaces.get(workspace.name)!, problems, secretCheck));
  }
  if (problems.length > 0) throw new ConfigFileError(problems);
  changes.sort((a, b) => (a.workspace < b.workspace ? -1 : a.workspace > b.workspace ? 1 : 0)
    || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || OBJECT_ORDER[a.object] - OBJECT_ORDER[b.object]);
  const summary = { create: 0, update: 0, delete: 0 };
  for (const change of changes) summary[change.kind] += 1;
  return {
    stateFingerprint: fingerprint(state),
    changesDigest: digestOf(changes),
    workspaces: [...desired.workspaces.keys()],
    changes,
    summary,
  };
}

export function digestOf(changes: readonly Change[]): string {
  return createHash('sha256').update(JSON.stringify(changes.map(({ at: _, ...change }) => change))).digest('hex');
}

function planWorkspace(desired: DesiredWorkspace, current: WorkspaceState, problems: Problem[], secretCheck: SecretCheck): Change[] {
  const changes: Change[] = [];
  const name = desired.name;
  const add = (change: Omit<Change, 'workspace'>) => changes.push({ workspace: name, ...change });

  const settings: FieldChange[] = [];
  if (desired.settings.emailDomains !== undefined) {
    const domains = normalize(() => normalizeDomains(desired.settings.emailDomains!, 'emailDomains'), desired.at, problems);
    if (domains && !same(domains, current.emailDomains)) settings.push({ field: 'emailDomains', from: current.emailDomains, to: domains });
  }
  for (const field of ['status', 'twoFactorRequired', 'scimDefaultRole'] as const) {
    const value = desired.settings[field];
    if (value !== undefined && value !== current[field]) settings.push({ field, from: current[field], to: value });
  }
  if (current.id === null) add({ kind: 'create', object: 'workspace', key: name, fields: settings.map(({ field, to }) => ({ field, to })), at: desired.at });
  else if (settings.length > 0) add({ kind: 'update', object: 'workspace', key: name, fields: settings, at: desired.at });

  planEnvironments(desired, current, problems).forEach(add);
  planUserAttributes(desired, current, problems).forEach(add);
  planGroupsAndMembers(desired, current, problems).forEach(add);
  planInvites(desired, current, problems).forEach(add);
  planSso(desired, current, problems, secretCheck).forEach(add);
  planFolders(desired, current).forEach(add);
  planApps(desired, current, problems).forEach(add);
  planResources(desired, current, problems, secretCheck).forEach(add);
  planResourceConfigurations(desired, current, problems, secretCheck).forEach(add);
  planPermissions(desired, current, problems).forEach(add);
  return changes;
}

function planEnvironments(desired: DesiredWorkspace, current: WorkspaceState, problems: Problem[]): Array<Omit<Change, 'workspace'>> {
  const changes: Array<Omit<Change, 'workspace'>> = [];
  const defaults = [...desired.environments].filter(([, declared]) => declared.config.default === true);
  if (defaults.length > 1) {
    problems.push({ message: `only one environment can be the default; ${defaults.map(([key]) => key).join(', ')} all say default: true`, at: defaults[1]![1].at });
  }
  const currentDefault = [...current.environments].find(([, environment]) => environment.isDefault)?.[0];
  const nextDefault = defaults[0]?.[0] ?? currentDefault;
  for (const [key, { config, at }] of desired.environments) {
    const existing = current.environments.get(key);
    const color = config.color === undefined || config.color === null ? config.color : config.color.toLowerCase();
    if (config.default === false && key === nextDefault) {
      problems.push({ message: `environment "${key}" is the default; say default: true on the environment to take its place`, at });
    }
    if (!existing) {
      changes.push({
        kind: 'create', object: 'environment', key, at,
        fields: fieldsOf({ description: config.description, color, default: config.default }),
      });
      continue;
    }
    const fields = differences(
      { description: existing.description, color: existing.color, default: existing.isDefault },
      { description: config.description, color, default: config.default === true ? true : undefined },
    );
    if (fields.length > 0) changes.push({ kind: 'update', object: 'environment', key, fields, at });
  }
  if (desired.prune.has('environments')) {
    for (const key of current.environments.keys()) {
      if (desired.environments.has(key)) continue;
      if (key === nextDefault) {
        problems.push({ message: `environment "${key}" is the default and cannot be pruned; declare it, or make another one the default`, at: desired.at });
      } else {
        changes.push({ kind: 'delete', object: 'environment', key, fields: [] });
      }
    }
  }
  return changes;
}

function planUserAttributes(desired: DesiredWorkspace, current: WorkspaceState, problems: Problem[]): Array<Omit<Change, 'workspace'>> {
  const changes: Array<Omit<Change, 'workspace'>> = [];
  for (const [key, { config, at }] of desired.userAttributes) {
    if (config.default !== undefined && !fitsType(config.type, config.default)) {
      problems.push({ message: `the default of user attribute "${key}" must be a ${config.type}`, at });
    }
    const existing = current.userAttributes.get(key);
    if (!existing) {
      changes.push({
        kind: 'create', object: 'userAttribute', key, at,
        fields: fieldsOf({ type: config.type, label: config.label ?? key, default: config.default ?? undefined }),
      });
      continue;
    }
    if (existing.type !== config.type) {
      problems.push({ message: `user attribute "${key}" is a ${existing.type}; its type is fixed once it exists (delete it first to change it)`, at });
    }
    const fields = differences({ label: existing.label, default: existing.default }, { label: config.label, default: config.default });
    if (fields.length > 0) changes.push({ kind: 'update', object: 'userAttribute', key, fields, at });
  }
  if (desired.prune.has('userAttributes')) {
    for (const key of current.userAttributes.keys()) {
      if (!desired.userAttributes.has(key)) changes.push({ kind: 'delete', object: 'userAttribute', key, fields: [] });
    }
  }
  return changes;
}

/** Folders to create, parents before children; with `prune`, folders to delete, children before parents. */
function planFolders(desired: DesiredWorkspace, current: WorkspaceState): Array<Omit<Change, 'workspace'>> {
  const creates = [...desired.folders].filter(([key]) => !current.folders.has(key))
    .sort(([, a], [, b]) => a.config.path.length - b.config.path.length)
    .map(([, { config, at }]) => ({ kind: 'create' as const, object: 'folder' as const, key: folderLabel(config), folder: config, fields: [], at }));
  const deletes = desired.prune.has('folders')
    ? [...current.folders].filter(([key]) => !desired.folders.has(key))
      .sort(([, a], [, b]) => b.path.length - a.path.length)
      .map(([, { type, path }]) => ({ kind: 'delete' as const, object: 'folder' as const, key: folderLabel({ type, path }), folder: { type, path }, fields: [] }))
    : [];
  return [...deletes, ...creates];
}

function normalize<T>(work: () => T, at: Location | undefined, problems: Problem[]): T | undefined {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    problems.push({ message: error.message, at });
    return undefined;
  }
}
