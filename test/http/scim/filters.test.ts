import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from '../../helpers/harness.ts';
import { ENTERPRISE, USER, expectScimError, filterUrl, idsOf, scim } from './scim-requests.ts';

/**
 * RFC 7644 §3.4.2.2: filters, answered by the database (on SQLite and PostgreSQL alike).
 * Three SCIM members and one member the native API made (who has no SCIM document).
 */
let h: Harness;
const ids: Record<string, string> = {};
let groupId: string;

beforeAll(async () => {
  h = await Harness.start();
  const people = [
    { key: 'barbara', userName: 'BJensen', externalId: 'ext-B', name: { givenName: 'Barbara', familyName: 'Jensen' }, title: 'Tour Guide',
      emails: [{ value: 'bjensen@example.com', type: 'work', primary: true }, { value: 'babs@home.example', type: 'home' }],
      [ENTERPRISE]: { department: 'Sales', manager: { value: 'mgr-1' } }, active: true },
    { key: 'jim', userName: 'jsmith', externalId: 'ext-J', name: { givenName: 'Jim', familyName: "O'Malley" },
      emails: [{ value: 'jim@example.org', type: 'work' }], [ENTERPRISE]: { department: 'R&D' }, active: false },
    { key: 'ann', userName: 'ann.lee', externalId: 'jyoung', name: { givenName: 'Ann', familyName: 'Lee' }, title: 'Engineer',
      emails: [{ value: 'ann@example.com', type: 'home' }], active: true },
  ];
  for (const { key, ...body } of people) {
    const response = await scim(h, 'POST', '/scim/v2/Users', { body: { schemas: [USER, ENTERPRISE], ...body } });
    expect(response.statusCode, response.body).toBe(201);
    ids[key] = response.json().id;
  }
  const native = await h.request('POST', '/api/v1/users', { body: { email: 'native@example.com', firstName: 'Nat', lastName: 'Ive' } });
  expect(native.statusCode, native.body).toBe(201);
  ids.native = native.json().id;
  const admin = await h.runtime.database.db.selectFrom('users').select('id').where('email', '=', 'admin@example.com').executeTakeFirstOrThrow();
  ids.admin = admin.id;
  const group = await scim(h, 'POST', '/scim/v2/Groups', { body: { displayName: 'Tour Guides', members: [{ value: ids.barbara }] } });
  groupId = group.json().id;
});
afterAll(async () => {
  await h.close();
});

async function usersMatching(filter: string): Promise<string[]> {
  const found = idsOf(await scim(h, 'GET', filterUrl('/scim/v2/Users', filter)));
  return Object.entries(ids).filter(([, id]) => found.includes(id)).map(([key]) => key).sort();
}

describe('attribute operators', () => {
  it.each([
    ['userName eq "bjensen"', ['barbara']],
    ['USERNAME EQ "BJENSEN"', ['barbara']],
    ['userName eq "native@EXAMPLE.com"', ['native']],
    ['userName ne "bjensen"', ['admin', 'ann', 'jim', 'native']],
    ['userName co "SMI"', ['jim']],
    ['userName sw "ann."', ['ann']],
    ['userName ew "@example.com"', ['admin', 'native']],
    ['userName gt "jsmith"', ['native']],
    ['userName ge "jsmith"', ['jim', 'native']],
    ['userName lt "ann.zzz"', ['admin', 'ann']],
    ['userName le "admin@example.com"', ['admin']],
    ['title pr', ['ann', 'barbara']],
    ['not (title pr)', ['admin', 'jim', 'native']],
    ['name.familyName co "\'mal"', ['jim']],
    ['name.givenName eq "nat"', ['native']],
    ['displayName eq "barbara jensen"', ['barbara']],
  ])('%s', async (filter, expected) => {
    expect(await usersMatching(filter)).toEqual(expected);
  });

  it('compares caseExact attributes (id, externalId) exactly', async () => {
    expect(await usersMatching('externalId eq "ext-B"')).toEqual(['barbara']);
    expect(await usersMatching('externalId eq "EXT-B"')).toEqual([]);
    expect(await usersMatching(`id eq "${ids.jim}"`)).toEqual(['jim']);
    expect(await usersMatching(`id eq "${ids.jim!.toUpperCase()}"`)).toEqual([]);
  });

  it('reads Entra\'s bare word as a string', async () => {
    expect(await usersMatching('externalId eq jyoung')).toEqual(['ann']);
  });

  it('compares booleans and keeps deactivated members visible', async () => {
    expect(await usersMatching('active eq false')).toEqual(['jim']);
    expect(await usersMatching('active eq "True"')).toEqual(['admin', 'ann', 'barbara', 'native']);
    expect(await usersMatching('active ne true')).toEqual(['jim']);
  });

  it('compares dates as instants', async () => {
    const created = (await scim(h, 'GET', `/scim/v2/Users/${ids.ann}`)).json().meta.created as string;
    const later = new Date(Date.parse(created) - 1).toISOString().replace('Z', '+00:00');
    expect(await usersMatching(`meta.created gt "${later}" and meta.created le "${created}"`)).toContain('ann');
    expect(await usersMatching('meta.lastModified lt "2000-01-01T00:00:00Z"')).toEqual([]);
  });

  it('reaches the enterprise extension with and without its URN', async () => {
    expect(await usersMatching(`${ENTERPRISE}:department eq "sales"`)).toEqual(['barbara']);
    expect(await usersMatching('department sw "r&"')).toEqual(['jim']);
    expect(await usersMatching(`${ENTERPRISE}:manager.value eq "mgr-1"`)).toEqual(['barbara']);
    expect(await usersMatching(`id eq "${ids.barbara}" and manager.value eq "mgr-1"`)).toEqual(['barbara']);
  });

  it('reaches the Toolplane role', async () => {
    expect(await usersMatching('urn:toolplane:params:scim:schemas:extension:toolplane:2.0:User:role eq "admin"')).toEqual(['admin']);
  });
});

describe('logical operators and grouping', () => {
  it.each([
    ['title pr and userName sw "b"', ['barbara']],
    ['title pr or active eq false', ['ann', 'barbara', 'jim']],
    ['userName eq "a" or userName eq "jsmith" and active eq false', ['jim']],
    ['(userName eq "bjensen" or userName eq "jsmith") and active eq true', ['barbara']],
    ['not (userName eq "bjensen" or userName eq "jsmith")', ['admin', 'ann', 'native']],
    ['not(not(userName eq "bjensen"))', ['barbara']],
  ])('%s', async (filter, expected) => {
    expect(await usersMatching(filter)).toEqual(expected);
  });
});

describe('multi-valued attributes and value paths', () => {
  it.each([
    ['emails co "example.com"', ['admin', 'ann', 'barbara', 'native']],
    ['emails.value eq "BABS@home.example"', ['barbara']],
    ['emails[type eq "work"]', ['admin', 'barbara', 'jim', 'native']],
    ['emails[type eq "work" and value co "@example.com"]', ['admin', 'barbara', 'native']],
    // Entra's matching query; correlated: Ann's example.com address is a home one.
    ['emails[type eq "work"].value eq "ann@example.com"', []],
    ['emails[type eq "work"].value eq "bjensen@example.com"', ['barbara']],
    ['emails[primary eq true]', ['admin', 'barbara', 'native']],
    ['emails[not (type eq "work")]', ['ann', 'barbara']],
    ['groups.display eq "tour guides"', ['barbara']],
  ])('%s', async (filter, expected) => {
    expect(await usersMatching(filter)).toEqual(expected);
  });

  it('filters groups by member, with `.value` implied, and by displayName whatever its case', async () => {
    expect(idsOf(await scim(h, 'GET', filterUrl('/scim/v2/Groups', `members eq "${ids.barbara}"`)))).toEqual([groupId]);
    expect(idsOf(await scim(h, 'GET', filterUrl('/scim/v2/Groups', `members[value eq "${ids.jim}"]`)))).toEqual([]);
    expect(idsOf(await scim(h, 'GET', filterUrl('/scim/v2/Groups', 'displayName eq "TOUR GUIDES"')))).toEqual([groupId]);
    expect(idsOf(await scim(h, 'GET', filterUrl('/scim/v2/Groups', 'members[display eq "bjensen"]')))).toEqual([groupId]);
    expect(idsOf(await scim(h, 'GET', filterUrl('/scim/v2/Groups', 'members.display sw "jsm"')))).toEqual([]);
  });
});

describe('bad filters', () => {
  it.each([
    'userName eq',
    'userName zz "x"',
    'shoeSize eq "9"',
    'active gt true',
    'meta.created gt "yesterday"',
    'name eq "x"',
    '((userName eq "x")',
    'emails[type eq "work"',
  ])('%s is 400 invalidFilter', async (filter) => {
    expectScimError(await scim(h, 'GET', filterUrl('/scim/v2/Users', filter)), 400, 'invalidFilter');
  });

  it('answers any text as 200 or 400 invalidFilter, never a 5xx (fuzz)', async () => {
    const pieces = fc.constantFrom(
      'userName', 'emails', 'title', 'active', 'meta.created', 'name.givenName', `${ENTERPRISE}:manager.value`, 'groups.value',
      ' eq ', ' ne ', ' co ', ' sw ', ' ew ', ' gt ', ' le ', ' pr', ' and ', ' or ', 'not ', '(', ')', '[', ']', '.value',
      '"x"', '"2020-01-01T00:00:00Z"', '"', 'true', 'null', '7', 'bare', ' ', '\'', '%', '\\',
    );
    const texts = fc.oneof(fc.string({ maxLength: 40 }), fc.array(pieces, { minLength: 1, maxLength: 10 }).map((parts) => parts.join('')));
    await fc.assert(fc.asyncProperty(texts, async (text) => {
      const response = await scim(h, 'GET', filterUrl('/scim/v2/Users', text));
      if (response.statusCode === 200) return;
      expectScimError(response, 400, 'invalidFilter');
    }), { numRuns: 150 });
  });
});
