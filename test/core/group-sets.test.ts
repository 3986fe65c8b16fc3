import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/actor.ts';
import { fromJson } from '../../src/db/rows.ts';
import { Harness } from '../helpers/harness.ts';
import { countQueries } from '../helpers/query-counter.ts';
import { testDialect } from '../helpers/test-database.ts';

let h: Harness;
let actor: Actor;
let other: Actor;
beforeAll(async () => {
  h = await Harness.start();
  actor = await h.actor(await h.services.workspaces.create('group-sets'));
  other = await h.actor(await h.services.workspaces.create('group-sets-other'));
});
afterAll(async () => {
  await h.close();
});

const codeOf = (work: Promise<unknown>) => work.then(() => 'ok', (error: { code?: string }) => error.code);

async function events(action: string, workspaceId: string): Promise<Array<{ target_id: string; changes: Record<string, unknown> }>> {
  const rows = await h.runtime.database.db.selectFrom('audit_events').select(['target_id', 'changes'])
    .where('action', '=', action).where('workspace_id', '=', workspaceId).orderBy('id').execute();
  return rows.map((row) => ({ target_id: String(row.target_id), changes: fromJson<Record<string, unknown>>(row.changes) }));
}

const membersOf = async (groupId: number) => (await h.services.groups.get(actor, groupId)).members.map((member) => member.id).sort();

describe(`creating many groups and changing many groups' members at once on ${testDialect()}`, () => {
  it('creates the groups in a few statements, ids in the names\' order, one group.created event each; another workspace\'s names do not count', async () => {
    await h.services.groups.create(other, 'shared-name');
    const names = ['shared-name', ...Array.from({ length: 1200 }, (_, index) => `bulk-${index}`)];
    const counter = countQueries(h.runtime.database.db);
    const ids = await h.services.groups.createMany(actor, names);
    const statements = counter.take();
    counter.restore();
    expect(statements).toBeLessThanOrEqual(8);
    const groups = await h.services.groups.list(actor);
    expect(ids.map((id) => groups.find((group) => group.id === id)?.name)).toEqual(names);
    const created = await events('group.created', actor.workspaceId);
    expect(created).toHaveLength(names.length);
    expect(created.map((event) => [Number(event.target_id), event.changes.name])).toEqual(ids.map((id, index) => [id, names[index]]));
  });

  it('creates none when a name is given twice or already taken, naming it', async () => {
    const before = (await h.services.groups.list(actor)).length;
    const eventsBefore = (await events('group.created', actor.workspaceId)).length;
    expect(await codeOf(h.services.groups.createMany(actor, ['fresh-a', 'fresh-b', 'fresh-a']))).toBe('group_name_taken');
    await expect(h.services.groups.createMany(actor, ['fresh-c', 'bulk-7'])).rejects.toThrow('"bulk-7"');
    expect((await h.services.groups.list(actor)).length).toBe(before);
    expect((await events('group.created', actor.workspaceId)).length).toBe(eventsBefore);
  });

  it('adds and removes across groups in one call, an event per pair changed, nothing for a member already in', async () => {
    const [a, b, c] = await h.services.users.createMany(actor, ['a', 'b', 'c'].map((name) => ({ email: `${name}@group-sets.test`, role: 'builder' as const })));
    const [first, second, third] = await h.services.groups.createMany(actor, ['first', 'second', 'third']);
    await h.services.groups.changeMembers(actor, first!, { add: [a!, b!] });
    const touched = (await h.services.groups.get(actor, second!)).updatedAt;
    const addedBefore = (await events('group.member_added', actor.workspaceId)).length;
    await new Promise((resolve) => setTimeout(resolve, 5));
    await h.services.groups.changeMembersMany(actor, [
      { groupId: first!, add: [a!, c!], remove: [b!] },
      { groupId: second!, add: [a!, b!, c!] },
      { groupId: first!, add: [c!] },
      { groupId: third!, add: [] },
    ]);
    expect(await membersOf(first!)).toEqual([a!, c!].sort());
    expect(await membersOf(second!)).toEqual([a!, b!, c!].sort());
    expect(await membersOf(third!)).toEqual([]);
    expect((await h.services.groups.get(actor, second!)).updatedAt > touched).toBe(true);
    const added = (await events('group.member_added', actor.workspaceId)).slice(addedBefore)
      .map((event) => [Number(event.target_id), event.changes.userId]);
    expect(added.sort()).toEqual([[first!, c!], [second!, a!], [second!, b!], [second!, c!]].sort());
    const removed = (await events('group.member_removed', actor.workspaceId)).map((event) => [Number(event.target_id), event.changes.userId]);
    expect(removed).toEqual([[first!, b!]]);
  });

  it('changes 2,000 memberships of 200 groups in a few statements', async () => {
    const users = await h.services.users.createMany(actor, Array.from({ length: 1000 }, (_, index) => ({ email: `many${index}@group-sets.test`, role: 'builder' as const })));
    const groups = await h.services.groups.createMany(actor, Array.from({ length: 200 }, (_, index) => `many-${index}`));
    const counter = countQueries(h.runtime.database.db);
    await h.services.groups.changeMembersMany(actor, groups.map((groupId, g) => ({ groupId, add: users.slice(g * 5, g * 5 + 10) })));
    const statements = counter.take();
    counter.restore();
    expect(statements).toBeLessThanOrEqual(20);
    expect(await membersOf(groups[3]!)).toEqual(users.slice(15, 25).sort());
  });

  it('changes nothing in any group when one change is refused', async () => {
    const [member, endUser, outside] = await h.services.users.createMany(actor, [
      { email: 'm@group-sets.test', role: 'builder' }, { email: 'e@group-sets.test', role: 'end-user' }, { email: 'o@group-sets.test', role: 'builder' },
    ]);
    const stranger = await h.services.users.create(other, { email: 'stranger@group-sets.test', role: 'builder' });
    const [open, guarded] = await h.services.groups.createMany(actor, ['open', 'guarded']);
    const theirs = (await h.services.groups.create(other, 'theirs')).id;
    await h.services.groups.changeMembers(actor, open!, { add: [outside!] });
    const folder = await h.services.folders.create(actor, { name: 'Edit', folderType: 'app', parentFolderId: null });
    await h.services.permissions.grant(actor, { type: 'group', id: guarded! }, { type: 'folder', id: folder.id }, 'edit');
    const eventsBefore = (await events('group.member_added', actor.workspaceId)).length;
    const attempt = (second: { groupId: number; add?: string[]; remove?: string[] }) => codeOf(h.services.groups.changeMembersMany(actor, [
      { groupId: open!, add: [member!, endUser!], remove: [outside!] }, second,
    ]));
    expect(await attempt({ groupId: theirs, add: [member!] })).toBe('group_not_found');
    expect(await attempt({ groupId: guarded!, add: [stranger.id] })).toBe('user_not_found');
    expect(await attempt({ groupId: guarded!, remove: [member!] })).toBe('group_member_not_found');
    expect(await attempt({ groupId: guarded!, add: [member!, endUser!] })).toBe('group_has_edit_access');
    expect(await membersOf(open!)).toEqual([outside!]);
    expect(await membersOf(guarded!)).toEqual([]);
    expect((await h.services.groups.get(other, theirs)).members).toEqual([]);
    expect((await events('group.member_added', actor.workspaceId)).length).toBe(eventsBefore);
    expect(await events('group.member_removed', other.workspaceId)).toEqual([]);
  });
});
