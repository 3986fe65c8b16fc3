import { Type } from 'typebox';
import type { Actor } from '../../core/actor.ts';
import type { App } from '../../core/app.service.ts';
import { Envelope, ListEnvelope, ok, wholeList } from './envelope.ts';
import type { FolderIds } from './folders.mapper.ts';
import { readAll } from './paging.ts';
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

const CloneBody = Type.Object({
  app_id: Type.String({ format: 'uuid' }),
  new_app_name: Type.String({ minLength: 1, maxLength: 255 }),
  folder_id: Type.Optional(Type.String({ maxLength: 100 })),
});

const AppParams = Type.Object({ appId: Type.String({ maxLength: 100 }) });

/**
 * Retool's app over Toolplane's: no source-control protection or sync, no shortlink, no
 * modules or mobile apps, no published release (`release_version` is empty).
 */
async function presentApps(ids: FolderIds, actor: Actor, apps: readonly App[]) {
  const places = await ids.placesOf(actor, 'app', apps.map((app) => app.folderId ?? null));
  return apps.map((app, index) => ({
    id: app.id,
    name: app.name,
    description: app.description,
    folder_id: places[index]!,
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
    const all = await readAll((page) => apps.list(request.actor, page));
    return wholeList(await presentApps(ids, request.actor, all));
  });

  app.get('/apps/:appId', { config: { scope: 'apps:read' }, schema: { params: AppParams, response: { 200: Envelope(RetoolAppSchema) } } }, async (request) => {
    const [presented] = await presentApps(ids, request.actor, [await apps.get(request.actor, request.params.appId)]);
    return ok(presented!);
  });

  // A copy of the app, in the app folder given or the app root.
  app.post('/apps/cloneApp', { config: { scope: 'apps:write' }, schema: { body: CloneBody, response: { 200: Envelope(RetoolAppSchema) } } }, async (request) => {
    const { app_id: appId, new_app_name: name, folder_id: folderId } = request.body;
    const placed = await ids.parentOf(request.actor, folderId, 'app', 'folder_id');
    const [presented] = await presentApps(ids, request.actor, [await apps.clone(request.actor, appId, { name, folderId: placed })]);
    return ok(presented!);
  });

  app.delete('/apps/:appId', { config: { scope: 'apps:write' }, schema: { params: AppParams } }, async (request, reply) => {
    await apps.delete(request.actor, request.params.appId);
    reply.code(204);
    return null;
  });
}
