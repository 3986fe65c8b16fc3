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

export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) => {
  const validate = (httpPart === 'body' ? strict : coercing).compile(schema);
  return (data: unknown) => (validate(data) ? { value: data } : { error: validate.errors as unknown as Error });
};

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
