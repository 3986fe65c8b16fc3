import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApplyResult, ConfigCodeEngine } from '../../src/config-code/engine.ts';
import type { Change } from '../../src/config-code/plan.ts';
import { renderPlan } from '../../src/config-code/render.ts';
import { ConfigFileError } from '../../src/config-code/source.ts';
import type { Actor } from '../../src/core/actor.ts';
import { runAudited } from '../../src/core/audit.ts';
import type { Scope } from '../../src/core/scopes.ts';
import { fromJson } from '../../src/db/rows.ts';
import { expectError } from '../helpers/expect-error.ts';
import { Harness } from '../helpers/harness.ts';
import { TestSmtpServer, acceptLinkOf } from '../helpers/smtp.ts';
import { testDialect } from '../helpers/test-database.ts';

let h: Harness;
let engine: ConfigCodeEngine;
const local = (workspaceId: string): Actor => ({ userId: '', email: '', tokenId: null, workspaceId });

const load = (text: string) => engine.load([{ name: 'invites.yaml', text }]);
const planOf = (text: string) => engine.plan(load(text));
async function apply(text: string): Promise<ApplyResult> {
  const desired = load(text);
  return runAudited({ actorType: 'cli' }, async () => engine.apply(desired, await engine.plan(desired), local));
}
const brief = (changes: Change[]) => changes.map((change) => `${change.kind} ${change.object} ${change.key}`);
async function problemsOf(text: string): Promise<string[]> {
  const error = await planOf(text).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ConfigFileError);
  return (error as ConfigFileError).message.split('\n');
}
async function workspaceId(name: string): Promise<string> {
  return (await h.runtime.database.db.selectFrom('workspaces').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
}
async function invitesOf(workspace: string) {
  return h.runtime.database.db.selectFrom('invites').select(['id', 'email', 'role', 'status', 'group_ids', 'attributes', 'created_by', 'expires_at'])
    .where('workspace_id', '=', await workspaceId(workspace)).orderBy('created_at').execute();
}

/** A workspace of that name, with two invites. */
const hiring = (name: string) => `
workspaces:
  ${name}:
    emailDomains: [hiring.test]
    userAttributes:
      team: { type: string }
    groups:
      support: {}
      eng: {}
    members:
      ada@hiring.test: { role: admin }
    invites:
      Grace@hiring.test:
        role: builder
        groups: [support]
        attributes: { team: core }
        expiresInDays: 14
      guest@elsewhere.test: {}
`;

beforeAll(async () => {
  h = await Harness.start();
  engine = new ConfigCodeEngine(h.runtime.store, h.services);
});
afterAll(async () => {
  await h.close();
});

describe(`pending invites in the configuration file on ${testDialect()}`, () => {
  it('plans new invites with their fields, records them in the apply and delivers them after it, then plans nothing', async () => {
    const config = hiring('Hiring');
    const plan = await planOf(config);
    const invite = plan.changes.find((change) => change.object === 'invite' && change.key === 'Grace@hiring.test')!;
    expect(invite.fields).toEqual([
      { field: 'role', to: 'builder' }, { field: 'groups', to: ['support'] }, { field: 'attributes', to: { team: 'core' } }, { field: 'expiresInDays', to: 14 },
    ]);
    expect(renderPlan(plan)).toContain('  + invite Grace@hiring.test  (invites.yaml:13:7)\n      role: "builder"');

    const before = Date.now();
    const { applyId, invites } = await apply(config);
    // No mailer in the harness: each link is handed back once.
    expect(invites.map((item) => item.email).sort()).toEqual(['Grace@hiring.test', 'guest@elsewhere.test']);
    for (const item of invites) expect(item.acceptUrl).toMatch(/\/invite\/tpi_/);
    const rows = await invitesOf('Hiring');
    const grace = rows.find((row) => row.email === 'Grace@hiring.test')!;
    expect(grace).toMatchObject({ role: 'builder', status: 'pending', created_by: null });
    const groups = await h.services.groups.list(local(await workspaceId('Hiring')));
    expect(fromJson<number[]>(grace.group_ids)).toEqual([groups.find((group) => group.name === 'support')!.id]);
    const days = (new Date(grace.expires_at).getTime() - before) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThan(14.1);
    const events = await h.runtime.database.db.selectFrom('audit_events').select('action').where('request_id', '=', applyId).where('action', '=', 'invite.created').execute();
    expect(events).toHaveLength(2);

    expect((await planOf(config)).changes).toEqual([]);
  });

  it('changes groups and attribute values of a pending invite, and invites anew when its role changes', async () => {
    const config = hiring('Hiring changes');
    await apply(config);
    const changed = config.replace('groups: [support]', 'groups: [eng]').replace('attributes: { team: core }', 'attributes: { team: platform }');
    const plan = await planOf(changed);
    expect(plan.changes.map(({ kind, key, fields }) => ({ kind, key, fields }))).toEqual([{
      kind: 'update', key: 'Grace@hiring.test', fields: [
        { field: 'groups', from: ['support'], to: ['eng'] }, { field: 'attributes', from: { team: 'core' }, to: { team: 'platform' } },
      ],
    }]);
    expect((await apply(changed)).invites).toEqual([]);
    const [invite] = (await h.services.invites.list(local(await workspaceId('Hiring changes')), 'pending', { page: 1, pageSize: 10 })).items
      .filter((item) => item.email === 'Grace@hiring.test');
    expect(invite!.groups.map((group) => group.name)).toEqual(['eng']);
    expect(invite!.attributes).toEqual({ team: 'platform' });

    const promoted = changed.replace('role: builder', 'role: admin');
    expect(brief((await planOf(promoted)).changes)).toEqual(['delete invite Grace@hiring.test', 'create invite Grace@hiring.test']);
    expect((await apply(promoted)).invites.map((item) => item.email)).toEqual(['Grace@hiring.test']);
    const graces = (await invitesOf('Hiring changes')).filter((row) => row.email === 'Grace@hiring.test');
    expect(graces.map((row) => [row.role, row.status])).toEqual([['builder', 'revoked'], ['admin', 'pending']]);
    expect((await planOf(promoted)).changes).toEqual([]);
  });

  it('revokes pending invites the file leaves out only with prune, and treats accepted or revoked ones as not pending', async () => {
    const config = hiring('Hiring prune');
    await apply(config);
    const without = config.replace(/ {6}guest@elsewhere\.test: \{\}\n/, '');
    expect((await planOf(without)).changes.filter((change) => change.object === 'invite' && change.kind === 'delete')).toEqual([]);
    const pruning = without.replace('emailDomains: [hiring.test]', 'emailDomains: [hiring.test]\n    prune: [invites]');
    const plan = await planOf(pruning);
    expect(brief(plan.changes.filter((change) => change.kind === 'delete'))).toEqual(['delete invite guest@elsewhere.test']);
    await apply(pruning);
    expect((await invitesOf('Hiring prune')).find((row) => row.email === 'guest@elsewhere.test')!.status).toBe('revoked');
    const guest = `workspaces:\n  Hiring prune:\n    invites:\n      guest@elsewhere.test: {}\n`;
    expect(brief((await planOf(guest)).changes)).toEqual(['create invite guest@elsewhere.test']);

    // Accepted (or revoked) outside the file: no longer pending, so the file's invite is made anew.
    const grace = (await invitesOf('Hiring prune')).find((row) => row.email === 'Grace@hiring.test')!;
    await h.runtime.database.db.updateTable('invites').set({ status: 'accepted' }).where('id', '=', grace.id).execute();
    expect(brief((await planOf(pruning)).changes)).toEqual(['create invite Grace@hiring.test']);
  });

  it('refuses, naming file and line, an invite for a member, one also declared a member, an external admin, an unknown group or attribute', async () => {
    const problems = await problemsOf(`
workspaces:
  Hiring:
    members:
      new@hiring.test: {}
    invites:
      ada@hiring.test: {}
      NEW@hiring.test: {}
      boss@elsewhere.test: { role: admin }
      someone@hiring.test: { groups: [nobody], attributes: { shoe: 42 } }
`);
    expect(problems).toEqual([
      'invites.yaml:7:7: ada@hiring.test is a member of the workspace, so cannot be invited',
      'invites.yaml:8:7: NEW@hiring.test is a member of the workspace (declared under members), so cannot be invited',
      'invites.yaml:9:7: invite of boss@elsewhere.test: boss@elsewhere.test is an external email (its domain is not one of the workspace\'s), so joins as end-user only',
      'invites.yaml:10:7: invite of someone@hiring.test names group "nobody", which neither exists nor is declared under groups',
      'invites.yaml:10:7: invite of someone@hiring.test has a value for "shoe", which is not a user attribute of the workspace',
    ]);
  });

  it('records nothing and sends nothing when the apply fails after recording an invite', async () => {
    const failing = `
workspaces:
  Rollback:
    userAttributes:
      team: { type: string }
    invites:
      late@rollback.test: {}
    sso:
      issuer: https://login.rollback.test
      clientId: toolplane
      attributeMappings: { dept: team, department: team }
`;
    const desired = load(failing);
    const plan = await engine.plan(desired);
    expect(brief(plan.changes)).toContain('create invite late@rollback.test');
    const error = await runAudited({ actorType: 'cli' }, () => engine.apply(desired, plan, local)).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'invalid_input' });
    const left = await h.runtime.database.db.selectFrom('invites').select('id').where('email', '=', 'late@rollback.test').execute();
    expect(left).toEqual([]);
    expect(await h.runtime.database.db.selectFrom('workspaces').select('id').where('name', '=', 'Rollback').execute()).toEqual([]);
  });

  it('exports pending invites so that the export round-trips', async () => {
    await apply(hiring('Hiring export').replace('groups: [support]', 'groups: [support, eng]'));
    await h.services.invites.revoke(local(await workspaceId('Hiring export')), (await invitesOf('Hiring export')).find((row) => row.email === 'guest@elsewhere.test')!.id);
    const exported = await engine.export('Hiring export');
    expect(exported).toContain('    invites:\n      Grace@hiring.test:\n        role: builder\n        groups:\n          - eng\n          - support\n        attributes:\n          team: core\n');
    expect(exported).not.toContain('guest@elsewhere.test');
    expect((await planOf(exported)).changes).toEqual([]);
    // Applied as another workspace, it makes the same invites, and plans nothing after.
    const copy = exported.replace(/^ {2}Hiring export:$/m, '  Hiring copy:');
    await apply(copy);
    expect((await planOf(copy)).changes).toEqual([]);
    const copied = await invitesOf('Hiring copy');
    expect(copied.map((row) => [row.email, row.role, row.status])).toEqual([['Grace@hiring.test', 'builder', 'pending']]);
  });
});

describe(`invites over the native API on ${testDialect()}`, () => {
  const READ: Scope[] = ['workspaces:read', 'environments:read', 'users:read', 'groups:read', 'folders:read', 'apps:read', 'resources:read', 'permissions:read'];
  const files = (content: string) => [{ name: 'remote.yaml', content }];
  const config = 'workspaces:\n  Default:\n    invites:\n      remote@example.com: {}\n';

  it('needs invites:read to plan them and invites:write to apply them, and answers the links of those it sent', async () => {
    const plain = await h.token(READ);
    expectError(await h.request('POST', '/api/v1/config/plan', { token: plain, body: { files: files(config) } }), 403, 'missing_scope');
    const reader = await h.token([...READ, 'invites:read']);
    const planned = await h.request('POST', '/api/v1/config/plan', { token: reader, body: { files: files(config) } });
    expect(planned.statusCode).toBe(200);
    const { stateFingerprint, changesDigest } = planned.json() as { stateFingerprint: string; changesDigest: string };
    const body = { files: files(config), stateFingerprint, changesDigest };
    expect(expectError(await h.request('POST', '/api/v1/config/apply', { token: reader, body }), 403, 'missing_scope').message).toContain('invites:write');
    const writer = await h.token([...READ, 'invites:read', 'invites:write']);
    const applied = await h.request('POST', '/api/v1/config/apply', { token: writer, body });
    expect(applied.statusCode).toBe(200);
    expect(applied.json().invites).toEqual([{ email: 'remote@example.com', acceptUrl: expect.stringMatching(/\/invite\/tpi_/), sendError: null }]);

    // An export by a credential that may not read invites leaves them out, and says so at the top.
    const narrow = (await h.request('GET', '/api/v1/config/export?workspace=Default', { token: plain })).json().content as string;
    expect(narrow).not.toContain('remote@example.com');
    expect(narrow.split('\n')[0]).toBe('# Left out, as this credential may not read them: invites (invites:read), sso (sso:read).');
    const wider = (await h.request('GET', '/api/v1/config/export?workspace=Default', { token: reader })).json().content as string;
    expect(wider).toContain('remote@example.com');
    expect(wider.split('\n')[0]).toBe('# Left out, as this credential may not read them: sso (sso:read).');
    const whole = (await h.request('GET', '/api/v1/config/export?workspace=Default', { token: await h.token([...READ, 'invites:read', 'sso:read']) })).json().content as string;
    expect(whole).not.toContain('# Left out');
  });
});

describe(`invites of an apply by email on ${testDialect()}`, () => {
  let mailing: Harness;
  let smtp: TestSmtpServer;
  let mailingEngine: ConfigCodeEngine;
  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    mailing = await Harness.start({ smtp: { url: smtp.url, from: 'Toolplane <no-reply@localhost>' } });
    mailingEngine = new ConfigCodeEngine(mailing.runtime.store, mailing.services);
  });
  afterAll(async () => {
    await mailing.close();
    await smtp.close();
  });
  const applyOn = async (text: string) => {
    const desired = mailingEngine.load([{ name: 'mail.yaml', text }]);
    return runAudited({ actorType: 'cli' }, async () => mailingEngine.apply(desired, await mailingEngine.plan(desired), local));
  };

  it('emails each new invite once the apply has committed, and nothing when it rolls back', async () => {
    const { invites } = await applyOn('workspaces:\n  Mail:\n    invites:\n      ann@mail.test: {}\n');
    expect(invites).toEqual([{ email: 'ann@mail.test', sendError: null }]);
    const mails = smtp.to('ann@mail.test');
    expect(mails).toHaveLength(1);
    expect(acceptLinkOf(mails[0]!).token).toMatch(/^tpi_/);

    const failing = [
      'workspaces:', '  Mail:', '    userAttributes: { team: { type: string } }', '    invites:', '      bob@mail.test: {}',
      '    sso: { issuer: "https://login.mail.test", clientId: x, attributeMappings: { dept: team, department: team } }',
    ].join('\n');
    await expect(applyOn(failing)).rejects.toMatchObject({ code: 'invalid_input' });
    expect(smtp.to('bob@mail.test')).toEqual([]);
  });
});
