import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigCodeEngine } from '../../src/config-code/engine.ts';
import type { WorkspaceConfig } from '../../src/config-code/schema.ts';
import type { Actor } from '../../src/core/actor.ts';
import { Harness } from '../helpers/harness.ts';
import { testDialect } from '../helpers/test-database.ts';

let h: Harness;
let engine: ConfigCodeEngine;
const local = (workspaceId: string): Actor => ({ userId: '', email: '', tokenId: null, workspaceId });

beforeAll(async () => {
  h = await Harness.start();
  engine = new ConfigCodeEngine(h.runtime.store, h.services);
});
afterAll(async () => {
  await h.close();
});

/** Contents of the files `${file:...}` references name, by their path: the generated apps' definitions and those exports write. */
const files: Record<string, string> = {};

async function apply(on: ConfigCodeEngine, text: string): Promise<void> {
  const desired = on.load([{ name: 'generated.yaml', text }], { files });
  await on.apply(desired, await on.plan(desired), local);
}
async function changesOf(on: ConfigCodeEngine, text: string) {
  return (await on.plan(on.load([{ name: 'generated.yaml', text }], { files }))).changes;
}

/** A ToolJet export file of the named versions, each with a query of its own and one shared data source. */
function definitionOf(versions: readonly string[], query: string): string {
  const appV2 = {
    id: 'app', name: 'Generated',
    dataQueries: versions.map((version) => ({ id: `q-${version}`, name: 'q', appVersionId: `id-${version}`, options: { query } })),
    dataSources: [{ id: 'shared', name: 'restapidefault', kind: 'restapi' }],
    appVersions: versions.map((version) => ({ id: `id-${version}`, name: version, globalSettings: { label: `${version} ${query}` } })),
  };
  return JSON.stringify({ app: [{ definition: { appV2 } }], tooljet_version: '3.0.0' });
}

const ATTRIBUTES = {
  team: { type: 'string', value: fc.string({ maxLength: 12 }) },
  level: { type: 'number', value: fc.integer({ min: -1000, max: 1000 }) },
  remote: { type: 'boolean', value: fc.boolean() },
  meta: { type: 'json', value: fc.constantFrom({ a: 1 }, [1, 'two'], 'text', { nested: { list: [true, null] } }) },
} as const;
type AttributeName = keyof typeof ATTRIBUTES;

// A name as the file writes it: `${` would start a reference there (a literal one is written `$${`).
const name = fc.string({ minLength: 1, maxLength: 12 }).filter((text) => text.trim() === text && !/[\u0000-\u001f\u007f/]/.test(text) && !text.includes('${'));
const folderTree = fc.letrec((tie) => ({
  tree: fc.dictionary(name, fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constant(null), tie('tree')), { maxKeys: 3 }),
})).tree;

/** A workspace configuration with every kind of object this file knows, internally consistent. */
const workspaceConfig = fc.record({
  environments: fc.uniqueArray(fc.constantFrom('development', 'staging', 'production', 'qa', 'uat'), { maxLength: 5 }),
  defaultIndex: fc.option(fc.nat(4)),
  descriptions: fc.array(fc.string({ maxLength: 20 }), { minLength: 5, maxLength: 5 }),
  colors: fc.array(fc.option(fc.constantFrom('#112233', '#ABCDEF', '#3b82f6')), { minLength: 5, maxLength: 5 }),
  attributes: fc.subarray(Object.keys(ATTRIBUTES) as AttributeName[]),
  groups: fc.uniqueArray(fc.constantFrom('eng', 'ops', 'Support Team', 'sales'), { maxLength: 4 }),
  members: fc.array(fc.record({
    role: fc.constantFrom('admin', 'builder', 'end-user'),
    archived: fc.boolean(),
    firstName: fc.string({ maxLength: 10 }),
    lastName: fc.string({ maxLength: 10 }),
    groupPicks: fc.array(fc.nat(3), { maxLength: 3 }),
    values: fc.record({ team: ATTRIBUTES.team.value, level: ATTRIBUTES.level.value, remote: ATTRIBUTES.remote.value, meta: ATTRIBUTES.meta.value }),
  }), { minLength: 1, maxLength: 6 }),
  groupListsMembers: fc.boolean(),
  scimDefaultRole: fc.constantFrom('admin', 'builder', 'end-user'),
  folders: fc.record({ app: folderTree, resource: folderTree }),
  resources: fc.uniqueArray(fc.record({
    name: fc.constantFrom('Warehouse', 'Billing API', 'cache'),
    type: fc.constantFrom('postgresql', 'restapi'),
    folder: fc.option(fc.nat(20)),
    options: fc.dictionary(fc.constantFrom('host', 'port', 'url', 'ssl'), fc.oneof(fc.string({ maxLength: 8 }), fc.constant('$${not a reference}'), fc.integer(), fc.boolean()), { maxKeys: 3 }),
    secrets: fc.subarray(['password', 'token']),
    inProduction: fc.option(fc.record({ host: fc.string({ maxLength: 8 }), secret: fc.boolean() })),
  }), { maxLength: 3, selector: (resource) => resource.name }),
  apps: fc.uniqueArray(fc.record({
    name: fc.constantFrom('Orders', 'Payroll', 'Admin desk'),
    folder: fc.option(fc.nat(20)),
    description: fc.string({ maxLength: 12 }),
    versions: fc.uniqueArray(fc.constantFrom('v1', 'v2', 'v3'), { minLength: 1, maxLength: 3 }),
    query: fc.string({ maxLength: 10 }),
  }), { maxLength: 2, selector: (app) => app.name }),
  grants: fc.array(fc.record({ toGroup: fc.boolean(), subject: fc.nat(5), folder: fc.nat(20), level: fc.constantFrom('use', 'edit', 'own') }), { maxLength: 4 }),
  invites: fc.array(fc.record({
    external: fc.boolean(),
    role: fc.constantFrom('admin', 'builder', 'end-user'),
    groupPicks: fc.array(fc.nat(3), { maxLength: 2 }),
    values: fc.record({ team: ATTRIBUTES.team.value, level: ATTRIBUTES.level.value }),
  }), { maxLength: 3 }),
  sso: fc.option(fc.record({ mapGroup: fc.boolean(), mapAttribute: fc.boolean(), jit: fc.boolean(), passwordLoginAllowed: fc.boolean(), secret: fc.boolean() })),
});

function folderPaths(tree: Record<string, unknown> | null, prefix: string): string[] {
  return Object.entries(tree ?? {}).flatMap(([folder, children]) => [
    `${prefix}/${folder}`, ...folderPaths(children as Record<string, unknown> | null, `${prefix}/${folder}`),
  ]);
}

let run = 0;

process.env.SECRET = 'generated secret';

/** Gives each environment variable an export names the generated secrets' value. */
function setExportedSecrets(exported: string): void {
  for (const [, name] of exported.matchAll(/\$\{env:([A-Z0-9_]+)\}/g)) process.env[name!] = process.env.SECRET;
}

function toFile(workspace: string, config: WorkspaceConfig): string {
  return stringify({ workspaces: { [workspace]: config } });
}

function sample(input: typeof workspaceConfig extends fc.Arbitrary<infer T> ? T : never, tag: string): WorkspaceConfig {
  const emails = input.members.map((_, index) => `u${index}-${tag}@example.com`);
  const config: WorkspaceConfig = {
    emailDomains: ['example.com'],
    scimDefaultRole: input.scimDefaultRole,
    environments: Object.fromEntries(input.environments.map((environment, index) => [environment, {
      description: input.descriptions[index]!, color: input.colors[index] ?? null,
      ...(input.defaultIndex === index ? { default: true } : {}),
    }])),
    userAttributes: Object.fromEntries(input.attributes.map((attribute) => [attribute, { type: ATTRIBUTES[attribute].type }])),
    groups: Object.fromEntries(input.groups.map((group, index) => [group, input.groupListsMembers
      ? { members: emails.filter((_, member) => input.members[member]!.groupPicks.includes(index)) }
      : {}])),
    members: Object.fromEntries(input.members.map((member, index) => {
      // The first member is the workspace's active admin, so no rule refuses the others.
      const role = index === 0 ? 'admin' : member.role;
      const archived = index > 0 && member.archived && role !== 'admin';
      return [emails[index]!, {
        role, firstName: member.firstName, lastName: member.lastName,
        ...(archived ? { status: 'archived' as const } : {}),
        groups: input.groupListsMembers ? undefined : [...new Set(member.groupPicks)].flatMap((pick) => input.groups[pick] ?? []),
        attributes: Object.fromEntries(input.attributes.map((attribute) => [attribute, member.values[attribute]])),
      }];
    })),
    folders: input.folders as WorkspaceConfig['folders'],
  };
  // Grants on the generated folders: to a group at `use` (it may hold end users), to a member at their level unless an end user.
  const folders = [...folderPaths(input.folders.app, 'app:'), ...folderPaths(input.folders.resource, 'resource:')];
  const grants = new Map<string, NonNullable<WorkspaceConfig['permissions']>[number]>();
  for (const grant of input.grants) {
    const folder = folders[grant.folder % Math.max(folders.length, 1)];
    const group = input.groups[grant.subject % Math.max(input.groups.length, 1)];
    const member = grant.subject % input.members.length;
    if (folder === undefined || (grant.toGroup && group === undefined)) continue;
    const endUser = member > 0 && input.members[member]!.role === 'end-user';
    const entry = grant.toGroup
      ? { group: group!, folder, level: 'use' as const }
      : { member: emails[member]!, folder, level: endUser ? 'use' as const : grant.level };
    grants.set(JSON.stringify([entry.group ?? entry.member, folder]), entry);
  }
  if (grants.size > 0) config.permissions = [...grants.values()];
  // Resources, in generated resource folders or at the top; every secret is SECRET's value.
  const resourceFolders = folderPaths(input.folders.resource, '');
  // Apps, in generated app folders or at the top, each from a generated export file.
  const appFolders = folderPaths(input.folders.app, '');
  if (input.apps.length > 0) {
    config.apps = Object.fromEntries(input.apps.map((app) => {
      const file = `definitions/${tag}/${app.name}.json`;
      files[file] = definitionOf(app.versions, app.query);
      return [app.name, {
        folder: app.folder === null || appFolders.length === 0 ? null : appFolders[app.folder % appFolders.length]!.slice(1),
        description: app.description, definition: `\${file:${file}}`,
      }];
    }));
  }
  if (input.resources.length > 0) {
    config.resources = Object.fromEntries(input.resources.map((resource) => [resource.name, {
      type: resource.type,
      folder: resource.folder === null || resourceFolders.length === 0 ? null : resourceFolders[resource.folder % resourceFolders.length]!.slice(1),
      options: resource.options,
      secrets: Object.fromEntries(resource.secrets.map((secret) => [secret, '${env:SECRET}'])),
      ...(resource.inProduction === null ? {} : {
        environments: { production: { options: { host: resource.inProduction.host }, ...(resource.inProduction.secret ? { secrets: { password: '${env:SECRET}' } } : {}) } },
      }),
    }]));
  }
  // Invites, of this domain or another (an external invitee joins as end-user), into generated groups.
  if (input.invites.length > 0) {
    config.invites = Object.fromEntries(input.invites.map((invite, index) => [`i${index}-${tag}@${invite.external ? 'guest.test' : 'example.com'}`, {
      role: invite.external ? 'end-user' : invite.role,
      groups: [...new Set(invite.groupPicks)].flatMap((pick) => input.groups[pick] ?? []),
      attributes: Object.fromEntries(input.attributes.filter((attribute) => attribute in invite.values).map((attribute) => [attribute, invite.values[attribute as 'team']])),
    }]));
  }
  // Single sign-on, mapping a claim value to the first group and a claim to the first attribute; its secret is SECRET's value.
  if (input.sso) {
    const group = input.sso.mapGroup ? input.groups[0] : undefined;
    const attribute = input.sso.mapAttribute ? input.attributes[0] : undefined;
    config.sso = {
      issuer: 'https://login.example.com', clientId: `client-${tag}`, clientSecret: input.sso.secret ? '${env:SECRET}' : null,
      groupsClaim: group === undefined ? null : 'groups', groupMappings: group === undefined ? {} : { staff: [group] },
      attributeMappings: attribute === undefined ? {} : { claim: attribute }, allowedDomains: ['example.com'],
      jitEnabled: input.sso.jit, passwordLoginAllowed: input.sso.passwordLoginAllowed,
    };
  }
  return JSON.parse(JSON.stringify(config)) as WorkspaceConfig;
}

describe(`configuration round trips on ${testDialect()}`, () => {
  it('applies any generated configuration so that planning it again shows no changes, and exports it as it was', async () => {
    await fc.assert(fc.asyncProperty(workspaceConfig, async (input) => {
      run += 1;
      const original = `generated ${run}`;
      const text = toFile(original, sample(input, String(run)));
      await apply(engine, text);
      expect(await changesOf(engine, text)).toEqual([]);

      // Export (with the apps' definitions), then apply the export as a new workspace: same objects, same file.
      const { content: exported, files: definitions } = await engine.exportWithDefinitions(original);
      Object.assign(files, definitions);
      setExportedSecrets(exported);
      const copy = `${original} copy`;
      const renamed = exported.replace(`  ${JSON.stringify(original).slice(1, -1)}:`, `  ${copy}:`);
      expect(renamed).not.toBe(exported);
      await apply(engine, renamed);
      expect(await changesOf(engine, renamed)).toEqual([]);
      const variable = (workspace: string) => `TOOLPLANE_${workspace.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_`;
      const definitionsOf = (workspace: string) => `apps/${workspace.toLowerCase().replace(/[^a-z0-9]+/g, '-')}/`;
      const copied = await engine.exportWithDefinitions(copy);
      expect(copied.content).toBe(renamed.replaceAll(variable(original), variable(copy)).replaceAll(definitionsOf(original), definitionsOf(copy)));
      expect(Object.keys(copied.files)).toHaveLength(input.apps.length);
    }), { numRuns: 12, endOnFailure: true });
  }, 90_000);

  it('exports folders named as properties every object inherits', async () => {
    const text = 'workspaces:\n  Inherited names:\n    folders:\n      app:\n        constructor:\n          valueOf:\n        toString:\n';
    await apply(engine, text);
    const exported = await engine.export('Inherited names');
    expect(exported).toContain('    folders:\n      app:\n        constructor:\n          valueOf: null\n        toString: null\n');
    expect(await changesOf(engine, exported)).toEqual([]);
  });

  it('exports a whole instance so that applying it to an empty instance plans no changes after', async () => {
    const { content: exported, files: definitions } = await engine.exportWithDefinitions();
    Object.assign(files, definitions);
    const empty = await Harness.start();
    try {
      const other = new ConfigCodeEngine(empty.runtime.store, empty.services);
      setExportedSecrets(exported);
      expect((await changesOf(other, exported)).length).toBeGreaterThan(0);
      await apply(other, exported);
      expect(await changesOf(other, exported)).toEqual([]);
    } finally {
      await empty.close();
    }
  }, 60_000);
});
