import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { Account } from '../../core/account.service.ts';
import { invalidInput } from '../../core/errors.ts';
import { splitName, toAssignment, toRole, toTooljetUser } from './tooljet.mappers.ts';
import type { TooljetApp, TooljetContext } from './tooljet-app.ts';
import {
  MembershipUpdateBody, RoleUpdateBody, TooljetUser, UserCreateBody, UserParams, UserUpdateBody, UserWorkspaceParams,
  UsersQuery, WorkspaceParams, WorkspacesReplaceBody,
} from './users.schemas.ts';

/** A role's older name in a group filter also finds the role (`developer` finds builders). */
const ROLE_ALIASES = (name: string): string[] => (name === 'developer' || name === 'viewer' ? [toRole(name)] : []);

/**
 * The JSON array of every batch's items, written batch by batch: the same text as
 * serializing the whole array at once, without holding it. `first` is the batch already read.
 */
async function* jsonArray(first: IteratorResult<Account[]>, rest: AsyncIterator<Account[]>, serialize: (account: Account) => string) {
  let opening = '[';
  for (let batch = first; !batch.done; batch = await rest.next()) {
    if (batch.value.length === 0) continue;
    yield opening + batch.value.map(serialize).join(',');
    opening = ',';
  }
  yield opening === '[' ? '[]' : ']';
}

const list = (value: string | undefined) => value?.split(',').map((item) => item.trim()).filter(Boolean);

export function usersRoutes(app: TooljetApp, { services: { accounts }, config }: TooljetContext): void {
  const present = (account: Parameters<typeof toTooljetUser>[0]) => toTooljetUser(account, config.publicUrl);

  app.get('/users', { schema: { querystring: UsersQuery, response: { 200: Type.Array(TooljetUser) } } }, async (request, reply) => {
    const statuses = list(request.query.status) as Array<'active' | 'archived' | 'invited'> | undefined;
    const groupNames = list(request.query.group_names)?.flatMap((name) => [name, ...ROLE_ALIASES(name)]);
    const batches = accounts.listInBatches({ statuses, groupNames });
    // The first batch is read before answering, so a failing read still answers an error.
    const first = await batches.next();
    const serialize = reply.compileSerializationSchema({ ...TooljetUser }) as (user: unknown) => string;
    reply.type('application/json; charset=utf-8');
    // A stream is sent as it is, so each item goes through the item schema's serializer here.
    return (reply as FastifyReply).send(Readable.from(jsonArray(first, batches, (account) => serialize(present(account)))));
  });

  app.get('/user/:id', { schema: { params: UserParams, response: { 200: TooljetUser } } }, async (request) =>
    present(await accounts.get(request.params.id)));

  app.post('/users', { schema: { body: UserCreateBody, response: { 201: TooljetUser } } }, async (request, reply) => {
    const { name, email, password, status, workspaces } = request.body;
    const account = await accounts.create({
      ...splitName(name), email, password, status: status ?? 'invited', memberships: workspaces.map(toAssignment),
    });
    return reply.code(201).send(present(account));
  });

  app.patch('/user/:id', { schema: { params: UserParams, body: UserUpdateBody, response: { 200: TooljetUser } } }, async (request) => {
    const { name, email, password, status, defaultOrganizationId } = request.body;
    const { id } = await accounts.get(request.params.id);
    return present(await accounts.update(id, {
      ...(name === undefined ? {} : splitName(name)), email, password, status, defaultWorkspaceId: defaultOrganizationId,
    }));
  });

  app.put('/user/:id/workspaces', { schema: { params: UserParams, body: WorkspacesReplaceBody, response: { 200: TooljetUser } } }, async (request) => {
    const { id } = await accounts.get(request.params.id);
    return present(await accounts.replaceMemberships(id, request.body.map(toAssignment)));
  });

  // ToolJet serves `/workspace/`; its older docs spell it `/workspaces/`. Both work.
  for (const path of ['/user/:id/workspace/:workspaceId', '/user/:id/workspaces/:workspaceId']) {
    app.patch(path, { schema: { params: UserWorkspaceParams, body: MembershipUpdateBody, response: { 200: TooljetUser } } }, async (request) => {
      const { status, groups } = request.body;
      return present(await accounts.updateMembership(request.params.id, request.params.workspaceId, { status, groups }));
    });
  }

  app.put('/update-user-role/workspace/:workspaceId', {
    schema: { params: WorkspaceParams, body: RoleUpdateBody, response: { 200: TooljetUser } },
  }, async (request) => {
    const { newRole, userId, email } = request.body;
    if (!userId && !email) throw invalidInput('userId', 'give the user\'s userId or email');
    return present(await accounts.changeRole(request.params.workspaceId, { userId, email }, toRole(newRole)));
  });
}
