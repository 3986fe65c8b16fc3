import { type Migration, type MigrationResult, Migrator, NO_MIGRATIONS } from 'kysely';
import type { DatabaseHandle, Dialect } from './database.ts';
import { initial } from './migrations/0001_initial.ts';

/** The one ordered migration sequence, for both databases. Append; never edit a shipped step. */
function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001_initial': initial(dialect),
  };
}

function migrator(handle: DatabaseHandle): Migrator {
  return new Migrator({
    db: handle.db,
    provider: { getMigrations: async () => migrations(handle.dialect) },
  });
}

/**
 * Brings the schema to the newest step. Kysely's migrator takes a lock first (an advisory
 * lock on PostgreSQL), so several processes starting together migrate exactly once.
 */
export async function migrateToLatest(handle: DatabaseHandle): Promise<MigrationResult[]> {
  const { error, results } = await migrator(handle).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return results ?? [];
}

/** Undoes every step; used by the migration tests to prove `down` is complete. */
export async function migrateDownToZero(handle: DatabaseHandle): Promise<void> {
  const { error } = await migrator(handle).migrateTo(NO_MIGRATIONS);
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
