import type { Services } from '../../core/services.ts';
import { NoContent, errorResponses } from './common.schemas.ts';
import type { NativeApp } from './native-app.ts';
import {
  AccessListParams, AccessListResponse, ListObjectsBody, ObjectAccessList, PermissionGrant, PermissionGrantBody, PermissionRevokeBody,
} from './permissions.schemas.ts';

const tags = ['Permissions'];

export function permissionsRoutes(app: NativeApp, { permissions }: Services): void {
  app.post('/permissions/grant', {
    config: { scope: 'permissions:write' },
    schema: {
      operationId: 'grantPermission', summary: 'Grant a permission', tags,
      description: 'Gives a group or user an access level on an app, resource, folder or workflow; granting again replaces the level. '
        + 'A folder grant flows to everything in the folder and its subfolders. Levels above use are refused for end users '
        + 'and for groups with end-user members.',
      body: PermissionGrantBody,
      response: { 200: PermissionGrant, ...errorResponses(404) },
    },
  }, async (request) => {
    const { subject, object, accessLevel } = request.body;
    return permissions.grant(request.actor, subject, object, accessLevel);
  });

  app.post('/permissions/revoke', {
    config: { scope: 'permissions:write' },
    schema: {
      operationId: 'revokePermission', summary: 'Revoke a permission', tags,
      description: 'Removes the grant the subject holds on the object; 404 when it holds none.',
      body: PermissionRevokeBody,
      response: { 204: NoContent, ...errorResponses(404) },
    },
  }, async (request, reply) => {
    await permissions.revoke(request.actor, request.body.subject, request.body.object);
    reply.code(204);
    return null;
  });

  app.post('/permissions/listObjects', {
    config: { scope: 'permissions:read' },
    schema: {
      operationId: 'listPermissionObjects', summary: 'List objects a subject can access', tags,
      body: ListObjectsBody,
      response: { 200: ObjectAccessList, ...errorResponses(404) },
    },
  }, async (request) => {
    const { subject, objectType, includeInherited } = request.body;
    const items = await permissions.listObjects(request.actor, subject, objectType, includeInherited ?? false);
    return { data: items.map(({ object, accessLevel, sources }) => ({ ...object, accessLevel, sources })), total: items.length };
  });

  app.get('/permissions/accessList/:objectType/:objectId', {
    config: { scope: 'permissions:read' },
    schema: {
      operationId: 'getPermissionAccessList', summary: 'Get the access list of an object', tags,
      description: 'Every member and group with access to the object, with the effective level and where it comes from.',
      params: AccessListParams,
      response: { 200: AccessListResponse, ...errorResponses(404) },
    },
  }, async (request) => {
    const list = await permissions.accessList(request.actor, { type: request.params.objectType, id: request.params.objectId });
    return {
      data: {
        users: list.users.map(({ user, accessLevel, sources }) => ({ subject: { type: 'user' as const, ...user }, accessLevel, sources })),
        groups: list.groups.map(({ group, accessLevel, sources }) => ({ subject: { type: 'group' as const, ...group }, accessLevel, sources })),
      },
    };
  });
}
