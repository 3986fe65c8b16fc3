import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Timestamps are written as ISO-8601 strings. PostgreSQL stores them as timestamptz and
 * hands them back as the same ISO-8601 text (pg-timestamps.ts; a Date for a value outside
 * that form); SQLite stores the text. `toIso` in rows.ts reads either.
 */
export type Timestamp = ColumnType<Date | string, string, string>;
/** JSON documents: jsonb on PostgreSQL (parsed by the driver), text on SQLite. */
export type Json = ColumnType<unknown, string, string>;
/** A JSON column with a database default, so inserts may leave it out. */
export type JsonWithDefault = ColumnType<unknown, string | undefined, string>;

export interface WorkspaceTable {
  id: string;
  name: string;
  status: 'active' | 'archived';
  /** The workspace's own email domains (JSON array); invitees from other domains are external. */
  domains: JsonWithDefault;
  /** 1 when every member must sign in with a second factor. */
  two_factor_required: ColumnType<number, number | undefined, number>;
  /** The role a member added by SCIM gets unless the request names one. */
  scim_default_role: ColumnType<'admin' | 'builder' | 'end-user', 'admin' | 'builder' | 'end-user' | undefined, 'admin' | 'builder' | 'end-user'>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserTable {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  password_hash: string | null;
  status: 'active' | 'invited' | 'archived';
  external_id: string | null;
  /** The workspace the user lands in; ToolJet's defaultOrganizationId. */
  default_workspace_id: string | null;
  /** The TOTP secret, sealed; set while enrolling and once enrolled. */
  totp_secret: ColumnType<string | null, string | null | undefined, string | null>;
  /** When two-factor sign-in was confirmed; null while it is off. */
  totp_enabled_at: ColumnType<Date | string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/**
 * A workspace's number of memberships is the sum of its rows' `members`, kept by triggers
 * (migration 0015); PostgreSQL connections each add to their own `slot`.
 */
export interface WorkspaceMemberCountTable {
  workspace_id: string;
  slot: number;
  members: number;
}

export interface MembershipTable {
  workspace_id: string;
  user_id: string;
  role: 'admin' | 'builder' | 'end-user';
  status: 'active' | 'invited' | 'archived';
  /** Changes whenever the membership is (re)invited; invitation links are derived from it. */
  invite_nonce: string | null;
  /** Attribute name → value (JSON object), for the workspace's attribute definitions. */
  attributes: JsonWithDefault;
  /**
   * The workspace's own names for a member whose account it shares with other workspaces;
   * null shows the account's names. See core/account-boundary.ts.
   */
  first_name: ColumnType<string | null, string | null | undefined, string | null>;
  last_name: ColumnType<string | null, string | null | undefined, string | null>;
  /** The SCIM userName, unique in the workspace whatever its case; null shows the account's email. */
  user_name: ColumnType<string | null, string | null | undefined, string | null>;
  /** The identity provider's id for the member (SCIM externalId). */
  external_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The SCIM User attributes the model has no column for (JSON object); null for members SCIM never wrote. */
  scim: ColumnType<unknown, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A signed-in person's session; the cookie holds the secret, only its SHA-256 is stored. */
export interface SessionTable {
  id: string;
  secret_hash: string;
  user_id: string;
  /** How the person signed in: `password` or `sso`. */
  method: string;
  address: string | null;
  user_agent: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  /** The end of its absolute lifetime. */
  expires_at: Timestamp;
}

export interface PasswordResetTable {
  id: string;
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: ColumnType<Date | string | null, string | null | undefined, string | null>;
}

/** One of an account's ten two-factor recovery codes, hashed; each works once. */
export interface RecoveryCodeTable {
  user_id: string;
  code_hash: string;
  used_at: ColumnType<Date | string | null, string | null | undefined, string | null>;
}

/** A workspace's OpenID Connect sign-in. */
export interface SsoConfigurationTable {
  workspace_id: string;
  issuer: string;
  client_id: string;
  /** Sealed; write-only over the API. */
  client_secret: string | null;
  scopes: JsonWithDefault;
  groups_claim: string | null;
  /** Claim value → group names of the workspace. */
  group_mappings: JsonWithDefault;
  /** Claim name → user attribute name. */
  attribute_mappings: JsonWithDefault;
  allowed_domains: JsonWithDefault;
  jit_enabled: ColumnType<number, number | undefined, number>;
  jit_role: ColumnType<'admin' | 'builder' | 'end-user', 'admin' | 'builder' | 'end-user' | undefined, 'admin' | 'builder' | 'end-user'>;
  password_login_allowed: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A sign-in under way at the identity provider, from the redirect to its callback. */
export interface SsoLoginTable {
  state_hash: string;
  workspace_id: string;
  /** Sealed PKCE verifier. */
  code_verifier: string;
  nonce: string;
  return_to: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface GroupTable {
  id: Generated<number>;
  uuid: string;
  workspace_id: string;
  name: string;
  /** The identity provider's id for the group (SCIM externalId). */
  external_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface GroupMemberTable {
  group_id: number;
  user_id: string;
  created_at: Timestamp;
}

export interface FolderTable {
  id: string;
  workspace_id: string;
  name: string;
  folder_type: 'app' | 'resource' | 'workflow';
  parent_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AppTable {
  id: string;
  workspace_id: string;
  name: string;
  description: string;
  folder_id: string | null;
  /** Unique across the instance; an app's id unless set otherwise. */
  slug: string;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AppVersionTable {
  id: string;
  app_id: string;
  name: string;
  /** The version's definition (pages, components, queries, ...) as the client sent it. */
  definition: Json;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AppResourceTable {
  app_id: string;
  resource_id: string;
}

export interface ResourceTable {
  id: string;
  workspace_id: string;
  name: string;
  type: string;
  display_name: string;
  folder_id: string | null;
  options: Json;
  /** Secret name → AES-256-GCM ciphertext envelope; never leaves the core in clear. */
  secrets: Json;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ApiTokenTable {
  id: string;
  name: string;
  /** What the token is for, in a sentence; null when none was given. */
  description: string | null;
  token_hash: string;
  token_prefix: string;
  scopes: Json;
  workspace_id: string | null;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp | null;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface UserAttributeDefinitionTable {
  id: string;
  workspace_id: string;
  /** Matches ^[a-z0-9_]+$, unique in the workspace. */
  name: string;
  label: string;
  data_type: 'string' | 'number' | 'boolean' | 'json';
  default_value: Json | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface InviteTable {
  id: string;
  workspace_id: string;
  email: string;
  role: 'admin' | 'builder' | 'end-user';
  /** Integer ids of the workspace's groups the invitee joins (JSON array). */
  group_ids: JsonWithDefault;
  attributes: JsonWithDefault;
  /** 1 when the email's domain is not one of the workspace's domains. */
  external: Generated<number>;
  /** SHA-256 of the one-time token; the token itself is never stored. */
  token_hash: string;
  status: 'pending' | 'accepted' | 'revoked';
  expires_at: Timestamp;
  created_by: string | null;
  accepted_user_id: string | null;
  accepted_at: Timestamp | null;
  revoked_at: Timestamp | null;
  send_attempts: Generated<number>;
  last_sent_at: Timestamp | null;
  /** Why the last delivery failed; null after a successful one. */
  send_error: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SettingTable {
  key: string;
  value: string;
}

/** One recorded write: who, what, on which target, where; never a secret value. */
export interface AuditEventTable {
  id: Generated<number>;
  occurred_at: Timestamp;
  workspace_id: string | null;
  actor_type: 'token' | 'session' | 'external_api' | 'cli' | 'public' | 'system';
  actor_token_id: string | null;
  actor_user_id: string | null;
  /** The client address and user agent of the request that made the write; null for local commands. */
  actor_address: ColumnType<string | null, string | null | undefined, string | null>;
  actor_user_agent: ColumnType<string | null, string | null | undefined, string | null>;
  action: string;
  target_type: string;
  target_id: string;
  /** Changed field → new value (JSON object); secret values are never recorded. */
  changes: JsonWithDefault;
  request_id: string | null;
  /** The API dialect that made the write (`retool-v2`); null for the native API and local work. */
  source: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A request sent with an Idempotency-Key, and its answer once it has one. */
export interface IdempotencyKeyTable {
  /** Whose key it is: the token that sent it. */
  owner: string;
  key: string;
  /** SHA-256 of method, path and body: a reuse with another request is refused. */
  request_hash: string;
  status_code: number | null;
  /** The answer's body, encrypted: it may hold a secret shown once. */
  response: string | null;
  created_at: Timestamp;
}

/** A deployment stage of a workspace (development, staging, production, ...). */
export interface EnvironmentTable {
  id: string;
  workspace_id: string;
  /** Unique in the workspace. */
  name: string;
  description: Generated<string>;
  /** `#rrggbb`, or null for none. */
  color: string | null;
  /** 1 for the workspace's one default environment. */
  is_default: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WorkflowTable {
  id: string;
  workspace_id: string;
  name: string;
  description: string;
  /** A folder of type `workflow`, or null at the top level. */
  folder_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** What a resource uses in one environment, over its own options and secrets. */
export interface ResourceConfigurationTable {
  resource_id: string;
  environment_id: string;
  options: JsonWithDefault;
  /** Secret name → AES-256-GCM ciphertext envelope; never leaves the core in clear. */
  secrets: JsonWithDefault;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One subject's access level on one object; unique per (workspace, subject, object). */
export interface PermissionGrantTable {
  id: Generated<number>;
  workspace_id: string;
  subject_type: 'user' | 'group';
  /** A user UUID, or a group's integer id as text. */
  subject_id: string;
  object_type: 'app' | 'resource' | 'folder' | 'workflow';
  object_id: string;
  access_level: 'use' | 'edit' | 'own';
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One request budget's current window (see RateLimitRepository); times in epoch milliseconds. */
export interface RateLimitTable {
  /** The budget: what is counted (`token:<id>`, `address:<ip>`, ...). */
  key: string;
  /** PostgreSQL returns bigint as a string; SQLite as a number. */
  window_start: ColumnType<string | number, number, number>;
  expires_at: ColumnType<string | number, number, number>;
  count: number;
}

/** A small integer naming an object whose own id is a UUID, for Retool's API v2 (`legacy_id`, `app_<n>`). */
export interface RetoolLegacyIdTable {
  /** Below 2^24 in practice: Retool's clients decode these as 32-bit floats. */
  id: Generated<number>;
  /** `user`, `folder`, or `root_folder` (a workspace's root of one folder type, `<workspace>:<type>`). */
  kind: string;
  local_id: string;
}

/** The id Retool's API v2 gives one resource's configuration in one environment. */
export interface RetoolResourceConfigurationIdTable {
  id: string;
  resource_id: string;
  environment_id: string;
}

/** A group's Retool access settings (universal access levels, feature switches, landing page). */
export interface RetoolGroupSettingsTable {
  group_id: number;
  settings: JsonWithDefault;
}

/** A member's free-form Retool `metadata` object in one workspace. */
export interface RetoolUserMetadataTable {
  workspace_id: string;
  user_id: string;
  metadata: JsonWithDefault;
}

/** A workspace's named value, one per environment; Retool's configuration variable. */
export interface ConfigurationVariableTable {
  id: string;
  workspace_id: string;
  /** Unique in the workspace. */
  name: string;
  description: Generated<string>;
  /** 1 when the values are secret: sealed at rest, never answered. */
  secret: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ConfigurationVariableValueTable {
  variable_id: string;
  environment_id: string;
  /** The value; an AES-256-GCM envelope when the variable is secret. */
  value: string;
  /** Where the value came in the list the client gave: answers keep that order. */
  position: number;
}

/** A workspace's Retool-only settings of one kind (`sso`, `source_control_config`, ...). */
export interface RetoolSettingsTable {
  workspace_id: string;
  kind: string;
  /** The settings without their secrets. */
  settings: JsonWithDefault;
  /** Dotted path → AES-256-GCM ciphertext envelope; never leaves the core in clear. */
  secrets: JsonWithDefault;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface Database {
  workspaces: WorkspaceTable;
  users: UserTable;
  memberships: MembershipTable;
  groups: GroupTable;
  group_members: GroupMemberTable;
  folders: FolderTable;
  apps: AppTable;
  app_resources: AppResourceTable;
  app_versions: AppVersionTable;
  resources: ResourceTable;
  api_tokens: ApiTokenTable;
  invites: InviteTable;
  settings: SettingTable;
  user_attribute_definitions: UserAttributeDefinitionTable;
  audit_events: AuditEventTable;
  idempotency_keys: IdempotencyKeyTable;
  environments: EnvironmentTable;
  resource_configurations: ResourceConfigurationTable;
  rate_limits: RateLimitTable;
  workflows: WorkflowTable;
  permission_grants: PermissionGrantTable;
  sessions: SessionTable;
  password_resets: PasswordResetTable;
  recovery_codes: RecoveryCodeTable;
  sso_configurations: SsoConfigurationTable;
  sso_logins: SsoLoginTable;
  retool_legacy_ids: RetoolLegacyIdTable;
  retool_resource_configuration_ids: RetoolResourceConfigurationIdTable;
  retool_group_settings: RetoolGroupSettingsTable;
  retool_user_metadata: RetoolUserMetadataTable;
  configuration_variables: ConfigurationVariableTable;
  configuration_variable_values: ConfigurationVariableValueTable;
  retool_settings: RetoolSettingsTable;
  workspace_member_counts: WorkspaceMemberCountTable;
}

/** A workspace as most reads see it; whether it requires two-factor sign-in is read on its own. */
export type WorkspaceRow = Omit<Selectable<WorkspaceTable>, 'two_factor_required' | 'scim_default_role'>;
/** An account as most reads see it; its two-factor state is read on its own. */
export type UserRow = Omit<Selectable<UserTable>, 'totp_secret' | 'totp_enabled_at'>;
export type MembershipRow = Selectable<MembershipTable>;
export type GroupRow = Selectable<GroupTable>;
export type FolderRow = Selectable<FolderTable>;
export type AppRow = Selectable<AppTable>;
export type ResourceRow = Selectable<ResourceTable>;
export type AppVersionRow = Selectable<AppVersionTable>;
export type InviteRow = Selectable<InviteTable>;
export type UserAttributeDefinitionRow = Selectable<UserAttributeDefinitionTable>;
export type ApiTokenRow = Selectable<ApiTokenTable>;
export type AuditEventRow = Selectable<AuditEventTable>;
export type IdempotencyKeyRow = Selectable<IdempotencyKeyTable>;
export type EnvironmentRow = Selectable<EnvironmentTable>;
export type ResourceConfigurationRow = Selectable<ResourceConfigurationTable>;
export type WorkflowRow = Selectable<WorkflowTable>;
export type PermissionGrantRow = Selectable<PermissionGrantTable>;
export type SessionRow = Selectable<SessionTable>;
export type PasswordResetRow = Selectable<PasswordResetTable>;
export type SsoConfigurationRow = Selectable<SsoConfigurationTable>;
export type SsoLoginRow = Selectable<SsoLoginTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
