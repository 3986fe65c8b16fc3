import type { Actor } from '../../core/actor.ts';
import type { Group } from '../../core/group.service.ts';
import type { GroupSettings } from '../../core/retool-data.service.ts';
import type { Services } from '../../core/services.ts';
import { ok, wholeList } from './envelope.ts';
import { presentGroup, presentGroups } from './groups.mapper.ts';
import { fromRetoolGroupId, fromRetoolUserId } from './ids.ts';
import { PatchBody, applyPatch, checkPatched } from './json-patch.ts';
import type { RetoolApp, RetoolContext } from './retool-v2-app.ts';
import { inviteIdsOf, loadInvite } from './user-invites.mapper.ts';
import {
  GroupCreateBody, GroupEnvelope, GroupInviteParams, GroupInvitesBody, GroupListEnvelope, GroupMemberParams, GroupMembersBody, GroupParams, GroupReplaceBody,
  SETTING_NAMES,
} from './groups.schemas.ts';
import { invalidInput } from '../../core/errors.ts';

type SettingsBody = Partial<Record<(typeof SETTING_NAMES)[number], unknown>>;

function settingsOf(body: SettingsBody): GroupSettings {
  return Object.fromEntries(SETTING_NAMES.filter((name) => body[name] !== undefined).map((name) => [name, body[name] as string | boolean | null]));
}

/** The user a member entry names; a malformed id is a 400 naming the entry. */
function memberId(id: string, index: number): string {
  try {
    return fromRetoolUserId(id);
  } catch {
    throw invalidInput(`members.${index}.id`, `no user with id ${id} in this workspace`);
  }
}

/**
 * Makes the group's members exactly `members` (Retool user ids), adding and removing the
 * difference. Runs inside the caller's transaction.
 */
async function replaceMembers(services: Services, actor: Actor, group: Group, members: ReadonlyArray<{ id: string }>): Promise<void> {
  const wanted = new Set(members.map((member, index) => memberId(member.id, index)));
  const present = new Set(group.members.map((member) => member.id));
  for (const userId of present) if (!wanted.has(userId)) await services.groups.removeMember(actor, group.id, userId);
  for (const userId of wanted) if (!present.has(userId)) await services.groups.addMember(actor, group.id, userId);
}

/** Makes the group's open invites exactly `invites` (Retool invite ids). Runs inside the caller's transaction. */
async function replaceInvites(services: Services, actor: Actor, groupId: number, invites: ReadonlyArray<{ id: number }>): Promise<void> {
  const inviteIds = await inviteIdsOf(services, invites.map((invite) => invite.id), 'user_invites');
  await services.inviteChanges.setGroupInvites(actor, groupId, inviteIds, 'user_invites');
}

export function groupsRoutes(app: RetoolApp, { services }: RetoolContext): void {
  const { groups, retool, unitOfWork } = services;

  app.get('/groups', { config: { scope: 'groups:read' }, schema: { response: { 200: GroupListEnvelope } } }, async (request) =>
    wholeList(await presentGroups(services, request.actor, await groups.list(request.actor))));

  app.get('/groups/:groupId', { config: { scope: 'groups:read' }, schema: { params: GroupParams, response: { 200: GroupEnvelope } } }, async (request) =>
    ok(await presentGroup(services, request.actor, fromRetoolGroupId(request.params.groupId))));

  app.post('/groups', { config: { scope: 'groups:write' }, schema: { body: GroupCreateBody, response: { 200: GroupEnvelope } } }, async (request) => {
    const groupId = await unitOfWork.run(async () => {
      const group = await groups.create(request.actor, request.body.name);
      if (request.body.members) await replaceMembers(services, request.actor, group, request.body.members);
      if (request.body.user_invites) await replaceInvites(services, request.actor, group.id, request.body.user_invites);
      await retool.setGroupSettings(request.actor, group.id, settingsOf(request.body));
      return group.id;
    });
    return ok(await presentGroup(services, request.actor, groupId));
  });

  app.put('/groups/:groupId', {
    config: { scope: 'groups:write' }, schema: { params: GroupParams, body: GroupReplaceBody, response: { 200: GroupEnvelope } },
  }, async (request) => {
    const groupId = fromRetoolGroupId(request.params.groupId);
    await replaceGroup(services, request.actor, groupId, request.body);
    return ok(await presentGroup(services, request.actor, groupId));
  });

  app.patch('/groups/:groupId', {
    config: { scope: 'groups:write' }, schema: { params: GroupParams, body: PatchBody, response: { 200: GroupEnvelope } },
  }, async (request) => {
    const groupId = fromRetoolGroupId(request.params.groupId);
    const current = await presentGroup(services, request.actor, groupId);
    const patched = applyPatch(current, request.body.operations, ['name', 'members', 'user_invites', ...SETTING_NAMES]);
    checkPatched(GroupReplaceBody, patchedInput(patched));
    await replaceGroup(services, request.actor, groupId, patchedInput(patched));
    return ok(await presentGroup(services, request.actor, groupId));
  });

  // Adds the members given; those already in the group stay, as do the others.
  app.post('/groups/:groupId/members', {
    config: { scope: 'groups:write' }, schema: { params: GroupParams, body: GroupMembersBody, response: { 200: GroupEnvelope } },
  }, async (request) => {
    const groupId = fromRetoolGroupId(request.params.groupId);
    await unitOfWork.run(async () => {
      const group = await groups.get(request.actor, groupId);
      const present = new Set(group.members.map((member) => member.id));
      for (const [index, member] of request.body.members.entries()) {
        const userId = memberId(member.id, index);
        if (!present.has(userId)) await groups.addMember(request.actor, groupId, userId);
        present.add(userId);
      }
    });
    return ok(await presentGroup(services, request.actor, groupId));
  });

  app.delete('/groups/:groupId/members/:userSid', {
    config: { scope: 'groups:write' }, schema: { params: GroupMemberParams, response: { 200: GroupEnvelope } },
  }, async (request) => {
    const groupId = fromRetoolGroupId(request.params.groupId);
    await groups.removeMember(request.actor, groupId, fromRetoolUserId(request.params.userSid));
    return ok(await presentGroup(services, request.actor, groupId));
  });

  // Adds the invites given to the group (they join it on accepting); those there already stay.
  app.post('/groups/:groupId/user_invites', {
    config: { scope: 'groups:write' }, schema: { params: GroupParams, body: GroupInvitesBody, response: { 200: GroupEnvelope } },
  }, async (request) => {
    const groupId = fromRetoolGroupId(request.params.groupId);
    await services.inviteChanges.addToGroup(request.actor, groupId, await inviteIdsOf(services, request.body.userInviteIds, 'userInviteIds'), 'userInviteIds');
    return ok(await presentGroup(services, request.actor, groupId));
  });

  app.delete('/groups/:groupId/user_invites/:userInviteId', {
    config: { scope: 'groups:write' }, schema: { params: GroupInviteParams },
  }, async (request, reply) => {
    const groupId = fromRetoolGroupId(request.params.groupId);
    const invite = await loadInvite(services, request.actor, request.params.userInviteId);
    await services.inviteChanges.removeFromGroup(request.actor, groupId, invite.id);
    reply.code(204);
    return null;
  });

  app.delete('/groups/:groupId', { config: { scope: 'groups:write' }, schema: { params: GroupParams } }, async (request, reply) => {
    await groups.delete(request.actor, fromRetoolGroupId(request.params.groupId));
    reply.code(204);
    return null;
  });
}

/** The writable fields of a patched group, as a PUT would send them. */
function patchedInput(patched: Record<string, unknown>) {
  const { name, members, user_invites: invites, ...rest } = patched;
  const settings = Object.fromEntries(SETTING_NAMES.map((setting) => [setting, rest[setting]]));
  return { name: name as string, members: members as Array<{ id: string }>, user_invites: invites as Array<{ id: number }>, ...settings };
}

/** Renames, sets members and settings; the caller's transaction (the write guard's) holds them together. */
async function replaceGroup(
  services: Services, actor: Actor, groupId: number,
  body: { name?: string; members?: Array<{ id: string }>; user_invites?: Array<{ id: number }> } & SettingsBody,
): Promise<void> {
  let group = await services.groups.get(actor, groupId);
  if (body.name !== undefined && body.name !== group.name) group = await services.groups.rename(actor, groupId, body.name);
  if (body.members) await replaceMembers(services, actor, group, body.members);
  if (body.user_invites) await replaceInvites(services, actor, groupId, body.user_invites);
  await services.retool.setGroupSettings(actor, groupId, settingsOf(body));
}
