import fc from 'fast-check';
import type { JsonSchema } from './routes.ts';

/**
 * fast-check arbitraries from the JSON Schemas routes declare (TypeBox's output): values the
 * schema accepts, or nearly, and the hostile variations a client may send instead.
 */

const MAX_DEPTH = 4;

/** Values that exist in the database, by property name (`userId`, `token`, ...): bodies reach real objects with them. */
export type KnownValues = Record<string, unknown[]>;

/** A value the schema accepts (give or take a format's corner cases): the starting point of every mutation. */
export function fromSchema(schema: JsonSchema | undefined, known: KnownValues = {}, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > MAX_DEPTH) return fc.constant(undefined);
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const options = schema.anyOf ?? schema.oneOf;
  if (options && options.length > 0) return fc.oneof(...options.map((option) => fromSchema(option, known, depth + 1)));
  if (schema.allOf && schema.allOf.length > 0) return fromSchema(Object.assign({}, ...schema.allOf) as JsonSchema, known, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object':
      return objectOf(schema, known, depth);
    case 'array': {
      const minLength = schema.minItems ?? 0;
      return fc.array(fromSchema(schema.items, known, depth + 1), { minLength, maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 3, 3)) });
    }
    case 'string':
      return stringOf(schema);
    case 'integer':
      return fc.integer({ min: Math.max(schema.minimum ?? -1000, -2_147_483_648), max: Math.min(schema.maximum ?? 1_000_000, 2_147_483_647) });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      // No type (Type.Unknown, Type.Any): anything JSON.
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function objectOf(schema: JsonSchema, known: KnownValues, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const valueOf = (name: string, property: JsonSchema) => {
    const generated = fromSchema(property, known, depth + 1);
    return known[name]?.length ? fc.oneof(generated, fc.constantFrom(...known[name]!)) : generated;
  };
  const model = Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, valueOf(name, property)]));
  const fixed = fc.record(model, { requiredKeys: (schema.required ?? []).filter((name) => name in properties) as never[] });
  const open = schema.patternProperties
    ? Object.values(schema.patternProperties)[0]
    : typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
  if (!open || Object.keys(properties).length > 0) return fixed as fc.Arbitrary<Record<string, unknown>>;
  return fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/), fromSchema(open, known, depth + 1), { maxKeys: 3 });
}

function stringOf(schema: JsonSchema): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'uuid':
      return fc.uuid();
    case 'email':
      return fc.oneof(fc.emailAddress(), fc.stringMatching(/^[a-z]{1,8}@[a-z]{1,8}\.(com|org|test)$/));
    case 'date-time':
      return fc.oneof(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((date) => date.toISOString()),
        edgeDateTime,
      );
    case 'uri':
      return fc.webUrl();
    default:
      break;
  }
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 40, 40));
  if (schema.pattern) {
    return fc.stringMatching(new RegExp(schema.pattern)).filter((value) => value.length >= minLength && value.length <= (schema.maxLength ?? Infinity));
  }
  return fc.string({ minLength, maxLength });
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** Date-times the format accepts at the edges: any four-digit year, any offset, leap seconds, long fractions. */
const edgeDateTime: fc.Arbitrary<string> = fc.record({
  year: fc.oneof({ arbitrary: fc.constantFrom(0, 1, 9999), weight: 3 }, fc.constantFrom(1969, 1970, 2038), fc.integer({ min: 0, max: 9999 })),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
  hour: fc.integer({ min: 0, max: 23 }),
  minute: fc.integer({ min: 0, max: 59 }),
  second: fc.integer({ min: 0, max: 60 }),
  fraction: fc.constantFrom('', '.5', '.123456789'),
  zone: fc.oneof(fc.constantFrom('Z', 'z', '+00:00', '-00:00', '+23:59', '-23:59'), fc.integer({ min: -23, max: 23 }).map((hours) => `${hours < 0 ? '-' : '+'}${pad(Math.abs(hours))}:30`)),
}).map(({ year, month, day, hour, minute, second, fraction, zone }) =>
  `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${fraction}${zone}`);

/** Nesting far past what the JSON parser accepts (64). */
const deep = (levels: number, leaf: unknown = 1): unknown => {
  let value = leaf;
  for (let i = 0; i < levels; i += 1) value = i % 2 ? [value] : { a: value };
  return value;
};

/** Values no schema wants where it asked for something else: each a way clients and attackers go wrong. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null, true, false, 0, -1, 1.5, -0.0001, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER, 1e308, -1e308,
    '', ' ', '\t\n', 'null', 'true', '0', '-1', '1e999', 'NaN', '\u0000', 'a\u0000b', '%00', '../../etc/passwd',
    "'; drop table users; --", '<script>alert(1)</script>', '\u202e\u200b\ufeff', '😀'.repeat(50), '\ud800', 'x'.repeat(300),
    [], [null], {}, JSON.parse('{"__proto__":{"polluted":true}}'), { constructor: { prototype: { polluted: true } } },
  ),
  fc.constant('y'.repeat(200_000)),
  fc.integer({ min: 65, max: 200 }).map((levels) => deep(levels)),
  fc.integer({ min: 20, max: 60 }).map((levels) => deep(levels, 'leaf')),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.double(),
  fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map((value) => Number(value)),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 4 }),
);

type Path = Array<string | number>;
/** Keys whose assignment would reach a prototype rather than spoil the value. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Paths to every value inside `value` (its root included), to pick one to spoil. */
function pathsOf(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((item, index) => pathsOf(item, [...path, index], out));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) if (!UNSAFE_KEYS.has(key)) pathsOf(item, [...path, key], out);
  }
  return out;
}

function setAt(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let cursor = copy;
  for (const step of path.slice(0, -1)) cursor = cursor[step] as Record<string | number, unknown>;
  cursor[path.at(-1)!] = replacement;
  return copy;
}

function deleteAt(value: unknown, path: Path): unknown {
  if (path.length === 0) return undefined;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let cursor = copy;
  for (const step of path.slice(0, -1)) cursor = cursor[step] as Record<string | number, unknown>;
  if (Array.isArray(cursor)) cursor.splice(Number(path.at(-1)), 1);
  else delete cursor[path.at(-1)!];
  return copy;
}

/**
 * A valid-ish value spoiled one way: a field replaced by a hostile value (a wrong type, a
 * huge or odd string, a number out of range, deep nesting), a field removed, an unknown
 * field added, or the whole value wrapped in an array or replaced.
 */
export function mutated(schema: JsonSchema | undefined, known: KnownValues = {}): fc.Arbitrary<unknown> {
  return fromSchema(schema, known).chain((valid) => {
    const paths = pathsOf(valid);
    return fc.oneof(
      fc.tuple(fc.constantFrom(...paths), hostileValue).map(([path, bad]) => setAt(valid, path, bad)),
      fc.constantFrom(...paths).map((path) => deleteAt(valid, path)),
      fc.tuple(fc.string({ maxLength: 12 }), hostileValue).map(([name, bad]) =>
        valid !== null && typeof valid === 'object' && !Array.isArray(valid) ? { ...valid, [name]: bad } : { [name]: bad }),
      fc.constant([valid]),
      fc.constant([valid, valid]),
      hostileValue,
    );
  });
}

/** A query-string value or key as text: sometimes fine, sometimes hostile, sometimes broken percent-encoding. */
export const queryText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 20 }).map(encodeURIComponent),
  fc.string({ unit: 'grapheme', maxLength: 20 }).map(encodeURIComponent),
  fc.constantFrom('%', '%zz', '%E0%A4%A', '%00', '%C0%AF', '+', '&', '=', '[]', 'a[b]=c', '0x10', '1e3', '-0', '99999999999999999999', '', 'x'.repeat(5000)),
  fc.integer().map(String),
);

/** Raw bodies no JSON route should take: bytes, truncated or broken JSON, JSON with a wrong content type. */
export function garbagePayload(schema: JsonSchema | undefined, known: KnownValues = {}): fc.Arbitrary<{ payload: string | Buffer; contentType?: string }> {
  const contentType = fc.constantFrom(
    'application/json', 'application/json; charset=utf-8', 'application/json; charset=latin1', 'text/plain', 'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x', 'application/xml', 'application/octet-stream', '*/*', 'application/json, text/plain', 'garbage', ';;;',
  );
  const valid = fromSchema(schema, known).map((value) => JSON.stringify(value ?? {}));
  return fc.oneof(
    fc.tuple(fc.uint8Array({ maxLength: 300 }), contentType).map(([bytes, type]) => ({ payload: Buffer.from(bytes), contentType: type })),
    fc.tuple(valid, fc.nat()).map(([text, cut]) => ({ payload: text.slice(0, cut % Math.max(text.length, 1)), contentType: 'application/json' })),
    fc.tuple(valid, contentType).map(([text, type]) => ({ payload: text, contentType: type })),
    fc.constantFrom('{', '[', '{"a":', '{"a":1,}', "{'a':1}", 'undefined', 'NaN', '{"__proto__":{"x":1}}', '\ufeff{}', '{"a":"\\ud800"}', '"\\u0000"', '1'.repeat(400))
      .map((payload) => ({ payload, contentType: 'application/json' })),
    valid.map((payload) => ({ payload })),
  );
}
