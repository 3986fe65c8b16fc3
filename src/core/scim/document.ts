import { parseAttributePath } from './filter.ts';
import { scimError } from './scim-errors.ts';
import { type AttributeDefinition, type ResolvedAttribute, type ResourceKind, RESOURCE_SCHEMAS, findAttribute, resolveAttribute, schemaOf } from './schema.ts';

/**
 * A SCIM resource in canonical form: core attributes at the top level and each extension's
 * under its URN, every name spelled as its schema spells it, every value of its declared
 * type. Input is read loosely, as real clients send it (RFC 7644 is strict; Okta, Entra and
 * OneLogin are not); output is built only from canonical documents.
 */
export type ScimDocument = Record<string, unknown>;

/** The canonical document of a client's resource (a POST or PUT body, or a PATCH value), and the `id` it carried. */
export interface ReadDocument {
  document: ScimDocument;
  id?: unknown;
}

/**
 * Reads a client's object: keys may be plain (`displayName`), dotted (`name.givenName`),
 * URN-qualified (`urn:…:enterprise:2.0:User:employeeNumber`) or an extension URN holding an
 * object, in any case. `schemas`, `meta`, read-only attributes (a User's `groups`) and
 * write-only ones (`password`, discarded) are left out, as are names no schema knows (Entra
 * adds its own schema URNs). `null` and `""` mean no value.
 */
export function readDocument(kind: ResourceKind, input: Record<string, unknown>): ReadDocument {
  const document: ScimDocument = {};
  let id: unknown;
  for (const [key, value] of Object.entries(input)) {
    const lower = key.toLowerCase();
    if (lower === 'schemas' || lower === 'meta') continue;
    if (lower === 'id') {
      id = value;
      continue;
    }
    const schema = /^urn:/i.test(key) ? schemaOf(kind, key) : undefined;
    if (schema) {
      if (value === null || value === undefined) continue;
      if (!isObject(value)) throw scimError('invalidValue', `${key} must be an object of that schema's attributes`);
      for (const [name, inner] of Object.entries(value)) assign(kind, document, `${schema.id}:${name}`, inner);
      continue;
    }
    assign(kind, document, key, value);
  }
  return { document, id };
}

function assign(kind: ResourceKind, document: ScimDocument, key: string, value: unknown): void {
  let resolved: ResolvedAttribute | undefined;
  try {
    resolved = resolveAttribute(kind, parseAttributePath(key));
  } catch {
    return;
  }
  if (!resolved || ignoredOnInput(resolved.attribute)) return;
  const container = containerOf(document, resolved, true)!;
  const { attribute, subAttribute } = resolved;
  if (subAttribute) {
    if (attribute.multiValued) {
      // `emails.value` outside a PATCH path: one element with that sub-attribute.
      const coerced = coerce(subAttribute, value, attribute.name);
      if (coerced !== undefined) container[attribute.name] = [{ [subAttribute.name]: coerced }];
      return;
    }
    const current = isObject(container[attribute.name]) ? container[attribute.name] as Record<string, unknown> : {};
    const coerced = coerce(subAttribute, value, `${attribute.name}.${subAttribute.name}`);
    const next = { ...current };
    if (coerced === undefined) delete next[subAttribute.name];
    else next[subAttribute.name] = coerced;
    setValue(container, attribute.name, Object.keys(next).length > 0 ? next : undefined);
    return;
  }
  setValue(container, attribute.name, coerce(attribute, value, attribute.name));
}

/** Attributes a client's document never sets: read-only ones are Toolplane's, and a password is not kept. */
function ignoredOnInput(attribute: AttributeDefinition): boolean {
  return attribute.mutability === 'readOnly' || attribute.mutability === 'writeOnly';
}

/** The object holding `resolved`'s attribute: the document, or its extension's object (made when `create`). */
export function containerOf(document: ScimDocument, resolved: ResolvedAttribute, create: boolean): Record<string, unknown> | undefined {
  if (!resolved.extension) return document;
  const current = document[resolved.extension];
  if (isObject(current)) return current;
  if (!create) return undefined;
  const made: Record<string, unknown> = {};
  document[resolved.extension] = made;
  return made;
}

export function setValue(container: Record<string, unknown>, name: string, value: unknown): void {
  if (value === undefined) delete container[name];
  else container[name] = value;
}

/**
 * `value` as the attribute's type, or undefined for no value (null, "", an empty list).
 * Booleans may come as strings in any case (Entra's "False"); a single-valued complex
 * attribute as a bare value, an object or a one-element list (`manager`); a multi-valued one
 * as a single object (OneLogin's `emails`). A value of another type is 400 `invalidValue`.
 */
export function coerce(attribute: AttributeDefinition, value: unknown, field: string): unknown {
  if (value === null || value === undefined || value === '') return undefined;
  if (attribute.multiValued) {
    const list = Array.isArray(value) ? value : [value];
    const elements = list.map((item) => coerceSingle(attribute, item, field)).filter((item) => item !== undefined);
    return elements.length > 0 ? withOnePrimary(elements) : undefined;
  }
  if (Array.isArray(value)) {
    if (value.length > 1) throw scimError('invalidValue', `${field} takes one value, not a list`);
    return coerce(attribute, value[0], field);
  }
  return coerceSingle(attribute, value, field);
}

function coerceSingle(attribute: AttributeDefinition, value: unknown, field: string): unknown {
  if (value === null || value === undefined || value === '') return undefined;
  if (attribute.anyValue) return value;
  switch (attribute.type) {
    case 'complex': {
      if (!isObject(value)) {
        if (attribute.openSubAttributes || !findAttribute(attribute.subAttributes ?? [], 'value')) {
          throw scimError('invalidValue', `${field} must be an object`);
        }
        return coerceSingle(attribute, { value }, field);
      }
      const result: Record<string, unknown> = {};
      for (const [key, inner] of Object.entries(value)) {
        if (attribute.openSubAttributes) {
          // A workspace attribute's value keeps its own JSON type; null removes it.
          if (/^[a-z0-9_]+$/i.test(key) && inner !== undefined) result[key.toLowerCase()] = inner;
          continue;
        }
        const sub = findAttribute(attribute.subAttributes ?? [], key);
        if (!sub || sub.mutability === 'readOnly') continue;
        const coerced = coerceSingle(sub, inner, `${field}.${sub.name}`);
        if (coerced !== undefined) result[sub.name] = coerced;
      }
      return Object.keys(result).length > 0 ? result : undefined;
    }
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      const lower = typeof value === 'string' ? value.trim().toLowerCase() : '';
      if (lower === 'true' || lower === 'false') return lower === 'true';
      throw scimError('invalidValue', `${field} must be a boolean`);
    }
    case 'integer':
    case 'decimal':
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      throw scimError('invalidValue', `${field} must be a number`);
    default:
      if (typeof value === 'string') return value;
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      throw scimError('invalidValue', `${field} must be a string`);
  }
}

/** At most one element is primary (RFC 7643 §2.4): the last one marked so. */
export function withOnePrimary(elements: unknown[]): unknown[] {
  let last = -1;
  elements.forEach((element, index) => {
    if (isObject(element) && element.primary === true) last = index;
  });
  if (last < 0) return elements;
  return elements.map((element, index) => (index !== last && isObject(element) && element.primary === true
    ? { ...element, primary: false } : element));
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A deep copy of a JSON document. */
export function copyDocument(document: ScimDocument): ScimDocument {
  return structuredClone(document);
}

/** The attributes of a canonical document, each with its definition and the object holding it. */
export function* attributesOf(kind: ResourceKind, document: ScimDocument): Generator<{ resolved: ResolvedAttribute; value: unknown }> {
  const { core, extensions } = RESOURCE_SCHEMAS[kind];
  for (const attribute of core.attributes) {
    if (attribute.name in document) yield { resolved: { attribute, key: attribute.name }, value: document[attribute.name] };
  }
  if ('externalId' in document) yield { resolved: resolveAttribute(kind, { attribute: 'externalId' })!, value: document.externalId };
  for (const extension of extensions) {
    const inner = document[extension.id];
    if (!isObject(inner)) continue;
    for (const attribute of extension.attributes) {
      if (attribute.name in inner) {
        yield { resolved: { extension: extension.id, attribute, key: `${extension.keyPrefix}:${attribute.name}` }, value: inner[attribute.name] };
      }
    }
  }
}
