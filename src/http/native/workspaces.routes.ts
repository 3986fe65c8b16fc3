import type { Services } from '../../core/services.ts';
import { errorResponses } from './common.schemas.ts';
import type { NativeApp } from './native-app.ts';
import { Workspace, WorkspaceIdParams, WorkspaceUpdateBody } from './workspaces.schemas.ts';

const tags = ['Workspaces'];

/** Workspace settings: instance-level, so a token bound to a workspace gets 403 `workspace_forbidden`. */
export function workspacesRoutes(app: NativeApp, { workspaces }: Services): void {
  app.get('/workspaces/:workspaceId', {
    config: { scope: 'workspaces:read' },
    schema: {
      operationId: 'getWorkspace', summary: 'Get Workspace', tags,
      description: 'A workspace\'s name, status and email domains. Needs an instance-wide token.',
      params: WorkspaceIdParams,
      response: { 200: Workspace, ...errorResponses(404) },
    },
  }, async (request) => workspaces.getSettings(request.actor, request.params.workspaceId));

  app.patch('/workspaces/:workspaceId', {
    config: { scope: 'workspaces:write' },
    schema: {
      operationId: 'updateWorkspace', summary: 'Update Workspace', tags,
      description: 'Renames a workspace or replaces its email domains. Needs an instance-wide token; a name in use is a 409.',
      params: WorkspaceIdParams,
      body: WorkspaceUpdateBody,
      response: { 200: Workspace, ...errorResponses(404, 409) },
    },
  }, async (request) => workspaces.updateSettings(request.actor, request.params.workspaceId, request.body));
}
