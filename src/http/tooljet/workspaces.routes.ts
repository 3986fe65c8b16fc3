import { Type } from 'typebox';
import type { TooljetApp, TooljetContext } from './tooljet-app.ts';
import { TooljetWorkspace } from './users.schemas.ts';

export function workspacesRoutes(app: TooljetApp, { services: { workspaces } }: TooljetContext): void {
  app.get('/workspaces', { schema: { response: { 200: Type.Array(TooljetWorkspace) } } }, () => workspaces.listActive());
}
