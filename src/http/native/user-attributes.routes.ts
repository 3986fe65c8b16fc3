import type { Services } from '../../core/services.ts';
import { NoContent, errorResponses } from './common.schemas.ts';
import type { NativeApp } from './native-app.ts';
import {
  UserAttribute, UserAttributeCreateBody, UserAttributeDeleteQuery, UserAttributeIdParams, UserAttributeList, UserAttributeUpdateBody,
} from './user-attributes.schemas.ts';

const tags = ['User Attributes'];

/** Attribute definitions of the workspace. Members' values are set through /users. */
export function userAttributesRoutes(app: NativeApp, { userAttributes }: Services): void {
  app.get('/userAttributes', {
    config: { scope: 'users:read' },
    schema: {
      operationId: 'listUserAttributes', summary: 'List User Attributes', tags,
      description: 'Lists the user attributes defined in the workspace, by name.',
      response: { 200: UserAttributeList, ...errorResponses() },
    },
  }, async (request) => ({ data: await userAttributes.list(request.actor) }));

  app.post('/userAttributes', {
    config: { scope: 'users:write' },
    schema: {
      operationId: 'createUserAttribute', summary: 'Create User Attribute', tags,
      description: 'Defines a user attribute. The name must be unique in the workspace (409 `attribute_name_taken`); '
        + 'a defaultValue must have the dataType (400).',
      body: UserAttributeCreateBody,
      response: { 201: UserAttribute, ...errorResponses(409) },
    },
  }, async (request, reply) => {
    reply.code(201);
    return await userAttributes.create(request.actor, request.body);
  });

  app.get('/userAttributes/:attributeId', {
    config: { scope: 'users:read' },
    schema: {
      operationId: 'getUserAttribute', summary: 'Get User Attribute', tags,
      params: UserAttributeIdParams,
      response: { 200: UserAttribute, ...errorResponses(404) },
    },
  }, async (request) => userAttributes.get(request.actor, request.params.attributeId));

  app.patch('/userAttributes/:attributeId', {
    config: { scope: 'users:write' },
    schema: {
      operationId: 'updateUserAttribute', summary: 'Update User Attribute', tags,
      description: 'Changes the label and the default. name and dataType are fixed after creation (400 `immutable_field` for a different value).'
        + ' The current values change nothing and record no audit event.',
      params: UserAttributeIdParams,
      body: UserAttributeUpdateBody,
      response: { 200: UserAttribute, ...errorResponses(404) },
    },
  }, async (request) => userAttributes.update(request.actor, request.params.attributeId, request.body));

  app.delete('/userAttributes/:attributeId', {
    config: { scope: 'users:write' },
    schema: {
      operationId: 'deleteUserAttribute', summary: 'Delete User Attribute', tags,
      description: 'Removes the definition and, unless `clearValues=false`, every user\'s value of it.',
      params: UserAttributeIdParams,
      querystring: UserAttributeDeleteQuery,
      response: { 204: NoContent, ...errorResponses(404) },
    },
  }, async (request, reply) => {
    await userAttributes.delete(request.actor, request.params.attributeId, { clearValues: request.query.clearValues ?? true });
    reply.code(204);
    return null;
  });
}
