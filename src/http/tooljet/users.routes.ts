import type { TooljetApp, TooljetContext } from './tooljet-app.ts';

export function usersRoutes(_app: TooljetApp, _context: TooljetContext): void {}
