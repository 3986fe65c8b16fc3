import { invalidInput } from '../../core/errors.ts';
import { type Scope, hasScope } from '../../core/scopes.ts';

type Level = 'read' | 'write';

/**
 * Retool's access token scopes (`<area>:read|write`, write implying read) and the Toolplane
 * areas whose scopes this dialect checks on the routes each one opens. Where a Toolplane
 * area reaches more than Retool's (source control lives under `apps`, configuration
 * variables under `environments`), the token gets the whole area: without it, the routes
 * the Retool scope names would all be a 403. docs/retool-v2.md has this table.
 */
const AREAS_OF: Record<string, readonly string[]> = {
  users: ['users', 'invites'],
  user_attributes: ['users'],
  groups: ['groups'],
  folders: ['folders'],
  permissions: ['permissions'],
  spaces: ['workspaces', 'sso'],
  apps: ['apps'],
  source_control: ['apps'],
  resources: ['resources'],
  environments: ['environments'],
  environment: ['environments'],
  configuration_variables: ['environments'],
  workflows: ['workflows'],
  access_tokens: ['tokens'],
};

/** Retool scopes naming what Toolplane does not have: asking for one is a 400 naming it. */
const WITHOUT_COUNTERPART = new Set([
  'app_themes', 'custom_component_libraries', 'custom_component', 'observability', 'organizations', 'user_tasks',
  'source_control:deploy', 'source_control:test_deploy', 'source_control:releases:read', 'source_control:releases:write',
]);

/**
 * The Toolplane scopes a token asked for with Retool's scope names gets, without duplicates.
 * A name Retool does not have, or one Toolplane has nothing for, is a 400 naming `scopes.<n>`.
 */
export function toToolplaneScopes(retoolScopes: readonly string[]): Scope[] {
  const scopes = new Set<Scope>();
  retoolScopes.forEach((name, index) => {
    const match = /^([a-z_]+):(read|write)$/.exec(name);
    const areas = match ? AREAS_OF[match[1]!] : undefined;
    if (!match || !areas) {
      const area = name.split(':')[0]!;
      throw invalidInput(`scopes.${index}`, WITHOUT_COUNTERPART.has(name) || WITHOUT_COUNTERPART.has(area)
        ? `Retool scope "${name}" has no counterpart in Toolplane`
        : `unknown scope "${name}"; expected a Retool scope such as users:read or groups:write`);
    }
    for (const area of areas) scopes.add(`${area}:${match[2] as Level}` as Scope);
  });
  return [...scopes];
}

/**
 * The Retool scopes Toolplane scopes cover, each once at its highest level (`users:write`
 * rather than both): those whose every area the scopes hold. Toolplane scopes without a
 * Retool name (audit, scim, invites alone) are not shown; /api/v1/tokens shows them.
 */
export function toRetoolScopes(toolplaneScopes: readonly string[]): string[] {
  const covered = (areas: readonly string[], level: Level) => areas.every((area) => hasScope(toolplaneScopes, `${area}:${level}` as Scope));
  return Object.entries(AREAS_OF).flatMap(([name, areas]) => {
    if (covered(areas, 'write')) return [`${name}:write`];
    return covered(areas, 'read') ? [`${name}:read`] : [];
  });
}
