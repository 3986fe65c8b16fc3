import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/actor.ts';
import { DomainError } from '../../src/core/errors.ts';
import { Harness } from '../helpers/harness.ts';
import { testDialect } from '../helpers/test-database.ts';

let h: Harness;
let actor: Actor;
beforeAll(async () => {
  h = await Harness.start();
  actor = await h.actor(await h.services.workspaces.create('races'));
});
afterAll(async () => {
  await h.close();
});

const codeOf = (result: PromiseSettledResult<unknown>) =>
  result.status === 'rejected' ? (result.reason as DomainError).code : 'ok';

describe(`user service races on ${testDialect()}`, () => {
  it('keeps one active admin when every admin is demoted at once', async () => {
    const admins = await Promise.all(
      ['a1', 'a2', 'a3'].map((name) => h.services.users.create(actor, { email: `${name}@races.test`, role: 'admin' })),
    );
    const results = await Promise.allSettled(
      admins.map((admin) => h.services.users.update(actor, admin.id, { roleFlags: { admin: false } })),
    );
    expect(results.map(codeOf).sort()).toEqual(['last_admin', 'ok', 'ok']);
    const page = await h.services.users.list(actor, { page: 1, pageSize: 100 });
    expect(page.items.filter((user) => user.role === 'admin')).toHaveLength(1);
  });

  it('creates one user when the same email arrives many times at once, in any case', async () => {
    const emails = Array.from({ length: 20 }, (_, i) => (i % 2 ? 'Same@Races.test' : 'same@races.TEST'));
    const results = await Promise.allSettled(emails.map((email) => h.services.users.create(actor, { email, role: 'builder' })));
    const codes = results.map(codeOf);
    expect(codes.filter((code) => code === 'ok')).toHaveLength(1);
    expect(codes.filter((code) => code === 'email_taken')).toHaveLength(19);
  });

  it('reports a conflict as a DomainError, not a driver error', async () => {
    await h.services.users.create(actor, { email: 'once@races.test', role: 'builder' });
    await expect(h.services.users.create(actor, { email: 'ONCE@races.test', role: 'builder' })).rejects.toBeInstanceOf(DomainError);
  });
});
