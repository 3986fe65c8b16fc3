import type { Folder as CoreFolder } from '../../core/folder.service.ts';
import type { Services } from '../../core/services.ts';
import { NoContent, errorResponses } from './common.schemas.ts';
import { Folder, FolderCreateBody, FolderIdParams, FolderList, FolderQuery, FolderUpdateBody } from './folders.schemas.ts';
import type { NativeApp } from './native-app.ts';

const tags = ['Folders'];

function toNativeFolder(folder: CoreFolder) {
  return { ...folder, parentFolderId: folder.parentFolderId ?? undefined };
}

export function foldersRoutes(app: NativeApp, { folders }: Services): void {
  app.get('/folders', {
    config: { scope: 'folders:read' },
    schema: {
      operationId: 'listFolders', summary: 'List Folders', tags,
      querystring: FolderQuery,
      response: { 200: FolderList, ...errorResponses() },
    },
  }, async (request) => ({ data: (await folders.list(request.actor, request.query.folderType)).map(toNativeFolder) }));

  app.post('/folders', {
    config: { scope: 'folders:write', object: { type: 'folder', creates: true, folderField: 'parentFolderId' } },
    schema: {
      operationId: 'createFolder', summary: 'Create Folder', tags,
      description: 'Creates a folder. A folder nests only inside a folder of the same type.',
      body: FolderCreateBody,
      response: { 201: Folder, ...errorResponses(409) },
    },
  }, async (request, reply) => {
    reply.code(201);
    return toNativeFolder(await folders.create(request.actor, request.body));
  });

  app.get('/folders/:folderId', {
    config: { scope: 'folders:read' },
    schema: {
      operationId: 'getFolder', summary: 'Get Folder', tags,
      params: FolderIdParams,
      response: { 200: Folder, ...errorResponses(404) },
    },
  }, async (request) => toNativeFolder(await folders.get(request.actor, request.params.folderId)));

  app.put('/folders/:folderId', {
    config: { scope: 'folders:write', object: { type: 'folder', param: 'folderId', folderField: 'parentFolderId' } },
    schema: {
      operationId: 'updateFolder', summary: 'Update Folder', tags,
      description: 'Renames or moves a folder. Moving a folder inside itself or its subfolders is refused (400 `folder_cycle`).'
        + ' The current name and parent change nothing and record no audit event.',
      params: FolderIdParams,
      body: FolderUpdateBody,
      response: { 200: Folder, ...errorResponses(404, 409) },
    },
  }, async (request) => toNativeFolder(await folders.update(request.actor, request.params.folderId, request.body)));

  app.delete('/folders/:folderId', {
    config: { scope: 'folders:write', object: { type: 'folder', param: 'folderId' } },
    schema: {
      operationId: 'deleteFolder', summary: 'Delete Folder', tags,
      description: 'Deletes an empty folder; a folder with subfolders, apps or resources is a 409 `folder_not_empty`.',
      params: FolderIdParams,
      response: { 204: NoContent, ...errorResponses(404, 409) },
    },
  }, async (request, reply) => {
    await folders.delete(request.actor, request.params.folderId);
    reply.code(204);
    return null;
  });
}
