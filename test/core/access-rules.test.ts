import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/actor.ts';
import { DomainError } from '../../src/core/errors.ts';
import { Harness } from '../helpers/harness.ts';
import { testDialect } from '../helpers/test-database.ts';

/**
 * The end-user rule on the paths that change roles and groups outside the native group and
 * user routes: the ToolJet-facing account service, bulk import and invites.
 */

let h: Harness;
let workspaceId: string;
let actor: Actor;
let elevated: { id: number; uuid: string; name: string };
let plain: { id: number; uuid: string; name: string };
beforeAll(async () => {
  h = await Harness.start();
  workspaceId = await h.services.workspaces.create('Access rules');
  actor = await h.actor(workspaceId);
  elevated = await h.services.groups.create(actor, 'editors');
  plain = await h.services.groups.create(actor, 'readers');
  const app = await h.services.apps.create(actor, { name: 'Ledger' });
  await h.services.permissions.grant(actor, { type: 'group', id: elevated.id }, { type: 'app', id: app.id }, 'edit');
  await h.services.permissions.grant(actor, { type: 'group', id: plain.id }, { type: 'app', id: app.id }, 'use');
});
afterAll(async () => {
  await h?.close();
});

let counter = 0;
const nextEmail = () => `rules-${++counter}@rules.test`;

async function failure(work: Promise<unknown>): Promise<DomainError> {
  const error = await work.then(() => null, (reason: unknown) => reason);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

async function groupMembers(groupId: number): Promise<string[]> {
  return (await h.services.groups.get(actor, groupId)).members.map((member) => member.email);
}

describe(`end users and groups holding edit grants, on ${testDialect()}`, () => {
  it('account service: an end-user membership cannot take an elevated group; a builder one can', async () => {
    const email = nextEmail();
    const membership = { workspace: { id: workspaceId }, role: 'end-user' as const, status: 'active' as const, groups: [{ name: 'editors' }] };
    const error = await failure(h.services.accounts.create({ email, firstName: 'E', lastName: 'U', status: 'active', memberships: [membership] }));
    expect(error.code).toBe('group_has_edit_access');
    expect(error.message).toContain('editors');
    expect(await groupMembers(elevated.id)).not.toContain(email);

    const reader = await h.services.accounts.create({
      email: nextEmail(), firstName: 'E', lastName: 'U', status: 'active',
      memberships: [{ ...membership, groups: [{ name: 'readers' }] }],
    });
    expect(reader.memberships[0]!.groups.map((group) => group.name)).toEqual(['readers']);
    const builder = await h.services.accounts.create({
      email: nextEmail(), firstName: 'B', lastName: 'U', status: 'active', memberships: [{ ...membership, role: 'builder' }],
    });
    expect(builder.memberships[0]!.groups.map((group) => group.name)).toEqual(['editors']);
  });

  it('account service: changing the role of a member of an elevated group to end-user is refused', async () => {
    const email = nextEmail();
    await h.services.accounts.create({
      email, firstName: 'B', lastName: 'U', status: 'active',
      memberships: [{ workspace: { id: workspaceId }, role: 'builder', status: 'active', groups: [{ name: 'editors' }] }],
    });
    const error = await failure(h.services.accounts.changeRole(workspaceId, { email }, 'end-user'));
    expect(error.code).toBe('holds_edit_access');
    expect(error.message).toContain('editors');
    expect((await h.services.accounts.get(email)).memberships[0]!.role).toBe('builder');
  });

  it('import: an end-user row asking for an elevated group fails alone', async () => {
    const [refused, builder, reader] = [nextEmail(), nextEmail(), nextEmail()];
    const report = await h.services.userImports.run(workspaceId, [
      { line: 2, fields: { email: refused, role: 'end-user', groups: 'editors' } },
      { line: 3, fields: { email: builder, role: 'builder', groups: 'editors' } },
      { line: 4, fields: { email: reader, role: 'end-user', groups: 'readers' } },
    ]);
    expect(report.outcomes.map((outcome) => outcome.result)).toEqual(['failed', 'created', 'created']);
    expect(report.outcomes[0]!.reason).toContain('edit or own');
    expect(await groupMembers(elevated.id)).toContain(builder);
    expect(await groupMembers(elevated.id)).not.toContain(refused);
  });

  it('invites: accepting is refused once the invite\'s group holds edit grants, and the invite stays pending', async () => {
    const group = await h.services.groups.create(actor, 'late editors');
    const issued = await h.services.invites.create(actor, { email: nextEmail(), role: 'end-user', groupIds: [group.id] });
    const app = await h.services.apps.create(actor, { name: 'Late app' });
    await h.services.permissions.grant(actor, { type: 'group', id: group.id }, { type: 'app', id: app.id }, 'own');
    const token = issued.acceptUrl!.split('/').pop()!;
    const error = await failure(h.services.inviteAcceptance.accept({ token, firstName: 'L', lastName: 'E', password: 'a long enough password' }));
    expect(error.code).toBe('group_has_edit_access');
    expect((await h.services.invites.get(actor, issued.invite.id)).status).toBe('pending');
  });
});
