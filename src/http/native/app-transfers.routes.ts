import type { Services } from '../../core/services.ts';
import { AppExportFile, AppExportQuery, AppImportBody, AppVersionList } from './app-transfers.schemas.ts';
import { App, AppIdParams } from './apps.schemas.ts';
import { toNativeApp } from './apps.routes.ts';
import { errorResponses } from './common.schemas.ts';
import type { NativeApp } from './native-app.ts';

const tags = ['Apps'];
/** Export files of large apps run to megabytes; every other request stays within 1 MiB. */
const IMPORT_BODY_LIMIT = 32 * 1024 * 1024;

/** An app's versions, and apps moving in and out of the workspace as ToolJet export files. */
export function appTransfersRoutes(app: NativeApp, { apps, appTransfers }: Services): void {
  app.get('/apps/:appId/versions', {
    config: { scope: 'apps:read' },
    schema: {
      operationId: 'listAppVersions', summary: 'List App Versions', tags,
      params: AppIdParams,
      response: { 200: AppVersionList, ...errorResponses(404) },
    },
  }, async (request) => ({ data: await apps.listVersions(request.actor, request.params.appId) }));

  app.post('/apps/:appId/export', {
    config: { scope: 'apps:read' },
    schema: {
      operationId: 'exportApp', summary: 'Export App', tags,
      description: 'The app as a ToolJet export file, with its newest version, the version named by `appVersion` '
        + '(400 `app_version_not_found` when it has none of that name), or all of them. It changes nothing but is recorded (`app.exported`).',
      params: AppIdParams,
      querystring: AppExportQuery,
      response: { 200: AppExportFile, ...errorResponses(404) },
    },
  }, async (request) => {
    const { appVersion, allVersions } = request.query;
    return appTransfers.exportApp(request.actor, request.params.appId, { allVersions, versionName: appVersion });
  });

  app.post('/apps/import', {
    bodyLimit: IMPORT_BODY_LIMIT,
    config: { scope: 'apps:write', object: { type: 'app', creates: true, folderField: 'folderId' } },
    schema: {
      operationId: 'importApp', summary: 'Import App', tags,
      description: 'Creates an app from a ToolJet export file, at the top level or in the app folder `folderId` (up to 32 MiB), with new ids for the app and its versions. '
        + 'The caller is its creator. A name another app of the workspace has is a 409 `app_name_taken`; '
        + 'a file from a newer ToolJet release than this server reads is a 400.',
      body: AppImportBody,
      response: { 201: App, ...errorResponses(409, 413) },
    },
  }, async (request, reply) => {
    const { tooljet_version: tooljetVersion, app: file, appName, folderId } = request.body;
    reply.code(201);
    return toNativeApp(await appTransfers.importApp(request.actor, { tooljetVersion, app: file, appName, folderId }));
  });
}
