import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../helpers/expect-error.ts';
import { ADMIN_EMAIL, Harness } from '../helpers/harness.ts';

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
const KEYS = ['createdAt', 'domains', 'id', 'name', 'scimDefaultRole', 'status', 'twoFactorRequired', 'updatedAt'];

interface WorkspaceBody {
  id: string;
  name: string;
  status: string;
  domains: string[];
}

async function list(query = ''): Promise<{ data: WorkspaceBody[]; total: number; page: number; pageSize: number }> {
  const response = await h.request('GET', `/api/v1/workspaces${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function workspaceCount(): Promise<number> {
  return (await list()).total;
}

function auditEvents(targetId: string) {
  return h.runtime.database.db
    .selectFrom('audit_events')
    .select(['action', 'workspace_id', 'actor_type', 'actor_token_id', 'target_type', 'target_id', 'changes'])
    .where('target_id', '=', targetId)
    .orderBy('id')
    .execute();
}

const changesOf = (event: { changes: unknown }) => (typeof event.changes === 'string' ? JSON.parse(event.changes) : event.changes);

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

describe('GET /workspaces', () => {
  let paged: string[];
  beforeAll(async () => {
    paged = [];
    for (const n of [1, 2, 3, 4, 5]) paged.push(await h.services.workspaces.create(`Paged ${n}`));
    await h.services.workspaces.create('Rate_100%');
    await h.services.workspaces.create('Rate-1000');
  });

  it('lists every workspace, oldest first, in the native page shape', async () => {
    const body = await list();
    expect(Object.keys(body).sort()).toEqual(['data', 'page', 'pageSize', 'total']);
    expect(body).toMatchObject({ page: 1, pageSize: 100 });
    expect(body.total).toBe(body.data.length);
    expect(body.data[0]).toMatchObject({ id: h.defaultWorkspaceId, name: 'Default' });
    for (const workspace of body.data) expect(Object.keys(workspace).sort()).toEqual(KEYS);
    expect(body.data.map((workspace) => workspace.id)).toEqual(expect.arrayContaining([other, ...paged]));
  });

  it('pages through a filtered list without gaps or repeats', async () => {
    const seen: string[] = [];
    for (const page of [1, 2, 3]) {
      const body = await list(`?name=paged&pageSize=2&page=${page}`);
      expect(body).toMatchObject({ total: 5, page, pageSize: 2 });
      expect(body.data.length).toBe(page === 3 ? 1 : 2);
      seen.push(...body.data.map((workspace) => workspace.id));
    }
    expect(seen.sort()).toEqual([...paged].sort());
    const beyond = await list('?name=paged&pageSize=2&page=4');
    expect(beyond).toMatchObject({ data: [], total: 5, page: 4 });
  });

  it('filters by a name substring, ignoring case, taking % and _ literally', async () => {
    expect((await list('?name=ECON')).data.map((workspace) => workspace.name)).toEqual(['Second']);
    expect((await list(`?name=${encodeURIComponent('_1')}`)).data.map((workspace) => workspace.name)).toEqual(['Rate_100%']);
    expect((await list(`?name=${encodeURIComponent('%')}`)).data.map((workspace) => workspace.name)).toEqual(['Rate_100%']);
    expect((await list('?name=rate')).total).toBe(2);
    expect(await list('?name=nothing-like-this')).toMatchObject({ data: [], total: 0 });
  });

  it('filters by status', async () => {
    const archived = await h.services.workspaces.create('Listed archived');
    expect((await h.request('PATCH', url(archived), { body: { status: 'archived' } })).statusCode).toBe(200);
    expect((await list('?status=archived')).data.map((workspace) => workspace.id)).toEqual([archived]);
    const active = await list('?status=active');
    expect(active.data.every((workspace) => workspace.status === 'active')).toBe(true);
    expect(active.data.map((workspace) => workspace.id)).not.toContain(archived);
    expect(active.total + 1).toBe((await list()).total);
    expect((await list('?status=archived&name=listed')).total).toBe(1);
    expect((await list('?status=active&name=listed')).total).toBe(0);
  });

  it('refuses bad query values with 400 naming the parameter', async () => {
    const cases: Array<[string, string]> = [
      ['?status=deleted', 'status'], ['?status=', 'status'], ['?name=', 'name'], [`?name=${'x'.repeat(256)}`, 'name'],
      ['?page=0', 'page'], ['?page=x', 'page'], ['?pageSize=0', 'pageSize'], ['?pageSize=101', 'pageSize'],
    ];
    for (const [query, field] of cases) {
      expectError(await h.request('GET', `/api/v1/workspaces${query}`), 400, 'invalid_input', field);
    }
  });
});

describe('POST /workspaces', () => {
  it('creates an active workspace with normalised domains, answered 201 and listed', async () => {
    const response = await h.request('POST', '/api/v1/workspaces', { body: { name: 'Created', domains: ['Created.Example', 'created.example', 'b.example'] } });
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json();
    expect(Object.keys(created).sort()).toEqual(KEYS);
    expect(created).toMatchObject({ name: 'Created', status: 'active', domains: ['created.example', 'b.example'] });
    expect((await h.request('GET', url(created.id))).json()).toEqual(created);
    expect((await list('?name=created')).data.map((workspace) => workspace.id)).toEqual([created.id]);
    const bare = await h.request('POST', '/api/v1/workspaces', { body: { name: 'No domains' } });
    expect(bare.statusCode, bare.body).toBe(201);
    expect(bare.json().domains).toEqual([]);
  });

  it('makes the calling token\'s user the new workspace\'s admin, and nobody else a member', async () => {
    const creator = await h.token(['workspaces:write', 'users:read'], { email: 'creator@example.com' });
    const response = await h.request('POST', '/api/v1/workspaces', { token: creator, body: { name: 'Creator\'s' } });
    expect(response.statusCode, response.body).toBe(201);
    const users = await h.request('GET', '/api/v1/users', { workspaceId: response.json().id });
    expect(users.statusCode, users.body).toBe(200);
    expect(users.json().data).toEqual([expect.objectContaining({ email: 'creator@example.com', isAdmin: true, isDisabled: false })]);
    expect(users.json().data.map((user: { email: string }) => user.email)).not.toContain(ADMIN_EMAIL);
  });

  it('records one workspace.created event naming the token, the fields and the admin', async () => {
    const response = await h.request('POST', '/api/v1/workspaces', { body: { name: 'Audited', domains: ['audited.example'] } });
    const { id } = response.json();
    const events = await auditEvents(id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'workspace.created', workspace_id: id, actor_type: 'token', target_type: 'workspace' });
    expect(events[0]!.actor_token_id).toBeTruthy();
    expect(changesOf(events[0]!)).toEqual({ name: 'Audited', domains: ['audited.example'], adminUserId: expect.any(String) });
  });

  it('a name in use is 409 workspace_name_taken, and nothing is created', async () => {
    const before = await workspaceCount();
    expectError(await h.request('POST', '/api/v1/workspaces', { body: { name: 'Second' } }), 409, 'workspace_name_taken', 'name');
    expectError(await h.request('POST', '/api/v1/workspaces', { body: { name: 'Default', domains: ['x.example'] } }), 409, 'workspace_name_taken', 'name');
    expect(await workspaceCount()).toBe(before);
  });

  it('refuses bad bodies with 400 naming the field, and creates nothing', async () => {
    const before = await workspaceCount();
    const cases: Array<[unknown, string, string]> = [
      [{}, 'name', 'invalid_input'],
      [{ name: '' }, 'name', 'invalid_input'],
      [{ name: '   ' }, 'name', 'invalid_input'],
      [{ name: 'x'.repeat(256) }, 'name', 'invalid_input'],
      [{ name: 12 }, 'name', 'invalid_input'],
      [{ name: null }, 'name', 'invalid_input'],
      [{ name: 'Bad domains', domains: 'a.example' }, 'domains', 'invalid_input'],
      [{ name: 'Bad domains', domains: [3] }, 'domains.0', 'invalid_input'],
      [{ name: 'Bad domains', domains: ['ok.example', 'https://a.example'] }, 'domains.1', 'invalid_domain'],
      [{ name: 'Bad domains', domains: Array.from({ length: 101 }, (_, i) => `d${i}.example`) }, 'domains', 'invalid_input'],
    ];
    for (const [body, field, code] of cases) {
      expectError(await h.request('POST', '/api/v1/workspaces', { body: body as object }), 400, code, field);
    }
    expectError(await h.request('POST', '/api/v1/workspaces', { body: '[]', headers: { 'content-type': 'application/json' } }), 400);
    expect(await workspaceCount()).toBe(before);
  });

  it('runs once per Idempotency-Key', async () => {
    const before = await workspaceCount();
    const send = () => h.request('POST', '/api/v1/workspaces', { body: { name: 'Once only' }, headers: { 'idempotency-key': 'ws-once' } });
    const first = await send();
    const again = await send();
    expect(first.statusCode, first.body).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await workspaceCount()).toBe(before + 1);
    expect(await auditEvents(first.json().id)).toHaveLength(1);
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

  it('refuses a status other than active or archived, and changes nothing', async () => {
    for (const status of ['deleted', 'ARCHIVED', '', null, true]) {
      expectError(await h.request('PATCH', url(other), { body: { status } }), 400, 'invalid_input', 'status');
    }
    expect((await h.request('GET', url(other))).json().status).toBe('active');
  });

  it('sets the role SCIM gives new members, audited, and refuses a role that is not one, changing nothing', async () => {
    const id = await h.services.workspaces.create('Provisioned');
    expect((await h.request('GET', url(id))).json().scimDefaultRole).toBe('end-user');
    const updated = await h.request('PATCH', url(id), { body: { scimDefaultRole: 'builder' } });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ scimDefaultRole: 'builder', twoFactorRequired: false });
    for (const scimDefaultRole of ['owner', 'Builder', '', null, 1]) {
      expectError(await h.request('PATCH', url(id), { body: { scimDefaultRole, name: 'Not renamed' } }), 400, 'invalid_input', 'scimDefaultRole');
    }
    expect((await h.request('GET', url(id))).json()).toMatchObject({ name: 'Provisioned', scimDefaultRole: 'builder' });
    expect((await list('?name=Provisioned')).data[0]).toMatchObject({ scimDefaultRole: 'builder' });
    expect((await auditEvents(id)).map(changesOf)).toEqual([{ name: 'Provisioned', domains: [] }, { scimDefaultRole: 'builder' }]);
    await expect(h.services.workspaces.updateSettings(await h.actor(id), id, { scimDefaultRole: 'owner' as 'admin' }))
      .rejects.toMatchObject({ code: 'invalid_input', field: 'scimDefaultRole' });
  });

  it('records one event per change: workspace.updated, workspace.archived, workspace.unarchived; none for a refused one', async () => {
    const id = await h.services.workspaces.create('Audit trail');
    await h.request('PATCH', url(id), { body: { name: 'Audit trail 2', domains: ['Trail.example'] } });
    await h.request('PATCH', url(id), { body: { status: 'archived' } });
    await h.request('PATCH', url(id), { body: { status: 'archived' } });
    await h.request('PATCH', url(id), { body: { status: 'active', name: 'Audit trail 3' } });
    expectError(await h.request('PATCH', url(id), { body: { name: 'Default' } }), 409, 'workspace_name_taken');
    const events = await auditEvents(id);
    expect(events.map((event) => event.action)).toEqual([
      'workspace.created', 'workspace.updated', 'workspace.archived', 'workspace.updated', 'workspace.unarchived',
    ]);
    expect(events.map(changesOf)).toEqual([
      { name: 'Audit trail', domains: [] },
      { name: 'Audit trail 2', domains: ['trail.example'] },
      { status: 'archived' },
      { status: 'archived' },
      { name: 'Audit trail 3', status: 'active' },
    ]);
    expect(events.every((event) => event.workspace_id === id && event.target_type === 'workspace')).toBe(true);
    expect(events.slice(1).every((event) => event.actor_type === 'token')).toBe(true);
  });

  it('is 404 for an unknown workspace', async () => {
    expectError(await h.request('PATCH', url('00000000-0000-4000-8000-000000000009'), { body: { name: 'x' } }), 404, 'workspace_not_found');
  });
});

describe('ETag and If-Match on /workspaces/{id}', () => {
  it('answers an ETag, 304 for If-None-Match, and a new tag after a change', async () => {
    const id = await h.services.workspaces.create('Tagged');
    const first = await h.request('GET', url(id));
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect((await h.request('GET', url(id), { headers: { 'if-none-match': etag } })).statusCode).toBe(304);
    await h.request('PATCH', url(id), { body: { domains: ['tagged.example'] } });
    expect((await h.request('GET', url(id))).headers.etag).not.toBe(etag);
  });

  it('applies a PATCH whose If-Match is current, and refuses a stale one with 412, changing nothing', async () => {
    const id = await h.services.workspaces.create('Matched');
    const etag = (await h.request('GET', url(id))).headers.etag as string;
    const matched = await h.request('PATCH', url(id), { body: { name: 'Matched 2' }, headers: { 'if-match': etag } });
    expect(matched.statusCode, matched.body).toBe(200);
    expectError(await h.request('PATCH', url(id), { body: { status: 'archived' }, headers: { 'if-match': etag } }), 412, 'precondition_failed', 'If-Match');
    expect((await h.request('GET', url(id))).json()).toMatchObject({ name: 'Matched 2', status: 'active' });
    expect((await auditEvents(id)).map((event) => event.action)).toEqual(['workspace.created', 'workspace.updated']);
    const current = (await h.request('GET', url(id))).headers.etag as string;
    const archived = await h.request('PATCH', url(id), { body: { status: 'archived' }, headers: { 'if-match': current } });
    expect(archived.json().status).toBe('archived');
    expectError(await h.request('PATCH', url('00000000-0000-4000-8000-000000000009'), { body: { name: 'x' }, headers: { 'if-match': '*' } }), 412);
  });
});

describe('who may use the workspaces API', () => {
  it('a workspace-bound token is 403 workspace_forbidden on every workspaces route, even for its own workspace', async () => {
    const bound = await h.token(['*'], { workspaceId: other });
    const before = await workspaceCount();
    expectError(await h.request('GET', '/api/v1/workspaces', { token: bound }), 403, 'workspace_forbidden');
    expectError(await h.request('POST', '/api/v1/workspaces', { token: bound, body: { name: 'Bound made' } }), 403, 'workspace_forbidden');
    expectError(await h.request('GET', url(other), { token: bound }), 403, 'workspace_forbidden');
    expectError(await h.request('PATCH', url(other), { token: bound, body: { name: 'Mine' } }), 403, 'workspace_forbidden');
    expectError(await h.request('PATCH', url(other), { token: bound, body: { status: 'archived' } }), 403, 'workspace_forbidden');
    expectError(await h.request('GET', url(h.defaultWorkspaceId), { token: bound }), 403, 'workspace_forbidden');
    expect((await h.request('GET', url(other))).json()).toMatchObject({ status: 'active' });
    expect((await h.request('GET', url(other))).json().name).not.toBe('Mine');
    expect(await workspaceCount()).toBe(before);
  });

  it('needs workspaces:read to read and workspaces:write to change', async () => {
    const reader = await h.token(['workspaces:read']);
    expect((await h.request('GET', url(other), { token: reader })).statusCode).toBe(200);
    expect((await h.request('GET', '/api/v1/workspaces', { token: reader })).statusCode).toBe(200);
    expectError(await h.request('PATCH', url(other), { token: reader, body: { name: 'x' } }), 403, 'missing_scope');
    expectError(await h.request('POST', '/api/v1/workspaces', { token: reader, body: { name: 'Reader made' } }), 403, 'missing_scope');
    const inviter = await h.token(['invites:write', 'users:write']);
    expectError(await h.request('GET', url(other), { token: inviter }), 403, 'missing_scope');
    expectError(await h.request('GET', '/api/v1/workspaces', { token: inviter }), 403, 'missing_scope');
  });
});
