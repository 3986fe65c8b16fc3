import { Type } from 'typebox';
import { DomainError } from '../../core/errors.ts';
import { definitionNamed, fromRetoolValue } from './attribute-values.ts';
import { Envelope, ListEnvelope, Nullable, ok, wholeList } from './envelope.ts';
import { MAX_INTEGER_ID } from './ids.ts';
import { readAll } from './paging.ts';
import type { RetoolApp, RetoolContext } from './retool-v2-app.ts';
import { RetoolInvite, loadInvite, presentInvites } from './user-invites.mapper.ts';

const InviteBody = Type.Object({
  email: Type.String({ format: 'email', maxLength: 320 }),
  defaultGroupIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: MAX_INTEGER_ID }), { maxItems: 1000 })),
  metadata: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});

const InviteParams = Type.Object({ userInviteId: Type.String({ maxLength: 20 }) });
const InviteAttributeParams = Type.Object({ userInviteId: Type.String({ maxLength: 20 }), attributeName: Type.String({ maxLength: 255 }) });
const InviteAttributeBody = Type.Object({ name: Type.String({ minLength: 1, maxLength: 255 }), value: Nullable(Type.String({ maxLength: 65_536 })) });
const MetadataEnvelope = Envelope(Type.Object({ metadata: Type.Record(Type.String(), Type.Unknown()) }));

export function userInvitesRoutes(app: RetoolApp, { services }: RetoolContext): void {
  const { invites } = services;

  app.get('/user_invites', { config: { scope: 'invites:read' }, schema: { response: { 200: ListEnvelope(RetoolInvite) } } }, async (request) => {
    const all = await readAll((page) => invites.list(request.actor, undefined, page));
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

  // The value is text, read as the attribute's type; null removes the invite's value.
  app.post('/user_invites/:userInviteId/user_attributes', {
    config: { scope: 'invites:write' }, schema: { params: InviteParams, body: InviteAttributeBody, response: { 200: MetadataEnvelope } },
  }, async (request) => {
    const invite = await loadInvite(services, request.actor, request.params.userInviteId);
    const { name, value } = request.body;
    const definition = definitionNamed(await services.userAttributes.list(request.actor), name, 'name');
    const typed = value === null ? null : fromRetoolValue(definition.dataType, value, 'value');
    return ok({ metadata: await services.inviteChanges.setAttribute(request.actor, invite.id, name, typed) });
  });

  app.delete('/user_invites/:userInviteId/user_attributes/:attributeName', {
    config: { scope: 'invites:write' }, schema: { params: InviteAttributeParams, response: { 200: MetadataEnvelope } },
  }, async (request) => {
    const invite = await loadInvite(services, request.actor, request.params.userInviteId);
    return ok({ metadata: await services.inviteChanges.removeAttribute(request.actor, invite.id, request.params.attributeName) });
  });
}
