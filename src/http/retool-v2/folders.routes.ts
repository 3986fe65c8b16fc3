import { invalidInput } from '../../core/errors.ts';
import type { FolderType } from '../../core/folder.service.ts';
import { ok, wholeList } from './envelope.ts';
import { FolderIds, presentFolder, presentFolders, rootFolder } from './folders.mapper.ts';
import { FolderCreateBody, FolderEnvelope, FolderListEnvelope, FolderParams, FolderPatchedFields } from './folders.schemas.ts';
import { PatchBody, applyPatch, checkPatched } from './json-patch.ts';
import type { RetoolApp, RetoolContext } from './retool-v2-app.ts';

export function foldersRoutes(app: RetoolApp, { services }: RetoolContext, ids: FolderIds): void {
  const { folders, retool } = services;

  app.get('/folders', { config: { scope: 'folders:read' }, schema: { response: { 200: FolderListEnvelope } } }, async (request) =>
    wholeList(await presentFolders(services, ids, request.actor, await folders.list(request.actor))));

  app.get('/folders/:folderId', { config: { scope: 'folders:read' }, schema: { params: FolderParams, response: { 200: FolderEnvelope } } }, async (request) => {
    const resolved = await ids.resolve(request.actor, request.params.folderId);
    if (resolved.root) {
      return ok(rootFolder(request.params.folderId, resolved.folderType, await retool.workspaceCreatedAt(request.actor)));
    }
    return ok(await presentFolder(services, ids, request.actor, resolved.folder));
  });

  app.post('/folders', { config: { scope: 'folders:write' }, schema: { body: FolderCreateBody, response: { 200: FolderEnvelope } } }, async (request) => {
    const { name, folder_type: type, parent_folder_id: parentId } = request.body;
    if (type === 'agent' || type === 'library') throw invalidInput('folder_type', `${type} folders are not supported; use app, resource or workflow`);
    const folderType = type as FolderType;
    const parentFolderId = await ids.parentOf(request.actor, parentId, folderType, 'parent_folder_id');
    const folder = await folders.create(request.actor, { name, folderType, parentFolderId });
    return ok(await presentFolder(services, ids, request.actor, folder));
  });

  app.patch('/folders/:folderId', {
    config: { scope: 'folders:write' }, schema: { params: FolderParams, body: PatchBody, response: { 200: FolderEnvelope } },
  }, async (request) => {
    const resolved = await ids.resolve(request.actor, request.params.folderId);
    if (resolved.root) throw invalidInput('folderId', 'a root folder cannot be changed');
    const current = await presentFolder(services, ids, request.actor, resolved.folder);
    const patched = applyPatch(current, request.body.operations, ['name', 'parent_folder_id']);
    checkPatched(FolderPatchedFields, { name: patched.name, parent_folder_id: patched.parent_folder_id });
    const parentFolderId = patched.parent_folder_id === current.parent_folder_id
      ? undefined
      : await ids.parentOf(request.actor, patched.parent_folder_id as string | null, resolved.folder.folderType, 'parent_folder_id');
    const folder = await folders.update(request.actor, resolved.folder.id, { name: patched.name as string, parentFolderId });
    return ok(await presentFolder(services, ids, request.actor, folder));
  });

  app.delete('/folders/:folderId', { config: { scope: 'folders:write' }, schema: { params: FolderParams } }, async (request, reply) => {
    const resolved = await ids.resolve(request.actor, request.params.folderId);
    if (resolved.root) throw invalidInput('folderId', 'a root folder cannot be deleted');
    await folders.delete(request.actor, resolved.folder.id);
    reply.code(204);
    return null;
  });
}
