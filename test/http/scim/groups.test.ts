import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Harness } from '../../helpers/harness.ts';
import { countQueries } from '../../helpers/query-counter.ts';
import { GROUP, USER, expectScimError, filterUrl, idsOf, patchOf, scim } from './scim-requests.ts';

/** RFC 7644 §3.3–3.6 for Groups, with the member changes Okta, Entra and JumpCloud send. */
let h: Harness;
const users: string[] = [];
let counter = 0;

beforeAll(async () => {
  h = await Harness.start();
  for (let index = 0; index < 4; index += 1) {
    const response = await scim(h, 'POST', '/scim/v2/Users', { body: { schemas: [USER], userName: `member${index}@example.com` } });
    users.push(response.json().id);
  }
});
afterAll(async () => {
  await h.close();
});

async function group(members: string[] = [], extra: Record<string, unknown> = {}): Promise<Record<string, any>> {
  counter += 1;
  const response = await scim(h, 'POST', '/scim/v2/Groups', {
    body: { schemas: [GROUP], displayName: `Group ${counter}`, members: members.map((value) => ({ value })), ...extra },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function memberIds(id: string): Promise<string[]> {
  const response = await scim(h, 'GET', `/scim/v2/Groups/${id}`);
  return ((response.json().members ?? []) as Array<{ value: string }>).map((member) => member.value).sort();
}

describe('POST /Groups', () => {
  it('creates a group with members, externalId and unknown schema URNs (Entra\'s ADSCIM)', async () => {
    const response = await scim(h, 'POST', '/scim/v2/Groups', { body: {
      schemas: [GROUP, 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'],
      externalId: 'aad-1', displayName: 'Entra Group', meta: { resourceType: 'Group' }, members: [{ value: users[0], display: 'x', $ref: null }],
    } });
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({
      schemas: [GROUP], displayName: 'Entra Group', externalId: 'aad-1',
      members: [{ value: users[0], display: 'member0@example.com', type: 'User' }],
      meta: { resourceType: 'Group', location: `http://toolplane.test/scim/v2/Groups/${created.id}` },
    });
    expect(response.headers.location).toBe(created.meta.location);
    // The native API sees the same group and member, and the writes are audited as SCIM's.
    const native = (await h.request('GET', '/api/v1/groups')).json();
    expect(JSON.stringify(native)).toContain('Entra Group');
    const groupId = (await h.runtime.database.db.selectFrom('groups').select('id').where('uuid', '=', created.id).executeTakeFirstOrThrow()).id;
    const events = await h.runtime.database.db.selectFrom('audit_events').select(['action', 'actor_type', 'source'])
      .where('target_type', '=', 'group').where('target_id', '=', String(groupId)).orderBy('id').execute();
    expect(events).toEqual([
      { action: 'group.created', actor_type: 'token', source: 'scim' }, { action: 'group.member_added', actor_type: 'token', source: 'scim' },
    ]);
  });

  it('refuses a displayName taken in any case with 409 uniqueness, and an unknown member with invalidValue', async () => {
    const existing = await group();
    expectScimError(await scim(h, 'POST', '/scim/v2/Groups', { body: { displayName: existing.displayName.toUpperCase() } }), 409, 'uniqueness');
    expectScimError(await scim(h, 'POST', '/scim/v2/Groups', { body: { displayName: 'Ghosts', members: [{ value: 'nobody' }] } }), 400, 'invalidValue');
    expect(idsOf(await scim(h, 'GET', filterUrl('/scim/v2/Groups', 'displayName eq "Ghosts"')))).toEqual([]);
    expectScimError(await scim(h, 'POST', '/scim/v2/Groups', { body: { members: [] } }), 400, 'invalidValue');
  });
});

describe('GET /Groups', () => {
  it('leaves members out with excludedAttributes=members (Entra), in lists and single reads', async () => {
    const created = await group([users[0]!]);
    const one = (await scim(h, 'GET', `/scim/v2/Groups/${created.id}?excludedAttributes=members`)).json();
    expect(one).not.toHaveProperty('members');
    expect(one.meta.version).toBe(created.meta.version);
    const listed = (await scim(h, 'GET', `${filterUrl('/scim/v2/Groups', `displayName eq "${created.displayName}"`)}&excludedAttributes=members`)).json();
    expect(listed.Resources).toHaveLength(1);
    expect(listed.Resources[0]).not.toHaveProperty('members');
    expect((await scim(h, 'GET', `/scim/v2/Groups/${created.id}?attributes=displayName`)).json())
      .toEqual({ schemas: [GROUP], id: created.id, displayName: created.displayName });
  });

  it('reads a page in a number of statements that does not grow with the page size', async () => {
    for (let index = 0; index < 6; index += 1) await group([users[index % 4]!]);
    // What the server remembers for a second (tokens, attribute definitions) stays remembered
    // while the clock stands still, however slow the machine.
    vi.useFakeTimers({ toFake: ['Date'] });
    const counter = countQueries(h.runtime.database.db);
    const statements = () => counter.take();
    try {
      await scim(h, 'GET', '/scim/v2/Users?filter=active%20eq%20true&count=1');
      statements();
      await scim(h, 'GET', '/scim/v2/Groups?count=2');
      const small = statements();
      await scim(h, 'GET', '/scim/v2/Groups?count=8');
      expect(statements()).toBe(small);
      // Filtered pages that are full: each counts its members.
      await scim(h, 'GET', '/scim/v2/Users?filter=active%20eq%20true&count=1');
      const oneUser = statements();
      await scim(h, 'GET', '/scim/v2/Users?filter=active%20eq%20true&count=4');
      expect(statements()).toBe(oneUser);
    } finally {
      counter.restore();
      vi.useRealTimers();
    }
  });
});

describe('PATCH /Groups/{id}', () => {
  it('renames with Okta\'s path-less replace carrying the id, and refuses a taken name', async () => {
    const created = await group();
    const other = await group();
    const renamed = await scim(h, 'PATCH', `/scim/v2/Groups/${created.id}`, { body: patchOf({ op: 'replace', value: { id: created.id, displayName: 'Renamed Okta' } }) });
    expect(renamed.json().displayName).toBe('Renamed Okta');
    expectScimError(await scim(h, 'PATCH', `/scim/v2/Groups/${created.id}`, { body: patchOf({ op: 'replace', path: 'displayName', value: other.displayName.toLowerCase() }) }), 409, 'uniqueness');
    expectScimError(await scim(h, 'PATCH', `/scim/v2/Groups/${created.id}`, { body: patchOf({ op: 'replace', value: { id: 'other' } }) }), 400, 'mutability');
  });

  it('replaces the whole member list (Okta), adds idempotently (JumpCloud) and removes by filter (Okta, Entra)', async () => {
    const created = await group([users[0]!]);
    const url = `/scim/v2/Groups/${created.id}`;
    await scim(h, 'PATCH', url, { body: patchOf({ op: 'replace', path: 'members', value: [{ value: users[1] }, { value: users[2] }] }) });
    expect(await memberIds(created.id)).toEqual([users[1], users[2]].sort());
    const before = (await scim(h, 'GET', url)).json();
    const repeated = await scim(h, 'PATCH', url, { body: patchOf({ op: 'add', path: 'members', value: [{ value: users[1], display: 'again' }] }) });
    expect(repeated.json().meta).toEqual(before.meta);
    await scim(h, 'PATCH', url, { body: patchOf(
      { op: 'remove', path: `members[value eq "${users[1]}"]` },
      { op: 'add', path: 'members', value: [{ value: users[3], display: 'member3' }] },
    ) });
    expect(await memberIds(created.id)).toEqual([users[2], users[3]].sort());
  });

  it('removes only the listed members with Entra\'s legacy Remove and a value list, and all without one', async () => {
    const created = await group([users[0]!, users[1]!, users[2]!]);
    const url = `/scim/v2/Groups/${created.id}`;
    const response = await scim(h, 'PATCH', url, { body: patchOf({ op: 'Remove', path: 'members', value: [{ value: users[1] }] }) });
    expect(response.statusCode, response.body).toBe(200);
    expect(await memberIds(created.id)).toEqual([users[0], users[2]].sort());
    await scim(h, 'PATCH', url, { body: patchOf({ op: 'Add', path: 'members', value: [{ $ref: null, value: users[3] }] }) });
    await scim(h, 'PATCH', url, { body: patchOf({ op: 'remove', path: 'members' }) });
    expect(await memberIds(created.id)).toEqual([]);
  });

  it('updates externalId with a path-less replace (the Entra validator\'s "Replace Attributes")', async () => {
    const created = await group();
    const response = await scim(h, 'PATCH', `/scim/v2/Groups/${created.id}`, { body: patchOf({ op: 'Replace', value: { externalId: 'new-ext' } }) });
    expect(response.json().externalId).toBe('new-ext');
    expect(response.json().meta.version).not.toBe(created.meta.version);
    expect(idsOf(await scim(h, 'GET', filterUrl('/scim/v2/Groups', 'externalId eq "new-ext"')))).toEqual([created.id]);
  });

  it('is atomic: a rename with an unknown member changes neither', async () => {
    const created = await group([users[0]!]);
    const refused = await scim(h, 'PATCH', `/scim/v2/Groups/${created.id}`, { body: patchOf(
      { op: 'replace', path: 'displayName', value: 'Should Not Stick' },
      { op: 'add', path: 'members', value: [{ value: 'no-such-user' }] },
    ) });
    expectScimError(refused, 400, 'invalidValue');
    expect((await scim(h, 'GET', `/scim/v2/Groups/${created.id}`)).json()).toEqual(created);
  });

  it('adds 1,000 members in one PATCH', async () => {
    const ids: string[] = [];
    const actor = await h.actor();
    for (let index = 0; index < 1000; index += 1) ids.push(`00000000-0000-4000-8000-${String(index).padStart(12, '0')}`);
    const at = new Date().toISOString();
    await h.runtime.database.db.insertInto('users').values(ids.map((id, index) => ({
      id, email: `bulk${index}@example.com`, first_name: '', last_name: '', status: 'active' as const, created_at: at, updated_at: at,
    }))).execute();
    await h.runtime.database.db.insertInto('memberships').values(ids.map((id) => ({
      workspace_id: actor.workspaceId, user_id: id, role: 'end-user' as const, status: 'active' as const, invite_nonce: null, created_at: at, updated_at: at,
    }))).execute();
    const created = await group();
    const started = Date.now();
    const response = await scim(h, 'PATCH', `/scim/v2/Groups/${created.id}?excludedAttributes=members`, {
      body: patchOf({ op: 'add', path: 'members', value: ids.map((value) => ({ value })) }),
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await memberIds(created.id))).toHaveLength(1000);
  });
});

describe('PUT and DELETE /Groups/{id}', () => {
  it('replaces name and members, and deletes: 204, then 404', async () => {
    const created = await group([users[0]!]);
    const replaced = await scim(h, 'PUT', `/scim/v2/Groups/${created.id}`, { body: { schemas: [GROUP], displayName: 'Put Name', members: [{ value: users[2] }] } });
    expect(replaced.json()).toMatchObject({ displayName: 'Put Name', members: [{ value: users[2] }] });
    expect(replaced.json()).not.toHaveProperty('externalId');
    expectScimError(await scim(h, 'DELETE', `/scim/v2/Groups/${created.id}`, { headers: { 'if-match': created.meta.version } }), 412);
    expect((await scim(h, 'DELETE', `/scim/v2/Groups/${created.id}`)).statusCode).toBe(204);
    expectScimError(await scim(h, 'GET', `/scim/v2/Groups/${created.id}`), 404);
    expectScimError(await scim(h, 'DELETE', `/scim/v2/Groups/${created.id}`), 404);
    // The users stay in the workspace.
    expect((await scim(h, 'GET', `/scim/v2/Users/${users[2]}`)).statusCode).toBe(200);
  });
});
