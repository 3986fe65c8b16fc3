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
const local = (id: string): Actor => ({ userId: '', email: '', tokenId: null, workspaceId: id });
const env: Record<string, string> = { WAREHOUSE_PASSWORD: 'hunter2-first', API_KEY: 'key-one' };

const load = (text: string, on = engine) => on.load([{ name: 'store.yaml', text }], { env });
const planOf = (text: string) => engine.plan(load(text));
async function apply(text: string, on = engine): Promise<string> {
  const desired = load(text, on);
  return (await runAudited({ actorType: 'cli' }, async () => on.apply(desired, await on.plan(desired), local))).applyId;
}
const brief = (changes: Change[]) => changes.map((change) => `${change.kind} ${change.object} ${change.key}`);
async function resource(name: string) {
  const workspaceId = (await h.runtime.database.db.selectFrom('workspaces').select('id').where('name', '=', 'Store').executeTakeFirstOrThrow()).id;
  const found = (await h.services.resources.list(local(workspaceId))).find((item) => item.name === name);
  return found && { ...found, secrets: await h.services.resources.revealSecrets(local(workspaceId), found.id) };
}

const STORE = `
workspaces:
  Store:
    folders:
      resource:
        Databases:
    resources:
      Warehouse:
        type: postgresql
        folder: Databases
        options: { host: db.example.com, port: 5432 }
        secrets:
          password: \${env:WAREHOUSE_PASSWORD}
      Billing API:
        type: restapi
        options: { url: "https://billing.example.com" }
        secrets: { key: "\${env:API_KEY}" }
    permissions:
      - { member: ada@example.com, resource: Warehouse, level: use }
    members:
      ada@example.com: { role: builder }
`;

beforeAll(async () => {
  h = await Harness.start();
  engine = new ConfigCodeEngine(h.runtime.store, h.services);
});
afterAll(async () => {
  await h.close();
});

describe(`resources in the configuration file on ${testDialect()}`, () => {
  it('plans resources with secrets shown only as changed, and applies them sealed through the resource service', async () => {
    const plan = await planOf(STORE);
    expect(brief(plan.changes)).toEqual([
      'create workspace Store', 'create member ada@example.com', 'create folder resource:/Databases',
      'create resource Warehouse', 'create resource Billing API', 'create permission member ada@example.com on resource "Warehouse"',
    ]);
    expect(plan.changes.find((change) => change.key === 'Warehouse')!.fields).toEqual([
      { field: 'type', to: 'postgresql' }, { field: 'folder', to: ['Databases'] },
      { field: 'options', to: { host: 'db.example.com', port: 5432 } }, { field: 'secrets.password', secret: 'changed' },
    ]);
    const shown = `${renderPlan(plan)}\n${JSON.stringify(plan)}`;
    expect(shown).toContain('secrets.password: (changed)');
    expect(shown).not.toContain('hunter2');
    expect(shown).not.toContain('key-one');

    const applyId = await apply(STORE);
    expect(await resource('Warehouse')).toMatchObject({
      type: 'postgresql', options: { host: 'db.example.com', port: 5432 }, secretNames: ['password'], secrets: { password: 'hunter2-first' },
    });
    expect((await resource('Billing API'))!.secrets).toEqual({ key: 'key-one' });
    expect((await planOf(STORE)).changes).toEqual([]);
    const events = await h.runtime.database.db.selectFrom('audit_events').selectAll().where('request_id', '=', applyId).execute();
    expect(events.map((event) => event.action)).toContain('resource.created');
    expect(JSON.stringify(events)).not.toMatch(/hunter2|key-one/);
  });

  it('shows a changed or removed secret by name, and applies a saved plan, which holds no values, with the file\'s', async () => {
    env.WAREHOUSE_PASSWORD = 'hunter2-second';
    const text = STORE.replace('options: { host: db.example.com, port: 5432 }', 'options: { host: db2.example.com }')
      .replace('secrets: { key: "${env:API_KEY}" }', 'secrets: {}');
    const desired = load(text);
    const plan = await engine.plan(desired);
    expect(plan.changes.map((change) => [change.kind, change.key, change.fields])).toEqual([
      ['update', 'Warehouse', [
        { field: 'options', from: { host: 'db.example.com', port: 5432 }, to: { host: 'db2.example.com' } },
        { field: 'secrets.password', secret: 'changed' },
      ]],
      ['update', 'Billing API', [{ field: 'secrets.key', secret: 'removed' }]],
    ]);
    const saved = JSON.parse(JSON.stringify(plan));
    await runAudited({ actorType: 'cli' }, () => engine.apply(desired, saved, local));
    expect(await resource('Warehouse')).toMatchObject({ options: { host: 'db2.example.com' }, secrets: { password: 'hunter2-second' } });
    expect((await resource('Billing API'))!.secretNames).toEqual([]);
    expect((await planOf(text)).changes).toEqual([]);
  });

  it('reports a changed type, a new resource without one, an unknown folder and a missing secret, with their place', async () => {
    const problems = await planOf(`
workspaces:
  Store:
    resources:
      Warehouse: { type: mysql }
      Queue: { options: {} }
      Cache: { type: redis, folder: Nowhere/Deep }
`).then(() => [], (error: unknown) => (error as ConfigFileError).message.split('\n'));
    expect(problems).toEqual([
      'store.yaml:5:7: resource "Warehouse" is a postgresql; its type is fixed once it exists (delete it first to change it)',
      'store.yaml:6:7: resource "Queue" is new, so it needs a type',
      'store.yaml:7:7: resource "Cache" is in folder resource:/Nowhere/Deep, which neither exists nor is declared under folders',
    ]);
    expect(() => load('workspaces:\n  Store:\n    resources:\n      Cache: { type: redis, secrets: { password: "${env:NOT_SET}" } }\n'))
      .toThrow(ConfigFileError);
  });

  it('plans and applies a resource\'s configurations per environment, secrets as the resource\'s', async () => {
    env.PRODUCTION_PASSWORD = 'prod-secret-1';
    const text = (password: string) => `workspaces:\n  Store:\n    resources:\n      Warehouse:\n        environments:
          production: { options: { host: prod.example.com }, secrets: { password: "\${env:${password}}" } }\n`;
    const plan = await planOf(text('PRODUCTION_PASSWORD'));
    expect(plan.changes.map((change) => [change.kind, change.object, change.key, change.fields])).toEqual([
      ['create', 'resourceConfiguration', 'Warehouse in production', [
        { field: 'options', to: { host: 'prod.example.com' } }, { field: 'secrets.password', secret: 'changed' },
      ]],
    ]);
    expect(renderPlan(plan)).toContain('+ resource configuration Warehouse in production');
    expect(JSON.stringify(plan)).not.toContain('prod-secret');
    await apply(text('PRODUCTION_PASSWORD'));
    const workspaceId = (await h.runtime.database.db.selectFrom('workspaces').select('id').where('name', '=', 'Store').executeTakeFirstOrThrow()).id;
    const production = (await h.services.environments.list(local(workspaceId))).find((item) => item.name === 'production')!;
    const resourceId = (await resource('Warehouse'))!.id;
    const revealed = () => h.services.resourceConfigurations.revealSecrets(local(workspaceId), resourceId, production.id);
    expect(await revealed()).toEqual({ password: 'prod-secret-1' });
    expect((await planOf(text('PRODUCTION_PASSWORD'))).changes).toEqual([]);
    env.OTHER_PASSWORD = 'prod-secret-2';
    expect((await planOf(text('OTHER_PASSWORD'))).changes.map((change) => change.fields)).toEqual([[{ field: 'secrets.password', secret: 'changed' }]]);
    await apply(text('OTHER_PASSWORD'));
    expect(await revealed()).toEqual({ password: 'prod-secret-2' });
    await expect(planOf(text('PRODUCTION_PASSWORD').replace('production:', 'nowhere:'))).rejects.toThrow(
      'store.yaml:4:7: resource "Warehouse" has a configuration for environment "nowhere", which neither exists nor is declared under environments',
    );
  });

  it('exports secrets as environment variable references it lists, and the export applies to an empty instance', async () => {
    const text = await engine.export('Store');
    expect(text.startsWith('# Secrets are read from these environment variables when the file is planned:\n#   TOOLPLANE_STORE_WAREHOUSE_PASSWORD\n')).toBe(true);
    expect(text).toContain('password: ${env:TOOLPLANE_STORE_WAREHOUSE_PASSWORD}');
    expect(text).not.toContain('hunter2');
    expect(text).toContain('password: ${env:TOOLPLANE_STORE_WAREHOUSE_PRODUCTION_PASSWORD}');
    env.TOOLPLANE_STORE_WAREHOUSE_PASSWORD = 'hunter2-second';
    env.TOOLPLANE_STORE_WAREHOUSE_PRODUCTION_PASSWORD = 'prod-secret-2';
    expect((await planOf(text)).changes).toEqual([]);
    const empty = await Harness.start();
    try {
      const other = new ConfigCodeEngine(empty.runtime.store, empty.services);
      await apply(text, other);
      expect((await other.plan(load(text, other))).changes).toEqual([]);
    } finally {
      await empty.close();
    }
  });

  it('deletes resources absent from the file only when the workspace prunes resources', async () => {
    const text = 'workspaces:\n  Store:\n    prune: [resources]\n    resources:\n      Warehouse: {}\n';
    expect(brief((await planOf(text)).changes)).toEqual(['delete resource Billing API']);
    await apply(text);
    expect(await resource('Billing API')).toBeUndefined();
    expect(await resource('Warehouse')).toBeDefined();
  });
});
