import { createHmac, timingSafeEqual } from 'node:crypto';

/** Membership link tokens start with this, so they are told apart from stored invites' tokens. */
const PREFIX = 'tpm_';

/** The membership a link token names, and its authentication code. */
export interface MembershipLink {
  workspaceId: string;
  userId: string;
  mac: Buffer;
}

/**
 * Invitation links for memberships (the ToolJet dialect's `inviteUrl`), derived rather than
 * stored. A token is `tpm_<workspace and user ids>.<HMAC>`: the HMAC covers the workspace,
 * the user and the membership's nonce under a key derived from the instance key. The same
 * membership always gives the same token, so a link can be shown again without keeping it;
 * changing the nonce (as accepting does) invalidates every earlier link.
 */
export class InviteLinks {
  constructor(private readonly key: Buffer) {}

  tokenFor(membership: { workspaceId: string; userId: string; nonce: string }): string {
    const ids = Buffer.concat([uuidBytes(membership.workspaceId), uuidBytes(membership.userId)]).toString('base64url');
    return `${PREFIX}${ids}.${this.mac(membership).toString('base64url')}`;
  }

  /** The membership a token names, or null when it is not a membership link at all. */
  parse(token: string): MembershipLink | null {
    if (!token.startsWith(PREFIX)) return null;
    const [ids, mac] = token.slice(PREFIX.length).split('.');
    const bytes = Buffer.from(ids ?? '', 'base64url');
    if (bytes.length !== 32 || !mac) return null;
    return { workspaceId: uuidText(bytes.subarray(0, 16)), userId: uuidText(bytes.subarray(16)), mac: Buffer.from(mac, 'base64url') };
  }

  /** Whether the link was made for the membership's current nonce; compared in constant time. */
  verify(link: MembershipLink, nonce: string): boolean {
    const expected = this.mac({ workspaceId: link.workspaceId, userId: link.userId, nonce });
    return link.mac.length === expected.length && timingSafeEqual(link.mac, expected);
  }

  private mac(membership: { workspaceId: string; userId: string; nonce: string }): Buffer {
    return createHmac('sha256', this.key).update(`${membership.workspaceId}:${membership.userId}:${membership.nonce}`).digest();
  }
}

function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}

function uuidText(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
