import type { TooljetApp, TooljetContext } from './tooljet-app.ts';

export function appsRoutes(_app: TooljetApp, _context: TooljetContext): void {}
