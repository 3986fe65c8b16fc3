import type { Executor } from './executor.ts';
import type { IdempotencyKeyRow } from './schema.ts';

export class IdempotencyKeyRepository {
  constructor(private readonly db: Executor) {}

  /** The key's record when it was created at or after `since`; older ones count as gone. */
  find(owner: string, key: string, since: string): Promise<IdempotencyKeyRow | undefined> {
    return this.db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('owner', '=', owner)
      .where('key', '=', key)
      .where('created_at', '>=', since)
      .executeTakeFirst();
  }

  /**
   * Claims the key for a request, replacing a record created before `expiredBefore`. A
   * concurrent claim of the same key waits on the primary key until this transaction ends,
   * then fails with a unique violation; a live record is never replaced.
   */
  async claim(owner: string, key: string, requestHash: string, at: string, expiredBefore: string): Promise<void> {
    await this.db
      .deleteFrom('idempotency_keys')
      .where('owner', '=', owner)
      .where('key', '=', key)
      .where('created_at', '<', expiredBefore)
      .execute();
    await this.db.insertInto('idempotency_keys').values({ owner, key, request_hash: requestHash, created_at: at }).execute();
  }

  async complete(owner: string, key: string, statusCode: number, response: string): Promise<void> {
    await this.db
      .updateTable('idempotency_keys')
      .set({ status_code: statusCode, response })
      .where('owner', '=', owner)
      .where('key', '=', key)
      .execute();
  }

  /** Forgets keys created before `before`; answers how many. */
  async purge(before: string): Promise<number> {
    const result = await this.db.deleteFrom('idempotency_keys').where('created_at', '<', before).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
