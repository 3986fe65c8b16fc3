import type { MembershipRow } from '../db/schema.ts';
import type { Store } from '../db/store.ts';
import { changedFields, isEmpty, recordAudit } from './audit.ts';
import { DomainError, invalidInput } from './errors.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { RecentReads } from './recent-reads.ts';
import type { MembershipStatus, Role } from './roles.ts';
import type { SessionService } from './session.service.ts';
import type { WorkspaceService } from './workspace.service.ts';

/** A person as they see themselves: their account and the workspaces they belong to. */
export interface Me {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  defaultWorkspaceId: string | null;
  /** An active admin of the default workspace: acts instance-wide, as an instance-wide token does. */
  instanceAdmin: boolean;
  twoFactorEnabled: boolean;
  /** Memberships of active workspaces, in the order they were made. */
  workspaces: { id: string; name: string; role: Role; status: MembershipStatus }[];
}

export interface PasswordChange {
  /** Required when the account has a password. */
  currentPassword?: string;
  newPassword: string;
}

/** A person's standing in one workspace, as authorization needs it. */
export type Standing = Pick<MembershipRow, 'role' | 'status'>;

/**
 * A person's own account: what they see of it and what they may change of it themselves
 * (their names and password: the account is theirs, whatever workspaces it belongs to).
 */
export class MeService {
  /** Memberships by `userId:workspaceId`, for authorizing each request of a session. */
  private readonly standings: RecentReads<Standing | null>;

  constructor(
    private readonly store: Store,
    private readonly workspaces: WorkspaceService,
    private readonly sessions: SessionService,
  ) {
    // A membership removed or changed here empties it at once; one added is seen within a second.
    this.standings = new RecentReads(store, { rowsOf: ['memberships'] });
  }

  get(userId: string): Promise<Me> {
    return this.store.read(async (repos) => {
      const user = await repos.users.getById(userId);
      if (!user) throw new DomainError('not_found', 'user_not_found', `User ${userId} not found`);
      const defaultId = await this.workspaces.ensureDefault();
      const memberships = await repos.accounts.membershipsOf([userId]);
      const twoFactor = await repos.users.twoFactorOf(userId);
      const workspaces = memberships
        .filter((membership) => membership.workspace_status === 'active')
        .map((membership) => ({ id: membership.workspace_id, name: membership.workspace_name, role: membership.role, status: membership.status }));
      return {
        id: user.id,
        email: user.email,
        firstName: user.first_name,
        lastName: user.last_name,
        defaultWorkspaceId: user.default_workspace_id,
        instanceAdmin: memberships.some((row) => row.workspace_id === defaultId && row.role === 'admin' && row.status === 'active'),
        twoFactorEnabled: twoFactor?.totp_enabled_at != null,
        workspaces,
      };
    });
  }

  /** The person's membership in the workspace, or null; a change made here is seen at once. */
  standing(userId: string, workspaceId: string): Promise<Standing | null> {
    return this.standings.get(`${userId}:${workspaceId}`, () => this.store.read(async (repos) => {
      const membership = await repos.memberships.get(workspaceId, userId);
      return membership ? { role: membership.role, status: membership.status } : null;
    }));
  }

  /** `standing` from memory alone; undefined when it must be read. */
  standingFromMemory(userId: string, workspaceId: string): Standing | null | undefined {
    return this.standings.peek(`${userId}:${workspaceId}`);
  }

  /** Changes the person's own names; the same names change nothing and record nothing. */
  async updateProfile(userId: string, input: { firstName?: string; lastName?: string }): Promise<Me> {
    await this.store.write(async (repos) => {
      const user = await repos.users.getById(userId);
      if (!user) throw new DomainError('not_found', 'user_not_found', `User ${userId} not found`);
      const changes = changedFields({ firstName: user.first_name, lastName: user.last_name }, input);
      if (!isEmpty(changes)) {
        await repos.users.update(userId, {
          first_name: input.firstName ?? user.first_name, last_name: input.lastName ?? user.last_name, updated_at: new Date().toISOString(),
        });
        await recordAudit(repos, { action: 'account.updated', target: { type: 'account', id: userId }, workspaceId: null, changes });
      }
    });
    return this.get(userId);
  }

  /**
   * Sets a new password once the current one is proven (when the account has one), and ends
   * every other session of the person: whoever knew the old password is signed out.
   */
  async changePassword(userId: string, currentSessionId: string | null, input: PasswordChange): Promise<void> {
    const user = await this.store.read((repos) => repos.users.getById(userId));
    if (!user) throw new DomainError('not_found', 'user_not_found', `User ${userId} not found`);
    if (user.password_hash !== null) {
      if (input.currentPassword === undefined) throw invalidInput('currentPassword', 'give the current password to set a new one');
      if (!(await verifyPassword(input.currentPassword, user.password_hash))) {
        throw new DomainError('forbidden', 'wrong_password', 'The current password is not correct', 'currentPassword');
      }
    }
    const passwordHash = await hashPassword(input.newPassword);
    await this.store.write(async (repos) => {
      await repos.users.update(userId, { password_hash: passwordHash, updated_at: new Date().toISOString() });
      const ended = await this.sessions.endOthers(repos, userId, currentSessionId ?? undefined);
      await recordAudit(repos, {
        action: 'account.password_changed', target: { type: 'account', id: userId }, workspaceId: null, changes: { otherSessionsEnded: ended },
      });
    });
  }
}
