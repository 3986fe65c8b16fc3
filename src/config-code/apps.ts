import { createHash } from 'node:crypto';
import { type Actor, isLocalWork } from '../core/actor.ts';
import { type JsonObject, type StoredVersion, buildAppV2, readAppExport, readVersionDefinition } from '../core/app-definition.ts';
import { DomainError } from '../core/errors.ts';
import type { Services } from '../core/services.ts';
import { TOOLJET_COMPATIBLE_VERSION, checkImportableVersion } from '../core/tooljet-version.ts';
import { fromJson, toIso } from '../db/rows.ts';
import type { AppRow, AppVersionRow } from '../db/schema.ts';
import { type DesiredWorkspace, changedFolderId, folderKey, folderLabel } from './desired.ts';
import { differences, sortedKeys } from './plan-fields.ts';
import type { Change, FieldChange } from './plan.ts';
import type { AppConfig } from './schema.ts';
import type { Location, Problem } from './source.ts';
import type { FolderState, WorkspaceState } from './state.ts';

/**
 * Apps in the file, by name: folder (a path in the app folder tree), description, and the
 * definition, the text of a ToolJet export file (usually `${file:payroll.json}`). The plan
 * compares definitions by a digest of their versions, ids and timestamps aside, and shows
 * only that one changes; the export file itself is kept beside the changes for the apply.
 */

export interface AppState {
  id: string;
  description: string;
  /** The folder's path, null at the top level. */
  folder: string[] | null;
  /** `definitionDigest` of its versions. */
  definitionDigest: string;
}

/** An export file as the app-transfer service imports it. */
interface DefinitionFile {
  tooljetVersion: string;
  app: unknown;
}

/** The export files of the changes that set a definition, keyed by the change's `fields` list. */
const DEFINITIONS = new WeakMap<FieldChange[], DefinitionFile>();

/**
 * A digest of an export file's `app` list: of each version's name and definition, with the
 * versions' ids numbered in their order and the app's own fields (id, name, dates) left out,
 * so an app exported and imported elsewhere has the digest of the file it came from.
 */
export function definitionDigest(app: unknown): string {
  let next = 0;
  const { versions } = readAppExport(app, () => `version-${next++}`);
  const canonical = sortedKeys(versions.map((version) => ({ name: version.name, definition: version.definition })));
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/** The workspace's apps by name (the oldest of a name several share), with their definitions' digests. */
export function appsOf(
  rows: ReadonlyArray<Pick<AppRow, 'id' | 'name' | 'description' | 'folder_id'>>, versions: readonly AppVersionRow[], folders: ReadonlyMap<string, FolderState>,
): Map<string, AppState> {
  const paths = new Map([...folders.values()].map((folder) => [folder.id, folder.path]));
  const versionsOf = new Map<string, StoredVersion[]>();
  for (const row of versions) {
    versionsOf.set(row.app_id, [...(versionsOf.get(row.app_id) ?? []), {
      id: row.id, name: row.name, createdAt: toIso(row.created_at), updatedAt: toIso(row.updated_at), definition: readVersionDefinition(fromJson(row.definition)),
    }]);
  }
  const result = new Map<string, AppState>();
  for (const row of rows) {
    if (result.has(row.name)) continue;
    const appV2 = buildAppV2({ id: row.id, name: row.name, slug: row.id, organizationId: '', createdAt: '', updatedAt: '' }, versionsOf.get(row.id) ?? []);
    result.set(row.name, {
      id: row.id, description: row.description, folder: row.folder_id === null ? null : paths.get(row.folder_id) ?? null,
      definitionDigest: definitionDigest([{ definition: { appV2 } }]),
    });
  }
  return result;
}

/** Apps to create, update and (when the workspace prunes apps) delete. */
export function planApps(desired: DesiredWorkspace, current: WorkspaceState, problems: Problem[]): Array<Omit<Change, 'workspace'>> {
  const changes: Array<Omit<Change, 'workspace'>> = [];
  const folderStays = (path: string[]) => {
    const key = folderKey({ type: 'app', path });
    return desired.folders.has(key) || (!desired.prune.has('folders') && current.folders.has(key));
  };
  for (const [name, { config, at }] of desired.apps) {
    const folder = config.folder === undefined || config.folder === null ? config.folder : config.folder.split('/');
    if (folder && !folderStays(folder)) {
      problems.push({ message: `app "${name}" is in folder ${folderLabel({ type: 'app', path: folder })}, which neither exists nor is declared under folders`, at });
    }
    if ((current.objects.app.get(name)?.length ?? 0) > 1) {
      problems.push({ message: `more than one app is named "${name}"; rename or delete the others before describing it in the file`, at });
    }
    const file = config.definition === undefined ? undefined : readDefinition(name, config.definition, at, problems);
    const existing = current.apps.get(name);
    const digest = file && (!existing || existing.definitionDigest !== file.digest)
      ? [{ field: 'definition', digest: { ...(existing ? { from: existing.definitionDigest } : {}), to: file.digest } }]
      : [];
    const fields = existing
      ? [...differences({ folder: existing.folder, description: existing.description }, { folder, description: config.description }), ...digest]
      : [...Object.entries({ folder, description: config.description }).filter(([, value]) => value !== undefined).map(([field, to]) => ({ field, to })), ...digest];
    if (existing && fields.length === 0) continue;
    if (file && digest.length > 0) DEFINITIONS.set(fields, file.definition);
    changes.push({ kind: existing ? 'update' : 'create', object: 'app', key: name, fields, at });
  }
  if (desired.prune.has('apps')) {
    for (const name of current.objects.app.keys()) {
      if (!desired.apps.has(name)) changes.push({ kind: 'delete', object: 'app', key: name, fields: [] });
    }
  }
  return changes;
}

/** The export file a definition's text holds, and its digest; a problem (and undefined) when it is not one this server imports. */
function readDefinition(name: string, text: string, at: Location | undefined, problems: Problem[]): { definition: DefinitionFile; digest: string } | undefined {
  const fail = (reason: string) => {
    problems.push({ message: `the definition of app "${name}" ${reason}`, at });
    return undefined;
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return fail('is not JSON: give the text of a ToolJet export file, such as ${file:app.json}');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return fail('is not a ToolJet export file (an object with app and tooljet_version)');
  const { app, tooljet_version: tooljetVersion } = parsed as JsonObject;
  if (typeof tooljetVersion !== 'string') return fail('has no tooljet_version');
  try {
    checkImportableVersion(tooljetVersion);
    return { definition: { tooljetVersion, app }, digest: definitionDigest(app) };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return fail(`cannot be imported: ${error.message}`);
  }
}

/** Deletes the apps the plan prunes: every app of each name, before their folders go. */
export async function deleteApps(services: Services, actor: Actor, current: WorkspaceState, changes: readonly Change[]): Promise<void> {
  for (const change of changes) {
    for (const id of current.objects.app.get(change.key) ?? []) await services.apps.delete(actor, id);
  }
}

/**
 * Creates apps (through the import of their export file, or empty) and updates them, once
 * their folders exist; returns the ids of those created, by name. Local work has no person
 * to own a new app, so the workspace's oldest active admin does, as for ToolJet's imports.
 */
export async function applyApps(
  services: Services, actor: Actor, current: WorkspaceState, changes: readonly Change[], folderIds: ReadonlyMap<string, string>,
): Promise<Map<string, string>> {
  const created = new Map<string, string>();
  for (const change of changes) {
    const folderId = changedFolderId(change.fields, 'app', folderIds);
    const description = change.fields.find((item) => item.field === 'description')?.to as string | undefined;
    const file = DEFINITIONS.get(change.fields);
    if (change.kind === 'create') {
      const input = { tooljetVersion: file?.tooljetVersion ?? TOOLJET_COMPATIBLE_VERSION, app: file?.app, appName: change.key, folderId: folderId ?? undefined };
      const made = isLocalWork(actor) ? await services.appTransfers.import(actor.workspaceId, input) : await services.appTransfers.importApp(actor, input);
      if (description) await services.apps.update(actor, made.id, { description });
      created.set(change.key, made.id);
      continue;
    }
    const id = current.apps.get(change.key)!.id;
    if (folderId !== undefined || description !== undefined) await services.apps.update(actor, id, { folderId, description });
    if (file) await services.appTransfers.replaceVersions(actor, id, file);
  }
  return created;
}

/**
 * Apps as file entries, sorted by name. `definitionFiles` names, by app name, the file each
 * app's definition is written to (relative to the exported file); apps it leaves out are
 * exported without a definition, which an apply then leaves as it is. A name several apps share
 * cannot name one of them, so those apps are left out.
 */
export function exportApps(workspace: WorkspaceState, definitionFiles: ReadonlyMap<string, string>, literal: <T>(value: T) => T): Record<string, AppConfig> {
  const named = [...workspace.apps.keys()].filter((name) => workspace.objects.app.get(name)?.length === 1).sort();
  return Object.fromEntries(named.map((name) => {
    const app = workspace.apps.get(name)!;
    const file = definitionFiles.get(name);
    return [name, {
      folder: app.folder === null ? null : literal(app.folder.join('/')), description: literal(app.description),
      ...(file === undefined ? {} : { definition: `\${file:${file}}` }),
    }];
  }));
}

/**
 * A file name for each app's definition, `apps/<workspace>/<app>.json` in lower case with `-`
 * for other characters, none of those in `taken` (which gets the names given).
 */
export function definitionFileNames(workspace: string, apps: readonly string[], taken: Set<string>): Map<string, string> {
  const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'app';
  return new Map(apps.map((name) => {
    const base = `apps/${slug(workspace)}/${slug(name)}`;
    let file = `${base}.json`;
    for (let index = 2; taken.has(file); index += 1) file = `${base}-${index}.json`;
    taken.add(file);
    return [name, file];
  }));
}
