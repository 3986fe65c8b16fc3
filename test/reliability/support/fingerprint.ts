import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Harness } from '../../helpers/harness.ts';

/**
 * Tables whose changes are not the request's doing: `rate_limits` counts every request,
 * refused ones included, by design; the migrator's own tables never change at run time.
 */
const SKIPPED_TABLES = new Set(['rate_limits', 'kysely_migration', 'kysely_migration_lock']);
/** Columns written outside any request's effects: token use is recorded in the background. */
const SKIPPED_COLUMNS: Record<string, string[]> = { api_tokens: ['last_used_at'] };

/** Every table of the harness's database (its own PostgreSQL schema, or the SQLite file). */
export async function tableNames(h: Harness): Promise<string[]> {
  const { db, dialect } = h.runtime.database;
  const rows = dialect === 'sqlite'
    ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)
    : await sql<{ name: string }>`select table_name as name from information_schema.tables
        where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  return rows.rows.map((row) => row.name).filter((name) => !SKIPPED_TABLES.has(name)).sort();
}

/**
 * A digest of the whole database's content: every row of every table (but the skipped
 * ones), in a stable order. Two equal fingerprints mean no request in between changed
 * anything; the row counts are kept beside it so a difference reads plainly.
 */
export async function fingerprint(h: Harness, tables?: string[]): Promise<{ counts: Record<string, number>; digest: string }> {
  const { db } = h.runtime.database;
  const counts: Record<string, number> = {};
  const hash = createHash('sha256');
  const names = tables ?? (await tableNames(h));
  // In parallel: PostgreSQL answers on several pooled connections at once.
  const contents = await Promise.all(names.map((table) => sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db)));
  names.forEach((table, index) => {
    const { rows } = contents[index]!;
    counts[table] = rows.length;
    const skipped = SKIPPED_COLUMNS[table] ?? [];
    const lines = rows.map((row) => JSON.stringify(Object.keys(row).sort().filter((key) => !skipped.includes(key)).map((key) => [key, row[key]])));
    hash.update(`${table}\n${lines.sort().join('\n')}\n`);
  });
  return { counts, digest: hash.digest('hex') };
}

/** Row counts only: cheap enough to take around every request of the auth matrix. */
export async function rowCounts(h: Harness, tables: string[]): Promise<Record<string, number>> {
  const { db } = h.runtime.database;
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    counts[table] = Number(rows[0]!.n);
  }
  return counts;
}
