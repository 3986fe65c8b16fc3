/**
 * What a client was told was written. A field's stored value must be one the client could
 * have caused: the last acknowledged value, or one sent after it whose answer never came
 * (the process died between commit and reply, or before commit). A later acknowledgement
 * narrows the choice to its own value.
 */
export class FieldHistory<T> {
  private candidates: T[];

  constructor(acknowledged: T) {
    this.candidates = [acknowledged];
  }

  /** A value sent; until it is answered, either it or an earlier candidate may be stored. */
  sent(value: T): void {
    this.candidates.push(value);
  }

  acknowledged(value: T): void {
    this.candidates = [value];
  }

  /** A definite refusal (4xx): that value was never written. */
  refused(value: T): void {
    const index = this.candidates.lastIndexOf(value);
    if (index > 0) this.candidates.splice(index, 1);
  }

  allows(value: T): boolean {
    return this.candidates.some((candidate) => JSON.stringify(candidate) === JSON.stringify(value));
  }

  get possible(): T[] {
    return [...this.candidates];
  }
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
