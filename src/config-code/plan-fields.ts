import type { FieldChange } from './plan.ts';

/** Fields a creation sets: those given. */
export function fieldsOf(values: Record<string, unknown>): FieldChange[] {
  return Object.entries(values).filter(([, value]) => value !== undefined).map(([field, to]) => ({ field, to }));
}

/** Fields the file gives with a value other than the current one; fields it leaves out are left alone. */
export function differences(current: Record<string, unknown>, desired: Record<string, unknown>): FieldChange[] {
  return Object.entries(desired)
    .filter(([field, value]) => value !== undefined && !same(value, current[field]))
    .map(([field, to]) => ({ field, from: current[field], to }));
}

/** Equal as JSON values, whatever the order of object keys. */
export function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortedKeys(a)) === JSON.stringify(sortedKeys(b));
}

/** The value with the keys of every object in it sorted, so equal values serialize alike. */
export function sortedKeys(value: unknown): unknown {
  return sorted(value);
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sorted((value as Record<string, unknown>)[key])]));
  }
  return value;
}
