import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Dialect } from './database.ts';
import { type ColumnLookup, type MultiColumn, type ScalarColumn, jsonArrayColumn, jsonText } from './scim-filter.sql.ts';

/**
 * Where each SCIM attribute lives in SQL, by canonical key (core/scim/schema.ts): a column,
 * an expression, a path in the membership's `scim` document, or an EXISTS over a
 * multi-valued attribute's elements. Filters and sorting read attributes through these.
 */

const MULTI_VALUED_TEXT = { value: 'text', display: 'text', type: 'text', primary: 'bool' } as const;
const ADDRESS_SUBS = {
  formatted: 'text', streetAddress: 'text', locality: 'text', region: 'text', postalCode: 'text', country: 'text', type: 'text', primary: 'bool',
} as const;
/** Single-valued attributes kept in the SCIM document, by canonical key → JSON path. */
const DOCUMENT_PATHS: Record<string, string[]> = {
  'displayName': ['displayName'],
  'nickName': ['nickName'],
  'profileUrl': ['profileUrl'],
  'title': ['title'],
  'userType': ['userType'],
  'preferredLanguage': ['preferredLanguage'],
  'locale': ['locale'],
  'timezone': ['timezone'],
  'name.formatted': ['name', 'formatted'],
  'name.middleName': ['name', 'middleName'],
  'name.honorificPrefix': ['name', 'honorificPrefix'],
  'name.honorificSuffix': ['name', 'honorificSuffix'],
  ...Object.fromEntries(['employeeNumber', 'costCenter', 'organization', 'division', 'department'].map((name) => [`enterprise:${name}`, ['enterprise', name]])),
  [`enterprise:manager.value`]: ['enterprise', 'manager', 'value'],
  [`enterprise:manager.$ref`]: ['enterprise', 'manager', '$ref'],
  [`enterprise:manager.displayName`]: ['enterprise', 'manager', 'displayName'],
};
const JSON_ARRAYS: Record<string, Record<string, 'text' | 'bool'>> = {
  emails: MULTI_VALUED_TEXT, phoneNumbers: MULTI_VALUED_TEXT, ims: MULTI_VALUED_TEXT, photos: MULTI_VALUED_TEXT,
  entitlements: MULTI_VALUED_TEXT, roles: MULTI_VALUED_TEXT, addresses: ADDRESS_SUBS,
};
const ATTRIBUTE_PREFIX = 'toolplane:attributes.';

/** How each attribute of a SCIM User is read, as `m` (membership) joined with `u` (account). */
export function memberColumns(dialect: Dialect, workspaceId: string): ColumnLookup {
  const document = sql`m.scim`;
  const firstName = sql`coalesce(m.first_name, u.first_name)`;
  const lastName = sql`coalesce(m.last_name, u.last_name)`;
  return (key) => {
    switch (key) {
      case 'id': return { value: sql`m.user_id`, type: 'text' };
      case 'userName': return { value: sql`coalesce(m.user_name, u.email)`, type: 'text', equals: (text) => userNameEquals(workspaceId, text) };
      case 'externalId': return { value: sql`m.external_id`, type: 'text' };
      case 'active': return { value: sql<SqlBool>`m.status <> 'archived'`, type: 'bool' };
      case 'name.givenName': return { value: firstName, type: 'text' };
      case 'name.familyName': return { value: lastName, type: 'text' };
      case 'displayName': return {
        value: sql`coalesce(${jsonText(dialect, document, ['displayName'])}, trim(${firstName} || ' ' || ${lastName}))`, type: 'text',
      };
      case 'meta.created': return { value: sql`m.created_at`, type: 'time' };
      case 'meta.lastModified': return { value: dialect === 'postgres' ? sql`greatest(m.updated_at, u.updated_at)` : sql`max(m.updated_at, u.updated_at)`, type: 'time' };
      case 'meta.resourceType': return { value: sql`'User'`, type: 'text' };
      case 'toolplane:role': return { value: sql`m.role`, type: 'text' };
      case 'emails': return emailsColumn(dialect, document);
      case 'groups': return groupsOfMemberColumn();
      default: {
        const path = DOCUMENT_PATHS[key];
        if (path) return { value: jsonText(dialect, document, path), type: 'text' };
        const subTypes = JSON_ARRAYS[key];
        if (subTypes) return jsonArrayColumn(dialect, document, key, subTypes);
        if (key.startsWith(ATTRIBUTE_PREFIX)) return { value: jsonText(dialect, sql`m.attributes`, [key.slice(ATTRIBUTE_PREFIX.length)]), type: 'text' };
        return undefined;
      }
    }
  };
}

/** How each attribute of a SCIM Group is read, as `g` (the group). */
export function groupColumns(key: string): ScalarColumn | MultiColumn | undefined {
  switch (key) {
    case 'id': return { value: sql`g.uuid`, type: 'text' };
    case 'displayName': return { value: sql`g.name`, type: 'text' };
    case 'externalId': return { value: sql`g.external_id`, type: 'text' };
    case 'meta.created': return { value: sql`g.created_at`, type: 'time' };
    case 'meta.lastModified': return { value: sql`g.updated_at`, type: 'time' };
    case 'meta.resourceType': return { value: sql`'Group'`, type: 'text' };
    case 'members': return {
      exists: (element) => sql<SqlBool>`exists (select 1 from group_members gm inner join users gu on gu.id = gm.user_id
        left join memberships gmm on gmm.user_id = gm.user_id and gmm.workspace_id = g.workspace_id
        where gm.group_id = g.id and ${element((sub) => {
          if (sub === 'value') return { value: sql`gm.user_id`, type: 'text' };
          if (sub === 'display') return { value: sql`coalesce(gmm.user_name, gu.email)`, type: 'text' };
          if (sub === 'type') return { value: sql`'User'`, type: 'text' };
          return undefined;
        })})`,
    };
    default: return undefined;
  }
}

/**
 * `userName eq` as the indexes serve it: a member's own userName (the lower(user_name)
 * index), or the email of a member without one (the lower(email) index).
 */
export function userNameEquals(workspaceId: string, userName: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`m.user_id in (
    select user_id from memberships where workspace_id = ${workspaceId} and lower(user_name) = lower(${userName})
    union all
    select mm.user_id from users uu inner join memberships mm on mm.user_id = uu.id and mm.workspace_id = ${workspaceId}
      where lower(uu.email) = lower(${userName}) and mm.user_name is null)`;
}

/**
 * A member's emails: the SCIM document's, or for a member SCIM never gave any, the account's
 * email as the one primary work address.
 */
function emailsColumn(dialect: Dialect, document: RawBuilder<unknown>): MultiColumn {
  const stored = jsonArrayColumn(dialect, document, 'emails', MULTI_VALUED_TEXT);
  return {
    exists(element) {
      const account = element((key) => {
        if (key === 'value') return { value: sql`u.email`, type: 'text' };
        if (key === 'type') return { value: sql`'work'`, type: 'text' };
        if (key === 'primary') return { value: sql<SqlBool>`1 = 1`, type: 'bool' };
        return undefined;
      });
      const none = dialect === 'postgres' ? sql`(${document} -> 'emails') is null` : sql`json_extract(${document}, '$.emails') is null`;
      return sql<SqlBool>`(${stored.exists(element)} or (${none} and ${account}))`;
    },
  };
}

function groupsOfMemberColumn(): MultiColumn {
  return {
    exists: (element) => sql<SqlBool>`exists (select 1 from group_members gm inner join groups g on g.id = gm.group_id
      where gm.user_id = m.user_id and g.workspace_id = m.workspace_id and ${element((sub) => {
        if (sub === 'value') return { value: sql`g.uuid`, type: 'text' };
        if (sub === 'display') return { value: sql`g.name`, type: 'text' };
        if (sub === 'type') return { value: sql`'direct'`, type: 'text' };
        return undefined;
      })})`,
  };
}
