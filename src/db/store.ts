import { AsyncLocalStorage } from 'node:async_hooks';
import { type Insertable, type Kysely, sql } from 'kysely';
import { AccountRepository } from './account.repository.ts';
import { AppRepository } from './app.repository.ts';
import { AppVersionRepository } from './app-version.repository.ts';
import { AuditEventRepository } from './audit-event.repository.ts';
import { ConfigStateRepository } from './config-state.repository.ts';
import type { DatabaseHandle, Dialect } from './database.ts';
import type { Executor } from './executor.ts';
import { PreparedQuery } from './prepared-query.ts';
import type { Database } from './schema.ts';
import type { ReadDependencies } from './table-changes.ts';
import { FolderRepository } from './folder.repository.ts';
import { GroupRepository } from './group.repository.ts';
import { IdempotencyKeyRepository } from './idempotency-key.repository.ts';
import { InviteRepository } from './invite.repository.ts';
import { LockRepository } from './lock.repository.ts';
import { MembershipRepository } from './membership.repository.ts';
import { PasswordResetRepository } from './password-reset.repository.ts';
import { PermissionRepository } from './permission.repository.ts';
import { RateLimitRepository } from './rate-limit.repository.ts';
import { ResourceRepository } from './resource.repository.ts';
import { RetoolRepository } from './retool.repository.ts';
import { ConfigurationVariableRepository } from './configuration-variable.repository.ts';
import { EnvironmentRepository } from './environment.repository.ts';
import { ResourceConfigurationRepository } from './resource-configuration.repository.ts';
import { ScimRepository } from './scim.repository.ts';
import { SealedValueRepository } from './sealed-value.repository.ts';
import { SessionRepository } from './session.repository.ts';
import { SettingRepository } from './setting.repository.ts';
import { SsoConfigurationRepository } from './sso-configuration.repository.ts';
import { SsoLoginRepository } from './sso-login.repository.ts';
import { TokenRepository } from './token.repository.ts';
import { TwoFactorRepository } from './two-factor.repository.ts';
import { UserRepository } from './user.repository.ts';
import { UserImportRepository } from './user-import.repository.ts';
import { UserAttributeRepository } from './user-attribute.repository.ts';
import { WorkflowRepository } from './workflow.repository.ts';
import { WorkspaceRepository } from './workspace.repository.ts';

/** One new row of any table, for `Store.insertWithoutFlush`. */
export type NewRow = { [Table in keyof Database]: { into: Table; row: Insertable<Database[Table]> } }[keyof Database];

/** Every repository, bound to one executor (the database, or one transaction). */
export class Repositories {
  readonly accounts: AccountRepository;
  readonly apps: AppRepository;
  readonly appVersions: AppVersionRepository;
  readonly auditEvents: AuditEventRepository;
  readonly configState: ConfigStateRepository;
  readonly folders: FolderRepository;
  readonly groups: GroupRepository;
  readonly idempotencyKeys: IdempotencyKeyRepository;
  readonly invites: InviteRepository;
  readonly locks: LockRepository;
  readonly memberships: MembershipRepository;
  readonly passwordResets: PasswordResetRepository;
  readonly rateLimits: RateLimitRepository;
  readonly resources: ResourceRepository;
  readonly retool: RetoolRepository;
  readonly sessions: SessionRepository;
  readonly settings: SettingRepository;
  readonly ssoConfigurations: SsoConfigurationRepository;
  readonly ssoLogins: SsoLoginRepository;
  readonly tokens: TokenRepository;
  readonly twoFactor: TwoFactorRepository;
  readonly userAttributes: UserAttributeRepository;
  readonly userImports: UserImportRepository;
  readonly users: UserRepository;
  readonly workspaces: WorkspaceRepository;
  readonly configurationVariables: ConfigurationVariableRepository;
  readonly environments: EnvironmentRepository;
  readonly resourceConfigurations: ResourceConfigurationRepository;
  readonly sealedValues: SealedValueRepository;
  readonly scim: ScimRepository;
  readonly permissions: PermissionRepository;
  readonly workflows: WorkflowRepository;

  constructor(db: Executor, dialect: Dialect) {
    this.accounts = new AccountRepository(db);
    this.apps = new AppRepository(db);
    this.appVersions = new AppVersionRepository(db);
    this.auditEvents = new AuditEventRepository(db, dialect);
    this.configState = new ConfigStateRepository(db);
    this.folders = new FolderRepository(db, dialect);
    this.groups = new GroupRepository(db, dialect);
    this.idempotencyKeys = new IdempotencyKeyRepository(db);
    this.invites = new InviteRepository(db, dialect);
    this.locks = new LockRepository(db, dialect);
    this.memberships = new MembershipRepository(db, dialect);
    this.passwordResets = new PasswordResetRepository(db, dialect);
    this.rateLimits = new RateLimitRepository(db, dialect);
    this.resources = new ResourceRepository(db, dialect);
    this.retool = new RetoolRepository(db);
    this.sessions = new SessionRepository(db, dialect);
    this.settings = new SettingRepository(db);
    this.ssoConfigurations = new SsoConfigurationRepository(db);
    this.ssoLogins = new SsoLoginRepository(db);
    this.tokens = new TokenRepository(db, dialect);
    this.twoFactor = new TwoFactorRepository(db);
    this.userAttributes = new UserAttributeRepository(db, dialect);
    this.userImports = new UserImportRepository(db);
    this.users = new UserRepository(db, dialect);
    this.workspaces = new WorkspaceRepository(db, dialect);
    this.configurationVariables = new ConfigurationVariableRepository(db, dialect);
    this.environments = new EnvironmentRepository(db, dialect);
    this.resourceConfigurations = new ResourceConfigurationRepository(db);
    this.sealedValues = new SealedValueRepository(db, dialect);
    this.scim = new ScimRepository(db, dialect);
    this.permissions = new PermissionRepository(db, dialect);
    this.workflows = new WorkflowRepository(db, dialect);
  }
}

/** The transaction that `Store.transaction` opened, which reads and writes inside it join. */
interface JoinedTransaction {
  executor: Executor;
  repos: Repositories;
  savepoints: number;
}

/**
 * The services' only door to the database. `read` runs without a transaction; `write` runs
 * the whole callback in one transaction, so a callback that throws changes nothing.
 *
 * Inside `transaction(work)`, every `read` and `write` joins that one transaction: a `write`
 * becomes a savepoint, so a write that throws still changes nothing while the outer
 * transaction goes on. The HTTP layer uses it to check a precondition or claim an
 * idempotency key in the same transaction as the change it guards.
 */
export class Store {
  private readonly repositories: Repositories;
  private readonly joined = new AsyncLocalStorage<JoinedTransaction>();
  /** `insertWithoutFlush`'s statements by shape: as many as the code has kinds of such writes. */
  private readonly unflushedStatements = new Map<string, PreparedQuery<string, unknown>>();

  constructor(private readonly handle: DatabaseHandle) {
    this.repositories = new Repositories(handle.db, handle.dialect);
  }

  get dialect(): Dialect {
    return this.handle.dialect;
  }

  /**
   * Moves whenever a change this process made to the database may have changed what
   * `dependencies` describe, so a value read earlier is reused only while it has not moved.
   */
  changeGeneration(dependencies: ReadDependencies): number {
    return this.handle.changes.generation(dependencies);
  }

  /** True inside `transaction(work)`, where reads may see changes not yet committed. */
  get inTransaction(): boolean {
    return this.joined.getStore() !== undefined;
  }

  read<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    return work(this.joined.getStore()?.repos ?? this.repositories);
  }

  write<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    const joined = this.joined.getStore();
    if (joined) return inSavepoint(joined, work);
    return this.handle.db.transaction().execute((trx) => work(new Repositories(trx, this.handle.dialect)));
  }

  /**
   * Inserts `rows` all or none, committed without waiting for PostgreSQL to flush its log to
   * disk (`synchronous_commit = off`, for this commit only): still atomic and ordered with
   * every other transaction, but a database crash within a fraction of a second after the
   * commit may lose the rows. Only for a change a person repairs by repeating it, such as the
   * session a sign-in starts.
   *
   * On PostgreSQL it is one statement, one round trip: every row but the last is inserted by
   * a data-modifying `with`, and the last insert's `returning` turns the flush off for the
   * statement's own transaction. SQLite in WAL mode with `synchronous = NORMAL` commits every
   * transaction this way; there the rows are inserted in one transaction. Inside
   * `transaction(work)` they join it.
   */
  async insertWithoutFlush(rows: readonly NewRow[]): Promise<void> {
    const joined = this.joined.getStore();
    if (joined) return inSavepoint(joined, () => insertEach(joined.executor, rows));
    if (this.handle.dialect !== 'postgres') return this.handle.db.transaction().execute((trx) => insertEach(trx, rows));
    if (rows.length === 0) return;
    const values = Object.fromEntries(rows.flatMap(({ row }, index) =>
      Object.entries(row).filter(([, value]) => value !== undefined).map(([column, value]) => [`${index}.${column}`, value])));
    await this.unflushedStatement(rows).execute(this.handle.db, 'postgres', values);
  }

  /** The PostgreSQL statement of `insertWithoutFlush` for rows of this shape (tables, and the columns each sets), compiled once. */
  private unflushedStatement(rows: readonly NewRow[]): PreparedQuery<string, unknown> {
    const shape = rows.map(({ into, row }) => ({ into, columns: Object.keys(row).filter((column) => (row as Record<string, unknown>)[column] !== undefined) }));
    const key = shape.map(({ into, columns }) => `${into}(${columns.join(',')})`).join(' ');
    let statement = this.unflushedStatements.get(key);
    if (!statement) {
      const names = shape.flatMap(({ columns }, index) => columns.map((column) => `${index}.${column}`));
      statement = new PreparedQuery(names, (db, slots) => {
        const valuesOf = (index: number) => Object.fromEntries(shape[index]!.columns.map((column) => [column, slots[`${index}.${column}`]]));
        // Each row's table and columns are checked by NewRow; Kysely cannot type a table chosen at run time.
        let creator = db as unknown as Kysely<any>;
        shape.slice(0, -1).forEach(({ into }, index) => {
          creator = creator.with(`row_${index}`, (inner) => inner.insertInto(into).values(valuesOf(index))) as unknown as Kysely<any>;
        });
        const last = shape.length - 1;
        return creator.insertInto(shape[last]!.into).values(valuesOf(last))
          .returning(sql`set_config('synchronous_commit', 'off', true)`.as('unflushed'));
      });
      this.unflushedStatements.set(key, statement);
    }
    return statement;
  }

  /**
   * Runs `work` in one transaction that every read and write inside it joins; it commits
   * when `work` resolves and rolls everything back when it throws. Nested calls join the
   * outer transaction.
   */
  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    const joined = this.joined.getStore();
    if (joined) return work(joined.repos);
    return this.handle.db.transaction().execute((trx) => {
      const repos = new Repositories(trx, this.handle.dialect);
      return this.joined.run({ executor: trx, repos, savepoints: 0 }, () => work(repos));
    });
  }
}

async function insertEach(executor: Executor, rows: readonly NewRow[]): Promise<void> {
  for (const { into, row } of rows) await (executor as unknown as Kysely<any>).insertInto(into).values(row).execute();
}

async function inSavepoint<T>(joined: JoinedTransaction, work: (repos: Repositories) => Promise<T>): Promise<T> {
  const name = sql.id(`write_${++joined.savepoints}`);
  await sql`savepoint ${name}`.execute(joined.executor);
  try {
    const result = await work(joined.repos);
    await sql`release savepoint ${name}`.execute(joined.executor);
    return result;
  } catch (error) {
    await sql`rollback to savepoint ${name}`.execute(joined.executor);
    throw error;
  }
}
