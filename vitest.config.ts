import { defineConfig } from 'vitest/config';

/**
 * The suite runs once on SQLite and, when TOOLPLANE_TEST_DATABASE_URL names a PostgreSQL
 * database, once more on it. Each test file gets its own SQLite file or PostgreSQL schema.
 * The browser journeys (`*.browser.ts`) run once, on SQLite, against the built console.
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
      // The console in Chromium against a real server, on SQLite: one journey per area (test/browser).
      {
        extends: true as const,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.browser.ts'],
          env: { TOOLPLANE_TEST_DIALECT: 'sqlite' },
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // A page waits on the server (password hashing, a cold start) longer than the 1 s default.
          expect: { poll: { timeout: 10_000 } },
          // One Chromium at a time.
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
});
