import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/actor.ts';
import type { DomainError } from '../../src/core/errors.ts';
import { Harness } from '../helpers/harness.ts';
import { testDialect } from '../helpers/test-database.ts';

// No SMTP here: the services hand back the accept link, whose last segment is the token.
let h: Harness;
let actor: Actor;
beforeAll(async () => {
  h = await Harness.start();
  const workspaceId = await h.services.workspaces.create('invite races');
  actor = await h.actor(workspaceId);
  await h.services.workspaces.updateSettings(actor, workspaceId, { domains: ['races.test'] });
});
afterAll(async () => {
  await h.close();
});

const codeOf = (result: PromiseSettledResult<unknown>) =>
  result.status === 'rejected' ? (result.reason as DomainError).code : 'ok';
const tokenOf = (acceptUrl: string | undefined) => acceptUrl!.slice(acceptUrl!.lastIndexOf('/') + 1);

describe(`invite service races on ${testDialect()}`, () => {
  it('creates one pending invite when the same email is invited many times at once', async () => {
    const emails = Array.from({ length: 10 }, (_, i) => (i % 2 ? 'Same@races.test' : 'same@RACES.test'));
    const results = await Promise.allSettled(emails.map((email) => h.services.invites.create(actor, { email, role: 'builder' })));
    const codes = results.map(codeOf);
    expect(codes.filter((code) => code === 'ok')).toHaveLength(1);
    expect(codes.filter((code) => code === 'invite_pending')).toHaveLength(9);
  });

  it('accepts a token once when it is submitted many times at once', async () => {
    const issued = await h.services.invites.create(actor, { email: 'once@races.test', role: 'end-user' });
    const token = tokenOf(issued.acceptUrl);
    const results = await Promise.allSettled(Array.from({ length: 5 }, (_, i) =>
      h.services.inviteAcceptance.accept({ token, firstName: `N${i}`, lastName: '', password: 'password123' })));
    const codes = results.map(codeOf);
    expect(codes.filter((code) => code === 'ok')).toHaveLength(1);
    expect(codes.filter((code) => code === 'invite_gone')).toHaveLength(4);
    const members = await h.services.users.list(actor, { page: 1, pageSize: 100 });
    expect(members.items.filter((user) => user.email === 'once@races.test')).toHaveLength(1);
  });

  it('leaves the invite pending and the account untouched when accepting is refused', async () => {
    const issued = await h.services.invites.create(actor, { email: 'owner@races.test', role: 'builder' });
    // The person becomes an active member another way before accepting.
    await h.services.users.create(actor, { email: 'owner@races.test', role: 'builder' });
    await expect(h.services.inviteAcceptance.accept({ token: tokenOf(issued.acceptUrl), firstName: 'O', lastName: 'W', password: 'password123' }))
      .rejects.toMatchObject({ code: 'already_member' });
    expect((await h.services.invites.get(actor, issued.invite.id)).status).toBe('pending');
  });
});
