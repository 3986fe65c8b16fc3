import { createHash } from 'node:crypto';
import { fromJson } from '../db/rows.ts';
import type { Repositories } from '../db/store.ts';
import { STARTING_ENVIRONMENTS } from '../core/environment.service.ts';
import type { Role } from '../core/roles.ts';
import type { AttributeType } from '../core/user-attributes.ts';
import { type FolderPath, type FolderType, folderKey } from './desired.ts';
import { type AppState, appsOf } from './apps.ts';
import { type ResourceState, resourcesOf } from './resources.ts';
import { type InviteState, invitesOf } from './invites.ts';
import { type SsoState, ssoStateOf } from './sso.ts';
import { type NamedObjectType, type PermissionState, objectsByName, permissionsOf } from './permissions.ts';

export interface EnvironmentState {
  id: string;
  description: string;
  color: string | null;
  isDefault: boolean;
}

export interface UserAttributeState {
  id: string;
  label: string;
  type: AttributeType;
  default: unknown;
}

export interface MemberState {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  role: 'admin' | 'builder' | 'end-user';
  status: 'active' | 'invited' | 'archived';
  /** Stored values only, without the definitions' defaults. */
  attributes: Record<string, unknown>;
}

export interface FolderState extends FolderPath {
  id: string;
}

/** One workspace as it is; `id` is null for a workspace the plan would create (it then holds the starting environments). */
export interface WorkspaceState {
  id: string | null;
  name: string;
  status: 'active' | 'archived';
  emailDomains: string[];
  twoFactorRequired: boolean;
  scimDefaultRole: Role;
  environments: Map<string, EnvironmentState>;
  userAttributes: Map<string, UserAttributeState>;
  /** Group name → id. */
  groups: Map<string, number>;
  /** Lower-cased email → member. */
  members: Map<string, MemberState>;
  /** Group name → lower-cased emails of its members. */
  groupMembers: Map<string, Set<string>>;
  /** Pending, unexpired invites by lower-cased email. */
  invites: Map<string, InviteState>;
  /** The single sign-on configuration, null without one. */
  sso: SsoState | null;
  /** By `folderKey`. */
  folders: Map<string, FolderState>;
  /** By name (the oldest app of a name several share). */
  apps: Map<string, AppState>;
  /** By name. */
  resources: Map<string, ResourceState>;
  /** App, resource and workflow ids by name, per type. */
  objects: Record<NamedObjectType, Map<string, string[]>>;
  /** By `permissionKey`. */
  permissions: Map<string, PermissionState>;
}

export interface InstanceState {
  /** The named workspaces, by name; one absent from the instance is a new, empty one. */
  workspaces: Map<string, WorkspaceState>;
}

/**
 * Reads the named workspaces (all of them when `names` is undefined) in a fixed number of
 * statements per workspace, whatever its size.
 */
export async function readState(repos: Repositories, names: readonly string[] | undefined): Promise<InstanceState> {
  const rows = await repos.workspaces.list({}, 0, Number.MAX_SAFE_INTEGER);
  const wanted = names === undefined ? rows : rows.filter((row) => names.includes(row.name));
  const ids = wanted.map((row) => row.id);
  const [requiring, scimRoles] = await Promise.all([repos.workspaces.requiringTwoFactor(ids), repos.workspaces.scimDefaultRoles(ids)]);
  const workspaces = new Map<string, WorkspaceState>();
  for (const row of wanted) {
    workspaces.set(row.name, await readWorkspace(repos, {
      id: row.id, name: row.name, status: row.status, emailDomains: fromJson<string[]>(row.domains), twoFactorRequired: requiring.has(row.id),
      scimDefaultRole: scimRoles.get(row.id)!,
    }));
  }
  for (const name of names ?? []) if (!workspaces.has(name)) workspaces.set(name, newWorkspace(name));
  return { workspaces };
}

/** What a workspace the plan creates starts as: `WorkspaceService.create`'s result. */
export function newWorkspace(name: string): WorkspaceState {
  return {
    id: null, name, status: 'active', emailDomains: [], twoFactorRequired: false, scimDefaultRole: 'end-user',
    environments: new Map(STARTING_ENVIRONMENTS.map((environment) => [environment.name, {
      id: '', description: '', color: environment.color, isDefault: environment.isDefault,
    }])),
    userAttributes: new Map(), groups: new Map(), members: new Map(), groupMembers: new Map(), invites: new Map(), sso: null, folders: new Map(),
    apps: new Map(), resources: new Map(), objects: objectsByName([]), permissions: new Map(),
  };
}

type WorkspaceHead = Pick<WorkspaceState, 'name' | 'status' | 'emailDomains' | 'twoFactorRequired' | 'scimDefaultRole'> & { id: string };

async function readWorkspace(repos: Repositories, head: WorkspaceHead): Promise<WorkspaceState> {
  const [
    environments, attributes, groups, members, pairs, folders, grants, objects, resources, configurations, apps, appVersions, invites, sso,
  ] = await Promise.all([
    repos.environments.list(head.id),
    repos.userAttributes.list(head.id),
    repos.groups.list(head.id),
    repos.configState.members(head.id),
    repos.configState.groupMembers(head.id),
    repos.folders.list(head.id),
    repos.configState.grants(head.id),
    repos.configState.namedObjects(head.id),
    repos.resources.list(head.id),
    repos.configState.resourceConfigurations(head.id),
    repos.configState.apps(head.id),
    repos.configState.appVersions(head.id),
    repos.invites.listOpen(head.id),
    repos.ssoConfigurations.get(head.id),
  ]);
  const folderStates = folderPaths(folders);
  const emailOf = new Map(members.map((member) => [member.user_id, member.email.toLowerCase()]));
  const groupName = new Map(groups.map((group) => [group.id, group.name]));
  const groupMembers = new Map(groups.map((group) => [group.name, new Set<string>()]));
  for (const pair of pairs) {
    const email = emailOf.get(pair.user_id);
    const name = groupName.get(pair.group_id);
    if (email !== undefined && name !== undefined) groupMembers.get(name)!.add(email);
  }
  return {
    ...head,
    environments: new Map(environments.map((row) => [row.name, {
      id: row.id, description: row.description, color: row.color, isDefault: row.is_default === 1,
    }])),
    userAttributes: new Map(attributes.map((row) => [row.name, {
      id: row.id, label: row.label, type: row.data_type, default: row.default_value === null ? null : fromJson<unknown>(row.default_value),
    }])),
    groups: new Map(groups.map((group) => [group.name, group.id])),
    members: new Map(members.map((row) => [row.email.toLowerCase(), {
      id: row.user_id, email: row.email, firstName: row.first_name, lastName: row.last_name, role: row.role, status: row.status,
      attributes: row.attributes,
    }])),
    groupMembers,
    invites: invitesOf(invites, groupName, new Date()),
    sso: sso ? ssoStateOf(sso) : null,
    folders: folderStates,
    apps: appsOf(apps, appVersions, folderStates),
    resources: resourcesOf(resources, folderStates, configurations, new Map(environments.map((row) => [row.id, row.name]))),
    objects: objectsByName(objects),
    permissions: permissionsOf(grants, {
      groups: groupName,
      emails: new Map(members.map((member) => [member.user_id, member.email])),
      folders: new Map([...folderStates.values()].map(({ id, type, path }) => [id, { type, path }])),
      objects: new Map(objects.map((object) => [object.id, object])),
    }),
  };
}

function folderPaths(rows: Array<{ id: string; name: string; folder_type: FolderType; parent_id: string | null }>): Map<string, FolderState> {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const result = new Map<string, FolderState>();
  for (const row of rows) {
    const path: string[] = [];
    const seen = new Set<string>();
    for (let cursor: typeof row | undefined = row; cursor && !seen.has(cursor.id); cursor = cursor.parent_id ? byId.get(cursor.parent_id) : undefined) {
      seen.add(cursor.id);
      path.unshift(cursor.name);
    }
    const folder = { id: row.id, type: row.folder_type, path };
    result.set(folderKey(folder), folder);
  }
  return result;
}

/**
 * A digest of the state: equal for two reads exactly when nothing the plan depends on
 * changed between them (ids included, so a deleted and re-created object counts as changed).
 */
export function fingerprint(state: InstanceState): string {
  const hash = createHash('sha256');
  for (const name of [...state.workspaces.keys()].sort()) hash.update(JSON.stringify(canonical(state.workspaces.get(name)!)));
  return hash.digest('hex');
}

function canonical(value: unknown): unknown {
  if (value instanceof Map) return [...value.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, item]) => [key, canonical(item)]);
  if (value instanceof Set) return [...value].sort();
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]);
  }
  return value;
}
