import type { Actor } from '../../core/actor.ts';
import type { Resource } from '../../core/resource.service.ts';
import type { Services } from '../../core/services.ts';
import { ok, wholeList } from './envelope.ts';
import type { FolderIds } from './folders.mapper.ts';
import { PatchBody, applyPatch, checkPatched } from './json-patch.ts';
import { secretChanges, splitSecrets } from './resource-secrets.ts';
import { ResourceCreateBody, ResourceEnvelope, ResourceListEnvelope, ResourceParams, ResourcePatchedFields } from './resources.schemas.ts';
import type { RetoolApp, RetoolContext } from './retool-v2-app.ts';

/** Retool's resource; `protected` (source-control protection) is always false in Toolplane. */
export function presentResource(resource: Resource) {
  return {
    id: resource.id,
    type: resource.type,
    display_name: resource.displayName,
    protected: false,
    created_at: resource.createdAt,
    updated_at: resource.updatedAt,
  };
}

/** The Retool folder id of a resource's folder: its own, or the resource root. */
async function folderIdOf(ids: FolderIds, actor: Actor, services: Services, resource: Resource): Promise<string> {
  if (resource.folderId === null) return ids.rootId(actor, 'resource');
  const folder = await services.folders.get(actor, resource.folderId);
  return (await ids.idsOf([folder])).get(folder.id)!;
}

export function resourcesRoutes(app: RetoolApp, { services }: RetoolContext, ids: FolderIds): void {
  const { resources } = services;

  app.get('/resources', { config: { scope: 'resources:read' }, schema: { response: { 200: ResourceListEnvelope } } }, async (request) =>
    wholeList((await resources.list(request.actor)).map(presentResource)));

  app.get('/resources/:resourceId', { config: { scope: 'resources:read' }, schema: { params: ResourceParams, response: { 200: ResourceEnvelope } } }, async (request) =>
    ok(presentResource(await resources.get(request.actor, request.params.resourceId))));

  // A resource's name in Toolplane is its display name: Retool's API v2 names resources by id only.
  app.post('/resources', { config: { scope: 'resources:write' }, schema: { body: ResourceCreateBody, response: { 200: ResourceEnvelope } } }, async (request) => {
    const { type, display_name: displayName, options, folder_id: folderId } = request.body;
    const { options: plain, secrets } = splitSecrets(options);
    const resource = await resources.create(request.actor, {
      name: displayName, type, displayName, options: plain, secrets,
      folderId: await ids.parentOf(request.actor, folderId, 'resource', 'folder_id'),
    });
    return ok(presentResource(resource));
  });

  app.patch('/resources/:resourceId', {
    config: { scope: 'resources:write' }, schema: { params: ResourceParams, body: PatchBody, response: { 200: ResourceEnvelope } },
  }, async (request) => {
    const current = await resources.get(request.actor, request.params.resourceId);
    const document = { display_name: current.displayName, folder_id: await folderIdOf(ids, request.actor, services, current), options: current.options };
    const patched = applyPatch(document, request.body.operations, ['display_name', 'folder_id', 'options']);
    checkPatched(ResourcePatchedFields, { display_name: patched.display_name, folder_id: patched.folder_id });
    const optionsChanged = JSON.stringify(patched.options) !== JSON.stringify(current.options);
    const split = optionsChanged ? splitSecrets((patched.options ?? {}) as Record<string, unknown>) : undefined;
    const updated = await resources.update(request.actor, current.id, {
      name: patched.display_name === current.displayName ? undefined : patched.display_name as string,
      displayName: patched.display_name as string,
      folderId: patched.folder_id === document.folder_id
        ? undefined
        : await ids.parentOf(request.actor, patched.folder_id as string | null, 'resource', 'folder_id'),
      options: split?.options,
      secrets: split ? secretChanges(current.secretNames, split.secrets, split.kept) : undefined,
    });
    return ok(presentResource(updated));
  });

  app.delete('/resources/:resourceId', { config: { scope: 'resources:write' }, schema: { params: ResourceParams } }, async (request, reply) => {
    await resources.delete(request.actor, request.params.resourceId);
    reply.code(204);
    return null;
  });
}
