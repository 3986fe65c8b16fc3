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
 *
 * Given several keys (during a secret-key rotation), links are made with the first and
 * verified against each, so links handed out before the rotation keep working.
 */
export class InviteLinks {
  private readonly keys: Buffer[];

  constructor(keys: Buffer | Buffer[]) {
    this.keys = Array.isArray(keys) ? keys : [keys];
    if (this.keys.length === 0) throw new Error('InviteLinks needs at least one key');
  }

  tokenFor(membership: { workspaceId: string; userId: string; nonce: string }): string {
    const ids = Buffer.concat([uuidBytes(membership.workspaceId), uuidBytes(membership.userId)]).toString('base64url');
    return `${PREFIX}${ids}.${this.mac(this.keys[0]!, membership).toString('base64url')}`;
  }

  /** The membership a token names, or null when it is not a membership link at all. */
  parse(token: string): MembershipLink | null {
    if (!token.startsWith(PREFIX)) return null;
    const [ids, mac] = token.slice(PREFIX.length).split('.');
    const bytes = Buffer.from(ids ?? '', 'base64url');
    if (bytes.length !== 32 || !mac) return null;
    return { workspaceId: uuidText(bytes.subarray(0, 16)), userId: uuidText(bytes.subarray(16)), mac: Buffer.from(mac, 'base64url') };
  }

  /** Whether the link was made for the membership's current nonce, under any key; compared in constant time. */
  verify(link: MembershipLink, nonce: string): boolean {
    const membership = { workspaceId: link.workspaceId, userId: link.userId, nonce };
    let valid = false;
    for (const key of this.keys) {
      const expected = this.mac(key, membership);
      if (link.mac.length === expected.length && timingSafeEqual(link.mac, expected)) valid = true;
    }
    return valid;
  }

  private mac(key: Buffer, membership: { workspaceId: string; userId: string; nonce: string }): Buffer {
    return createHmac('sha256', key).update(`${membership.workspaceId}:${membership.userId}:${membership.nonce}`).digest();
  }
}

function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}

function uuidText(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
