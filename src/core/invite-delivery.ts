import type { Store } from '../db/store.ts';
import { type IssuedInvite, loadInvite } from './invites.ts';
import type { InviteMailer } from './mailer.ts';

const MAX_ERROR_LENGTH = 500;

/**
 * Hands a freshly issued invite token to its invitee. Runs after the transaction that
 * issued the token has committed, so a failure here never loses the invite: with a mailer
 * the email is sent and the attempt recorded on the invite (`sendAttempts`, `sendError`);
 * without one the link is returned to the caller, once. The token is never stored or logged.
 */
export class InviteDelivery {
  constructor(
    private readonly store: Store,
    private readonly mailer: InviteMailer | null,
    private readonly publicUrl: string,
  ) {}

  acceptUrl(token: string): string {
    return `${this.publicUrl}/invite/${token}`;
  }

  async deliver(workspaceId: string, inviteId: string, token: string): Promise<IssuedInvite> {
    const acceptUrl = this.acceptUrl(token);
    if (!this.mailer) {
      return { invite: await this.store.read((repos) => loadInvite(repos, workspaceId, inviteId)), acceptUrl };
    }
    const { invite, workspaceName } = await this.store.read(async (repos) => ({
      invite: await loadInvite(repos, workspaceId, inviteId),
      workspaceName: (await repos.workspaces.get(workspaceId))?.name ?? '',
    }));
    let sendError: string | null = null;
    try {
      await this.mailer.send({
        to: invite.email, workspaceName, role: invite.role, acceptUrl, expiresAt: invite.expiresAt, invitedBy: invite.invitedBy,
      });
    } catch (error) {
      sendError = describeFailure(error, token);
    }
    return this.store.write(async (repos) => {
      await repos.invites.recordDelivery(inviteId, sendError, new Date().toISOString());
      return { invite: await loadInvite(repos, workspaceId, inviteId) };
    });
  }
}

/** The failure as stored on the invite: its message, shortened, with the token blotted out should a server echo it. */
function describeFailure(error: unknown, token: string): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split(token).join('[token]') || 'sending failed').slice(0, MAX_ERROR_LENGTH);
}
