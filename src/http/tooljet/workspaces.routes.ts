import type { TooljetApp, TooljetContext } from './tooljet-app.ts';

export function workspacesRoutes(_app: TooljetApp, _context: TooljetContext): void {}
