import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import type { DatabaseConfig } from '../../src/config.ts';
import { type DatabaseHandle, openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrator.ts';

export type TestDialect = 'sqlite' | 'postgres';

export function testDialect(): TestDialect {
  return process.env.TOOLPLANE_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';
}

/** A fresh, empty database for one test file: a temporary SQLite file or a new PostgreSQL schema. */
export interface TestDatabase {
  config: DatabaseConfig;
  dataDir: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'toolplane-test-'));
  if (testDialect() === 'sqlite') {
    return {
      config: { dialect: 'sqlite', file: path.join(dataDir, 'toolplane.db') },
      dataDir,
      async drop() {
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const url = process.env.TOOLPLANE_TEST_DATABASE_URL;
  if (!url) throw new Error('TOOLPLANE_TEST_DATABASE_URL must name a PostgreSQL database for the postgres project');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await withClient(url, (client) => client.query(`create schema ${schema}`));
  return {
    config: { dialect: 'postgres', url, schema },
    dataDir,
    async drop() {
      await withClient(url, (client) => client.query(`drop schema if exists ${schema} cascade`));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database reachable by a DATABASE_URL, for tests that start the server as a child
 * process: a SQLite file, or a new PostgreSQL database dropped afterwards.
 */
export async function createTestDatabaseUrl(): Promise<{ url: string; dataDir: string; drop(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'toolplane-proc-'));
  const removeDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  if (testDialect() === 'sqlite') {
    return { url: `sqlite:${path.join(dataDir, 'toolplane.db')}`, dataDir, drop: async () => removeDir() };
  }
  const base = process.env.TOOLPLANE_TEST_DATABASE_URL;
  if (!base) throw new Error('TOOLPLANE_TEST_DATABASE_URL must name a PostgreSQL database for the postgres project');
  const name = `t_${randomBytes(6).toString('hex')}`;
  await withClient(base, (client) => client.query(`create database ${name}`));
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    dataDir,
    async drop() {
      await withClient(base, (client) => client.query(`drop database if exists ${name} with (force)`));
      removeDir();
    },
  };
}

/**
 * A migrated database of the test file's own, opened before its tests and dropped after
 * them; call it in a describe block (or at the top of the file). Answers the open handle.
 */
export function useMigratedDatabase(): () => DatabaseHandle {
  let database: TestDatabase | undefined;
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    handle = openDatabase(database.config);
    await migrateToLatest(handle);
  });
  afterAll(async () => {
    await handle?.close();
    await database?.drop();
  });
  return () => {
    if (!handle) throw new Error('the test database opens before the tests run');
    return handle;
  };
}
