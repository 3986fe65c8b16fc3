import { createHash } from 'node:crypto';
import { toIso } from '../../db/rows.ts';
import type { ScimMemberRow } from '../../db/scim.repository.ts';
import type { UserAttributeDefinitionRow } from '../../db/schema.ts';
import type { Role } from '../roles.ts';
import { withDefaults } from '../user-attributes.ts';
import { type ScimDocument, isObject } from './document.ts';
import { scimError } from './scim-errors.ts';
import { ENTERPRISE_SCHEMA, TOOLPLANE_SCHEMA, USER_SCHEMA } from './schema.ts';

/** A SCIM resource as the core answers it; the dialect adds `meta.location`. */
export type ScimResource = Record<string, unknown> & { id: string; meta: ScimMeta };

export interface ScimMeta {
  resourceType: 'User' | 'Group';
  created: string;
  lastModified: string;
  /** A weak entity tag of everything else in the resource: it changes whenever the resource does. */
  version: string;
}

const ROLES = new Set<string>(['admin', 'builder', 'end-user']);
/** Where the SCIM document keeps the enterprise extension's attributes. */
const ENTERPRISE_KEY = 'enterprise';
/** Attributes that live in columns of their own, not in the stored document. */
const COLUMN_ATTRIBUTES = ['userName', 'externalId', 'active', ENTERPRISE_SCHEMA, TOOLPLANE_SCHEMA];

/** What a User document asks the core to hold. */
export interface UserState {
  userName: string;
  externalId: string | null;
  /** Undefined when the document leaves it out (a PUT keeps the current state; a create is active). */
  active: boolean | undefined;
  firstName: string;
  lastName: string;
  /** The account's email: the primary email, else the work one, else the first, else an email-like userName. */
  email: string;
  role: Role | undefined;
  /** Attribute values, when the document has the Toolplane extension's `attributes`. */
  attributes: Record<string, unknown> | undefined;
  /** The rest of the document, as stored in the membership's `scim` column. */
  stored: Record<string, unknown>;
}

/** The editable document of a member: what PATCH works on and PUT replaces. */
export function userDocument(row: ScimMemberRow): ScimDocument {
  const stored = { ...(row.scim ?? {}) };
  const enterprise = stored[ENTERPRISE_KEY];
  delete stored[ENTERPRISE_KEY];
  const name = { ...(isObject(stored.name) ? stored.name : {}) };
  if (row.first_name) name.givenName = row.first_name;
  if (row.last_name) name.familyName = row.last_name;
  const document: ScimDocument = {
    userName: row.user_name ?? row.email,
    ...(row.external_id !== null ? { externalId: row.external_id } : {}),
    active: row.status !== 'archived',
    ...stored,
    ...(Object.keys(name).length > 0 ? { name } : { name: undefined }),
    emails: stored.emails ?? [{ value: row.email, type: 'work', primary: true }],
    ...(isObject(enterprise) ? { [ENTERPRISE_SCHEMA]: enterprise } : {}),
    [TOOLPLANE_SCHEMA]: { role: row.role, ...(Object.keys(row.attributes).length > 0 ? { attributes: row.attributes } : {}) },
  };
  if (document.name === undefined) delete document.name;
  return document;
}

/** The member as a SCIM User resource. */
export function toUserResource(row: ScimMemberRow, definitions: UserAttributeDefinitionRow[]): ScimResource {
  const document = userDocument(row);
  const toolplane = document[TOOLPLANE_SCHEMA] as Record<string, unknown>;
  const attributes = withDefaults(definitions, row.attributes);
  const body: Record<string, unknown> = {
    schemas: [USER_SCHEMA, ...(document[ENTERPRISE_SCHEMA] ? [ENTERPRISE_SCHEMA] : []), TOOLPLANE_SCHEMA],
    id: row.id,
    ...document,
    ...(document.displayName === undefined && (row.first_name || row.last_name)
      ? { displayName: `${row.first_name} ${row.last_name}`.trim() } : {}),
    groups: row.groups.map((group) => ({ value: group.uuid, display: group.name, type: 'direct' })),
    [TOOLPLANE_SCHEMA]: { role: toolplane.role, attributes },
  };
  const created = toIso(row.created_at);
  const updated = toIso(row.updated_at);
  const membershipUpdated = toIso(row.membership_updated_at);
  return {
    ...body,
    id: row.id,
    meta: { resourceType: 'User', created, lastModified: updated > membershipUpdated ? updated : membershipUpdated, version: versionOf(body) },
  };
}

/** The weak entity tag of a resource's content. */
export function versionOf(body: Record<string, unknown>): string {
  return `W/"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 22)}"`;
}

/** Reads what a User document asks for; 400 `invalidValue` naming what is missing or wrong. */
export function userStateOf(document: ScimDocument): UserState {
  const userName = document.userName;
  if (typeof userName !== 'string' || userName.trim() === '') throw scimError('invalidValue', 'userName is required');
  const name = isObject(document.name) ? document.name : {};
  const toolplane = isObject(document[TOOLPLANE_SCHEMA]) ? document[TOOLPLANE_SCHEMA] as Record<string, unknown> : {};
  const role = toolplane.role;
  if (role !== undefined && (typeof role !== 'string' || !ROLES.has(role.toLowerCase()))) {
    throw scimError('invalidValue', `${TOOLPLANE_SCHEMA}:role must be admin, builder or end-user`);
  }
  const stored: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(document)) {
    if (!COLUMN_ATTRIBUTES.includes(key)) stored[key] = value;
  }
  const restOfName = Object.fromEntries(Object.entries(name).filter(([key]) => key !== 'givenName' && key !== 'familyName'));
  if (Object.keys(restOfName).length > 0) stored.name = restOfName;
  else delete stored.name;
  if (isObject(document[ENTERPRISE_SCHEMA])) stored[ENTERPRISE_KEY] = document[ENTERPRISE_SCHEMA];
  return {
    userName,
    externalId: typeof document.externalId === 'string' ? document.externalId : null,
    active: typeof document.active === 'boolean' ? document.active : undefined,
    firstName: typeof name.givenName === 'string' ? name.givenName : '',
    lastName: typeof name.familyName === 'string' ? name.familyName : '',
    email: emailOf(document, userName),
    role: typeof role === 'string' ? role.toLowerCase() as Role : undefined,
    attributes: isObject(toolplane.attributes) ? toolplane.attributes : undefined,
    stored,
  };
}

function emailOf(document: ScimDocument, userName: string): string {
  const emails = Array.isArray(document.emails) ? document.emails.filter(isObject) : [];
  const chosen = emails.find((email) => email.primary === true)
    ?? emails.find((email) => typeof email.type === 'string' && email.type.toLowerCase() === 'work')
    ?? emails[0];
  const email = typeof chosen?.value === 'string' ? chosen.value : userName;
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw scimError('invalidValue', 'emails: a User needs an email address (in emails, or as its userName)');
  return email;
}
