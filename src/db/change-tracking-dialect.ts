import type {
  CompiledQuery, DatabaseConnection, DatabaseIntrospector, Dialect, DialectAdapter, Driver, Kysely, QueryCompiler,
  QueryResult, TransactionSettings,
} from 'kysely';
import type { StatementEffect, TableChanges } from './table-changes.ts';

/**
 * `dialect`, reporting to `changes` what every statement run through it changed: at once
 * outside a transaction, and for a transaction when it ends. Transactions are those Kysely
 * opens (`transaction()`); a `begin` sent as SQL text would not be seen as one.
 */
export class ChangeTrackingDialect implements Dialect {
  constructor(private readonly inner: Dialect, private readonly changes: TableChanges) {}

  createDriver(): Driver {
    return new ChangeTrackingDriver(this.inner.createDriver(), this.changes);
  }

  createQueryCompiler(): QueryCompiler {
    return this.inner.createQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return this.inner.createAdapter();
  }

  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return this.inner.createIntrospector(db);
  }
}

/** One connection of the inner driver, with the effects of its open transaction's statements. */
class TrackedConnection implements DatabaseConnection {
  /** Effects not yet visible to others: those of the open transaction; null outside one. */
  pending: StatementEffect[] | null = null;

  constructor(readonly inner: DatabaseConnection, private readonly changes: TableChanges) {}

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const effect = this.changes.effectOf(compiledQuery.sql);
    try {
      return await this.inner.executeQuery<R>(compiledQuery);
    } finally {
      // A failed statement may still have changed something (a partial multi-row write).
      if (effect.kind !== 'none') {
        if (this.pending) this.pending.push(effect);
        else this.changes.record([effect]);
      }
    }
  }

  streamQuery<R>(compiledQuery: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(compiledQuery, chunkSize);
  }

  /** Ends the open transaction's bookkeeping: its changes count now. */
  settle(): void {
    if (this.pending) this.changes.record(this.pending);
    this.pending = null;
  }
}

class ChangeTrackingDriver implements Driver {
  private readonly connections = new WeakMap<DatabaseConnection, TrackedConnection>();

  constructor(private readonly inner: Driver, private readonly changes: TableChanges) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await this.inner.acquireConnection();
    let tracked = this.connections.get(connection);
    if (!tracked) {
      tracked = new TrackedConnection(connection, this.changes);
      this.connections.set(connection, tracked);
    }
    return tracked;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const tracked = connection as TrackedConnection;
    await this.inner.beginTransaction(tracked.inner, settings);
    tracked.pending = [];
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.ending(connection as TrackedConnection, (inner) => this.inner.commitTransaction(inner));
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.ending(connection as TrackedConnection, (inner) => this.inner.rollbackTransaction(inner));
  }

  async savepoint(connection: DatabaseConnection, name: string, compileQuery: QueryCompiler['compileQuery']): Promise<void> {
    await this.savepointMethod('savepoint')((connection as TrackedConnection).inner, name, compileQuery);
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compileQuery: QueryCompiler['compileQuery']): Promise<void> {
    await this.savepointMethod('rollbackToSavepoint')((connection as TrackedConnection).inner, name, compileQuery);
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compileQuery: QueryCompiler['compileQuery']): Promise<void> {
    await this.savepointMethod('releaseSavepoint')((connection as TrackedConnection).inner, name, compileQuery);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const tracked = connection as TrackedConnection;
    // A connection given back mid-transaction (its transaction failed to begin or end) counts what it did.
    tracked.settle();
    await this.inner.releaseConnection(tracked.inner);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }

  /** Ends the transaction on `connection`, whose changes count from then on, even when ending it fails. */
  private async ending(connection: TrackedConnection, end: (inner: DatabaseConnection) => Promise<void>): Promise<void> {
    try {
      await end(connection.inner);
    } finally {
      connection.settle();
    }
  }

  private savepointMethod(name: 'savepoint' | 'rollbackToSavepoint' | 'releaseSavepoint') {
    const method = this.inner[name];
    if (!method) throw new Error(`the database driver has no ${name}`);
    return method.bind(this.inner);
  }
}
