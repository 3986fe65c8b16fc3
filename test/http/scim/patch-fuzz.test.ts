import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Harness } from '../../helpers/harness.ts';
import { ENTERPRISE, TOOLPLANE, patchOf, scim } from './scim-requests.ts';

/** PATCH paths and values as a careless or hostile client sends them: a 2xx or a 4xx in SCIM's error body, never a 5xx. */
let h: Harness;
let userId: string;
let groupId: string;

beforeAll(async () => {
  h = await Harness.start();
  userId = (await scim(h, 'POST', '/scim/v2/Users', { body: { userName: 'fuzzed@example.com' } })).json().id;
  groupId = (await scim(h, 'POST', '/scim/v2/Groups', { body: { displayName: 'Fuzzed', members: [{ value: userId }] } })).json().id;
});
afterAll(async () => {
  await h.close();
});

it('answers any PatchOp with a 2xx or a SCIM 4xx (fuzz)', async () => {
  const paths = fc.oneof(
    fc.constantFrom(
      'title', 'userName', 'displayName', 'name.familyName', 'emails', 'emails[type eq "work"].value', 'emails[primary eq true]', 'members',
      `members[value eq "${userId}"]`, 'members[display co "x"].value', 'active', 'externalId', 'id', `${ENTERPRISE}:manager`, `${TOOLPLANE}:role`,
      `${TOOLPLANE}:attributes.none`, ENTERPRISE, 'groups', 'meta.created', 'emails[type eq "work"', 'x[y]', '"', 'urn:',
    ),
    fc.string({ maxLength: 16 }),
  );
  const operation = fc.record({
    op: fc.constantFrom('add', 'replace', 'remove', 'Remove', 'test'),
    path: fc.option(paths, { nil: undefined }),
    value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant([{ value: userId }]), fc.constant('False')),
  });
  await fc.assert(fc.asyncProperty(fc.constantFrom('Users', 'Groups'), fc.array(operation, { minLength: 1, maxLength: 3 }), async (type, operations) => {
    const id = type === 'Users' ? userId : groupId;
    const response = await scim(h, 'PATCH', `/scim/v2/${type}/${id}`, { body: patchOf(...operations) });
    expect(response.statusCode, `${JSON.stringify(operations)} → ${response.body}`).toBeLessThan(500);
    if (response.statusCode >= 400) expect(response.json().schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:Error']);
  }), { numRuns: 150 });
});
