import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigCodeEngine } from '../../src/config-code/engine.ts';
import type { Change } from '../../src/config-code/plan.ts';
import { ConfigFileError } from '../../src/config-code/source.ts';
import type { Actor } from '../../src/core/actor.ts';
import { runAudited } from '../../src/core/audit.ts';
import { DomainError } from '../../src/core/errors.ts';
import { fromJson } from '../../src/db/rows.ts';
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

const load = (text: string, vars?: Record<string, string>) => engine.load([{ name: 'team.yaml', text }], { vars });
const planOf = (text: string) => engine.plan(load(text));
async function apply(text: string): Promise<string> {
  const desired = load(text);
  return (await runAudited({ actorType: 'cli' }, async () => engine.apply(desired, await engine.plan(desired), local))).applyId;
}
const brief = (changes: Change[]) => changes.map((change) => `${change.kind} ${change.object} ${change.key}`);
async function workspaceId(name: string): Promise<string> {
  return (await h.runtime.database.db.selectFrom('workspaces').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
}
async function counts(workspace: string) {
  const id = await workspaceId(workspace);
  const db = h.runtime.database.db;
  const count = async (table: 'groups' | 'memberships' | 'folders' | 'environments' | 'user_attribute_definitions') =>
    (await db.selectFrom(table).select('workspace_id').where('workspace_id', '=', id).execute()).length;
  return { groups: await count('groups'), members: await count('memberships'), folders: await count('folders'),
    environments: await count('environments'), attributes: await count('user_attribute_definitions') };
}

const TEAM = `
workspaces:
  Team:
    emailDomains: [Example.com]
    environments:
      staging: { description: Pre-release }
      qa: { color: "#AABBCC" }
    userAttributes:
      team: { type: string, label: Team }
      level: { type: number, default: 1 }
    groups:
      engineering: { members: [ada@example.com] }
      support:
    members:
      Ada@Example.com: { role: admin, firstName: Ada, lastName: Lovelace, attributes: { team: core, level: 3 } }
      grace@example.com: { role: builder, groups: [support] }
      linus@example.com: { status: archived }
    folders:
      app:
        Finance:
          Reports:
      resource:
        Databases: {}
`;

describe(`configuration as code on ${testDialect()}`, () => {
  it('plans every kind of object for a new workspace, and applying it leaves nothing to plan', async () => {
    const plan = await planOf(TEAM);
    expect(brief(plan.changes)).toEqual([
      'create workspace Team',
      'create environment qa',
      'create userAttribute team',
      'create userAttribute level',
      'create group engineering',
      'create group support',
      'create member Ada@Example.com',
      'create member grace@example.com',
      'create member linus@example.com',
      'create folder app:/Finance',
      'create folder resource:/Databases',
      'create folder app:/Finance/Reports',
      'update environment staging',
    ]);
    expect(plan.changes.find((change) => change.key === 'staging')!.fields).toEqual([{ field: 'description', from: '', to: 'Pre-release' }]);
    expect(plan.changes.find((change) => change.key === 'engineering')!.fields).toEqual([{ field: 'members', added: ['Ada@Example.com'] }]);
    expect(plan.changes.find((change) => change.key === 'linus@example.com')!.fields).toEqual([
      { field: 'role', to: 'end-user' }, { field: 'status', to: 'archived' },
    ]);
    expect(plan.summary).toEqual({ create: 12, update: 1, delete: 0 });

    await apply(TEAM);
    const again = await planOf(TEAM);
    expect(again.changes).toEqual([]);
    const team = await h.services.users.list(local(await workspaceId('Team')), { page: 1, pageSize: 10 });
    expect(team.items.map((user) => [user.email, user.role, user.membershipStatus, user.groups.map((group) => group.name)]).sort()).toEqual([
      ['Ada@Example.com', 'admin', 'active', ['engineering']],
      ['grace@example.com', 'builder', 'active', ['support']],
      ['linus@example.com', 'end-user', 'archived', []],
    ]);
  });

  it('shows updates old → new per field and leaves out what the file does not mention', async () => {
    const plan = await planOf(`
workspaces:
  Team:
    twoFactorRequired: true
    scimDefaultRole: builder
    environments:
      qa: { default: true }
    userAttributes:
      level: { type: number, label: Level, default: null }
    members:
      ada@example.com: { lastName: Byron, attributes: { team: core } }
      grace@example.com: { role: admin, groups: [] }
`);
    expect(plan.changes.map((change) => [change.kind, change.object, change.key, change.fields])).toEqual([
      ['update', 'workspace', 'Team', [
        { field: 'twoFactorRequired', from: false, to: true }, { field: 'scimDefaultRole', from: 'end-user', to: 'builder' },
      ]],
      ['update', 'environment', 'qa', [{ field: 'default', from: false, to: true }]],
      ['update', 'userAttribute', 'level', [{ field: 'label', from: 'level', to: 'Level' }, { field: 'default', from: 1, to: null }]],
      ['update', 'group', 'support', [{ field: 'members', removed: ['grace@example.com'] }]],
      ['update', 'member', 'Ada@Example.com', [
        { field: 'lastName', from: 'Lovelace', to: 'Byron' }, { field: 'attributes', from: { team: 'core', level: 3 }, to: { team: 'core' } },
      ]],
      ['update', 'member', 'grace@example.com', [{ field: 'role', from: 'builder', to: 'admin' }]],
    ]);
  });

  it('sets the SCIM default role of a new and of an existing workspace through the workspace service', async () => {
    const text = 'workspaces:\n  Provisioned:\n    scimDefaultRole: admin\n';
    expect((await planOf(text)).changes).toMatchObject([{ kind: 'create', object: 'workspace', fields: [{ field: 'scimDefaultRole', to: 'admin' }] }]);
    const applyId = await apply(text);
    const id = await workspaceId('Provisioned');
    expect((await h.services.workspaces.getSettings(local(id), id)).scimDefaultRole).toBe('admin');
    expect((await planOf(text)).changes).toEqual([]);
    await apply('workspaces:\n  Provisioned:\n    scimDefaultRole: end-user\n');
    expect((await h.services.workspaces.getSettings(local(id), id)).scimDefaultRole).toBe('end-user');
    const events = await h.runtime.database.db.selectFrom('audit_events').select('changes').where('request_id', '=', applyId)
      .where('action', '=', 'workspace.updated').execute();
    expect(events.map((event) => fromJson(event.changes))).toEqual([{ scimDefaultRole: 'admin' }]);
    expect(() => load('workspaces:\n  Provisioned:\n    scimDefaultRole: owner\n'))
      .toThrow('team.yaml:3:22: workspaces.Provisioned.scimDefaultRole must be one of "admin", "builder", "end-user"');
  });

  it('deletes only in the sections a workspace prunes, deletions first', async () => {
    const plan = await planOf(`
workspaces:
  Team:
    prune: [groups, folders]
    groups:
      engineering: { members: [ada@example.com] }
    folders:
      app:
        Finance: {}
`);
    expect(brief(plan.changes)).toEqual(['delete group support', 'delete folder app:/Finance/Reports', 'delete folder resource:/Databases']);
    const id = await apply(`
workspaces:
  Team:
    prune: [groups, folders]
    groups:
      engineering: { members: [ada@example.com] }
    folders:
      app:
        Finance: {}
`);
    expect(id).toMatch(/^apply_/);
    expect(await counts('Team')).toMatchObject({ groups: 1, folders: 1, members: 3, environments: 4, attributes: 2 });
  });

  it('prunes environments and user attributes, with their values, but never the default environment', async () => {
    const text = `
workspaces:
  Team:
    prune: [environments, userAttributes]
    environments:
      production: {}
      staging: {}
      qa: {}
    userAttributes:
      team: { type: string }
`;
    expect(brief((await planOf(text)).changes)).toEqual(['delete environment development', 'delete userAttribute level']);
    await apply(text);
    expect(await counts('Team')).toMatchObject({ environments: 3, attributes: 1 });
    const ada = (await h.services.users.list(local(await workspaceId('Team')), { page: 1, pageSize: 10 })).items
      .find((user) => user.email === 'Ada@Example.com')!;
    expect(ada.attributes).toEqual({ team: 'core' });

    const error = await planOf('workspaces:\n  Team:\n    prune: [environments]\n    environments:\n      qa: {}\n').catch((caught: unknown) => caught);
    expect((error as ConfigFileError).message).toBe('team.yaml:2:3: environment "production" is the default and cannot be pruned; declare it, or make another one the default');
  });

  it('tags every audit event of an apply with its id', async () => {
    const applyId = await apply('workspaces:\n  Team:\n    groups:\n      audited: { members: [grace@example.com] }\n');
    const events = await h.runtime.database.db.selectFrom('audit_events').select(['action', 'actor_type']).where('request_id', '=', applyId).execute();
    expect(events.map((event) => event.action).sort()).toEqual(['group.created', 'group.member_added']);
    expect(events.every((event) => event.actor_type === 'cli')).toBe(true);
  });

  it('changes nothing when a change in the middle of an apply is refused', async () => {
    const before = await counts('Team');
    const text = `
workspaces:
  Team:
    prune: [members]
    userAttributes:
      office: { type: string }
    groups:
      newcomers: { members: [new@example.com] }
    members:
      new@example.com: { role: builder }
    folders:
      workflow:
        Nightly: {}
`;
    // Pruning members removes every admin, which the core refuses after the creations ran.
    const plan = await planOf(text);
    expect(brief(plan.changes)).toContain('delete member Ada@Example.com');
    await expect(apply(text)).rejects.toMatchObject({ code: 'last_admin' });
    expect(await counts('Team')).toEqual(before);
  });

  it('refuses to apply a plan made against a state that has changed since', async () => {
    const desired = load('workspaces:\n  Team:\n    groups:\n      late: {}\n');
    const plan = await engine.plan(desired);
    await h.services.groups.create(local(await workspaceId('Team')), 'someone-else');
    const error = await engine.apply(desired, plan, local).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'config_state_changed' });
    expect((await counts('Team')).groups).toBe(3);
  });

  it('refuses a saved plan the file no longer makes', async () => {
    const plan = await planOf('workspaces:\n  Team:\n    groups:\n      one: {}\n');
    const other = load('workspaces:\n  Team:\n    groups:\n      two: {}\n');
    await expect(engine.apply(other, plan, local)).rejects.toMatchObject({ code: 'config_state_changed' });
  });

  it('reports references to unknown groups, members and attributes with their place in the file', async () => {
    const error = await planOf(`
workspaces:
  Team:
    environments:
      production: { default: false }
    userAttributes:
      team: { type: number }
    groups:
      ghosts: { members: [nobody@example.com] }
    members:
      grace@example.com: { groups: [no-such-group], attributes: { shoe_size: 42, team: "high" } }
`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigFileError);
    expect((error as ConfigFileError).message.split('\n')).toEqual([
      'team.yaml:5:7: environment "production" is the default; say default: true on the environment to take its place',
      'team.yaml:7:7: user attribute "team" is a string; its type is fixed once it exists (delete it first to change it)',
      'team.yaml:9:7: group "ghosts" names nobody@example.com, who is not a member of the workspace nor declared under members',
      'team.yaml:11:7: member grace@example.com names group "no-such-group", which neither exists nor is declared under groups',
      'team.yaml:11:7: member grace@example.com has a value for "shoe_size", which is not a user attribute of the workspace',
      'team.yaml:11:7: member grace@example.com: the value of "team" must be a number',
    ]);
  });

  it('exports a workspace as a file that plans no changes against it', async () => {
    const text = await engine.export('Team');
    expect(text).toContain('Ada@Example.com:');
    expect((await planOf(text)).changes).toEqual([]);
    await expect(engine.export('Nowhere')).rejects.toMatchObject({ code: 'workspace_not_found' });
  });

  it('an apply racing an API write of the same object either wins whole or changes nothing', async () => {
    const team = await workspaceId('Team');
    const text = `
workspaces:
  Team:
    groups:
      racing: { members: [grace@example.com] }
    members:
      racer@example.com: { role: builder, groups: [racing] }
`;
    const desired = load(text);
    const plan = await engine.plan(desired);
    const [applied, written] = await Promise.allSettled([
      runAudited({ actorType: 'cli' }, () => engine.apply(desired, plan, local)),
      h.services.groups.create(local(team), 'racing'),
    ]);
    expect([applied.status, written.status].sort()).toEqual(['fulfilled', 'rejected']);
    const racer = await h.runtime.database.db.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id')
      .select('users.email').where('memberships.workspace_id', '=', team).where('users.email', '=', 'racer@example.com').execute();
    if (applied.status === 'fulfilled') {
      expect(racer).toHaveLength(1);
      expect((written as PromiseRejectedResult).reason).toMatchObject({ code: 'group_name_taken' });
    } else {
      // The API's group came first: the apply changed nothing, and planning again starts from that group.
      expect((applied as PromiseRejectedResult).reason).toMatchObject({ code: expect.stringMatching(/^(config_state_changed|group_name_taken)$/) });
      expect(racer).toEqual([]);
      expect(brief((await planOf(text)).changes)).toEqual(['create member racer@example.com', 'update group racing']);
    }
  });
});
