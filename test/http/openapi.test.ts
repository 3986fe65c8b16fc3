import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from '../helpers/harness.ts';
import { seedSpec } from '../helpers/seed-spec.ts';

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  required?: string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
};

interface Parameter {
  $ref?: string;
  name: string;
  in: string;
  required?: boolean;
}

interface Operation {
  operationId: string;
  servers?: { url: string }[];
  parameters?: Parameter[];
  requestBody?: { $ref?: string; required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
  responses: Record<string, { $ref?: string; content?: Record<string, { schema?: JsonSchema }> }>;
  security?: Record<string, string[]>[];
}

interface Document {
  openapi: string;
  servers?: { url: string }[];
  security?: Record<string, string[]>[];
  paths: Record<string, Record<string, Operation>>;
  components?: { securitySchemes?: Record<string, { type: string; scheme?: string; in?: string }> };
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/** Follows a local `$ref` (`#/components/...`) within `doc`, repeatedly. */
function deref<T>(doc: unknown, node: T): T {
  let current = node as { $ref?: string };
  for (let hops = 0; current && typeof current.$ref === 'string'; hops += 1) {
    if (hops > 20) throw new Error(`$ref loop at ${current.$ref}`);
    if (!current.$ref.startsWith('#/')) throw new Error(`non-local $ref ${current.$ref}`);
    current = current.$ref.slice(2).split('/').reduce<any>((value, key) => value?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
    if (current === undefined) throw new Error(`unresolved $ref in ${JSON.stringify(node)}`);
  }
  return current as T;
}

function operationsOf(doc: { paths: Record<string, Record<string, unknown>> }): { path: string; method: string; op: Operation }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({ path, method, op: op as Operation })));
}

function jsonSchemaOf(doc: unknown, holder: { content?: Record<string, { schema?: JsonSchema }> } | undefined): JsonSchema | undefined {
  const schema = holder?.content?.['application/json']?.schema;
  return schema ? deref(doc, schema) : undefined;
}

/**
 * The property paths the seed schema names that ours lacks, descending into object
 * properties and array items.
 */
function missingProperties(seedSchema: JsonSchema, ours: JsonSchema, ourDoc: unknown, at = ''): string[] {
  const seed = deref(seedSpec, seedSchema);
  const mine = deref(ourDoc, ours);
  const missing: string[] = [];
  for (const [key, value] of Object.entries(seed.properties ?? {})) {
    const match = mine.properties?.[key];
    if (!match) missing.push(`${at}${key}`);
    else missing.push(...missingProperties(value, match, ourDoc, `${at}${key}.`));
  }
  if (seed.items) {
    if (!mine.items) missing.push(`${at}[]`);
    else missing.push(...missingProperties(seed.items, mine.items, ourDoc, `${at}[].`));
  }
  return missing;
}

const seedOperations = operationsOf(seedSpec as unknown as Document);

const EXTRA_OPERATIONS: [string, string, string][] = [
  ['getGroup', 'get', '/groups/{groupId}'],
  ['updateGroup', 'put', '/groups/{groupId}'],
  ['deleteGroup', 'delete', '/groups/{groupId}'],
  ['listGroupMembers', 'get', '/groups/{groupId}/members'],
  ['getFolder', 'get', '/folders/{folderId}'],
  ['updateFolder', 'put', '/folders/{folderId}'],
  ['deleteFolder', 'delete', '/folders/{folderId}'],
  ['createResource', 'post', '/resources'],
  ['getResource', 'get', '/resources/{resourceId}'],
  ['updateResource', 'put', '/resources/{resourceId}'],
  ['deleteResource', 'delete', '/resources/{resourceId}'],
];

let h: Harness;
let doc: Document;
beforeAll(async () => {
  h = await Harness.start();
  const response = await h.request('GET', '/api/v1/openapi.json', { token: null });
  expect(response.statusCode, response.body).toBe(200);
  doc = response.json();
});
afterAll(async () => {
  await h.close();
});

function ours(path: string, method: string): Operation {
  const op = doc.paths[path]?.[method];
  expect(op, `${method.toUpperCase()} ${path} is missing from the document`).toBeDefined();
  return op!;
}

describe('the OpenAPI document', () => {
  it('is served as JSON without a token', async () => {
    const response = await h.request('GET', '/api/v1/openapi.json', { token: null });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.json()).toEqual(doc);
  });

  it('is OpenAPI 3.1.x with paths relative to an /api/v1 server', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.servers?.map((server) => server.url)).toContain('/api/v1');
    for (const path of Object.keys(doc.paths)) {
      expect(path.startsWith('/api/v1')).toBe(false);
      expect(path).not.toMatch(/:\w+/);
    }
  });

  it('leaves out routes that are not part of the native API', () => {
    for (const path of ['/healthz', '/readyz', '/openapi.json', '/docs', '/docs/json']) {
      expect(doc.paths).not.toHaveProperty([path]);
    }
  });

  it('has the seed operations to compare against', () => {
    expect(seedOperations.length).toBeGreaterThanOrEqual(17);
  });
});

describe.each(seedOperations.map(({ path, method, op }) => ({ path, method, seed: op, label: `${method.toUpperCase()} ${path}` })))(
  'seed operation $label',
  ({ path, method, seed }) => {
    it(`exists with operationId ${seed.operationId}`, () => {
      expect(ours(path, method).operationId).toBe(seed.operationId);
    });

    it('lists every status code the seed lists, except 500', () => {
      const seedCodes = Object.keys(seed.responses).filter((code) => code !== '500');
      expect(seedCodes.length).toBeGreaterThan(0);
      const ourCodes = Object.keys(ours(path, method).responses);
      expect(ourCodes).toEqual(expect.arrayContaining(seedCodes));
    });

    it('declares the seed\'s parameters', () => {
      const op = ours(path, method);
      const ourParameters = (op.parameters ?? []).map((parameter) => deref(doc, parameter));
      for (const parameter of (seed.parameters ?? []).map((p) => deref(seedSpec, p))) {
        const match = ourParameters.find((p) => p.name === parameter.name && p.in === parameter.in);
        expect(match, `${parameter.in} parameter ${parameter.name}`).toBeDefined();
        if (parameter.required) expect(match!.required).toBe(true);
      }
    });

    const seedBody = seed.requestBody ? deref(seedSpec, seed.requestBody) : undefined;
    if (seedBody) {
      it('takes a JSON body requiring every field the seed requires', () => {
        const body = ours(path, method).requestBody;
        expect(body).toBeDefined();
        const resolved = deref(doc, body!);
        if (seedBody.required) expect(resolved.required).toBe(true);
        const seedSchema = jsonSchemaOf(seedSpec, seedBody)!;
        // A body that also takes an array (bulk create) is `anyOf: [object, array]`; the object form is the seed's.
        const bodySchema = jsonSchemaOf(doc, resolved);
        const schema = bodySchema?.anyOf ? bodySchema.anyOf.map((form) => deref(doc, form)).find((form) => form.type === 'object') : bodySchema;
        expect(schema).toBeDefined();
        for (const field of seedSchema.required ?? []) expect(schema!.required ?? []).toContain(field);
        expect(missingProperties(seedSchema, schema!, doc)).toEqual([]);
      });
    }

    it('answers with at least the fields of the seed\'s success responses', () => {
      const op = ours(path, method);
      for (const [code, response] of Object.entries(seed.responses)) {
        if (!code.startsWith('2')) continue;
        const seedSchema = jsonSchemaOf(seedSpec, deref(seedSpec, response));
        if (!seedSchema) continue;
        const schema = jsonSchemaOf(doc, deref(doc, op.responses[code]!));
        expect(schema, `${code} response schema`).toBeDefined();
        expect(missingProperties(seedSchema, schema!, doc), `${code} response`).toEqual([]);
      }
    });
  },
);

describe('operations beyond the seed', () => {
  it.each(EXTRA_OPERATIONS)('%s is %s %s', (operationId, method, path) => {
    const op = ours(path, method);
    expect(op.operationId).toBe(operationId);
    const codes = Object.keys(op.responses);
    expect(codes.some((code) => code.startsWith('2'))).toBe(true);
    expect(codes).toEqual(expect.arrayContaining(['400', '401', '403']));
    if (path.includes('{')) expect(codes).toContain('404');
    if (method === 'put' || method === 'post') expect(op.requestBody).toBeDefined();
  });

  it('operationIds are unique across the document', () => {
    const ids = operationsOf(doc).map(({ op }) => op.operationId);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('security', () => {
  it('defines a bearer scheme', () => {
    const bearer = Object.values(doc.components?.securitySchemes ?? {}).filter(
      (scheme) => scheme.type === 'http' && scheme.scheme?.toLowerCase() === 'bearer',
    );
    expect(bearer.length).toBeGreaterThan(0);
  });

  it('every operation but the public ones requires the bearer scheme (or a session) and documents 401 and 403', () => {
    const schemes = doc.components?.securitySchemes ?? {};
    const all = operationsOf(doc).filter(({ op }) => !PUBLIC_OPERATIONS.some(([operationId]) => operationId === op.operationId)
      && !SIGN_IN_OPERATIONS.includes(op.operationId!) && !PASSWORD_RESET_OPERATIONS.some(([operationId]) => operationId === op.operationId));
    expect(all.length).toBeGreaterThanOrEqual(seedOperations.length + EXTRA_OPERATIONS.length);
    for (const { path, method, op } of all) {
      const label = `${method.toUpperCase()} ${path}`;
      const security = op.security ?? doc.security;
      expect(security, label).toBeDefined();
      // An empty requirement list, or an empty requirement object, would make auth optional.
      expect(security!.length, label).toBeGreaterThan(0);
      const isBearer = (name: string) => schemes[name]?.type === 'http' && schemes[name]?.scheme?.toLowerCase() === 'bearer';
      const isSession = (name: string) => schemes[name]?.type === 'apiKey' && schemes[name]?.in === 'cookie';
      for (const requirement of security!) {
        const names = Object.keys(requirement);
        expect(names.length, label).toBeGreaterThan(0);
        expect(names.every((name) => isBearer(name) || isSession(name)), label).toBe(true);
      }
      expect(security!.some((requirement) => Object.keys(requirement).some(isBearer)), label).toBe(true);
      expect(Object.keys(op.responses), label).toEqual(expect.arrayContaining(['401', '403']));
    }
  });
});

/** The operations callable without an API token: the invite token is the credential. */
const PUBLIC_OPERATIONS: [string, string, string, string][] = [
  ['acceptInvite', 'post', '/invites/accept', '/api/v1'],
  ['getInvitePage', 'get', '/invite/{token}', '/'],
  ['acceptInvitePage', 'post', '/invite/{token}', '/'],
];
/** Public operations of signing in (with a password, or through a workspace's identity provider): no credential yet, so none is asked for. */
const SIGN_IN_OPERATIONS = ['signIn', 'startSso', 'finishSso'];
/** Public operations of a forgotten password: the emailed token is the credential, or there is none yet. */
const PASSWORD_RESET_OPERATIONS: [string, string, string, string, string[]][] = [
  ['requestPasswordReset', 'post', '/auth/password-reset', '/api/v1', ['202', '400', '429']],
  ['confirmPasswordReset', 'post', '/auth/password-reset/confirm', '/api/v1', ['204', '400', '404', '410', '429']],
  ['getPasswordResetPage', 'get', '/reset-password/{token}', '/', ['200', '400', '404', '410', '429']],
  ['confirmPasswordResetPage', 'post', '/reset-password/{token}', '/', ['200', '400', '404', '410', '429']],
];

describe('public operations', () => {
  it.each(PUBLIC_OPERATIONS)('%s (%s %s) is documented with an empty security list, on its server', (operationId, method, path, server) => {
    const op = ours(path, method);
    expect(op.operationId).toBe(operationId);
    expect(op.security).toEqual([]);
    expect(op.servers?.map((entry) => entry.url) ?? ['/api/v1']).toEqual([server]);
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '400', '404', '410', '429']));
  });

  it('are the only operations without a bearer requirement', () => {
    const open = operationsOf(doc).filter(({ op }) => (op.security ?? doc.security)?.length === 0).map(({ op }) => op.operationId);
    expect(open.sort()).toEqual([
      ...PUBLIC_OPERATIONS.map(([operationId]) => operationId), ...SIGN_IN_OPERATIONS, ...PASSWORD_RESET_OPERATIONS.map(([operationId]) => operationId),
    ].sort());
  });

  it.each(PASSWORD_RESET_OPERATIONS)('%s (%s %s) is documented with an empty security list, on its server', (operationId, method, path, server, codes) => {
    const op = ours(path, method);
    expect(op.operationId).toBe(operationId);
    expect(op.security).toEqual([]);
    expect(op.servers?.map((entry) => entry.url) ?? ['/api/v1']).toEqual([server]);
    expect(Object.keys(op.responses).sort()).toEqual(codes);
  });

  it('document the bodies they take: JSON for the API, the form for the page', () => {
    const api = ours('/invites/accept', 'post').requestBody!;
    expect(jsonSchemaOf(doc, deref(doc, api))?.required).toEqual(expect.arrayContaining(['token', 'firstName']));
    const page = deref(doc, ours('/invite/{token}', 'post').requestBody!);
    expect(Object.keys(page.content ?? {})).toEqual(['application/x-www-form-urlencoded']);
    expect(Object.keys(page.content!['application/x-www-form-urlencoded']!.schema!.properties ?? {}).sort())
      .toEqual(['firstName', 'lastName', 'password']);
  });
});

describe('/docs', () => {
  it('serves an HTML page, following redirects', async () => {
    let url = '/docs';
    let response = await h.request('GET', url, { token: null });
    for (let hops = 0; response.statusCode >= 300 && response.statusCode < 400; hops += 1) {
      expect(hops).toBeLessThan(5);
      url = new URL(String(response.headers.location), `http://localhost${url}`).pathname;
      response = await h.request('GET', url, { token: null });
    }
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toMatch(/<html/i);
    expect(response.body).toMatch(/swagger|openapi|redoc|scalar/i);
  });
});
