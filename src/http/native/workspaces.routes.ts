import type { Services } from '../../core/services.ts';
import { errorResponses } from './common.schemas.ts';
import { type NativeApp, pageRequest, toPageBody } from './native-app.ts';
import {
  Workspace, WorkspaceCreateBody, WorkspaceIdParams, WorkspaceList, WorkspaceListQuery, WorkspaceUpdateBody,
} from './workspaces.schemas.ts';

const tags = ['Workspaces'];

/** Workspaces are instance-level: a token bound to a workspace gets 403 `workspace_forbidden` on every route here. */
export function workspacesRoutes(app: NativeApp, { workspaces }: Services): void {
  app.get('/workspaces', {
    config: { scope: 'workspaces:read' },
    schema: {
      operationId: 'listWorkspaces', summary: 'List Workspaces', tags,
      description: 'Lists the instance\'s workspaces, oldest first, archived ones included unless filtered out. Needs an instance-wide token.',
      querystring: WorkspaceListQuery,
      response: { 200: WorkspaceList, ...errorResponses() },
    },
  }, async (request) => {
    const page = pageRequest(request.query);
    const { status, name } = request.query;
    return toPageBody(await workspaces.listSettings(request.actor, { status, nameContains: name }, page), page, (workspace) => workspace);
  });

  app.post('/workspaces', {
    config: { scope: 'workspaces:write' },
    schema: {
      operationId: 'createWorkspace', summary: 'Create Workspace', tags,
      description: 'Creates an active workspace. The user the calling token acts for becomes its admin (an active membership with role '
        + 'admin), so the workspace can be managed at once. Needs an instance-wide token; a name in use is a 409.',
      body: WorkspaceCreateBody,
      response: { 201: Workspace, ...errorResponses(409) },
    },
  }, async (request, reply) => {
    const workspace = await workspaces.createSettings(request.actor, request.body);
    reply.code(201);
    return workspace;
  });

  app.get('/workspaces/:workspaceId', {
    config: { scope: 'workspaces:read' },
    schema: {
      operationId: 'getWorkspace', summary: 'Get Workspace', tags,
      description: 'A workspace\'s name, status, email domains, two-factor requirement and SCIM default role. Needs an instance-wide token.',
      params: WorkspaceIdParams,
      response: { 200: Workspace, ...errorResponses(404) },
    },
  }, async (request) => workspaces.getSettings(request.actor, request.params.workspaceId));

  app.patch('/workspaces/:workspaceId', {
    config: { scope: 'workspaces:write' },
    schema: {
      operationId: 'updateWorkspace', summary: 'Update Workspace', tags,
      description: 'Renames a workspace, replaces its email domains, requires two-factor sign-in of its sessions or not, sets the role '
        + 'SCIM gives new members, or archives or restores it. Needs an instance-wide token; '
        + 'a name in use is a 409 `workspace_name_taken`, archiving the default workspace a 409 `workspace_is_default`.',
      params: WorkspaceIdParams,
      body: WorkspaceUpdateBody,
      response: { 200: Workspace, ...errorResponses(404, 409) },
    },
  }, async (request) => workspaces.updateSettings(request.actor, request.params.workspaceId, request.body));
}
