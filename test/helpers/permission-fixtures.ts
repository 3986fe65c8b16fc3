import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Harness } from './harness.ts';

/** Builders and calls the permission tests share: members, groups, objects, grants and lists, through the native API. */

export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
export const UNKNOWN_GROUP_ID = 2_147_483_647;

export type Role = 'admin' | 'builder' | 'end-user';
export type Level = 'use' | 'edit' | 'own';
export type ObjectType = 'app' | 'resource' | 'folder' | 'workflow';
export type Subject = { type: 'user'; id: string } | { type: 'group'; id: number };
export interface Ref { type: ObjectType; id: string }
export interface Source { type: string; accessLevel: Level; groupId?: number; folderId?: string; role?: string }
export interface Entry { accessLevel: Level; sources: Source[] }
export interface UserEntry extends Entry { subject: { type: 'user'; id: string; email: string } }
export interface GroupEntry extends Entry { subject: { type: 'group'; id: number; name: string } }
export interface ObjectEntry extends Entry { type: ObjectType; id: string }

export function permissionFixtures(harness: () => Harness) {
  let counter = 0;
  const next = (prefix: string) => `${prefix}-${++counter}`;

  async function created(response: Promise<LightMyRequestResponse>, status = 201) {
    const answer = await response;
    expect(answer.statusCode, answer.body).toBe(status);
    return answer.json();
  }

  async function createUser(role: Role, workspaceId?: string): Promise<{ type: 'user'; id: string; email: string }> {
    const email = `${next(role)}@example.com`;
    const body = { email, isAdmin: role === 'admin', userType: role === 'end-user' ? 'endUser' : 'default' };
    const user = await created(harness().request('POST', '/api/v1/users', { body, workspaceId }));
    return { type: 'user', id: user.id, email };
  }

  async function createGroup(memberIds: string[] = [], workspaceId?: string): Promise<{ type: 'group'; id: number; name: string }> {
    const group = await created(harness().request('POST', '/api/v1/groups', { body: { name: next('group') }, workspaceId }));
    for (const userId of memberIds) await created(harness().request('POST', `/api/v1/groups/${group.id}/members`, { body: { userId }, workspaceId }), 200);
    return { type: 'group', id: group.id, name: group.name };
  }

  async function createFolder(folderType: 'app' | 'resource' | 'workflow', parentFolderId?: string, workspaceId?: string): Promise<Ref> {
    const folder = await created(harness().request('POST', '/api/v1/folders', { body: { name: next('folder'), folderType, parentFolderId }, workspaceId }));
    return { type: 'folder', id: folder.id };
  }

  async function createApp(folder?: Ref, workspaceId?: string): Promise<Ref> {
    const app = await created(harness().request('POST', '/api/v1/apps', { body: { name: next('app'), folderId: folder?.id }, workspaceId }));
    return { type: 'app', id: app.id };
  }

  async function createResource(folder?: Ref, workspaceId?: string): Promise<Ref> {
    const body = { name: next('resource'), type: 'postgresql', folderId: folder?.id };
    return { type: 'resource', id: (await created(harness().request('POST', '/api/v1/resources', { body, workspaceId }))).id };
  }

  async function createWorkflow(folder?: Ref, workspaceId?: string): Promise<Ref> {
    const body = { name: next('workflow'), folderId: folder?.id };
    return { type: 'workflow', id: (await created(harness().request('POST', '/api/v1/workflows', { body, workspaceId }))).id };
  }

  const subjectOf = (subject: Subject) => ({ type: subject.type, id: subject.id });
  const objectOf = (object: Ref) => ({ type: object.type, id: object.id });

  function grantRequest(subject: Subject, object: Ref, accessLevel: Level, workspaceId?: string) {
    return harness().request('POST', '/api/v1/permissions/grant', { body: { subject: subjectOf(subject), object: objectOf(object), accessLevel }, workspaceId });
  }

  async function grant(subject: Subject, object: Ref, accessLevel: Level, workspaceId?: string) {
    return created(grantRequest(subject, object, accessLevel, workspaceId), 200);
  }

  function revokeRequest(subject: Subject, object: Ref, workspaceId?: string) {
    return harness().request('POST', '/api/v1/permissions/revoke', { body: { subject: subjectOf(subject), object: objectOf(object) }, workspaceId });
  }

  async function listObjects(subject: Subject, objectType: ObjectType, includeInherited?: boolean, workspaceId?: string): Promise<ObjectEntry[]> {
    const body = { subject: subjectOf(subject), objectType, ...(includeInherited === undefined ? {} : { includeInherited }) };
    const answer = await created(harness().request('POST', '/api/v1/permissions/listObjects', { body, workspaceId }), 200);
    expect(answer.total).toBe(answer.data.length);
    // Every object comes with its name; the tests compare levels and sources.
    return answer.data.map(({ name, ...entry }: ObjectEntry & { name: string }) => {
      expect(typeof name).toBe('string');
      return entry;
    });
  }

  async function accessList(object: Ref, workspaceId?: string): Promise<{ users: UserEntry[]; groups: GroupEntry[] }> {
    return (await created(harness().request('GET', `/api/v1/permissions/accessList/${object.type}/${object.id}`, { workspaceId }), 200)).data;
  }

  async function userEntry(object: Ref, userId: string): Promise<Entry | undefined> {
    const entry = (await accessList(object)).users.find((user) => user.subject.id === userId);
    return entry && { accessLevel: entry.accessLevel, sources: entry.sources };
  }

  async function grantRows(where: { objectId?: string; subjectId?: string }): Promise<number> {
    let query = harness().runtime.database.db.selectFrom('permission_grants').select('id');
    if (where.objectId) query = query.where('object_id', '=', where.objectId);
    if (where.subjectId) query = query.where('subject_id', '=', where.subjectId);
    return (await query.execute()).length;
  }

  async function auditEvents(action: string) {
    return harness().runtime.database.db.selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('id').execute();
  }

  const parsed = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);
  return {
    next, created, createUser, createGroup, createFolder, createApp, createResource, createWorkflow, subjectOf, objectOf, grantRequest, grant, revokeRequest, listObjects, accessList, userEntry, grantRows, auditEvents, parsed,
  };
}
