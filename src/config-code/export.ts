import { stringify } from 'yaml';
import type { FolderTreeConfig, WorkspaceConfig } from './schema.ts';
import { FOLDER_TYPES } from './desired.ts';
import { exportPermissions } from './permissions.ts';
import { exportApps } from './apps.ts';
import { exportInvites } from './invites.ts';
import { OPTIONAL_SECTIONS, type OptionalSection } from './remote-access.ts';
import { exportSso } from './sso.ts';
import { exportResources, literal } from './resources.ts';
import type { InstanceState, WorkspaceState } from './state.ts';

/**
 * The state as a configuration file that round-trips: applied to an empty instance, it
 * makes a state the same file plans no changes against. Every field is written out, group
 * membership once (under `groups`), and nothing is pruned. Objects are sorted by their
 * keys, so two instances holding the same objects export the same text. Members with a
 * pending invitation (a membership of status invited) are left out. Pending invites are
 * written under `invites`, and the single sign-on with its client secret as an `${env:…}`
 * reference listed at the top, when `sections` names them; the top says which are left out,
 * so the file is not read as saying there are none. `definitionFiles` names,
 * per workspace and app, the file an app's definition is referred to in; apps without one are
 * written without their definition.
 */
export function exportState(
  state: InstanceState,
  definitionFiles: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map(),
  sections: ReadonlySet<OptionalSection> = new Set(['invites', 'sso']),
): string {
  const variables: string[] = [];
  const workspaces = Object.fromEntries([...state.workspaces.values()].map((workspace) => [
    workspace.name, exportWorkspace(workspace, variables, definitionFiles.get(workspace.name) ?? new Map(), sections),
  ]));
  const text = stringify({ workspaces }, { lineWidth: 0, aliasDuplicateObjects: false });
  const omitted = (Object.keys(OPTIONAL_SECTIONS) as OptionalSection[]).filter((section) => !sections.has(section));
  const omissions = omitted.length === 0 ? '' : `# Left out, as this credential may not read them: ${
    omitted.map((section) => `${section} (${OPTIONAL_SECTIONS[section]})`).join(', ')}.\n`;
  const secrets = variables.length === 0
    ? ''
    : `# Secrets are read from these environment variables when the file is planned:\n${variables.map((name) => `#   ${name}\n`).join('')}`;
  return `${omissions}${secrets}${text}`;
}

function exportWorkspace(workspace: WorkspaceState, variables: string[], definitionFiles: ReadonlyMap<string, string>, sections: ReadonlySet<OptionalSection>): WorkspaceConfig {
  const config: WorkspaceConfig = {
    emailDomains: workspace.emailDomains,
    status: workspace.status,
    twoFactorRequired: workspace.twoFactorRequired,
    scimDefaultRole: workspace.scimDefaultRole,
  };
  if (workspace.environments.size > 0) {
    config.environments = Object.fromEntries(byKey(workspace.environments).map(([name, environment]) => [name, {
      description: environment.description, color: environment.color, default: environment.isDefault,
    }]));
  }
  if (workspace.userAttributes.size > 0) {
    config.userAttributes = Object.fromEntries(byKey(workspace.userAttributes).map(([name, attribute]) => [name, {
      type: attribute.type, label: attribute.label, ...(attribute.default === null ? {} : { default: attribute.default }),
    }]));
  }
  const members = byKey(workspace.members).map(([, member]) => member).filter((member) => member.status !== 'invited');
  const spelled = new Map(members.map((member) => [member.email.toLowerCase(), member.email]));
  if (workspace.groups.size > 0) {
    config.groups = Object.fromEntries(byKey(workspace.groups).map(([name]) => [name, {
      members: [...(workspace.groupMembers.get(name) ?? [])].flatMap((email) => spelled.get(email) ?? []).sort(),
    }]));
  }
  if (members.length > 0) {
    config.members = Object.fromEntries(members.map((member) => [member.email, {
      role: member.role,
      firstName: member.firstName,
      lastName: member.lastName,
      ...(member.status === 'archived' ? { status: 'archived' as const } : {}),
      ...(Object.keys(member.attributes).length > 0 ? { attributes: member.attributes } : {}),
    }]));
  }
  if (sections.has('invites') && workspace.invites.size > 0) config.invites = exportInvites(workspace);
  const sso = sections.has('sso') ? exportSso(workspace) : null;
  if (sso) {
    config.sso = sso.sso;
    variables.push(...sso.variables);
  }
  const folders = Object.fromEntries(FOLDER_TYPES.map((type) => [type, folderTree(workspace, type)]).filter(([, tree]) => tree !== null));
  if (Object.keys(folders).length > 0) config.folders = folders;
  if (workspace.apps.size > 0) config.apps = exportApps(workspace, definitionFiles, literal);
  const resources = exportResources(workspace);
  if (Object.keys(resources.resources).length > 0) config.resources = resources.resources;
  variables.push(...resources.variables);
  const permissions = exportPermissions(workspace);
  if (permissions.length > 0) config.permissions = permissions;
  return config;
}

function folderTree(workspace: WorkspaceState, type: string): FolderTreeConfig | null {
  const root: FolderTreeConfig = {};
  const paths = [...workspace.folders.values()].filter((folder) => folder.type === type).map((folder) => folder.path)
    .sort((a, b) => a.length - b.length || compare(a.join('/'), b.join('/')));
  // Own keys only: a folder may be called `constructor` or `valueOf`, which every object inherits.
  for (const path of paths) {
    let node = root;
    for (const name of path.slice(0, -1)) {
      if (!Object.hasOwn(node, name) || node[name] === null) node[name] = {};
      node = node[name]!;
    }
    if (!Object.hasOwn(node, path.at(-1)!)) node[path.at(-1)!] = null;
  }
  return Object.keys(root).length > 0 ? root : null;
}

function byKey<T>(map: Map<string, T>): Array<[string, T]> {
  return [...map].sort(([a], [b]) => compare(a, b));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
