import type { MemberPage } from '../../core/user.service.ts';
import type { MemberKey } from '../../db/user.repository.ts';
import { DomainError, invalidInput } from '../../core/errors.ts';
import type { RoleFlags } from '../../core/roles.ts';
import { ok } from './envelope.ts';
import { fromRetoolUserId } from './ids.ts';
import { PatchBody, applyPatch } from './json-patch.ts';
import { decodeNextToken, encodeNextToken, requireLimitWithToken } from './paging.ts';
import type { RetoolApp, RetoolContext } from './retool-v2-app.ts';
import { presentUser, presentUsers, roleOf } from './users.mapper.ts';
import {
  MetadataEnvelope, UserAttributeBody, UserAttributeParams, UserCreateBody, UserEnvelope, UserListEnvelope, UserParams, UsersQuery,
} from './users.schemas.ts';

/** A list without `limit` is read whole, this many members at a time. */
const WHOLE_LIST_BATCH = 1000;
const PATCHABLE = ['first_name', 'last_name', 'active', 'metadata', 'user_type', 'is_admin'] as const;

export function usersRoutes(app: RetoolApp, { services }: RetoolContext): void {
  const { users, retool, unitOfWork } = services;

  app.get('/users', { config: { scope: 'users:read' }, schema: { querystring: UsersQuery, response: { 200: UserListEnvelope } } }, async (request) => {
    const { email, first_name: firstName, last_name: lastName, limit, next_token: nextToken } = request.query;
    requireLimitWithToken(request.query);
    const filter = { email, firstName, lastName };
    if (limit !== undefined) {
      const after = nextToken === undefined ? null : keyOf(decodeNextToken(nextToken, ['j', 'u']));
      const page = await users.listAfter(request.actor, after, limit, filter);
      return {
        success: true, data: await presentUsers(services, request.actor, page.items), total_count: page.total,
        next_token: page.next ? encodeNextToken({ j: page.next.joinedAt, u: page.next.userId }) : null, has_more: page.next !== null,
      };
    }
    // Presented batch by batch: each batch's ids and metadata are read with one bounded query.
    const all: Awaited<ReturnType<typeof presentUsers>> = [];
    let after: MemberKey | null = null;
    do {
      const page: MemberPage = await users.listAfter(request.actor, after, WHOLE_LIST_BATCH, filter);
      all.push(...await presentUsers(services, request.actor, page.items));
      after = page.next;
    } while (after);
    return { success: true, data: all, total_count: all.length, next_token: null, has_more: false };
  });

  app.get('/users/:userId', { config: { scope: 'users:read' }, schema: { params: UserParams, response: { 200: UserEnvelope } } }, async (request) =>
    ok(await presentUser(services, request.actor, fromRetoolUserId(request.params.userId))));

  app.post('/users', { config: { scope: 'users:write' }, schema: { body: UserCreateBody, response: { 200: UserEnvelope } } }, async (request) => {
    const { email, first_name: firstName, last_name: lastName, active, metadata, user_type: userType } = request.body;
    const role = roleOf(userType ?? 'default', false, 'user_type');
    // One transaction: a refused metadata or state change leaves no user behind.
    const userId = await unitOfWork.run(async () => {
      const user = await users.create(request.actor, { email, firstName, lastName, role });
      if (active === false) await users.update(request.actor, user.id, { disabled: true });
      if (metadata && Object.keys(metadata).length > 0) await retool.setUserMetadata(request.actor, user.id, metadata);
      return user.id;
    });
    return ok(await presentUser(services, request.actor, userId));
  });

  app.patch('/users/:userId', { config: { scope: 'users:write' }, schema: { params: UserParams, body: PatchBody, response: { 200: UserEnvelope } } }, async (request) => {
    const userId = fromRetoolUserId(request.params.userId);
    const current = await presentUser(services, request.actor, userId);
    const patched = applyPatch(current, request.body.operations, PATCHABLE);
    const firstName = stringField(patched.first_name, current.first_name, 'first_name');
    const lastName = stringField(patched.last_name, current.last_name, 'last_name');
    if (typeof patched.active !== 'boolean') throw invalidInput('active', 'must be a boolean');
    if (typeof patched.is_admin !== 'boolean') throw invalidInput('is_admin', 'must be a boolean');
    if (patched.metadata === null || typeof patched.metadata !== 'object' || Array.isArray(patched.metadata)) {
      throw invalidInput('metadata', 'must be an object');
    }
    const role = roleOf(String(patched.user_type), patched.is_admin, 'user_type');
    const roleFlags: RoleFlags = { admin: role === 'admin', endUser: role === 'end-user' };
    await users.update(request.actor, userId, { firstName, lastName, roleFlags, disabled: !patched.active });
    await retool.setUserMetadata(request.actor, userId, patched.metadata as Record<string, unknown>);
    return ok(await presentUser(services, request.actor, userId));
  });

  // Retool keeps user attributes in the user's metadata; so does Toolplane's Retool dialect.
  app.post('/users/:userId/user_attributes', {
    config: { scope: 'users:write' }, schema: { params: UserParams, body: UserAttributeBody, response: { 200: MetadataEnvelope } },
  }, async (request) => {
    const userId = fromRetoolUserId(request.params.userId);
    const { metadata } = await presentUser(services, request.actor, userId);
    const changed = { ...metadata, [request.body.name]: request.body.value };
    await retool.setUserMetadata(request.actor, userId, changed);
    return ok({ metadata: changed });
  });

  app.delete('/users/:userId/user_attributes/:attributeName', {
    config: { scope: 'users:write' }, schema: { params: UserAttributeParams, response: { 200: MetadataEnvelope } },
  }, async (request) => {
    const userId = fromRetoolUserId(request.params.userId);
    const { metadata } = await presentUser(services, request.actor, userId);
    if (!(request.params.attributeName in metadata)) {
      throw new DomainError('not_found', 'attribute_not_found', `User ${request.params.userId} has no attribute ${request.params.attributeName}`);
    }
    const { [request.params.attributeName]: _removed, ...rest } = metadata;
    await retool.setUserMetadata(request.actor, userId, rest);
    return ok({ metadata: rest });
  });

  // Retool's reset of a member's two-factor sign-in; the core ends the person's sessions with it.
  app.put('/users/reset2fa/:userId', { config: { scope: 'users:write' }, schema: { params: UserParams } }, async (request, reply) => {
    await services.twoFactor.reset(request.actor, fromRetoolUserId(request.params.userId));
    reply.code(204);
    return null;
  });

  // Retool keeps a deleted user, disabled; so does Toolplane (the membership is archived).
  app.delete('/users/:userId', { config: { scope: 'users:write' }, schema: { params: UserParams } }, async (request, reply) => {
    await users.update(request.actor, fromRetoolUserId(request.params.userId), { disabled: true });
    reply.code(204);
    return null;
  });
}

/** An ISO-8601 instant as the server writes them (`toIso`), the only joining time a token of its own carries. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function keyOf(token: Record<'j' | 'u', string>): MemberKey {
  if (!ISO_INSTANT.test(token.j) || Number.isNaN(Date.parse(token.j))) throw invalidInput('next_token', 'is not a token this server gave');
  return { joinedAt: token.j, userId: token.u };
}

/** A name after the patch: unchanged, or a string of 1 to 255 characters. */
function stringField(value: unknown, current: string | null, field: string): string | undefined {
  if (value === current) return undefined;
  if (typeof value !== 'string' || value.length === 0 || value.length > 255) throw invalidInput(field, 'must be a string of 1 to 255 characters');
  return value;
}
