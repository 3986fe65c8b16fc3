import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import fc from 'fast-check';
import { EXTERNAL_TOKEN, type Harness } from '../../helpers/harness.ts';
import { type KnownValues, fromSchema, garbagePayload, mutated, queryText } from './arbitraries.ts';
import { errorShapeProblem } from './error-shapes.ts';
import { fingerprint, tableNames } from './fingerprint.ts';
import { type JsonSchema, type RegisteredRoute, fillPath, sampleParam } from './routes.ts';

/** One request a property sends: everything but the credentials, which follow the route's dialect. */
export interface FuzzRequest {
  route: RegisteredRoute;
  path: string;
  query?: string;
  /** A JSON value, sent as application/json; undefined sends no body. */
  body?: unknown;
  /** A raw body, sent as is, with `contentType` when given. */
  raw?: { payload: string | Buffer; contentType?: string };
  headers?: Record<string, string>;
}

/** Real ids by path-parameter name, so requests reach real objects and not only 404s. */
export type IdPool = Record<string, string[]>;

/**
 * Sends fuzzed requests and checks each answer: never a 5xx; a 4xx in the dialect's error
 * shape; and a 4xx changed nothing (the whole database's fingerprint, taken before and after).
 */
export class FuzzTarget {
  private tables: string[] = [];
  private last: Awaited<ReturnType<typeof fingerprint>> | null = null;
  sent = 0;
  /** How many answers of each status, by route: what the fuzzing reached. */
  readonly statuses = new Map<string, Map<number, number>>();

  /** The pool's ids as body values: group ids are numbers there. */
  private readonly known: KnownValues;

  constructor(private readonly h: Harness, private readonly app: FastifyInstance, private readonly pool: IdPool) {
    this.known = Object.fromEntries(Object.entries(pool).map(([name, ids]) => [name, name === 'groupId' ? ids.map(Number) : ids]));
  }

  /** A body from the route's schema, valid-ish, reaching real objects now and then; none when it declares none. */
  body(route: RegisteredRoute): fc.Arbitrary<unknown> {
    return route.schema.body ? fromSchema(route.schema.body, this.known) : fc.constant(undefined);
  }

  mutatedBody(route: RegisteredRoute): fc.Arbitrary<unknown> {
    return mutated(route.schema.body, this.known);
  }

  garbage(route: RegisteredRoute): ReturnType<typeof garbagePayload> {
    return garbagePayload(route.schema.body, this.known);
  }

  async start(): Promise<void> {
    this.tables = await tableNames(this.h);
    this.last = await fingerprint(this.h, this.tables);
  }

  /** A path for the route: a real id, a valid-looking one, or (with `hostile`) anything at all. */
  path(route: RegisteredRoute, hostile = false): fc.Arbitrary<string> {
    const names = [...route.url.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1]!);
    if (names.length === 0) return fc.constant(route.url);
    const valueOf = (name: string): fc.Arbitrary<string> => {
      const schema = route.schema.params?.properties?.[name];
      const real = this.pool[name] ?? [];
      const options: fc.Arbitrary<string>[] = [
        fc.constant(sampleParam(schema, name)),
        fromSchema(schema, this.known).map((value) => String(value ?? sampleParam(schema, name))),
      ];
      // A successful DELETE would leave every later request on that object a 404: deletes aim elsewhere.
      if (real.length > 0 && route.method !== 'DELETE') options.push(fc.constantFrom(...real), fc.constantFrom(...real));
      if (hostile) {
        options.push(
          fc.string({ unit: 'grapheme', maxLength: 40 }),
          fc.string({ unit: 'binary', maxLength: 40 }),
          fc.constantFrom('0', '-1', '1.5', '2147483648', '99999999999999999999', '0x10', '1e3', ' 1', 'null', 'undefined', '..', '.', '%', '%00',
            'x'.repeat(5000), '00000000-0000-0000-0000-000000000000', 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF', '3f1c0c43-8a5e-4d55-9a53-2f8b3f0f2a1'),
          fc.uuid(),
        );
      }
      return fc.oneof(...options);
    };
    return fc.tuple(...names.map(valueOf)).map((values) => {
      const byName = Object.fromEntries(names.map((name, index) => [name, values[index]!]));
      return fillPath(route, (name) => byName[name]!);
    });
  }

  /** A query string from the route's own query schema, sometimes with a stray or spoiled parameter. */
  query(route: RegisteredRoute, hostile = false): fc.Arbitrary<string> {
    const schema = route.schema.querystring as JsonSchema | undefined;
    const valid = fromSchema(schema, this.known).map((value) => encodeQuery(value));
    if (!hostile) return valid;
    const names = Object.keys(schema?.properties ?? {});
    const name = names.length > 0 ? fc.oneof(fc.constantFrom(...names), queryText) : queryText;
    const pair = fc.tuple(name, queryText).map(([key, value]) => `${key}=${value}`);
    return fc.oneof(
      fc.tuple(valid, fc.array(pair, { minLength: 1, maxLength: 4 })).map(([text, extra]) => [text, ...extra].filter(Boolean).join('&')),
      fc.array(pair, { minLength: 1, maxLength: 6 }).map((pairs) => pairs.join('&')),
      queryText,
    );
  }

  async send(request: FuzzRequest): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...credentials(this.h, request.route), ...request.headers };
    const options: InjectOptions = {
      method: request.route.method as InjectOptions['method'],
      url: request.query ? `${request.path}?${request.query}` : request.path,
      headers,
    };
    if (request.raw) {
      options.payload = request.raw.payload;
      if (request.raw.contentType !== undefined) headers['content-type'] = request.raw.contentType;
    } else if (request.body !== undefined) {
      options.payload = JSON.stringify(request.body);
      headers['content-type'] ??= 'application/json';
    }
    this.sent += 1;
    return this.app.inject(options);
  }

  /** Sends the request and throws, describing it, when the answer breaks a rule. */
  async check(request: FuzzRequest): Promise<void> {
    const response = await this.send(request);
    const status = response.statusCode;
    const byRoute = this.statuses.get(`${request.route.method} ${request.route.url}`) ?? new Map<number, number>();
    byRoute.set(status, (byRoute.get(status) ?? 0) + 1);
    this.statuses.set(`${request.route.method} ${request.route.url}`, byRoute);
    const fail = (why: string) => {
      throw new Error(`${why}\n${describe(request)}\n→ ${status} ${response.body.slice(0, 400)}`);
    };
    if (status >= 500) fail('a server error');
    if (status >= 400) {
      const problem = errorShapeProblem(request.route.dialect, response);
      if (problem) fail(`an error body not in the ${request.route.dialect} shape: ${problem}`);
    }
    const now = await fingerprint(this.h, this.tables);
    if (status >= 400 && now.digest !== this.last!.digest) {
      const changed = Object.keys(now.counts).filter((table) => now.counts[table] !== this.last!.counts[table]);
      this.last = now;
      fail(`a refused request changed the database (row counts changed in: ${changed.join(', ') || 'none; contents changed'})`);
    }
    this.last = now;
  }
}

function credentials(h: Harness, route: RegisteredRoute): Record<string, string> {
  if (route.dialect === 'native' || route.dialect === 'retool-v2' || route.dialect === 'scim') return { authorization: `Bearer ${h.adminToken}` };
  if (route.dialect === 'tooljet') return { authorization: `Basic ${EXTERNAL_TOKEN}` };
  return {};
}

/** A value from a query schema (an object) as a query string; arrays repeat their key. */
function encodeQuery(value: unknown): string {
  if (value === null || typeof value !== 'object') return '';
  return Object.entries(value as Record<string, unknown>)
    .flatMap(([key, item]) => (Array.isArray(item) ? item : [item]).map((one) => `${encodeURIComponent(key)}=${encodeURIComponent(String(one))}`))
    .join('&');
}

function describe(request: FuzzRequest): string {
  const body = request.raw
    ? `raw ${request.raw.contentType ?? '(no content-type)'}: ${JSON.stringify(request.raw.payload.toString().slice(0, 300))}`
    : request.body === undefined ? 'no body' : `body ${JSON.stringify(request.body)?.slice(0, 300)}`;
  return `${request.route.method} ${request.path.slice(0, 300)}${request.query ? `?${request.query.slice(0, 300)}` : ''} `
    + `(route ${request.route.method} ${request.route.url}) headers ${JSON.stringify(request.headers ?? {})} ${body}`;
}
