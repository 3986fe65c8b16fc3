import { isUniqueViolation } from '../db/database.ts';
import type { Store } from '../db/store.ts';
import { DomainError } from './errors.ts';
import type { SecretBox } from './secrets.ts';

/** How long a key is remembered. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

/** An answer as the client received it, stored so that a retry receives it again. */
export interface Answer {
  statusCode: number;
  body: unknown;
}

/** Identifies one idempotent request: whose key, the key, and a digest of what was asked. */
export interface IdempotentRequest {
  owner: string;
  key: string;
  requestHash: string;
}

/**
 * Runs a write at most once per key. The key is claimed, the write made and its answer
 * stored in one transaction, so either all three happen or none does: a write that fails
 * leaves the key free for a retry. Keys live in the database, shared by every process.
 */
export class IdempotencyService {
  private lastPurge = 0;

  constructor(private readonly store: Store, private readonly box: SecretBox) {}

  /**
   * Answers the stored answer when the key was used before for the same request, a 422
   * when it was used for a different one, and otherwise runs `execute` and stores its
   * answer. A concurrent request with the same key waits for this one, then replays it.
   */
  async run(request: IdempotentRequest, execute: () => Promise<Answer>): Promise<Answer & { replayed: boolean }> {
    await this.purgeExpired();
    try {
      return await this.attempt(request, execute);
    } catch (error) {
      // A concurrent request claimed the key first and has committed: replay its answer.
      if (isUniqueViolation(error)) return this.attempt(request, execute);
      throw error;
    }
  }

  private attempt(request: IdempotentRequest, execute: () => Promise<Answer>): Promise<Answer & { replayed: boolean }> {
    const { owner, key, requestHash } = request;
    return this.store.transaction(async (repos) => {
      const since = new Date(Date.now() - IDEMPOTENCY_KEY_TTL_MS).toISOString();
      const stored = await repos.idempotencyKeys.find(owner, key, since);
      if (stored) {
        if (stored.request_hash !== requestHash) {
          throw new DomainError('unprocessable', 'idempotency_key_reused',
            'This Idempotency-Key was used with a different request; use a new key for a new request', 'Idempotency-Key');
        }
        const answer = JSON.parse(this.box.open(stored.response!, sealContext(owner, key))) as Answer;
        return { ...answer, replayed: true };
      }
      await repos.idempotencyKeys.claim(owner, key, requestHash, new Date().toISOString(), since);
      const answer = await execute();
      await repos.idempotencyKeys.complete(owner, key, answer.statusCode, this.box.seal(JSON.stringify(answer), sealContext(owner, key)));
      return { ...answer, replayed: false };
    });
  }

  /** Forgets expired keys, at most once a minute per process. */
  private async purgeExpired(): Promise<void> {
    if (Date.now() - this.lastPurge < 60_000) return;
    this.lastPurge = Date.now();
    const before = new Date(Date.now() - IDEMPOTENCY_KEY_TTL_MS).toISOString();
    await this.store.write((repos) => repos.idempotencyKeys.purge(before));
  }
}

/** The additional data a stored answer is sealed to: it opens only as that owner's key. */
export function sealContext(owner: string, key: string): string {
  return `idempotency:${owner}:${key}`;
}
