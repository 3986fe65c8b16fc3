import type { Repositories } from '../db/store.ts';
import { refuseDemotionWithEditAccess } from './access-rules.ts';
import { conflict } from './errors.ts';
import { type MembershipStatus, type Role, isActiveAdmin } from './roles.ts';

export interface MembershipState {
  role: Role;
  status: MembershipStatus;
}

/**
 * The rules every change to a membership obeys, whichever API makes it. `after` null means
 * the membership is removed. Call inside the write transaction that makes the change.
 * - A workspace keeps at least one active admin (409 `last_admin`). The check holds the
 *   workspace lock, so concurrent demotions cannot each see the other as the remaining admin.
 * - An end user cannot own apps: demoting an app's creator to end-user is refused
 *   (409 `owns_apps`, naming the apps).
 * - An end user can only use: demoting a member who, or whose groups, hold edit or own
 *   grants is refused (409 `holds_edit_access`).
 */
export async function checkMembershipChange(
  repos: Repositories,
  workspaceId: string,
  userId: string,
  before: MembershipState,
  after: MembershipState | null,
): Promise<void> {
  if (isActiveAdmin(before) && !(after && isActiveAdmin(after))) {
    await repos.workspaces.lock(workspaceId);
    if ((await repos.memberships.countOtherActiveAdmins(workspaceId, userId)) === 0) {
      throw conflict('last_admin', 'Can not remove last active admin');
    }
  }
  if (after?.role === 'end-user' && before.role !== 'end-user') {
    const apps = await repos.accounts.appsCreatedBy(workspaceId, userId);
    if (apps.length > 0) {
      throw conflict('owns_apps', `An end user cannot own apps; the user created: ${apps.join(', ')}`);
    }
    await refuseDemotionWithEditAccess(repos, workspaceId, userId);
  }
}
