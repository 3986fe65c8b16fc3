import type { Actor } from '../core/actor.ts';
import { forbidden } from '../core/errors.ts';
import { type Scope, hasScope } from '../core/scopes.ts';
import type { DesiredConfig } from './desired.ts';
import type { Change, ObjectKind, Plan } from './plan.ts';
import type { InstanceState } from './state.ts';

/** The scope a change of each kind needs: the one the native API's route for the same write requires. */
const SCOPE_OF: Record<ObjectKind, Scope> = {
  workspace: 'workspaces:write',
  environment: 'environments:write',
  userAttribute: 'users:write',
  group: 'groups:write',
  member: 'users:write',
  invite: 'invites:write',
  sso: 'sso:write',
  folder: 'folders:write',
  app: 'apps:write',
  resource: 'resources:write',
  resourceConfiguration: 'resources:write',
  permission: 'permissions:write',
};

/**
 * Kinds whose changes the file makes without checking the actor's access to each object, so
 * an actor whose writes reach only the objects granted to them (a builder) may not make them.
 */
const NEEDS_EVERY_OBJECT: ReadonlySet<ObjectKind> = new Set(['folder', 'app', 'resource', 'resourceConfiguration', 'permission']);

/** What every remote plan or export reads: the sections every workspace has, so their read scopes (OPTIONAL_SECTIONS for the rest). */
const READ_SCOPES: readonly Scope[] = [
  'workspaces:read', 'environments:read', 'users:read', 'groups:read', 'folders:read', 'apps:read', 'resources:read', 'permissions:read',
];

/**
 * Sections read only where they are used, each with its read scope: a plan reads them when
 * the file gives or prunes them, an export writes them when the credential may read them.
 */
export const OPTIONAL_SECTIONS = { invites: 'invites:read', sso: 'sso:read' } as const satisfies Record<string, Scope>;
export type OptionalSection = keyof typeof OPTIONAL_SECTIONS;

/** Refuses (403 `missing_scope`) an actor who may not read every section a plan or an export shows. */
export function requireReadScopes(actor: Actor): void {
  const missing = READ_SCOPES.find((scope) => !hasScope(actor.scopes ?? [], scope));
  if (missing) throw forbidden('missing_scope', `This credential lacks the ${missing} scope, which planning and exporting a configuration need`);
}

/** Refuses (403 `missing_scope`) a plan of a file giving or pruning invites or single sign-on, for an actor who may not read them. */
export function requireSectionScopes(desired: DesiredConfig, actor: Actor): void {
  for (const workspace of desired.workspaces.values()) {
    const used: Record<OptionalSection, boolean> = {
      invites: workspace.invites.size > 0 || workspace.prune.has('invites'),
      sso: workspace.sso !== undefined || workspace.prune.has('sso'),
    };
    for (const section of Object.keys(OPTIONAL_SECTIONS) as OptionalSection[]) {
      const scope = OPTIONAL_SECTIONS[section];
      if (used[section] && !hasScope(actor.scopes ?? [], scope)) {
        throw forbidden('missing_scope', `This credential lacks the ${scope} scope, which planning the ${section} of workspace ${JSON.stringify(workspace.name)} needs`);
      }
    }
  }
}

/** The optional sections the actor may read, which an export of theirs writes. */
export function readableSections(actor: Actor): Set<OptionalSection> {
  return new Set((Object.keys(OPTIONAL_SECTIONS) as OptionalSection[]).filter((section) => hasScope(actor.scopes ?? [], OPTIONAL_SECTIONS[section])));
}

/** The one workspace the actor may act in (a bound token's, a session's), or null for an instance-wide token. */
export function onlyWorkspace(actor: Actor): string | null {
  return actor.boundWorkspaceId ?? (actor.sessionId ? actor.workspaceId : null);
}

/**
 * Refuses (403 `workspace_forbidden`) a configuration naming a workspace the actor may not
 * act in: a token bound to a workspace, and a person's session, act in their own workspace
 * only, and only an instance-wide token may describe a workspace that does not exist yet.
 */
export function requireWorkspaces(state: InstanceState, actor: Actor): void {
  const only = onlyWorkspace(actor);
  if (only === null) return;
  for (const [name, workspace] of state.workspaces) {
    if (workspace.id !== only) throw forbidden('workspace_forbidden', `This credential acts in one workspace only, and the configuration names workspace "${name}"`);
  }
}

/**
 * Refuses (403 `missing_scope`, naming the scope and the first change needing it) a plan
 * holding a change the actor's scopes do not allow, and changes of the NEEDS_EVERY_OBJECT
 * kinds for an actor whose writes reach only the objects granted to them.
 */
export function requireScopesFor(plan: Plan, actor: Actor): void {
  for (const change of plan.changes) {
    const scope = SCOPE_OF[change.object];
    if (!hasScope(actor.scopes ?? [], scope)) {
      throw forbidden('missing_scope', `This credential lacks the ${scope} scope, which the change to ${describe(change)} needs`);
    }
    if (NEEDS_EVERY_OBJECT.has(change.object) && actor.objectWrites === 'granted') {
      throw forbidden('object_access', `Changes to ${change.object}s need write access to every one of them; the change to ${describe(change)} was refused`);
    }
  }
}

function describe(change: Change): string {
  return `${change.object} ${JSON.stringify(change.key)} of workspace ${JSON.stringify(change.workspace)}`;
}
