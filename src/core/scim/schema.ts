/**
 * The SCIM schemas this service implements (RFC 7643 §4, §8.7), as data: discovery serves
 * them (`/Schemas`), and filters, sorting, projection and PATCH resolve attribute paths
 * against them, so what is described is exactly what is understood.
 */

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const ENTERPRISE_SCHEMA = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
/** Toolplane's extension: the member's role and the workspace's user attribute values. */
export const TOOLPLANE_SCHEMA = 'urn:toolplane:params:scim:schemas:extension:toolplane:2.0:User';

export type AttributeType = 'string' | 'boolean' | 'decimal' | 'integer' | 'dateTime' | 'reference' | 'complex';

export interface AttributeDefinition {
  name: string;
  type: AttributeType;
  multiValued: boolean;
  description: string;
  required: boolean;
  caseExact: boolean;
  mutability: 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
  returned: 'always' | 'never' | 'default' | 'request';
  uniqueness: 'none' | 'server' | 'global';
  canonicalValues?: string[];
  referenceTypes?: string[];
  subAttributes?: AttributeDefinition[];
  /** Sub-attributes are named by the workspace (Toolplane's `attributes`), not declared here. */
  openSubAttributes?: boolean;
  /** A value of a workspace attribute: any JSON value, kept as sent (the core checks it against its definition). */
  anyValue?: boolean;
}

export interface SchemaDefinition {
  id: string;
  /** An extension's short name, which prefixes its attributes' canonical keys (`enterprise:department`). */
  keyPrefix?: string;
  name: string;
  description: string;
  attributes: AttributeDefinition[];
}

type Options = Partial<Omit<AttributeDefinition, 'name' | 'description'>>;

function attribute(name: string, description: string, options: Options = {}): AttributeDefinition {
  return {
    name, type: 'string', multiValued: false, description, required: false, caseExact: false,
    mutability: 'readWrite', returned: 'default', uniqueness: 'none', ...options,
  };
}

function complex(name: string, description: string, subAttributes: AttributeDefinition[], options: Options = {}): AttributeDefinition {
  return attribute(name, description, { type: 'complex', subAttributes, ...options });
}

/** The usual sub-attributes of a multi-valued attribute (RFC 7643 §2.4). */
function multiValued(name: string, description: string, types: string[], valueOptions: Options = {}): AttributeDefinition {
  return complex(name, description, [
    attribute('value', `The ${name} value.`, valueOptions),
    attribute('display', 'A human-readable name, primarily used for display purposes.'),
    attribute('type', 'A label indicating the function of the value.', { canonicalValues: types }),
    attribute('primary', 'Whether this is the primary value of the attribute.', { type: 'boolean' }),
  ], { multiValued: true });
}

const NAME = complex('name', 'The components of the user\'s real name.', [
  attribute('formatted', 'The full name, formatted for display.'),
  attribute('familyName', 'The family name of the User; the member\'s last name.'),
  attribute('givenName', 'The given name of the User; the member\'s first name.'),
  attribute('middleName', 'The middle name(s) of the User.'),
  attribute('honorificPrefix', 'The honorific prefix(es) of the User.'),
  attribute('honorificSuffix', 'The honorific suffix(es) of the User.'),
]);

const ADDRESSES = complex('addresses', 'A physical mailing address for this User.', [
  attribute('formatted', 'The full mailing address, formatted for display.'),
  attribute('streetAddress', 'The full street address component.'),
  attribute('locality', 'The city or locality component.'),
  attribute('region', 'The state or region component.'),
  attribute('postalCode', 'The zip code or postal code component.'),
  attribute('country', 'The country name component.'),
  attribute('type', 'A label indicating the address\'s function.', { canonicalValues: ['work', 'home', 'other'] }),
  attribute('primary', 'Whether this is the primary address.', { type: 'boolean' }),
], { multiValued: true });

const USER_GROUPS = complex('groups', 'The groups of the workspace the User belongs to; changed through the Group resource.', [
  attribute('value', 'The id of the Group.', { mutability: 'readOnly', caseExact: true }),
  attribute('$ref', 'The URI of the Group.', { type: 'reference', referenceTypes: ['Group'], mutability: 'readOnly' }),
  attribute('display', 'The displayName of the Group.', { mutability: 'readOnly' }),
  attribute('type', 'How the User belongs to the Group: always `direct`.', { mutability: 'readOnly', canonicalValues: ['direct'] }),
], { multiValued: true, mutability: 'readOnly' });

export const USER_SCHEMA_DEFINITION: SchemaDefinition = {
  id: USER_SCHEMA,
  name: 'User',
  description: 'A member of the workspace.',
  attributes: [
    attribute('userName', 'Unique identifier for the User in the workspace, compared without regard to case.', { required: true, uniqueness: 'server' }),
    NAME,
    attribute('displayName', 'The name of the User, suitable for display.'),
    attribute('nickName', 'The casual way to address the User.'),
    attribute('profileUrl', 'A URI of the User\'s online profile.', { type: 'reference', referenceTypes: ['external'] }),
    attribute('title', 'The User\'s title, such as "Vice President".'),
    attribute('userType', 'The relationship between the organization and the User.'),
    attribute('preferredLanguage', 'The User\'s preferred written or spoken language.'),
    attribute('locale', 'The User\'s default location.'),
    attribute('timezone', 'The User\'s time zone in the "Olson" time zone database format.'),
    attribute('active', 'Whether the membership is active; false archives it.', { type: 'boolean' }),
    attribute('password', 'Accepted and discarded: members sign in with their identity provider.', { mutability: 'writeOnly', returned: 'never' }),
    multiValued('emails', 'Email addresses; the primary (or else the work) one is the account\'s email.', ['work', 'home', 'other']),
    multiValued('phoneNumbers', 'Phone numbers for the User.', ['work', 'home', 'mobile', 'fax', 'pager', 'other']),
    multiValued('ims', 'Instant messaging addresses for the User.', ['aim', 'gtalk', 'icq', 'xmpp', 'msn', 'skype', 'qq', 'yahoo']),
    multiValued('photos', 'URLs of photos of the User.', ['photo', 'thumbnail'], { type: 'reference', referenceTypes: ['external'] }),
    ADDRESSES,
    USER_GROUPS,
    multiValued('entitlements', 'A list of entitlements for the User.', []),
    multiValued('roles', 'A list of roles for the User, as the identity provider names them (not the Toolplane role).', []),
  ],
};

export const ENTERPRISE_SCHEMA_DEFINITION: SchemaDefinition = {
  id: ENTERPRISE_SCHEMA,
  keyPrefix: 'enterprise',
  name: 'EnterpriseUser',
  description: 'Enterprise User',
  attributes: [
    attribute('employeeNumber', 'A string identifier, typically numeric or alphanumeric, assigned to a person.'),
    attribute('costCenter', 'Identifies the name of a cost center.'),
    attribute('organization', 'Identifies the name of an organization.'),
    attribute('division', 'Identifies the name of a division.'),
    attribute('department', 'Identifies the name of a department.'),
    complex('manager', 'The User\'s manager; a bare id is accepted as its value.', [
      attribute('value', 'The id of the SCIM resource representing the User\'s manager.'),
      attribute('$ref', 'The URI of the manager.', { type: 'reference', referenceTypes: ['User'] }),
      attribute('displayName', 'The displayName of the User\'s manager.', { mutability: 'readOnly' }),
    ]),
  ],
};

export const TOOLPLANE_SCHEMA_DEFINITION: SchemaDefinition = {
  id: TOOLPLANE_SCHEMA,
  keyPrefix: 'toolplane',
  name: 'ToolplaneUser',
  description: 'What Toolplane keeps for a member that the core schema has no place for.',
  attributes: [
    attribute('role', 'The member\'s role in the workspace; new members get the workspace\'s SCIM default role.', {
      canonicalValues: ['admin', 'builder', 'end-user'],
    }),
    complex('attributes', 'The member\'s values of the workspace\'s user attributes, by attribute name.', [], { openSubAttributes: true }),
  ],
};

export const GROUP_SCHEMA_DEFINITION: SchemaDefinition = {
  id: GROUP_SCHEMA,
  name: 'Group',
  description: 'A group of the workspace.',
  attributes: [
    attribute('displayName', 'The name of the Group, unique in the workspace without regard to case.', { required: true, uniqueness: 'server' }),
    complex('members', 'The members of the Group: Users of the workspace.', [
      attribute('value', 'The id of the member User.', { mutability: 'immutable', caseExact: true }),
      attribute('$ref', 'The URI of the member.', { type: 'reference', referenceTypes: ['User'], mutability: 'immutable' }),
      attribute('display', 'The member\'s userName.', { mutability: 'readOnly' }),
      attribute('type', 'The type of the member: always `User`.', { mutability: 'immutable', canonicalValues: ['User'] }),
    ], { multiValued: true }),
  ],
};

/** The common attributes of every resource (RFC 7643 §3.1). */
const COMMON_ATTRIBUTES: AttributeDefinition[] = [
  attribute('id', 'The resource\'s id, assigned by Toolplane.', { caseExact: true, mutability: 'readOnly', returned: 'always', uniqueness: 'server' }),
  attribute('externalId', 'The identity provider\'s id for the resource.', { caseExact: true }),
  complex('meta', 'Resource metadata.', [
    attribute('resourceType', 'The name of the resource type.', { mutability: 'readOnly', caseExact: true }),
    attribute('created', 'When the resource was added.', { type: 'dateTime', mutability: 'readOnly' }),
    attribute('lastModified', 'When the resource was last changed.', { type: 'dateTime', mutability: 'readOnly' }),
    attribute('location', 'The URI of the resource.', { type: 'reference', mutability: 'readOnly', caseExact: true }),
    attribute('version', 'The weak entity tag of the resource\'s current state.', { mutability: 'readOnly', caseExact: true }),
  ], { mutability: 'readOnly' }),
];

export type ResourceKind = 'User' | 'Group';

export interface ResourceSchemas {
  core: SchemaDefinition;
  extensions: SchemaDefinition[];
}

export const RESOURCE_SCHEMAS: Record<ResourceKind, ResourceSchemas> = {
  User: { core: USER_SCHEMA_DEFINITION, extensions: [ENTERPRISE_SCHEMA_DEFINITION, TOOLPLANE_SCHEMA_DEFINITION] },
  Group: { core: GROUP_SCHEMA_DEFINITION, extensions: [] },
};

/**
 * An attribute path resolved against a resource's schemas. `key` names it canonically:
 * `userName`, `emails.value`, `enterprise:manager.value`; the store filters
 * and sorts by it. Extension attributes carry their schema's short prefix.
 */
export interface ResolvedAttribute {
  /** The schema URN for an extension attribute; undefined for the core schema and common attributes. */
  extension?: string;
  attribute: AttributeDefinition;
  /** Set when the path names a sub-attribute. */
  subAttribute?: AttributeDefinition;
  key: string;
}

/** Finds `name` among `definitions` whatever its case. */
export function findAttribute(definitions: readonly AttributeDefinition[], name: string): AttributeDefinition | undefined {
  const lower = name.toLowerCase();
  return definitions.find((definition) => definition.name.toLowerCase() === lower);
}

/** The schema URN `urn` names, in the resource's own spelling; undefined when the resource has no such schema. */
export function schemaOf(kind: ResourceKind, urn: string): SchemaDefinition | undefined {
  const lower = urn.toLowerCase();
  const { core, extensions } = RESOURCE_SCHEMAS[kind];
  return [core, ...extensions].find((schema) => schema.id.toLowerCase() === lower);
}

/**
 * Resolves `urn:attribute.sub`: an unqualified name is looked up in the common attributes,
 * the core schema, then the extensions (so `manager` finds the enterprise one). Undefined
 * when the resource has no such attribute or sub-attribute.
 */
export function resolveAttribute(
  kind: ResourceKind,
  path: { urn?: string; attribute: string; subAttribute?: string },
): ResolvedAttribute | undefined {
  const { core, extensions } = RESOURCE_SCHEMAS[kind];
  let schema: SchemaDefinition | undefined;
  let definition: AttributeDefinition | undefined;
  if (path.urn !== undefined) {
    schema = schemaOf(kind, path.urn);
    definition = schema && findAttribute(schema.attributes, path.attribute);
    if (!definition && schema === core) definition = findAttribute(COMMON_ATTRIBUTES, path.attribute);
  } else {
    definition = findAttribute(COMMON_ATTRIBUTES, path.attribute) ?? findAttribute(core.attributes, path.attribute);
    schema = definition ? core : undefined;
    if (!definition) {
      for (const extension of extensions) {
        definition = findAttribute(extension.attributes, path.attribute);
        if (definition) {
          schema = extension;
          break;
        }
      }
    }
  }
  if (!definition || !schema) return undefined;
  const extension = schema === core ? undefined : schema.id;
  const prefix = schema.keyPrefix ? `${schema.keyPrefix}:` : '';
  if (path.subAttribute === undefined) return { extension, attribute: definition, key: `${prefix}${definition.name}` };
  if (definition.openSubAttributes) {
    if (!/^[a-z0-9_]+$/i.test(path.subAttribute)) return undefined;
    const sub = attribute(path.subAttribute.toLowerCase(), 'A user attribute of the workspace.', { anyValue: true });
    return { extension, attribute: definition, subAttribute: sub, key: `${prefix}${definition.name}.${sub.name}` };
  }
  const sub = findAttribute(definition.subAttributes ?? [], path.subAttribute);
  if (!sub) return undefined;
  return { extension, attribute: definition, subAttribute: sub, key: `${prefix}${definition.name}.${sub.name}` };
}
