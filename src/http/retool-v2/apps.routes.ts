import { Type } from 'typebox';
import type { Actor } from '../../core/actor.ts';
import type { App } from '../../core/app.service.ts';
import type { Services } from '../../core/services.ts';
import { Envelope, ListEnvelope, ok, wholeList } from './envelope.ts';
import type { FolderIds } from './folders.mapper.ts';
import type { RetoolApp, RetoolContext } from './retool-v2-app.ts';

const RetoolAppSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  folder_id: Type.String(),
  protected: Type.Boolean(),
  synced: Type.Boolean(),
  shortlink: Type.Union([Type.String(), Type.Null()]),
  is_module: Type.Boolean(),
  is_mobile_app: Type.Boolean(),
  created_at: Type.String(),
  updated_at: Type.String(),
  release_version: Type.String(),
});

const AppParams = Type.Object({ appId: Type.String({ maxLength: 100 }) });
/** A list is read whole, this many apps at a time. */
const APPS_BATCH = 500;

/**
 * Retool's app over Toolplane's: no source-control protection or sync, no shortlink, no
 * modules or mobile apps, no published release (`release_version` is empty).
 */
async function presentApps(services: Services, ids: FolderIds, actor: Actor, apps: readonly App[]) {
  const folders = await Promise.all([...new Set(apps.flatMap((app) => (app.folderId ? [app.folderId] : [])))]
    .map((id) => services.folders.get(actor, id)));
  const [folderIds, root] = await Promise.all([ids.idsOf(folders), ids.rootId(actor, 'app')]);
  return apps.map((app) => ({
    id: app.id,
    name: app.name,
    description: app.description,
    folder_id: app.folderId ? folderIds.get(app.folderId)! : root,
    protected: false,
    synced: false,
    shortlink: null,
    is_module: false,
    is_mobile_app: false,
    created_at: app.createdAt,
    updated_at: app.updatedAt,
    release_version: '',
  }));
}

export function appsRoutes(app: RetoolApp, { services }: RetoolContext, ids: FolderIds): void {
  const { apps } = services;

  app.get('/apps', { config: { scope: 'apps:read' }, schema: { response: { 200: ListEnvelope(RetoolAppSchema) } } }, async (request) => {
    const all: App[] = [];
    for (let page = 1; ; page += 1) {
      const { items } = await apps.list(request.actor, { page, pageSize: APPS_BATCH });
      all.push(...items);
      if (items.length < APPS_BATCH) break;
    }
    return wholeList(await presentApps(services, ids, request.actor, all));
  });

  app.get('/apps/:appId', { config: { scope: 'apps:read' }, schema: { params: AppParams, response: { 200: Envelope(RetoolAppSchema) } } }, async (request) => {
    const [presented] = await presentApps(services, ids, request.actor, [await apps.get(request.actor, request.params.appId)]);
    return ok(presented!);
  });

  app.delete('/apps/:appId', { config: { scope: 'apps:write' }, schema: { params: AppParams } }, async (request, reply) => {
    await apps.delete(request.actor, request.params.appId);
    reply.code(204);
    return null;
  });
}
