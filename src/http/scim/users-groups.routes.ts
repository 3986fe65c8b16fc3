import { projects } from '../../core/scim/projection.ts';
import type { ScimApp, ScimContext } from './scim-app.ts';
import { type ResourceEndpoint, resourceRoutes } from './resources.routes.ts';

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
  resourceRoutes(app, context, userEndpoint(context));
  resourceRoutes(app, context, groupEndpoint(context));
}
