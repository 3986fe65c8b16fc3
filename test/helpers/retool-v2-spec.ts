import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Retool's API v2 spec (2.12.0) and the provider's recordings, in ../shared beside the checkout. */
export const SHARED_DIR = path.resolve(here, '../../../shared');
const specFile = path.join(SHARED_DIR, 'reference/retool-api-v2.openapi.yaml');

interface Operation {
  responses: Record<string, { content?: Record<string, { schema: object }> }>;
}

const spec = parse(fs.readFileSync(specFile, 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, object> };
};

/**
 * An OpenAPI 3.0 schema as JSON Schema for Ajv: `#/components/schemas/X` references pointed
 * at the registered document, and `nullable` spelt out where Ajv cannot take it as it is
 * (without `type`: anything goes; with `enum`: null joins the values).
 */
function rebased(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rebased);
  if (schema === null || typeof schema !== 'object') return schema;
  const result: Record<string, unknown> = Object.fromEntries(Object.entries(schema).map(([key, value]) =>
    [key, key === '$ref' && typeof value === 'string' ? `retool${value}` : rebased(value)]));
  if (result.nullable === true) {
    if (result.type === undefined) delete result.nullable;
    else if (Array.isArray(result.enum) && !result.enum.includes(null)) result.enum = [...result.enum, null];
  }
  return result;
}

/**
 * Where the recordings show Retool answering other than its spec says, the recordings win:
 * a space's id is `org_<32 hex>`, not a UUID, and a new space's domain may be "".
 */
function asRecorded(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(asRecorded);
  if (schema === null || typeof schema !== 'object') return schema;
  const result: Record<string, unknown> = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, asRecorded(value)]));
  const properties = result.properties as Record<string, Record<string, unknown>> | undefined;
  if (properties && Object.keys(properties).sort().join() === 'created_at,domain,id,name,updated_at') {
    result.properties = { ...properties, id: { type: 'string', pattern: '^org_[0-9a-f]{32}$' }, domain: { type: 'string' } };
  }
  return result;
}

// OpenAPI 3.0 schemas: draft-04-ish with `nullable`, which Ajv understands natively. The
// spec's patterns are ECMA-262 without the `u` flag (`^[a-z0-9\_]+$` escapes `_`), as they are read here.
const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
addFormats.default(ajv);
ajv.addSchema({ $id: 'retool', components: asRecorded(rebased(spec.components)) as object });

/** A path parameter of the spec: `{name}`, or `:name` as `/access_tokens/:accessTokenId` spells it. */
const PARAMETER = /\{[^}]+\}|:[A-Za-z]+/g;

/** Spec paths as patterns, the most literal first, so `/users/reset2fa/{userId}` wins over `/users/{userId}`. */
const routes = Object.keys(spec.paths)
  .map((template) => ({
    template,
    pattern: new RegExp(`^/api/v2${template.replace(/\/$/, '').replace(PARAMETER, '[^/]+')}/?$`),
    parameters: (template.match(PARAMETER) ?? []).length,
  }))
  .sort((a, b) => a.parameters - b.parameters);

/**
 * Where the recordings show Retool answering other than its spec says, the recordings win:
 * `GET /resource_configurations/{id}` is wrapped in `{success, data}` like every other answer.
 */
const WRAPPED_IN_PRACTICE = new Set(['get /resource_configurations/{configurationId}']);

const validators = new Map<string, ReturnType<typeof ajv.compile> | null>();

function validatorFor(method: string, template: string, status: number) {
  const key = `${method} ${template} ${status}`;
  if (!validators.has(key)) {
    const schema = spec.paths[template]?.[method]?.responses[String(status)]?.content?.['application/json']?.schema;
    let compiled = schema ? asRecorded(rebased(schema)) : null;
    if (compiled && WRAPPED_IN_PRACTICE.has(`${method} ${template}`)) {
      compiled = { type: 'object', required: ['success', 'data'], properties: { success: { type: 'boolean' }, data: compiled } };
    }
    validators.set(key, compiled ? ajv.compile(compiled as object) : null);
  }
  return validators.get(key)!;
}

/** Retool's error body, for answers the spec gives no schema of their own. */
const errorBody = ajv.compile({
  type: 'object', additionalProperties: false, required: ['success', 'message'],
  properties: { success: { enum: [false] }, message: { type: 'string' } },
});

/**
 * The spec's complaints about one answer of /api/v2 (empty when it conforms): a 2xx body
 * against the operation's response schema (a 204 must have none), an error against
 * Retool's error body. An operation the spec lacks is itself a complaint.
 */
export function retoolSpecErrors(method: string, url: string, status: number, body: string): string[] {
  const pathOnly = url.split('?')[0]!;
  const route = routes.find((candidate) => candidate.pattern.test(pathOnly) && spec.paths[candidate.template]![method.toLowerCase()]);
  if (!route) return [`${method} ${pathOnly} is not an operation of the spec`];
  if (status === 204) return body === '' ? [] : ['a 204 answer has a body'];
  const parsed = body === '' ? undefined : JSON.parse(body);
  if (status >= 400) return errorBody(parsed) ? [] : (errorBody.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
  const validate = validatorFor(method.toLowerCase(), route.template, status);
  if (!validate) return [`the spec declares no ${status} JSON answer for ${method} ${route.template}`];
  return validate(parsed) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`);
}
