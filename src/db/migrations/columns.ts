import type { ColumnDataType, CreateTableBuilder, Expression } from 'kysely';
import { sql } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * The column types whose spelling differs between the two databases. Every migration
 * uses these, so one migration sequence serves both.
 */
export function columnTypes(dialect: Dialect) {
  const pg = dialect === 'postgres';
  return {
    timestamp: (pg ? 'timestamptz' : 'text') as ColumnDataType,
    json: (pg ? 'jsonb' : 'text') as ColumnDataType,
    /** Adds an auto-incrementing integer primary key named `id`. */
    serialId<T extends string>(table: CreateTableBuilder<T, never>) {
      return pg
        ? table.addColumn('id', 'serial', (c) => c.primaryKey())
        : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
    },
    emptyJsonObject: (pg ? sql`'{}'::jsonb` : sql`'{}'`) as Expression<unknown>,
    emptyJsonArray: (pg ? sql`'[]'::jsonb` : sql`'[]'`) as Expression<unknown>,
  };
}
