import type { Actor } from '../core/actor.ts';
import type { Services } from '../core/services.ts';
import { fromJson } from '../db/rows.ts';
import type { ResourceRow } from '../db/schema.ts';
import { type DesiredWorkspace, changedFolderId, folderKey, folderLabel } from './desired.ts';
import { differences } from './plan-fields.ts';
import type { Change, FieldChange } from './plan.ts';
import type { ResourceConfig } from './schema.ts';
import { exportConfigurations } from './resource-configurations.ts';
import type { Problem } from './source.ts';
import type { FolderState, WorkspaceState } from './state.ts';

/**
 * Resources in the file, by name: type, display name, options, folder (a path in the
 * resource folder tree), and secrets. Secret values come from `${env:…}`/`${file:…}`
 * references; the plan says only which secrets change, never their values, and keeps the
 * values beside the changes for the apply.
 */

/** A resource as it is: secrets still sealed. */
export interface ResourceState {
  id: string;
  type: string;
  displayName: string;
  /** The folder's path, null at the top level. */
  folder: string[] | null;
  options: Record<string, unknown>;
  /** Secret name → sealed envelope. */
  sealedSecrets: Record<string, string>;
  /** Its configurations of its own, by environment name. */
  configurations: Map<string, ConfigurationState>;
}

export interface ConfigurationState {
  environmentId: string;
  options: Record<string, unknown>;
  sealedSecrets: Record<string, string>;
}

/**
 * Which of the clear `values` differ from the sealed ones of a resource, of its configuration
 * in an environment, or of a workspace's single sign-on (`ssoOf` its id).
 */
export type SecretCheck = (owner: { resourceId: string; environmentId?: string } | { ssoOf: string }, sealed: Record<string, string>, values: Record<string, string>) => string[];

/**
 * The values of the secrets a change sets, by name: held beside the plan, never inside it,
 * keyed by the change's `fields` list, which stays the same object as the change is copied.
 */
const SECRET_VALUES = new WeakMap<FieldChange[], Record<string, string>>();

/**
 * The `secrets.<name>` fields for secrets given as `secrets` against the `sealed` ones
 * (`differing` names those whose values differ); the values are kept for the apply.
 */
export function secretFieldsOf(secrets: Record<string, string>, sealed: Record<string, string>, differing: readonly string[]): FieldChange[] {
  const fields: FieldChange[] = [];
  for (const secret of Object.keys(secrets).sort()) if (differing.includes(secret)) fields.push({ field: `secrets.${secret}`, secret: 'changed' });
  for (const secret of Object.keys(sealed).sort()) if (!(secret in secrets)) fields.push({ field: `secrets.${secret}`, secret: 'removed' });
  return fields;
}

/** Ties the secret values to a change's `fields`, once the list is complete. */
export function keepSecretValues(fields: FieldChange[], secrets: Record<string, string>): void {
  if (fields.some((field) => field.secret)) SECRET_VALUES.set(fields, secrets);
}

/** What the apply passes to the services for a change's secrets (`secrets.<name>`, or a secret field of its own): each set to its value, or null to remove it. */
export function secretInput(change: Change): Record<string, string | null> {
  const values = SECRET_VALUES.get(change.fields) ?? {};
  return Object.fromEntries(change.fields.filter((item) => item.secret).map((item) => {
    const name = item.field.replace(/^secrets\./, '');
    return [name, item.secret === 'removed' ? null : values[name]!];
  }));
}

export function resourcesOf(
  rows: readonly ResourceRow[], folders: ReadonlyMap<string, FolderState>,
  configurations: ReadonlyArray<{ resource_id: string; environment_id: string; options: unknown; secrets: unknown }>,
  environmentNames: ReadonlyMap<string, string>,
): Map<string, ResourceState> {
  const paths = new Map([...folders.values()].map((folder) => [folder.id, folder.path]));
  return new Map(rows.map((row) => [row.name, {
    id: row.id, type: row.type, displayName: row.display_name, folder: row.folder_id === null ? null : paths.get(row.folder_id) ?? null,
    options: fromJson<Record<string, unknown>>(row.options), sealedSecrets: fromJson<Record<string, string>>(row.secrets),
    configurations: new Map(configurations.filter((item) => item.resource_id === row.id).map((item) => [environmentNames.get(item.environment_id)!, {
      environmentId: item.environment_id, options: fromJson<Record<string, unknown>>(item.options), sealedSecrets: fromJson<Record<string, string>>(item.secrets),
    }])),
  }]));
}

function folderOf(path: string | null | undefined): string[] | null | undefined {
  return path === undefined || path === null ? path : path.split('/');
}

/** Resources to create, update and (when the workspace prunes resources) delete. */
export function planResources(
  desired: DesiredWorkspace, current: WorkspaceState, problems: Problem[], secretCheck: SecretCheck,
): Array<Omit<Change, 'workspace'>> {
  const changes: Array<Omit<Change, 'workspace'>> = [];
  const folderStays = (path: string[]) => {
    const key = folderKey({ type: 'resource', path });
    return desired.folders.has(key) || (!desired.prune.has('folders') && current.folders.has(key));
  };
  for (const [name, { config, at }] of desired.resources) {
    const folder = folderOf(config.folder);
    if (folder && !folderStays(folder)) {
      problems.push({ message: `resource "${name}" is in folder ${folderLabel({ type: 'resource', path: folder })}, which neither exists nor is declared under folders`, at });
    }
    const existing = current.resources.get(name);
    if (!existing && config.type === undefined) problems.push({ message: `resource "${name}" is new, so it needs a type`, at });
    if (existing && config.type !== undefined && config.type !== existing.type) {
      problems.push({ message: `resource "${name}" is a ${existing.type}; its type is fixed once it exists (delete it first to change it)`, at });
    }
    const secrets = config.secrets;
    const sealed = existing?.sealedSecrets ?? {};
    const secretFields = secrets === undefined ? []
      : secretFieldsOf(secrets, sealed, existing ? secretCheck({ resourceId: existing.id }, sealed, secrets) : Object.keys(secrets));
    const desiredFields = { type: config.type, displayName: config.displayName, folder, options: config.options };
    const fields = existing
      ? [...differences({ displayName: existing.displayName, folder: existing.folder, options: existing.options }, { ...desiredFields, type: undefined }), ...secretFields]
      : [...Object.entries(desiredFields).filter(([, value]) => value !== undefined).map(([field, to]) => ({ field, to })), ...secretFields];
    if (existing && fields.length === 0) continue;
    if (secrets) keepSecretValues(fields, secrets);
    changes.push({ kind: existing ? 'update' : 'create', object: 'resource', key: name, fields, at });
  }
  if (desired.prune.has('resources')) {
    for (const name of current.resources.keys()) {
      if (!desired.resources.has(name)) changes.push({ kind: 'delete', object: 'resource', key: name, fields: [] });
    }
  }
  return changes;
}

/** Creates and updates resources once their folders exist; returns the ids of those created, by name. */
export async function applyResources(
  services: Services, actor: Actor, current: WorkspaceState, changes: readonly Change[], folderIds: ReadonlyMap<string, string>,
): Promise<Map<string, string>> {
  const created = new Map<string, string>();
  for (const change of changes) {
    const to = (field: string) => change.fields.find((item) => item.field === field)?.to;
    const folderId = changedFolderId(change.fields, 'resource', folderIds);
    const secrets = secretInput(change);
    const input = {
      displayName: to('displayName') as string | undefined, folderId, options: to('options') as Record<string, unknown> | undefined,
    };
    if (change.kind === 'create') {
      const made = await services.resources.create(actor, {
        name: change.key, type: to('type') as string, ...input, secrets: secrets as Record<string, string>,
      });
      created.set(change.key, made.id);
    } else {
      await services.resources.update(actor, current.resources.get(change.key)!.id, { ...input, ...(Object.keys(secrets).length > 0 ? { secrets } : {}) });
    }
  }
  return created;
}

/** Resources as file entries; each secret as an `${env:…}` reference, whose names are returned to be listed. */
export function exportResources(workspace: WorkspaceState): { resources: Record<string, ResourceConfig>; variables: string[] } {
  const variables: string[] = [];
  const names = [...workspace.resources.keys()].sort();
  const resources = Object.fromEntries(names.map((name) => {
    const resource = workspace.resources.get(name)!;
    const secrets = Object.fromEntries(Object.keys(resource.sealedSecrets).sort().map((secret) => {
      const variable = secretVariable(workspace.name, name, secret);
      variables.push(variable);
      return [secret, `\${env:${variable}}`];
    }));
    const configurations = exportConfigurations(resource, (environment, secret) => {
      const configurationVariable = secretVariable(workspace.name, name, `${environment}_${secret}`);
      variables.push(configurationVariable);
      return configurationVariable;
    }, literal);
    return [name, {
      type: resource.type, displayName: literal(resource.displayName), folder: resource.folder === null ? null : literal(resource.folder.join('/')),
      options: literal(resource.options), ...(Object.keys(secrets).length > 0 ? { secrets } : {}),
      ...(Object.keys(configurations).length > 0 ? { environments: configurations } : {}),
    }];
  }));
  return { resources, variables };
}

/** `value` with every `${` in its strings written `$${`, so loading the file gives the value back rather than a reference. */
export function literal<T>(value: T): T {
  if (typeof value === 'string') return value.replaceAll('${', () => '$${') as T;
  if (Array.isArray(value)) return value.map(literal) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, literal(item)])) as T;
  return value;
}

/** The environment variable an export names for a secret: `TOOLPLANE_<WORKSPACE>_<RESOURCE>_<SECRET>`, upper case, `_` for the rest. */
export function secretVariable(workspace: string, resource: string, secret: string): string {
  return ['TOOLPLANE', workspace, resource, secret].map((part) => part.toUpperCase().replace(/[^A-Z0-9]+/g, '_')).join('_');
}
