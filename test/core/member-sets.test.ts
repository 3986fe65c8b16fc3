import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/actor.ts';
import { Harness } from '../helpers/harness.ts';
import { testDialect } from '../helpers/test-database.ts';

let h: Harness;
let actor: Actor;
let other: Actor;
beforeAll(async () => {
  h = await Harness.start();
  actor = await h.actor(await h.services.workspaces.create('sets'));
  other = await h.actor(await h.services.workspaces.create('sets-other'));
  await h.services.userAttributes.create(actor, { name: 'team', dataType: 'string' });
});
afterAll(async () => {
  await h.close();
});

const codeOf = (work: Promise<unknown>) => work.then(() => 'ok', (error: { code?: string }) => error.code);

async function events(action: string, workspaceId: string): Promise<Array<{ target_id: string | null; changes: string | null }>> {
  return h.runtime.database.db.selectFrom('audit_events').select(['target_id', 'changes'])
    .where('action', '=', action).where('workspace_id', '=', workspaceId).execute() as never;
}

describe(`creating many members and changing a group's members at once on ${testDialect()}`, () => {
  it('creates new and known accounts as create does (a known account gets names of its own here), with one user.created event each', async () => {
    const known = await h.services.users.create(other, { email: 'known@sets.test', role: 'builder', firstName: 'Kim' });
    const ids = await h.services.users.createMany(actor, [
      { email: 'New1@Sets.test', role: 'admin', firstName: 'Ada', attributes: { team: 'core' } },
      { email: 'KNOWN@sets.test', role: 'end-user' },
      { email: 'new2@sets.test', role: 'end-user', attributes: { team: null } },
    ]);
    expect(ids[1]).toBe(known.id);
    const members = await Promise.all(ids.map((id) => h.services.users.get(actor, id)));
    expect(members.map(({ email, role, firstName, attributes }) => ({ email, role, firstName, attributes }))).toEqual([
      { email: 'New1@Sets.test', role: 'admin', firstName: 'Ada', attributes: { team: 'core' } },
      { email: 'known@sets.test', role: 'end-user', firstName: '', attributes: {} },
      { email: 'new2@sets.test', role: 'end-user', firstName: '', attributes: {} },
    ]);
    expect((await events('user.created', actor.workspaceId)).map((event) => event.target_id).sort()).toEqual([...ids].sort());
  });

  it('creates nothing when any input is refused: an unknown attribute, a wrong value, the same email twice', async () => {
    const before = (await h.services.users.list(actor, { page: 1, pageSize: 100 })).total;
    expect(await codeOf(h.services.users.createMany(actor, [{ email: 'a@sets.test', role: 'builder' }, { email: 'b@sets.test', role: 'builder', attributes: { nope: 1 } }])))
      .toBe('unknown_attribute');
    expect(await codeOf(h.services.users.createMany(actor, [{ email: 'a@sets.test', role: 'builder', attributes: { team: 3 } }]))).toBe('invalid_attribute_value');
    expect(await codeOf(h.services.users.createMany(actor, [{ email: 'c@sets.test', role: 'builder' }, { email: 'C@sets.test', role: 'builder' }]))).toBe('email_taken');
    expect((await h.services.users.list(actor, { page: 1, pageSize: 100 })).total).toBe(before);
  });

  it('adds and removes many members in one call, recording an event per pair changed and nothing for those already in', async () => {
    const [a, b, c] = await h.services.users.createMany(actor, ['ga', 'gb', 'gc'].map((name) => ({ email: `${name}@sets.test`, role: 'builder' as const })));
    const group = await h.services.groups.create(actor, 'many');
    await h.services.groups.addMember(actor, group.id, a!);
    await h.services.groups.changeMembers(actor, group.id, { add: [a!, b!, c!, b!] });
    expect((await h.services.groups.get(actor, group.id)).members.map((member) => member.id).sort()).toEqual([a!, b!, c!].sort());
    await h.services.groups.changeMembers(actor, group.id, { remove: [a!, c!] });
    expect((await h.services.groups.get(actor, group.id)).members.map((member) => member.id)).toEqual([b!]);
    const added = (await events('group.member_added', actor.workspaceId)).filter((event) => event.target_id === String(group.id));
    const removed = (await events('group.member_removed', actor.workspaceId)).filter((event) => event.target_id === String(group.id));
    expect(added).toHaveLength(3);
    expect(removed).toHaveLength(2);
  });

  it('changes nothing when any user is refused: not a member of the workspace, not in the group, an end user joining an edit group', async () => {
    const [member, endUser] = await h.services.users.createMany(actor, [
      { email: 'm@sets.test', role: 'builder' }, { email: 'e@sets.test', role: 'end-user' },
    ]);
    const stranger = await h.services.users.create(other, { email: 'stranger@sets.test', role: 'builder' });
    const group = await h.services.groups.create(actor, 'guarded');
    expect(await codeOf(h.services.groups.changeMembers(actor, group.id, { add: [member!, stranger.id] }))).toBe('user_not_found');
    expect(await codeOf(h.services.groups.changeMembers(actor, group.id, { add: [member!], remove: [endUser!] }))).toBe('group_member_not_found');
    const otherGroup = await h.services.groups.create(other, 'theirs');
    expect(await codeOf(h.services.groups.changeMembers(actor, otherGroup.id, { add: [member!] }))).toBe('group_not_found');
    const folder = await h.services.folders.create(actor, { name: 'Edit', folderType: 'app', parentFolderId: null });
    await h.services.permissions.grant(actor, { type: 'group', id: group.id }, { type: 'folder', id: folder.id }, 'edit');
    expect(await codeOf(h.services.groups.changeMembers(actor, group.id, { add: [member!, endUser!] }))).toBe('group_has_edit_access');
    expect((await h.services.groups.get(actor, group.id)).members).toEqual([]);
  });
});
