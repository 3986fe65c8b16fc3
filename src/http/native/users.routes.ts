import type { Static } from 'typebox';
import { DomainError, invalidInput } from '../../core/errors.ts';
import type { Outcome } from '../../core/outcomes.ts';
import { applyRoleFlags } from '../../core/roles.ts';
import type { Services } from '../../core/services.ts';
import type { MemberSearch, UserCreateInput, WorkspaceUser } from '../../core/user.service.ts';
import { itemChecker, oneOrManyValidator } from './bulk-body.ts';
import { NoContent, PageOf, errorResponses } from './common.schemas.ts';
import { toNativeError } from './errors.ts';
import { type NativeApp, pageRequest, toPageBody } from './native-app.ts';
import {
  User, UserAttributeParams, UserAttributeValueBody, UserBulkAnswer, UserCreateBodies, UserCreateBody, UserIdParams, UserListQuery, UserUpdateBody,
} from './users.schemas.ts';

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
    attributes: user.attributes,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}

/** The core's input for one create body; an admin end user is refused (400 naming isAdmin). */
function toCreateInput(body: Static<typeof UserCreateBody>): UserCreateInput {
  const { email, firstName, lastName, isAdmin, userType, attributes } = body;
  const role = applyRoleFlags('builder', { admin: isAdmin, endUser: userType === 'endUser' });
  if (role === null) throw invalidInput('isAdmin', 'an admin cannot have userType endUser');
  return { email, firstName, lastName, role, attributes };
}

/** The core's member search for a list query: a blank `q` searches nothing, `disabled` is an archived membership. */
function toMemberSearch({ q, role, status, groupId }: Static<typeof UserListQuery>): MemberSearch {
  const text = q?.trim();
  return { q: text ? text : undefined, role, status: status === 'disabled' ? 'archived' : status, groupId };
}

const checkCreateItem = itemChecker(UserCreateBody);

/** One element of a bulk create, checked as its own request's body would be. */
function parseCreateItem(item: unknown): Outcome<UserCreateInput> {
  const checked = checkCreateItem(item);
  if (!checked.ok) return checked;
  try {
    return { ok: true, value: toCreateInput(checked.value) };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, error };
    throw error;
  }
}

type BulkItem = { index: number; status: number; user?: ReturnType<typeof toNativeUser>; error?: ReturnType<typeof toNativeError>['body'] };

/** Outcomes in request order: the parse failures where they were, the core's outcomes for the rest. */
function toBulkAnswer(parsed: Outcome<UserCreateInput>[], created: Outcome<WorkspaceUser>[]) {
  const results = created.values();
  const data = parsed.map((item, index): BulkItem => {
    const outcome = item.ok ? results.next().value! : item;
    if (!outcome.ok) {
      const { status, body } = toNativeError(outcome.error);
      return { index, status, error: body };
    }
    return { index, status: 201, user: toNativeUser(outcome.value) };
  });
  const createdCount = data.filter((item) => item.status === 201).length;
  return { data, created: createdCount, failed: data.length - createdCount };
}

export function usersRoutes(app: NativeApp, { users }: Services): void {
  app.get('/users', {
    config: { scope: 'users:read' },
    schema: {
      operationId: 'listUsers', summary: 'List Users', tags,
      description: 'Lists the members of the workspace, oldest first, one page at a time; `q`, `role`, `status` and `groupId` '
        + 'narrow the list to the members matching all of those given, and `total` counts those.',
      querystring: UserListQuery,
      response: { 200: PageOf(User, 'Paginated list of users.'), ...errorResponses() },
    },
  }, async (request) => {
    const page = pageRequest(request.query);
    return toPageBody(await users.list(request.actor, page, toMemberSearch(request.query)), page, toNativeUser);
  });

  app.post('/users', {
    config: { scope: 'users:write' },
    validatorCompiler: oneOrManyValidator(UserCreateBody),
    schema: {
      operationId: 'createUser', summary: 'Create User', tags,
      description: 'Adds a user to the workspace. The email must not belong to a member already (409). '
        + `An array of bodies adds each user in its own transaction and answers 207 with every item's outcome in order: `
        + 'the status it would have had alone (201, 400, 409) and the user or the error. A refused item changes nothing and does not stop the others.',
      body: UserCreateBodies,
      response: { 201: User, 207: UserBulkAnswer, ...errorResponses(409) },
    },
  }, async (request, reply) => {
    const body = request.body as Static<typeof UserCreateBody> | unknown[];
    if (!Array.isArray(body)) {
      reply.code(201);
      return toNativeUser(await users.create(request.actor, toCreateInput(body)));
    }
    const parsed = body.map(parseCreateItem);
    const created = await users.createEach(request.actor, parsed.flatMap((item) => (item.ok ? [item.value] : [])));
    reply.code(207);
    return toBulkAnswer(parsed, created);
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
      description: 'Updates names, admin status, user type, disabled state and attribute values. Demoting, disabling or deleting the last active admin is refused (409 `last_admin`).'
        + ' The audit event lists only the fields whose value changed; a request that changes nothing records none.',
      params: UserIdParams,
      body: UserUpdateBody,
      response: { 200: User, ...errorResponses(404, 409) },
    },
  }, async (request) => {
    const { firstName, lastName, isAdmin, isDisabled, userType, attributes } = request.body;
    const roleFlags = isAdmin === undefined && userType === undefined
      ? undefined
      : { admin: isAdmin, endUser: userType === undefined ? undefined : userType === 'endUser' };
    const user = await users.update(request.actor, request.params.userId, { firstName, lastName, roleFlags, disabled: isDisabled, attributes });
    return toNativeUser(user);
  });

  app.put('/users/:userId/attributes/:attributeName', {
    config: { scope: 'users:write' },
    schema: {
      operationId: 'setUserAttributeValue', summary: 'Set User Attribute Value', tags,
      description: 'Sets one attribute value of the user. The attribute must be defined in the workspace (404 `attribute_not_found`) '
        + 'and the value of its dataType (400 naming `value`); null removes the value. Setting the current value records no audit event.',
      params: UserAttributeParams,
      body: UserAttributeValueBody,
      response: { 200: User, ...errorResponses(404) },
    },
  }, async (request) => {
    const { userId, attributeName } = request.params;
    return toNativeUser(await users.setAttribute(request.actor, userId, attributeName, request.body.value));
  });

  app.delete('/users/:userId/attributes/:attributeName', {
    config: { scope: 'users:write' },
    schema: {
      operationId: 'deleteUserAttributeValue', summary: 'Remove User Attribute Value', tags,
      description: 'Removes one attribute value of the user, who then shows the attribute\'s default. '
        + 'The attribute must be defined in the workspace (404 `attribute_not_found`); removing a value the user does not have changes nothing.',
      params: UserAttributeParams,
      response: { 204: NoContent, ...errorResponses(404) },
    },
  }, async (request, reply) => {
    await users.deleteAttribute(request.actor, request.params.userId, request.params.attributeName);
    reply.code(204);
    return null;
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
    reply.code(204);
    return null;
  });
}
