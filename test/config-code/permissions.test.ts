import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigCodeEngine } from '../../src/config-code/engine.ts';
import type { Change } from '../../src/config-code/plan.ts';
import { renderPlan } from '../../src/config-code/render.ts';
import { ConfigFileError } from '../../src/config-code/source.ts';
import type { Actor } from '../../src/core/actor.ts';
import { runAudited } from '../../src/core/audit.ts';
import { Harness } from '../helpers/harness.ts';
import { testDialect } from '../helpers/test-database.ts';

let h: Harness;
let engine: ConfigCodeEngine;
let workspaceId: string;
const local = (id: string): Actor => ({ userId: '', email: '', tokenId: null, workspaceId: id });

const load = (text: string) => engine.load([{ name: 'grants.yaml', text }]);
const planOf = (text: string) => engine.plan(load(text));
async function apply(text: string): Promise<string> {
  const desired = load(text);
  return (await runAudited({ actorType: 'cli' }, async () => engine.apply(desired, await engine.plan(desired), local))).applyId;
}
async function problemsOf(text: string): Promise<string[]> {
  try {
    await planOf(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigFileError);
    return (error as ConfigFileError).message.split('\n');
  }
  return [];
}
const brief = (changes: Change[]) => changes.map((change) => `${change.kind} ${change.object} ${change.key}`);
const withPermissions = (lines: string, prune = '') => `workspaces:\n  Grants:\n${prune}    permissions:\n${lines}`;
async function grants() {
  const rows = await h.runtime.database.db.selectFrom('permission_grants').select(['subject_type', 'object_type', 'access_level'])
    .where('workspace_id', '=', workspaceId).execute();
  return rows.map((row) => `${row.subject_type} ${row.object_type} ${row.access_level}`).sort();
}

beforeAll(async () => {
  h = await Harness.start();
  engine = new ConfigCodeEngine(h.runtime.store, h.services);
  await apply(`
workspaces:
  Grants:
    groups:
      eng: { members: [ada@example.com, grace@example.com] }
      viewers: { members: [eve@example.com] }
    members:
      ada@example.com: { role: admin }
      grace@example.com: { role: builder }
      eve@example.com: { role: end-user }
    folders:
      app:
        Finance:
          Reports:
`);
  workspaceId = (await h.runtime.database.db.selectFrom('workspaces').select('id').where('name', '=', 'Grants').executeTakeFirstOrThrow()).id;
  const actor = await h.actor(workspaceId);
  await h.services.apps.create(actor, { name: 'Payroll' });
  await h.services.apps.create(actor, { name: 'Twin' });
  await h.services.apps.create(actor, { name: 'Twin' });
  await h.services.resources.create(actor, { name: 'Warehouse', type: 'postgresql' });
  await h.services.workflows.create(actor, { name: 'Nightly' });
});
afterAll(async () => {
  await h.close();
});

const FOUR = `      - { group: eng, app: Payroll, level: edit }
      - { member: Grace@Example.com, folder: "app:/Finance/Reports", level: own }
      - { group: viewers, resource: Warehouse, level: use }
      - { member: grace@example.com, workflow: Nightly, level: use }
`;

describe(`permissions in the configuration file on ${testDialect()}`, () => {
  it('plans grants by natural keys, applies them through the permission service, and plans nothing after', async () => {
    const plan = await planOf(withPermissions(FOUR));
    expect(brief(plan.changes)).toEqual([
      'create permission group "eng" on app "Payroll"',
      'create permission member Grace@Example.com on folder app:/Finance/Reports',
      'create permission group "viewers" on resource "Warehouse"',
      'create permission member grace@example.com on workflow "Nightly"',
    ]);
    expect(plan.changes[0]!.fields).toEqual([{ field: 'level', to: 'edit' }]);
    expect(renderPlan(plan)).toContain('  + permission group "eng" on app "Payroll"  (grants.yaml:4:9)\n      level: "edit"');
    const applyId = await apply(withPermissions(FOUR));
    expect(await grants()).toEqual(['group app edit', 'group resource use', 'user folder own', 'user workflow use']);
    expect((await planOf(withPermissions(FOUR))).changes).toEqual([]);
    const events = await h.runtime.database.db.selectFrom('audit_events').select('action').where('request_id', '=', applyId).execute();
    expect(events.map((event) => event.action)).toEqual(Array(4).fill('permission.granted'));
  });

  it('changes a level in place and leaves grants the file does not mention', async () => {
    const text = withPermissions('      - { group: eng, app: Payroll, level: own }\n');
    const plan = await planOf(text);
    expect(plan.changes.map((change) => [change.kind, change.key, change.fields])).toEqual([
      ['update', 'group "eng" on app "Payroll"', [{ field: 'level', from: 'edit', to: 'own' }]],
    ]);
    await apply(text);
    expect(await grants()).toEqual(['group app own', 'group resource use', 'user folder own', 'user workflow use']);
  });

  it('revokes grants absent from the file only when the workspace prunes permissions', async () => {
    const text = withPermissions('      - { group: eng, app: Payroll, level: own }\n', '    prune: [permissions]\n');
    expect(brief((await planOf(text)).changes)).toEqual([
      'delete permission member grace@example.com on folder app:/Finance/Reports',
      'delete permission group "viewers" on resource "Warehouse"',
      'delete permission member grace@example.com on workflow "Nightly"',
    ]);
    await apply(text);
    expect(await grants()).toEqual(['group app own']);
    expect((await planOf(text)).changes).toEqual([]);
  });

  const MISSING = `      - { group: ghosts, app: Payroll, level: use }
      - { member: nobody@example.com, app: Payroll, level: use }
      - { group: eng, folder: "app:/Nowhere", level: use }
      - { group: eng, app: Twin, level: use }
      - { group: eng, workflow: Missing, level: use }
`;

  it('reports subjects and objects that are not there, ambiguous names, and malformed entries, with their place', async () => {
    // Entries that cannot be read are reported first, on their own; the others once the file reads.
    expect(await problemsOf(withPermissions(`${MISSING}      - { group: eng, member: ada@example.com, app: Payroll, level: use }
      - { group: eng, level: use }
`))).toEqual([
      'grants.yaml:9:9: a permission names exactly one subject (group or member) and one object (app, resource, workflow or folder)',
      'grants.yaml:10:9: a permission names exactly one subject (group or member) and one object (app, resource, workflow or folder)',
    ]);
    expect(await problemsOf(withPermissions(`${MISSING}      - { group: eng, app: Payroll, level: use }
      - { group: eng, app: Payroll, level: edit }
`))).toEqual([
      'grants.yaml:10:9: permission group "eng" on app "Payroll" is declared twice; first at grants.yaml:9:9',
    ]);
    expect(await problemsOf(withPermissions(MISSING))).toEqual([
      'grants.yaml:4:9: permission group "ghosts" on app "Payroll": group "ghosts" neither exists nor is declared under groups',
      'grants.yaml:5:9: permission member nobody@example.com on app "Payroll": nobody@example.com is not a member of the workspace nor declared under members',
      'grants.yaml:6:9: permission group "eng" on folder app:/Nowhere: folder app:/Nowhere neither exists nor is declared under folders',
      'grants.yaml:7:9: permission group "eng" on app "Twin": more than one app is named "Twin"',
      'grants.yaml:8:9: permission group "eng" on workflow "Missing": no workflow is named "Missing"',
    ]);
    expect(() => load(withPermissions('      - { group: eng, app: Payroll, level: admin }\n'))).toThrow(ConfigFileError);
    expect(() => load(withPermissions('      - { group: eng, folder: "Finance", level: use }\n'))).toThrow(ConfigFileError);
  });

  it('grants to groups and folders the same file creates, and changes nothing when the core refuses a grant', async () => {
    const created = `workspaces:
  Grants:
    groups:
      auditors: { members: [grace@example.com] }
    folders:
      resource:
        Databases:
    permissions:
      - { group: auditors, folder: "resource:/Databases", level: edit }
`;
    expect(brief((await planOf(created)).changes)).toEqual([
      'create group auditors', 'create folder resource:/Databases', 'create permission group "auditors" on folder resource:/Databases',
    ]);
    await apply(created);
    expect(await grants()).toEqual(['group app own', 'group folder edit']);

    // viewers holds an end user: edit access cannot reach them, so the whole apply rolls back.
    const refused = withPermissions('      - { group: viewers, app: Payroll, level: edit }\n      - { group: eng, workflow: Nightly, level: use }\n');
    await expect(apply(refused)).rejects.toMatchObject({ kind: 'invalid_input', field: 'accessLevel' });
    expect(await grants()).toEqual(['group app own', 'group folder edit']);
  });

  it('exports grants so that the export plans no changes', async () => {
    const text = await engine.export('Grants');
    expect(text).toContain('permissions:\n      - group: auditors\n        folder: resource:/Databases\n        level: edit\n');
    expect((await planOf(text)).changes).toEqual([]);
  });
});
