import type { PermissionGrantRow } from '../db/schema.ts';
import type { Repositories, Store } from '../db/store.ts';
import { toIso } from '../db/rows.ts';
import {
  type Access, type AccessLevel, type Grant, type MemberFacts, type ObjectRef, type ObjectType,
  type PlacedObject, type Principal, type SubjectRef, effectiveAccess, exceedsUse, folderChain, reaches,
} from './access.ts';
import { refuseGrantToEndUsers } from './access-rules.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { DomainError, notFound } from './errors.ts';
import { storedUuid } from './ids.ts';
import { type GrantInput, type SubjectInput, grantAll, subjectRefOf } from './permission-sets.ts';

export type { GrantInput, SubjectInput };

export interface PermissionGrant {
  subject: SubjectRef;
  object: ObjectRef;
  accessLevel: AccessLevel;
  createdAt: string;
  updatedAt: string;
}

export interface ObjectAccess extends Access {
  object: ObjectRef & { name: string };
}

export interface UserAccess extends Access {
  user: { id: string; email: string };
}

export interface GroupAccess extends Access {
  group: { id: number; name: string };
}

export interface AccessList {
  users: UserAccess[];
  groups: GroupAccess[];
}

/** An object an operation touches, and the least access it needs there. */
export interface AccessDemand {
  object: ObjectRef;
  level: AccessLevel;
  /** The input field naming the object, when the body names it (the folder to put something in). */
  field?: string;
}

/**
 * Grants of `use`, `edit` and `own` on apps, resources, folders and workflows to users and
 * groups, and the effective access they add up to (decided by `access.ts`).
 */
export class PermissionService {
  constructor(private readonly store: Store) {}

  /**
   * Gives the subject the level on the object, replacing the level it held there. Levels
   * above `use` cannot reach an end user (400 on `accessLevel`). The subject and object are
   * locked until the grant commits, so neither can vanish and no end user can join the group
   * meanwhile.
   */
  grant(actor: Actor, subjectInput: SubjectInput, object: ObjectRef, accessLevel: AccessLevel): Promise<PermissionGrant> {
    return this.store.write(async (repos) => {
      const subject = await resolveSubject(repos, actor.workspaceId, subjectInput, exceedsUse(accessLevel) ? 'update' : 'share');
      await resolveObject(repos, actor.workspaceId, object, 'share');
      await refuseGrantToEndUsers(repos, actor.workspaceId, subject, accessLevel);
      const at = new Date().toISOString();
      const row = await repos.permissions.upsert({
        workspace_id: actor.workspaceId, subject_type: subject.type, subject_id: String(subject.id),
        object_type: object.type, object_id: object.id, access_level: accessLevel, created_at: at, updated_at: at,
      });
      await recordAudit(repos, {
        action: 'permission.granted', target: { type: 'permission', id: row.id }, workspaceId: actor.workspaceId,
        changes: { subject, object, accessLevel },
      });
      return toGrant(row);
    });
  }

  /**
   * Makes many grants as `grant` does, a few statements whatever their number, in one
   * transaction: one refused (see `grantAll`), none is made.
   */
  grantMany(actor: Actor, grants: readonly GrantInput[]): Promise<void> {
    return this.store.write((repos) => grantAll(repos, actor.workspaceId, grants));
  }

  /** Removes the subject's grant on the object; 404 `permission_not_found` when it holds none. */
  revoke(actor: Actor, subjectInput: SubjectInput, object: ObjectRef): Promise<void> {
    return this.store.write(async (repos) => {
      const subject = await resolveSubject(repos, actor.workspaceId, subjectInput);
      await resolveObject(repos, actor.workspaceId, object);
      const row = await repos.permissions.get(actor.workspaceId, keyOf(subject), object);
      if (!row || !(await repos.permissions.delete(row.id))) {
        throw new DomainError('not_found', 'permission_not_found', `The ${subject.type} ${subject.id} holds no grant on ${object.type} ${object.id}`);
      }
      await recordAudit(repos, {
        action: 'permission.revoked', target: { type: 'permission', id: row.id }, workspaceId: actor.workspaceId,
        changes: { subject, object },
      });
    });
  }

  /**
   * The objects of the type the subject reaches, oldest first, with the effective level and
   * its sources. Without `includeInherited` only the subject's own grants on the objects
   * count; with it also its role, its groups and grants on folders above the objects.
   */
  listObjects(actor: Actor, subjectInput: SubjectInput, objectType: ObjectType, includeInherited: boolean): Promise<ObjectAccess[]> {
    return this.store.read(async (repos) => {
      const subject = await resolveSubject(repos, actor.workspaceId, subjectInput);
      const principal = await principalOf(repos, actor.workspaceId, subject);
      const groupIds = principal.type === 'user' ? principal.member.groupIds : [principal.id];
      const [grantRows, folders, objects] = await Promise.all([
        repos.permissions.listForSubjects(actor.workspaceId, subject.type === 'user' ? subject.id : null, groupIds),
        repos.folders.list(actor.workspaceId),
        repos.permissions.listObjects(actor.workspaceId, objectType),
      ]);
      const facts = { folderParents: new Map(folders.map((folder) => [folder.id, folder.parent_id])), grants: grantRows.map(toGrant) };
      return objects.flatMap((row) => {
        const access = effectiveAccess(principal, { type: objectType, id: row.id, folderId: row.folder_id }, facts, { inherited: includeInherited });
        return access ? [{ object: { type: objectType, id: row.id, name: row.name }, ...access }] : [];
      });
    });
  }

  /**
   * Every member and group with access to the object, with the effective level and its
   * sources: users by email, groups by id.
   */
  accessList(actor: Actor, object: ObjectRef): Promise<AccessList> {
    return this.store.read(async (repos) => {
      const workspaceId = actor.workspaceId;
      const row = await resolveObject(repos, workspaceId, object);
      const folders = await repos.folders.list(workspaceId);
      const folderParents = new Map(folders.map((folder) => [folder.id, folder.parent_id]));
      const placed: PlacedObject = { ...object, folderId: row.folder_id };
      const reach = [object, ...folderChain(row.folder_id, folderParents).map((id) => ({ type: 'folder' as const, id }))];
      const grants = (await repos.permissions.listForObjects(workspaceId, reach)).map(toGrant);
      const facts = { folderParents, grants };
      const userIds = grants.flatMap((grant) => (grant.subject.type === 'user' ? [grant.subject.id] : []));
      const groupIds = [...new Set(grants.flatMap((grant) => (grant.subject.type === 'group' ? [grant.subject.id] : [])))];
      const [members, groupMembers, groups] = await Promise.all([
        repos.permissions.membersForAccess(workspaceId, userIds, groupIds),
        repos.groups.membersOf(groupIds),
        repos.groups.list(workspaceId),
      ]);
      const groupsOfUser = new Map<string, number[]>();
      for (const [groupId, users] of groupMembers) {
        for (const user of users) groupsOfUser.set(user.id, [...(groupsOfUser.get(user.id) ?? []), groupId]);
      }
      const users = members.flatMap((member) => {
        const memberFacts: MemberFacts = {
          userId: member.user_id, role: member.role, status: member.status, groupIds: groupsOfUser.get(member.user_id) ?? [],
        };
        const access = effectiveAccess({ type: 'user', member: memberFacts }, placed, facts, { inherited: true });
        return access ? [{ user: { id: member.user_id, email: member.email }, ...access }] : [];
      });
      const names = new Map(groups.map((group) => [group.id, group.name]));
      const groupAccess = [...groupIds].sort((a, b) => a - b).flatMap((id) => {
        const access = effectiveAccess({ type: 'group', id }, placed, facts, { inherited: true });
        return access ? [{ group: { id, name: names.get(id) ?? '' }, ...access }] : [];
      });
      return { users, groups: groupAccess };
    });
  }

  /**
   * Refuses an actor whose writes reach only what it is granted (`objectWrites: 'granted'`,
   * a builder's session) unless its person's effective access to each object, in the
   * order given, is at least the level demanded: 403 `insufficient_access` naming the first
   * object short of it and the level needed. Any other actor passes without a read.
   *
   * An object that does not exist, or an id that is no UUID, passes: it names nothing, and
   * the operation answers for it as it does for anyone (404, or 400 for a folder named in
   * the body). An object the person cannot even use is refused all the same, not hidden:
   * whoever holds a write scope here also reads the whole workspace. The facts are read
   * before, not inside, the write's transaction: a grant revoked meanwhile lets that one
   * write through, as a token revoked mid-request does.
   */
  async requireAccess(actor: Actor, demands: readonly AccessDemand[]): Promise<void> {
    if (actor.objectWrites !== 'granted' || demands.length === 0) return;
    await this.store.read(async (repos) => {
      const workspaceId = actor.workspaceId;
      const found = await Promise.all(demands.map(async (demand) => {
        const id = storedUuid(demand.object.id);
        const row = id === null ? undefined : await repos.permissions.getObject(workspaceId, demand.object.type, id);
        return row ? [{ demand, placed: { type: demand.object.type, id: row.id, folderId: row.folder_id } }] : [];
      }));
      const present = found.flat();
      if (present.length === 0) return;
      const member = await memberFactsOf(repos, workspaceId, actor.userId);
      const [grantRows, folders] = await Promise.all([
        member ? repos.permissions.listForSubjects(workspaceId, actor.userId, member.groupIds) : [],
        repos.folders.list(workspaceId),
      ]);
      const facts = { folderParents: new Map(folders.map((folder) => [folder.id, folder.parent_id])), grants: grantRows.map(toGrant) };
      for (const { demand, placed } of present) {
        const held = member ? effectiveAccess({ type: 'user', member }, placed, facts, { inherited: true })?.accessLevel ?? null : null;
        if (held === null || !reaches(held, demand.level)) throw insufficientAccess(demand, placed, held);
      }
    });
  }
}

function insufficientAccess(demand: AccessDemand, object: ObjectRef, held: AccessLevel | null): DomainError {
  return new DomainError(
    'forbidden',
    'insufficient_access',
    `You need ${demand.level} access to ${object.type} ${object.id} for this; you have ${held === null ? 'no access' : held}`,
    demand.field,
  );
}

/** The subject of the workspace `input` names; a UUID for a user, an integer for a group (400 on `subject.id`). */
async function resolveSubject(repos: Repositories, workspaceId: string, input: SubjectInput, lock?: 'share' | 'update'): Promise<SubjectRef> {
  const subject = subjectRefOf(input);
  const found = subject.type === 'user' ? await repos.memberships.get(workspaceId, subject.id, lock) : await repos.groups.get(workspaceId, subject.id, lock);
  if (!found) throw notFound(subject.type, subject.id);
  return subject;
}

/** The object of the workspace with its folder; 404 `<type>_not_found` otherwise. */
async function resolveObject(repos: Repositories, workspaceId: string, object: ObjectRef, lock?: 'share') {
  const row = await repos.permissions.getObject(workspaceId, object.type, object.id, lock);
  if (!row) throw notFound(object.type, object.id);
  return row;
}

async function principalOf(repos: Repositories, workspaceId: string, subject: SubjectRef): Promise<Principal> {
  if (subject.type === 'group') return { type: 'group', id: subject.id };
  return { type: 'user', member: (await memberFactsOf(repos, workspaceId, subject.id))! };
}

/** The member as access sees them; null when they are no member of the workspace. */
async function memberFactsOf(repos: Repositories, workspaceId: string, userId: string): Promise<MemberFacts | null> {
  const membership = await repos.memberships.get(workspaceId, userId);
  if (!membership) return null;
  const groups = (await repos.groups.groupsOfUsers(workspaceId, [userId])).get(userId) ?? [];
  return { userId, role: membership.role, status: membership.status, groupIds: groups.map((group) => group.id) };
}

function keyOf(subject: SubjectRef) {
  return { type: subject.type, id: String(subject.id) };
}

function toGrant(row: PermissionGrantRow): PermissionGrant & Grant {
  const subject: SubjectRef = row.subject_type === 'group' ? { type: 'group', id: Number(row.subject_id) } : { type: 'user', id: row.subject_id };
  return {
    subject,
    object: { type: row.object_type, id: row.object_id },
    accessLevel: row.access_level,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}
