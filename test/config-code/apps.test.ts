import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigCodeEngine } from '../../src/config-code/engine.ts';
import type { Change } from '../../src/config-code/plan.ts';
import { renderPlan } from '../../src/config-code/render.ts';
import { ConfigFileError, readSources } from '../../src/config-code/source.ts';
import type { Actor } from '../../src/core/actor.ts';
import { runAudited } from '../../src/core/audit.ts';
import { Harness } from '../helpers/harness.ts';
import { testDialect } from '../helpers/test-database.ts';

let h: Harness;
let engine: ConfigCodeEngine;
let folder: string;
const local = (id: string): Actor => ({ userId: '', email: '', tokenId: null, workspaceId: id });
const brief = (changes: Change[]) => changes.map((change) => `${change.kind} ${change.object} ${change.key}`);

/** A ToolJet export file of two versions, with an element of each and a shared one; `url` tells the second version's query apart. */
function definition(url: string): string {
  const [v1, v2] = ['0e000000-0000-4000-8000-000000000001', '0e000000-0000-4000-8000-000000000002'];
  const appV2 = {
    id: 'a0000000-0000-4000-8000-000000000001', name: 'Exported name', slug: 'orders', organizationId: 'o', createdAt: '2024-05-01T10:00:00.000Z', updatedAt: '2024-05-01T10:00:00.000Z',
    dataQueries: [
      { id: 'd1', name: 'orders', kind: 'restapi', appVersionId: v1, options: { url: 'https://api.example.com/orders' } },
      { id: 'd2', name: 'orders', kind: 'restapi', appVersionId: v2, options: { url } },
    ],
    dataSources: [{ id: 'e1', name: 'restapidefault', kind: 'restapi', scope: 'global' }],
    appVersions: [
      { id: v1, name: 'v1', globalSettings: { theme: { id: 1 } }, createdAt: '2024-05-01T10:00:00.000Z' },
      { id: v2, name: 'v2', promotedFrom: v1, globalSettings: { theme: { id: 2 } } },
    ],
  };
  return JSON.stringify({ app: [{ definition: { appV2 } }], tooljet_version: '2.50.0-ee-lts' }, null, 2);
}

function write(name: string, text: string): string {
  const file = path.join(folder, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}
const load = (file: string, on = engine) => on.load(readSources([file]));
const planOf = (file: string, on = engine) => on.plan(load(file, on));
async function apply(file: string, on = engine): Promise<void> {
  const desired = load(file, on);
  await runAudited({ actorType: 'cli' }, async () => on.apply(desired, await on.plan(desired), local));
}
async function workspaceId(name: string, on = h): Promise<string> {
  return (await on.runtime.database.db.selectFrom('workspaces').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
}
async function appNamed(name: string, workspace = 'Shop', on = h) {
  const actor = local(await workspaceId(workspace, on));
  const found = (await on.services.apps.list(actor, { page: 1, pageSize: 100 })).items.find((app) => app.name === name);
  return found && { ...found, versions: (await on.services.apps.listVersions(actor, found.id)).map((version) => version.name) };
}

const SHOP = `
workspaces:
  Shop:
    members:
      ada@example.com: { role: admin }
    groups:
      support: { members: [ada@example.com] }
    folders:
      app:
        Sales:
    apps:
      Orders:
        folder: Sales
        description: Order desk
        definition: \${file:apps/orders.json}
      Blank: {}
    permissions:
      - { group: support, app: Orders, level: edit }
`;

beforeAll(async () => {
  h = await Harness.start();
  engine = new ConfigCodeEngine(h.runtime.store, h.services);
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'config-apps-'));
});
afterAll(async () => {
  await h.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

describe(`apps in the configuration file on ${testDialect()}`, () => {
  it('creates apps from the export file beside the YAML, before the grants on them, and plans nothing after', async () => {
    write('apps/orders.json', definition('https://api.example.com/v2/orders'));
    const file = write('shop.yaml', SHOP);
    const plan = await planOf(file);
    expect(brief(plan.changes)).toEqual([
      'create workspace Shop', 'create group support', 'create member ada@example.com', 'create folder app:/Sales',
      'create app Orders', 'create app Blank', 'create permission group "support" on app "Orders"',
    ]);
    const orders = plan.changes.find((change) => change.key === 'Orders')!;
    expect(orders.fields.slice(0, 2)).toEqual([{ field: 'folder', to: ['Sales'] }, { field: 'description', to: 'Order desk' }]);
    expect(orders.fields[2]).toMatchObject({ field: 'definition', digest: { to: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    const shown = `${renderPlan(plan)}\n${JSON.stringify(plan)}`;
    expect(shown).toMatch(/definition: \(sha256 [0-9a-f]{12}\)/);
    expect(shown).not.toContain('api.example.com');

    await apply(file);
    expect(await appNamed('Orders')).toMatchObject({ description: 'Order desk', versions: ['v1', 'v2'], createdBy: 'ada@example.com' });
    expect(await appNamed('Blank')).toMatchObject({ description: '', folderId: null, versions: ['v1'] });
    expect((await planOf(file)).changes).toEqual([]);
  });

  it('shows a changed definition by its digest only, and replaces the versions of the same app, keeping its grants', async () => {
    const before = await appNamed('Orders');
    write('apps/orders.json', definition('https://api.example.com/v3/orders'));
    const file = write('shop.yaml', SHOP.replace('description: Order desk', 'description: Orders desk'));
    const plan = await planOf(file);
    expect(brief(plan.changes)).toEqual(['update app Orders']);
    expect(plan.changes[0]!.fields.map((field) => field.field)).toEqual(['description', 'definition']);
    const shown = renderPlan(plan);
    expect(shown).toMatch(/definition: \(changed: sha256 [0-9a-f]{12} → [0-9a-f]{12}\)/);
    expect(shown).not.toContain('v3/orders');

    await apply(file);
    const after = await appNamed('Orders');
    expect(after).toMatchObject({ id: before!.id, description: 'Orders desk', versions: ['v1', 'v2'] });
    // The grant on the app is still there: the plan, which declares it, is empty.
    expect((await planOf(file)).changes).toEqual([]);
    const exported = await h.services.appTransfers.export(await workspaceId('Shop'), after!.id, { allVersions: true });
    expect(JSON.stringify(exported)).toContain('v3/orders');
  });

  it('reports a definition that is not a ToolJet export file at its place, and applies nothing', async () => {
    write('apps/broken.json', '{ not json');
    write('apps/new.json', definition('x').replace('2.50.0-ee-lts', '99.0.0'));
    const file = write('broken.yaml', `
workspaces:
  Shop:
    apps:
      Broken: { definition: "\${file:apps/broken.json}" }
      Future: { definition: "\${file:apps/new.json}" }
      Lost: { folder: Nowhere }
`);
    const error = await planOf(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigFileError);
    const message = (error as ConfigFileError).message;
    expect(message).toMatch(/broken\.yaml:5:7: the definition of app "Broken" is not JSON/);
    expect(message).toMatch(/broken\.yaml:6:7: the definition of app "Future" cannot be imported/);
    expect(message).toMatch(/broken\.yaml:7:7: app "Lost" is in folder app:\/Nowhere, which neither exists nor is declared under folders/);
    expect(await appNamed('Broken')).toBeUndefined();
  });

  it('refuses the whole apply when a new app has no one to own it, creating nothing', async () => {
    const file = write('ownerless.yaml', 'workspaces:\n  Ownerless:\n    members:\n      bo@example.com: { role: builder }\n    apps:\n      Lonely: {}\n');
    await expect(apply(file)).rejects.toMatchObject({ code: 'no_active_admin' });
    const workspace = await h.runtime.database.db.selectFrom('workspaces').select('id').where('name', '=', 'Ownerless').executeTakeFirst();
    expect(workspace).toBeUndefined();
  });

  it('deletes apps absent from the file only when the workspace prunes apps', async () => {
    const file = write('prune.yaml', 'workspaces:\n  Shop:\n    apps:\n      Orders: {}\n');
    expect((await planOf(file)).changes).toEqual([]);
    const pruning = write('prune.yaml', 'workspaces:\n  Shop:\n    prune: [apps]\n    apps:\n      Orders: {}\n');
    expect(brief((await planOf(pruning)).changes)).toEqual(['delete app Blank']);
    await apply(pruning);
    expect(await appNamed('Blank')).toBeUndefined();
    expect(await appNamed('Orders')).toBeDefined();
  });

  it('exports each app\'s definition beside the file, so the export applied to an empty instance plans no changes', async () => {
    const { content, files } = await engine.exportWithDefinitions('Shop');
    expect(content).toContain('definition: ${file:apps/shop/orders.json}');
    expect(Object.keys(files)).toEqual(['apps/shop/orders.json']);
    expect(await engine.export('Shop')).not.toContain('definition:');
    const target = fs.mkdtempSync(path.join(folder, 'export-'));
    for (const [name, text] of Object.entries(files)) write(path.relative(folder, path.join(target, name)), text);
    const exported = write(path.relative(folder, path.join(target, 'toolplane.yaml')), content);

    const empty = await Harness.start();
    try {
      const other = new ConfigCodeEngine(empty.runtime.store, empty.services);
      await apply(exported, other);
      expect((await planOf(exported, other)).changes).toEqual([]);
      expect(await appNamed('Orders', 'Shop', empty)).toMatchObject({ description: 'Orders desk', versions: ['v1', 'v2'] });
    } finally {
      await empty.close();
    }
  }, 30_000);
});
