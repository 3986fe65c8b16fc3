import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigCodeEngine } from '../../src/config-code/engine.ts';
import { renderPlan } from '../../src/config-code/render.ts';
import { configJsonSchema } from '../../src/config-code/schema.ts';
import { ConfigFileError } from '../../src/config-code/source.ts';
import type { Actor } from '../../src/core/actor.ts';
import { runAudited } from '../../src/core/audit.ts';
import type { Scope } from '../../src/core/scopes.ts';
import { expectError } from '../helpers/expect-error.ts';
import { Harness } from '../helpers/harness.ts';
import { testDialect } from '../helpers/test-database.ts';

let h: Harness;
let engine: ConfigCodeEngine;
const local = (workspaceId: string): Actor => ({ userId: '', email: '', tokenId: null, workspaceId });
const env: Record<string, string> = { SSO_SECRET: 'first-client-secret' };

const load = (text: string) => engine.load([{ name: 'sso.yaml', text }], { env });
const planOf = async (text: string) => engine.plan(load(text));
async function apply(text: string): Promise<string> {
  const desired = load(text);
  return (await runAudited({ actorType: 'cli' }, async () => engine.apply(desired, await engine.plan(desired), local))).applyId;
}
async function problemsOf(text: string): Promise<string[]> {
  const error = await planOf(text).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ConfigFileError);
  return (error as ConfigFileError).message.split('\n');
}
async function ssoOf(workspace: string) {
  const id = (await h.runtime.database.db.selectFrom('workspaces').select('id').where('name', '=', workspace).executeTakeFirstOrThrow()).id;
  return h.services.sso.get(local(id)).catch(() => null);
}

/** A workspace of that name whose single sign-on maps a claim to a group it declares. */
const signOn = (name: string) => `
workspaces:
  ${name}:
    userAttributes:
      team: { type: string }
    groups:
      engineering: {}
    sso:
      issuer: https://login.example.com
      clientId: toolplane
      clientSecret: \${env:SSO_SECRET}
      groupsClaim: groups
      groupMappings: { eng: [engineering] }
      attributeMappings: { department: team }
      allowedDomains: [Example.com]
      jitEnabled: true
      passwordLoginAllowed: false
`;

beforeAll(async () => {
  h = await Harness.start();
  engine = new ConfigCodeEngine(h.runtime.store, h.services);
});
afterAll(async () => {
  await h.close();
});

describe(`single sign-on in the configuration file on ${testDialect()}`, () => {
  it('plans and applies the settings with mappings to groups the file makes, the secret only as (changed)', async () => {
    const config = signOn('Sso');
    const plan = await planOf(config);
    const sso = plan.changes.find((change) => change.object === 'sso')!;
    expect(sso).toMatchObject({ kind: 'create', key: 'Sso' });
    expect(sso.fields).toContainEqual({ field: 'allowedDomains', to: ['example.com'] });
    expect(sso.fields).toContainEqual({ field: 'scopes', to: ['openid', 'email', 'profile'] });
    expect(sso.fields.at(-1)).toEqual({ field: 'clientSecret', secret: 'changed' });
    expect(renderPlan(plan)).toContain('  + single sign-on "Sso"  (sso.yaml:8:5)');
    expect(JSON.stringify(plan)).not.toContain('first-client-secret');

    const applyId = await apply(config);
    expect(await ssoOf('Sso')).toMatchObject({
      issuer: 'https://login.example.com', clientId: 'toolplane', clientSecretSet: true, groupsClaim: 'groups',
      groupMappings: { eng: ['engineering'] }, attributeMappings: { department: 'team' }, allowedDomains: ['example.com'],
      jitEnabled: true, jitRole: 'end-user', passwordLoginAllowed: false,
    });
    const events = await h.runtime.database.db.selectFrom('audit_events').select(['action', 'changes']).where('request_id', '=', applyId).where('action', '=', 'sso.configured').execute();
    expect(events).toHaveLength(1);
    expect(String(events[0]!.changes)).not.toContain('first-client-secret');
    expect((await planOf(config)).changes).toEqual([]);
  });

  it('changes only the fields the file gives, and the secret when its value changes', async () => {
    await apply(signOn('Sso change'));
    env.SSO_SECRET = 'second-client-secret';
    try {
      const partial = 'workspaces:\n  Sso change:\n    sso:\n      clientSecret: ${env:SSO_SECRET}\n      jitRole: builder\n';
      const plan = await planOf(partial);
      expect(plan.changes.map(({ kind, fields }) => ({ kind, fields }))).toEqual([{
        kind: 'update', fields: [{ field: 'jitRole', from: 'end-user', to: 'builder' }, { field: 'clientSecret', secret: 'changed' }],
      }]);
      expect(renderPlan(plan)).toContain('      clientSecret: (changed)');
      await apply(partial);
      expect(await ssoOf('Sso change')).toMatchObject({ jitRole: 'builder', passwordLoginAllowed: false, groupMappings: { eng: ['engineering'] } });
      expect((await planOf(partial)).changes).toEqual([]);

      const publicClient = 'workspaces:\n  Sso change:\n    sso: { clientSecret: null }\n';
      expect((await planOf(publicClient)).changes[0]!.fields).toEqual([{ field: 'clientSecret', secret: 'removed' }]);
      await apply(publicClient);
      expect((await ssoOf('Sso change'))!.clientSecretSet).toBe(false);
    } finally {
      env.SSO_SECRET = 'first-client-secret';
    }
  });

  it('removes the configuration the file leaves out only with prune: [sso]', async () => {
    await apply(signOn('Sso prune'));
    const without = 'workspaces:\n  Sso prune:\n    groups: { engineering: {} }\n';
    expect((await planOf(without)).changes).toEqual([]);
    const pruning = `${without}    prune: [sso]\n`;
    expect((await planOf(pruning)).changes.map(({ kind, object, key }) => [kind, object, key])).toEqual([['delete', 'sso', 'Sso prune']]);
    await apply(pruning);
    expect(await ssoOf('Sso prune')).toBeNull();
  });

  it('refuses a written-out secret, a new configuration without issuer, unknown groups and attributes, each at its line', async () => {
    expect(await problemsOf('workspaces:\n  Sso bad:\n    sso:\n      issuer: https://login.example.com\n      clientId: x\n      clientSecret: hunter2\n'))
      .toEqual(['sso.yaml:6:21: clientSecret must be an ${env:NAME} or ${file:path} reference, never the secret itself']);
    expect(await problemsOf('workspaces:\n  Sso bad:\n    sso: { clientId: x }\n'))
      .toEqual(['sso.yaml:3:5: sso is new to the workspace, so it needs an issuer and a clientId']);
    expect(await problemsOf('workspaces:\n  Sso bad:\n    sso: { issuer: "http://login.example.com", clientId: x }\n'))
      .toEqual(['sso.yaml:3:5: sso issuer: must be an https URL (plain http only for a loopback address such as 127.0.0.1)']);
    expect(await problemsOf([
      'workspaces:', '  Sso bad:', '    sso:', '      issuer: https://login.example.com', '      clientId: x', '      groupsClaim: groups',
      '      groupMappings: { eng: [nobody] }', '      attributeMappings: { department: shoe }',
    ].join('\n'))).toEqual([
      'sso.yaml:3:5: sso maps "eng" to group "nobody", which neither exists nor is declared under groups',
      'sso.yaml:3:5: sso fills user attribute "shoe" from claim department, but the workspace has no such attribute nor declares it',
    ]);
  });

  it('exports the settings with the secret as an environment variable it lists, and the export round-trips', async () => {
    await apply(signOn('Sso export'));
    const exported = await engine.export('Sso export');
    expect(exported.split('\n').slice(0, 2)).toEqual([
      '# Secrets are read from these environment variables when the file is planned:', '#   TOOLPLANE_SSO_EXPORT_SSO_CLIENT_SECRET',
    ]);
    expect(exported).toContain('      clientSecret: ${env:TOOLPLANE_SSO_EXPORT_SSO_CLIENT_SECRET}\n');
    env.TOOLPLANE_SSO_EXPORT_SSO_CLIENT_SECRET = 'first-client-secret';
    expect((await planOf(exported)).changes).toEqual([]);
    const copy = exported.replace(/^ {2}Sso export:$/m, '  Sso copy:');
    await apply(copy);
    expect((await planOf(copy)).changes).toEqual([]);
    expect(await ssoOf('Sso copy')).toMatchObject({ clientSecretSet: true, groupMappings: { eng: ['engineering'] }, passwordLoginAllowed: false });
  });

  it('is in the JSON Schema, with invites', () => {
    type Node = { properties: Record<string, Node>; patternProperties: Record<string, Node>; anyOf: Node[] };
    const entry = (record: Node) => Object.values(record.patternProperties)[0]!;
    const workspace = entry((configJsonSchema() as unknown as Node).properties.workspaces!).anyOf[1]!.properties;
    expect(Object.keys(workspace.sso!.properties)).toEqual([
      'issuer', 'clientId', 'clientSecret', 'scopes', 'groupsClaim', 'groupMappings', 'attributeMappings', 'allowedDomains', 'jitEnabled', 'jitRole', 'passwordLoginAllowed',
    ]);
    expect(Object.keys(entry(workspace.invites!).anyOf[1]!.properties)).toEqual(['role', 'groups', 'attributes', 'expiresInDays']);
  });
});

describe(`single sign-on over the native API on ${testDialect()}`, () => {
  const READ: Scope[] = ['workspaces:read', 'environments:read', 'users:read', 'groups:read', 'folders:read', 'apps:read', 'resources:read', 'permissions:read'];
  const config = 'workspaces:\n  Default:\n    sso: { issuer: "https://login.example.com", clientId: remote, clientSecret: "${env:REMOTE_SECRET}" }\n';
  const files = [{ name: 'remote.yaml', content: config }];

  it('needs sso:read to plan it and sso:write to apply it; an admin session may, a builder\'s may not', async () => {
    expectError(await h.request('POST', '/api/v1/config/plan', { token: await h.token(READ), body: { files, env: { REMOTE_SECRET: 's' } } }), 403, 'missing_scope');
    const reader = await h.token([...READ, 'sso:read']);
    const planned = await h.request('POST', '/api/v1/config/plan', { token: reader, body: { files, env: { REMOTE_SECRET: 's' } } });
    expect(planned.statusCode).toBe(200);
    expect(JSON.stringify(planned.json())).not.toContain('"s"');
    const { stateFingerprint, changesDigest } = planned.json() as { stateFingerprint: string; changesDigest: string };
    const body = { files, env: { REMOTE_SECRET: 's' }, stateFingerprint, changesDigest };
    expect(expectError(await h.request('POST', '/api/v1/config/apply', { token: reader, body }), 403, 'missing_scope').message).toContain('sso:write');
    expect(await ssoOf('Default')).toBeNull();
    const writer = await h.token([...READ, 'sso:read', 'sso:write']);
    expect((await h.request('POST', '/api/v1/config/apply', { token: writer, body })).statusCode).toBe(200);
    expect(await ssoOf('Default')).toMatchObject({ clientId: 'remote', clientSecretSet: true });
  });
});
