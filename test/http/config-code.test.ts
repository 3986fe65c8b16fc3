import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scope } from '../../src/core/scopes.ts';
import { expectError } from '../helpers/expect-error.ts';
import { Harness } from '../helpers/harness.ts';
import { testDialect } from '../helpers/test-database.ts';

let h: Harness;
let acmeId: string;
let otherId: string;
beforeAll(async () => {
  h = await Harness.start();
  acmeId = await h.services.workspaces.create('Remote Acme');
  otherId = await h.services.workspaces.create('Remote Other');
});
afterAll(async () => {
  await h.close();
});

const READ: Scope[] = ['workspaces:read', 'environments:read', 'users:read', 'groups:read', 'folders:read', 'apps:read', 'resources:read', 'permissions:read'];

interface Plan {
  stateFingerprint: string;
  changesDigest: string;
  changes: Array<{ kind: string; object: string; key: string; at?: { file: string; line: number; col: number } }>;
  summary: { create: number; update: number; delete: number };
}

const files = (content: string) => [{ name: 'config/toolplane.yaml', content }];
const plan = (content: string, options: { token?: string; extra?: object } = {}) =>
  h.request('POST', '/api/v1/config/plan', { token: options.token, body: { files: files(content), ...options.extra } });
const apply = (content: string, reviewed: Plan, token?: string) => h.request('POST', '/api/v1/config/apply', {
  token, body: { files: files(content), stateFingerprint: reviewed.stateFingerprint, changesDigest: reviewed.changesDigest },
});

const team = (workspace: string, group: string) => [
  'workspaces:',
  `  ${JSON.stringify(workspace)}:`,
  '    groups:',
  `      ${group}: { members: [ada@remote.test] }`,
  '    members:',
  '      ada@remote.test: { role: builder, firstName: Ada }',
].join('\n');

describe(`configuration as code over the native API on ${testDialect()}`, () => {
  it('plans as plan --json does, applies the reviewed plan in one go, and then plans no changes', async () => {
    const config = team('Remote Acme', 'eng');
    const response = await plan(config);
    expect(response.statusCode).toBe(200);
    const reviewed = response.json() as Plan;
    expect(reviewed.summary).toEqual({ create: 2, update: 0, delete: 0 });
    expect(reviewed.changes.map((change) => [change.kind, change.object, change.key])).toEqual([['create', 'group', 'eng'], ['create', 'member', 'ada@remote.test']]);
    expect(reviewed.changes[0]!.at).toEqual({ file: 'config/toolplane.yaml', line: 4, col: 7 });

    const applied = await apply(config, reviewed);
    expect(applied.statusCode).toBe(200);
    const { applyId } = applied.json() as { applyId: string };
    expect(applyId).toMatch(/^apply_/);
    const events = await h.runtime.database.db.selectFrom('audit_events').select(['action', 'workspace_id']).where('request_id', '=', applyId).execute();
    expect(events.map((event) => event.action).sort()).toEqual(['group.created', 'group.member_added', 'user.created']);
    expect(new Set(events.map((event) => event.workspace_id))).toEqual(new Set([acmeId]));
    expect(((await plan(config)).json() as Plan).summary).toEqual({ create: 0, update: 0, delete: 0 });
  });

  it('refuses a plan that is no longer what the instance and the files make (409), applying nothing', async () => {
    const config = team('Remote Acme', 'stale');
    const reviewed = (await plan(config)).json() as Plan;
    const actor = await h.actor(acmeId);
    await h.services.groups.create(actor, 'moved-meanwhile');
    expectError(await apply(config, reviewed), 409, 'config_state_changed');
    expect((await h.services.groups.list(actor)).map((group) => group.name)).not.toContain('stale');
  });

  it('takes files larger than the API\'s usual 1 MiB body', async () => {
    const large = `# ${'x'.repeat(1_500_000)}\n${team('Remote Acme', 'eng')}`;
    expect((await plan(large)).statusCode).toBe(200);
  });

  it('answers a file problem with a 400 naming its file, line and column', async () => {
    const broken = expectError(await plan('workspaces:\n  Remote Acme: { groups: [\n'), 400, 'config_invalid');
    expect(broken.message).toMatch(/^config\/toolplane\.yaml:\d+:\d+: /);
    const wrong = expectError(await plan('workspaces:\n  Remote Acme:\n    members:\n      ada@remote.test: { role: owner }\n'), 400, 'config_invalid');
    expect(wrong.message).toContain('config/toolplane.yaml:4:32:');
  });

  it('resolves ${env:...} and ${file:...} from the request only, never from the server', async () => {
    process.env.TOOLPLANE_REMOTE_TEST_NAME = 'from-the-server';
    const config = 'workspaces:\n  Remote Acme:\n    members:\n      ada@remote.test: { lastName: "${env:TOOLPLANE_REMOTE_TEST_NAME}", firstName: "${file:names/first.txt}" }\n';
    const refused = expectError(await plan(config), 400, 'config_invalid');
    expect(refused.message).toContain('config/toolplane.yaml:4:36: environment variable TOOLPLANE_REMOTE_TEST_NAME is not set');
    expect(refused.message).toContain('the file names/first.txt was not sent with the configuration');
    const sent = await plan(config, { extra: { env: { TOOLPLANE_REMOTE_TEST_NAME: 'Lovelace' }, referencedFiles: { 'config/names/first.txt': 'Augusta\n' } } });
    expect(sent.statusCode).toBe(200);
    const [change] = (sent.json() as { changes: Array<{ fields: Array<{ field: string; to: unknown }> }> }).changes;
    expect(change!.fields).toEqual([
      { field: 'firstName', from: 'Ada', to: 'Augusta' },
      { field: 'lastName', from: '', to: 'Lovelace' },
    ]);
  });

  it('refuses a change whose scope the token lacks (403 naming it), applying nothing', async () => {
    const token = await h.token([...READ, 'users:write'], { workspaceId: acmeId });
    const config = team('Remote Acme', 'needs-groups-write');
    const reviewed = (await plan(config, { token })).json() as Plan;
    const refused = expectError(await apply(config, reviewed, token), 403, 'missing_scope');
    expect(refused.message).toContain('groups:write');
    expect((await h.services.groups.list(await h.actor(acmeId))).map((group) => group.name)).not.toContain('needs-groups-write');
    expectError(await plan(config, { token: await h.token(['workspaces:read', 'users:read'], { workspaceId: acmeId }) }), 403, 'missing_scope');
  });

  it('keeps a workspace-bound token to its workspace: it cannot plan, apply or export another, nor create one', async () => {
    const token = await h.token([...READ, 'groups:write', 'users:write'], { workspaceId: acmeId });
    expectError(await plan(team('Remote Other', 'eng'), { token }), 403, 'workspace_forbidden');
    expectError(await plan(team('Brand New', 'eng'), { token }), 403, 'workspace_forbidden');
    const reviewed = (await plan(team('Remote Other', 'eng'))).json() as Plan;
    expectError(await apply(team('Remote Other', 'eng'), reviewed, token), 403, 'workspace_forbidden');
    expect(await h.services.groups.list(await h.actor(otherId))).toEqual([]);

    const own = await h.request('GET', '/api/v1/config/export', { token });
    expect(own.statusCode).toBe(200);
    expect((own.json() as { content: string }).content).toContain('Remote Acme:');
    expect((own.json() as { content: string }).content).not.toContain('Remote Other');
    expectError(await h.request('GET', '/api/v1/config/export?workspace=Remote%20Other', { token }), 403, 'workspace_forbidden');
  });

  it('exports a named workspace for an instance-wide token, as toolplane export writes it', async () => {
    const response = await h.request('GET', '/api/v1/config/export?workspace=Remote%20Acme');
    expect(response.statusCode).toBe(200);
    const { ConfigCodeEngine } = await import('../../src/config-code/engine.ts');
    expect((response.json() as { content: string }).content).toBe(await new ConfigCodeEngine(h.runtime.store, h.services).export('Remote Acme'));
    expectError(await h.request('GET', '/api/v1/config/export?workspace=Nowhere'), 404, 'workspace_not_found');
  });
});
