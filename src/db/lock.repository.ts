import { sql } from 'kysely';
import type { Dialect } from './database.ts';
import type { Executor } from './executor.ts';

/** Named locks held until the transaction ends. */
export class LockRepository {
  constructor(private readonly db: Executor, private readonly dialect: Dialect) {}

  /**
   * Waits for, then holds, the exclusive lock named `name` (a transaction-level advisory
   * lock on PostgreSQL). SQLite needs none: it runs one write transaction at a time.
   */
  async exclusive(name: string): Promise<void> {
    if (this.dialect !== 'postgres') return;
    await sql`select pg_advisory_xact_lock(hashtextextended(${name}, 0))`.execute(this.db);
  }
}
