import type { RateLimitConfig, SessionConfig } from '../config.ts';
import type { Store } from '../db/store.ts';
import { AccountService } from './account.service.ts';
import { AppService } from './app.service.ts';
import { AppTransferService } from './app-transfer.service.ts';
import { AuditLogService } from './audit-log.service.ts';
import { FolderService } from './folder.service.ts';
import { GroupService } from './group.service.ts';
import { IdempotencyService } from './idempotency.service.ts';
import { InviteAcceptanceService } from './invite-acceptance.service.ts';
import { InviteChangeService } from './invite-change.service.ts';
import { InviteDelivery } from './invite-delivery.ts';
import { InviteLinks } from './invite-links.ts';
import { InviteService } from './invite.service.ts';
import type { Mailer } from './mailer.ts';
import { PasswordResetService } from './password-reset.service.ts';
import { PermissionService } from './permission.service.ts';
import { ResourceService } from './resource.service.ts';
import { RetoolDataService } from './retool-data.service.ts';
import { ConfigurationVariableService } from './configuration-variable.service.ts';
import { EnvironmentService } from './environment.service.ts';
import { KeyRotationService } from './key-rotation.service.ts';
import { MeService } from './me.service.ts';
import type { RateCounter } from './rate-counter.ts';
import { SessionService } from './session.service.ts';
import { SignInService } from './sign-in.service.ts';
import { SsoConfigurationService } from './sso-configuration.service.ts';
import { SpaceCopyService } from './space-copy.service.ts';
import { SsoSignInService } from './sso-sign-in.service.ts';
import { ResourceConfigurationService } from './resource-configuration.service.ts';
import { ScimGroupService } from './scim/scim-group.service.ts';
import { ScimUserService } from './scim/scim-user.service.ts';
import type { SecretBox } from './secrets.ts';
import { TokenService } from './token.service.ts';
import { TwoFactorService } from './two-factor.service.ts';
import { UnitOfWork } from './unit-of-work.ts';
import { UserService } from './user.service.ts';
import { UserAttributeService } from './user-attribute.service.ts';
import { UserImportService } from './user-import.service.ts';
import { WorkflowService } from './workflow.service.ts';
import { WorkspaceService } from './workspace.service.ts';

/** Every core service, built once per process over one store; the dialects and the CLI share them. */
export interface Services {
  accounts: AccountService;
  apps: AppService;
  appTransfers: AppTransferService;
  auditLog: AuditLogService;
  folders: FolderService;
  groups: GroupService;
  idempotency: IdempotencyService;
  invites: InviteService;
  inviteAcceptance: InviteAcceptanceService;
  /** Groups and attribute values of open invites. */
  inviteChanges: InviteChangeService;
  resources: ResourceService;
  retool: RetoolDataService;
  /** SCIM 2.0 Users and Groups: members and groups of a workspace, written through `users` and `groups`. */
  scimUsers: ScimUserService;
  scimGroups: ScimGroupService;
  tokens: TokenService;
  unitOfWork: UnitOfWork;
  spaceCopies: SpaceCopyService;
  userAttributes: UserAttributeService;
  userImports: UserImportService;
  users: UserService;
  workspaces: WorkspaceService;
  configurationVariables: ConfigurationVariableService;
  environments: EnvironmentService;
  resourceConfigurations: ResourceConfigurationService;
  keyRotation: KeyRotationService;
  permissions: PermissionService;
  workflows: WorkflowService;
  sessions: SessionService;
  signIn: SignInService;
  sso: SsoConfigurationService;
  ssoSignIn: SsoSignInService;
  twoFactor: TwoFactorService;
  me: MeService;
  passwordResets: PasswordResetService;
}

/** What signing people in needs: how long sessions last, and the shared counters that throttle failures. */
export interface SignInOptions {
  session: SessionConfig;
  rateCounter: RateCounter;
  rateLimit: RateLimitConfig;
}

/**
 * How invitation links reach invitees: by `mailer`, or returned to the caller when it is null.
 * Password reset links go by `mailer` only; without it no reset is made.
 */
export interface InviteDeliveryOptions {
  mailer: Mailer | null;
  /** Base of the accept links (`<publicUrl>/invite/<token>`). */
  publicUrl: string;
}

export function createServices(store: Store, box: SecretBox, delivery: InviteDeliveryOptions, signIn: SignInOptions): Services {
  const workspaces = new WorkspaceService(store);
  const sessions = new SessionService(store, signIn.session);
  const twoFactor = new TwoFactorService(store, box, signIn.rateCounter, signIn.rateLimit);
  const me = new MeService(store, workspaces, sessions);
  const inviteLinks = new InviteLinks(box.deriveKeys('invite-links'));
  const invites = new InviteService(store, new InviteDelivery(store, delivery.mailer, delivery.publicUrl));
  const users = new UserService(store);
  const groups = new GroupService(store);
  const apps = new AppService(store);
  const appTransfers = new AppTransferService(store);
  const resources = new ResourceService(store, box);
  const workflows = new WorkflowService(store);
  const unitOfWork = new UnitOfWork(store);
  return {
    accounts: new AccountService(store, inviteLinks),
    apps,
    appTransfers,
    auditLog: new AuditLogService(store),
    folders: new FolderService(store),
    groups,
    idempotency: new IdempotencyService(store, box),
    invites,
    inviteAcceptance: new InviteAcceptanceService(store, inviteLinks),
    inviteChanges: new InviteChangeService(store),
    resources,
    retool: new RetoolDataService(store, box),
    scimUsers: new ScimUserService(store, users),
    scimGroups: new ScimGroupService(store, groups),
    tokens: new TokenService(store, workspaces),
    unitOfWork,
    spaceCopies: new SpaceCopyService({ unitOfWork, apps, appTransfers, resources, workflows }),
    userAttributes: new UserAttributeService(store),
    userImports: new UserImportService(store, invites),
    users,
    workspaces,
    configurationVariables: new ConfigurationVariableService(store, box),
    environments: new EnvironmentService(store),
    resourceConfigurations: new ResourceConfigurationService(store, box),
    keyRotation: new KeyRotationService(store, box),
    permissions: new PermissionService(store),
    workflows,
    sessions,
    signIn: new SignInService(store, sessions, signIn.rateCounter, signIn.rateLimit, twoFactor, me),
    sso: new SsoConfigurationService(store, box),
    ssoSignIn: new SsoSignInService(store, box, sessions),
    twoFactor,
    me,
    passwordResets: new PasswordResetService(store, sessions, signIn.rateCounter, signIn.rateLimit, delivery),
  };
}
