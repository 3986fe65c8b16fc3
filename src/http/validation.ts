import { Ajv, type ErrorObject, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify';

const baseOptions: Options = { useDefaults: true, removeAdditional: true, allErrors: false, strict: false };

function buildAjv(options: Options): Ajv {
  const ajv = new Ajv({ ...baseOptions, ...options });
  addFormats.default(ajv);
  return ajv;
}

/**
 * Query strings and path parameters arrive as text and are coerced to the declared types;
 * JSON bodies are not: `"true"` for a boolean or `12` for a string is a client error.
 */
const coercing = buildAjv({ coerceTypes: 'array' });
const strict = buildAjv({ coerceTypes: false });
const coercingAll = buildAjv({ coerceTypes: 'array', allErrors: true });
const strictAll = buildAjv({ coerceTypes: false, allErrors: true });

/** The parts of JSON Schema this module walks. */
interface SchemaNode {
  type?: unknown;
  format?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
}

/**
 * Compiles a route schema. Besides Ajv's checks, text parameters declared as integers must
 * be plain decimal (Ajv's coercion alone also takes `0x10` or `1e1`), and UUIDs are
 * lower-cased after validation, since they are stored and compared in lower case.
 */
export function createValidatorCompiler(options: { allErrors: boolean }): FastifySchemaCompiler<object> {
  const [forBody, forText] = options.allErrors ? [strictAll, coercingAll] : [strict, coercing];
  return ({ schema, httpPart }) => compile(schema as SchemaNode, httpPart === 'body' ? forBody : forText, httpPart !== 'body');
}

/** Stops at the first error: the native dialect reports one field at a time. */
export const validatorCompiler = createValidatorCompiler({ allErrors: false });

function compile(node: SchemaNode, ajv: Ajv, checkDecimals: boolean) {
  const validate = ajv.compile(node);
  // What the schema asks beyond Ajv is worked out once here, not on every request.
  const integerKeys = checkDecimals ? integerProperties(node) : [];
  const lowerCase = uuidLowerCaser(node);
  return (data: unknown) => {
    const notDecimal = integerKeys.length > 0 ? nonDecimalInteger(integerKeys, data) : null;
    if (notDecimal) return { error: [notDecimal] as unknown as Error };
    if (!validate(data)) return { error: validate.errors as unknown as Error };
    return { value: lowerCase ? lowerCase(data) : data };
  };
}

const DECIMAL_INTEGER = /^-?[0-9]+$/;

function integerProperties(schema: SchemaNode): string[] {
  return Object.entries(schema.properties ?? {}).flatMap(([key, property]) => (property.type === 'integer' ? [key] : []));
}

function nonDecimalInteger(integerKeys: string[], data: unknown): ErrorObject | null {
  if (data === null || typeof data !== 'object') return null;
  for (const key of integerKeys) {
    const value = (data as Record<string, unknown>)[key];
    const values = Array.isArray(value) ? value : [value];
    if (values.some((item) => typeof item === 'string' && !DECIMAL_INTEGER.test(item))) {
      return { instancePath: `/${key}`, schemaPath: '', keyword: 'type', params: { type: 'integer' }, message: 'must be a decimal integer' };
    }
  }
  return null;
}

type LowerCaser = (value: unknown) => unknown;

/**
 * A function lower-casing the UUIDs that `schema` declares in a value it accepted (changing
 * arrays and objects in place), or null when the schema declares none.
 */
function uuidLowerCaser(schema: SchemaNode): LowerCaser | null {
  if (schema.format === 'uuid' || schema.anyOf?.some((option) => option.format === 'uuid')) {
    return (value) => (typeof value === 'string' ? value.toLowerCase() : value);
  }
  const items = schema.items ? uuidLowerCaser(schema.items) : null;
  if (items) {
    return (value) => {
      if (Array.isArray(value)) value.forEach((item, index) => (value[index] = items(item)));
      return value;
    };
  }
  const properties = Object.entries(schema.properties ?? {}).flatMap(([key, property]) => {
    const lowerCase = uuidLowerCaser(property);
    return lowerCase ? [[key, lowerCase] as const] : [];
  });
  if (properties.length === 0) return null;
  return (value) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    const record = value as Record<string, unknown>;
    for (const [key, lowerCase] of properties) {
      if (key in record) record[key] = lowerCase(record[key]);
    }
    return value;
  };
}

const LOCATIONS: Record<string, string> = { body: 'body', querystring: 'query', params: 'path', headers: 'header' };

/** The offending field of a validation error as a dotted path (`groups.0.id`), or '' for the whole part. */
export function fieldOf(error: FastifySchemaValidationError | ErrorObject): string {
  const path = error.instancePath.split('/').filter(Boolean);
  const missing = (error.params as { missingProperty?: string }).missingProperty;
  if (error.keyword === 'required' && missing) path.push(missing);
  return path.join('.');
}

/** A readable sentence naming the field and the rule it broke. */
export function describeValidationError(error: FastifySchemaValidationError | ErrorObject, context: string): {
  field: string;
  message: string;
} {
  const field = fieldOf(error);
  const location = LOCATIONS[context] ?? context;
  const params = error.params as { allowedValues?: unknown[] };
  let rule = error.keyword === 'required' ? 'is required' : (error.message ?? 'is invalid');
  if (error.keyword === 'enum' && params.allowedValues) rule += ` (${params.allowedValues.join(', ')})`;
  const subject = field ? `${location} field "${field}"` : `request ${location}`;
  return { field, message: `${subject} ${rule}` };
}

/**
 * The dotted path of the first string or key in `value` holding a NUL character, or null.
 * PostgreSQL cannot store NUL in text or jsonb, so such input is refused up front, on both
 * databases alike, rather than failing deep in a query.
 */
export function findNulCharacter(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') || '(body)' : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000')) return [...path, key].join('.');
    const found = findNulCharacter(item, [...path, key]);
    if (found !== null) return found;
  }
  return null;
}

/**
 * The name of the first query or path parameter whose name or value holds a NUL character,
 * or null. Values may be lists (`?a=1&a=2`); the parameter is named, not the list item.
 */
export function findNulParameter(parameters: unknown): string | null {
  if (parameters === null || typeof parameters !== 'object') return null;
  for (const [name, value] of Object.entries(parameters)) {
    if (name.includes('\u0000') || findNulCharacter(value) !== null) return name;
  }
  return null;
}
