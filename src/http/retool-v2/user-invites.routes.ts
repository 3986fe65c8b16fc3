import { Type } from 'typebox';
import type { Actor } from '../../core/actor.ts';
import { DomainError, notFound } from '../../core/errors.ts';
import type { Invite } from '../../core/invites.ts';
import type { Services } from '../../core/services.ts';
import { Envelope, ListEnvelope, Nullable, ok, wholeList } from './envelope.ts';
import { MAX_INTEGER_ID, toRetoolUserId } from './ids.ts';
import type { RetoolApp, RetoolContext } from './retool-v2-app.ts';

const RetoolInvite = Type.Object({
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

const InviteBody = Type.Object({
  email: Type.String({ format: 'email', maxLength: 320 }),
  defaultGroupIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: MAX_INTEGER_ID }), { maxItems: 1000 })),
  metadata: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});

const InviteParams = Type.Object({ userInviteId: Type.String({ maxLength: 20 }) });
/** A list is read whole, this many invites at a time. */
const INVITES_BATCH = 500;

/**
 * Retool's user invite over Toolplane's: a small integer id, the invitee's kind as Retool's
 * `user_type` (`external` when the email is not of the workspace's domains), and `metadata`
 * as the user attribute values the invitee gets. The link is answered once, by the create,
 * when Toolplane does not mail it.
 */
async function presentInvites(services: Services, invites: readonly Invite[], links: ReadonlyMap<string, string> = new Map()) {
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

/** The invite a Retool invite id names in the actor's workspace; 404 otherwise. */
async function loadInvite(services: Services, actor: Actor, id: string): Promise<Invite> {
  const found = /^\d{1,15}$/.test(id) ? await services.retool.byLegacyId(['invite'], Number(id)) : undefined;
  if (!found) throw notFound('user_invite', id);
  try {
    return await services.invites.get(actor, found.localId);
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'not_found') throw notFound('user_invite', id);
    throw error;
  }
}

export function userInvitesRoutes(app: RetoolApp, { services }: RetoolContext): void {
  const { invites } = services;

  app.get('/user_invites', { config: { scope: 'invites:read' }, schema: { response: { 200: ListEnvelope(RetoolInvite) } } }, async (request) => {
    const all: Invite[] = [];
    for (let page = 1; ; page += 1) {
      const { items } = await invites.list(request.actor, undefined, { page, pageSize: INVITES_BATCH });
      all.push(...items);
      if (items.length < INVITES_BATCH) break;
    }
    return wholeList(await presentInvites(services, all));
  });

  app.get('/user_invites/:userInviteId', {
    config: { scope: 'invites:read' }, schema: { params: InviteParams, response: { 200: Envelope(RetoolInvite) } },
  }, async (request) => {
    const [presented] = await presentInvites(services, [await loadInvite(services, request.actor, request.params.userInviteId)]);
    return ok(presented!);
  });

  // Retool's invites carry no role: the workspace's own people are invited as builders, and
  // an external email, which Toolplane admits only as an end user, as one.
  app.post('/user_invites', { config: { scope: 'invites:write' }, schema: { body: InviteBody, response: { 200: Envelope(RetoolInvite) } } }, async (request) => {
    const input = { email: request.body.email, groupIds: request.body.defaultGroupIds, attributes: request.body.metadata };
    const issued = await invites.create(request.actor, { ...input, role: 'builder' }).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === 'external_role') return invites.create(request.actor, { ...input, role: 'end-user' });
      throw error;
    });
    const links = new Map(issued.acceptUrl ? [[issued.invite.id, issued.acceptUrl]] : []);
    const [presented] = await presentInvites(services, [issued.invite], links);
    return ok(presented!);
  });

  app.delete('/user_invites/:userInviteId', { config: { scope: 'invites:write' }, schema: { params: InviteParams } }, async (request, reply) => {
    await invites.revoke(request.actor, (await loadInvite(services, request.actor, request.params.userInviteId)).id);
    reply.code(204);
    return null;
  });
}
