import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from '../../helpers/harness.ts';
import { v2 } from './client.ts';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(async () => {
  await h.close();
});

let counter = 0;
async function newGroup(): Promise<{ id: number }> {
  return (await v2(h, 'POST', '/api/v2/groups', { body: { name: `invited group ${++counter}` } })).json().data;
}
async function newInvite(): Promise<{ id: number }> {
  return (await v2(h, 'POST', '/api/v2/user_invites', { body: { email: `invitee${++counter}@elsewhere.example` } })).json().data;
}
const inviteIdsOf = (group: { user_invites: Array<{ id: number }> }) => group.user_invites.map((invite) => invite.id);

describe('a group\'s user invites', () => {
  it('adds invites to a group, answers them in the group and the invite, and removes one', async () => {
    const [group, first, second] = [await newGroup(), await newInvite(), await newInvite()];
    const added = await v2(h, 'POST', `/api/v2/groups/${group.id}/user_invites`, { body: { userInviteIds: [first.id, second.id, first.id] } });
    expect(added.statusCode).toBe(200);
    expect(inviteIdsOf(added.json().data)).toEqual([first.id, second.id]);
    expect(added.json().data.user_invites[0]).not.toHaveProperty('invite_link');
    const invite = (await v2(h, 'GET', `/api/v2/user_invites/${first.id}`)).json().data;
    expect(invite.groups.map((item: { id: number }) => item.id)).toEqual([group.id]);
    expect(inviteIdsOf((await v2(h, 'GET', '/api/v2/groups')).json().data.find((item: { id: number }) => item.id === group.id))).toEqual([first.id, second.id]);

    expect((await v2(h, 'DELETE', `/api/v2/groups/${group.id}/user_invites/${first.id}`)).statusCode).toBe(204);
    expect(inviteIdsOf((await v2(h, 'GET', `/api/v2/groups/${group.id}`)).json().data)).toEqual([second.id]);
    expect((await v2(h, 'DELETE', `/api/v2/groups/${group.id}/user_invites/${first.id}`)).statusCode).toBe(404);
  });

  it('records each changed invite as this dialect\'s', async () => {
    const [group, invite] = [await newGroup(), await newInvite()];
    await v2(h, 'POST', `/api/v2/groups/${group.id}/user_invites`, { body: { userInviteIds: [invite.id] } });
    const events = await h.runtime.database.db.selectFrom('audit_events').select(['action', 'source', 'changes']).where('action', '=', 'invite.updated').execute();
    expect(events.at(-1)).toMatchObject({ action: 'invite.updated', source: 'retool-v2' });
    expect(JSON.stringify(events.at(-1)!.changes)).toContain(String(group.id));
  });

  it('sets a group\'s invites with PUT and JSON Patch', async () => {
    const [group, first, second] = [await newGroup(), await newInvite(), await newInvite()];
    const put = await v2(h, 'PUT', `/api/v2/groups/${group.id}`, { body: { user_invites: [{ id: first.id }] } });
    expect(inviteIdsOf(put.json().data)).toEqual([first.id]);
    const patched = await v2(h, 'PATCH', `/api/v2/groups/${group.id}`, { body: { operations: [{ op: 'add', path: '/user_invites/-', value: { id: second.id } }] } });
    expect(inviteIdsOf(patched.json().data)).toEqual([first.id, second.id]);
    const removed = await v2(h, 'PATCH', `/api/v2/groups/${group.id}`, { body: { operations: [{ op: 'remove', path: '/user_invites/0' }] } });
    expect(inviteIdsOf(removed.json().data)).toEqual([second.id]);
    const cleared = await v2(h, 'PUT', `/api/v2/groups/${group.id}`, { body: { user_invites: [] } });
    expect(cleared.json().data.user_invites).toEqual([]);
    const created = await v2(h, 'POST', '/api/v2/groups', { body: { name: `with invites ${++counter}`, user_invites: [{ id: first.id }] } });
    expect(inviteIdsOf(created.json().data)).toEqual([first.id]);
  });

  it('refuses unknown groups and invites, closed invites and bad bodies, changing nothing', async () => {
    const [group, invite, revoked] = [await newGroup(), await newInvite(), await newInvite()];
    await v2(h, 'DELETE', `/api/v2/user_invites/${revoked.id}`);
    expect((await v2(h, 'POST', '/api/v2/groups/999999/user_invites', { body: { userInviteIds: [invite.id] } })).statusCode).toBe(404);
    expect((await v2(h, 'DELETE', `/api/v2/groups/999999/user_invites/${invite.id}`)).statusCode).toBe(404);
    expect((await v2(h, 'DELETE', `/api/v2/groups/${group.id}/user_invites/999999`)).statusCode).toBe(404);
    const unknown = await v2(h, 'POST', `/api/v2/groups/${group.id}/user_invites`, { body: { userInviteIds: [invite.id, 999999] } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain('userInviteIds.1');
    const closed = await v2(h, 'POST', `/api/v2/groups/${group.id}/user_invites`, { body: { userInviteIds: [invite.id, revoked.id] } });
    expect(closed.statusCode).toBe(409);
    const wrongType = await v2(h, 'POST', `/api/v2/groups/${group.id}/user_invites`, { body: { userInviteIds: ['x'] } });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().message).toContain('userInviteIds');
    const missing = await v2(h, 'POST', `/api/v2/groups/${group.id}/user_invites`, { body: {} });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toContain('userInviteIds');
    const badPut = await v2(h, 'PUT', `/api/v2/groups/${group.id}`, { body: { user_invites: [{ id: 'one' }] } });
    expect(badPut.statusCode).toBe(400);
    expect(badPut.json().message).toContain('user_invites');
    expect((await v2(h, 'GET', `/api/v2/groups/${group.id}`)).json().data.user_invites).toEqual([]);
  });

  it('needs the groups:write scope to change them', async () => {
    const [group, invite] = [await newGroup(), await newInvite()];
    const reader = await h.token(['groups:read', 'invites:write']);
    expect((await v2(h, 'POST', `/api/v2/groups/${group.id}/user_invites`, { body: { userInviteIds: [invite.id] }, token: reader })).statusCode).toBe(403);
    expect((await v2(h, 'DELETE', `/api/v2/groups/${group.id}/user_invites/${invite.id}`, { token: reader })).statusCode).toBe(403);
    expect((await v2(h, 'GET', `/api/v2/groups/${group.id}`, { token: reader })).statusCode).toBe(200);
  });

  it('keeps each workspace\'s invites and groups to itself', async () => {
    const [group, invite] = [await newGroup(), await newInvite()];
    const other = await h.token(['*'], { workspaceId: await h.services.workspaces.create('Group invites other') });
    const theirGroup = (await v2(h, 'POST', '/api/v2/groups', { body: { name: 'theirs' }, token: other })).json().data;
    const borrowed = await v2(h, 'POST', `/api/v2/groups/${theirGroup.id}/user_invites`, { body: { userInviteIds: [invite.id] }, token: other });
    expect(borrowed.statusCode).toBe(400);
    expect(borrowed.json().message).toContain('userInviteIds.0');
    expect((await v2(h, 'POST', `/api/v2/groups/${group.id}/user_invites`, { body: { userInviteIds: [] }, token: other })).statusCode).toBe(404);
    await v2(h, 'POST', `/api/v2/groups/${group.id}/user_invites`, { body: { userInviteIds: [invite.id] } });
    expect((await v2(h, 'DELETE', `/api/v2/groups/${group.id}/user_invites/${invite.id}`, { token: other })).statusCode).toBe(404);
    expect(inviteIdsOf((await v2(h, 'GET', `/api/v2/groups/${group.id}`)).json().data)).toEqual([invite.id]);
  });
});

describe('a user invite\'s attributes', () => {
  it('sets values read as the attribute\'s type, and removes them', async () => {
    await h.request('POST', '/api/v1/userAttributes', { body: { name: 'level', dataType: 'number' } });
    await h.request('POST', '/api/v1/userAttributes', { body: { name: 'team', dataType: 'string' } });
    const invite = await newInvite();
    const set = await v2(h, 'POST', `/api/v2/user_invites/${invite.id}/user_attributes`, { body: { name: 'level', value: '3' } });
    expect(set.statusCode).toBe(200);
    expect(set.json().data).toEqual({ metadata: { level: 3 } });
    await v2(h, 'POST', `/api/v2/user_invites/${invite.id}/user_attributes`, { body: { name: 'team', value: 'ops' } });
    expect((await v2(h, 'GET', `/api/v2/user_invites/${invite.id}`)).json().data.metadata).toEqual({ level: 3, team: 'ops' });
    const removed = await v2(h, 'DELETE', `/api/v2/user_invites/${invite.id}/user_attributes/level`);
    expect(removed.json().data).toEqual({ metadata: { team: 'ops' } });
    expect((await v2(h, 'DELETE', `/api/v2/user_invites/${invite.id}/user_attributes/level`)).statusCode).toBe(404);
    expect((await v2(h, 'POST', '/api/v2/user_invites/999999/user_attributes', { body: { name: 'team', value: 'x' } })).statusCode).toBe(404);
  });

  it('refuses undefined attributes and values not of the type, changing nothing', async () => {
    const invite = await newInvite();
    const undefinedName = await v2(h, 'POST', `/api/v2/user_invites/${invite.id}/user_attributes`, { body: { name: 'nope', value: 'x' } });
    expect(undefinedName.statusCode).toBe(400);
    expect(undefinedName.json().message).toContain('name');
    const notANumber = await v2(h, 'POST', `/api/v2/user_invites/${invite.id}/user_attributes`, { body: { name: 'level', value: 'three' } });
    expect(notANumber.statusCode).toBe(400);
    expect(notANumber.json().message).toContain('value');
    const noValue = await v2(h, 'POST', `/api/v2/user_invites/${invite.id}/user_attributes`, { body: { name: 'level' } });
    expect(noValue.statusCode).toBe(400);
    expect(noValue.json().message).toContain('value');
    expect((await v2(h, 'GET', `/api/v2/user_invites/${invite.id}`)).json().data.metadata).toEqual({});
    const reader = await h.token(['invites:read']);
    expect((await v2(h, 'POST', `/api/v2/user_invites/${invite.id}/user_attributes`, { body: { name: 'level', value: '1' }, token: reader })).statusCode).toBe(403);
  });
});
