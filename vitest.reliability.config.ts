import { defineConfig } from 'vitest/config';

/**
 * The reliability suite (`npm run test:reliability`): crash safety, races, database outage,
 * fuzzing and the auth matrix. Slower than the unit and HTTP suite, and some of it stops
 * and starts PostgreSQL, so its files run one at a time. PostgreSQL runs when
 * TOOLPLANE_TEST_DATABASE_URL names a database, as in the main suite.
 */
const postgresUrl = process.env.TOOLPLANE_TEST_DATABASE_URL;

export default defineConfig({
  test: {
    include: ['test/reliability/**/*.reliability.ts'],
    testTimeout: 180_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    projects: [
      { extends: true as const, test: { name: 'sqlite', env: { TOOLPLANE_TEST_DIALECT: 'sqlite' } } },
      ...(postgresUrl
        ? [{ extends: true as const, test: { name: 'postgres', env: { TOOLPLANE_TEST_DIALECT: 'postgres' } } }]
        : []),
    ],
  },
});
