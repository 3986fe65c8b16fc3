import { defineConfig } from 'vitest/config';

/**
 * The suite runs once on SQLite and, when TOOLPLANE_TEST_DATABASE_URL names a PostgreSQL
 * database, once more on it. Each test file gets its own SQLite file or PostgreSQL schema.
 */
const postgresUrl = process.env.TOOLPLANE_TEST_DATABASE_URL;

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects: [
      { extends: true as const, test: { name: 'sqlite', env: { TOOLPLANE_TEST_DIALECT: 'sqlite' } } },
      ...(postgresUrl
        ? [{ extends: true as const, test: { name: 'postgres', env: { TOOLPLANE_TEST_DIALECT: 'postgres' } } }]
        : []),
    ],
  },
});
