import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../core/errors.ts';
import { project, projects } from '../../core/scim/projection.ts';
import { isObject } from '../../core/scim/document.ts';
import { scimError } from '../../core/scim/scim-errors.ts';
import { listRequestOf } from './list-query.ts';
import { LIST_RESPONSE_SCHEMA, type ScimApp, type ScimContext } from './scim-app.ts';
import { type ResourceEndpoint, resourceRoutes, withLocation } from './resources.routes.ts';

/** `/Users`: the workspace's members. */
export function userEndpoint(context: ScimContext): ResourceEndpoint {
  const users = context.services.scimUsers;
  return {
    kind: 'User',
    path: '/Users',
    list: (actor, request) => users.list(actor, request),
    get: (actor, id) => users.get(actor, id),
    create: (actor, body) => users.create(actor, body),
    replace: (actor, id, body, ifMatch) => users.replace(actor, id, body, ifMatch),
    patch: (actor, id, operations, ifMatch) => users.patch(actor, id, operations, ifMatch),
    delete: (actor, id, ifMatch) => users.delete(actor, id, ifMatch),
  };
}

/** `/Groups`: the workspace's groups; members are read only when the answer shows them. */
export function groupEndpoint(context: ScimContext): ResourceEndpoint {
  const groups = context.services.scimGroups;
  const options = (projection: Parameters<ResourceEndpoint['get']>[2]) => ({ members: projects('Group', projection, 'members') });
  return {
    kind: 'Group',
    path: '/Groups',
    list: (actor, request, projection) => groups.list(actor, request, options(projection)),
    get: (actor, id, projection) => groups.get(actor, id, options(projection)),
    create: (actor, body, projection) => groups.create(actor, body, options(projection)),
    replace: (actor, id, body, ifMatch, projection) => groups.replace(actor, id, body, ifMatch, options(projection)),
    patch: (actor, id, operations, ifMatch, projection) => groups.patch(actor, id, operations, ifMatch, options(projection)),
    delete: (actor, id, ifMatch) => groups.delete(actor, id, ifMatch),
  };
}

export function usersAndGroupsRoutes(app: ScimApp, context: ScimContext): void {
  const endpoints = [userEndpoint(context), groupEndpoint(context)];
  for (const endpoint of endpoints) resourceRoutes(app, context, endpoint);
  app.post('/.search', { config: { scope: 'scim:read' } }, (request) => searchAll(request, context, endpoints));
}

/**
 * `POST /.search` (RFC 7644 §3.4.3): Users, then Groups, as one list. A filter naming an
 * attribute only one of them has selects from that one; a filter neither can read is 400.
 */
async function searchAll(request: FastifyRequest, context: ScimContext, endpoints: ResourceEndpoint[]) {
  const body = request.body ?? {};
  if (!isObject(body)) throw scimError('invalidSyntax', 'The body must be a SearchRequest message');
  const readable = endpoints.flatMap((endpoint) => {
    try {
      return [{ endpoint, ...listRequestOf(endpoint.kind, body) }];
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalidFilter') return [];
      throw error;
    }
  });
  if (readable.length === 0) listRequestOf(endpoints[0]!.kind, body);
  const { startIndex, count } = readable[0]!.request;
  let skip = startIndex - 1;
  let room = count;
  let total = 0;
  const resources: Record<string, unknown>[] = [];
  for (const { endpoint, request: listRequest, projection } of readable) {
    const counted = await endpoint.list(request.actor, { ...listRequest, startIndex: 1, count: 0 }, projection);
    total += counted.total;
    if (room === 0 || skip >= counted.total) {
      skip = Math.max(0, skip - counted.total);
      continue;
    }
    const page = await endpoint.list(request.actor, { ...listRequest, startIndex: skip + 1, count: room }, projection);
    resources.push(...page.resources.map((resource) => project(endpoint.kind, withLocation(context.baseUrl(request), endpoint.path, resource), projection)));
    room -= page.resources.length;
    skip = 0;
  }
  return { schemas: [LIST_RESPONSE_SCHEMA], totalResults: total, startIndex, itemsPerPage: resources.length, Resources: resources };
}
