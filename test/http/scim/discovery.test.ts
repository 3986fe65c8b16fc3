import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from '../../helpers/harness.ts';
import { ENTERPRISE, GROUP, LIST, TOOLPLANE, USER, expectScimError, scim } from './scim-requests.ts';

/** RFC 7644 §4: discovery describes exactly what is implemented; §3.4.3 search at the root; §3.7 Bulk is refused. */
let h: Harness;

beforeAll(async () => {
  h = await Harness.start();
});
afterAll(async () => {
  await h.close();
});

describe('discovery', () => {
  it('declares the features in /ServiceProviderConfig, a single object', async () => {
    const response = await scim(h, 'GET', '/scim/v2/ServiceProviderConfig');
    expect(response.headers['content-type']).toMatch(/^application\/scim\+json/);
    expect(response.json()).toMatchObject({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
      patch: { supported: true }, bulk: { supported: false }, filter: { supported: true, maxResults: 1000 },
      changePassword: { supported: false }, sort: { supported: true }, etag: { supported: true },
      authenticationSchemes: [{ type: 'oauthbearertoken' }],
      meta: { resourceType: 'ServiceProviderConfig', location: 'http://toolplane.test/scim/v2/ServiceProviderConfig' },
    });
  });

  it('lists the User and Group resource types, User with its extensions', async () => {
    const types = (await scim(h, 'GET', '/scim/v2/ResourceTypes')).json();
    expect(types).toMatchObject({ schemas: [LIST], totalResults: 2 });
    expect(types.Resources.map((type: { id: string }) => type.id)).toEqual(['User', 'Group']);
    const user = (await scim(h, 'GET', '/scim/v2/ResourceTypes/user')).json();
    expect(user).toMatchObject({ endpoint: '/Users', schema: USER, schemaExtensions: [{ schema: ENTERPRISE, required: false }, { schema: TOOLPLANE, required: false }] });
    expectScimError(await scim(h, 'GET', '/scim/v2/ResourceTypes/Device'), 404);
  });

  it('serves the schemas as a ListResponse and one by URN or name, with no nulls', async () => {
    const schemas = (await scim(h, 'GET', '/scim/v2/Schemas')).json();
    expect(schemas.Resources.map((schema: { id: string }) => schema.id)).toEqual([USER, ENTERPRISE, TOOLPLANE, GROUP]);
    expect(JSON.stringify(schemas)).not.toContain('null');
    const user = (await scim(h, 'GET', `/scim/v2/Schemas/${USER}`)).json();
    const userName = user.attributes.find((attribute: { name: string }) => attribute.name === 'userName');
    expect(userName).toMatchObject({ type: 'string', required: true, caseExact: false, mutability: 'readWrite', uniqueness: 'server' });
    const emails = user.attributes.find((attribute: { name: string }) => attribute.name === 'emails');
    expect(emails.subAttributes.map((sub: { name: string }) => sub.name)).toEqual(['value', 'display', 'type', 'primary']);
    expect((await scim(h, 'GET', '/scim/v2/Schemas/EnterpriseUser')).json().id).toBe(ENTERPRISE);
    expectScimError(await scim(h, 'GET', '/scim/v2/Schemas/urn:nothing'), 404);
  });

  it('answers /Bulk with 501 in the error schema', async () => {
    expectScimError(await scim(h, 'POST', '/scim/v2/Bulk', { body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'], Operations: [] } }), 501);
  });
});

describe('POST /.search', () => {
  it('searches Users and Groups as one list, by what each can read', async () => {
    const user = (await scim(h, 'POST', '/scim/v2/Users', { body: { userName: 'searched@example.com' } })).json();
    const group = (await scim(h, 'POST', '/scim/v2/Groups', { body: { displayName: 'Searched' } })).json();
    const both = (await scim(h, 'POST', '/scim/v2/.search', { body: { filter: 'meta.created ge "2000-01-01T00:00:00Z"', attributes: ['id'] } })).json();
    expect(both.Resources.map((resource: { id: string }) => resource.id)).toEqual(expect.arrayContaining([user.id, group.id]));
    expect(both.totalResults).toBe(both.Resources.length);
    const paged = (await scim(h, 'POST', '/scim/v2/.search', { body: { filter: 'meta.created ge "2000-01-01T00:00:00Z"', startIndex: both.totalResults, count: 5 } })).json();
    expect(paged.Resources.map((resource: { id: string }) => resource.id)).toEqual([group.id]);
    const users = (await scim(h, 'POST', '/scim/v2/.search', { body: { filter: 'userName eq "searched@example.com"' } })).json();
    expect(users.Resources.map((resource: { id: string }) => resource.id)).toEqual([user.id]);
    expectScimError(await scim(h, 'POST', '/scim/v2/.search', { body: { filter: 'shoeSize eq 9' } }), 400, 'invalidFilter');
  });
});
