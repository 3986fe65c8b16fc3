import type { Kysely } from 'kysely';
import { type MockInstance, vi } from 'vitest';

/**
 * Counts the statements Kysely runs on `db` and on every transaction opened from it, by
 * watching the executor method they all share (transaction begin and commit excepted).
 * Test-only: production code knows nothing of it. `restore` stops counting.
 */
export function countQueries(db: Kysely<any>) {
  let owner: object | null = db.getExecutor();
  while (owner && !Object.prototype.hasOwnProperty.call(owner, 'executeQuery')) owner = Object.getPrototypeOf(owner);
  if (!owner) throw new Error('no executeQuery on the Kysely executor');
  const spy: MockInstance = vi.spyOn(owner as { executeQuery: (...args: unknown[]) => unknown }, 'executeQuery');
  return {
    /** Statements run since the last call (or since counting began). */
    take(): number {
      return this.takeStatements().length;
    },
    /** The SQL of the statements run since the last take (or since counting began). */
    takeStatements(): string[] {
      const statements = spy.mock.calls.map((call) => (call[0] as { sql: string }).sql);
      spy.mockClear();
      return statements;
    },
    restore: () => spy.mockRestore(),
  };
}
