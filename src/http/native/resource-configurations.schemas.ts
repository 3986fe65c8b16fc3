import { Type } from 'typebox';
import { Uuid } from './common.schemas.ts';
import { Options, SecretValue, Secrets } from './resources.schemas.ts';

export const ResourceConfiguration = Type.Object(
  {
    resourceId: Uuid('The resource configured.'),
    environmentId: Uuid('The environment the configuration applies in.'),
    environmentName: Type.String({ description: 'The name of the environment.' }),
    hasOwnConfiguration: Type.Boolean({
      description: 'Whether the environment has a configuration of its own for the resource; false means the resource\'s own options and secrets apply as they are.',
    }),
    options: Type.Unsafe<Record<string, unknown>>({
      type: 'object', additionalProperties: true,
      description: 'The effective options: the resource\'s own, with the environment\'s merged over them (top-level keys; the environment\'s win).',
    }),
    environmentOptions: Type.Unsafe<Record<string, unknown>>({
      type: 'object', additionalProperties: true,
      description: 'The environment\'s own options, as stored ({} without a configuration).',
    }),
    secretNames: Type.Array(Type.String(), { description: 'Names of the effective secrets, sorted. Secret values are write-only.' }),
    secretSources: Type.Unsafe<Record<string, 'environment' | 'resource'>>({
      type: 'object',
      additionalProperties: { type: 'string', enum: ['environment', 'resource'] },
      description: 'Where each effective secret comes from, by name: `environment` when the environment sets it, else `resource`.',
    }),
    createdAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'When the environment\'s own configuration was created; null without one.' }),
    updatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'When the environment\'s own configuration last changed; null without one.' }),
  },
  { description: 'What a resource uses in one environment. Secret values never appear.' },
);

export const ResourceConfigurationList = Type.Object(
  { data: Type.Array(ResourceConfiguration, { description: 'The resource\'s effective configuration in each environment of the workspace, oldest environment first.' }) },
  { description: 'The resource\'s configurations, one per environment.' },
);

export const ResourceConfigurationBody = Type.Object(
  {
    options: Type.Optional(Type.Unsafe<Record<string, unknown>>({
      ...Options,
      description: 'Options for this environment (host, database, base URL, ...), replacing its earlier ones; merged over the resource\'s own when read.',
    })),
    secrets: Type.Optional(Secrets<string | null>(
      { anyOf: [SecretValue, { type: 'null' }] },
      'Secrets to set for this environment, by name; a null value removes one (the resource\'s own secret of that name then applies). Secrets not named are kept. Encrypted at rest and never returned.',
    )),
  },
  {
    description: 'The environment\'s own configuration of the resource. `options` replaces the environment\'s options when given '
      + '(they are merged over the resource\'s own when read); fields left out keep their value.',
  },
);

export const ResourceConfigurationParams = Type.Object({
  resourceId: Uuid('The unique identifier of the resource.'),
  environmentId: Uuid('The unique identifier of the environment.'),
});
