import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Dialect } from './database.ts';

/**
 * Translates a resolved SCIM filter into one SQL condition, on either database, so a filter
 * is answered by the database and never by loading the workspace.
 *
 * Strings that are not caseExact compare as `lower(column) op lower(value)` on both sides,
 * so the same function folds both (and the lower() indexes serve `userName eq`). Substring
 * operators use substr/instr rather than LIKE, which SQLite and PostgreSQL fold differently
 * and which would need escaping. Text ordering (gt, lt, sort) is bytewise on both databases.
 */

/**
 * A SCIM filter with its attribute paths resolved: keys are canonical attribute names
 * (`userName`, `name.givenName`, `enterprise:department`; inside a value path, the element's
 * sub-attributes) and values have the attribute's type. The core's filter resolution makes them.
 */
export type ScimCondition =
  | { kind: 'compare'; key: string; type: string; caseExact: boolean; operator: 'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'ge' | 'lt' | 'le'; value: string | boolean | number }
  | { kind: 'present'; key: string; type: string }
  | { kind: 'and' | 'or'; left: ScimCondition; right: ScimCondition }
  | { kind: 'not'; filter: ScimCondition }
  | { kind: 'valuePath'; key: string; filter: ScimCondition };

type ResolvedFilter = ScimCondition;

/** How a single-valued attribute is read. */
export interface ScalarColumn {
  /** The value; for `bool`, a condition that is true when the attribute is true. */
  value: RawBuilder<unknown>;
  type: 'text' | 'bool' | 'time';
  /** When the attribute has a value; by default, when `value` is neither null nor empty. */
  present?: RawBuilder<SqlBool>;
  /** `eq` as an index serves it, where `lower(value) = lower(text)` would not. */
  equals?: (text: string) => RawBuilder<SqlBool>;
}

/** A multi-valued attribute: `exists` wraps a condition on one element's columns. */
export interface MultiColumn {
  exists(element: (columns: ColumnLookup) => RawBuilder<SqlBool>): RawBuilder<SqlBool>;
}

export type ColumnLookup = (key: string) => ScalarColumn | MultiColumn | undefined;

const TRUE = sql<SqlBool>`1 = 1`;
const FALSE = sql<SqlBool>`1 = 0`;

export function filterCondition(filter: ResolvedFilter, columns: ColumnLookup, dialect: Dialect): RawBuilder<SqlBool> {
  switch (filter.kind) {
    case 'and':
      return sql<SqlBool>`(${filterCondition(filter.left, columns, dialect)} and ${filterCondition(filter.right, columns, dialect)})`;
    case 'or':
      return sql<SqlBool>`(${filterCondition(filter.left, columns, dialect)} or ${filterCondition(filter.right, columns, dialect)})`;
    case 'not':
      // A missing value is neither equal nor unequal: `not (title eq "x")` keeps members without a title.
      return sql<SqlBool>`(not coalesce(${filterCondition(filter.filter, columns, dialect)}, ${FALSE}))`;
    case 'valuePath': {
      const column = columns(filter.key);
      if (!column || !('exists' in column)) return FALSE;
      return column.exists((element) => filterCondition(filter.filter, element, dialect));
    }
    case 'present': {
      const column = columns(filter.key);
      if (!column || 'exists' in column) return FALSE;
      return presentCondition(column);
    }
    default: {
      const column = columns(filter.key);
      if (!column || 'exists' in column) return FALSE;
      return compareCondition(filter, column, dialect);
    }
  }
}

function presentCondition(column: ScalarColumn): RawBuilder<SqlBool> {
  if (column.present) return column.present;
  if (column.type === 'bool') return TRUE;
  return column.type === 'text'
    ? sql<SqlBool>`(${column.value} is not null and ${column.value} <> '')`
    : sql<SqlBool>`(${column.value} is not null)`;
}

function compareCondition(filter: Extract<ResolvedFilter, { kind: 'compare' }>, column: ScalarColumn, dialect: Dialect): RawBuilder<SqlBool> {
  const { operator, value } = filter;
  if (column.type === 'bool') {
    const wanted = value === true;
    const positive = operator === 'eq' ? wanted : !wanted;
    return positive ? sql<SqlBool>`coalesce(${column.value}, ${FALSE})` : sql<SqlBool>`(not coalesce(${column.value}, ${FALSE}))`;
  }
  if (column.type === 'time') {
    return sql<SqlBool>`${column.value} ${sql.raw(ORDER_OPERATORS[operator] ?? '=')} ${timeParameter(String(value), dialect)}`;
  }
  const text = String(value);
  if (operator === 'eq' && column.equals) return column.equals(text);
  const fold = !filter.caseExact;
  const left = textOf(column.value, fold, dialect);
  const right = fold ? sql`lower(${text})` : sql`${text}`;
  const length = [...text].length;
  switch (operator) {
    case 'co':
      return dialect === 'postgres' ? sql<SqlBool>`strpos(${left}, ${right}) > 0` : sql<SqlBool>`instr(${left}, ${right}) > 0`;
    case 'sw':
      return sql<SqlBool>`substr(${left}, 1, ${length}) = ${right}`;
    case 'ew':
      return dialect === 'postgres' ? sql<SqlBool>`right(${left}, ${length}) = ${right}` : sql<SqlBool>`substr(${left}, ${-length}) = ${right}`;
    case 'ne':
      return sql<SqlBool>`(${left} <> ${right} or ${column.value} is null)`;
    default:
      return sql<SqlBool>`${left} ${sql.raw(ORDER_OPERATORS[operator]!)} ${dialect === 'postgres' ? sql`${right} collate "C"` : right}`;
  }
}

const ORDER_OPERATORS: Partial<Record<string, string>> = { eq: '=', ne: '<>', gt: '>', ge: '>=', lt: '<', le: '<=' };

/** The column as text, lower-cased when compared without regard to case. */
export function textOf(value: RawBuilder<unknown>, fold: boolean, dialect: Dialect): RawBuilder<unknown> {
  const text = dialect === 'postgres' ? sql`(${value})::text` : value;
  return fold ? sql`lower(${text})` : text;
}

function timeParameter(iso: string, dialect: Dialect): RawBuilder<unknown> {
  return dialect === 'postgres' ? sql`${iso}::timestamptz` : sql`${iso}`;
}

/** Reading JSON documents stored in a column: jsonb on PostgreSQL, text on SQLite. */
export function jsonText(dialect: Dialect, document: RawBuilder<unknown>, path: string[]): RawBuilder<unknown> {
  if (dialect === 'postgres') return sql`(${document} #>> ${`{${path.join(',')}}`}::text[])`;
  return sql`json_extract(${document}, ${`$.${path.map((part) => `"${part}"`).join('.')}`})`;
}

/** A JSON value that is `true`, as a condition. */
export function jsonTrue(dialect: Dialect, document: RawBuilder<unknown>, path: string[]): RawBuilder<SqlBool> {
  if (dialect === 'postgres') return sql<SqlBool>`coalesce((${document} #> ${`{${path.join(',')}}`}::text[]) = 'true'::jsonb, false)`;
  return sql<SqlBool>`coalesce(json_extract(${document}, ${`$.${path.map((part) => `"${part}"`).join('.')}`}) = 1, 0)`;
}

/**
 * A multi-valued attribute kept as a JSON array at `path` of `document`: an element matches
 * when `element` holds for it. `subTypes` names each sub-attribute's column type.
 */
export function jsonArrayColumn(
  dialect: Dialect, document: RawBuilder<unknown>, path: string, subTypes: Record<string, 'text' | 'bool'>,
): MultiColumn {
  return {
    exists(element) {
      const item = dialect === 'postgres' ? sql`e.v` : sql`e.value`;
      const lookup: ColumnLookup = (key) => {
        const type = subTypes[key];
        if (!type) return undefined;
        return type === 'bool' ? { value: jsonTrue(dialect, item, [key]), type } : { value: jsonText(dialect, item, [key]), type };
      };
      return dialect === 'postgres'
        ? sql<SqlBool>`exists (select 1 from jsonb_array_elements(case when jsonb_typeof(${document} -> ${path}::text) = 'array' then ${document} -> ${path}::text else '[]'::jsonb end) as e(v) where ${element(lookup)})`
        : sql<SqlBool>`exists (select 1 from json_each(${document}, ${`$.${path}`}) as e where ${element(lookup)})`;
    },
  };
}
