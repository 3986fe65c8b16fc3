import { Type } from 'typebox';
import { Timestamp, Uuid } from './common.schemas.ts';

const SECRET_NAME = '^[A-Za-z0-9_.-]{1,100}$';

export const Options = Type.Unsafe<Record<string, unknown>>({
  type: 'object',
  additionalProperties: true,
  maxProperties: 200,
  description: 'Connection settings that are not secret (host, port, database, base URL, ...). Returned as stored.',
});

export function Secrets<T>(valueSchema: object, description: string) {
  return Type.Unsafe<Record<string, T>>({
    type: 'object',
    propertyNames: { pattern: SECRET_NAME },
    additionalProperties: valueSchema,
    maxProperties: 100,
    description,
  });
}

export const SecretValue = { type: 'string', maxLength: 65_536 };

export const Resource = Type.Object(
  {
    id: Type.String({ description: 'The unique identifier for the resource.' }),
    name: Type.String({ description: 'The name of the resource, unique in the workspace.' }),
    type: Type.String({ description: 'The type of resource (e.g., postgresql, mysql, restapi, mongodb, snowflake, googlesheets, etc.).' }),
    displayName: Type.String({ description: 'The human-readable display name of the resource type.' }),
    folderId: Type.Optional(Type.String({ description: 'The resource folder containing this resource; absent at the top level.' })),
    options: Options,
    secretNames: Type.Array(Type.String(), { description: 'Names of the secrets set on this resource. Secret values are write-only.' }),
    createdAt: Timestamp('Timestamp when the resource was created.'),
    updatedAt: Timestamp('Timestamp when the resource was last updated.'),
  },
  { description: 'A data source resource connection.' },
);

export const ResourceList = Type.Object(
  { data: Type.Array(Resource, { description: 'Array of resource objects.' }) },
  { description: 'List of data source resources.' },
);

const ResourceName = (description: string) => Type.String({ minLength: 1, maxLength: 255, description });

export const ResourceCreateBody = Type.Object(
  {
    name: ResourceName('The name of the resource, unique in the workspace.'),
    type: Type.String({ minLength: 1, maxLength: 100, description: 'The type of resource, such as postgresql or restapi.' }),
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'Display name of the type; derived from `type` when absent.' })),
    folderId: Type.Optional(Uuid('The resource folder to place the resource in.')),
    options: Type.Optional(Options),
    secrets: Type.Optional(Secrets<string>(SecretValue, 'Secret values (passwords, API keys) by name. Encrypted at rest and never returned.')),
  },
  { description: 'Request body for creating a resource.' },
);

export const ResourceUpdateBody = Type.Object(
  {
    name: Type.Optional(ResourceName('The new name of the resource.')),
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'The new display name.' })),
    folderId: Type.Optional(Type.Union([Uuid('Move into this resource folder.'), Type.Null()], {
      description: 'Move into this resource folder; null moves the resource to the top level.',
    })),
    options: Type.Optional(Options),
    secrets: Type.Optional(Secrets<string | null>(
      { anyOf: [SecretValue, { type: 'null' }] },
      'Secrets to set, by name; a null value removes that secret. Secrets not named are kept.',
    )),
  },
  { description: 'Request body for updating a resource; fields left out keep their value.' },
);

export const ResourceIdParams = Type.Object({ resourceId: Uuid('The unique identifier of the resource.') });
