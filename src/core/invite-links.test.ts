import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InviteLinks } from './invite-links.ts';

const links = new InviteLinks(randomBytes(32));
const membership = { workspaceId: randomUUID(), userId: randomUUID(), nonce: 'n1' };

describe('membership invite links', () => {
  it('name their membership and verify against its nonce', () => {
    const token = links.tokenFor(membership);
    expect(token).toBe(links.tokenFor(membership));
    const link = links.parse(token)!;
    expect(link).toMatchObject({ workspaceId: membership.workspaceId, userId: membership.userId });
    expect(links.verify(link, 'n1')).toBe(true);
    expect(links.verify(link, 'n2')).toBe(false);
  });

  it('do not verify under another key, or with the ids swapped', () => {
    const token = links.tokenFor(membership);
    expect(new InviteLinks(randomBytes(32)).verify(links.parse(token)!, 'n1')).toBe(false);
    const swapped = links.tokenFor({ ...membership, workspaceId: membership.userId, userId: membership.workspaceId });
    expect(links.verify({ ...links.parse(swapped)!, mac: links.parse(token)!.mac }, 'n1')).toBe(false);
  });

  it('keep verifying under a previous key while new links use the current one', () => {
    const previous = randomBytes(32);
    const current = randomBytes(32);
    const before = new InviteLinks(previous).tokenFor(membership);
    const during = new InviteLinks([current, previous]);
    expect(during.verify(during.parse(before)!, 'n1')).toBe(true);
    expect(during.verify(during.parse(before)!, 'n2')).toBe(false);
    const fresh = during.tokenFor(membership);
    expect(fresh).not.toBe(before);
    expect(new InviteLinks(current).verify(during.parse(fresh)!, 'n1')).toBe(true);
    expect(new InviteLinks(current).verify(during.parse(before)!, 'n1')).toBe(false);
  });

  it('parse only their own shape', () => {
    expect(links.parse('tpi_abc')).toBeNull();
    expect(links.parse('tpm_short.mac')).toBeNull();
    expect(links.parse('tpm_' + Buffer.alloc(32).toString('base64url'))).toBeNull();
  });
});
