import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountCreateInput, AccountService } from '../../src/core/account.service.ts';
import { DomainError } from '../../src/core/errors.ts';
import type { MembershipAssignment } from '../../src/core/membership-assignment.ts';
import { Harness } from '../helpers/harness.ts';
import { testDialect } from '../helpers/test-database.ts';

/** AccountService, the core behind the ToolJet dialect, on a real database. */

let h: Harness;
let accounts: AccountService;
beforeAll(async () => {
  h = await Harness.start();
  accounts = h.services.accounts;
});
afterAll(async () => {
  await h?.close();
});

let counter = 0;
const nextEmail = (prefix = 'account') => `${prefix}-${++counter}@accounts.test`;
const codeOf = (result: PromiseSettledResult<unknown>) =>
  result.status === 'rejected' ? ((result.reason as DomainError).code ?? String(result.reason)) : 'ok';

function account(memberships: MembershipAssignment[], extra: Partial<AccountCreateInput> = {}): AccountCreateInput {
  return { email: nextEmail(), firstName: 'Test', lastName: 'Account', status: 'active', memberships, ...extra };
}

const db = () => h.runtime.database.db;

async function counts() {
  const count = async (table: 'users' | 'memberships' | 'group_members') =>
    Number((await db().selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { users: await count('users'), memberships: await count('memberships'), groupMembers: await count('group_members') };
}

async function activeAdmins(workspaceId: string): Promise<string[]> {
  const rows = await db().selectFrom('memberships').select('user_id')
    .where('workspace_id', '=', workspaceId).where('role', '=', 'admin').where('status', '=', 'active').execute();
  return rows.map((row) => row.user_id);
}

/** A workspace holding `n` active admins, created through the service. */
async function workspaceWithAdmins(name: string, n: number) {
  const workspaceId = await h.services.workspaces.create(name);
  const admins = [];
  for (let i = 0; i < n; i++) {
    admins.push(await accounts.create(account([{ workspace: { id: workspaceId }, role: 'admin', status: 'active' }])));
  }
  return { workspaceId, admins };
}

describe(`account service on ${testDialect()}`, () => {
  it('creates nothing when a group of the second workspace entry is unknown', async () => {
    const first = await h.services.workspaces.create('all-or-nothing-1');
    const second = await h.services.workspaces.create('all-or-nothing-2');
    await h.services.groups.create(await h.actor(first), 'real');
    const input = account([
      { workspace: { id: first }, role: 'admin', status: 'active', groups: [{ name: 'real' }] },
      { workspace: { name: 'all-or-nothing-2' }, groups: [{ name: 'missing' }] },
    ]);
    const before = await counts();

    const error = await accounts.create(input).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: 'invalid_input', code: 'group_not_found' });
    expect(await counts()).toEqual(before);
    expect(await db().selectFrom('users').select('id').where('email', '=', input.email).execute()).toEqual([]);
    expect(await db().selectFrom('memberships').select('user_id').where('workspace_id', 'in', [first, second]).execute()).toEqual([]);

    // The same input without the bad group goes through: the first entry alone was never at fault.
    const created = await accounts.create({ ...input, memberships: [input.memberships[0]!, { workspace: { id: second } }] });
    expect(created.memberships.map((membership) => membership.workspaceId)).toEqual([first, second]);
    expect(created.memberships[0]!.groups.map((group) => group.name)).toEqual(['real']);
  });

  it('creates nothing when a later workspace is unknown or the email is taken in another case', async () => {
    const workspaceId = await h.services.workspaces.create('all-or-nothing-3');
    const before = await counts();
    await expect(accounts.create(account([{ workspace: { id: workspaceId } }, { workspace: { name: 'nowhere' } }])))
      .rejects.toMatchObject({ code: 'workspace_not_found' });
    expect(await counts()).toEqual(before);

    const existing = await accounts.create(account([{ workspace: { id: workspaceId } }]));
    const again = await counts();
    await expect(accounts.create(account([{ workspace: { id: workspaceId }, role: 'admin' }], { email: existing.email.toUpperCase() })))
      .rejects.toMatchObject({ kind: 'conflict', code: 'email_taken' });
    expect(await counts()).toEqual(again);
    expect(await accounts.get(existing.id)).toEqual(existing);
  });

  it('creates one account when the same email arrives many times at once, in any case', async () => {
    const workspaceId = await h.services.workspaces.create('same-email');
    const email = nextEmail('Racer');
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) =>
      accounts.create(account([{ workspace: { id: workspaceId } }], { email: i % 2 ? email.toUpperCase() : email }))));
    const codes = results.map(codeOf);
    expect(codes.filter((code) => code === 'ok')).toHaveLength(1);
    expect(codes.filter((code) => code === 'email_taken')).toHaveLength(9);
    expect(await db().selectFrom('memberships').select('user_id').where('workspace_id', '=', workspaceId).execute()).toHaveLength(1);
  });

  it('leaves one admin when two admins of a workspace are demoted at once', async () => {
    for (let round = 0; round < 5; round++) {
      const { workspaceId, admins: [a, b] } = await workspaceWithAdmins(`demote-race-${round}`, 2);
      const results = await Promise.allSettled([
        accounts.changeRole(workspaceId, { userId: a!.id }, 'builder'),
        accounts.changeRole(workspaceId, { email: b!.email }, 'end-user'),
      ]);
      expect(results.map(codeOf).sort()).toEqual(['last_admin', 'ok']);
      expect(await activeAdmins(workspaceId)).toHaveLength(1);
    }
  });

  it('leaves one admin when two admins are archived, or removed from the workspace, at once', async () => {
    const archived = await workspaceWithAdmins('archive-race', 2);
    const archiving = await Promise.allSettled(archived.admins.map((admin) => accounts.update(admin.id, { status: 'archived' })));
    expect(archiving.map(codeOf).sort()).toEqual(['last_admin', 'ok']);
    expect(await activeAdmins(archived.workspaceId)).toHaveLength(1);

    const removed = await workspaceWithAdmins('remove-race', 2);
    const removing = await Promise.allSettled(removed.admins.map((admin) => accounts.replaceMemberships(admin.id, [])));
    expect(removing.map(codeOf).sort()).toEqual(['last_admin', 'ok']);
    expect(await activeAdmins(removed.workspaceId)).toHaveLength(1);

    const mixed = await workspaceWithAdmins('mixed-race', 2);
    const racing = await Promise.allSettled([
      accounts.updateMembership(mixed.admins[0]!.id, mixed.workspaceId, { status: 'archived' }),
      accounts.changeRole(mixed.workspaceId, { userId: mixed.admins[1]!.id }, 'builder'),
    ]);
    expect(racing.map(codeOf).sort()).toEqual(['last_admin', 'ok']);
    expect(await activeAdmins(mixed.workspaceId)).toHaveLength(1);
  });

  it('rolls back an archival that would leave a workspace without an active admin', async () => {
    const early = await h.services.workspaces.create('a-early');
    const late = await h.services.workspaces.create('z-late');
    const user = await accounts.create(account([
      { workspace: { id: early }, status: 'active' },
      { workspace: { id: late }, role: 'admin', status: 'active' },
    ]));
    await expect(accounts.update(user.id, { status: 'archived', firstName: 'Changed' }))
      .rejects.toMatchObject({ kind: 'conflict', code: 'last_admin' });
    expect(await accounts.get(user.id)).toEqual(user);
  });

  it('rolls back a replacement whose last entry is bad', async () => {
    const one = await h.services.workspaces.create('replace-1');
    const two = await h.services.workspaces.create('replace-2');
    await h.services.groups.create(await h.actor(one), 'kept');
    const user = await accounts.create(account([{ workspace: { id: one }, groups: [{ name: 'kept' }] }]));
    await expect(accounts.replaceMemberships(user.id, [
      { workspace: { id: two }, role: 'admin', status: 'active' },
      { workspace: { id: one }, groups: [{ name: 'gone' }] },
    ])).rejects.toMatchObject({ code: 'group_not_found' });
    expect(await accounts.get(user.id)).toEqual(user);
  });

  it('clears the custom groups of a replaced membership whose assignment names none', async () => {
    const workspaceId = await h.services.workspaces.create('replace-groups');
    await h.services.groups.create(await h.actor(workspaceId), 'dropped');
    const user = await accounts.create(account([{ workspace: { id: workspaceId }, groups: [{ name: 'dropped' }] }]));
    expect(user.memberships[0]!.groups).toHaveLength(1);
    const replaced = await accounts.replaceMemberships(user.id, [{ workspace: { id: workspaceId } }]);
    expect(replaced.memberships[0]!.groups).toEqual([]);
  });

  it('keeps invitation tokens stable across reads and unrelated changes, one per membership', async () => {
    const one = await h.services.workspaces.create('invites-1');
    const two = await h.services.workspaces.create('invites-2');
    await h.services.groups.create(await h.actor(one), 'crew');
    const user = await accounts.create(account([{ workspace: { id: one } }, { workspace: { id: two } }], { status: 'invited' }));
    const tokens = user.memberships.map((membership) => membership.inviteToken);
    expect(tokens.every((token) => typeof token === 'string' && token.length >= 20)).toBe(true);
    expect(new Set(tokens).size).toBe(2);

    const tokensOf = async () => (await accounts.get(user.id)).memberships.map((membership) => membership.inviteToken);
    expect(await tokensOf()).toEqual(tokens);
    expect(await tokensOf()).toEqual(tokens);
    const listed = (await accounts.list()).find((item) => item.id === user.id)!;
    expect(listed.memberships.map((membership) => membership.inviteToken)).toEqual(tokens);

    await accounts.update(user.id, { firstName: 'Renamed', password: 'another-password' });
    await accounts.changeRole(one, { userId: user.id }, 'builder');
    await accounts.updateMembership(user.id, one, { groups: [{ name: 'crew' }] });
    await accounts.replaceMemberships(user.id, [{ workspace: { id: one } }, { workspace: { id: two }, role: 'admin' }]);
    expect(await tokensOf()).toEqual(tokens);

    const other = await accounts.create(account([{ workspace: { id: one } }]));
    expect(tokens).not.toContain(other.memberships[0]!.inviteToken);

    const accepted = await accounts.updateMembership(user.id, one, { status: 'active' });
    expect(accepted.memberships.find((membership) => membership.workspaceId === one)!.inviteToken).toBeNull();
    expect(accepted.memberships.find((membership) => membership.workspaceId === two)!.inviteToken).toBe(tokens[1]);
  });

  it('changes one membership without touching its role, and refuses a missing one', async () => {
    const workspaceId = await h.services.workspaces.create('membership-only');
    const user = await accounts.create(account([{ workspace: { id: workspaceId }, role: 'builder' }]));
    const changed = await accounts.updateMembership(user.id, workspaceId, { status: 'active' });
    expect(changed.memberships[0]).toMatchObject({ role: 'builder', status: 'active' });
    await expect(accounts.updateMembership(user.id, h.defaultWorkspaceId, { status: 'active' }))
      .rejects.toMatchObject({ kind: 'not_found' });
    await expect(accounts.updateMembership('00000000-0000-4000-8000-000000000000', workspaceId, {}))
      .rejects.toMatchObject({ kind: 'not_found' });
  });

  it('treats the same role as a no-op and refuses a user outside the workspace', async () => {
    const workspaceId = await h.services.workspaces.create('same-role');
    const user = await accounts.create(account([{ workspace: { id: workspaceId }, role: 'end-user' }]));
    const row = () => db().selectFrom('memberships').select(['role', 'updated_at'])
      .where('workspace_id', '=', workspaceId).where('user_id', '=', user.id).executeTakeFirstOrThrow();
    const before = await row();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await accounts.changeRole(workspaceId, { userId: user.id }, 'end-user')).toEqual(user);
    expect(await row()).toEqual(before);
    await expect(accounts.changeRole(h.defaultWorkspaceId, { userId: user.id }, 'admin'))
      .rejects.toMatchObject({ kind: 'invalid_input', code: 'not_a_member' });
    await expect(accounts.changeRole(workspaceId, { email: 'nobody@accounts.test' }, 'admin'))
      .rejects.toMatchObject({ kind: 'not_found' });
  });
});
