import { type Migration, type MigrationResult, Migrator, NO_MIGRATIONS, sql } from 'kysely';
import type { DatabaseHandle, Dialect } from './database.ts';
import { initial } from './migrations/0001_initial.ts';
import { tooljet } from './migrations/0002_tooljet.ts';
import { invitesAttributes } from './migrations/0003_invites_attributes.ts';
import { auditIdempotency } from './migrations/0004_audit_idempotency.ts';
import { permissions } from './migrations/0005_permissions.ts';
import { environments } from './migrations/0006_environments.ts';
import { rateLimits } from './migrations/0007_rate_limits.ts';
import { memberListing } from './migrations/0008_member_listing.ts';
import { memberNames } from './migrations/0009_member_names.ts';
import { signIn } from './migrations/0010_sign_in.ts';
import { auditClient } from './migrations/0011_audit_client.ts';
import { scim } from './migrations/0012_scim.ts';
import { retoolV2 } from './migrations/0013_retool_v2.ts';
import { memberSearch } from './migrations/0014_member_search.ts';
import { memberCounts } from './migrations/0015_member_counts.ts';
import { tokenDescriptions } from './migrations/0016_token_descriptions.ts';

/** The one ordered migration sequence, for both databases. Append; never edit a shipped step. */
function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001_initial': initial(dialect),
    '0002_tooljet': tooljet(dialect),
    '0003_invites_attributes': invitesAttributes(dialect),
    '0004_audit_idempotency': auditIdempotency(dialect),
    '0005_permissions': permissions(dialect),
    '0006_environments': environments(dialect),
    '0007_rate_limits': rateLimits(dialect),
    '0008_member_listing': memberListing(dialect),
    '0009_member_names': memberNames(dialect),
    '0010_sign_in': signIn(dialect),
    '0011_audit_client': auditClient(dialect),
    '0012_scim': scim(dialect),
    '0013_retool_v2': retoolV2(dialect),
    '0014_member_search': memberSearch(dialect),
    '0015_member_counts': memberCounts(dialect),
    '0016_token_descriptions': tokenDescriptions(dialect),
  };
}

/**
 * Kysely looks for its bookkeeping tables in every schema unless told which one, so on a
 * PostgreSQL database shared with other schemas (another instance, a test run) it could
 * find theirs. Pin them to the schema this connection works in.
 */
async function migrator(handle: DatabaseHandle): Promise<Migrator> {
  let migrationTableSchema: string | undefined;
  if (handle.dialect === 'postgres') {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(handle.db);
    migrationTableSchema = rows[0]?.schema;
  }
  return new Migrator({
    db: handle.db,
    provider: { getMigrations: async () => migrations(handle.dialect) },
    migrationTableSchema,
  });
}

/**
 * Brings the schema to the newest step. Kysely's migrator takes a lock first (an advisory
 * lock on PostgreSQL), so several processes starting together migrate exactly once.
 */
export async function migrateToLatest(handle: DatabaseHandle): Promise<MigrationResult[]> {
  const { error, results } = await (await migrator(handle)).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return results ?? [];
}

/** Brings the schema to exactly the named step; used by the migration tests to migrate data. */
export async function migrateTo(handle: DatabaseHandle, name: string): Promise<void> {
  const { error } = await (await migrator(handle)).migrateTo(name);
  if (error) throw error instanceof Error ? error : new Error(String(error));
}

/** Undoes every step; used by the migration tests to prove `down` is complete. */
export async function migrateDownToZero(handle: DatabaseHandle): Promise<void> {
  const { error } = await (await migrator(handle)).migrateTo(NO_MIGRATIONS);
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
