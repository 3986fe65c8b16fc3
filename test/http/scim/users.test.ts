import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from '../../helpers/harness.ts';
import { countQueries } from '../../helpers/query-counter.ts';
import { ENTERPRISE, LIST, TOOLPLANE, USER, expectScimError, filterUrl, idsOf, patchOf, scim } from './scim-requests.ts';

/** RFC 7644 §3.3–3.6 and §3.14 for Users: create, read, list, replace, patch, delete, versions. */
let h: Harness;
let counter = 0;

beforeAll(async () => {
  h = await Harness.start();
});
afterAll(async () => {
  await h.close();
});

function newUser(extra: Record<string, unknown> = {}) {
  counter += 1;
  return {
    schemas: [USER], userName: `person${counter}@example.com`, name: { givenName: `Given${counter}`, familyName: 'Family' },
    emails: [{ value: `person${counter}@example.com`, type: 'work', primary: true }], active: true, ...extra,
  };
}

async function created(extra: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const response = await scim(h, 'POST', '/scim/v2/Users', { body: newUser(extra) });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** The user's audit events as the native audit API answers them. */
async function auditActions(userId: string): Promise<Array<{ action: string; actorType: string; tokenId: string | null; source: string | null }>> {
  const response = await h.request('GET', `/api/v1/auditEvents?targetId=${userId}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().data.map((event: { action: string; actor: { type: string; tokenId: string | null }; source: string | null }) => (
    { action: event.action, actorType: event.actor.type, tokenId: event.actor.tokenId, source: event.source }));
}

describe('POST /Users (§3.3)', () => {
  it('creates a member and answers 201 with the whole resource, a Location, an ETag and application/scim+json', async () => {
    const body = newUser({ externalId: 'okta-00u1', displayName: 'Babs', title: 'Guide', password: 'Secret123!', groups: [],
      [ENTERPRISE]: { employeeNumber: '701', manager: 'boss-id' } });
    const response = await scim(h, 'POST', '/scim/v2/Users', { body, headers: { 'content-type': 'application/json' } });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers['content-type']).toBe('application/scim+json; charset=utf-8');
    const user = response.json();
    expect(response.headers.location).toBe(`http://toolplane.test/scim/v2/Users/${user.id}`);
    expect(response.headers.etag).toBe(user.meta.version);
    expect(user).toMatchObject({
      userName: body.userName, externalId: 'okta-00u1', active: true, displayName: 'Babs', title: 'Guide',
      name: { givenName: body.name.givenName, familyName: 'Family' }, emails: body.emails, groups: [],
      [ENTERPRISE]: { employeeNumber: '701', manager: { value: 'boss-id' } },
      [TOOLPLANE]: { role: 'end-user', attributes: {} },
      meta: { resourceType: 'User', location: response.headers.location },
    });
    expect(user.meta.version).toMatch(/^W\/".+"$/);
    expect(user).not.toHaveProperty('password');
    expect(user.schemas).toEqual([USER, ENTERPRISE, TOOLPLANE]);
    // The member is the native API's member too, with the SCIM write audited as such.
    const native = await h.request('GET', `/api/v1/users/${user.id}`);
    expect(native.json()).toMatchObject({ email: body.userName, firstName: body.name.givenName, lastName: 'Family' });
    const token = await h.runtime.database.db.selectFrom('api_tokens').select('id').where('name', '=', 'test admin').executeTakeFirstOrThrow();
    expect(await auditActions(user.id)).toContainEqual({ action: 'user.created', actorType: 'token', tokenId: token.id, source: 'scim' });
  });

  it('takes the email from the primary, else the work address, else the userName', async () => {
    const fromWork = await created({ emails: [{ value: 'home@example.net', type: 'home' }, { value: 'work@example.net', type: 'work' }] });
    expect((await h.request('GET', `/api/v1/users/${fromWork.id}`)).json().email).toBe('work@example.net');
    const fromUserName = await created({ userName: 'plain@example.net', emails: undefined });
    expect((await h.request('GET', `/api/v1/users/${fromUserName.id}`)).json().email).toBe('plain@example.net');
    expect(fromUserName.emails).toEqual([{ value: 'plain@example.net', type: 'work', primary: true }]);
    expectScimError(await scim(h, 'POST', '/scim/v2/Users', { body: { userName: 'no-email' } }), 400, 'invalidValue');
  });

  it('gives new members the workspace\'s SCIM role unless the Toolplane extension names one', async () => {
    expect((await created({ [TOOLPLANE]: { role: 'builder' } }))[TOOLPLANE].role).toBe('builder');
    const setRole = async (scimDefaultRole: string) => {
      const response = await h.request('PATCH', `/api/v1/workspaces/${h.defaultWorkspaceId}`, { body: { scimDefaultRole } });
      expect(response.statusCode, response.body).toBe(200);
    };
    await setRole('builder');
    try {
      expect((await created())[TOOLPLANE].role).toBe('builder');
    } finally {
      await setRole('end-user');
    }
    expectScimError(await scim(h, 'POST', '/scim/v2/Users', { body: newUser({ [TOOLPLANE]: { role: 'owner' } }) }), 400, 'invalidValue');
  });

  it('sets user attribute values through the extension, with the core\'s type checks', async () => {
    const definition = await h.request('POST', '/api/v1/userAttributes', { body: { name: 'seats', label: 'Seats', dataType: 'number' } });
    expect(definition.statusCode, definition.body).toBe(201);
    const user = await created({ [TOOLPLANE]: { attributes: { seats: 3 } } });
    expect(user[TOOLPLANE].attributes).toEqual({ seats: 3 });
    const before = await h.runtime.database.db.selectFrom('memberships').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expectScimError(await scim(h, 'POST', '/scim/v2/Users', { body: newUser({ [TOOLPLANE]: { attributes: { seats: 'many' } } }) }), 400, 'invalidValue');
    const after = await h.runtime.database.db.selectFrom('memberships').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('refuses a userName or email already in the workspace, whatever its case, with 409 uniqueness', async () => {
    const user = await created();
    expectScimError(await scim(h, 'POST', '/scim/v2/Users', { body: newUser({ userName: user.userName.toUpperCase() }) }), 409, 'uniqueness');
    expectScimError(await scim(h, 'POST', '/scim/v2/Users', { body: newUser({ emails: user.emails }) }), 409, 'uniqueness');
    // A native member's userName is their email.
    expectScimError(await scim(h, 'POST', '/scim/v2/Users', { body: newUser({ userName: 'ADMIN@example.com' }) }), 409, 'uniqueness');
  });

  it('lets two identity provider calls racing for one userName make one member and one 409', async () => {
    const userName = 'racer@example.com';
    const answers = await Promise.all([0, 1, 2, 3].map((index) => scim(h, 'POST', '/scim/v2/Users', {
      body: newUser({ userName, emails: [{ value: `racer${index}@example.com`, primary: true }] }),
    })));
    const statuses = answers.map((answer) => answer.statusCode).sort();
    expect(statuses, answers.map((answer) => answer.body).join('\n')).toEqual([201, 409, 409, 409]);
    for (const answer of answers.filter((item) => item.statusCode === 409)) expectScimError(answer, 409, 'uniqueness');
    expect(idsOf(await scim(h, 'GET', filterUrl('/scim/v2/Users', `userName eq "${userName}"`)))).toHaveLength(1);
  });

  it('ignores id and meta sent by the client, and unknown schemas', async () => {
    const user = await created({ id: 'mine', meta: { resourceType: 'User' }, schemas: [USER, 'urn:example:unknown'] });
    expect(user.id).not.toBe('mine');
  });

  it('refuses a body that is not JSON, or not an object, with invalidSyntax', async () => {
    expectScimError(await scim(h, 'POST', '/scim/v2/Users', { body: '{', headers: {} }).then(async () =>
      h.app.inject({ method: 'POST', url: '/scim/v2/Users', headers: { authorization: `Bearer ${h.adminToken}`, 'content-type': 'application/scim+json' }, payload: '{' })), 400, 'invalidSyntax');
    expectScimError(await scim(h, 'POST', '/scim/v2/Users', { body: [1] }), 400, 'invalidSyntax');
    expectScimError(await scim(h, 'POST', '/scim/v2/Users', { body: newUser({ active: 'maybe' }) }), 400, 'invalidValue');
  });
});

describe('GET /Users (§3.4)', () => {
  it('answers one member, and 404 in the error schema for an unknown id', async () => {
    const user = await created();
    const response = await scim(h, 'GET', `/scim/v2/Users/${user.id}`);
    expect(response.json()).toEqual(user);
    expect(response.headers.etag).toBe(user.meta.version);
    const missing = await scim(h, 'GET', '/scim/v2/Users/00919288221112222');
    expectScimError(missing, 404);
  });

  it('answers 304 to If-None-Match with the current version, and the resource once it changed', async () => {
    const user = await created();
    const same = await scim(h, 'GET', `/scim/v2/Users/${user.id}`, { headers: { 'if-none-match': user.meta.version } });
    expect(same.statusCode).toBe(304);
    expect(same.body).toBe('');
    await scim(h, 'PATCH', `/scim/v2/Users/${user.id}`, { body: patchOf({ op: 'replace', path: 'title', value: 'New' }) });
    expect((await scim(h, 'GET', `/scim/v2/Users/${user.id}`, { headers: { 'if-none-match': user.meta.version } })).statusCode).toBe(200);
  });

  it('pages 1-based in a stable order, clamps count, and answers count=0 with the total only', async () => {
    const all = await scim(h, 'GET', '/scim/v2/Users?count=1000');
    const ids = idsOf(all);
    expect(all.json()).toMatchObject({ schemas: [LIST], totalResults: ids.length, startIndex: 1, itemsPerPage: ids.length });
    expect(idsOf(await scim(h, 'GET', '/scim/v2/Users?startIndex=2&count=2'))).toEqual(ids.slice(1, 3));
    expect(idsOf(await scim(h, 'GET', '/scim/v2/Users?startIndex=-5&count=1'))).toEqual(ids.slice(0, 1));
    expect(idsOf(await scim(h, 'GET', '/scim/v2/Users?count=5000'))).toEqual(ids);
    const none = await scim(h, 'GET', '/scim/v2/Users?count=0');
    expect(none.json()).toEqual({ schemas: [LIST], totalResults: ids.length, startIndex: 1, itemsPerPage: 0, Resources: [] });
    const beyond = await scim(h, 'GET', `/scim/v2/Users?startIndex=${ids.length + 1}`);
    expect(beyond.json()).toMatchObject({ totalResults: ids.length, itemsPerPage: 0, Resources: [] });
  });

  it('answers a filter matching nothing (Entra\'s test connection) with an empty list', async () => {
    const response = await scim(h, 'GET', filterUrl('/scim/v2/Users', 'userName eq "6a2c1f4e-0000-4e7b-a1c4-3f9d7d0a9b11"'));
    expect(response.json()).toEqual({ schemas: [LIST], totalResults: 0, startIndex: 1, itemsPerPage: 0, Resources: [] });
  });

  it('sorts by sortBy and sortOrder, folding case', async () => {
    await created({ userName: 'Zed@example.com', emails: undefined });
    await created({ userName: 'alpha@example.com', emails: undefined });
    const names = async (query: string) => ((await scim(h, 'GET', `/scim/v2/Users?count=1000&${query}`)).json().Resources as Array<{ userName: string }>)
      .map((user) => user.userName);
    const ascending = await names('sortBy=userName');
    expect(ascending).toEqual([...ascending].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)));
    expect(await names('sortBy=USERNAME&sortOrder=descending')).toEqual([...ascending].reverse());
    expectScimError(await scim(h, 'GET', '/scim/v2/Users?sortBy=shoeSize'), 400, 'invalidValue');
    expectScimError(await scim(h, 'GET', '/scim/v2/Users?sortBy=userName&sortOrder=sideways'), 400, 'invalidValue');
  });

  it('projects with attributes and excludedAttributes, keeping id and schemas', async () => {
    const user = await created({ [ENTERPRISE]: { department: 'Ops' } });
    const only = (await scim(h, 'GET', `/scim/v2/Users/${user.id}?attributes=userName,name.familyName,${ENTERPRISE}:department`)).json();
    expect(only).toEqual({ schemas: user.schemas, id: user.id, userName: user.userName, name: { familyName: 'Family' }, [ENTERPRISE]: { department: 'Ops' } });
    const without = (await scim(h, 'GET', `/scim/v2/Users/${user.id}?excludedAttributes=emails,groups,name.givenName,id`)).json();
    expect(without).not.toHaveProperty('emails');
    expect(without).not.toHaveProperty('groups');
    expect(without.name).toEqual({ familyName: 'Family' });
    expect(without.id).toBe(user.id);
    const listed = (await scim(h, 'GET', `${filterUrl('/scim/v2/Users', `id eq "${user.id}"`)}&attributes=userName`)).json();
    expect(listed.Resources).toEqual([{ schemas: user.schemas, id: user.id, userName: user.userName }]);
  });

  it('searches with POST /Users/.search', async () => {
    const user = await created();
    const response = await scim(h, 'POST', '/scim/v2/Users/.search', {
      body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'], filter: `userName eq "${user.userName}"`, attributes: ['userName'], count: 10 },
    });
    expect(response.json()).toEqual({ schemas: [LIST], totalResults: 1, startIndex: 1, itemsPerPage: 1, Resources: [{ schemas: user.schemas, id: user.id, userName: user.userName }] });
  });
});

describe('PUT /Users/{id} (§3.5.1)', () => {
  it('replaces the document: attributes left out are cleared, active and the role are kept', async () => {
    const user = await created({ title: 'Old', nickName: 'Nick', [TOOLPLANE]: { role: 'builder' } });
    const response = await scim(h, 'PUT', `/scim/v2/Users/${user.id}?excludedAttributes=groups`, {
      body: { schemas: [USER], id: user.id, userName: user.userName, name: { givenName: 'Renamed', familyName: 'Family' }, title: 'New', emails: user.emails },
    });
    expect(response.statusCode, response.body).toBe(200);
    const replaced = response.json();
    expect(replaced).toMatchObject({ title: 'New', active: true, name: { givenName: 'Renamed' }, [TOOLPLANE]: { role: 'builder' } });
    expect(replaced).not.toHaveProperty('nickName');
    expect(replaced).not.toHaveProperty('groups');
    expect(replaced.meta.version).not.toBe(user.meta.version);
    expect((await h.request('GET', `/api/v1/users/${user.id}`)).json().firstName).toBe('Renamed');
  });

  it('deactivates with active false, never creates, and refuses another id with mutability', async () => {
    const user = await created();
    const off = await scim(h, 'PUT', `/scim/v2/Users/${user.id}`, { body: { ...newUser(), userName: user.userName, active: false } });
    expect(off.json().active).toBe(false);
    expect((await h.request('GET', `/api/v1/users/${user.id}`)).json().isDisabled).toBe(true);
    expectScimError(await scim(h, 'PUT', '/scim/v2/Users/3f1c0c43-8a5e-4d55-9a53-2f8b3f0f2a10', { body: newUser() }), 404);
    expectScimError(await scim(h, 'PUT', `/scim/v2/Users/${user.id}`, { body: { ...newUser(), id: 'other' } }), 400, 'mutability');
  });

  it('refuses a userName another member holds with 409 uniqueness, changing nothing', async () => {
    const first = await created();
    const second = await created();
    expectScimError(await scim(h, 'PUT', `/scim/v2/Users/${second.id}`, { body: { ...newUser(), userName: first.userName.toUpperCase(), title: 'X' } }), 409, 'uniqueness');
    expect((await scim(h, 'GET', `/scim/v2/Users/${second.id}`)).json()).toEqual(second);
  });
});

describe('PATCH /Users/{id} (§3.5.2)', () => {
  it('applies Entra\'s capitalised ops with string booleans, URN paths and a work email upsert', async () => {
    const user = await created({ emails: undefined, userName: 'entra.style@example.com' });
    const response = await scim(h, 'PATCH', `/scim/v2/Users/${user.id}`, { body: patchOf(
      { op: 'Replace', path: 'active', value: 'False' },
      { op: 'Replace', path: 'emails[type eq "work"].value', value: 'entra.new@example.com' },
      { op: 'Add', path: 'phoneNumbers[type eq "mobile"].value', value: '+1 555 0100' },
      { op: 'Replace', path: `${ENTERPRISE}:employeeNumber`, value: '7' },
      { op: 'Add', path: 'manager', value: [{ $ref: null, value: 'boss-2' }] },
    ) });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      active: false,
      emails: [{ value: 'entra.new@example.com', type: 'work', primary: true }],
      phoneNumbers: [{ type: 'mobile', value: '+1 555 0100' }],
      [ENTERPRISE]: { employeeNumber: '7', manager: { value: 'boss-2' } },
    });
    // Removing the manager with an empty string, as the SCIM Validator does.
    const removed = await scim(h, 'PATCH', `/scim/v2/Users/${user.id}`, { body: patchOf({ op: 'Replace', path: `${ENTERPRISE}:manager`, value: '' }) });
    expect(removed.json()[ENTERPRISE]).toEqual({ employeeNumber: '7' });
  });

  it('applies path-less values with dotted and URN-qualified keys (Okta; Entra aadOptscim062020)', async () => {
    const user = await created();
    const response = await scim(h, 'PATCH', `/scim/v2/Users/${user.id}`, { body: patchOf({
      op: 'replace',
      value: { displayName: 'Bjfe', 'name.givenName': 'Kkom', [`${ENTERPRISE}:employeeNumber`]: 'Aklq', active: false, userName: 'renamed@example.com' },
    }) });
    expect(response.json()).toMatchObject({
      displayName: 'Bjfe', name: { givenName: 'Kkom', familyName: 'Family' }, [ENTERPRISE]: { employeeNumber: 'Aklq' }, active: false, userName: 'renamed@example.com',
    });
    const reactivated = await scim(h, 'PATCH', `/scim/v2/Users/${user.id}`, { body: patchOf({ op: 'replace', value: { active: true } }) });
    expect(reactivated.json().active).toBe(true);
    expect(idsOf(await scim(h, 'GET', filterUrl('/scim/v2/Users', 'userName eq "RENAMED@example.com"')))).toEqual([user.id]);
  });

  it('changes the role and attribute values through the Toolplane extension, under the core\'s rules', async () => {
    const user = await created();
    const promoted = await scim(h, 'PATCH', `/scim/v2/Users/${user.id}`, { body: patchOf({ op: 'replace', path: `${TOOLPLANE}:role`, value: 'admin' }) });
    expect(promoted.json()[TOOLPLANE].role).toBe('admin');
    expect((await h.request('GET', `/api/v1/users/${user.id}`)).json().isAdmin).toBe(true);
    const valued = await scim(h, 'PATCH', `/scim/v2/Users/${user.id}`, { body: patchOf({ op: 'add', path: `${TOOLPLANE}:attributes.seats`, value: 4 }) });
    expect(valued.json()[TOOLPLANE].attributes).toEqual({ seats: 4 });
    const cleared = await scim(h, 'PATCH', `/scim/v2/Users/${user.id}`, { body: patchOf({ op: 'remove', path: `${TOOLPLANE}:attributes` }) });
    expect(cleared.json()[TOOLPLANE]).toEqual({ role: 'admin', attributes: {} });
    expect(expectScimError(await scim(h, 'PATCH', `/scim/v2/Users/${user.id}`, { body: patchOf({ op: 'add', path: `${TOOLPLANE}:attributes.nope`, value: 1 }) }), 400, 'invalidValue'))
      .toMatch(/nope/);
  });

  it('keeps the last active admin, as a SCIM error that changes nothing', async () => {
    // An instance-wide token naming a workspace that has no admin yet but the one SCIM makes.
    const headers = { 'x-workspace-id': await h.services.workspaces.create('Lonely') };
    const admin = await scim(h, 'POST', '/scim/v2/Users', { headers, body: newUser({ [TOOLPLANE]: { role: 'admin' } }) });
    expect(admin.statusCode, admin.body).toBe(201);
    const id = admin.json().id;
    const refused = await scim(h, 'PATCH', `/scim/v2/Users/${id}`, { headers, body: patchOf({ op: 'replace', path: 'title', value: 'X' }, { op: 'replace', path: 'active', value: false }) });
    expect(expectScimError(refused, 409)).toMatch(/last active admin/);
    expect((await scim(h, 'GET', `/scim/v2/Users/${id}`, { headers })).json()).toEqual(admin.json());
    expectScimError(await scim(h, 'DELETE', `/scim/v2/Users/${id}`, { headers }), 409);
  });

  it('is atomic: one failing operation leaves the member unchanged', async () => {
    const user = await created();
    const refused = await scim(h, 'PATCH', `/scim/v2/Users/${user.id}`, { body: patchOf(
      { op: 'replace', path: 'title', value: 'Changed' },
      { op: 'replace', path: 'emails[type eq "home" and primary eq true].value', value: 'x@example.com' },
    ) });
    expectScimError(refused, 400, 'noTarget');
    expect((await scim(h, 'GET', `/scim/v2/Users/${user.id}`)).json()).toEqual(user);
  });

  it('refuses malformed PatchOp messages with the right scimType', async () => {
    const user = await created();
    const url = `/scim/v2/Users/${user.id}`;
    expectScimError(await scim(h, 'PATCH', url, { body: { schemas: [USER], Operations: [{ op: 'add', path: 'title', value: 'x' }] } }), 400, 'invalidSyntax');
    expectScimError(await scim(h, 'PATCH', url, { body: patchOf() }), 400, 'invalidSyntax');
    expectScimError(await scim(h, 'PATCH', url, { body: patchOf({ op: 'move', path: 'title' }) }), 400, 'invalidSyntax');
    expectScimError(await scim(h, 'PATCH', url, { body: patchOf({ op: 'remove' }) }), 400, 'noTarget');
    expectScimError(await scim(h, 'PATCH', url, { body: patchOf({ op: 'add', path: 'shoeSize', value: 9 }) }), 400, 'invalidPath');
    expectScimError(await scim(h, 'PATCH', url, { body: patchOf({ op: 'add', path: 'emails[type eq', value: 9 }) }), 400, 'invalidPath');
    expectScimError(await scim(h, 'PATCH', url, { body: patchOf({ op: 'replace', path: 'groups', value: [] }) }), 400, 'mutability');
    expectScimError(await scim(h, 'PATCH', url, { body: patchOf({ op: 'replace', path: 'id', value: 'other' }) }), 400, 'mutability');
    expectScimError(await scim(h, 'PATCH', url, { body: patchOf({ op: 'replace', path: 'active', value: 'perhaps' }) }), 400, 'invalidValue');
    expect((await scim(h, 'GET', url)).json()).toEqual(user);
  });
});

describe('ETags (§3.14)', () => {
  it('changes meta.version on every write and answers 412 to a stale If-Match, changing nothing', async () => {
    const user = await created();
    const stale = user.meta.version;
    const changed = await scim(h, 'PATCH', `/scim/v2/Users/${user.id}`, { headers: { 'if-match': stale }, body: patchOf({ op: 'add', path: 'title', value: 'One' }) });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().meta.version).not.toBe(stale);
    expectScimError(await scim(h, 'PATCH', `/scim/v2/Users/${user.id}`, { headers: { 'if-match': stale }, body: patchOf({ op: 'add', path: 'title', value: 'Two' }) }), 412);
    expectScimError(await scim(h, 'PUT', `/scim/v2/Users/${user.id}`, { headers: { 'if-match': stale }, body: newUser() }), 412);
    expectScimError(await scim(h, 'DELETE', `/scim/v2/Users/${user.id}`, { headers: { 'if-match': stale } }), 412);
    expect((await scim(h, 'GET', `/scim/v2/Users/${user.id}`)).json().title).toBe('One');
    expect((await scim(h, 'DELETE', `/scim/v2/Users/${user.id}`, { headers: { 'if-match': changed.json().meta.version } })).statusCode).toBe(204);
  });

  it('keeps the version when an add changes nothing', async () => {
    const user = await created({ emails: [{ value: 'same@example.org', type: 'work' }] });
    const again = await scim(h, 'PATCH', `/scim/v2/Users/${user.id}`, { body: patchOf({ op: 'add', path: 'emails', value: [{ value: 'same@example.org', type: 'work' }] }) });
    expect(again.json().meta).toEqual(user.meta);
  });
});

describe('DELETE /Users/{id} (§3.6)', () => {
  it('removes the membership: 204, then 404 everywhere, and the account stays for its other workspaces', async () => {
    const user = await created();
    const other = await h.services.workspaces.create('Elsewhere');
    await h.services.users.create({ ...(await h.actor(other)) }, { email: user.emails[0].value, role: 'end-user' });
    const deleted = await scim(h, 'DELETE', `/scim/v2/Users/${user.id}`);
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe('');
    expectScimError(await scim(h, 'GET', `/scim/v2/Users/${user.id}`), 404);
    expectScimError(await scim(h, 'DELETE', `/scim/v2/Users/${user.id}`), 404);
    expectScimError(await scim(h, 'PATCH', `/scim/v2/Users/${user.id}`, { body: patchOf({ op: 'add', path: 'title', value: 'x' }) }), 404);
    expect(idsOf(await scim(h, 'GET', filterUrl('/scim/v2/Users', `id eq "${user.id}"`)))).toEqual([]);
    expect((await h.request('GET', `/api/v1/users/${user.id}`, { workspaceId: other })).statusCode).toBe(200);
  });
});

describe('the base URL and authentication', () => {
  it('serves the same under /api/scim/v2 and with a doubled slash after the base', async () => {
    const user = await created();
    const aliased = await scim(h, 'GET', `/api/scim/v2/Users/${user.id}`);
    expect(aliased.json().meta.location).toBe(`http://toolplane.test/api/scim/v2/Users/${user.id}`);
    expect((await scim(h, 'GET', `/scim/v2//Users/${user.id}`)).statusCode).toBe(200);
    expect((await scim(h, 'GET', '/scim/v2/Users/')).statusCode).toBe(200);
  });

  it('answers 401 in the error schema without a valid token, and 403 without the scope', async () => {
    expect(expectScimError(await scim(h, 'GET', '/scim/v2/Users', { token: null }), 401)).toMatch(/Bearer/);
    expectScimError(await scim(h, 'GET', '/scim/v2/Users', { token: null, headers: { authorization: 'non-token' } }), 401);
    expectScimError(await scim(h, 'GET', '/scim/v2/Users', { token: 'tp_wrong' }), 401);
    const reader = await h.token(['scim:read']);
    expect((await scim(h, 'GET', '/scim/v2/Users', { token: reader })).statusCode).toBe(200);
    expect(expectScimError(await scim(h, 'POST', '/scim/v2/Users', { token: reader, body: newUser() }), 403)).toMatch(/scim:write/);
    expectScimError(await scim(h, 'GET', '/scim/v2/Users', { token: await h.token(['users:write']) }), 403);
    expectScimError(await scim(h, 'GET', '/scim/v2/Nothing'), 404);
  });

  it('provisions a bound token\'s workspace, or the one an instance-wide token names', async () => {
    const workspaceId = await h.services.workspaces.create('Provisioned');
    const bound = await h.token(['scim:write'], { workspaceId });
    const user = (await scim(h, 'POST', '/scim/v2/Users', { token: bound, body: newUser() })).json();
    expect(idsOf(await scim(h, 'GET', filterUrl('/scim/v2/Users', `id eq "${user.id}"`), { headers: { 'x-workspace-id': workspaceId } }))).toEqual([user.id]);
    expectScimError(await scim(h, 'GET', `/scim/v2/Users/${user.id}`), 404);
  });
});

describe('userName lookup', () => {
  it('is one statement, the same text for every userName and window, finding in any case a userName or, without one, the email', async () => {
    const user = await created({ userName: 'Lookup.Person@example.com' });
    const native = (await h.request('POST', '/api/v1/users', { body: { email: 'no-username@example.com', firstName: 'No', lastName: 'Name' } })).json();
    const counter = countQueries(h.runtime.database.db);
    try {
      expect(idsOf(await scim(h, 'GET', filterUrl('/scim/v2/Users', 'userName eq "lookup.person@EXAMPLE.com"')))).toEqual([user.id]);
      expect(idsOf(await scim(h, 'GET', `${filterUrl('/scim/v2/Users', 'userName eq "NO-USERNAME@example.com"')}&startIndex=1&count=5`))).toEqual([native.id]);
      expect(idsOf(await scim(h, 'GET', `${filterUrl('/scim/v2/Users', 'userName eq "no-username@example.com"')}&startIndex=2&count=5`))).toEqual([]);
      // The empty page past the first counts the matches; the pages themselves are one text.
      const pages = counter.takeStatements().filter((text) => /lower\(user_name\)/.test(text) && /order by/.test(text));
      expect(pages).toHaveLength(3);
      expect(new Set(pages).size).toBe(1);
    } finally {
      counter.restore();
    }
  });
});
