import { randomUUID } from 'node:crypto';
import type { AppVersionSummary } from '../db/app-version.repository.ts';
import { fromJson, toIso, toJson } from '../db/rows.ts';
import type { AppRow, AppVersionRow } from '../db/schema.ts';
import type { Repositories, Store } from '../db/store.ts';
import {
  EMPTY_DEFINITION, INITIAL_VERSION_NAME, type ImportedVersion, type JsonObject, buildAppV2, readAppExport, readVersionDefinition,
} from './app-definition.ts';
import type { Actor } from './actor.ts';
import { type App, loadApp } from './app.service.ts';
import { recordAudit } from './audit.ts';
import { grantCreatorOwnership } from './creator-grants.ts';
import { requireFolder } from './folder.service.ts';
import { DomainError, conflict, invalidInput, notFound } from './errors.ts';
import { storedUuid } from './ids.ts';
import { TOOLJET_COMPATIBLE_VERSION, checkImportableVersion } from './tooljet-version.ts';

export interface AppVersionSummaryView {
  id: string;
  name: string;
  createdAt: string;
}

/** An app as ToolJet lists it: its own fields and its versions, oldest first. */
export interface TransferApp {
  id: string;
  name: string;
  slug: string;
  workspaceId: string;
  createdAt: string;
  versions: AppVersionSummaryView[];
}

/** Which versions an export holds: all, one by name, or (neither given) the newest. */
export interface ExportSelection {
  allVersions?: boolean;
  versionName?: string;
}

/** A ToolJet export file, which is also what an import reads. */
export interface AppExportFile {
  app: [{ definition: { appV2: JsonObject } }];
  tooljet_version: string;
}

export interface AppImportInput {
  /** The ToolJet release the file was exported from; required. */
  tooljetVersion?: string;
  /** The export file's `app` list; without it the app is created empty. */
  app?: unknown;
  /** The new app's name; defaults to the file's `appV2.name`. */
  appName?: string;
  /** The app folder of the workspace to put the new app in; the top level without it. */
  folderId?: string;
}

const MAX_NAME_LENGTH = 255;

/**
 * Apps moving in and out of a workspace as ToolJet export files. The workspace is named by
 * the caller rather than resolved by authentication, so an unknown workspace, app or version
 * is bad input (ToolJet answers 400), not a missing resource.
 */
export class AppTransferService {
  constructor(private readonly store: Store) {}

  list(workspaceId: string): Promise<TransferApp[]> {
    return this.store.read(async (repos) => {
      await requireWorkspace(repos, workspaceId);
      const [apps, versions] = await Promise.all([repos.apps.listAll(workspaceId), repos.appVersions.listSummaries(workspaceId)]);
      const versionsOf = groupByApp(versions);
      return apps.map((app) => ({
        id: app.id, name: app.name, slug: app.slug, workspaceId: app.workspace_id, createdAt: toIso(app.created_at),
        versions: versionsOf.get(app.id) ?? [],
      }));
    });
  }

  /**
   * The app as an export file holding the selected versions. `allVersions` wins over a
   * version name. An app without versions (made before versions existed) exports none.
   * An export changes nothing, but takes the app's definitions out of the instance, so it
   * is recorded (`app.exported`), in a write transaction of its own.
   */
  export(workspaceId: string, appId: string, selection: ExportSelection = {}): Promise<AppExportFile> {
    return this.store.write(async (repos) => {
      await requireWorkspace(repos, workspaceId);
      const app = await repos.apps.get(workspaceId, appId);
      if (!app) throw new DomainError('invalid_input', 'app_not_found', `No app with id ${appId} in workspace ${workspaceId}`, 'appId');
      return exportFile(repos, app, selection);
    });
  }

  /**
   * The same export of an app of the actor's workspace, for the native API: an id naming no
   * app there is a 404 `app_not_found`, a version name naming none a 400 `app_version_not_found`.
   */
  exportApp(actor: Actor, appId: string, selection: ExportSelection = {}): Promise<AppExportFile> {
    return this.store.write(async (repos) => {
      const id = storedUuid(appId);
      const app = id === null ? undefined : await repos.apps.get(actor.workspaceId, id);
      if (!app) throw notFound('app', appId);
      return exportFile(repos, app, selection);
    });
  }

  /**
   * Creates an app from an export file, or an empty app with one version when only a name is
   * given. The app and its versions get new ids (the slug is the app's id), references to the
   * file's version ids are rewritten to the new ones, and the workspace's oldest active admin
   * becomes the creator. Names are unique per workspace here (a taken one is a conflict,
   * `app_name_taken`). One transaction: a refused import creates nothing.
   */
  import(workspaceId: string, input: AppImportInput): Promise<{ id: string; name: string }> {
    return this.importInto(workspaceId, input, {
      async creator(repos) {
        const creator = await repos.appVersions.oldestActiveAdmin(workspaceId);
        if (!creator) {
          throw new DomainError('invalid_input', 'no_active_admin', `Workspace ${workspaceId} has no active admin to own the imported app`);
        }
        return creator;
      },
      granted: async () => undefined,
    }).then(({ id, name }) => ({ id, name }));
  }

  /**
   * The same import into the actor's workspace, for the native API: the actor is the app's
   * creator (a builder's session is granted `own` on it, as on an app they create), and the
   * answer is the new app as the native API shows it.
   */
  importApp(actor: Actor, input: AppImportInput): Promise<App> {
    return this.importInto(actor.workspaceId, input, {
      creator: async () => actor.userId,
      granted: (repos, id, at) => grantCreatorOwnership(repos, actor, { type: 'app', id }, at),
    });
  }

  /**
   * Replaces every version of an app of the actor's workspace with the export file's (new
   * ids, the file's order as their creation order), keeping the app itself: its id, name,
   * folder, creator and grants. One transaction: a refused file changes nothing. Recorded as
   * `app.versions_replaced` with the old and new version names.
   */
  replaceVersions(actor: Actor, appId: string, input: Pick<AppImportInput, 'tooljetVersion' | 'app'>): Promise<void> {
    checkImportableVersion(input.tooljetVersion);
    const imported = readAppExport(input.app, randomUUID);
    return this.store.write(async (repos) => {
      const app = await loadApp(repos, actor.workspaceId, appId);
      const before = await repos.appVersions.summariesOf(app.id);
      await repos.appVersions.deleteOf(app.id);
      await repos.appVersions.create(versionRows(app.id, imported.versions, Date.now()));
      await recordAudit(repos, {
        action: 'app.versions_replaced', target: { type: 'app', id: app.id }, workspaceId: actor.workspaceId,
        changes: { versions: { from: before.map((version) => version.name), to: imported.versions.map((version) => version.name) } },
      });
    });
  }

  private importInto(workspaceId: string, input: AppImportInput, owner: ImportOwner): Promise<App> {
    checkImportableVersion(input.tooljetVersion);
    if (input.app === undefined && input.appName === undefined) {
      throw invalidInput('app', 'give the exported app, or an appName to create an empty app');
    }
    const imported = input.app === undefined ? null : readAppExport(input.app, randomUUID);
    const name = checkName(input.appName ?? imported?.name, input.appName === undefined ? 'app[0].definition.appV2.name' : 'appName');
    const versions = imported?.versions ?? [{ id: randomUUID(), name: INITIAL_VERSION_NAME, definition: EMPTY_DEFINITION }];

    // No index makes names unique (the native API allows repeats), so a concurrent import of
    // the same name is held back by the workspace lock until this one ends, then sees it taken.
    return this.store.write(async (repos) => {
      await requireWorkspace(repos, workspaceId);
      await repos.workspaces.lock(workspaceId);
      if (await repos.apps.nameTaken(workspaceId, name)) {
        throw conflict('app_name_taken', `The app name "${name}" is already taken in workspace ${workspaceId}`, 'appName');
      }
      if (input.folderId) await requireFolder(repos, workspaceId, input.folderId, 'app', 'folderId');
      const creator = await owner.creator(repos);
      const id = randomUUID();
      const start = Date.now();
      const at = new Date(start).toISOString();
      await repos.apps.create({
        id, workspace_id: workspaceId, name, description: '', folder_id: input.folderId ?? null, slug: id, created_by: creator, created_at: at, updated_at: at,
      });
      await repos.appVersions.create(versionRows(id, versions, start));
      await owner.granted(repos, id, at);
      await recordAudit(repos, {
        action: 'app.imported', target: { type: 'app', id }, workspaceId,
        changes: { name, versions: versions.map((version) => version.name) },
      });
      return loadApp(repos, workspaceId, id);
    });
  }
}

/** Who owns an imported app: its creator, and what they are granted on it in the importing transaction. */
interface ImportOwner {
  creator(repos: Repositories): Promise<string>;
  granted(repos: Repositories, appId: string, at: string): Promise<void>;
}

/** Rows of an app's versions, a millisecond apart from `start`, so the file's order is their creation order and its last is the newest. */
function versionRows(appId: string, versions: ImportedVersion[], start: number) {
  return versions.map((version, index) => {
    const created = new Date(start + index).toISOString();
    return { id: version.id, app_id: appId, name: version.name, definition: toJson(version.definition), created_at: created, updated_at: created };
  });
}

/** The export file of the app holding the selected versions, recorded as `app.exported`. */
async function exportFile(repos: Repositories, app: AppRow, selection: ExportSelection): Promise<AppExportFile> {
  const versions = await selectVersions(repos, app, selection);
  const appV2 = buildAppV2(
    {
      id: app.id, name: app.name, slug: app.slug, organizationId: app.workspace_id,
      createdAt: toIso(app.created_at), updatedAt: toIso(app.updated_at),
    },
    versions.map((version) => ({
      id: version.id, name: version.name, createdAt: toIso(version.created_at), updatedAt: toIso(version.updated_at),
      definition: readVersionDefinition(fromJson(version.definition)),
    })),
  );
  await recordAudit(repos, {
    action: 'app.exported', target: { type: 'app', id: app.id }, workspaceId: app.workspace_id,
    changes: { versions: versions.map((version) => version.name) },
  });
  return { app: [{ definition: { appV2 } }], tooljet_version: TOOLJET_COMPATIBLE_VERSION };
}

async function requireWorkspace(repos: Repositories, workspaceId: string): Promise<void> {
  if (!(await repos.workspaces.get(workspaceId))) {
    throw new DomainError('invalid_input', 'workspace_not_found', `No workspace with id ${workspaceId}`, 'id');
  }
}

async function selectVersions(repos: Repositories, app: AppRow, selection: ExportSelection): Promise<AppVersionRow[]> {
  if (selection.allVersions) return repos.appVersions.list(app.id);
  if (selection.versionName !== undefined) {
    // No stored name holds NUL (neither database can), and PostgreSQL refuses it in a query.
    const version = selection.versionName.includes('\u0000') ? undefined : await repos.appVersions.getByName(app.id, selection.versionName);
    if (!version) {
      throw new DomainError('invalid_input', 'app_version_not_found', `App ${app.id} has no version named "${selection.versionName}"`, 'appVersion');
    }
    return [version];
  }
  const newest = await repos.appVersions.getNewest(app.id);
  return newest ? [newest] : [];
}

function checkName(name: unknown, field: string): string {
  if (typeof name !== 'string' || name.trim() === '' || name.length > MAX_NAME_LENGTH) {
    throw invalidInput(field, `the app's name must be a non-empty string of at most ${MAX_NAME_LENGTH} characters`);
  }
  return name;
}

function groupByApp(versions: AppVersionSummary[]): Map<string, AppVersionSummaryView[]> {
  const result = new Map<string, AppVersionSummaryView[]>();
  for (const version of versions) {
    const list = result.get(version.app_id) ?? [];
    list.push({ id: version.id, name: version.name, createdAt: toIso(version.created_at) });
    result.set(version.app_id, list);
  }
  return result;
}
