import type { Group as CoreGroup } from '../../core/group.service.ts';
import type { Services } from '../../core/services.ts';
import { NoContent, PageOf, PageQuery, errorResponses } from './common.schemas.ts';
import {
  Group, GroupCreateBody, GroupIdParams, GroupList, GroupMemberAddBody, GroupMemberParams, GroupUpdateBody, UserRef,
} from './groups.schemas.ts';
import { type NativeApp, pageRequest, toPageBody } from './native-app.ts';

const tags = ['Groups'];

function toNativeGroup(group: CoreGroup) {
  return { id: group.id, name: group.name, members: group.members, createdAt: group.createdAt, updatedAt: group.updatedAt };
}

export function groupsRoutes(app: NativeApp, { groups }: Services): void {
  app.get('/groups', {
    config: { scope: 'groups:read' },
    schema: {
      operationId: 'listGroups', summary: 'List Groups', tags,
      response: { 200: GroupList, ...errorResponses() },
    },
  }, async (request) => ({ data: (await groups.list(request.actor)).map(toNativeGroup) }));

  app.post('/groups', {
    config: { scope: 'groups:write' },
    schema: {
      operationId: 'createGroup', summary: 'Create Group', tags,
      body: GroupCreateBody,
      response: { 201: Group, ...errorResponses(409) },
    },
  }, async (request, reply) => {
    reply.code(201);
    return toNativeGroup(await groups.create(request.actor, request.body.name));
  });

  app.get('/groups/:groupId', {
    config: { scope: 'groups:read' },
    schema: {
      operationId: 'getGroup', summary: 'Get Group', tags,
      params: GroupIdParams,
      response: { 200: Group, ...errorResponses(404) },
    },
  }, async (request) => toNativeGroup(await groups.get(request.actor, request.params.groupId)));

  app.put('/groups/:groupId', {
    config: { scope: 'groups:write' },
    schema: {
      operationId: 'updateGroup', summary: 'Update Group', tags,
      description: 'Renames the group; the current name changes nothing and records no audit event.',
      params: GroupIdParams,
      body: GroupUpdateBody,
      response: { 200: Group, ...errorResponses(404, 409) },
    },
  }, async (request) => toNativeGroup(await groups.rename(request.actor, request.params.groupId, request.body.name)));

  app.delete('/groups/:groupId', {
    config: { scope: 'groups:write' },
    schema: {
      operationId: 'deleteGroup', summary: 'Delete Group', tags,
      description: 'Deletes the group; its members stay in the workspace.',
      params: GroupIdParams,
      response: { 204: NoContent, ...errorResponses(404) },
    },
  }, async (request, reply) => {
    await groups.delete(request.actor, request.params.groupId);
    reply.code(204);
    return null;
  });

  app.get('/groups/:groupId/members', {
    config: { scope: 'groups:read' },
    schema: {
      operationId: 'listGroupMembers', summary: 'List Group Members', tags,
      params: GroupIdParams,
      querystring: PageQuery,
      response: { 200: PageOf(UserRef, 'Paginated list of group members.'), ...errorResponses(404) },
    },
  }, async (request) => {
    const page = pageRequest(request.query);
    return toPageBody(await groups.listMembers(request.actor, request.params.groupId, page), page, (member) => member);
  });

  app.post('/groups/:groupId/members', {
    config: { scope: 'groups:write' },
    schema: {
      operationId: 'addGroupMember', summary: 'Add Member to Group', tags,
      description: 'Adds a member of the workspace to the group; adding a present member changes nothing and records no audit event.',
      params: GroupIdParams,
      body: GroupMemberAddBody,
      response: { 200: Group, ...errorResponses(404) },
    },
  }, async (request) => toNativeGroup(await groups.addMember(request.actor, request.params.groupId, request.body.userId)));

  app.delete('/groups/:groupId/members/:userId', {
    config: { scope: 'groups:write' },
    schema: {
      operationId: 'removeGroupMember', summary: 'Remove Member from Group', tags,
      params: GroupMemberParams,
      response: { 204: NoContent, ...errorResponses(404) },
    },
  }, async (request, reply) => {
    await groups.removeMember(request.actor, request.params.groupId, request.params.userId);
    reply.code(204);
    return null;
  });
}
