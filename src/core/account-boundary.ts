import type { UserRow } from '../db/schema.ts';
import type { Repositories } from '../db/store.ts';
import { conflict } from './errors.ts';

/**
 * Who may change an account: the rule every path that touches one obeys (the native API,
 * ToolJet's, invites, imports, the CLI).
 *
 * An account (email, names, password, account status) can belong to several workspaces; a
 * membership (role, status, groups, attribute values, display names) belongs to one.
 * - The instance (ToolJet's External API, the CLI's account commands) changes any account.
 * - A workspace (its routes, whatever the token; an invite to it; an import into it) changes
 *   the account only while the account belongs to that workspace alone. Otherwise the names
 *   it sets are its own display names for the member, which no other workspace sees, and the
 *   account's email, password and status stay as they are.
 * - Joining a workspace never changes the account's status: an archived account cannot join
 *   or be re-enabled anywhere (409 `user_archived`) until the instance restores it.
 */

export interface AccountNames {
  first_name: string;
  last_name: string;
}

/** Whether the account belongs to no workspace but `workspaceId` (memberships of any status count). */
export async function belongsToWorkspaceAlone(repos: Repositories, userId: string, workspaceId: string): Promise<boolean> {
  return !(await repos.memberships.hasOtherWorkspaces(userId, workspaceId));
}

/** 409 `user_archived`: an archived account joins nothing and holds no active membership. */
export function refuseArchivedAccount(user: Pick<UserRow, 'email' | 'status'>, field = 'email'): void {
  if (user.status === 'archived') {
    throw conflict('user_archived', `The account of ${user.email} is archived; an instance administrator must restore it first`, field);
  }
}

/**
 * Sets the names a workspace gives one of its members, inside the caller's transaction: on
 * the account when it belongs to the workspace alone (and the workspace's own names are
 * dropped), else as the workspace's display names for the member.
 */
export async function setMemberNames(repos: Repositories, workspaceId: string, userId: string, names: AccountNames, at: string): Promise<void> {
  if (await belongsToWorkspaceAlone(repos, userId, workspaceId)) {
    await repos.users.update(userId, { ...names, updated_at: at });
    await repos.memberships.update(workspaceId, userId, { first_name: null, last_name: null, updated_at: at });
  } else {
    await repos.memberships.update(workspaceId, userId, { ...names, updated_at: at });
  }
}

/**
 * Whether accepting an invite may set the account's password and names: only on an account
 * nobody has set a password for, that belongs to no other workspace. Whoever holds an
 * invite link (the invitee, or the admin who got the link without SMTP) cannot take over
 * an account that someone already signs in with, nor one other workspaces know.
 */
export async function inviteMaySetUpAccount(repos: Repositories, user: Pick<UserRow, 'id' | 'password_hash'>, workspaceId: string): Promise<boolean> {
  return user.password_hash === null && (await belongsToWorkspaceAlone(repos, user.id, workspaceId));
}
