import { type DesiredPermission, permissionKey, permissionLabel, permissionOf } from './permissions.ts';
import type {
  AppConfig, EnvironmentConfig, FolderTreeConfig, GroupConfig, InviteConfig, MemberConfig, PrunableSection, ResourceConfig, SsoConfig, UserAttributeConfig,
  WorkspaceConfig,
} from './schema.ts';
import { ConfigFileError, type Location, type ParsedFile, type Problem, formatLocation } from './source.ts';

export type FolderType = 'app' | 'resource' | 'workflow';
export const FOLDER_TYPES: readonly FolderType[] = ['app', 'resource', 'workflow'];

/** An object the file declares, with where it was declared. */
export interface Declared<T> {
  config: T;
  at?: Location;
}

/** A member entry, keyed in its section by the lower-cased email. */
export interface DeclaredMember extends Declared<MemberConfig> {
  email: string;
}

/** An invite entry, keyed in its section by the lower-cased email. */
export interface DeclaredInvite extends Declared<InviteConfig> {
  email: string;
}

/** A folder, known by its type and its path of names from the top. */
export interface FolderPath {
  type: FolderType;
  path: string[];
}

/** What the files together ask one workspace to be. */
export interface DesiredWorkspace {
  name: string;
  at?: Location;
  settings: Pick<WorkspaceConfig, (typeof SETTINGS)[number]>;
  prune: Set<PrunableSection>;
  environments: Map<string, Declared<EnvironmentConfig>>;
  userAttributes: Map<string, Declared<UserAttributeConfig>>;
  groups: Map<string, Declared<GroupConfig>>;
  members: Map<string, DeclaredMember>;
  invites: Map<string, DeclaredInvite>;
  /** The single sign-on settings, when the file gives them. */
  sso?: Declared<SsoConfig>;
  /** By `folderKey`. */
  folders: Map<string, Declared<FolderPath>>;
  apps: Map<string, Declared<AppConfig>>;
  resources: Map<string, Declared<ResourceConfig>>;
  /** By `permissionKey`. */
  permissions: Map<string, Declared<DesiredPermission>>;
}

export interface DesiredConfig {
  workspaces: Map<string, DesiredWorkspace>;
}

export function folderKey(folder: FolderPath): string {
  return JSON.stringify([folder.type, ...folder.path]);
}

/** How a folder is shown: `app:/Finance/Reports`. */
export function folderLabel(folder: FolderPath): string {
  return `${folder.type}:/${folder.path.join('/')}`;
}

/**
 * The id of the folder a change's `folder` field moves its object to (an app or a resource):
 * undefined when the change leaves it, null for the top level. `folderIds` holds every folder
 * by `folderKey`, those the apply made included.
 */
export function changedFolderId(fields: ReadonlyArray<{ field: string; to?: unknown }>, type: FolderType, folderIds: ReadonlyMap<string, string>): string | null | undefined {
  const path = fields.find((item) => item.field === 'folder')?.to as string[] | null | undefined;
  return path === undefined || path === null ? path : folderIds.get(folderKey({ type, path }))!;
}

const SETTINGS = ['emailDomains', 'status', 'twoFactorRequired', 'scimDefaultRole'] as const;

/**
 * Merges the files into one description. Workspaces and sections merge; the same object
 * (or workspace setting) declared in two files is a problem naming both places; `prune`
 * lists add up; folder trees merge folder by folder. Emails match whatever their case.
 */
export function mergeFiles(files: readonly ParsedFile[]): DesiredConfig {
  const problems: Problem[] = [];
  const workspaces = new Map<string, DesiredWorkspace>();
  for (const file of files) {
    for (const [name, config] of Object.entries(file.value.workspaces ?? {})) {
      const keys = ['workspaces', name];
      let workspace = workspaces.get(name);
      if (!workspace) {
        workspace = {
          name, at: file.locate(keys), settings: {}, prune: new Set(),
          environments: new Map(), userAttributes: new Map(), groups: new Map(), members: new Map(), invites: new Map(), folders: new Map(),
          apps: new Map(), resources: new Map(), permissions: new Map(),
        };
        workspaces.set(name, workspace);
      }
      if (!config) continue;
      const settingsAt = new Map<string, Location | undefined>();
      for (const setting of SETTINGS) {
        if (config[setting] === undefined) continue;
        const at = file.locate([...keys, setting]);
        if (workspace.settings[setting] !== undefined) {
          problems.push(duplicate(`${setting} of workspace "${name}"`, at, settingsAt.get(setting)));
        }
        (workspace.settings as Record<string, unknown>)[setting] = config[setting];
        settingsAt.set(setting, at);
      }
      for (const section of config.prune ?? []) workspace.prune.add(section);
      mergeSection(workspace.environments, config.environments, (key) => file.locate([...keys, 'environments', key]), 'environment', problems);
      mergeSection(workspace.userAttributes, config.userAttributes, (key) => file.locate([...keys, 'userAttributes', key]), 'user attribute', problems);
      mergeSection(workspace.groups, config.groups, (key) => file.locate([...keys, 'groups', key]), 'group', problems);
      for (const [email, member] of Object.entries(config.members ?? {})) {
        const at = file.locate([...keys, 'members', email]);
        const earlier = workspace.members.get(email.toLowerCase());
        if (earlier) problems.push(duplicate(`member ${email}`, at, earlier.at));
        else workspace.members.set(email.toLowerCase(), { email, config: member ?? {}, at });
      }
      for (const [email, invite] of Object.entries(config.invites ?? {})) {
        const at = file.locate([...keys, 'invites', email]);
        const earlier = workspace.invites.get(email.toLowerCase());
        if (earlier) problems.push(duplicate(`invite of ${email}`, at, earlier.at));
        else workspace.invites.set(email.toLowerCase(), { email, config: invite ?? {}, at });
      }
      if (config.sso !== undefined) {
        const at = file.locate([...keys, 'sso']);
        if (workspace.sso) problems.push(duplicate(`sso of workspace "${name}"`, at, workspace.sso.at));
        else workspace.sso = { config: config.sso, at };
      }
      mergeSection(workspace.apps, config.apps, (key) => file.locate([...keys, 'apps', key]), 'app', problems);
      mergeSection(workspace.resources, config.resources, (key) => file.locate([...keys, 'resources', key]), 'resource', problems);
      for (const [index, entry] of (config.permissions ?? []).entries()) {
        const at = file.locate([...keys, 'permissions', String(index)], 'value');
        const permission = permissionOf(entry, at, problems);
        if (!permission) continue;
        const earlier = workspace.permissions.get(permissionKey(permission));
        if (earlier) problems.push(duplicate(`permission ${permissionLabel(permission)}`, at, earlier.at));
        else workspace.permissions.set(permissionKey(permission), { config: permission, at });
      }
      for (const type of FOLDER_TYPES) {
        const tree = config.folders?.[type] as FolderTreeConfig | undefined;
        if (tree) addFolders(workspace.folders, type, [], tree, (path) => file.locate([...keys, 'folders', type, ...path]));
      }
    }
  }
  if (problems.length > 0) throw new ConfigFileError(problems);
  return { workspaces };
}

function mergeSection<T extends object>(
  into: Map<string, Declared<T>>,
  section: Record<string, T | null> | undefined,
  locate: (key: string) => Location | undefined,
  kind: string,
  problems: Problem[],
): void {
  for (const [key, config] of Object.entries(section ?? {})) {
    const at = locate(key);
    const earlier = into.get(key);
    if (earlier) problems.push(duplicate(`${kind} "${key}"`, at, earlier.at));
    else into.set(key, { config: (config ?? {}) as T, at });
  }
}

function addFolders(
  into: Map<string, Declared<FolderPath>>,
  type: FolderType,
  parent: string[],
  tree: FolderTreeConfig,
  locate: (path: string[]) => Location | undefined,
): void {
  for (const [name, children] of Object.entries(tree)) {
    const path = [...parent, name];
    const folder = { type, path };
    if (!into.has(folderKey(folder))) into.set(folderKey(folder), { config: folder, at: locate(path) });
    if (children) addFolders(into, type, path, children, locate);
  }
}

function duplicate(what: string, at: Location | undefined, earlier: Location | undefined): Problem {
  return { message: `${what} is declared twice${earlier ? `; first at ${formatLocation(earlier)}` : ''}`, at };
}
