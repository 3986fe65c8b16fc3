import type { App as CoreApp } from '../../core/app.service.ts';
import type { Services } from '../../core/services.ts';
import { App, AppCreateBody, AppIdParams, AppUpdateBody, MAX_APP_RESOURCES } from './apps.schemas.ts';
import { NoContent, PageOf, PageQuery, errorResponses } from './common.schemas.ts';
import { type NativeApp, pageRequest, toPageBody } from './native-app.ts';

const tags = ['Apps'];
/** The resources an app lists: a builder needs `use` on each. */
const APP_RESOURCES = { field: 'resources', type: 'resource', maxItems: MAX_APP_RESOURCES } as const;

export function toNativeApp(app: CoreApp) {
  return { ...app, folderId: app.folderId ?? undefined };
}

export function appsRoutes(app: NativeApp, { apps }: Services): void {
  app.get('/apps', {
    config: { scope: 'apps:read' },
    schema: {
      operationId: 'listApps', summary: 'List Apps', tags,
      querystring: PageQuery,
      response: { 200: PageOf(App, 'Paginated list of apps.'), ...errorResponses() },
    },
  }, async (request) => {
    const page = pageRequest(request.query);
    return toPageBody(await apps.list(request.actor, page), page, toNativeApp);
  });

  app.post('/apps', {
    config: { scope: 'apps:write', object: { type: 'app', creates: true, folderField: 'folderId', uses: APP_RESOURCES } },
    schema: {
      operationId: 'createApp', summary: 'Create App', tags,
      description: 'Creates an app. Its folder must be an app folder of the workspace; `createdBy` is the token user\'s email.',
      body: AppCreateBody,
      response: { 201: App, ...errorResponses() },
    },
  }, async (request, reply) => {
    reply.code(201);
    return toNativeApp(await apps.create(request.actor, request.body));
  });

  app.get('/apps/:appId', {
    config: { scope: 'apps:read' },
    schema: {
      operationId: 'getApp', summary: 'Get App', tags,
      params: AppIdParams,
      response: { 200: App, ...errorResponses(404) },
    },
  }, async (request) => toNativeApp(await apps.get(request.actor, request.params.appId)));

  app.put('/apps/:appId', {
    config: { scope: 'apps:write', object: { type: 'app', param: 'appId', folderField: 'folderId', uses: APP_RESOURCES } },
    schema: {
      operationId: 'updateApp', summary: 'Update App', tags,
      description: 'Changes the fields given. The audit event lists only the fields whose value changed; a request that changes nothing records none.',
      params: AppIdParams,
      body: AppUpdateBody,
      response: { 200: App, ...errorResponses(404) },
    },
  }, async (request) => toNativeApp(await apps.update(request.actor, request.params.appId, request.body)));

  app.delete('/apps/:appId', {
    config: { scope: 'apps:write', object: { type: 'app', param: 'appId' } },
    schema: {
      operationId: 'deleteApp', summary: 'Delete App', tags,
      params: AppIdParams,
      response: { 204: NoContent, ...errorResponses(404) },
    },
  }, async (request, reply) => {
    await apps.delete(request.actor, request.params.appId);
    reply.code(204);
    return null;
  });
}
