/** One value sent for a field: when it was sent, and when and how its answer came. */
interface Attempt<T> {
  value: T;
  sentAt: number;
  /** When the answer came, or when the request was known lost with its server; unset while in flight. */
  endedAt?: number;
  outcome: 'pending' | 'acknowledged' | 'lost';
}

/**
 * What a client was told was written. A field's stored value must be one the client could
 * have caused: an acknowledged value, or one whose answer never came (the process died
 * between commit and reply, or before commit) or has not come yet. Requests run
 * concurrently, so answers do not say in which order values were committed; what does is
 * time: a request that ended before an acknowledged one was sent committed (if at all)
 * before it, and was overwritten by it. Every other value sent and not refused is possible.
 */
export class FieldHistory<T> {
  private attempts: Attempt<T>[];

  constructor(acknowledged: T) {
    const at = performance.now();
    this.attempts = [{ value: acknowledged, sentAt: at, endedAt: at, outcome: 'acknowledged' }];
  }

  /** A value sent; until it is answered, it or an earlier candidate may be stored. */
  sent(value: T): void {
    this.attempts.push({ value, sentAt: performance.now(), outcome: 'pending' });
  }

  acknowledged(value: T): void {
    this.end(value, 'acknowledged');
  }

  /** No answer will come: the server died with the request, before or after its commit. */
  lost(value: T): void {
    this.end(value, 'lost');
  }

  /** A definite refusal (4xx): that value was never written. */
  refused(value: T): void {
    this.attempts = this.attempts.filter((attempt) => !same(attempt.value, value));
  }

  allows(value: T): boolean {
    return this.candidates().some((attempt) => same(attempt.value, value));
  }

  get possible(): T[] {
    return this.candidates().map((attempt) => attempt.value);
  }

  private end(value: T, outcome: Attempt<T>['outcome']): void {
    const attempt = [...this.attempts].reverse().find((candidate) => candidate.outcome === 'pending' && same(candidate.value, value));
    if (!attempt) return;
    attempt.outcome = outcome;
    attempt.endedAt = performance.now();
    this.attempts = this.candidates();
  }

  /** Attempts not overwritten for sure: still in flight, or ended no earlier than the latest acknowledged value was sent. */
  private candidates(): Attempt<T>[] {
    const overwrittenBefore = Math.max(...this.attempts.filter((attempt) => attempt.outcome === 'acknowledged').map((attempt) => attempt.sentAt));
    return this.attempts.filter((attempt) => attempt.endedAt === undefined || attempt.endedAt >= overwrittenBefore);
  }
}

function same<T>(one: T, other: T): boolean {
  return JSON.stringify(one) === JSON.stringify(other);
}

export interface AckedUser {
  id: string;
  email: string;
  firstName: FieldHistory<string>;
  lastName: FieldHistory<string>;
  /** Acknowledged updates: at least this many `user.updated` audit events exist. */
  updates: number;
}

export interface AckedGroup {
  id: number;
  name: FieldHistory<string>;
  members: Set<string>;
  renames: number;
}

export interface AckedResource {
  id: string;
  name: string;
  type: string;
  host: FieldHistory<string>;
  password: FieldHistory<string>;
  apiKey: string;
  updates: number;
}

export interface AckedApp {
  id: string;
  name: string;
  description: string;
}

/** Everything acknowledged with a 2xx during a run. */
export class Acknowledged {
  readonly users = new Map<string, AckedUser>();
  readonly groups = new Map<number, AckedGroup>();
  readonly resources = new Map<string, AckedResource>();
  readonly apps = new Map<string, AckedApp>();
  writes = 0;
}
