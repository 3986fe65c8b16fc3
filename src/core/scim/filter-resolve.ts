import { type CompareOperator, type Filter, type FilterValue, invalidFilter, parseFilter } from './filter.ts';
import type { ScimCondition } from '../../db/scim-filter.sql.ts';
import { type AttributeDefinition, type ResourceKind, findAttribute, resolveAttribute } from './schema.ts';

/**
 * A filter whose attribute paths are resolved against the resource's schemas, with values
 * of the attribute's type: what the store translates to SQL (see ScimCondition).
 */
export type ResolvedFilter = ScimCondition;

const ORDERING = new Set<CompareOperator>(['gt', 'ge', 'lt', 'le']);
const SUBSTRING = new Set<CompareOperator>(['co', 'sw', 'ew']);

/** Parses and resolves a filter for `kind`; a filter it cannot serve throws `invalidFilter`. */
export function resolveFilter(kind: ResourceKind, text: string): ResolvedFilter {
  return resolve(kind, parseFilter(text));
}

function resolve(kind: ResourceKind, filter: Filter): ResolvedFilter {
  switch (filter.kind) {
    case 'and':
    case 'or':
      return { kind: filter.kind, left: resolve(kind, filter.left), right: resolve(kind, filter.right) };
    case 'not':
      return { kind: 'not', filter: resolve(kind, filter.filter) };
    case 'valuePath': {
      const resolved = resolveAttribute(kind, filter.path);
      if (!resolved || !resolved.attribute.multiValued || resolved.attribute.type !== 'complex') {
        throw invalidFilter(`"${pathText(filter.path)}" is not a multi-valued attribute of ${kind}`);
      }
      return { kind: 'valuePath', key: resolved.key, filter: resolveElementFilter(resolved.attribute, filter.filter) };
    }
    default: {
      const resolved = resolveAttribute(kind, filter.path);
      if (!resolved) throw invalidFilter(`${kind} has no attribute "${pathText(filter.path)}"`);
      const { attribute, subAttribute } = resolved;
      if (attribute.multiValued && attribute.type === 'complex') {
        // `emails.value eq "x"` and `members eq "x"` (value implied) test each element.
        const sub = subAttribute ?? impliedValue(attribute, filter.path);
        const key = subAttribute ? resolved.key.slice(0, resolved.key.lastIndexOf('.')) : resolved.key;
        return { kind: 'valuePath', key, filter: leaf(filter, sub.name, sub) };
      }
      if (!subAttribute && attribute.type === 'complex') {
        // Entra's `manager eq "id"`: a complex attribute with a value compares by it.
        const value = impliedValue(attribute, filter.path);
        return leaf(filter, `${resolved.key}.${value.name}`, value);
      }
      return leaf(filter, resolved.key, subAttribute ?? attribute);
    }
  }
}

/** The sub-filter of a value path, whose names are the element's sub-attributes. */
export function resolveElementFilter(parent: AttributeDefinition, filter: Filter): ResolvedFilter {
  switch (filter.kind) {
    case 'and':
    case 'or':
      return { kind: filter.kind, left: resolveElementFilter(parent, filter.left), right: resolveElementFilter(parent, filter.right) };
    case 'not':
      return { kind: 'not', filter: resolveElementFilter(parent, filter.filter) };
    case 'valuePath':
      throw invalidFilter('a value path inside a value path');
    default: {
      const { path } = filter;
      const sub = path.urn === undefined && path.subAttribute === undefined ? findAttribute(parent.subAttributes ?? [], path.attribute) : undefined;
      if (!sub) throw invalidFilter(`${parent.name} has no sub-attribute "${pathText(path)}"`);
      return leaf(filter, sub.name, sub);
    }
  }
}

function impliedValue(attribute: AttributeDefinition, path: PathParts): AttributeDefinition {
  const value = findAttribute(attribute.subAttributes ?? [], 'value');
  if (!value) throw invalidFilter(`"${pathText(path)}" is complex; name one of its sub-attributes`);
  return value;
}

function leaf(filter: Extract<Filter, { kind: 'compare' | 'present' }>, key: string, attribute: AttributeDefinition): ResolvedFilter {
  if (filter.kind === 'present') return { kind: 'present', key, type: attribute.type };
  const { operator } = filter;
  // `eq null` asks for an absent value, `ne null` for a present one (RFC 7644 §3.4.2.2: null is no value).
  if (filter.value === null) {
    if (operator === 'eq') return { kind: 'not', filter: { kind: 'present', key, type: attribute.type } };
    if (operator === 'ne') return { kind: 'present', key, type: attribute.type };
    throw invalidFilter(`"${operator}" cannot compare with null`);
  }
  return { kind: 'compare', key, type: attribute.type, caseExact: attribute.caseExact, operator, value: typedValue(attribute, operator, filter.value) };
}

function typedValue(attribute: AttributeDefinition, operator: CompareOperator, value: Exclude<FilterValue, null>): string | boolean | number {
  switch (attribute.type) {
    case 'boolean': {
      if (operator !== 'eq' && operator !== 'ne') throw invalidFilter(`"${operator}" cannot compare the boolean ${attribute.name}`);
      const lower = String(value).toLowerCase();
      if (lower !== 'true' && lower !== 'false') throw invalidFilter(`${attribute.name} is a boolean; "${String(value)}" is not`);
      return lower === 'true';
    }
    case 'dateTime': {
      if (SUBSTRING.has(operator)) throw invalidFilter(`"${operator}" cannot compare the date ${attribute.name}`);
      const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
      if (Number.isNaN(time)) throw invalidFilter(`${attribute.name} is a date; "${String(value)}" is not`);
      return new Date(time).toISOString();
    }
    case 'decimal':
    case 'integer':
      if (typeof value !== 'number') throw invalidFilter(`${attribute.name} is a number; "${String(value)}" is not`);
      return value;
    default:
      if (ORDERING.has(operator) && typeof value === 'boolean') throw invalidFilter(`"${operator}" cannot compare with a boolean`);
      return String(value);
  }
}

type PathParts = { urn?: string; attribute: string; subAttribute?: string };

function pathText(path: PathParts): string {
  return `${path.urn ? `${path.urn}:` : ''}${path.attribute}${path.subAttribute ? `.${path.subAttribute}` : ''}`;
}
