import type { UserRow } from '../db/schema.ts';
import type { Repositories } from '../db/store.ts';
import { forbidden } from './errors.ts';
import { DEFAULT_WORKSPACE_KEY } from './workspace.service.ts';

/**
 * Refuses password sign-in (403 `password_sign_in_disabled`) to a person whose workspace
 * signs in through single sign-on with password login disallowed: their default workspace,
 * or, when they have none, any active workspace where their membership is active.
 *
 * An active admin of the default workspace (an instance admin) keeps password sign-in
 * whatever the workspaces say, so a provider that is down or misconfigured never locks
 * everyone out of the instance.
 */
export async function refusePasswordWhereSsoOnly(repos: Repositories, user: Pick<UserRow, 'id' | 'default_workspace_id'>): Promise<void> {
  const memberships = await repos.accounts.membershipsOf([user.id]);
  const instanceId = await repos.settings.get(DEFAULT_WORKSPACE_KEY);
  if (memberships.some((row) => row.workspace_id === instanceId && row.role === 'admin' && row.status === 'active')) return;
  const workspaceIds = user.default_workspace_id !== null
    ? [user.default_workspace_id]
    : memberships.filter((row) => row.status === 'active' && row.workspace_status === 'active').map((row) => row.workspace_id);
  if ((await repos.ssoConfigurations.passwordRefusedIn(workspaceIds)).length > 0) {
    throw forbidden('password_sign_in_disabled', 'Your workspace signs in with single sign-on only; sign in through your identity provider');
  }
}
