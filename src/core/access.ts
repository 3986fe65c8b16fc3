/**
 * Effective access: who may use, edit or own an app, resource, folder or workflow, and why.
 * Pure: callers load the facts (roles, group memberships, grants, the folder tree) and this
 * module alone decides. The rules:
 * - an active admin owns everything (source `role`);
 * - anyone else gets what is granted to them (`direct`), to a group they belong to (`group`),
 *   or on a folder holding the object at any depth (`folder`, possibly through a group);
 * - an end user can only ever use: a grant above `use` counts as `use`;
 * - the highest level among the sources wins; no source, no access;
 * - an archived membership reaches nothing.
 */
import type { MembershipStatus, Role } from './roles.ts';

export const ACCESS_LEVELS = ['use', 'edit', 'own'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];
export const OBJECT_TYPES = ['app', 'resource', 'folder', 'workflow'] as const;
export type ObjectType = (typeof OBJECT_TYPES)[number];

export type SubjectRef = { type: 'user'; id: string } | { type: 'group'; id: number };

export interface ObjectRef {
  type: ObjectType;
  id: string;
}

/** An object with the folder it sits in: an app's, resource's or workflow's folder, a folder's parent. */
export interface PlacedObject extends ObjectRef {
  folderId: string | null;
}

export interface Grant {
  subject: SubjectRef;
  object: ObjectRef;
  accessLevel: AccessLevel;
}

/** A member of the workspace as access sees them. */
export interface MemberFacts {
  userId: string;
  role: Role;
  status: MembershipStatus;
  groupIds: readonly number[];
}

/** Who is asking: a member, or a group as a whole (which has no role and no groups). */
export type Principal = { type: 'user'; member: MemberFacts } | { type: 'group'; id: number };

/** Where a level comes from. `groupId` is set when the grant is held by a group the user belongs to. */
export type AccessSource =
  | { type: 'role'; accessLevel: 'own'; role: 'admin' }
  | { type: 'direct'; accessLevel: AccessLevel }
  | { type: 'group'; accessLevel: AccessLevel; groupId: number }
  | { type: 'folder'; accessLevel: AccessLevel; folderId: string; groupId?: number };

export interface Access {
  accessLevel: AccessLevel;
  /** Every source giving access, highest level first. */
  sources: AccessSource[];
}

export interface AccessOptions {
  /** When false only the principal's own grants on the object count: no role, group or folder. */
  inherited: boolean;
}

/** The facts shared by every question about one workspace. */
export interface AccessFacts {
  /** Folder id → parent folder id (null at the top level). */
  folderParents: ReadonlyMap<string, string | null>;
  /** The grants that may apply; others are ignored. */
  grants: readonly Grant[];
}

const RANK: Record<AccessLevel, number> = { use: 1, edit: 2, own: 3 };
const SOURCE_ORDER: Record<AccessSource['type'], number> = { role: 0, direct: 1, group: 2, folder: 3 };

/** Whether a role may hold the level: end users may only use. */
export function roleAllows(role: Role, level: AccessLevel): boolean {
  return role !== 'end-user' || RANK[level] <= RANK.use;
}

/** Whether holding `held` allows what `needed` allows (use < edit < own). */
export function reaches(held: AccessLevel, needed: AccessLevel): boolean {
  return RANK[held] >= RANK[needed];
}

/** The levels an end user may not hold. */
export function exceedsUse(level: AccessLevel): boolean {
  return RANK[level] > RANK.use;
}

/**
 * The folders holding an object placed in `folderId`, nearest first. A corrupt tree with a
 * cycle cannot loop: each folder is visited once.
 */
export function folderChain(folderId: string | null, folderParents: ReadonlyMap<string, string | null>): string[] {
  const chain: string[] = [];
  const seen = new Set<string>();
  for (let cursor = folderId; cursor !== null && !seen.has(cursor); cursor = folderParents.get(cursor) ?? null) {
    seen.add(cursor);
    chain.push(cursor);
  }
  return chain;
}

function holderOf(principal: Principal, subject: SubjectRef): { held: false } | { held: true; groupId?: number } {
  if (principal.type === 'group') return subject.type === 'group' && subject.id === principal.id ? { held: true } : { held: false };
  if (subject.type === 'user') return subject.id === principal.member.userId ? { held: true } : { held: false };
  return principal.member.groupIds.includes(subject.id) ? { held: true, groupId: subject.id } : { held: false };
}

/** The principal's effective access to `object`, or null when it has none. */
export function effectiveAccess(principal: Principal, object: PlacedObject, facts: AccessFacts, options: AccessOptions): Access | null {
  const member = principal.type === 'user' ? principal.member : null;
  if (member?.status === 'archived') return null;
  const sources: AccessSource[] = [];
  if (member?.role === 'admin' && options.inherited) sources.push({ type: 'role', accessLevel: 'own', role: 'admin' });
  const cap = (level: AccessLevel): AccessLevel => (member && !roleAllows(member.role, level) ? 'use' : level);
  const chain = options.inherited ? folderChain(object.folderId, facts.folderParents) : [];
  for (const grant of facts.grants) {
    const holder = holderOf(principal, grant.subject);
    if (!holder.held) continue;
    if (!options.inherited && holder.groupId !== undefined) continue;
    const accessLevel = cap(grant.accessLevel);
    if (grant.object.type === object.type && grant.object.id === object.id) {
      sources.push(holder.groupId === undefined ? { type: 'direct', accessLevel } : { type: 'group', accessLevel, groupId: holder.groupId });
    } else if (grant.object.type === 'folder' && chain.includes(grant.object.id)) {
      sources.push(holder.groupId === undefined
        ? { type: 'folder', accessLevel, folderId: grant.object.id }
        : { type: 'folder', accessLevel, folderId: grant.object.id, groupId: holder.groupId });
    }
  }
  if (sources.length === 0) return null;
  sources.sort(compareSources);
  return { accessLevel: sources[0]!.accessLevel, sources };
}

function compareSources(a: AccessSource, b: AccessSource): number {
  return RANK[b.accessLevel] - RANK[a.accessLevel]
    || SOURCE_ORDER[a.type] - SOURCE_ORDER[b.type]
    || ('groupId' in a ? a.groupId ?? 0 : 0) - ('groupId' in b ? b.groupId ?? 0 : 0)
    || ('folderId' in a && 'folderId' in b ? a.folderId.localeCompare(b.folderId) : 0);
}
