import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../core/errors.ts';
import {
  type AttributeDefinition, ENTERPRISE_SCHEMA_DEFINITION, GROUP_SCHEMA_DEFINITION, RESOURCE_SCHEMAS, type SchemaDefinition,
  TOOLPLANE_SCHEMA_DEFINITION, USER_SCHEMA_DEFINITION,
} from '../../core/scim/schema.ts';
import { MAX_RESULTS } from './list-query.ts';
import { LIST_RESPONSE_SCHEMA, type ScimApp, type ScimContext } from './scim-app.ts';
import { scimErrorBody } from './errors.ts';

const READ = { scope: 'scim:read' as const };
const SCHEMAS: SchemaDefinition[] = [USER_SCHEMA_DEFINITION, ENTERPRISE_SCHEMA_DEFINITION, TOOLPLANE_SCHEMA_DEFINITION, GROUP_SCHEMA_DEFINITION];
const RESOURCE_TYPES = [
  { id: 'User', endpoint: '/Users', description: 'Members of the workspace.' },
  { id: 'Group', endpoint: '/Groups', description: 'Groups of the workspace.' },
] as const;

/**
 * Discovery (RFC 7644 §4): what this service implements, exactly. `/Bulk` is declared
 * unsupported and answers 501.
 */
export function discoveryRoutes(app: ScimApp, context: ScimContext): void {
  app.get('/ServiceProviderConfig', { config: READ }, async (request) => ({
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_RESULTS },
    changePassword: { supported: false },
    sort: { supported: true },
    etag: { supported: true },
    authenticationSchemes: [{
      type: 'oauthbearertoken', name: 'API token', primary: true,
      description: 'A Toolplane API token with the scim:read and scim:write scopes: Authorization: Bearer <token>.',
    }],
    meta: { resourceType: 'ServiceProviderConfig', location: `${context.baseUrl(request)}/ServiceProviderConfig` },
  }));

  app.get('/ResourceTypes', { config: READ }, async (request) => listOf(RESOURCE_TYPES.map((type) => resourceType(request, context, type))));
  app.get('/ResourceTypes/:name', { config: READ }, async (request) => {
    const { name } = request.params as { name: string };
    const type = RESOURCE_TYPES.find((candidate) => candidate.id.toLowerCase() === name.toLowerCase());
    if (!type) throw new DomainError('not_found', 'resource_type_not_found', `No resource type ${name}`);
    return resourceType(request, context, type);
  });

  app.get('/Schemas', { config: READ }, async (request) => listOf(SCHEMAS.map((schema) => schemaResource(request, context, schema))));
  app.get('/Schemas/:id', { config: READ }, async (request) => {
    const { id } = request.params as { id: string };
    const schema = SCHEMAS.find((candidate) => candidate.id.toLowerCase() === id.toLowerCase() || candidate.name.toLowerCase() === id.toLowerCase());
    if (!schema) throw new DomainError('not_found', 'schema_not_found', `No schema ${id}`);
    return schemaResource(request, context, schema);
  });

  app.post('/Bulk', { config: { scope: 'scim:write' } }, async (_request, reply) =>
    reply.code(501).send(scimErrorBody(501, 'Bulk operations are not supported (see /ServiceProviderConfig)')));
}

function listOf(resources: unknown[]) {
  return { schemas: [LIST_RESPONSE_SCHEMA], totalResults: resources.length, startIndex: 1, itemsPerPage: resources.length, Resources: resources };
}

function resourceType(request: FastifyRequest, context: ScimContext, type: (typeof RESOURCE_TYPES)[number]) {
  const { core, extensions } = RESOURCE_SCHEMAS[type.id];
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
    id: type.id,
    name: type.id,
    endpoint: type.endpoint,
    description: type.description,
    schema: core.id,
    schemaExtensions: extensions.map((extension) => ({ schema: extension.id, required: false })),
    meta: { resourceType: 'ResourceType', location: `${context.baseUrl(request)}/ResourceTypes/${type.id}` },
  };
}

function schemaResource(request: FastifyRequest, context: ScimContext, schema: SchemaDefinition) {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'],
    id: schema.id,
    name: schema.name,
    description: schema.description,
    attributes: schema.attributes.map(describe),
    meta: { resourceType: 'Schema', location: `${context.baseUrl(request)}/Schemas/${schema.id}` },
  };
}

/** An attribute as /Schemas describes it: the RFC's fields only, none of them null. */
function describe(attribute: AttributeDefinition): Record<string, unknown> {
  const { openSubAttributes: _open, anyValue: _any, subAttributes, ...fields } = attribute;
  return { ...fields, ...(attribute.type === 'complex' ? { subAttributes: (subAttributes ?? []).map(describe) } : {}) };
}
