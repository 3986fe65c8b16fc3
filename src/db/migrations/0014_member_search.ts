import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * Indexes for searching and filtering a workspace's members (db/member-search.sql.ts): a
 * case-insensitive prefix of an account's email, full name or last name, or of the names a
 * workspace gives its member, is a range of one of these; a role or status filter reads the
 * members of that role or status in joining order, as the listing pages them. PostgreSQL
 * builds the text indexes under the "C" collation, so their order is bytewise as SQLite's is.
 */
export function memberSearch(dialect: Dialect) {
  const text = (expression: string) => (dialect === 'postgres' ? `(${expression} collate "C")` : expression);
  const indexes: Record<string, string> = {
    users_email_prefix_idx: `users (${text('lower(email)')})`,
    users_full_name_prefix_idx: `users (${text(`lower(first_name || ' ' || last_name)`)})`,
    users_last_name_prefix_idx: `users (${text('lower(last_name)')})`,
    memberships_full_name_prefix_idx: `memberships (workspace_id, ${text(`lower(coalesce(first_name, '') || ' ' || coalesce(last_name, ''))`)})`,
    memberships_last_name_prefix_idx: `memberships (workspace_id, ${text('lower(last_name)')})`,
    memberships_workspace_role_joined_idx: 'memberships (workspace_id, role, created_at, user_id)',
    memberships_workspace_status_joined_idx: 'memberships (workspace_id, status, created_at, user_id)',
  };
  return {
    async up(db: Kysely<any>): Promise<void> {
      for (const [name, on] of Object.entries(indexes)) await sql.raw(`create index ${name} on ${on}`).execute(db);
    },

    async down(db: Kysely<any>): Promise<void> {
      for (const name of Object.keys(indexes)) await db.schema.dropIndex(name).execute();
    },
  };
}
