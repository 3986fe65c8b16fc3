import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from '../../helpers/harness.ts';
import { ENTERPRISE, GROUP, LIST, USER, expectScimError, patchOf, scim } from './scim-requests.ts';

/**
 * Microsoft Entra ID, request for request as shared/reference/scim-clients.md §2.1 describes
 * it: Test Connection, a provisioning cycle in the default (legacy) PATCH dialect and in the
 * aadOptscim062020 one, group push read with excludedAttributes=members, and the SCIM
 * Validator's tests. The tenant URL is pasted with a trailing slash.
 */
let h: Harness;
let token: string;
const ADSCIM = 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group';
const BASE = '/scim/v2/';

beforeAll(async () => {
  h = await Harness.start();
  token = await h.token(['scim:write']);
});
afterAll(async () => {
  await h.close();
});

const entra = (method: Parameters<typeof scim>[1], path: string, body?: unknown) =>
  scim(h, method, `${BASE}${path}`, { token, body, headers: { 'content-type': 'application/scim+json' } });
const filter = (path: string, text: string) => `${path}?filter=${encodeURIComponent(text)}`;

describe('Test Connection', () => {
  it('filters on a random GUID and gets 200 with an empty list', async () => {
    const response = await entra('GET', filter('Users', 'userName eq "9f8b3a5e-2b4d-4c1e-8f6a-0d3c2b1a9e7f"'));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ schemas: [LIST], totalResults: 0, startIndex: 1, itemsPerPage: 0, Resources: [] });
  });
});

describe('provisioning a user (legacy dialect)', () => {
  it('matches, creates, updates one op per path, disables, and deletes', async () => {
    expect((await entra('GET', filter('Users', 'externalId eq "aad-ext-1"'))).json().totalResults).toBe(0);
    const created = await entra('POST', 'Users', {
      schemas: [USER, ENTERPRISE], externalId: 'aad-ext-1', userName: 'Test_User_ab6490ee@testuser.com', active: true,
      emails: [{ primary: true, type: 'work', value: 'Test_User_fd0ea19b@testuser.com' }],
      meta: { resourceType: 'User' }, name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' },
      roles: [], [ENTERPRISE]: { department: 'Dept', manager: { value: '' } },
    });
    expect(created.statusCode, created.body).toBe(201);
    const user = created.json();
    expect(user).toMatchObject({ externalId: 'aad-ext-1', name: { formatted: 'givenName familyName' }, [ENTERPRISE]: { department: 'Dept' } });

    // Matching by userName in another case, and by the work email.
    expect((await entra('GET', filter('Users', 'userName eq "test_user_AB6490EE@testuser.com"'))).json().Resources[0].id).toBe(user.id);
    const byEmail = await entra("GET", filter("Users", "emails[type eq \"work\"].value eq \"Test_User_fd0ea19b@testuser.com\""));
    expect(byEmail.json().totalResults, byEmail.body).toBe(1);
    expect((await entra('GET', `Users/${user.id}`)).json().id).toBe(user.id);

    const manager = (await entra('POST', 'Users', { schemas: [USER], userName: 'manager@testuser.com', active: true })).json();
    const updated = await entra('PATCH', `Users/${user.id}`, patchOf(
      { op: 'Replace', path: 'emails[type eq "work"].value', value: 'updatedEmail@microsoft.com' },
      { op: 'Replace', path: 'name.familyName', value: 'updatedFamilyName' },
      { op: 'Add', path: 'phoneNumbers[type eq "mobile"].value', value: '+1 425 555 0101' },
      { op: 'Replace', path: `${ENTERPRISE}:employeeNumber`, value: '7' },
      { op: 'Add', path: `${ENTERPRISE}:manager`, value: manager.id },
      { op: 'Replace', path: 'emails[type eq "other"].Value', value: 'other@microsoft.com' },
    ));
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({
      emails: [{ type: 'work', value: 'updatedEmail@microsoft.com' }, { type: 'other', value: 'other@microsoft.com' }],
      name: { familyName: 'updatedFamilyName' }, phoneNumbers: [{ type: 'mobile', value: '+1 425 555 0101' }],
      [ENTERPRISE]: { employeeNumber: '7', manager: { value: manager.id } },
    });
    expect((await entra('GET', filter('Users', `id eq "${user.id}" and manager eq "${manager.id}"`))).json().totalResults).toBe(1);
    // Removing the manager: the validator sends an empty string.
    expect((await entra('PATCH', `Users/${user.id}`, patchOf({ op: 'Replace', path: `${ENTERPRISE}:manager`, value: '' }))).json()[ENTERPRISE])
      .toEqual({ department: 'Dept', employeeNumber: '7' });

    // Disable User: active false, still found by GET and by filter.
    const disabled = await entra('PATCH', `Users/${user.id}`, patchOf({ op: 'Replace', path: 'active', value: 'False' }));
    expect(disabled.json().active).toBe(false);
    expect((await entra('GET', `Users/${user.id}`)).json().active).toBe(false);
    expect((await entra('GET', filter('Users', 'externalId eq "aad-ext-1"'))).json().Resources[0].active).toBe(false);

    // Update userName with a path-less replace.
    const renamed = await entra('PATCH', `Users/${user.id}`, patchOf({ op: 'Replace', value: { userName: 'renamed_user@testuser.com' } }));
    expect(renamed.json().userName).toBe('renamed_user@testuser.com');

    // Create a duplicate: 409.
    expectScimError(await entra('POST', 'Users', { schemas: [USER], userName: 'RENAMED_USER@testuser.com', active: true }), 409, 'uniqueness');

    // Delete, delete twice, and delete an unknown id: 204, then 404.
    expect((await entra('DELETE', `Users/${user.id}`)).statusCode).toBe(204);
    expectScimError(await entra('GET', `Users/${user.id}`), 404);
    expectScimError(await entra('DELETE', `Users/${user.id}`), 404);
    expectScimError(await entra('DELETE', 'Users/5171a35d82074e068ce2'), 404);
  });
});

describe('provisioning a user (aadOptscim062020)', () => {
  it('takes several attributes in one path-less replace with dotted and URN keys, and real booleans', async () => {
    const user = (await entra('POST', 'Users', { schemas: [USER], userName: 'flagged@testuser.com', active: true, name: { givenName: 'A', familyName: 'B' } })).json();
    const response = await entra('PATCH', `Users/${user.id}`, patchOf(
      { op: 'replace', value: { displayName: 'Bjfe', 'name.givenName': 'Kkom', [`${ENTERPRISE}:employeeNumber`]: 'Aklq' } },
      { op: 'replace', path: 'active', value: false },
      { op: 'replace', path: 'title', value: 'First' },
      { op: 'replace', path: 'title', value: 'Second' },
    ));
    expect(response.json()).toMatchObject({ displayName: 'Bjfe', name: { givenName: 'Kkom', familyName: 'B' }, [ENTERPRISE]: { employeeNumber: 'Aklq' }, active: false, title: 'Second' });
  });
});

describe('group push', () => {
  it('creates without members, reads without members, adds several, removes in both dialects, renames, and deletes', async () => {
    const members: string[] = [];
    for (const name of ['g1', 'g2', 'g3']) members.push((await entra('POST', 'Users', { schemas: [USER], userName: `${name}@testuser.com`, active: true })).json().id);
    expect((await entra('GET', `${filter('Groups', 'displayName eq "Entra Group"')}&excludedAttributes=members`)).json().totalResults).toBe(0);
    const created = await entra('POST', 'Groups', {
      schemas: [GROUP, ADSCIM], externalId: 'aad-group-1', displayName: 'Entra Group', meta: { resourceType: 'Group' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const group = created.json();
    expectScimError(await entra('POST', 'Groups', { schemas: [GROUP, ADSCIM], externalId: 'aad-group-2', displayName: 'Entra Group' }), 409, 'uniqueness');

    const read = await entra('GET', `Groups/${group.id}?excludedAttributes=members`);
    expect(read.json()).not.toHaveProperty('members');
    const listed = (await entra('GET', `${filter('Groups', 'displayName eq "entra group"')}&excludedAttributes=members`)).json();
    expect(listed.Resources).toHaveLength(1);
    expect(listed.Resources[0]).not.toHaveProperty('members');

    const add = await entra('PATCH', `Groups/${group.id}`, patchOf({ op: 'Add', path: 'members', value: members.map((value) => ({ $ref: null, value })) }));
    expect(add.statusCode, add.body).toBe(200);
    const afterAdd = (await entra('GET', `Groups/${group.id}`)).json().members.map((member: { value: string }) => member.value).sort();
    expect(afterAdd).toEqual([...members].sort());

    // Legacy: Remove with the member in value.
    await entra('PATCH', `Groups/${group.id}`, patchOf({ op: 'Remove', path: 'members', value: [{ value: members[0] }] }));
    // aadOptscim062020: a value filter.
    await entra('PATCH', `Groups/${group.id}`, patchOf({ op: 'remove', path: `members[value eq "${members[1]}"]` }));
    expect((await entra('GET', `Groups/${group.id}`)).json().members.map((member: { value: string }) => member.value)).toEqual([members[2]]);

    const replaced = await entra('PATCH', `Groups/${group.id}`, patchOf({ op: 'Replace', value: { externalId: 'aad-group-1b' } }));
    expect(replaced.json().externalId).toBe('aad-group-1b');
    const renamed = await entra('PATCH', `Groups/${group.id}`, patchOf({ op: 'Replace', path: 'displayName', value: 'Entra Group Renamed' }));
    expect(renamed.json().displayName).toBe('Entra Group Renamed');

    expect((await entra('DELETE', `Groups/${group.id}`)).statusCode).toBe(204);
    expectScimError(await entra('GET', `Groups/${group.id}`), 404);
    expectScimError(await entra('DELETE', `Groups/${group.id}`), 404);
  });
});

describe('schema discovery for the gallery', () => {
  it('serves /Schemas as a ListResponse in application/scim+json', async () => {
    const response = await entra('GET', 'Schemas');
    expect(response.headers['content-type']).toMatch(/^application\/scim\+json/);
    expect(response.json().schemas).toEqual([LIST]);
  });
});
