import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from '../../helpers/harness.ts';
import { ERROR, LIST, USER, expectScimError, patchOf, scim } from './scim-requests.ts';

/**
 * Okta, request for request as shared/reference/scim-clients.md §2.2 describes it: the
 * "Okta SCIM 2.0 SPEC Test" in its order, then a provisioning cycle of an OIN app (create,
 * profile update by PUT, deactivate and reactivate by PATCH, group push, rename, member
 * changes, unlink). Okta never deletes users.
 */
let h: Harness;
let token: string;
/** An instance-wide token provisioning a workspace of its own, whose first member is the seeded one. */
let OKTA: Record<string, string>;

beforeAll(async () => {
  h = await Harness.start();
  token = await h.token(['scim:write']);
  OKTA = { 'user-agent': 'Okta SCIM Client 1.0.0', 'x-workspace-id': await h.services.workspaces.create('Okta org') };
  // The spec test starts by reading one existing user: seed one with every field it checks.
  await scim(h, 'POST', '/scim/v2/Users', { token, headers: OKTA, body: {
    schemas: [USER], userName: 'seed.user@okta.local', name: { givenName: 'Seed', familyName: 'User' },
    emails: [{ primary: true, value: 'seed.user@okta.local', type: 'work' }], active: true,
  } });
});
afterAll(async () => {
  await h.close();
});

const okta = (method: Parameters<typeof scim>[1], url: string, body?: unknown, headers: Record<string, string> = {}) =>
  scim(h, method, url, { token, body, headers: { ...OKTA, accept: 'application/scim+json', ...headers } });

describe('Okta SCIM 2.0 SPEC Test', () => {
  it('passes every step in order', async () => {
    const first = await okta('GET', '/scim/v2/Users?count=1&startIndex=1');
    const firstUser = first.json().Resources[0];
    expect(first.json()).toMatchObject({ schemas: [LIST], startIndex: 1, itemsPerPage: 1 });
    expect(typeof first.json().totalResults).toBe('number');
    expect(firstUser).toMatchObject({ id: expect.any(String), userName: expect.any(String), active: true, name: { familyName: expect.any(String), givenName: expect.any(String) } });
    expect(firstUser.emails[0].value).toEqual(expect.any(String));

    expect((await okta('GET', `/scim/v2/Users/${firstUser.id}`)).json().id).toBe(firstUser.id);
    expect((await okta('GET', `/scim/v2/Users?filter=userName%20eq%20%22nobody%40okta.local%22&startIndex=1&count=100`)).json().totalResults).toBe(0);
    const unknown = await okta('GET', '/scim/v2/Users/010101010101010101');
    expect(unknown.json()).toMatchObject({ schemas: [ERROR], status: '404', detail: expect.any(String) });
    expect((await okta('GET', '/scim/v2/Users?filter=emails%20eq%20%22random.8831%40okta.local%22')).json().totalResults).toBe(0);

    const body = {
      schemas: [USER], userName: 'test.user@okta.local', name: { givenName: 'Test', familyName: 'User' },
      emails: [{ primary: true, value: 'test.user@okta.local', type: 'work' }], displayName: 'Test User', locale: 'en-US',
      externalId: '00u1dhhb1fkIGP7RL1d8', groups: [], password: '1mz050nq', active: true,
    };
    const created = await okta('POST', '/scim/v2/Users', body, { 'content-type': 'application/json' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ active: true, userName: body.userName, name: body.name, emails: body.emails, locale: 'en-US', externalId: body.externalId });
    expect(created.json()).not.toHaveProperty('password');
    expect((await okta('GET', `/scim/v2/Users/${created.json().id}`)).json().userName).toBe(body.userName);
    expectScimError(await okta('POST', '/scim/v2/Users', body, { 'content-type': 'application/json' }), 409, 'uniqueness');
    const capitals = await okta('GET', '/scim/v2/Users?filter=userName%20eq%20%22TEST.USER%40OKTA.LOCAL%22');
    expect(capitals.json().Resources.map((user: { id: string }) => user.id)).toEqual([created.json().id]);

    const started = Date.now();
    expect((await okta('GET', '/scim/v2/Groups')).statusCode).toBe(200);
    expect(Date.now() - started).toBeLessThan(600);

    const refused = await scim(h, 'GET', '/scim/v2/Users', { token: null, headers: { 'user-agent': 'OKTA SCIM Integration', authorization: 'non-token' } });
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ schemas: [ERROR], status: '401', detail: expect.any(String) });
    const missing = await okta('GET', '/scim/v2/Users/00919288221112222');
    expect(missing.json()).toMatchObject({ schemas: [ERROR], status: '404' });
  });
});

describe('an OIN app\'s provisioning cycle', () => {
  it('creates, updates by PUT, deactivates and reactivates by PATCH, pushes and renames a group, and unlinks it', async () => {
    const lookup = await okta('GET', '/scim/v2/Users?filter=userName%20eq%20%22cycle.user%40okta.local%22&startIndex=1&count=100');
    expect(lookup.json().totalResults).toBe(0);
    const user = (await okta('POST', '/scim/v2/Users', {
      schemas: [USER], userName: 'cycle.user@okta.local', name: { givenName: 'Cycle', familyName: 'User' },
      emails: [{ primary: true, value: 'cycle.user@okta.local', type: 'work' }], displayName: 'Cycle User', externalId: '00ucycle', groups: [], active: true,
    })).json();

    // Profile update: a full PUT, with the first name changed.
    const updated = await okta('PUT', `/scim/v2/Users/${user.id}`, {
      schemas: [USER], id: user.id, userName: 'cycle.user@okta.local', name: { givenName: 'Cyclist', familyName: 'User' },
      emails: [{ primary: true, value: 'cycle.user@okta.local', type: 'work' }], displayName: 'Cyclist User', externalId: '00ucycle', active: true,
    });
    expect(updated.json()).toMatchObject({ name: { givenName: 'Cyclist' }, displayName: 'Cyclist User' });
    expect((await h.request('GET', `/api/v1/users/${user.id}`, { workspaceId: OKTA['x-workspace-id'] })).json().firstName).toBe('Cyclist');

    // Unassigning deactivates; assigning again reactivates.
    const deactivated = await okta('PATCH', `/scim/v2/Users/${user.id}`, patchOf({ op: 'replace', value: { active: false } }));
    expect(deactivated.json().active).toBe(false);
    expect((await okta('GET', '/scim/v2/Users?filter=userName%20eq%20%22cycle.user%40okta.local%22')).json().Resources[0].active).toBe(false);
    expect((await okta('PATCH', `/scim/v2/Users/${user.id}`, patchOf({ op: 'replace', value: { active: true } }))).json().active).toBe(true);

    // Group push: created with no members, then renamed and given members as Okta does.
    const other = (await okta('POST', '/scim/v2/Users', { schemas: [USER], userName: 'second@okta.local', active: true })).json();
    const group = (await okta('POST', '/scim/v2/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Okta Push', members: [] })).json();
    expect(group.members).toEqual([]);
    const renamed = await okta('PATCH', `/scim/v2/Groups/${group.id}`, patchOf(
      { op: 'replace', value: { id: group.id, displayName: 'Okta Push Renamed' } },
      { op: 'add', path: 'members', value: [{ value: user.id, display: user.userName }, { value: other.id, display: other.userName }] },
    ));
    expect(renamed.json()).toMatchObject({ displayName: 'Okta Push Renamed' });
    expect(renamed.json().members.map((member: { value: string }) => member.value).sort()).toEqual([user.id, other.id].sort());
    const removed = await okta('PATCH', `/scim/v2/Groups/${group.id}`, patchOf(
      { op: 'replace', value: { id: group.id, displayName: 'Okta Push Renamed' } },
      { op: 'remove', path: `members[value eq "${other.id}"]` },
    ));
    expect(removed.json().members).toEqual([{ value: user.id, display: user.userName, type: 'User' }]);
    const replaced = await okta('PATCH', `/scim/v2/Groups/${group.id}`, patchOf({ op: 'replace', path: 'members', value: [{ value: other.id }] }));
    expect(replaced.json().members.map((member: { value: string }) => member.value)).toEqual([other.id]);

    // Unlinking the pushed group deletes it; the users stay.
    expect((await okta('DELETE', `/scim/v2/Groups/${group.id}`)).statusCode).toBe(204);
    expect((await okta('GET', `/scim/v2/Users/${other.id}`)).statusCode).toBe(200);
  });

  it('imports page by page with count=100 in a stable order', async () => {
    for (let index = 0; index < 25; index += 1) {
      await okta('POST', '/scim/v2/Users', { schemas: [USER], userName: `import${index}@okta.local`, active: true });
    }
    const seen: string[] = [];
    const total = (await okta('GET', '/scim/v2/Users?count=0')).json().totalResults;
    for (let startIndex = 1; startIndex <= total; startIndex += 10) {
      const page = (await okta('GET', `/scim/v2/Users?startIndex=${startIndex}&count=10`)).json();
      expect(page.startIndex).toBe(startIndex);
      seen.push(...page.Resources.map((user: { id: string }) => user.id));
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });
});
