import type { Actor } from '../core/actor.ts';
import type { Services } from '../core/services.ts';
import type { DesiredWorkspace } from './desired.ts';
import { differences } from './plan-fields.ts';
import type { Change } from './plan.ts';
import { type ResourceState, type SecretCheck, keepSecretValues, secretFieldsOf, secretInput } from './resources.ts';
import type { Problem } from './source.ts';
import type { WorkspaceState } from './state.ts';

/**
 * A resource's configurations of its own per environment (`environments:` under a resource):
 * options over the resource's, and secrets, compared and applied as the resource's are.
 * Environments a resource entry leaves out keep their configurations.
 */
export function planResourceConfigurations(
  desired: DesiredWorkspace, current: WorkspaceState, problems: Problem[], secretCheck: SecretCheck,
): Array<Omit<Change, 'workspace'>> {
  const changes: Array<Omit<Change, 'workspace'>> = [];
  const environmentStays = (name: string) => desired.environments.has(name) || (!desired.prune.has('environments') && current.environments.has(name));
  for (const [resource, { config, at }] of desired.resources) {
    const existing = current.resources.get(resource);
    for (const [environment, configuration] of Object.entries(config.environments ?? {})) {
      if (!environmentStays(environment)) {
        problems.push({ message: `resource "${resource}" has a configuration for environment "${environment}", which neither exists nor is declared under environments`, at });
        continue;
      }
      const own = existing?.configurations.get(environment);
      const sealed = own?.sealedSecrets ?? {};
      const secrets = configuration.secrets;
      const secretFields = secrets === undefined ? []
        : secretFieldsOf(secrets, sealed, own ? secretCheck({ resourceId: existing!.id, environmentId: own.environmentId }, sealed, secrets) : Object.keys(secrets));
      const fields = own
        ? [...differences({ options: own.options }, { options: configuration.options }), ...secretFields]
        : [...(configuration.options === undefined ? [] : [{ field: 'options', to: configuration.options }]), ...secretFields];
      if (own && fields.length === 0) continue;
      if (secrets) keepSecretValues(fields, secrets);
      changes.push({
        kind: own ? 'update' : 'create', object: 'resourceConfiguration', key: `${resource} in ${environment}`,
        configuration: { resource, environment }, fields, at,
      });
    }
  }
  return changes;
}

/** Makes the configurations once resources and environments exist (`resourceIds`: those the apply created). */
export async function applyResourceConfigurations(
  services: Services, actor: Actor, current: WorkspaceState, changes: readonly Change[], resourceIds: ReadonlyMap<string, string>,
): Promise<void> {
  if (changes.length === 0) return;
  const environmentIds = new Map((await services.environments.list(actor)).map((environment) => [environment.name, environment.id]));
  for (const change of changes) {
    const { resource, environment } = change.configuration!;
    const options = change.fields.find((item) => item.field === 'options')?.to as Record<string, unknown> | undefined;
    const secrets = secretInput(change);
    await services.resourceConfigurations.put(actor, resourceIds.get(resource) ?? current.resources.get(resource)!.id, environmentIds.get(environment)!, {
      options, ...(Object.keys(secrets).length > 0 ? { secrets } : {}),
    });
  }
}

/** A resource's configurations as file entries, by environment name; secrets as references named by `variable`. */
export function exportConfigurations(
  resource: ResourceState, variable: (environment: string, secret: string) => string, literal: <T>(value: T) => T,
): Record<string, { options: Record<string, unknown>; secrets?: Record<string, string> }> {
  return Object.fromEntries([...resource.configurations].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([environment, own]) => {
    const secrets = Object.fromEntries(Object.keys(own.sealedSecrets).sort().map((secret) => [secret, `\${env:${variable(environment, secret)}}`]));
    return [environment, { options: literal(own.options), ...(Object.keys(secrets).length > 0 ? { secrets } : {}) }];
  }));
}
