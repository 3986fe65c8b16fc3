import { type ScimDocument, attributesOf, coerce, containerOf, copyDocument, isObject, readDocument, setValue, withOnePrimary } from './document.ts';
import { parseAttributePath, parseFilter } from './filter.ts';
import { type ResolvedFilter, resolveElementFilter } from './filter-resolve.ts';
import { scimError } from './scim-errors.ts';
import { type AttributeDefinition, type ResolvedAttribute, type ResourceKind, findAttribute, resolveAttribute, schemaOf } from './schema.ts';

/**
 * The PATCH engine (RFC 7644 §3.5.2) over canonical documents, with the dialects real
 * clients speak: op names in any case, path-less values with dotted or URN-qualified keys
 * (Okta; Entra with aadOptscim062020), `members[value eq "…"]` paths, Entra's legacy
 * `Remove members` with a list of values, and `replace emails[type eq "work"].value` creating
 * the work email when there is none (a decision recorded in docs/scim.md).
 *
 * `applyPatch` works on a copy and either returns the whole new document or throws: the
 * caller writes the result in one transaction, so the operations of a request are atomic.
 */

export interface PatchOperation {
  op: unknown;
  path?: unknown;
  value?: unknown;
}

interface PatchTarget {
  resolved: ResolvedAttribute;
  /** The elements of a multi-valued attribute the path selects (`emails[type eq "work"]`). */
  filter?: ResolvedFilter;
  /** The sub-attribute after a filter (`emails[type eq "work"].value`). */
  subAttribute?: AttributeDefinition;
  /** `type eq "x"` of a filter: what an element made for a path that matched none gets. */
  upsertType?: string;
}

/** The patched copy of `document`; `currentId` is the resource's id, which an operation may repeat but not change. */
export function applyPatch(kind: ResourceKind, document: ScimDocument, operations: PatchOperation[], currentId: string): ScimDocument {
  const result = copyDocument(document);
  operations.forEach((operation, index) => applyOperation(kind, result, operation, currentId, index));
  return result;
}

function applyOperation(kind: ResourceKind, document: ScimDocument, operation: PatchOperation, currentId: string, index: number): void {
  if (!isObject(operation)) throw scimError('invalidSyntax', `Operations[${index}] must be an object`);
  const op = typeof operation.op === 'string' ? operation.op.toLowerCase() : '';
  if (op !== 'add' && op !== 'replace' && op !== 'remove') {
    throw scimError('invalidSyntax', `Operations[${index}].op must be add, replace or remove`);
  }
  const path = operation.path;
  if (path !== undefined && path !== null && typeof path !== 'string') throw scimError('invalidPath', `Operations[${index}].path must be a string`);
  if (!path) {
    if (op === 'remove') throw scimError('noTarget', `Operations[${index}]: remove needs a path`);
    if (!isObject(operation.value)) throw scimError('invalidValue', `Operations[${index}].value must be an object of attributes when there is no path`);
    mergeDocument(kind, document, operation.value, op, currentId);
    return;
  }
  // A path naming an extension schema holds an object of that schema's attributes.
  if (schemaOf(kind, path) && op !== 'remove') {
    if (!isObject(operation.value)) throw scimError('invalidValue', `Operations[${index}].value must be an object for ${path}`);
    mergeDocument(kind, document, { [path]: operation.value }, op, currentId);
    return;
  }
  const target = parsePatchPath(kind, path);
  if (target.resolved.key === 'id') {
    if (op !== 'remove' && operation.value === currentId) return;
    throw scimError('mutability', 'id cannot be changed');
  }
  if (target.resolved.attribute.mutability === 'readOnly' || target.resolved.subAttribute?.mutability === 'readOnly') {
    throw scimError('mutability', `${path} is read-only`);
  }
  if (op === 'remove') removeAt(document, target, operation.value);
  else setAt(document, target, operation.value, op, path);
}

/** A path-less add or replace: each attribute of `value` is merged in (add) or set (replace). */
function mergeDocument(kind: ResourceKind, document: ScimDocument, value: Record<string, unknown>, op: 'add' | 'replace', currentId: string): void {
  const read = readDocument(kind, value);
  if (read.id !== undefined && read.id !== null && read.id !== currentId) throw scimError('mutability', 'id cannot be changed');
  // `{"active": null}` in a replace clears it: readDocument drops empty values, so look at the raw keys.
  for (const { resolved, value: next } of attributesOf(kind, read.document)) {
    mergeAttribute(containerOf(document, resolved, true)!, resolved.attribute, next, op);
  }
  for (const [key, raw] of Object.entries(value)) {
    if (op !== 'replace' || (raw !== null && raw !== '')) continue;
    const resolved = safeResolve(kind, key);
    if (resolved && resolved.attribute.mutability !== 'readOnly') clearAt(document, resolved);
  }
}

function mergeAttribute(container: Record<string, unknown>, attribute: AttributeDefinition, value: unknown, op: 'add' | 'replace'): void {
  const current = container[attribute.name];
  if (attribute.multiValued && op === 'add') {
    if (value === undefined) return;
    setValue(container, attribute.name, mergeElements(attribute, Array.isArray(current) ? current : [], value as unknown[]));
  } else if (attribute.type === 'complex' && !attribute.multiValued && isObject(current) && isObject(value)) {
    // Sub-attributes not given are left as they are (RFC 7644 §3.5.2.3).
    container[attribute.name] = { ...current, ...value };
  } else {
    setValue(container, attribute.name, value);
  }
}

/** Adds elements not already present (by `value` when they have one); adding a present one changes nothing. */
function mergeElements(attribute: AttributeDefinition, current: unknown[], added: unknown[]): unknown[] {
  const valueSub = findAttribute(attribute.subAttributes ?? [], 'value');
  const keyOf = (element: unknown): string => {
    if (isObject(element) && element.value !== undefined) {
      const text = String(element.value);
      return `v:${valueSub && !valueSub.caseExact ? text.toLowerCase() : text}`;
    }
    return `j:${JSON.stringify(element)}`;
  };
  const result = [...current];
  const seen = new Map(current.map((element, index) => [keyOf(element), index]));
  for (const element of added) {
    const at = seen.get(keyOf(element));
    if (at === undefined) {
      seen.set(keyOf(element), result.length);
      result.push(element);
    } else if (isObject(element) && isObject(result[at])) {
      result[at] = { ...(result[at] as object), ...element };
    }
  }
  return withOnePrimary(result);
}

function setAt(document: ScimDocument, target: PatchTarget, raw: unknown, op: 'add' | 'replace', path: string): void {
  const { resolved, filter, subAttribute } = target;
  const container = containerOf(document, resolved, true)!;
  const { attribute } = resolved;
  const field = resolved.key;
  if (!filter) {
    if (!resolved.subAttribute) {
      mergeAttribute(container, attribute, coerce(attribute, raw, field), op);
      return;
    }
    const sub = resolved.subAttribute;
    const value = coerce(sub, raw, field);
    if (attribute.multiValued) {
      // `emails.value` without a filter reaches every element; with none, it makes one.
      const elements = Array.isArray(container[attribute.name]) ? container[attribute.name] as Record<string, unknown>[] : [];
      const next = elements.length > 0 ? elements.map((element) => withSub(element, sub.name, value)) : value === undefined ? [] : [{ [sub.name]: value }];
      setValue(container, attribute.name, nonEmpty(next));
      return;
    }
    const current = isObject(container[attribute.name]) ? container[attribute.name] as Record<string, unknown> : {};
    setValue(container, attribute.name, nonEmptyObject(withSub(current, sub.name, value)));
    return;
  }
  const elements = Array.isArray(container[attribute.name]) ? [...container[attribute.name] as Record<string, unknown>[]] : [];
  const matched = elements.map((element) => matchesElement(filter, element));
  const value = subAttribute ? coerce(subAttribute, raw, `${field}.${subAttribute.name}`) : coerce({ ...attribute, multiValued: false }, raw, field);
  if (!matched.includes(true)) {
    if (target.upsertType === undefined) throw scimError('noTarget', `No value of ${path} matches its filter`);
    if (value === undefined) return;
    const made = subAttribute ? { type: target.upsertType, [subAttribute.name]: value } : { ...(value as object), type: target.upsertType };
    container[attribute.name] = withOnePrimary([...elements, made]);
    return;
  }
  const next = elements.map((element, index) => {
    if (!matched[index]) return element;
    if (subAttribute) return withSub(element, subAttribute.name, value);
    return op === 'add' && isObject(value) ? { ...element, ...value } : value;
  }).filter((element) => element !== undefined && !(isObject(element) && Object.keys(element).length === 0));
  setValue(container, attribute.name, nonEmpty(withOnePrimary(next)));
}

function removeAt(document: ScimDocument, target: PatchTarget, value: unknown): void {
  const { resolved, filter, subAttribute } = target;
  const container = containerOf(document, resolved, false);
  if (!container) return;
  const { attribute } = resolved;
  const current = container[attribute.name];
  if (!filter) {
    if (resolved.subAttribute) {
      const sub = resolved.subAttribute.name;
      if (Array.isArray(current)) setValue(container, attribute.name, nonEmpty(current.map((element) => withSub(element, sub, undefined))));
      else if (isObject(current)) setValue(container, attribute.name, nonEmptyObject(withSub(current, sub, undefined)));
      return;
    }
    if (attribute.multiValued && Array.isArray(current) && value !== undefined && value !== null) {
      // Entra's legacy `{"op":"Remove","path":"members","value":[{"value":"id"}]}` removes only those.
      const removed = coerce(attribute, value, attribute.name) as Record<string, unknown>[] | undefined ?? [];
      const valueSub = findAttribute(attribute.subAttributes ?? [], 'value');
      const fold = (text: unknown) => (valueSub && !valueSub.caseExact ? String(text).toLowerCase() : String(text));
      const gone = new Set(removed.map((element) => fold(element.value)));
      setValue(container, attribute.name, nonEmpty(current.filter((element) => !(isObject(element) && gone.has(fold(element.value))))));
      return;
    }
    delete container[attribute.name];
    return;
  }
  if (!Array.isArray(current)) return;
  const next = current
    .map((element) => (matchesElement(filter, element) ? (subAttribute ? withSub(element, subAttribute.name, undefined) : undefined) : element))
    .filter((element) => element !== undefined && !(isObject(element) && Object.keys(element).length === 0));
  setValue(container, attribute.name, nonEmpty(next));
}

function clearAt(document: ScimDocument, resolved: ResolvedAttribute): void {
  const container = containerOf(document, resolved, false);
  if (!container) return;
  if (!resolved.subAttribute) {
    delete container[resolved.attribute.name];
    return;
  }
  const current = container[resolved.attribute.name];
  if (isObject(current)) setValue(container, resolved.attribute.name, nonEmptyObject(withSub(current, resolved.subAttribute.name, undefined)));
}

/**
 * Parses `attr`, `attr.sub`, `attr[filter]`, `attr[filter].sub`, each optionally URN-qualified
 * and in any case; 400 `invalidPath` for anything else or an attribute the resource lacks.
 */
export function parsePatchPath(kind: ResourceKind, path: string): PatchTarget {
  const open = path.indexOf('[');
  if (open < 0) {
    const resolved = safeResolve(kind, path);
    if (!resolved) throw scimError('invalidPath', `${kind} has no attribute at path "${path}"`);
    return { resolved };
  }
  const close = path.lastIndexOf(']');
  if (close < open) throw scimError('invalidPath', `"${path}" opens a filter it does not close`);
  const resolved = safeResolve(kind, path.slice(0, open));
  if (!resolved || resolved.subAttribute || !resolved.attribute.multiValued || resolved.attribute.type !== 'complex') {
    throw scimError('invalidPath', `"${path.slice(0, open)}" is not a multi-valued attribute of ${kind}`);
  }
  let filter: ResolvedFilter;
  let parsed: ReturnType<typeof parseFilter>;
  try {
    parsed = parseFilter(path.slice(open + 1, close));
    filter = resolveElementFilter(resolved.attribute, parsed);
  } catch (error) {
    throw scimError('invalidPath', `The filter of "${path}" cannot be read: ${(error as Error).message}`);
  }
  const rest = path.slice(close + 1);
  let subAttribute: AttributeDefinition | undefined;
  if (rest) {
    const sub = rest.startsWith('.') ? findAttribute(resolved.attribute.subAttributes ?? [], rest.slice(1)) : undefined;
    if (!sub) throw scimError('invalidPath', `"${rest}" after the filter of "${path}" is not a sub-attribute of ${resolved.attribute.name}`);
    subAttribute = sub;
  }
  const upsertType = parsed.kind === 'compare' && parsed.operator === 'eq' && parsed.path.attribute.toLowerCase() === 'type' && typeof parsed.value === 'string'
    ? parsed.value : undefined;
  return { resolved, filter, subAttribute, upsertType };
}

function safeResolve(kind: ResourceKind, key: string): ResolvedAttribute | undefined {
  try {
    return resolveAttribute(kind, parseAttributePath(key));
  } catch {
    return undefined;
  }
}

/** Whether one element of a multi-valued attribute matches a value filter, folding case unless caseExact. */
export function matchesElement(filter: ResolvedFilter, element: unknown): boolean {
  const record = isObject(element) ? element : { value: element };
  switch (filter.kind) {
    case 'and': return matchesElement(filter.left, record) && matchesElement(filter.right, record);
    case 'or': return matchesElement(filter.left, record) || matchesElement(filter.right, record);
    case 'not': return !matchesElement(filter.filter, record);
    case 'valuePath': return false;
    case 'present': {
      const value = record[filter.key];
      return value !== undefined && value !== null && value !== '';
    }
    default: {
      const value = record[filter.key];
      if (value === undefined || value === null) return filter.operator === 'ne';
      if (typeof filter.value === 'boolean') return (value === filter.value) === (filter.operator === 'eq');
      const fold = (text: unknown) => (filter.caseExact ? String(text) : String(text).toLowerCase());
      const left = fold(value);
      const right = fold(filter.value);
      switch (filter.operator) {
        case 'eq': return left === right;
        case 'ne': return left !== right;
        case 'co': return left.includes(right);
        case 'sw': return left.startsWith(right);
        case 'ew': return left.endsWith(right);
        case 'gt': return left > right;
        case 'ge': return left >= right;
        case 'lt': return left < right;
        default: return left <= right;
      }
    }
  }
}

function withSub(element: unknown, name: string, value: unknown): Record<string, unknown> {
  const next = { ...(isObject(element) ? element : {}) };
  if (value === undefined) delete next[name];
  else next[name] = value;
  return next;
}

function nonEmpty(list: unknown[]): unknown[] | undefined {
  return list.length > 0 ? list : undefined;
}

function nonEmptyObject(value: Record<string, unknown>): Record<string, unknown> | undefined {
  return Object.keys(value).length > 0 ? value : undefined;
}
