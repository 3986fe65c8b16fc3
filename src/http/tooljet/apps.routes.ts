import { Type } from 'typebox';
import type { TransferApp } from '../../core/app-transfer.service.ts';
import {
  AppExportFile, AppExportParams, AppExportQuery, AppImportBody, AppImported, TooljetAppSummary, WorkspaceAppsParams,
} from './apps.schemas.ts';
import type { TooljetApp, TooljetContext } from './tooljet-app.ts';

/** Export files of large apps run to megabytes; every other request stays within 1 MiB. */
const IMPORT_BODY_LIMIT = 32 * 1024 * 1024;

function toTooljetApp({ workspaceId, ...app }: TransferApp) {
  return { ...app, organizationId: workspaceId };
}

export function appsRoutes(app: TooljetApp, { services: { appTransfers } }: TooljetContext): void {
  app.get('/workspace/:id/apps', {
    schema: { params: WorkspaceAppsParams, response: { 200: Type.Array(TooljetAppSummary) } },
  }, async (request) => (await appTransfers.list(request.params.id)).map(toTooljetApp));

  app.post('/export/workspace/:id/apps/:appId', {
    schema: { params: AppExportParams, querystring: AppExportQuery, response: { 201: AppExportFile } },
  }, async (request, reply) => {
    const { appVersion, exportAllVersions } = request.query;
    const file = await appTransfers.export(request.params.id, request.params.appId, { allVersions: exportAllVersions, versionName: appVersion });
    return reply.code(201).send(file);
  });

  app.post('/import/workspace/:id/apps', {
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: { params: WorkspaceAppsParams, body: AppImportBody, response: { 201: AppImported } },
  }, async (request, reply) => {
    const { tooljet_version: tooljetVersion, app: file, appName } = request.body;
    await appTransfers.import(request.params.id, { tooljetVersion, app: file, appName });
    return reply.code(201).send({ message: `App imported successfully into workspace ${request.params.id}` });
  });
}
