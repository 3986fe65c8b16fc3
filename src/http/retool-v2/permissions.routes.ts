import type { AccessLevel, AccessSource, ObjectRef, ObjectType } from '../../core/access.ts';
import type { Actor } from '../../core/actor.ts';
import { invalidInput } from '../../core/errors.ts';
import type { SubjectInput } from '../../core/permission.service.ts';
import type { Services } from '../../core/services.ts';
import { ok, wholeList } from './envelope.ts';
import type { FolderIds } from './folders.mapper.ts';
import { MAX_INTEGER_ID, fromRetoolUserId, toRetoolUserId } from './ids.ts';
import { AccessListAnswer, AccessListEnvelope, AccessListParams, GrantBody, ListObjectsBody, RevokeBody } from './permissions.schemas.ts';
import type { RetoolApp, RetoolContext } from './retool-v2-app.ts';

type RetoolObjectType = 'folder' | 'app' | 'screen' | 'resource' | 'resource_configuration';

/** A Retool subject: a group by its integer id, a user by `user_<hex>`. */
function subjectOf(subject: { type: string; id: unknown }): SubjectInput {
  if (subject.type === 'group') {
    if (typeof subject.id !== 'number' || !Number.isInteger(subject.id) || subject.id < 1 || subject.id > MAX_INTEGER_ID) {
      throw invalidInput('subject.id', 'a group is named by its integer id');
    }
    return { type: 'group', id: subject.id };
  }
  if (typeof subject.id !== 'string') throw invalidInput('subject.id', 'a user is named by its user_<id>');
  try {
    return { type: 'user', id: fromRetoolUserId(subject.id) };
  } catch {
    throw invalidInput('subject.id', `no user with id ${subject.id} in this workspace`);
  }
}

/**
 * The Toolplane object a Retool object names. Screens and resource configurations carry no
 * grants in Toolplane: a grant on them is a 400 naming `object.type`.
 */
async function objectOf(ids: FolderIds, actor: Actor, object: { type: string; id: string }, inPath = false): Promise<ObjectRef> {
  if (object.type === 'screen' || object.type === 'resource_configuration') {
    throw invalidInput('object.type', `${object.type} permissions are not supported; grant on the app or the resource`);
  }
  if (object.type !== 'folder') return { type: object.type as ObjectType, id: object.id.toLowerCase() };
  // A folder the path names and that is not there is a 404; one a body names, a 400 on the field.
  const resolved = inPath ? await ids.resolve(actor, object.id) : await ids.resolveIn(actor, object.id, 'object.id');
  if (resolved.root) throw invalidInput('object.id', 'root folders take no grants; grant universal access on the group');
  return { type: 'folder', id: resolved.folder.id };
}

/** The subject's own grants on objects of the type, as Retool lists them. */
async function accessEntries(services: Services, ids: FolderIds, actor: Actor, subject: SubjectInput, type: RetoolObjectType, inherited: boolean) {
  if (type === 'screen' || type === 'resource_configuration') return [];
  const objects = await services.permissions.listObjects(actor, subject, type, inherited);
  const folderIds = type === 'folder'
    ? await ids.idsOf(await Promise.all(objects.map((entry) => services.folders.get(actor, entry.object.id))))
    : new Map<string, string>();
  return objects.map((entry) => ({
    type,
    id: type === 'folder' ? folderIds.get(entry.object.id)! : entry.object.id,
    access_level: entry.accessLevel,
  }));
}

export function permissionsRoutes(app: RetoolApp, { services }: RetoolContext, ids: FolderIds): void {
  const { permissions } = services;

  app.post('/permissions/grant', {
    config: { scope: 'permissions:write' }, schema: { body: GrantBody, response: { 200: AccessListEnvelope } },
  }, async (request) => {
    const subject = subjectOf(request.body.subject);
    const object = await objectOf(ids, request.actor, request.body.object);
    await permissions.grant(request.actor, subject, object, request.body.access_level as AccessLevel);
    return wholeList(await accessEntries(services, ids, request.actor, subject, request.body.object.type as RetoolObjectType, false));
  });

  app.post('/permissions/revoke', {
    config: { scope: 'permissions:write' }, schema: { body: RevokeBody, response: { 200: AccessListEnvelope } },
  }, async (request) => {
    const subject = subjectOf(request.body.subject);
    const object = await objectOf(ids, request.actor, request.body.object);
    await permissions.revoke(request.actor, subject, object);
    return wholeList(await accessEntries(services, ids, request.actor, subject, request.body.object.type as RetoolObjectType, false));
  });

  app.get('/permissions/accessList/:objectType/:objectId', {
    config: { scope: 'permissions:read' }, schema: { params: AccessListParams, response: { 200: AccessListAnswer } },
  }, async (request) => {
    const object = await objectOf(ids, request.actor, { type: request.params.objectType, id: request.params.objectId }, true);
    const list = await permissions.accessList(request.actor, object);
    const folderIds = new Set<string>();
    for (const entry of [...list.users, ...list.groups]) {
      for (const source of entry.sources) if (source.type === 'folder') folderIds.add(source.folderId);
    }
    const retoolFolderIds = await ids.idsOf(await Promise.all([...folderIds].map((id) => services.folders.get(request.actor, id))));
    const sourcesOf = (sources: readonly AccessSource[]) => {
      const result: { direct?: boolean; universal?: boolean; groups?: Array<{ id: string; type: 'group' }>; inherited?: { id: string; type: 'folder' } } = {};
      const viaGroup = (groupId: number) => {
        if (!result.groups?.some((group) => group.id === String(groupId))) result.groups = [...(result.groups ?? []), { id: String(groupId), type: 'group' }];
      };
      for (const source of sources) {
        if (source.type === 'direct') result.direct = true;
        else if (source.type === 'role') result.universal = true;
        else if (source.type === 'group') viaGroup(source.groupId);
        else {
          result.inherited ??= { id: retoolFolderIds.get(source.folderId)!, type: 'folder' };
          if (source.groupId !== undefined) viaGroup(source.groupId);
        }
      }
      return result;
    };
    return ok({
      user: list.users.map((entry) => ({ subject: { id: toRetoolUserId(entry.user.id), type: 'user' }, sources: sourcesOf(entry.sources), accessLevel: entry.accessLevel })),
      group: list.groups.map((entry) => ({ subject: { id: String(entry.group.id), type: 'group' }, sources: sourcesOf(entry.sources), accessLevel: entry.accessLevel })),
    });
  });

  // A read, though a POST: it changes nothing, so it needs only the read scope.
  app.post('/permissions/listObjects', {
    config: { scope: 'permissions:read' }, schema: { body: ListObjectsBody, response: { 200: AccessListEnvelope } },
  }, async (request) => {
    const subject = subjectOf(request.body.subject);
    const type = request.body.object_type as RetoolObjectType;
    return wholeList(await accessEntries(services, ids, request.actor, subject, type, request.body.include_inherited_access ?? false));
  });
}
