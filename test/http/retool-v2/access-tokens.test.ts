import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashTokenSecret } from '../../../src/core/token-secret.ts';
import { fromJson } from '../../../src/db/rows.ts';
import { Harness } from '../../helpers/harness.ts';
import { v2 } from './client.ts';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(async () => {
  await h.close();
});

const db = () => h.runtime.database.db;

describe('/access_tokens', () => {
  it('creates a token with Retool\'s scopes mapped onto Toolplane\'s, showing its secret once and storing only its hash', async () => {
    const created = await v2(h, 'POST', '/api/v2/access_tokens', { body: { label: 'Terraform', description: null, scopes: ['users:read', 'groups:write'] } });
    expect(created.statusCode).toBe(200);
    const token = created.json().data;
    expect(token).toMatchObject({ label: 'Terraform', description: null, scopes: ['users:read', 'user_attributes:read', 'groups:write'] });
    expect(token.access_token).toMatch(/^tp_/);
    expect(token.last4).toBe(token.access_token.slice(3, 7));

    const row = await db().selectFrom('api_tokens').selectAll().where('id', '=', token.id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(hashTokenSecret(token.access_token));
    expect(JSON.stringify(row)).not.toContain(token.access_token);
    expect(fromJson(row.scopes)).toEqual(['users:read', 'invites:read', 'groups:write']);
    expect(row.workspace_id).toBe(h.defaultWorkspaceId);

    // The new token works, within its scopes only.
    expect((await v2(h, 'GET', '/api/v2/groups', { token: token.access_token })).statusCode).toBe(200);
    expect((await v2(h, 'GET', '/api/v2/user_invites', { token: token.access_token })).statusCode).toBe(200);
    expect((await v2(h, 'GET', '/api/v2/folders', { token: token.access_token })).statusCode).toBe(403);

    const read = await v2(h, 'GET', `/api/v2/access_tokens/${token.id}`);
    expect(read.json().data).toEqual({ ...token, access_token: undefined });
    expect(read.body).not.toContain(token.access_token);
    const listed = await v2(h, 'GET', '/api/v2/access_tokens');
    expect(listed.json().data).toContainEqual(read.json().data);
    expect(listed.body).not.toContain(token.access_token);

    const events = await db().selectFrom('audit_events').select(['action', 'source', 'changes']).where('target_id', '=', token.id).execute();
    expect(events.map(({ action, source }) => ({ action, source }))).toEqual([{ action: 'token.created', source: 'retool-v2' }]);
    expect(JSON.stringify(events)).not.toContain(token.access_token);
  });

  it('keeps the description given, answering it wherever the token is shown, on both APIs', async () => {
    const token = (await v2(h, 'POST', '/api/v2/access_tokens', {
      body: { label: 'CI deploys', description: 'Used by the nightly deploy job', scopes: ['apps:read'] },
    })).json().data;
    expect(token.description).toBe('Used by the nightly deploy job');
    expect((await v2(h, 'GET', `/api/v2/access_tokens/${token.id}`)).json().data.description).toBe('Used by the nightly deploy job');
    const native = await h.request('GET', `/api/v1/tokens/${token.id}`);
    expect(native.json().description).toBe('Used by the nightly deploy job');

    const empty = (await v2(h, 'POST', '/api/v2/access_tokens', { body: { label: 'undescribed', description: '', scopes: [] } })).json().data;
    expect(empty.description).toBeNull();
  });

  it('answers the owner\'s legacy id, the users\' own', async () => {
    const token = (await v2(h, 'POST', '/api/v2/access_tokens', { body: { label: 'owner', scopes: [] } })).json().data;
    const admin = (await v2(h, 'GET', '/api/v2/users')).json().data.find((user: { email: string }) => user.email === 'admin@example.com');
    expect(token.owner_legacy_id).toBe(admin?.legacy_id);
  });

  it('refuses scope names without a counterpart, unknown ones and bad bodies, creating nothing', async () => {
    const count = async () => (await db().selectFrom('api_tokens').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n;
    const before = await count();
    const cases: Array<[object, string]> = [
      [{ label: 'themes', scopes: ['users:read', 'app_themes:write'] }, 'scopes.1'],
      [{ label: 'deploy', scopes: ['source_control:deploy'] }, 'scopes.0'],
      [{ label: 'unknown', scopes: ['users:admin'] }, 'scopes.0'],
      [{ label: 'wildcard', scopes: ['*'] }, 'scopes.0'],
      [{ label: 'described', scopes: [], description: 'x'.repeat(1001) }, 'description'],
      [{ label: 'described', scopes: [], description: 7 }, 'description'],
      [{ label: 'x', scopes: [] }, 'label'],
      [{ label: 'no scopes' }, 'scopes'],
      [{ label: 'typed', scopes: [3] }, 'scopes'],
    ];
    for (const [body, field] of cases) {
      const response = await v2(h, 'POST', '/api/v2/access_tokens', { body });
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().message).toContain(field);
    }
    expect(await count()).toBe(before);
  });

  it('needs the rights of /api/v1/tokens, and never grants more than the caller holds', async () => {
    const reader = await h.token(['tokens:read', 'users:write']);
    expect((await v2(h, 'POST', '/api/v2/access_tokens', { body: { label: 'by reader', scopes: [] }, token: reader })).statusCode).toBe(403);
    expect((await v2(h, 'GET', '/api/v2/access_tokens', { token: reader })).statusCode).toBe(200);
    const narrow = await h.token(['tokens:write', 'groups:read']);
    const escalated = await v2(h, 'POST', '/api/v2/access_tokens', { body: { label: 'wider', scopes: ['groups:write'] }, token: narrow });
    expect(escalated.statusCode).toBe(403);
    expect(escalated.json().message).toContain('groups:write');
    expect((await v2(h, 'GET', '/api/v2/access_tokens', { token: await h.token(['users:read']) })).statusCode).toBe(403);
  });

  it('gives a token made by an expiring token the caller\'s expiry, and none when the caller has none', async () => {
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    const expiring = await h.token(['tokens:write', 'groups:read'], { expiresAt });
    const made = (await v2(h, 'POST', '/api/v2/access_tokens', { body: { label: 'short lived', scopes: ['groups:read'] }, token: expiring })).json().data;
    const lasting = (await v2(h, 'POST', '/api/v2/access_tokens', { body: { label: 'lasting', scopes: [] } })).json().data;
    const expiryOf = async (id: string) => (await h.request('GET', `/api/v1/tokens/${id}`)).json().expiresAt;
    expect(await expiryOf(made.id)).toBe(expiresAt);
    expect(await expiryOf(lasting.id)).toBeNull();
  });

  it('answers 404 for unknown, malformed, revoked and other workspaces\' tokens', async () => {
    const other = await h.services.workspaces.create('Access tokens other');
    const elsewhere = await h.token(['*'], { workspaceId: other });
    const theirs = (await v2(h, 'POST', '/api/v2/access_tokens', { body: { label: 'theirs', scopes: [] }, token: elsewhere })).json().data;
    const mine = (await v2(h, 'POST', '/api/v2/access_tokens', { body: { label: 'revoked', scopes: [] } })).json().data;
    expect((await h.request('DELETE', `/api/v1/tokens/${mine.id}`)).statusCode).toBe(204);
    const bound = await h.token(['*'], { workspaceId: h.defaultWorkspaceId });
    for (const id of ['0f0f0f0f-0000-4000-8000-000000000000', 'not-a-uuid', mine.id]) {
      expect((await v2(h, 'GET', `/api/v2/access_tokens/${id}`)).statusCode, id).toBe(404);
    }
    expect((await v2(h, 'GET', `/api/v2/access_tokens/${theirs.id}`, { token: bound })).statusCode).toBe(404);
    const listed = (await v2(h, 'GET', '/api/v2/access_tokens', { token: bound })).json().data.map((token: { id: string }) => token.id);
    expect(listed).not.toContain(theirs.id);
    expect(listed).not.toContain(mine.id);
  });
});
