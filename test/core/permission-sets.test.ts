import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/actor.ts';
import type { GrantInput } from '../../src/core/permission.service.ts';
import { fromJson } from '../../src/db/rows.ts';
import { Harness } from '../helpers/harness.ts';
import { countQueries } from '../helpers/query-counter.ts';
import { testDialect } from '../helpers/test-database.ts';

let h: Harness;
let actor: Actor;
let other: Actor;
beforeAll(async () => {
  h = await Harness.start();
  actor = await h.actor(await h.services.workspaces.create('grant-sets'));
  other = await h.actor(await h.services.workspaces.create('grant-sets-other'));
});
afterAll(async () => {
  await h.close();
});

const codeOf = (work: Promise<unknown>) => work.then(() => 'ok', (error: { code?: string }) => error.code);
const folder = async (as: Actor, name: string) => (await h.services.folders.create(as, { name, folderType: 'app', parentFolderId: null })).id;

async function grants(workspaceId: string) {
  const rows = await h.runtime.database.db.selectFrom('permission_grants')
    .select(['id', 'subject_type', 'subject_id', 'object_id', 'access_level']).where('workspace_id', '=', workspaceId).orderBy('id').execute();
  return rows.map((row) => `${row.subject_type} ${row.subject_id} ${row.object_id} ${row.access_level}`).sort();
}

async function grantedEvents(workspaceId: string) {
  const rows = await h.runtime.database.db.selectFrom('audit_events').select(['target_id', 'changes'])
    .where('action', '=', 'permission.granted').where('workspace_id', '=', workspaceId).orderBy('id').execute();
  return rows.map((row) => ({ targetId: String(row.target_id), changes: fromJson<Record<string, unknown>>(row.changes) }));
}

describe(`making many grants at once on ${testDialect()}`, () => {
  it('makes and re-levels grants of users and groups in a few statements, the later of two on one pair winning, one event per grant', async () => {
    const [builder] = await h.services.users.createMany(actor, [{ email: 'builder@grant-sets.test', role: 'builder' }]);
    const groupIds = await h.services.groups.createMany(actor, Array.from({ length: 600 }, (_, index) => `g${index}`));
    const [f1, f2] = [await folder(actor, 'F1'), await folder(actor, 'F2')];
    await h.services.permissions.grant(actor, { type: 'group', id: groupIds[0]! }, { type: 'folder', id: f1 }, 'use');
    const before = (await grantedEvents(actor.workspaceId)).length;
    const inputs: GrantInput[] = [
      ...groupIds.map((id, index) => ({ subject: { type: 'group' as const, id }, object: { type: 'folder' as const, id: index % 2 ? f2 : f1 }, accessLevel: 'use' as const })),
      { subject: { type: 'group', id: groupIds[0]! }, object: { type: 'folder', id: f1 }, accessLevel: 'edit' },
      { subject: { type: 'user', id: builder!.toUpperCase() }, object: { type: 'folder', id: f2 }, accessLevel: 'own' },
    ];
    const counter = countQueries(h.runtime.database.db);
    await h.services.permissions.grantMany(actor, inputs);
    const statements = counter.take();
    counter.restore();
    expect(statements).toBeLessThanOrEqual(14);
    const held = await grants(actor.workspaceId);
    expect(held).toHaveLength(601);
    expect(held).toContain(`group ${groupIds[0]} ${f1} edit`);
    expect(held).toContain(`group ${groupIds[1]} ${f2} use`);
    expect(held).toContain(`user ${builder} ${f2} own`);
    const events = (await grantedEvents(actor.workspaceId)).slice(before);
    expect(events).toHaveLength(601);
    const ids = await h.runtime.database.db.selectFrom('permission_grants').select('id').where('workspace_id', '=', actor.workspaceId).execute();
    expect(events.map((event) => event.targetId).sort()).toEqual(ids.map((row) => String(row.id)).sort());
    expect(events.find((event) => (event.changes.subject as { type: string; id: unknown }).id === groupIds[0])?.changes.accessLevel).toBe('edit');
  });

  it('makes none when one grant is refused, with the code grant gives', async () => {
    const [builder, endUser] = await h.services.users.createMany(actor, [
      { email: 'b2@grant-sets.test', role: 'builder' }, { email: 'end@grant-sets.test', role: 'end-user' },
    ]);
    const stranger = await h.services.users.create(other, { email: 'stranger@grant-sets.test', role: 'builder' });
    const [withEndUser] = await h.services.groups.createMany(actor, ['with-end-user']);
    await h.services.groups.changeMembers(actor, withEndUser!, { add: [endUser!] });
    const theirGroup = (await h.services.groups.create(other, 'theirs')).id;
    const mine = await folder(actor, 'Mine');
    const theirs = await folder(other, 'Theirs');
    const [held, events, otherHeld] = [await grants(actor.workspaceId), (await grantedEvents(actor.workspaceId)).length, await grants(other.workspaceId)];
    const attempt = (second: GrantInput) => codeOf(h.services.permissions.grantMany(actor, [
      { subject: { type: 'user', id: builder! }, object: { type: 'folder', id: mine }, accessLevel: 'edit' }, second,
    ]));
    const toMine = (subject: GrantInput['subject'], accessLevel: GrantInput['accessLevel'] = 'use'): GrantInput => ({ subject, object: { type: 'folder', id: mine }, accessLevel });
    expect(await attempt(toMine({ type: 'group', id: theirGroup }))).toBe('group_not_found');
    expect(await attempt(toMine({ type: 'user', id: stranger.id }))).toBe('user_not_found');
    expect(await attempt(toMine({ type: 'user', id: 'not-a-uuid' }))).toBe('invalid_input');
    expect(await attempt(toMine({ type: 'group', id: '7' }))).toBe('invalid_input');
    expect(await attempt({ subject: { type: 'user', id: builder! }, object: { type: 'folder', id: theirs }, accessLevel: 'use' })).toBe('folder_not_found');
    expect(await attempt(toMine({ type: 'user', id: endUser! }, 'edit'))).toBe('end_user_access_level');
    await expect(h.services.permissions.grantMany(actor, [toMine({ type: 'group', id: withEndUser! }, 'own')])).rejects.toThrow('end@grant-sets.test');
    expect(await grants(actor.workspaceId)).toEqual(held);
    expect((await grantedEvents(actor.workspaceId)).length).toBe(events);
    expect(await grants(other.workspaceId)).toEqual(otherHeld);
  });
});
