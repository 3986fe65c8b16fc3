import { Type } from 'typebox';
import type { Actor } from '../../core/actor.ts';
import { DomainError, invalidInput, notFound } from '../../core/errors.ts';
import type { Invite } from '../../core/invites.ts';
import type { Services } from '../../core/services.ts';
import { Nullable } from './envelope.ts';
import { toRetoolUserId } from './ids.ts';

export const RetoolInvite = Type.Object({
  id: Type.Number(),
  legacy_id: Type.Number(),
  invited_by: Type.String(),
  invited_email: Type.String(),
  expires_at: Type.String(),
  claimed_by: Nullable(Type.String()),
  claimed_at: Nullable(Type.String()),
  user_type: Nullable(Type.String()),
  metadata: Type.Record(Type.String(), Type.Unknown()),
  created_at: Type.String(),
  invite_link: Type.Optional(Type.String()),
  groups: Type.Array(Type.Object({ id: Type.Number(), legacy_id: Type.Number(), name: Type.String() })),
});

/**
 * Retool's user invite over Toolplane's: a small integer id, the invitee's kind as Retool's
 * `user_type` (`external` when the email is not of the workspace's domains), and `metadata`
 * as the user attribute values the invitee gets. The link is answered once, by the create,
 * when Toolplane does not mail it.
 */
export async function presentInvites(services: Services, invites: readonly Invite[], links: ReadonlyMap<string, string> = new Map()) {
  const ids = await services.retool.legacyIds('invite', invites.map((invite) => invite.id));
  return invites.map((invite) => ({
    id: ids.get(invite.id)!,
    legacy_id: ids.get(invite.id)!,
    invited_by: invite.invitedBy ?? '',
    invited_email: invite.email,
    expires_at: invite.expiresAt,
    claimed_by: invite.acceptedUserId ? toRetoolUserId(invite.acceptedUserId) : null,
    claimed_at: invite.acceptedAt,
    user_type: invite.external ? 'external' : invite.role === 'end-user' ? 'mobile' : 'default',
    metadata: invite.attributes,
    created_at: invite.createdAt,
    ...(links.has(invite.id) ? { invite_link: links.get(invite.id)! } : {}),
    groups: invite.groups.map((group) => ({ id: group.id, legacy_id: group.id, name: group.name })),
  }));
}

/** The Toolplane id of a Retool invite id; undefined when no invite has that number. */
async function localInviteId(services: Services, id: string | number): Promise<string | undefined> {
  const text = String(id);
  const found = /^\d{1,15}$/.test(text) ? await services.retool.byLegacyId(['invite'], Number(text)) : undefined;
  return found?.localId;
}

/** The invite a Retool invite id (from a path) names in the actor's workspace; 404 otherwise. */
export async function loadInvite(services: Services, actor: Actor, id: string): Promise<Invite> {
  const localId = await localInviteId(services, id);
  if (!localId) throw notFound('user_invite', id);
  try {
    return await services.invites.get(actor, localId);
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'not_found') throw notFound('user_invite', id);
    throw error;
  }
}

/**
 * The Toolplane ids of invite ids given in a body; one no invite has is a 400 naming
 * `<field>.<index>` (the core checks the rest: that each is the workspace's and open).
 */
export async function inviteIdsOf(services: Services, ids: ReadonlyArray<string | number>, field: string): Promise<string[]> {
  const result: string[] = [];
  for (const [index, id] of ids.entries()) {
    const localId = await localInviteId(services, id);
    if (!localId) throw invalidInput(`${field}.${index}`, `no user invite ${id} in this workspace`);
    result.push(localId);
  }
  return result;
}
