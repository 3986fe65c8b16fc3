import { type TSchema, Type } from 'typebox';
import { Value } from 'typebox/value';
import { invalidInput } from '../../core/errors.ts';

/** An RFC 6902 operation as Retool's PATCH bodies carry them; move, copy and test are refused where given. */
export const PatchOperation = Type.Object({
  op: Type.String({ enum: ['add', 'replace', 'remove', 'move', 'copy', 'test'] }),
  path: Type.String({ maxLength: 1000 }),
  value: Type.Optional(Type.Unknown()),
  from: Type.Optional(Type.String({ maxLength: 1000 })),
});

export const PatchBody = Type.Object({
  operations: Type.Array(PatchOperation, { maxItems: 100 }),
});

export interface PatchOperationInput {
  op: string;
  path: string;
  value?: unknown;
}

/** RFC 6901: `~1` is `/`, `~0` is `~`. */
function unescape(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * Applies add, replace and remove operations, in order, to a copy of `document` holding the
 * patchable fields. Only the fields in `fields` may be the first segment of a path; deeper
 * paths reach into object fields (`/metadata/team`) and lists (`/members/-` appends,
 * `/members/0` names the first). `remove` of a top-level field sets it to null. Any other operation or path is a 400 naming the operation.
 */
export function applyPatch(document: Record<string, unknown>, operations: readonly PatchOperationInput[], fields: readonly string[]): Record<string, unknown> {
  const result: Record<string, unknown> = structuredClone(document);
  operations.forEach((operation, index) => {
    const field = `operations.${index}`;
    if (operation.op !== 'add' && operation.op !== 'replace' && operation.op !== 'remove') {
      throw invalidInput(`${field}.op`, `${operation.op} is not supported here; use add, replace or remove`);
    }
    if (operation.op !== 'remove' && !('value' in operation)) throw invalidInput(`${field}.value`, 'is required');
    const segments = operation.path.split('/').slice(1).map(unescape);
    if (!operation.path.startsWith('/') || segments.length === 0 || !fields.includes(segments[0]!)) {
      throw invalidInput(`${field}.path`, `must be one of ${fields.map((name) => `/${name}`).join(', ')}`);
    }
    if (segments.length === 1) {
      result[segments[0]!] = operation.op === 'remove' ? null : structuredClone(operation.value);
      return;
    }
    let parent = result[segments[0]!];
    for (const segment of segments.slice(1, -1)) {
      if (parent === null || typeof parent !== 'object') throw invalidInput(`${field}.path`, 'names no object');
      parent = (parent as Record<string, unknown>)[segment];
    }
    if ((parent === null || parent === undefined) && segments.length === 2 && operation.op !== 'remove') {
      result[segments[0]!] = { [segments[1]!]: structuredClone(operation.value) };
      return;
    }
    if (parent === null || typeof parent !== 'object') throw invalidInput(`${field}.path`, 'names no object');
    const key = segments[segments.length - 1]!;
    if (Array.isArray(parent)) {
      applyToArray(parent, key, operation, field);
      return;
    }
    const target = parent as Record<string, unknown>;
    if (operation.op === 'remove') {
      if (!(key in target)) throw invalidInput(`${field}.path`, 'names nothing to remove');
      delete target[key];
    } else if (operation.op === 'replace' && !(key in target)) {
      throw invalidInput(`${field}.path`, 'names nothing to replace');
    } else {
      target[key] = structuredClone(operation.value);
    }
  });
  return result;
}

/** RFC 6902 on an array: `-` appends, an index inserts (add), replaces or removes the item there. */
function applyToArray(items: unknown[], key: string, operation: PatchOperationInput, field: string): void {
  if (key === '-' && operation.op === 'add') {
    items.push(structuredClone(operation.value));
    return;
  }
  const index = /^(0|[1-9]\d*)$/.test(key) ? Number(key) : Number.NaN;
  const limit = operation.op === 'add' ? items.length : items.length - 1;
  if (Number.isNaN(index) || index > limit) throw invalidInput(`${field}.path`, 'names no item of the list');
  if (operation.op === 'add') items.splice(index, 0, structuredClone(operation.value));
  else if (operation.op === 'replace') items[index] = structuredClone(operation.value);
  else items.splice(index, 1);
}

/**
 * Checks a patched document against the schema a full write of it takes, so a patch can set
 * nothing a PUT or POST could not; the first failure is a 400 naming the field.
 */
export function checkPatched(schema: TSchema, document: unknown): void {
  const [error] = Value.Errors(schema, document);
  if (!error) return;
  const field = error.instancePath.split('/').filter(Boolean).join('.') || 'operations';
  throw invalidInput(field, error.message ?? 'is invalid');
}
