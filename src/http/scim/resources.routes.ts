import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../core/actor.ts';
import { isObject } from '../../core/scim/document.ts';
import type { PatchOperation } from '../../core/scim/patch.ts';
import { type Projection, project } from '../../core/scim/projection.ts';
import { type ScimListRequest, type ScimListResult, matchesVersion } from '../../core/scim/scim-list.ts';
import { scimError } from '../../core/scim/scim-errors.ts';
import type { ResourceKind } from '../../core/scim/schema.ts';
import type { ScimResource } from '../../core/scim/user-resource.ts';
import { listRequestOf, projectionOf } from './list-query.ts';
import { LIST_RESPONSE_SCHEMA, PATCH_OP_SCHEMA, type ScimApp, type ScimContext, SEARCH_REQUEST_SCHEMA } from './scim-app.ts';

/** One resource type's calls into the core, with the projection the answer will get. */
export interface ResourceEndpoint {
  kind: ResourceKind;
  path: '/Users' | '/Groups';
  list(actor: Actor, request: ScimListRequest, projection: Projection): Promise<ScimListResult>;
  get(actor: Actor, id: string, projection: Projection): Promise<ScimResource>;
  create(actor: Actor, body: Record<string, unknown>, projection: Projection): Promise<ScimResource>;
  replace(actor: Actor, id: string, body: Record<string, unknown>, ifMatch: string | undefined, projection: Projection): Promise<ScimResource>;
  patch(actor: Actor, id: string, operations: PatchOperation[], ifMatch: string | undefined, projection: Projection): Promise<ScimResource>;
  delete(actor: Actor, id: string, ifMatch: string | undefined): Promise<void>;
}

const READ = { scope: 'scim:read' as const };
const WRITE = { scope: 'scim:write' as const };
const ID_PARAMS = { type: 'object', properties: { id: { type: 'string', maxLength: 200 } }, required: ['id'] } as const;

/**
 * The routes of one resource type (RFC 7644 §3.2–3.6): list (GET and POST .search), get,
 * create, replace, patch and delete. Every answer is projected by `attributes` /
 * `excludedAttributes`, writes included; single resources carry their version as ETag.
 */
export function resourceRoutes(app: ScimApp, context: ScimContext, endpoint: ResourceEndpoint): void {
  const { kind, path } = endpoint;
  const present = (request: FastifyRequest, resource: ScimResource, projection: Projection) =>
    project(kind, withLocation(context.baseUrl(request), path, resource), projection);

  const list = async (request: FastifyRequest, reply: FastifyReply, input: Record<string, unknown>) => {
    const { request: listRequest, projection } = listRequestOf(kind, input);
    const result = await endpoint.list(request.actor, listRequest, projection);
    return reply.send({
      schemas: [LIST_RESPONSE_SCHEMA],
      totalResults: result.total,
      startIndex: listRequest.startIndex,
      itemsPerPage: result.resources.length,
      Resources: result.resources.map((resource) => present(request, resource, projection)),
    });
  };

  app.get(path, { config: READ }, (request, reply) => list(request, reply, request.query as Record<string, unknown>));
  app.post(`${path}/.search`, { config: READ }, (request, reply) => list(request, reply, searchBody(request.body)));

  app.get(`${path}/:id`, { config: READ, schema: { params: ID_PARAMS } }, async (request, reply) => {
    const projection = projectionOf(request.query as Record<string, unknown>);
    const resource = await endpoint.get(request.actor, idOf(request), projection);
    const ifNoneMatch = request.headers['if-none-match'];
    reply.header('etag', resource.meta.version);
    if (typeof ifNoneMatch === 'string' && matchesVersion(resource.meta.version, ifNoneMatch)) return reply.code(304).send();
    return reply.send(present(request, resource, projection));
  });

  app.post(path, { config: WRITE }, async (request, reply) => {
    const projection = projectionOf(request.query as Record<string, unknown>);
    const resource = await endpoint.create(request.actor, resourceBody(request.body), projection);
    const shown = withLocation(context.baseUrl(request), path, resource);
    return reply.code(201).header('location', (shown.meta as { location: string }).location).header('etag', resource.meta.version)
      .send(project(kind, shown, projection));
  });

  app.put(`${path}/:id`, { config: WRITE, schema: { params: ID_PARAMS } }, async (request, reply) => {
    const projection = projectionOf(request.query as Record<string, unknown>);
    const resource = await endpoint.replace(request.actor, idOf(request), resourceBody(request.body), ifMatchOf(request), projection);
    return reply.header('etag', resource.meta.version).send(present(request, resource, projection));
  });

  app.patch(`${path}/:id`, { config: WRITE, schema: { params: ID_PARAMS } }, async (request, reply) => {
    const projection = projectionOf(request.query as Record<string, unknown>);
    const resource = await endpoint.patch(request.actor, idOf(request), patchOperations(request.body), ifMatchOf(request), projection);
    return reply.header('etag', resource.meta.version).send(present(request, resource, projection));
  });

  app.delete(`${path}/:id`, { config: WRITE, schema: { params: ID_PARAMS } }, async (request, reply) => {
    await endpoint.delete(request.actor, idOf(request), ifMatchOf(request));
    return reply.code(204).send();
  });
}

function idOf(request: FastifyRequest): string {
  return (request.params as { id: string }).id;
}

function ifMatchOf(request: FastifyRequest): string | undefined {
  const header = request.headers['if-match'];
  return typeof header === 'string' ? header : undefined;
}

export function withLocation(baseUrl: string, path: string, resource: ScimResource): Record<string, unknown> {
  return { ...resource, meta: { ...resource.meta, location: `${baseUrl}${path}/${resource.id}` } };
}

function resourceBody(body: unknown): Record<string, unknown> {
  if (!isObject(body)) throw scimError('invalidSyntax', 'The body must be a JSON object: a SCIM resource');
  return body;
}

/** A PatchOp message (RFC 7644 §3.5.2): its schema, when given, must be PatchOp's, and `Operations` a list. */
function patchOperations(body: unknown): PatchOperation[] {
  if (!isObject(body)) throw scimError('invalidSyntax', 'The body must be a PatchOp message');
  const schemas = body.schemas;
  if (Array.isArray(schemas) && !schemas.some((schema) => typeof schema === 'string' && schema.toLowerCase() === PATCH_OP_SCHEMA.toLowerCase())) {
    throw scimError('invalidSyntax', `schemas must hold ${PATCH_OP_SCHEMA}`);
  }
  const operations = body.Operations ?? body.operations;
  if (!Array.isArray(operations) || operations.length === 0) throw scimError('invalidSyntax', 'Operations must be a non-empty list');
  return operations as PatchOperation[];
}

function searchBody(body: unknown): Record<string, unknown> {
  if (body === undefined) return {};
  if (!isObject(body)) throw scimError('invalidSyntax', `The body must be a ${SEARCH_REQUEST_SCHEMA} message`);
  return body;
}
