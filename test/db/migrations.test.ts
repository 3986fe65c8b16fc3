import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../src/db/database.ts';
import { countMemberships } from '../../src/db/membership.repository.ts';
import { migrateDownToZero, migrateTo, migrateToLatest } from '../../src/db/migrator.ts';
import { type TestDatabase, createTestDatabase, testDialect } from '../helpers/test-database.ts';

const TABLES = [
  'settings', 'workspaces', 'users', 'memberships', 'groups', 'group_members',
  'folders', 'apps', 'app_resources', 'app_versions', 'resources', 'api_tokens',
  'user_attribute_definitions', 'invites', 'audit_events', 'idempotency_keys',
  'workflows', 'permission_grants', 'environments', 'resource_configurations', 'rate_limits',
  'sessions', 'password_resets', 'recovery_codes', 'sso_configurations', 'sso_logins',
  'retool_legacy_ids', 'retool_resource_configuration_ids', 'retool_group_settings', 'retool_user_metadata',
  'configuration_variables', 'configuration_variable_values', 'retool_settings', 'workspace_member_counts',
];
const MIGRATIONS = [
  '0001_initial', '0002_tooljet', '0003_invites_attributes', '0004_audit_idempotency', '0005_permissions', '0006_environments',
  '0007_rate_limits',
  '0008_member_listing',
  '0009_member_names',
  '0010_sign_in',
  '0011_audit_client',
  '0012_scim',
  '0013_retool_v2',
  '0014_member_search',
  '0015_member_counts',
  '0016_token_descriptions',
];

let database: TestDatabase;
const handles: DatabaseHandle[] = [];

function open(): DatabaseHandle {
  const handle = openDatabase(database.config);
  handles.push(handle);
  return handle;
}

async function tableExists(handle: DatabaseHandle, table: string): Promise<boolean> {
  try {
    await sql`select count(*) from ${sql.table(table)}`.execute(handle.db);
    return true;
  } catch {
    return false;
  }
}

afterEach(async () => {
  await Promise.all(handles.splice(0).map((handle) => handle.close()));
  await database.drop();
});

describe(`migrations on ${testDialect()}`, () => {
  it('creates every table on an empty database, and a second run applies nothing', async () => {
    database = await createTestDatabase();
    const handle = open();
    const first = await migrateToLatest(handle);
    expect(first.map((result) => [result.migrationName, result.status])).toEqual(MIGRATIONS.map((name) => [name, 'Success']));
    for (const table of TABLES) expect(await tableExists(handle, table), table).toBe(true);
    expect(await migrateToLatest(handle)).toEqual([]);
  });

  it('rolls every step back and can apply them again', async () => {
    database = await createTestDatabase();
    const handle = open();
    await migrateToLatest(handle);
    await migrateDownToZero(handle);
    for (const table of TABLES) expect(await tableExists(handle, table), table).toBe(false);
    expect((await migrateToLatest(handle)).map((result) => result.status)).toEqual(MIGRATIONS.map(() => 'Success'));
  });

  it('gives apps made before versions existed an empty v1', async () => {
    database = await createTestDatabase();
    const handle = open();
    await migrateTo(handle, '0001_initial');
    const at = new Date().toISOString();
    await handle.db.insertInto('workspaces').values({ id: 'w', name: 'W', status: 'active', created_at: at, updated_at: at }).execute();
    await handle.db.insertInto('users').values({ id: 'u', email: 'u@example.com', first_name: '', last_name: '', status: 'active', created_at: at, updated_at: at }).execute();
    await sql`insert into apps (id, workspace_id, name, description, created_by, created_at, updated_at) values ('a', 'w', 'Old', '', 'u', ${at}, ${at})`.execute(handle.db);
    await migrateToLatest(handle);
    const versions = await handle.db.selectFrom('app_versions').select(['app_id', 'name']).execute();
    expect(versions).toEqual([{ app_id: 'a', name: 'v1' }]);
    expect((await handle.db.selectFrom('apps').select('slug').executeTakeFirstOrThrow()).slug).toBe('a');
  });

  it('gives every workspace made before environments existed development, staging and production', async () => {
    database = await createTestDatabase();
    const handle = open();
    await migrateTo(handle, '0004_audit_idempotency');
    const at = new Date().toISOString();
    for (const id of ['w1', 'w2']) {
      await handle.db.insertInto('workspaces').values({ id, name: id, status: 'active', created_at: at, updated_at: at }).execute();
    }
    await migrateToLatest(handle);
    for (const id of ['w1', 'w2']) {
      const rows = await handle.db.selectFrom('environments').select(['name', 'is_default'])
        .where('workspace_id', '=', id).orderBy('created_at').execute();
      expect(rows).toEqual([
        { name: 'development', is_default: 0 }, { name: 'staging', is_default: 0 }, { name: 'production', is_default: 1 },
      ]);
    }
    const at2 = new Date().toISOString();
    const row = (name: string, isDefault: number) => ({
      id: `e-${name}`, workspace_id: 'w1', name, color: null, is_default: isDefault, created_at: at2, updated_at: at2,
    });
    await expect(handle.db.insertInto('environments').values(row('second-default', 1)).execute()).rejects.toThrow();
    await expect(handle.db.insertInto('environments').values(row('staging', 0)).execute()).rejects.toThrow();
  });

  it('counts the memberships made before member counts existed, and keeps counting after', async () => {
    database = await createTestDatabase();
    const handle = open();
    await migrateTo(handle, '0014_member_search');
    const at = new Date().toISOString();
    for (const id of ['w1', 'w2', 'w3']) {
      await handle.db.insertInto('workspaces').values({ id, name: id, status: 'active', created_at: at, updated_at: at }).execute();
    }
    const member = (workspaceId: string, userId: string, status: 'active' | 'archived') =>
      ({ workspace_id: workspaceId, user_id: userId, role: 'end-user' as const, status, created_at: at, updated_at: at });
    for (const id of ['u1', 'u2', 'u3']) {
      await handle.db.insertInto('users').values({ id, email: `${id}@example.com`, first_name: '', last_name: '', status: 'active', created_at: at, updated_at: at }).execute();
    }
    await handle.db.insertInto('memberships').values([
      member('w1', 'u1', 'active'), member('w1', 'u2', 'archived'), member('w1', 'u3', 'active'), member('w2', 'u1', 'active'),
    ]).execute();
    await migrateToLatest(handle);
    const totals = async () => Object.fromEntries(await Promise.all(['w1', 'w2', 'w3'].map(async (id) => [id, await countMemberships(handle.db, id)])));
    expect(await totals()).toEqual({ w1: 3, w2: 1, w3: 0 });

    await handle.db.insertInto('memberships').values([member('w3', 'u1', 'active'), member('w3', 'u2', 'active')]).execute();
    await handle.db.deleteFrom('memberships').where('workspace_id', '=', 'w1').where('user_id', '=', 'u2').execute();
    await handle.db.updateTable('memberships').set({ workspace_id: 'w2' }).where('workspace_id', '=', 'w1').where('user_id', '=', 'u3').execute();
    await handle.db.updateTable('memberships').set({ status: 'archived' }).where('workspace_id', '=', 'w3').execute();
    expect(await totals()).toEqual({ w1: 1, w2: 2, w3: 2 });
    // Removing an account removes its memberships through the foreign key's cascade.
    await handle.db.deleteFrom('users').where('id', '=', 'u1').execute();
    expect(await totals()).toEqual({ w1: 0, w2: 1, w3: 1 });
  });

  it('enforces email uniqueness whatever the case', async () => {
    database = await createTestDatabase();
    const handle = open();
    await migrateToLatest(handle);
    const row = (id: string, email: string) => ({
      id, email, first_name: '', last_name: '', status: 'active' as const,
      created_at: new Date().toISOString(), updated_at: new Date().toISOString(),
    });
    await handle.db.insertInto('users').values(row('u1', 'Ada@Example.com')).execute();
    await expect(handle.db.insertInto('users').values(row('u2', 'ada@example.COM')).execute()).rejects.toThrow();
  });

  it.runIf(testDialect() === 'postgres')('migrates once when several processes start together', async () => {
    database = await createTestDatabase();
    const results = await Promise.all([open(), open(), open(), open()].map((handle) => migrateToLatest(handle)));
    const applied = results.flat().filter((result) => result.status === 'Success');
    expect(applied.map((result) => result.migrationName)).toEqual(MIGRATIONS);
    for (const table of TABLES) expect(await tableExists(handles[0]!, table), table).toBe(true);
  });

  it.runIf(testDialect() === 'postgres')('migrates its own schema when another schema of the database is migrated', async () => {
    const neighbour = await createTestDatabase();
    try {
      const other = openDatabase(neighbour.config);
      handles.push(other);
      await migrateToLatest(other);
      database = await createTestDatabase();
      const handle = open();
      expect((await migrateToLatest(handle)).map((result) => result.status)).toEqual(MIGRATIONS.map(() => 'Success'));
      for (const table of TABLES) expect(await tableExists(handle, table), table).toBe(true);
    } finally {
      await neighbour.drop();
    }
  });
});
