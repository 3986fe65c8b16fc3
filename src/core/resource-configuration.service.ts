import { fromJson, toIso, toJson } from '../db/rows.ts';
import type { EnvironmentRow, ResourceConfigurationRow, ResourceRow } from '../db/schema.ts';
import type { Store } from '../db/store.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { DomainError } from './errors.ts';
import { loadEnvironment } from './environment.service.ts';
import { type ResourceOptions, differingSealed, loadResource, secretContext } from './resource.service.ts';
import type { SecretBox } from './secrets.ts';

type SealedSecrets = Record<string, string>;

/** Where an effective secret comes from: the environment's own configuration, or the resource. */
export type SecretSource = 'environment' | 'resource';

/**
 * What a resource uses in one environment: its own options with the environment's merged
 * over them (top-level keys; the environment's win), and the names of the secrets it has,
 * each from the environment when set there, else from the resource. Secret values never
 * appear.
 */
export interface ResourceConfiguration {
  resourceId: string;
  environmentId: string;
  environmentName: string;
  /** Whether the environment has a configuration of its own for the resource. */
  hasOwnConfiguration: boolean;
  /** The effective options: the resource's, with the environment's over them. */
  options: ResourceOptions;
  /** The environment's own options ({} without a configuration). */
  environmentOptions: ResourceOptions;
  /** Names of the effective secrets, sorted. */
  secretNames: string[];
  secretSources: Record<string, SecretSource>;
  /** Of the environment's own configuration; null without one. */
  createdAt: string | null;
  updatedAt: string | null;
}

export interface ResourceConfigurationInput {
  /** Replaces the environment's own options when given. */
  options?: ResourceOptions;
  /** Sets each named secret for the environment; null removes one (the resource's own then shows through). Others are kept. */
  secrets?: Record<string, string | null>;
}

/**
 * Per-environment configurations of resources. Secrets are sealed bound to the resource,
 * the environment and the name (`configurationSecretContext`), so a value cannot be moved
 * onto another.
 */
export class ResourceConfigurationService {
  constructor(
    private readonly store: Store,
    private readonly box: SecretBox,
  ) {}

  /** The effective configuration of the resource in every environment of the workspace, oldest environment first. */
  list(actor: Actor, resourceId: string): Promise<ResourceConfiguration[]> {
    return this.store.read(async (repos) => {
      const resource = await loadResource(repos, actor.workspaceId, resourceId);
      const environments = await repos.environments.list(actor.workspaceId);
      const own = new Map((await repos.resourceConfigurations.listForResource(resourceId)).map((row) => [row.environment_id, row]));
      return environments.map((environment) => effective(resource, environment, own.get(environment.id)));
    });
  }

  /** 404 `resource_not_found` or `environment_not_found` when either is not the workspace's. */
  get(actor: Actor, resourceId: string, environmentId: string): Promise<ResourceConfiguration> {
    return this.store.read(async (repos) => {
      const resource = await loadResource(repos, actor.workspaceId, resourceId);
      const environment = await loadEnvironment(repos, actor.workspaceId, environmentId);
      return effective(resource, environment, await repos.resourceConfigurations.get(resourceId, environmentId));
    });
  }

  /**
   * Creates or changes the environment's own configuration of the resource; `created` tells
   * which. The resource and the environment are share-locked, so neither can be deleted
   * underneath.
   */
  put(actor: Actor, resourceId: string, environmentId: string, input: ResourceConfigurationInput): Promise<{ configuration: ResourceConfiguration; created: boolean }> {
    return this.store.write(async (repos) => {
      const resource = await loadResource(repos, actor.workspaceId, resourceId, 'share');
      const environment = await loadEnvironment(repos, actor.workspaceId, environmentId, 'share');
      const current = await repos.resourceConfigurations.get(resourceId, environmentId);
      const at = new Date().toISOString();
      const secrets = this.seal(resourceId, environmentId, current ? fromJson<SealedSecrets>(current.secrets) : {}, input.secrets ?? {});
      if (current) {
        await repos.resourceConfigurations.update(resourceId, environmentId, {
          options: input.options === undefined ? undefined : toJson(input.options),
          secrets: toJson(secrets),
          updated_at: at,
        });
      } else {
        await repos.resourceConfigurations.create({
          resource_id: resourceId, environment_id: environmentId, options: toJson(input.options ?? {}),
          secrets: toJson(secrets), created_at: at, updated_at: at,
        });
      }
      const changedSecrets = Object.entries(input.secrets ?? {});
      await recordAudit(repos, {
        action: current ? 'resource_configuration.updated' : 'resource_configuration.created',
        target: { type: 'resource_configuration', id: `${resourceId}:${environmentId}` },
        workspaceId: actor.workspaceId,
        changes: {
          resourceId, environmentId,
          ...(input.options === undefined ? {} : { options: input.options }),
          ...(changedSecrets.length === 0 ? {} : {
            secretNames: changedSecrets.filter(([, value]) => value !== null).map(([name]) => name).sort(),
            removedSecretNames: changedSecrets.filter(([, value]) => value === null).map(([name]) => name).sort(),
          }),
        },
      });
      const row = await repos.resourceConfigurations.get(resourceId, environmentId);
      return { configuration: effective(resource, environment, row), created: !current };
    });
  }

  /** Removes the environment's own configuration (404 `resource_configuration_not_found` when it has none). */
  delete(actor: Actor, resourceId: string, environmentId: string): Promise<void> {
    return this.store.write(async (repos) => {
      await loadResource(repos, actor.workspaceId, resourceId);
      await loadEnvironment(repos, actor.workspaceId, environmentId);
      if (!(await repos.resourceConfigurations.delete(resourceId, environmentId))) {
        throw new DomainError('not_found', 'resource_configuration_not_found',
          `Resource ${resourceId} has no configuration of its own for environment ${environmentId}`);
      }
      await recordAudit(repos, {
        action: 'resource_configuration.deleted',
        target: { type: 'resource_configuration', id: `${resourceId}:${environmentId}` },
        workspaceId: actor.workspaceId,
        changes: { resourceId, environmentId },
      });
    });
  }

  /** The clear values of the effective secrets in the environment, for code that connects to the data source. */
  revealSecrets(actor: Actor, resourceId: string, environmentId: string): Promise<Record<string, string>> {
    return this.store.read(async (repos) => {
      const resource = await loadResource(repos, actor.workspaceId, resourceId);
      await loadEnvironment(repos, actor.workspaceId, environmentId);
      const own = await repos.resourceConfigurations.get(resourceId, environmentId);
      const clear = new Map<string, string>();
      for (const [name, envelope] of Object.entries(fromJson<SealedSecrets>(resource.secrets))) {
        clear.set(name, this.box.open(envelope, secretContext(resourceId, name)));
      }
      for (const [name, envelope] of Object.entries(own ? fromJson<SealedSecrets>(own.secrets) : {})) {
        clear.set(name, this.box.open(envelope, configurationSecretContext(resourceId, environmentId, name)));
      }
      return Object.fromEntries(clear);
    });
  }

  /** As `ResourceService.differingSecrets`, for the environment's own secrets of the resource. */
  differingSecrets(resourceId: string, environmentId: string, sealed: Record<string, string>, values: Record<string, string>): string[] {
    return differingSealed(this.box, sealed, values, (name) => configurationSecretContext(resourceId, environmentId, name));
  }

  private seal(resourceId: string, environmentId: string, current: SealedSecrets, changes: Record<string, string | null>): SealedSecrets {
    const next = new Map(Object.entries(current));
    for (const [name, value] of Object.entries(changes)) {
      if (value === null) next.delete(name);
      else next.set(name, this.box.seal(value, configurationSecretContext(resourceId, environmentId, name)));
    }
    return Object.fromEntries(next);
  }
}

/** Binds a sealed value to its resource, environment and name, so it cannot be moved to another. */
export function configurationSecretContext(resourceId: string, environmentId: string, name: string): string {
  return `resource:${resourceId}:environment:${environmentId}:secret:${name}`;
}

function effective(resource: ResourceRow, environment: EnvironmentRow, own: ResourceConfigurationRow | undefined): ResourceConfiguration {
  const environmentOptions = own ? fromJson<ResourceOptions>(own.options) : {};
  // A Map, since a secret may be named `__proto__`.
  const secretSources = new Map<string, SecretSource>();
  for (const name of Object.keys(fromJson<SealedSecrets>(resource.secrets))) secretSources.set(name, 'resource');
  for (const name of Object.keys(own ? fromJson<SealedSecrets>(own.secrets) : {})) secretSources.set(name, 'environment');
  const secretNames = [...secretSources.keys()].sort();
  return {
    resourceId: resource.id,
    environmentId: environment.id,
    environmentName: environment.name,
    hasOwnConfiguration: own !== undefined,
    options: { ...fromJson<ResourceOptions>(resource.options), ...environmentOptions },
    environmentOptions,
    secretNames,
    secretSources: Object.fromEntries(secretNames.map((name) => [name, secretSources.get(name)!])),
    createdAt: own ? toIso(own.created_at) : null,
    updatedAt: own ? toIso(own.updated_at) : null,
  };
}
