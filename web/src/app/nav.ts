import type { Role } from '../api/me.ts';

export interface NavEntry {
  path: string;
  label: string;
  /** Who sees the entry: what the server would refuse to the others is not offered. */
  roles: readonly Role[];
  /** Shown to instance admins only (admins of the default workspace, who act instance-wide). */
  instanceAdmin?: true;
}

/**
 * The console's areas, in the order of the navigation. Only built pages are listed. A path
 * must lie outside the server's own (`/api`, `/scim`, `/docs`, ...) so that it can be reloaded.
 */
export const NAV: readonly NavEntry[] = [
  { path: '/users', label: 'Users', roles: ['admin', 'builder'] },
  { path: '/groups', label: 'Groups', roles: ['admin', 'builder'] },
  { path: '/attributes', label: 'User attributes', roles: ['admin', 'builder'] },
  { path: '/apps', label: 'Apps', roles: ['admin', 'builder'] },
  { path: '/resources', label: 'Resources', roles: ['admin', 'builder'] },
  { path: '/environments', label: 'Environments', roles: ['admin', 'builder'] },
  { path: '/invites', label: 'Invites', roles: ['admin'] },
  { path: '/tokens', label: 'API tokens', roles: ['admin'] },
  { path: '/audit', label: 'Audit log', roles: ['admin'] },
  { path: '/permissions', label: 'Permissions', roles: ['admin'] },
  { path: '/sso', label: 'Single sign-on', roles: ['admin'] },
  { path: '/scim-provisioning', label: 'SCIM provisioning', roles: ['admin'] },
  { path: '/workspaces', label: 'Workspaces', roles: ['admin'], instanceAdmin: true },
  { path: '/account', label: 'My account', roles: ['admin', 'builder', 'end-user'] },
];

/** The entries a person sees with their role where the console acts. */
export function navFor(role: Role | null, instanceAdmin: boolean): NavEntry[] {
  return NAV.filter((entry) => role && entry.roles.includes(role) && (!entry.instanceAdmin || instanceAdmin));
}

/** Where a person lands after signing in: their first area. */
export function homePath(role: Role | null): string {
  return NAV.find((entry) => role && entry.roles.includes(role))?.path ?? '/account';
}
