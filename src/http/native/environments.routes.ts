import type { Services } from '../../core/services.ts';
import { NoContent, errorResponses } from './common.schemas.ts';
import { Environment, EnvironmentCreateBody, EnvironmentIdParams, EnvironmentList, EnvironmentUpdateBody } from './environments.schemas.ts';
import type { NativeApp } from './native-app.ts';

const tags = ['Environments'];

export function environmentsRoutes(app: NativeApp, { environments }: Services): void {
  app.get('/environments', {
    config: { scope: 'environments:read' },
    schema: {
      operationId: 'listEnvironments', summary: 'List Environments', tags,
      response: { 200: EnvironmentList, ...errorResponses() },
    },
  }, async (request) => ({ data: await environments.list(request.actor) }));

  app.post('/environments', {
    config: { scope: 'environments:write' },
    schema: {
      operationId: 'createEnvironment', summary: 'Create Environment', tags,
      description: 'Creates an environment. Names are unique in the workspace (409 `environment_name_taken`); '
        + 'with `isDefault: true` it replaces the current default.',
      body: EnvironmentCreateBody,
      response: { 201: Environment, ...errorResponses(409) },
    },
  }, async (request, reply) => {
    reply.code(201);
    return await environments.create(request.actor, request.body);
  });

  app.get('/environments/:environmentId', {
    config: { scope: 'environments:read' },
    schema: {
      operationId: 'getEnvironment', summary: 'Get Environment', tags,
      params: EnvironmentIdParams,
      response: { 200: Environment, ...errorResponses(404) },
    },
  }, async (request) => environments.get(request.actor, request.params.environmentId));

  app.patch('/environments/:environmentId', {
    config: { scope: 'environments:write' },
    schema: {
      operationId: 'updateEnvironment', summary: 'Update Environment', tags,
      description: 'Changes name, description or colour, or makes the environment the default (the previous default stops being one). '
        + '`isDefault: false` on the default is a 400 `environment_default_required`.',
      params: EnvironmentIdParams,
      body: EnvironmentUpdateBody,
      response: { 200: Environment, ...errorResponses(404, 409) },
    },
  }, async (request) => environments.update(request.actor, request.params.environmentId, request.body));

  app.delete('/environments/:environmentId', {
    config: { scope: 'environments:write' },
    schema: {
      operationId: 'deleteEnvironment', summary: 'Delete Environment', tags,
      description: 'Deletes the environment and every resource configuration made for it. The default environment cannot be deleted (409 `environment_is_default`).',
      params: EnvironmentIdParams,
      response: { 204: NoContent, ...errorResponses(404, 409) },
    },
  }, async (request, reply) => {
    await environments.delete(request.actor, request.params.environmentId);
    reply.code(204);
    return null;
  });
}
