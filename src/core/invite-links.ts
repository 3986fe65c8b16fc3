import { createHmac } from 'node:crypto';

/**
 * Invitation tokens for memberships, derived rather than stored: an HMAC of the workspace,
 * the user and the membership's nonce under a key derived from the instance key. The same
 * inputs always give the same token, so a link can be shown again without keeping it;
 * changing the nonce invalidates every earlier link.
 */
export class InviteLinks {
  constructor(private readonly key: Buffer) {}

  tokenFor(membership: { workspaceId: string; userId: string; nonce: string }): string {
    return createHmac('sha256', this.key)
      .update(`${membership.workspaceId}:${membership.userId}:${membership.nonce}`)
      .digest('base64url');
  }
}
