import type { Services } from '../../core/services.ts';
import { NoContent, errorResponses } from './common.schemas.ts';
import type { NativeApp } from './native-app.ts';
import {
  ResourceConfiguration, ResourceConfigurationBody, ResourceConfigurationList, ResourceConfigurationParams,
} from './resource-configurations.schemas.ts';
import { ResourceIdParams } from './resources.schemas.ts';

const tags = ['Resources'];

/** A resource's per-environment options and secrets, under the resource's path. */
export function resourceConfigurationsRoutes(app: NativeApp, { resourceConfigurations }: Services): void {
  app.get('/resources/:resourceId/configurations', {
    config: { scope: 'resources:read' },
    schema: {
      operationId: 'listResourceConfigurations', summary: 'List Resource Configurations', tags,
      description: 'The resource\'s effective configuration in every environment of the workspace.',
      params: ResourceIdParams,
      response: { 200: ResourceConfigurationList, ...errorResponses(404) },
    },
  }, async (request) => ({ data: await resourceConfigurations.list(request.actor, request.params.resourceId) }));

  app.get('/resources/:resourceId/configurations/:environmentId', {
    config: { scope: 'resources:read' },
    schema: {
      operationId: 'getResourceConfiguration', summary: 'Get Resource Configuration', tags,
      description: 'The resource\'s effective configuration in the environment: options merged over the resource\'s own, '
        + 'and the names of the secrets with where each comes from. Secret values never appear.',
      params: ResourceConfigurationParams,
      response: { 200: ResourceConfiguration, ...errorResponses(404) },
    },
  }, async (request) => resourceConfigurations.get(request.actor, request.params.resourceId, request.params.environmentId));

  app.put('/resources/:resourceId/configurations/:environmentId', {
    config: { scope: 'resources:write', object: { type: 'resource', param: 'resourceId', level: 'edit' } },
    schema: {
      operationId: 'putResourceConfiguration', summary: 'Set Resource Configuration', tags,
      description: 'Creates (201) or changes (200) the environment\'s own configuration of the resource. '
        + '`secrets` are encrypted with AES-256-GCM and never returned; only their names are.',
      params: ResourceConfigurationParams,
      body: ResourceConfigurationBody,
      response: { 200: ResourceConfiguration, 201: ResourceConfiguration, ...errorResponses(404) },
    },
  }, async (request, reply) => {
    const { configuration, created } = await resourceConfigurations.put(
      request.actor, request.params.resourceId, request.params.environmentId, request.body,
    );
    reply.code(created ? 201 : 200);
    return configuration;
  });

  app.delete('/resources/:resourceId/configurations/:environmentId', {
    config: { scope: 'resources:write', object: { type: 'resource', param: 'resourceId', level: 'edit' } },
    schema: {
      operationId: 'deleteResourceConfiguration', summary: 'Delete Resource Configuration', tags,
      description: 'Removes the environment\'s own configuration; the resource\'s own options and secrets then apply there. '
        + '404 `resource_configuration_not_found` when it has none.',
      params: ResourceConfigurationParams,
      response: { 204: NoContent, ...errorResponses(404) },
    },
  }, async (request, reply) => {
    await resourceConfigurations.delete(request.actor, request.params.resourceId, request.params.environmentId);
    reply.code(204);
    return null;
  });
}
