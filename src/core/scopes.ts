/**
 * Token scopes: one `area:read|write` pair per area, and `*` for everything.
 * `write` implies `read` in the same area.
 */
export const SCOPE_AREAS = [
  'users', 'groups', 'apps', 'resources', 'folders', 'workspaces', 'invites', 'tokens', 'audit', 'environments', 'permissions', 'workflows', 'sso', 'scim',
] as const;
export type ScopeArea = (typeof SCOPE_AREAS)[number];
export type Scope = `${ScopeArea}:${'read' | 'write'}` | '*';

export const ALL_SCOPES: readonly Scope[] = [
  '*',
  ...SCOPE_AREAS.flatMap((area) => [`${area}:read`, `${area}:write`] as Scope[]),
];

export function isScope(value: string): value is Scope {
  return (ALL_SCOPES as readonly string[]).includes(value);
}

export function hasScope(granted: readonly string[], required: Scope): boolean {
  if (granted.includes('*') || granted.includes(required)) return true;
  const [area, access] = required.split(':');
  return access === 'read' && granted.includes(`${area}:write`);
}
