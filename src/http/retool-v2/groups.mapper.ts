import type { Actor } from '../../core/actor.ts';
import type { Group } from '../../core/group.service.ts';
import type { Services } from '../../core/services.ts';
import { GROUP_SETTING_DEFAULTS } from './groups.schemas.ts';
import { toRetoolUserId } from './ids.ts';
import { presentInvites } from './user-invites.mapper.ts';

/** Retool's groups: members, Retool's access settings, and the open invites that join each group. */
export async function presentGroups(services: Services, actor: Actor, groups: readonly Group[]) {
  const groupIds = groups.map((group) => group.id);
  const [settings, invites] = await Promise.all([services.retool.groupSettings(groupIds), services.inviteChanges.openByGroup(actor, groupIds)]);
  // Each invite is presented once, however many of the groups it joins.
  const distinct = new Map([...invites.values()].flat().map((invite) => [invite.id, invite]));
  const presentedInvites = await presentInvites(services, [...distinct.values()]);
  const inviteOf = new Map([...distinct.keys()].map((id, index) => [id, presentedInvites[index]!]));
  return groups.map((group) => ({
    id: group.id,
    legacy_id: group.id,
    name: group.name,
    // Toolplane has no group admins: every member answers false.
    members: group.members.map((member) => ({ id: toRetoolUserId(member.id), email: member.email, is_group_admin: false })),
    ...GROUP_SETTING_DEFAULTS,
    ...settings.get(group.id),
    user_invites: (invites.get(group.id) ?? []).map((invite) => inviteOf.get(invite.id)!),
    updated_at: group.updatedAt,
    created_at: group.createdAt,
  }));
}

export async function presentGroup(services: Services, actor: Actor, groupId: number) {
  const [group] = await presentGroups(services, actor, [await services.groups.get(actor, groupId)]);
  return group!;
}
