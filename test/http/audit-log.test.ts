import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../src/core/audit-log.service.ts';
import { runAudited } from '../../src/core/audit.ts';
import { expectError } from '../helpers/expect-error.ts';
import { Harness } from '../helpers/harness.ts';

let h: Harness;
let workspaceB: string;
/** A token with every scope bound to workspace B, and one bound to the default workspace. */
let bToken: string;
let aToken: string;

beforeAll(async () => {
  h = await Harness.start();
  workspaceB = await h.services.workspaces.create('Audit B');
  bToken = await h.token(['*'], { workspaceId: workspaceB, email: 'b-admin@example.com' });
  aToken = await h.token(['*'], { workspaceId: h.defaultWorkspaceId });
});
afterAll(async () => {
  await h.close();
});

interface Answer {
  data: AuditEvent[];
  nextCursor: string | null;
}

async function list(query: Record<string, string | number> = {}, token?: string): Promise<Answer> {
  const response = await listResponse(query, token);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

function listResponse(query: Record<string, string | number>, token?: string): Promise<LightMyRequestResponse> {
  const search = new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)]));
  return h.request('GET', `/api/v1/auditEvents?${search}`, { token });
}

/** Every page, following nextCursor. */
async function all(query: Record<string, string | number>, token?: string): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  let cursor: string | null = null;
  do {
    const page: Answer = await list({ ...query, ...(cursor ? { cursor } : {}) }, token);
    expect(page.data.length).toBeLessThanOrEqual(Number(query.limit ?? 100));
    events.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor);
  return events;
}

describe('GET /auditEvents', () => {
  let groupId: number;
  let createResponse: LightMyRequestResponse;

  beforeAll(async () => {
    createResponse = await h.request('POST', '/api/v1/groups', { body: { name: 'Auditors' }, token: aToken });
    expect(createResponse.statusCode).toBe(201);
    groupId = createResponse.json().id;
    await h.request('PUT', `/api/v1/groups/${groupId}`, { body: { name: 'Auditors 2' }, token: aToken });
    for (let index = 0; index < 25; index += 1) {
      expect((await h.request('POST', '/api/v1/folders', { body: { name: `f${index}`, folderType: 'app' } })).statusCode).toBe(201);
    }
    expect((await h.request('POST', '/api/v1/groups', { body: { name: 'B only' }, token: bToken })).statusCode).toBe(201);
  });

  it('answers the event in the documented shape, newest first', async () => {
    const { data } = await list({ targetType: 'group', targetId: groupId });
    expect(data.map((event) => event.action)).toEqual(['group.renamed', 'group.created']);
    const created = data[1]!;
    expect(Object.keys(created).sort()).toEqual(['action', 'actor', 'changes', 'id', 'occurredAt', 'requestId', 'source', 'target', 'workspaceId']);
    expect(created).toMatchObject({
      workspaceId: h.defaultWorkspaceId,
      actor: { type: 'token', userId: expect.any(String) },
      target: { type: 'group', id: String(groupId) },
      changes: { name: 'Auditors' },
      requestId: createResponse.headers['x-request-id'],
      source: null,
    });
    expect(new Date(created.occurredAt).toISOString()).toBe(created.occurredAt);
    expect(data[0]!.id).toBeGreaterThan(created.id);
  });

  it('pages with nextCursor without duplicates or gaps, also while events are being recorded', async () => {
    const everything = await all({ limit: 1000 });
    const paged: AuditEvent[] = [];
    let cursor: string | null = null;
    let first = true;
    do {
      const page: Answer = await list({ limit: 7, ...(cursor ? { cursor } : {}) });
      paged.push(...page.data);
      cursor = page.nextCursor;
      // New events land before the first page, never inside the pages still to come.
      if (first) await h.request('POST', '/api/v1/folders', { body: { name: 'meanwhile', folderType: 'app' } });
      first = false;
    } while (cursor);
    expect(paged.map((event) => event.id)).toEqual(everything.map((event) => event.id));
    expect(new Set(paged.map((event) => event.id)).size).toBe(paged.length);
    const ids = paged.map((event) => event.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    const last = await list({ limit: 1000 });
    expect(last.nextCursor).toBeNull();
  });

  it('filters by action, exactly or by prefix', async () => {
    const exact = await all({ action: 'folder.created' });
    expect(exact.length).toBeGreaterThanOrEqual(25);
    expect(new Set(exact.map((event) => event.action))).toEqual(new Set(['folder.created']));
    const groups = await all({ action: 'group.*' });
    expect(new Set(groups.map((event) => event.action))).toEqual(new Set(['group.created', 'group.renamed']));
    expect((await list({ action: 'group' })).data).toEqual([]);
  });

  it('filters by actor token and user, target and time', async () => {
    const tokenId = (await list({ action: 'group.created', limit: 1 }, aToken)).data[0]!.actor.tokenId!;
    const byToken = await all({ actorTokenId: tokenId });
    expect(byToken.map((event) => event.action).sort()).toEqual(['group.created', 'group.renamed']);
    const userId = byToken[0]!.actor.userId!;
    expect((await all({ actorUserId: userId })).length).toBeGreaterThan(25);
    expect(await all({ actorUserId: '00000000-0000-4000-8000-000000000001' })).toEqual([]);
    expect((await all({ targetType: 'folder' })).every((event) => event.target.type === 'folder')).toBe(true);

    const at = byToken[0]!.occurredAt;
    const since = await all({ since: at, targetType: 'group' });
    expect(since.map((event) => event.id)).toContain(byToken[0]!.id);
    expect(since.every((event) => event.occurredAt >= at)).toBe(true);
    const until = await all({ until: at, targetType: 'group' });
    expect(until.every((event) => event.occurredAt <= at)).toBe(true);
    expect(await all({ since: '2999-01-01T00:00:00Z' })).toEqual([]);
    expect(await all({ until: '2000-01-01T00:00:00+02:00' })).toEqual([]);
  });

  it('shows a workspace-bound token only its workspace\'s events, never the instance-level ones', async () => {
    const b = await all({}, bToken);
    expect(b.length).toBeGreaterThan(0);
    expect(b.every((event) => event.workspaceId === workspaceB)).toBe(true);
    expect(b.map((event) => event.changes.name)).toContain('B only');
    const a = await all({ limit: 1000 }, aToken);
    expect(a.every((event) => event.workspaceId === h.defaultWorkspaceId)).toBe(true);
    expect(a.some((event) => event.changes.name === 'B only')).toBe(false);
  });

  it('shows an instance-wide token the instance-level events too, and another workspace\'s with X-Workspace-Id', async () => {
    const events = await all({ limit: 1000 });
    expect(events.some((event) => event.workspaceId === null && event.action === 'token.created')).toBe(true);
    expect(events.some((event) => event.workspaceId === workspaceB)).toBe(false);
    const response = await h.request('GET', '/api/v1/auditEvents', { workspaceId: workspaceB });
    const inB = (response.json() as Answer).data;
    expect(inB.some((event) => event.workspaceId === workspaceB)).toBe(true);
    expect(inB.every((event) => event.workspaceId === workspaceB || event.workspaceId === null)).toBe(true);
  });

  it('needs the audit:read scope', async () => {
    const reader = await h.token(['audit:read']);
    expect((await listResponse({}, reader)).statusCode).toBe(200);
    expect((await listResponse({}, await h.token(['audit:write']))).statusCode).toBe(200);
    expectError(await listResponse({}, await h.token(['users:write', 'tokens:write'])), 403, 'missing_scope');
    expectError(await h.request('GET', '/api/v1/auditEvents', { token: null }), 401);
  });

  it('refuses bad filters with a 400 naming the field', async () => {
    const bad: Array<[Record<string, string | number>, string]> = [
      [{ limit: 0 }, 'limit'],
      [{ limit: 1001 }, 'limit'],
      [{ limit: 'ten' }, 'limit'],
      [{ cursor: 'not-a-cursor' }, 'cursor'],
      [{ cursor: Buffer.from('v1:-4').toString('base64url') }, 'cursor'],
      [{ actorTokenId: 'nope' }, 'actorTokenId'],
      [{ actorUserId: '12' }, 'actorUserId'],
      [{ action: 'User Created' }, 'action'],
      [{ action: '*' }, 'action'],
      [{ action: 'user.*.x' }, 'action'],
      [{ since: 'yesterday' }, 'since'],
      [{ since: '2026-01-01' }, 'since'],
      [{ until: '2026-13-45T99:00:00Z' }, 'until'],
      [{ since: '2026-02-01T00:00:00Z', until: '2026-01-01T00:00:00Z' }, 'until'],
      [{ targetId: 'x'.repeat(201) }, 'targetId'],
    ];
    for (const [query, field] of bad) expectError(await listResponse(query), 400, undefined, field);
  });

  it('does not record reading the log, nor a replayed idempotent POST', async () => {
    const before = (await list({ limit: 1 })).data[0]!.id;
    await list();
    const headers = { 'idempotency-key': 'audit-replay-1' };
    const first = await h.request('POST', '/api/v1/groups', { body: { name: 'Once' }, headers });
    const again = await h.request('POST', '/api/v1/groups', { body: { name: 'Once' }, headers });
    expect(first.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const after = await all({ limit: 1000 });
    expect(after.filter((event) => event.id > before).map((event) => event.action)).toEqual(['group.created']);
  });
});

describe('attribution outside the native API', () => {
  it('a membership link accepted on the invite page is a public membership.accepted event', async () => {
    const created = await h.ext('POST', '/api/ext/users', {
      body: { name: 'Link User', email: 'link@example.com', workspaces: [{ id: h.defaultWorkspaceId, role: 'end-user' }] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id, workspaces } = created.json();
    const token = new URL(workspaces[0].inviteUrl).pathname.split('/').pop()!;
    const page = await h.app.inject({
      method: 'POST', url: `/invite/${token}`, headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'firstName=Link&lastName=User&password=linkpassword1',
    });
    expect(page.statusCode, page.body).toBe(200);
    const [event] = (await list({ action: 'membership.accepted', targetId: id })).data;
    expect(event).toMatchObject({
      workspaceId: h.defaultWorkspaceId, actor: { type: 'public', tokenId: null, userId: null },
      target: { type: 'membership', id }, changes: { status: 'active' }, requestId: page.headers['x-request-id'],
    });
    expect(JSON.stringify(await all({ limit: 1000 }))).not.toContain('linkpassword1');
  });

  it('CLI work is attributed to the cli, and bulk imports record one event per created or changed member', async () => {
    await h.request('POST', '/api/v1/userAttributes', { body: { name: 'team', dataType: 'string' } });
    const records = [
      { line: 2, fields: { email: 'bulk1@example.com', firstName: 'Bulk', role: 'builder', team: 'red' } },
      { line: 3, fields: { email: 'bulk2@example.com' } },
    ];
    const report = await runAudited({ actorType: 'cli' }, () => h.services.userImports.run(h.defaultWorkspaceId, records));
    expect(report.created).toBe(2);
    const created = await all({ action: 'user.created', since: new Date(Date.now() - 60_000).toISOString() });
    const bulk = created.filter((event) => String(event.changes.email).startsWith('bulk'));
    expect(bulk).toHaveLength(2);
    expect(bulk.find((event) => event.changes.email === 'bulk1@example.com')).toMatchObject({
      actor: { type: 'cli', tokenId: null, userId: null }, requestId: null,
      changes: { role: 'builder', firstName: 'Bulk', attributes: { team: 'red' } },
    });

    const again = await runAudited({ actorType: 'cli' }, () => h.services.userImports.run(h.defaultWorkspaceId, [
      { line: 2, fields: { email: 'bulk1@example.com', role: 'admin', team: 'red' } },
      { line: 3, fields: { email: 'bulk2@example.com' } },
    ]));
    expect([again.updated, again.unchanged]).toEqual([1, 1]);
    const [updated] = (await list({ action: 'user.updated', targetId: bulk.find((event) => event.changes.email === 'bulk1@example.com')!.target.id })).data;
    expect(updated).toMatchObject({ actor: { type: 'cli' }, changes: { role: 'admin' } });
    expect(updated!.changes).not.toHaveProperty('attributes');
  });
});
