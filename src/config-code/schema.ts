import { type Static, Type } from 'typebox';
import { ATTRIBUTE_NAME_MAX_LENGTH } from '../core/user-attribute.service.ts';
import { DEFAULT_EXPIRY_DAYS, MAX_EXPIRY_DAYS } from '../core/invites.ts';
import { ENVIRONMENT_DESCRIPTION_MAX_LENGTH, ENVIRONMENT_NAME_MAX_LENGTH } from '../core/environment.service.ts';

/**
 * The configuration file's shape. The loader validates every file with these definitions
 * and `toolplane config schema` prints them as JSON Schema, so an editor checks exactly what
 * `plan` accepts. Every field is optional at the file level: several files merge into one
 * document, and each may hold any part of it.
 */

/** The sections a workspace's `prune` list may name. */
export const PRUNABLE_SECTIONS = ['environments', 'userAttributes', 'groups', 'members', 'invites', 'folders', 'apps', 'resources', 'permissions', 'sso'] as const;
export type PrunableSection = (typeof PRUNABLE_SECTIONS)[number];

const Environment = Type.Object({
  description: Type.Optional(Type.String({ maxLength: ENVIRONMENT_DESCRIPTION_MAX_LENGTH, description: 'What the environment is for.' })),
  color: Type.Optional(Type.Union([Type.String({ pattern: '^#[0-9A-Fa-f]{6}$' }), Type.Null()], {
    description: 'The colour it is shown in, `#rrggbb`; null for none.',
  })),
  default: Type.Optional(Type.Boolean({
    description: 'true makes it the workspace\'s default environment (at most one may say so).',
  })),
}, { additionalProperties: false, description: 'An environment, keyed by its name.' });

const UserAttribute = Type.Object({
  type: Type.Union([Type.Literal('string'), Type.Literal('number'), Type.Literal('boolean'), Type.Literal('json')], {
    description: 'The type of its values; fixed once the attribute exists.',
  }),
  label: Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'The name shown to people; the key when left out.' })),
  default: Type.Optional(Type.Unknown({ description: 'The value members without one of their own show; of the attribute\'s type; null for none.' })),
}, { additionalProperties: false, description: 'A user attribute definition, keyed by its name (a-z, 0-9 and _).' });

const Email = Type.String({ pattern: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$', description: 'An email address.' });

const Group = Type.Object({
  members: Type.Optional(Type.Array(Email, {
    description: 'Every member of the group, by email: members absent from this list (and from the groups of their `members` entry) are removed from the group.',
  })),
}, { additionalProperties: false, description: 'A group, keyed by its name. Without `members`, its membership is left to the `members` section.' });

const Member = Type.Object({
  role: Type.Optional(Type.Union([Type.Literal('admin'), Type.Literal('builder'), Type.Literal('end-user')], {
    description: 'The member\'s role; end-user when a new member leaves it out.',
  })),
  firstName: Type.Optional(Type.String({ maxLength: 255 })),
  lastName: Type.Optional(Type.String({ maxLength: 255 })),
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('archived')], {
    description: 'archived disables the member; active when a new member leaves it out.',
  })),
  groups: Type.Optional(Type.Array(Type.String({ minLength: 1 }), {
    description: 'Every group of the member, by name: groups absent from this list (and whose `members` do not name them) lose the member.',
  })),
  attributes: Type.Optional(Type.Record(Type.String(), Type.Unknown(), {
    description: 'Every attribute value of the member: values of other attributes are removed. Each must fit its definition.',
  })),
}, { additionalProperties: false, description: 'A member of the workspace, keyed by email.' });

/**
 * Folder trees, one per folder type: each key a folder's name, its value the folders inside
 * it (null or {} for none). One cyclic definition, so the JSON Schema holds it once.
 */
const Folders = Type.Cyclic({
  FolderTree: Type.Record(Type.String({ minLength: 1 }), Type.Union([Type.Null(), Type.Ref('FolderTree')]), {
    description: 'Folders by name; each holds the folders nested in it.',
  }),
  Folders: Type.Object({
    app: Type.Optional(Type.Ref('FolderTree')),
    resource: Type.Optional(Type.Ref('FolderTree')),
    workflow: Type.Optional(Type.Ref('FolderTree')),
  }, {
    additionalProperties: false,
    description: 'Folder trees, one per folder type. A folder is known by its path, so a renamed or moved folder is a new one.',
  }),
}, 'Folders');

const Secrets = (owner: string) => Type.Record(Type.String({ minLength: 1 }), Type.String(), {
  description: `Every secret of the ${owner}, by name, each given as a \`\${env:NAME}\` or \`\${file:path}\` reference; secrets left out are removed.`,
});

const ResourceConfiguration = Type.Object({
  options: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: 'Options over the resource\'s own in this environment; replaces the whole object.' })),
  secrets: Type.Optional(Secrets('resource in this environment')),
}, { additionalProperties: false, description: 'A resource\'s configuration of its own in one environment.' });

const Resource = Type.Object({
  type: Type.Optional(Type.String({ minLength: 1, description: 'The kind of data source (`postgresql`, `restapi`, ...); needed for a new resource, fixed once it exists.' })),
  displayName: Type.Optional(Type.String({ minLength: 1, description: 'The name shown for its type; the type\'s own when a new resource leaves it out.' })),
  folder: Type.Optional(Type.Union([Type.String({ pattern: '^[^/]+(/[^/]+)*$' }), Type.Null()], {
    description: 'The resource folder it is in, by path (`Databases/Production`); null for the top level.',
  })),
  options: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: 'Its connection options; replaces the whole object.' })),
  secrets: Type.Optional(Secrets('resource')),
  environments: Type.Optional(Type.Record(Type.String({ minLength: 1 }), ResourceConfiguration, {
    description: 'Its configurations of its own per environment, by environment name; environments left out keep theirs.',
  })),
}, { additionalProperties: false, description: 'A resource (a data source), keyed by its name.' });

const App = Type.Object({
  folder: Type.Optional(Type.Union([Type.String({ pattern: '^[^/]+(/[^/]+)*$' }), Type.Null()], {
    description: 'The app folder it is in, by path (`Finance/Reports`); null for the top level.',
  })),
  description: Type.Optional(Type.String({ description: 'What the app is for.' })),
  definition: Type.Optional(Type.String({
    minLength: 1,
    description: 'The text of a ToolJet export file holding the app and its versions, normally a reference to the file beside this one: `${file:payroll.json}`. A changed definition replaces the app\'s versions.',
  })),
}, { additionalProperties: false, description: 'An app, keyed by its name.' });

const ObjectName = (type: string) => Type.Optional(Type.String({ minLength: 1, description: `The ${type} the grant is on, by its name.` }));

const Permission = Type.Object({
  group: Type.Optional(Type.String({ minLength: 1, description: 'The group holding the grant, by name.' })),
  member: Type.Optional({ ...Email, description: 'The member holding the grant, by email.' }),
  app: ObjectName('app'),
  resource: ObjectName('resource'),
  workflow: ObjectName('workflow'),
  folder: Type.Optional(Type.String({
    pattern: '^(app|resource|workflow):/[^/]+(/[^/]+)*$', description: 'The folder the grant is on, as `type:/path`: `app:/Finance/Reports`.',
  })),
  level: Type.Union([Type.Literal('use'), Type.Literal('edit'), Type.Literal('own')], {
    description: 'The access the grant gives: use, edit or own (end users can only ever use).',
  }),
}, {
  additionalProperties: false,
  description: 'A grant of access: one subject (group or member), one object (app, resource, workflow or folder), and its level.',
});

const Role = (description: string) => Type.Union([Type.Literal('admin'), Type.Literal('builder'), Type.Literal('end-user')], { description });

const Invite = Type.Object({
  role: Type.Optional(Role('The role the invitee joins with; end-user when left out. An external email (its domain not one of the workspace\'s) joins as end-user only.')),
  groups: Type.Optional(Type.Array(Type.String({ minLength: 1 }), {
    description: 'The groups the invitee joins on accepting, by name; the whole list.',
  })),
  attributes: Type.Optional(Type.Record(Type.String(), Type.Unknown(), {
    description: 'The attribute values the invitee gets on accepting; all of them. Each must fit its definition.',
  })),
  expiresInDays: Type.Optional(Type.Integer({
    minimum: 1, maximum: MAX_EXPIRY_DAYS, description: `Days until a new invite expires (${DEFAULT_EXPIRY_DAYS} when left out); an existing invite keeps its expiry.`,
  })),
}, { additionalProperties: false, description: 'A pending invitation, keyed by the invitee\'s email. Applying a new one sends its email after the apply commits.' });

const Sso = Type.Object({
  issuer: Type.Optional(Type.String({ minLength: 1, description: 'The OpenID provider\'s issuer URL (https); needed when the workspace has no single sign-on yet.' })),
  clientId: Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'The client id registered at the provider; needed when the workspace has no single sign-on yet.' })),
  clientSecret: Type.Optional(Type.Union([Type.String({ minLength: 1 }), Type.Null()], {
    description: 'The client secret, only as an `${env:NAME}` or `${file:path}` reference; null for a public client without one. Left out, the stored one stays.',
  })),
  scopes: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { description: 'The scopes asked for; must include openid. openid, email and profile when a new configuration leaves it out.' })),
  groupsClaim: Type.Optional(Type.Union([Type.String({ minLength: 1 }), Type.Null()], { description: 'The claim holding the person\'s groups at the provider; null for none.' })),
  groupMappings: Type.Optional(Type.Record(Type.String({ minLength: 1 }), Type.Array(Type.String({ minLength: 1 })), {
    description: 'Claim value → the names of the workspace\'s groups a person with it belongs to; the whole map.',
  })),
  attributeMappings: Type.Optional(Type.Record(Type.String({ minLength: 1 }), Type.String({ minLength: 1 }), {
    description: 'Claim name → the user attribute it fills; the whole map.',
  })),
  allowedDomains: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { description: 'Email domains that may sign in; empty for every domain the provider vouches for.' })),
  jitEnabled: Type.Optional(Type.Boolean({ description: 'Whether a person the workspace does not know joins on first sign-in (needs allowedDomains).' })),
  jitRole: Type.Optional(Role('The role people joining on first sign-in get.')),
  passwordLoginAllowed: Type.Optional(Type.Boolean({ description: 'Whether members may still sign in with a password.' })),
}, {
  additionalProperties: false,
  description: 'The workspace\'s single sign-on (OpenID Connect). Fields left out stay as they are (take their defaults when it is new).',
});

const Workspace = Type.Object({
  emailDomains: Type.Optional(Type.Array(Type.String({ minLength: 1 }), {
    description: 'Email domains of the workspace\'s own people; invitees from other domains are external. Replaces the whole list.',
  })),
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('archived')])),
  twoFactorRequired: Type.Optional(Type.Boolean({ description: 'Whether sessions act here only once their person has turned two-factor sign-in on.' })),
  scimDefaultRole: Type.Optional(Type.Union([Type.Literal('admin'), Type.Literal('builder'), Type.Literal('end-user')], {
    description: 'The role people SCIM provisions into the workspace get; end-user for a new workspace.',
  })),
  prune: Type.Optional(Type.Array(Type.Union(PRUNABLE_SECTIONS.map((section) => Type.Literal(section))), {
    description: 'Sections whose objects absent from the file are deleted. Sections not named here are only added to and updated.',
  })),
  environments: Type.Optional(Type.Record(Type.String({ minLength: 1, maxLength: ENVIRONMENT_NAME_MAX_LENGTH }), Type.Union([Type.Null(), Environment]))),
  userAttributes: Type.Optional(Type.Record(Type.String({ pattern: '^[a-z0-9_]+$', maxLength: ATTRIBUTE_NAME_MAX_LENGTH }), UserAttribute, {
    additionalProperties: false, description: 'User attribute definitions by name (a-z, 0-9 and _).',
  })),
  groups: Type.Optional(Type.Record(Type.String({ minLength: 1 }), Type.Union([Type.Null(), Group]))),
  members: Type.Optional(Type.Record(Email, Type.Union([Type.Null(), Member]), {
    additionalProperties: false, description: 'Members by email (matched whatever its case).',
  })),
  invites: Type.Optional(Type.Record(Email, Type.Union([Type.Null(), Invite]), {
    additionalProperties: false, description: 'Pending invitations by email (matched whatever its case). Accepted and revoked ones are not pending.',
  })),
  sso: Type.Optional(Sso),
  folders: Type.Optional(Folders),
  apps: Type.Optional(Type.Record(Type.String({ minLength: 1, maxLength: 255 }), Type.Union([Type.Null(), App]), { description: 'Apps by name.' })),
  resources: Type.Optional(Type.Record(Type.String({ minLength: 1 }), Resource, { description: 'Resources by name.' })),
  permissions: Type.Optional(Type.Array(Permission, {
    description: 'Grants of access, each known by its subject and object. Grants the list leaves out stay unless `prune` names permissions.',
  })),
}, { additionalProperties: false, description: 'A workspace, keyed by its name.' });

export const ConfigDocument = Type.Object({
  vars: Type.Optional(Type.Record(Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]*$' }), Type.Union([Type.String(), Type.Number(), Type.Boolean()]), {
    description: 'Values for `${name}` references in this and the other files; `--var name=value` overrides them.',
  })),
  workspaces: Type.Optional(Type.Record(Type.String({ minLength: 1, maxLength: 255 }), Type.Union([Type.Null(), Workspace]), {
    description: 'Workspaces by name. A workspace absent from the instance is created.',
  })),
}, {
  additionalProperties: false,
  title: 'Toolplane configuration',
  description: 'A Toolplane instance described by natural keys (names, emails, folder paths), for `toolplane plan` and `toolplane apply`.',
});

export type ConfigDocument = Static<typeof ConfigDocument>;
export type WorkspaceConfig = Static<typeof Workspace>;
export type EnvironmentConfig = Static<typeof Environment>;
export type UserAttributeConfig = Static<typeof UserAttribute>;
export type GroupConfig = Static<typeof Group>;
export type MemberConfig = Static<typeof Member>;
export type ResourceConfig = Static<typeof Resource>;
export type AppConfig = Static<typeof App>;
export type PermissionConfig = Static<typeof Permission>;
export type InviteConfig = Static<typeof Invite>;
export type SsoConfig = Static<typeof Sso>;
export type FolderTreeConfig = { [name: string]: FolderTreeConfig | null };

/** The file's JSON Schema (draft 2020-12), as `toolplane config schema` prints it. */
export function configJsonSchema(): Record<string, unknown> {
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', ...JSON.parse(JSON.stringify(ConfigDocument)) };
}
