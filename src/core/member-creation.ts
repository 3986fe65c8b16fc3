import { randomUUID } from 'node:crypto';
import { toJson } from '../db/rows.ts';
import type { Repositories } from '../db/store.ts';
import { type AuditEntry, recordAuditMany } from './audit.ts';
import { newInviteNonce } from './membership-assignment.ts';
import type { Role } from './roles.ts';
import { attributesOf, checkValuesAgainst } from './user-attributes.ts';

export interface NewMemberInput {
  email: string;
  firstName?: string;
  lastName?: string;
  role: Role;
  attributes?: Record<string, unknown>;
}

/**
 * Creates the members, inside the caller's transaction. Those whose email has no account
 * get a new active account and membership, written a chunk of rows per statement, and the
 * `user.created` event `UserService.create` records; their attribute values are checked
 * first (400 naming `attributes.<name>`). The others go through `createOne`, with all of
 * `create`'s rules for known accounts. Answers the user ids in the inputs' order.
 */
export async function createNewMembers(
  repos: Repositories,
  workspaceId: string,
  inputs: readonly NewMemberInput[],
  createOne: (input: NewMemberInput) => Promise<string>,
): Promise<string[]> {
  const definitions = await repos.userAttributes.list(workspaceId);
  const taken = await repos.users.takenEmails(inputs.map((input) => input.email));
  const at = new Date().toISOString();
  const ids: string[] = inputs.map((input) => (taken.has(input.email.toLowerCase()) ? '' : randomUUID()));
  const fresh = inputs.flatMap((input, index) => (ids[index] ? [{ input, id: ids[index] }] : []));
  for (const { input } of fresh) checkValuesAgainst(definitions, input.attributes ?? {});

  await repos.users.createMany(fresh.map(({ input, id }) => ({
    id, email: input.email, first_name: input.firstName ?? '', last_name: input.lastName ?? '', status: 'active' as const,
    default_workspace_id: workspaceId, created_at: at, updated_at: at,
  })));
  await repos.memberships.createMany(fresh.map(({ input, id }) => ({
    workspace_id: workspaceId, user_id: id, role: input.role, status: 'active' as const, invite_nonce: newInviteNonce(),
    attributes: toJson(attributesOf(input.attributes).attributes ?? {}), created_at: at, updated_at: at,
  })));
  await recordAuditMany(repos, fresh.map(({ input, id }): AuditEntry => ({
    action: 'user.created', target: { type: 'user', id }, workspaceId,
    changes: { email: input.email, firstName: input.firstName ?? '', lastName: input.lastName ?? '', role: input.role, ...attributesOf(input.attributes) },
  })));
  for (const [index, input] of inputs.entries()) if (!ids[index]) ids[index] = await createOne(input);
  return ids;
}
