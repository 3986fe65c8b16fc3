import type { Repositories } from '../db/store.ts';
import { type AccessLevel, type ObjectRef, type SubjectRef, exceedsUse } from './access.ts';
import { refuseGrantToEndUsers } from './access-rules.ts';
import { type AuditEntry, recordAuditMany } from './audit.ts';
import { invalidInput, notFound } from './errors.ts';

/** A subject as a client names it: the id's type (UUID or integer) is checked against `type`. */
export interface SubjectInput {
  type: 'user' | 'group';
  id: string | number;
}

/** One grant of `grantAll`. */
export interface GrantInput {
  subject: SubjectInput;
  object: ObjectRef;
  accessLevel: AccessLevel;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The subject `input` names; a UUID for a user, an integer for a group (400 on `subject.id`). */
export function subjectRefOf(input: SubjectInput): SubjectRef {
  if (input.type === 'user') {
    if (typeof input.id !== 'string' || !UUID.test(input.id)) throw invalidInput('subject.id', 'a user is named by its UUID');
    return { type: 'user', id: input.id.toLowerCase() };
  }
  if (typeof input.id !== 'number' || !Number.isInteger(input.id)) throw invalidInput('subject.id', 'a group is named by its integer id');
  return { type: 'group', id: input.id };
}

/**
 * Makes many grants inside the caller's transaction, by the rules of `PermissionService.grant`:
 * every subject and object is the workspace's (404), no level above `use` reaches an end user
 * (400 `end_user_access_level`), each grant replaces the level its subject held on its object
 * and records a `permission.granted` event. Of two grants of one subject on one object the
 * later wins. A few statements whatever the count; a refusal throws, and the caller's
 * transaction then changes nothing. Subjects given a level above `use` are locked for update
 * (so no end user joins their group meanwhile), the others and the objects share-locked.
 */
export async function grantAll(repos: Repositories, workspaceId: string, inputs: readonly GrantInput[]): Promise<void> {
  const byKey = new Map<string, { subject: SubjectRef; object: ObjectRef; accessLevel: AccessLevel }>();
  for (const input of inputs) {
    const subject = subjectRefOf(input.subject);
    byKey.set(grantKey(subject, input.object), { subject, object: input.object, accessLevel: input.accessLevel });
  }
  const grants = [...byKey.values()];
  const idsOf = <T>(type: 'user' | 'group', elevated: boolean) => [...new Set(grants
    .filter((grant) => grant.subject.type === type && exceedsUse(grant.accessLevel) === elevated)
    .map((grant) => grant.subject.id as T))];

  const roles = new Map([
    ...await repos.memberships.rolesOf(workspaceId, idsOf<string>('user', true), 'update'),
    ...await repos.memberships.rolesOf(workspaceId, idsOf<string>('user', false), 'share'),
  ]);
  const elevatedGroups = idsOf<number>('group', true);
  const groups = new Set([
    ...await repos.groups.getMany(workspaceId, elevatedGroups, 'update'),
    ...await repos.groups.getMany(workspaceId, idsOf<number>('group', false), 'share'),
  ].map((group) => group.id));
  for (const { subject } of grants) {
    if (subject.type === 'user' ? !roles.has(subject.id) : !groups.has(subject.id)) throw notFound(subject.type, subject.id);
  }
  for (const type of new Set(grants.map((grant) => grant.object.type))) {
    const ids = [...new Set(grants.filter((grant) => grant.object.type === type).map((grant) => grant.object.id))];
    const found = await repos.permissions.objectsAmong(workspaceId, type, ids, 'share');
    const missing = ids.find((id) => !found.has(id));
    if (missing !== undefined) throw notFound(type, missing);
  }
  const endUserReached = grants.some((grant) => exceedsUse(grant.accessLevel) && grant.subject.type === 'user' && roles.get(grant.subject.id) === 'end-user')
    || (await repos.permissions.endUserMembers(workspaceId, elevatedGroups)).length > 0;
  // Only a refused set reads grant by grant, to name the first grant refused as `grant` would.
  if (endUserReached) for (const grant of grants) await refuseGrantToEndUsers(repos, workspaceId, grant.subject, grant.accessLevel);

  const at = new Date().toISOString();
  const rows = await repos.permissions.upsertMany(grants.map((grant) => ({
    workspace_id: workspaceId, subject_type: grant.subject.type, subject_id: String(grant.subject.id),
    object_type: grant.object.type, object_id: grant.object.id, access_level: grant.accessLevel, created_at: at, updated_at: at,
  })));
  const rowIds = new Map(rows.map((row) => [
    grantKey(row.subject_type === 'group' ? { type: 'group', id: Number(row.subject_id) } : { type: 'user', id: row.subject_id }, { type: row.object_type, id: row.object_id }),
    row.id,
  ]));
  await recordAuditMany(repos, grants.map((grant): AuditEntry => ({
    action: 'permission.granted', target: { type: 'permission', id: rowIds.get(grantKey(grant.subject, grant.object))! }, workspaceId,
    changes: { subject: grant.subject, object: grant.object, accessLevel: grant.accessLevel },
  })));
}

function grantKey(subject: SubjectRef, object: ObjectRef): string {
  return `${subject.type} ${subject.id} ${object.type} ${object.id}`;
}
