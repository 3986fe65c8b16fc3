import type { Actor } from '../../core/actor.ts';
import { DomainError, conflict, notFound } from '../../core/errors.ts';
import type { ResourceConfiguration } from '../../core/resource-configuration.service.ts';
import type { Services } from '../../core/services.ts';
import { ok, wholeList } from './envelope.ts';
import { presentEnvironment } from './environments.routes.ts';
import { PatchBody, applyPatch, checkPatched } from './json-patch.ts';
import { secretChanges, splitSecrets, withSealedPlaceholders } from './resource-secrets.ts';
import { presentResource } from './resources.routes.ts';
import {
  ConfigurationCreateBody, ConfigurationEnvelope, ConfigurationListEnvelope, ConfigurationParams, ConfigurationPatchedFields,
  ConfigurationsQuery,
} from './resources.schemas.ts';
import type { RetoolApp, RetoolContext } from './retool-v2-app.ts';

/** The environment's own secrets of a configuration (not those it takes from the resource). */
function ownSecretNames(configuration: ResourceConfiguration): string[] {
  return configuration.secretNames.filter((name) => configuration.secretSources[name] === 'environment');
}

/**
 * Retool's resource configuration: the environment's own options, its secrets as sealed
 * placeholders. Retool adds `authentication_options: {authentication_type: "none"}` to a
 * REST API configuration that names none, and so does Toolplane.
 */
async function presentConfigurations(services: Services, actor: Actor, configurations: readonly ResourceConfiguration[]) {
  return Promise.all(configurations.map(async (configuration) => {
    const [resource, environment, ids] = await Promise.all([
      services.resources.get(actor, configuration.resourceId),
      services.environments.get(actor, configuration.environmentId),
      services.retool.configurationIds(configuration.resourceId, [configuration.environmentId]),
    ]);
    const options = withSealedPlaceholders(configuration.environmentOptions, ownSecretNames(configuration));
    if (resource.type === 'restapi' && options.authentication_options === undefined) {
      options.authentication_options = { authentication_type: 'none' };
    }
    return {
      id: ids.get(configuration.environmentId)!,
      resource: presentResource(resource),
      environment: presentEnvironment(environment),
      options,
      created_at: configuration.createdAt!,
      updated_at: configuration.updatedAt!,
    };
  }));
}

async function presentConfiguration(services: Services, actor: Actor, configuration: ResourceConfiguration) {
  const [presented] = await presentConfigurations(services, actor, [configuration]);
  return presented!;
}

/** The configuration an id names, when the environment still has one of its own for the resource; 404 otherwise. */
async function loadConfiguration(services: Services, actor: Actor, id: string): Promise<ResourceConfiguration> {
  const pair = await services.retool.configurationOf(id);
  if (!pair) throw notFound('resource_configuration', id);
  let configuration: ResourceConfiguration;
  try {
    configuration = await services.resourceConfigurations.get(actor, pair.resourceId, pair.environmentId);
  } catch (error) {
    // A resource or environment of another workspace names nothing here either.
    if (error instanceof DomainError && error.kind === 'not_found') throw notFound('resource_configuration', id);
    throw error;
  }
  if (!configuration.hasOwnConfiguration) throw notFound('resource_configuration', id);
  return configuration;
}

export function resourceConfigurationsRoutes(app: RetoolApp, { services }: RetoolContext): void {
  const { resourceConfigurations, resources } = services;

  app.get('/resource_configurations', {
    config: { scope: 'resources:read' }, schema: { querystring: ConfigurationsQuery, response: { 200: ConfigurationListEnvelope } },
  }, async (request) => {
    const { resource_id: resourceId, environment_id: environmentId } = request.query;
    const resourceIds = resourceId ? [(await resources.get(request.actor, resourceId)).id] : (await resources.list(request.actor)).map((resource) => resource.id);
    const configurations = (await Promise.all(resourceIds.map((id) => resourceConfigurations.list(request.actor, id)))).flat()
      .filter((configuration) => configuration.hasOwnConfiguration && (!environmentId || configuration.environmentId === environmentId));
    return wholeList(await presentConfigurations(services, request.actor, configurations));
  });

  app.get('/resource_configurations/:configurationId', {
    config: { scope: 'resources:read' }, schema: { params: ConfigurationParams, response: { 200: ConfigurationEnvelope } },
  }, async (request) => ok(await presentConfiguration(services, request.actor, await loadConfiguration(services, request.actor, request.params.configurationId))));

  app.post('/resource_configurations', {
    config: { scope: 'resources:write' }, schema: { body: ConfigurationCreateBody, response: { 200: ConfigurationEnvelope } },
  }, async (request) => {
    const { resource_id: resourceId, environment_id: environmentId, options } = request.body;
    const { options: plain, secrets } = splitSecrets(options);
    const configuration = await services.unitOfWork.run(async () => {
      const existing = await resourceConfigurations.get(request.actor, resourceId, environmentId);
      if (existing.hasOwnConfiguration) {
        throw conflict('resource_configuration_exists', `Resource ${resourceId} already has a configuration for environment ${environmentId}`);
      }
      return (await resourceConfigurations.put(request.actor, resourceId, environmentId, { options: plain, secrets })).configuration;
    });
    return ok(await presentConfiguration(services, request.actor, configuration));
  });

  app.patch('/resource_configurations/:configurationId', {
    config: { scope: 'resources:write' }, schema: { params: ConfigurationParams, body: PatchBody, response: { 200: ConfigurationEnvelope } },
  }, async (request) => {
    const current = await loadConfiguration(services, request.actor, request.params.configurationId);
    const document = { options: withSealedPlaceholders(current.environmentOptions, ownSecretNames(current)) };
    const patched = applyPatch(document, request.body.operations, ['options']);
    checkPatched(ConfigurationPatchedFields, patched);
    const split = splitSecrets(patched.options as Record<string, unknown>);
    const { configuration } = await resourceConfigurations.put(request.actor, current.resourceId, current.environmentId, {
      options: split.options, secrets: secretChanges(ownSecretNames(current), split.secrets, split.kept),
    });
    return ok(await presentConfiguration(services, request.actor, configuration));
  });

  app.delete('/resource_configurations/:configurationId', {
    config: { scope: 'resources:write' }, schema: { params: ConfigurationParams },
  }, async (request, reply) => {
    const current = await loadConfiguration(services, request.actor, request.params.configurationId);
    await resourceConfigurations.delete(request.actor, current.resourceId, current.environmentId);
    reply.code(204);
    return null;
  });
}
