import { randomUUID } from 'node:crypto';
import type { AppWithCreator } from '../db/app.repository.ts';
import { fromJson, toIso, toJson } from '../db/rows.ts';
import type { Repositories, Store } from '../db/store.ts';
import type { Actor } from './actor.ts';
import { changedFields, isEmpty, recordAudit } from './audit.ts';
import { EMPTY_DEFINITION, INITIAL_VERSION_NAME } from './app-definition.ts';
import { invalidInput, notFound } from './errors.ts';
import { requireFolder } from './folder.service.ts';
import { storedUuid } from './ids.ts';
import { type Page, type PageRequest, offsetOf } from './pagination.ts';
import { grantCreatorOwnership } from './creator-grants.ts';

export interface App {
  id: string;
  name: string;
  description: string;
  folderId: string | null;
  /** Email of the user who created the app. */
  createdBy: string;
  /** Ids of the resources the app uses. */
  resources: string[];
  createdAt: string;
  updatedAt: string;
}

/** One version of an app, without its definition. */
export interface AppVersion {
  id: string;
  name: string;
  createdAt: string;
}

export interface AppCreateInput {
  name: string;
  description?: string;
  folderId?: string | null;
  resources?: string[];
}

export type AppUpdateInput = Partial<AppCreateInput>;

export class AppService {
  constructor(private readonly store: Store) {}

  list(actor: Actor, request: PageRequest): Promise<Page<App>> {
    return this.store.read(async (repos) => {
      const [rows, total] = await Promise.all([
        repos.apps.list(actor.workspaceId, offsetOf(request), request.pageSize),
        repos.apps.count(actor.workspaceId),
      ]);
      return { items: await withResources(repos, rows), total };
    });
  }

  /** An `appId` of any shape is taken: one that names no app of the workspace is a 404 `app_not_found`. */
  get(actor: Actor, appId: string): Promise<App> {
    return this.store.read((repos) => loadApp(repos, actor.workspaceId, appIdOf(appId)));
  }

  /** The app's versions without their definitions, oldest first; an id naming no app of the workspace is a 404. */
  listVersions(actor: Actor, givenId: string): Promise<AppVersion[]> {
    return this.store.read(async (repos) => {
      const appId = appIdOf(givenId);
      await loadApp(repos, actor.workspaceId, appId);
      const rows = await repos.appVersions.summariesOf(appId);
      return rows.map((row) => ({ id: row.id, name: row.name, createdAt: toIso(row.created_at) }));
    });
  }

  /**
   * The app's folder must be an app folder of the workspace; its resources must be the
   * workspace's. The app starts with one empty version, v1, created in the same transaction.
   */
  create(actor: Actor, input: AppCreateInput): Promise<App> {
    return this.store.write(async (repos) => {
      await checkReferences(repos, actor.workspaceId, input);
      return insertApp(repos, actor, input, { name: INITIAL_VERSION_NAME, definition: toJson(EMPTY_DEFINITION) }, {});
    });
  }

  /**
   * A copy of the app named `name`, in `folderId` (an app folder of the workspace) or at the
   * top level: its description, its resources, and its newest version (name and definition)
   * as the copy's only version. The copy is new in every other way: its id, its creator
   * (the actor) and its grants (a creator's, as for `create`). One transaction.
   */
  clone(actor: Actor, givenId: string, input: { name: string; folderId?: string | null }): Promise<App> {
    return this.store.write(async (repos) => {
      const source = await loadApp(repos, actor.workspaceId, appIdOf(givenId));
      const copied = { name: input.name, description: source.description, folderId: input.folderId ?? null, resources: source.resources };
      await checkReferences(repos, actor.workspaceId, copied);
      const newest = await repos.appVersions.getNewest(source.id);
      const version = newest ? { name: newest.name, definition: toJson(fromJson(newest.definition)) } : { name: INITIAL_VERSION_NAME, definition: toJson(EMPTY_DEFINITION) };
      return insertApp(repos, actor, copied, version, { clonedFrom: source.id });
    });
  }

  /**
   * Changes only the fields given; `folderId: null` moves the app to the top level. An
   * update that changes no field's value records no audit event.
   */
  update(actor: Actor, givenId: string, input: AppUpdateInput): Promise<App> {
    return this.store.write(async (repos) => {
      const appId = appIdOf(givenId);
      const before = await loadApp(repos, actor.workspaceId, appId);
      await checkReferences(repos, actor.workspaceId, input);
      await repos.apps.update(appId, {
        name: input.name,
        description: input.description,
        folder_id: input.folderId,
        updated_at: new Date().toISOString(),
      });
      if (input.resources) await repos.apps.setResources(appId, unique(input.resources));
      const after = await loadApp(repos, actor.workspaceId, appId);
      const changes = changedFields(
        { ...before, resources: [...before.resources].sort() },
        { name: input.name, description: input.description, folderId: input.folderId, resources: input.resources && [...after.resources].sort() },
      );
      if (!isEmpty(changes)) {
        await recordAudit(repos, { action: 'app.updated', target: { type: 'app', id: appId }, workspaceId: actor.workspaceId, changes });
      }
      return after;
    });
  }

  delete(actor: Actor, givenId: string): Promise<void> {
    return this.store.write(async (repos) => {
      const appId = appIdOf(givenId);
      await loadApp(repos, actor.workspaceId, appId);
      await repos.apps.delete(appId);
      await recordAudit(repos, { action: 'app.deleted', target: { type: 'app', id: appId }, workspaceId: actor.workspaceId });
    });
  }
}

/**
 * Stores a new app of the actor's workspace with one version, the creator's grants and its
 * `app.created` event (`extra` joins the event's changes). References are checked already.
 */
async function insertApp(
  repos: Repositories, actor: Actor, input: AppCreateInput, version: { name: string; definition: string }, extra: Record<string, unknown>,
): Promise<App> {
  const id = randomUUID();
  const at = new Date().toISOString();
  await repos.apps.create({
    id, workspace_id: actor.workspaceId, name: input.name, description: input.description ?? '',
    folder_id: input.folderId ?? null, slug: id, created_by: actor.userId, created_at: at, updated_at: at,
  });
  await repos.appVersions.create([{ id: randomUUID(), app_id: id, name: version.name, definition: version.definition, created_at: at, updated_at: at }]);
  if (input.resources) await repos.apps.setResources(id, unique(input.resources));
  await grantCreatorOwnership(repos, actor, { type: 'app', id }, at);
  const app = await loadApp(repos, actor.workspaceId, id);
  await recordAudit(repos, {
    action: 'app.created', target: { type: 'app', id }, workspaceId: actor.workspaceId,
    changes: { name: app.name, description: app.description, folderId: app.folderId, resources: app.resources, ...extra },
  });
  return app;
}

async function checkReferences(repos: Repositories, workspaceId: string, input: AppUpdateInput): Promise<void> {
  if (input.folderId) await requireFolder(repos, workspaceId, input.folderId, 'app', 'folderId');
  if (input.resources) {
    // Share locks keep the resources from being deleted before this transaction commits.
    const known = await repos.resources.existingIds(workspaceId, unique(input.resources), 'share');
    const missing = input.resources.find((id) => !known.has(id));
    if (missing) throw invalidInput('resources', `no resource with id ${missing} in this workspace`, 'invalid_reference');
  }
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}

/** The stored id of the app `appId` names; an id no app can have is a 404 `app_not_found`. */
function appIdOf(appId: string): string {
  const id = storedUuid(appId);
  if (id === null) throw notFound('app', appId);
  return id;
}

/** The app of the workspace with its resources; one naming none is a 404 `app_not_found`. */
export async function loadApp(repos: Repositories, workspaceId: string, appId: string): Promise<App> {
  const row = await repos.apps.get(workspaceId, appId);
  if (!row) throw notFound('app', appId);
  const [app] = await withResources(repos, [row]);
  return app!;
}

async function withResources(repos: Repositories, rows: AppWithCreator[]): Promise<App[]> {
  const resources = await repos.apps.resourceIdsOf(rows.map((row) => row.id));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    description: row.description,
    folderId: row.folder_id,
    createdBy: row.created_by_email,
    resources: resources.get(row.id) ?? [],
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  }));
}
