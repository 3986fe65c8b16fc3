import type { Dialect } from './database.ts';
import { type Executor, type RowLock, withLock } from './executor.ts';
import type { Insertable } from 'kysely';
import type { MembershipRow, PermissionGrantRow, PermissionGrantTable } from './schema.ts';

/** Rows per statement for set-based grant writes and object reads. */
const UPSERT_CHUNK = 500;
const OBJECT_TABLES = { app: 'apps', resource: 'resources', folder: 'folders', workflow: 'workflows' } as const;

export type GrantSubjectType = PermissionGrantRow['subject_type'];
export type GrantObjectType = PermissionGrantRow['object_type'];

/** A subject or object as the grants table names it: the type and the id as text. */
export interface GrantKey {
  type: string;
  id: string;
}

/** An object that can be granted on, with the folder it sits in (a folder's parent). */
export interface PlacedObjectRow {
  id: string;
  folder_id: string | null;
}

/** An object with the name it is listed under. */
export interface NamedObjectRow extends PlacedObjectRow {
  name: string;
}

/** A member whose access is being worked out. */
export interface AccessMemberRow {
  user_id: string;
  email: string;
  role: MembershipRow['role'];
  status: MembershipRow['status'];
}

/**
 * Deletes every grant on the object. Called by the repositories that delete apps, resources,
 * folders and workflows, in the same transaction: the table cannot name them in a foreign key.
 */
export async function deleteGrantsOfObject(db: Executor, type: GrantObjectType, id: string): Promise<void> {
  await db.deleteFrom('permission_grants').where('object_type', '=', type).where('object_id', '=', id).execute();
}

/** Deletes every grant held by the subject in the workspace, as `deleteGrantsOfObject` does for objects. */
export async function deleteGrantsOfSubject(db: Executor, workspaceId: string, type: GrantSubjectType, id: string): Promise<void> {
  await db
    .deleteFrom('permission_grants')
    .where('workspace_id', '=', workspaceId)
    .where('subject_type', '=', type)
    .where('subject_id', '=', id)
    .execute();
}

export class PermissionRepository {
  constructor(
    private readonly db: Executor,
    private readonly dialect: Dialect,
  ) {}

  get(workspaceId: string, subject: GrantKey, object: GrantKey): Promise<PermissionGrantRow | undefined> {
    return this.db
      .selectFrom('permission_grants')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('subject_type', '=', subject.type as GrantSubjectType)
      .where('subject_id', '=', subject.id)
      .where('object_type', '=', object.type as GrantObjectType)
      .where('object_id', '=', object.id)
      .executeTakeFirst();
  }

  /** Inserts the grant, or sets the level of the one the subject already holds on the object. */
  async upsert(row: Insertable<PermissionGrantTable> & { updated_at: string }): Promise<PermissionGrantRow> {
    return this.db
      .insertInto('permission_grants')
      .values(row)
      .onConflict((oc) => oc
        .columns(['workspace_id', 'subject_type', 'subject_id', 'object_type', 'object_id'])
        .doUpdateSet({ access_level: row.access_level, updated_at: row.updated_at }))
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /**
   * Inserts or re-levels many grants, a chunk per statement; answers their rows. No two rows
   * may name the same subject and object.
   */
  async upsertMany(rows: readonly (Insertable<PermissionGrantTable> & { updated_at: string })[]): Promise<PermissionGrantRow[]> {
    const result: PermissionGrantRow[] = [];
    for (let start = 0; start < rows.length; start += UPSERT_CHUNK) {
      result.push(...await this.db
        .insertInto('permission_grants')
        .values(rows.slice(start, start + UPSERT_CHUNK))
        .onConflict((oc) => oc
          .columns(['workspace_id', 'subject_type', 'subject_id', 'object_type', 'object_id'])
          .doUpdateSet((eb) => ({ access_level: eb.ref('excluded.access_level'), updated_at: eb.ref('excluded.updated_at') })))
        .returningAll()
        .execute());
    }
    return result;
  }

  /** Which of `ids` are objects of the type in the workspace, a chunk per statement. */
  async objectsAmong(workspaceId: string, type: GrantObjectType, ids: readonly string[], lock?: RowLock): Promise<Set<string>> {
    const table = OBJECT_TABLES[type];
    const found = new Set<string>();
    for (let start = 0; start < ids.length; start += UPSERT_CHUNK) {
      const query = this.db.selectFrom(table).select('id').where('workspace_id', '=', workspaceId).where('id', 'in', ids.slice(start, start + UPSERT_CHUNK));
      for (const row of await withLock(query, this.dialect, lock).execute()) found.add(row.id);
    }
    return found;
  }

  /** True when a grant was removed. */
  async delete(id: number): Promise<boolean> {
    const result = await this.db.deleteFrom('permission_grants').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** The grants held by the user and by the given groups, in the workspace. */
  listForSubjects(workspaceId: string, userId: string | null, groupIds: readonly number[]): Promise<PermissionGrantRow[]> {
    return this.db
      .selectFrom('permission_grants')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where((eb) => eb.or([
        ...(userId === null ? [] : [eb.and([eb('subject_type', '=', 'user'), eb('subject_id', '=', userId)])]),
        ...(groupIds.length === 0 ? [] : [eb.and([eb('subject_type', '=', 'group'), eb('subject_id', 'in', groupIds.map(String))])]),
      ]))
      .orderBy('id')
      .execute();
  }

  /** The grants on any of the given objects, in the workspace. */
  listForObjects(workspaceId: string, objects: readonly GrantKey[]): Promise<PermissionGrantRow[]> {
    return this.db
      .selectFrom('permission_grants')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where((eb) => eb.or(objects.map((object) => eb.and([
        eb('object_type', '=', object.type as GrantObjectType),
        eb('object_id', '=', object.id),
      ]))))
      .orderBy('id')
      .execute();
  }

  /** The ids of the groups (among `groupIds` when given) that hold a grant above `use`. */
  async groupsAboveUse(workspaceId: string, groupIds?: readonly number[]): Promise<number[]> {
    if (groupIds?.length === 0) return [];
    let query = this.db
      .selectFrom('permission_grants')
      .select('subject_id')
      .distinct()
      .where('workspace_id', '=', workspaceId)
      .where('subject_type', '=', 'group')
      .where('access_level', 'in', ['edit', 'own']);
    if (groupIds) query = query.where('subject_id', 'in', groupIds.map(String));
    const rows = await query.execute();
    return rows.map((row) => Number(row.subject_id)).sort((a, b) => a - b);
  }

  /** Emails of the end users among the members of the given groups. */
  async endUserMembers(workspaceId: string, groupIds: readonly number[]): Promise<string[]> {
    if (groupIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('group_members')
      .innerJoin('memberships', (join) => join
        .onRef('memberships.user_id', '=', 'group_members.user_id')
        .on('memberships.workspace_id', '=', workspaceId))
      .innerJoin('users', 'users.id', 'group_members.user_id')
      .select('users.email')
      .distinct()
      .where('group_members.group_id', 'in', [...groupIds])
      .where('memberships.role', '=', 'end-user')
      .orderBy('users.email')
      .execute();
    return rows.map((row) => row.email);
  }

  /**
   * The members whose access to an object could be anything but none: the workspace's admins,
   * the given users, and the members of the given groups.
   */
  membersForAccess(workspaceId: string, userIds: readonly string[], groupIds: readonly number[]): Promise<AccessMemberRow[]> {
    return this.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['memberships.user_id', 'users.email', 'memberships.role', 'memberships.status'])
      .where('memberships.workspace_id', '=', workspaceId)
      .where((eb) => eb.or([
        eb('memberships.role', '=', 'admin'),
        ...(userIds.length === 0 ? [] : [eb('memberships.user_id', 'in', [...userIds])]),
        ...(groupIds.length === 0 ? [] : [eb('memberships.user_id', 'in', eb
          .selectFrom('group_members')
          .select('group_members.user_id')
          .where('group_members.group_id', 'in', [...groupIds]))]),
      ]))
      .orderBy('users.email')
      .execute();
  }

  /** The object of the workspace with its folder, share-locked when asked; a visible branch per table. */
  getObject(workspaceId: string, type: GrantObjectType, id: string, lock?: RowLock): Promise<PlacedObjectRow | undefined> {
    switch (type) {
      case 'folder': {
        const query = this.db.selectFrom('folders').select(['id', 'parent_id as folder_id']).where('workspace_id', '=', workspaceId).where('id', '=', id);
        return withLock(query, this.dialect, lock).executeTakeFirst();
      }
      case 'app':
        return withLock(this.placed('apps', workspaceId).where('id', '=', id), this.dialect, lock).executeTakeFirst();
      case 'resource':
        return withLock(this.placed('resources', workspaceId).where('id', '=', id), this.dialect, lock).executeTakeFirst();
      case 'workflow':
        return withLock(this.placed('workflows', workspaceId).where('id', '=', id), this.dialect, lock).executeTakeFirst();
    }
  }

  /** Every object of the type in the workspace, oldest first. */
  listObjects(workspaceId: string, type: GrantObjectType): Promise<NamedObjectRow[]> {
    switch (type) {
      case 'folder':
        return this.db
          .selectFrom('folders')
          .select(['id', 'parent_id as folder_id', 'name'])
          .where('workspace_id', '=', workspaceId)
          .orderBy('created_at')
          .orderBy('id')
          .execute();
      case 'app':
        return this.placed('apps', workspaceId).orderBy('created_at').orderBy('id').execute();
      case 'resource':
        return this.placed('resources', workspaceId).orderBy('created_at').orderBy('id').execute();
      case 'workflow':
        return this.placed('workflows', workspaceId).orderBy('created_at').orderBy('id').execute();
    }
  }

  private placed(table: 'apps' | 'resources' | 'workflows', workspaceId: string) {
    return this.db.selectFrom(table).select(['id', 'folder_id', 'name']).where('workspace_id', '=', workspaceId);
  }
}
