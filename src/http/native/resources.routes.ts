import type { Resource as CoreResource } from '../../core/resource.service.ts';
import type { Services } from '../../core/services.ts';
import { NoContent, errorResponses } from './common.schemas.ts';
import type { NativeApp } from './native-app.ts';
import { Resource, ResourceCreateBody, ResourceIdParams, ResourceList, ResourceUpdateBody } from './resources.schemas.ts';

const tags = ['Resources'];

function toNativeResource(resource: CoreResource) {
  return { ...resource, folderId: resource.folderId ?? undefined };
}

export function resourcesRoutes(app: NativeApp, { resources }: Services): void {
  app.get('/resources', {
    config: { scope: 'resources:read' },
    schema: {
      operationId: 'listResources', summary: 'List Resources', tags,
      response: { 200: ResourceList, ...errorResponses() },
    },
  }, async (request) => ({ data: (await resources.list(request.actor)).map(toNativeResource) }));

  app.post('/resources', {
    config: { scope: 'resources:write', object: { type: 'resource', creates: true, folderField: 'folderId' } },
    schema: {
      operationId: 'createResource', summary: 'Create Resource', tags,
      description: 'Creates a resource. `secrets` are encrypted with AES-256-GCM and never returned; only their names are.',
      body: ResourceCreateBody,
      response: { 201: Resource, ...errorResponses(409) },
    },
  }, async (request, reply) => {
    reply.code(201);
    return toNativeResource(await resources.create(request.actor, request.body));
  });

  app.get('/resources/:resourceId', {
    config: { scope: 'resources:read' },
    schema: {
      operationId: 'getResource', summary: 'Get Resource', tags,
      params: ResourceIdParams,
      response: { 200: Resource, ...errorResponses(404) },
    },
  }, async (request) => toNativeResource(await resources.get(request.actor, request.params.resourceId)));

  app.put('/resources/:resourceId', {
    config: { scope: 'resources:write', object: { type: 'resource', param: 'resourceId', folderField: 'folderId' } },
    schema: {
      operationId: 'updateResource', summary: 'Update Resource', tags,
      description: 'Changes the fields given; a secret set to null is removed. The audit event lists the fields whose value changed and '
        + 'the names of the secrets set or removed, never their values; a request that changes nothing records none.',
      params: ResourceIdParams,
      body: ResourceUpdateBody,
      response: { 200: Resource, ...errorResponses(404, 409) },
    },
  }, async (request) => toNativeResource(await resources.update(request.actor, request.params.resourceId, request.body)));

  app.delete('/resources/:resourceId', {
    config: { scope: 'resources:write', object: { type: 'resource', param: 'resourceId' } },
    schema: {
      operationId: 'deleteResource', summary: 'Delete Resource', tags,
      description: 'Deletes a resource no app uses; one still in use is a 409 `resource_in_use`.',
      params: ResourceIdParams,
      response: { 204: NoContent, ...errorResponses(404, 409) },
    },
  }, async (request, reply) => {
    await resources.delete(request.actor, request.params.resourceId);
    reply.code(204);
    return null;
  });
}
