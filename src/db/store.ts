import { AccountRepository } from './account.repository.ts';
import { AppRepository } from './app.repository.ts';
import { AppVersionRepository } from './app-version.repository.ts';
import type { DatabaseHandle, Dialect } from './database.ts';
import type { Executor } from './executor.ts';
import { FolderRepository } from './folder.repository.ts';
import { GroupRepository } from './group.repository.ts';
import { InviteRepository } from './invite.repository.ts';
import { MembershipRepository } from './membership.repository.ts';
import { ResourceRepository } from './resource.repository.ts';
import { SettingRepository } from './setting.repository.ts';
import { TokenRepository } from './token.repository.ts';
import { UserRepository } from './user.repository.ts';
import { UserImportRepository } from './user-import.repository.ts';
import { UserAttributeRepository } from './user-attribute.repository.ts';
import { WorkspaceRepository } from './workspace.repository.ts';

/** Every repository, bound to one executor (the database, or one transaction). */
export class Repositories {
  readonly accounts: AccountRepository;
  readonly apps: AppRepository;
  readonly appVersions: AppVersionRepository;
  readonly folders: FolderRepository;
  readonly groups: GroupRepository;
  readonly invites: InviteRepository;
  readonly memberships: MembershipRepository;
  readonly resources: ResourceRepository;
  readonly settings: SettingRepository;
  readonly tokens: TokenRepository;
  readonly userAttributes: UserAttributeRepository;
  readonly userImports: UserImportRepository;
  readonly users: UserRepository;
  readonly workspaces: WorkspaceRepository;

  constructor(db: Executor, dialect: Dialect) {
    this.accounts = new AccountRepository(db);
    this.apps = new AppRepository(db);
    this.appVersions = new AppVersionRepository(db);
    this.folders = new FolderRepository(db, dialect);
    this.groups = new GroupRepository(db, dialect);
    this.invites = new InviteRepository(db, dialect);
    this.memberships = new MembershipRepository(db, dialect);
    this.resources = new ResourceRepository(db, dialect);
    this.settings = new SettingRepository(db);
    this.tokens = new TokenRepository(db);
    this.userAttributes = new UserAttributeRepository(db, dialect);
    this.userImports = new UserImportRepository(db);
    this.users = new UserRepository(db);
    this.workspaces = new WorkspaceRepository(db, dialect);
  }
}

/**
 * The services' only door to the database. `read` runs without a transaction; `write` runs
 * the whole callback in one transaction, so a callback that throws changes nothing.
 */
export class Store {
  private readonly repositories: Repositories;

  constructor(private readonly handle: DatabaseHandle) {
    this.repositories = new Repositories(handle.db, handle.dialect);
  }

  get dialect(): Dialect {
    return this.handle.dialect;
  }

  read<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    return work(this.repositories);
  }

  write<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    return this.handle.db.transaction().execute((trx) => work(new Repositories(trx, this.handle.dialect)));
  }
}
