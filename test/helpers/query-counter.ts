import type { Kysely } from 'kysely';
import { type MockInstance, vi } from 'vitest';
import { allowDirectReads, directReadOf } from '../../src/db/direct-reads.ts';

/**
 * Counts the statements run on `db` and on every transaction opened from it: those Kysely
 * runs, by watching the executor method they all share (transaction begin and commit
 * excepted), and the reads SQLite runs directly (direct-reads.ts). Test-only: production
 * code knows nothing of it. `restore` stops counting.
 */
export function countQueries(db: Kysely<any>) {
  let owner: object | null = db.getExecutor();
  while (owner && !Object.prototype.hasOwnProperty.call(owner, 'executeQuery')) owner = Object.getPrototypeOf(owner);
  if (!owner) throw new Error('no executeQuery on the Kysely executor');
  const spy: MockInstance = vi.spyOn(owner as { executeQuery: (...args: unknown[]) => unknown }, 'executeQuery');
  const direct = directReadOf(db);
  let directStatements: string[] = [];
  if (direct) {
    allowDirectReads(db, (sql, parameters) => {
      const rows = direct(sql, parameters);
      if (rows) directStatements.push(sql);
      return rows;
    });
  }
  return {
    /** Statements run since the last call (or since counting began). */
    take(): number {
      return this.takeStatements().length;
    },
    /** The SQL of the statements run since the last take (or since counting began); direct reads last. */
    takeStatements(): string[] {
      const statements = [...spy.mock.calls.map((call) => (call[0] as { sql: string }).sql), ...directStatements];
      spy.mockClear();
      directStatements = [];
      return statements;
    },
    restore: () => {
      spy.mockRestore();
      if (direct) allowDirectReads(db, direct);
    },
  };
}
