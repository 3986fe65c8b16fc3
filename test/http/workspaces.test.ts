import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../helpers/expect-error.ts';
import { Harness } from '../helpers/harness.ts';

let h: Harness;
let other: string;
beforeAll(async () => {
  h = await Harness.start();
  other = await h.services.workspaces.create('Second');
});
afterAll(async () => {
  await h.close();
});

const url = (id: string) => `/api/v1/workspaces/${id}`;
const KEYS = ['createdAt', 'domains', 'id', 'name', 'status', 'updatedAt'];

describe('GET /workspaces/{id}', () => {
  it('shows a workspace\'s settings to an instance-wide token', async () => {
    const response = await h.request('GET', url(h.defaultWorkspaceId));
    expect(response.statusCode, response.body).toBe(200);
    expect(Object.keys(response.json()).sort()).toEqual(KEYS);
    expect(response.json()).toMatchObject({ id: h.defaultWorkspaceId, name: 'Default', status: 'active', domains: [] });
    expect((await h.request('GET', url(other))).json().name).toBe('Second');
  });

  it('is 404 workspace_not_found for an unknown id, and 400 for a malformed one', async () => {
    expectError(await h.request('GET', url('00000000-0000-4000-8000-000000000009')), 404, 'workspace_not_found');
    expectError(await h.request('GET', url('default')), 400, 'invalid_input', 'workspaceId');
  });
});

describe('PATCH /workspaces/{id}', () => {
  it('replaces the domains, lower-cased and without duplicates', async () => {
    const response = await h.request('PATCH', url(other), { body: { domains: ['Example.COM', 'corp.example.org', 'example.com'] } });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ name: 'Second', domains: ['example.com', 'corp.example.org'] });
    expect((await h.request('GET', url(other))).json().domains).toEqual(['example.com', 'corp.example.org']);
    const cleared = await h.request('PATCH', url(other), { body: { domains: [] } });
    expect(cleared.json().domains).toEqual([]);
  });

  it('refuses a value that is not a domain name, naming the item, and changes nothing', async () => {
    await h.request('PATCH', url(other), { body: { domains: ['keep.example'] } });
    for (const bad of ['not a domain', 'https://example.com', '@example.com', '*.example.com', 'localhost']) {
      expectError(await h.request('PATCH', url(other), { body: { domains: ['ok.example', bad] } }), 400, 'invalid_domain', 'domains.1');
    }
    expectError(await h.request('PATCH', url(other), { body: { domains: 'example.com' } }), 400, 'invalid_input', 'domains');
    expectError(await h.request('PATCH', url(other), { body: { domains: [12] } }), 400, 'invalid_input', 'domains.0');
    expect((await h.request('GET', url(other))).json().domains).toEqual(['keep.example']);
  });

  it('renames, and a name another workspace holds is 409 workspace_name_taken', async () => {
    const renamed = await h.request('PATCH', url(other), { body: { name: 'Renamed' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Renamed', domains: ['keep.example'] });
    expectError(await h.request('PATCH', url(other), { body: { name: 'Default', domains: ['changed.example'] } }), 409, 'workspace_name_taken', 'name');
    expect((await h.request('GET', url(other))).json()).toMatchObject({ name: 'Renamed', domains: ['keep.example'] });
    expectError(await h.request('PATCH', url(other), { body: { name: '   ' } }), 400, 'invalid_input', 'name');
  });

  it('is 404 for an unknown workspace', async () => {
    expectError(await h.request('PATCH', url('00000000-0000-4000-8000-000000000009'), { body: { name: 'x' } }), 404, 'workspace_not_found');
  });
});

describe('who may use workspace settings', () => {
  it('a workspace-bound token is 403 workspace_forbidden, even for its own workspace', async () => {
    const bound = await h.token(['*'], { workspaceId: other });
    expectError(await h.request('GET', url(other), { token: bound }), 403, 'workspace_forbidden');
    expectError(await h.request('PATCH', url(other), { token: bound, body: { name: 'Mine' } }), 403, 'workspace_forbidden');
    expectError(await h.request('GET', url(h.defaultWorkspaceId), { token: bound }), 403, 'workspace_forbidden');
    expect((await h.request('GET', url(other))).json().name).not.toBe('Mine');
  });

  it('needs workspaces:read to read and workspaces:write to change', async () => {
    const reader = await h.token(['workspaces:read']);
    expect((await h.request('GET', url(other), { token: reader })).statusCode).toBe(200);
    expectError(await h.request('PATCH', url(other), { token: reader, body: { name: 'x' } }), 403, 'missing_scope');
    const inviter = await h.token(['invites:write', 'users:write']);
    expectError(await h.request('GET', url(other), { token: inviter }), 403, 'missing_scope');
  });
});
