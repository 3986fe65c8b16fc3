import type { Actor, ObjectWrites } from './actor.ts';
import { type DomainError, forbidden } from './errors.ts';
import type { MeService, Standing } from './me.service.ts';
import type { Role } from './roles.ts';
import type { Scope } from './scopes.ts';
import type { AuthenticatedSession } from './session.service.ts';
import type { TwoFactorService } from './two-factor.service.ts';
import type { WorkspaceService } from './workspace.service.ts';

/**
 * What a signed-in person may do in a workspace, as the scopes a token would need: the one
 * vocabulary every native route checks, for tokens and sessions alike.
 * - An admin may do everything a token with every scope may do in the workspace.
 * - A builder reads the workspace, and writes apps, resources, folders and workflows: only
 *   those their effective access lets them edit (own, to delete), see `objectWritesOfRole`.
 * - An end user reads and changes only their own account (the personal routes, `/me`).
 */
export function scopesOfRole(role: Role): readonly Scope[] {
  switch (role) {
    case 'admin':
      return ADMIN;
    case 'builder':
      return BUILDER;
    case 'end-user':
      return NONE;
  }
}

const ADMIN: readonly Scope[] = ['*'];
const BUILDER: readonly Scope[] = [
  'users:read', 'groups:read', 'environments:read', 'permissions:read',
  'apps:write', 'resources:write', 'folders:write', 'workflows:write',
];
const NONE: readonly Scope[] = [];

/** The write scopes a builder holds only for the objects their access reaches. */
const OBJECT_WRITES: readonly Scope[] = ['apps:write', 'resources:write', 'folders:write', 'workflows:write'];

/**
 * Which objects a role's write scopes reach: an admin's every one (they own everything); a
 * builder's only those their effective access allows, checked object by object.
 */
export function objectWritesOfRole(role: Role): ObjectWrites {
  return role === 'admin' ? 'any' : 'granted';
}

/**
 * The scopes a session may hand on to a token it creates. A token carries no object limit,
 * so a session limited to its grants cannot hand on the write scopes of the object areas
 * (it keeps their read scopes); otherwise a token could write what the person may not.
 */
export function delegableScopes(actor: Actor): readonly string[] {
  const scopes = actor.scopes ?? [];
  if (actor.objectWrites !== 'granted') return scopes;
  return scopes.flatMap((scope) => {
    if (!(OBJECT_WRITES as readonly string[]).includes(scope)) return [scope];
    return [scope.replace(/:write$/, ':read')];
  });
}

/** Where a session acts and with what: its workspace, whether it acts instance-wide, and its scopes. */
export interface SessionAuthority {
  workspaceId: string;
  /** The workspace the session is held to; null for an instance admin, who acts instance-wide. */
  boundWorkspaceId: string | null;
  scopes: readonly string[];
  /** Which apps, resources, folders and workflows its write scopes reach (`objectWritesOfRole`). */
  objectWrites: ObjectWrites;
}

/**
 * The authority of a signed-in person's request: in the workspace named (X-Workspace-Id),
 * else their default one. An active admin of the default workspace acts instance-wide, as an
 * instance-wide token does (every scope, any workspace). Anyone else acts only in a workspace
 * where they are an active member (403 `not_a_member`), with their role's scopes there.
 * Either way, a workspace that requires two-factor sign-in refuses a person who has not
 * turned it on (403 `two_factor_required`); the personal routes never ask, so they can.
 */
export async function sessionAuthority(deps: AuthorityDeps, session: AuthenticatedSession, requestedWorkspaceId: string | undefined): Promise<SessionAuthority> {
  const defaultId = await deps.workspaces.ensureDefault();
  const target = requestedWorkspaceId ?? session.defaultWorkspaceId ?? defaultId;
  const instance = await deps.me.standing(session.userId, defaultId);
  if (isInstanceAdmin(instance)) {
    return withSecondFactor(deps, session, instanceWide(await deps.workspaces.resolve({ boundWorkspaceId: null, requestedWorkspaceId: target })));
  }
  const workspaceId = await deps.workspaces.resolve({ boundWorkspaceId: target, requestedWorkspaceId: target });
  return withSecondFactor(deps, session, asMember(workspaceId, target === defaultId ? instance : await deps.me.standing(session.userId, workspaceId)));
}

/**
 * `sessionAuthority` answered from memory alone, as most requests of a busy session are:
 * the same answer or refusal, or undefined when something must be read.
 */
export function sessionAuthorityFromMemory(
  deps: AuthorityDeps,
  session: AuthenticatedSession,
  requestedWorkspaceId: string | undefined,
): SessionAuthority | undefined {
  const defaultId = deps.workspaces.defaultIdFromMemory();
  if (defaultId === undefined) return undefined;
  const target = requestedWorkspaceId ?? session.defaultWorkspaceId ?? defaultId;
  const instance = deps.me.standingFromMemory(session.userId, defaultId);
  if (instance === undefined) return undefined;
  const admin = isInstanceAdmin(instance);
  const workspaceId = deps.workspaces.resolveFromMemory({ boundWorkspaceId: admin ? null : target, requestedWorkspaceId: target });
  if (workspaceId === undefined) return undefined;
  if (admin) return withSecondFactorFromMemory(deps, session, instanceWide(workspaceId));
  const standing = target === defaultId ? instance : deps.me.standingFromMemory(session.userId, workspaceId);
  return standing === undefined ? undefined : withSecondFactorFromMemory(deps, session, asMember(workspaceId, standing));
}

type AuthorityDeps = { me: MeService; workspaces: WorkspaceService; twoFactor: TwoFactorService };

/** The authority, unless the workspace requires two-factor sign-in and the person has not turned it on (403 `two_factor_required`). */
async function withSecondFactor(deps: AuthorityDeps, session: AuthenticatedSession, authority: SessionAuthority): Promise<SessionAuthority> {
  if (await deps.twoFactor.mustEnrol(session.userId, authority.workspaceId)) throw twoFactorRequired(authority.workspaceId);
  return authority;
}

/** `withSecondFactor` from memory alone; undefined when something must be read. */
function withSecondFactorFromMemory(deps: AuthorityDeps, session: AuthenticatedSession, authority: SessionAuthority): SessionAuthority | undefined {
  const mustEnrol = deps.twoFactor.mustEnrolFromMemory(session.userId, authority.workspaceId);
  if (mustEnrol) throw twoFactorRequired(authority.workspaceId);
  return mustEnrol === undefined ? undefined : authority;
}

function twoFactorRequired(workspaceId: string): DomainError {
  return forbidden('two_factor_required', `Workspace ${workspaceId} requires two-factor sign-in; turn it on for your account first`);
}

function isInstanceAdmin(standing: Standing | null): boolean {
  return standing?.role === 'admin' && standing.status === 'active';
}

function instanceWide(workspaceId: string): SessionAuthority {
  return { workspaceId, boundWorkspaceId: null, scopes: ADMIN, objectWrites: 'any' };
}

/** The authority of a member of the workspace; 403 `not_a_member` unless the membership is active. */
function asMember(workspaceId: string, standing: Standing | null): SessionAuthority {
  if (standing?.status !== 'active') {
    throw forbidden('not_a_member', `You are not an active member of workspace ${workspaceId}; name one of yours in X-Workspace-Id`);
  }
  return { workspaceId, boundWorkspaceId: workspaceId, scopes: scopesOfRole(standing.role), objectWrites: objectWritesOfRole(standing.role) };
}
