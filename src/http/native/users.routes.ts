import { invalidInput } from '../../core/errors.ts';
import { applyRoleFlags } from '../../core/roles.ts';
import type { Services } from '../../core/services.ts';
import type { WorkspaceUser } from '../../core/user.service.ts';
import { NoContent, PageOf, PageQuery, errorResponses } from './common.schemas.ts';
import { type NativeApp, pageRequest, toPageBody } from './native-app.ts';
import { User, UserCreateBody, UserIdParams, UserUpdateBody } from './users.schemas.ts';

const tags = ['Users'];

/** The Retool-style view of a member: isAdmin ⇔ admin, endUser ⇔ end-user, isDisabled ⇔ archived. */
export function toNativeUser(user: WorkspaceUser) {
  return {
    id: user.id,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    isAdmin: user.role === 'admin',
    isDisabled: user.membershipStatus === 'archived',
    userType: user.role === 'end-user' ? ('endUser' as const) : ('default' as const),
    groups: user.groups,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}

export function usersRoutes(app: NativeApp, { users }: Services): void {
  app.get('/users', {
    config: { scope: 'users:read' },
    schema: {
      operationId: 'listUsers', summary: 'List Users', tags,
      description: 'Lists the members of the workspace, oldest first, one page at a time.',
      querystring: PageQuery,
      response: { 200: PageOf(User, 'Paginated list of users.'), ...errorResponses() },
    },
  }, async (request) => {
    const page = pageRequest(request.query);
    return toPageBody(await users.list(request.actor, page), page, toNativeUser);
  });

  app.post('/users', {
    config: { scope: 'users:write' },
    schema: {
      operationId: 'createUser', summary: 'Create User', tags,
      description: 'Adds a user to the workspace. The email must not belong to a member already (409).',
      body: UserCreateBody,
      response: { 201: User, ...errorResponses(409) },
    },
  }, async (request, reply) => {
    const { email, firstName, lastName, isAdmin, userType } = request.body;
    const role = applyRoleFlags('builder', { admin: isAdmin, endUser: userType === 'endUser' });
    if (role === null) throw invalidInput('isAdmin', 'an admin cannot have userType endUser');
    const user = await users.create(request.actor, { email, firstName, lastName, role });
    return reply.code(201).send(toNativeUser(user));
  });

  app.get('/users/:userId', {
    config: { scope: 'users:read' },
    schema: {
      operationId: 'getUser', summary: 'Get User', tags,
      params: UserIdParams,
      response: { 200: User, ...errorResponses(404) },
    },
  }, async (request) => toNativeUser(await users.get(request.actor, request.params.userId)));

  app.put('/users/:userId', {
    config: { scope: 'users:write' },
    schema: {
      operationId: 'updateUser', summary: 'Update User', tags,
      description: 'Updates names, admin status, user type and disabled state. Demoting, disabling or deleting the last active admin is refused (409 `last_admin`).',
      params: UserIdParams,
      body: UserUpdateBody,
      response: { 200: User, ...errorResponses(404, 409) },
    },
  }, async (request) => {
    const { firstName, lastName, isAdmin, isDisabled, userType } = request.body;
    const roleFlags = isAdmin === undefined && userType === undefined
      ? undefined
      : { admin: isAdmin, endUser: userType === undefined ? undefined : userType === 'endUser' };
    const user = await users.update(request.actor, request.params.userId, { firstName, lastName, roleFlags, disabled: isDisabled });
    return toNativeUser(user);
  });

  app.delete('/users/:userId', {
    config: { scope: 'users:write' },
    schema: {
      operationId: 'deleteUser', summary: 'Delete User', tags,
      description: 'Removes the user from the workspace and from its groups.',
      params: UserIdParams,
      response: { 204: NoContent, ...errorResponses(404, 409) },
    },
  }, async (request, reply) => {
    await users.delete(request.actor, request.params.userId);
    return reply.code(204).send(null);
  });
}
