import { isObject } from './document.ts';
import { parseAttributePath } from './filter.ts';
import { type ResolvedAttribute, type ResourceKind, resolveAttribute } from './schema.ts';

/**
 * `attributes` and `excludedAttributes` (RFC 7644 §3.4.2.5, §3.9): names in any case, with
 * sub-paths (`name.givenName`) and URN-qualified names. `id` and `schemas` are always
 * returned. Names the resource does not have are ignored, as the RFC allows.
 */
export interface Projection {
  attributes?: string[];
  excludedAttributes?: string[];
}

/** Splits a comma-separated query parameter, or takes a list (a `.search` body). */
export function projectionList(value: unknown): string[] | undefined {
  if (typeof value === 'string') return value.split(',').map((item) => item.trim()).filter(Boolean);
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string').map((item) => item.trim()).filter(Boolean);
  return undefined;
}

/** Whether an answer under `projection` shows `name` (a top-level core attribute such as `members`). */
export function projects(kind: ResourceKind, projection: Projection, name: string): boolean {
  const target = resolveAttribute(kind, { attribute: name })!;
  const matches = (list: string[] | undefined) => (list ?? []).map((item) => resolve(kind, item)).some((resolved) => resolved?.key.split('.')[0] === target.key);
  if (projection.attributes && projection.attributes.length > 0) return matches(projection.attributes);
  return !matches(projection.excludedAttributes);
}

export function project(kind: ResourceKind, resource: Record<string, unknown>, projection: Projection): Record<string, unknown> {
  if (projection.attributes && projection.attributes.length > 0) {
    const result: Record<string, unknown> = { schemas: resource.schemas, id: resource.id };
    for (const item of projection.attributes) {
      const resolved = resolve(kind, item);
      if (resolved) copyAttribute(resource, result, resolved);
    }
    return result;
  }
  if (!projection.excludedAttributes || projection.excludedAttributes.length === 0) return resource;
  const result = structuredClone(resource);
  for (const item of projection.excludedAttributes) {
    const resolved = resolve(kind, item);
    if (resolved && resolved.key !== 'id') removeAttribute(result, resolved);
  }
  return result;
}

function resolve(kind: ResourceKind, text: string): ResolvedAttribute | undefined {
  try {
    return resolveAttribute(kind, parseAttributePath(text));
  } catch {
    return undefined;
  }
}

function holder(resource: Record<string, unknown>, resolved: ResolvedAttribute, create: boolean): Record<string, unknown> | undefined {
  if (!resolved.extension) return resource;
  const current = resource[resolved.extension];
  if (isObject(current)) return current;
  if (!create) return undefined;
  const made: Record<string, unknown> = {};
  resource[resolved.extension] = made;
  return made;
}

function copyAttribute(from: Record<string, unknown>, to: Record<string, unknown>, resolved: ResolvedAttribute): void {
  const source = holder(from, resolved, false);
  const name = resolved.attribute.name;
  if (!source || source[name] === undefined) return;
  const target = holder(to, resolved, true)!;
  const value = source[name];
  const sub = resolved.subAttribute?.name;
  if (sub === undefined) {
    target[name] = value;
  } else if (Array.isArray(value)) {
    const existing = Array.isArray(target[name]) ? target[name] as Record<string, unknown>[] : value.map(() => ({}));
    target[name] = value.map((element, index) => (isObject(element) && element[sub] !== undefined
      ? { ...existing[index], [sub]: element[sub] } : existing[index]));
  } else if (isObject(value) && value[sub] !== undefined) {
    target[name] = { ...(isObject(target[name]) ? target[name] : {}), [sub]: value[sub] };
  }
}

function removeAttribute(resource: Record<string, unknown>, resolved: ResolvedAttribute): void {
  const target = holder(resource, resolved, false);
  if (!target) return;
  const name = resolved.attribute.name;
  const sub = resolved.subAttribute?.name;
  if (sub === undefined) {
    delete target[name];
    return;
  }
  const value = target[name];
  if (Array.isArray(value)) for (const element of value) if (isObject(element)) delete element[sub];
  if (isObject(value)) delete value[sub];
}
