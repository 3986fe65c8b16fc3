import type { FastifyInstance, RouteOptions } from 'fastify';
import { buildApp } from '../../../src/http/app.ts';
import type { Harness } from '../../helpers/harness.ts';

export type Dialect = 'native' | 'tooljet' | 'retool-v2' | 'scim' | 'invite-page' | 'other';

/** JSON Schema as the router holds it (TypeBox output): only the parts the suite reads. */
export interface JsonSchema {
  type?: string | string[];
  format?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  patternProperties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  [key: string]: unknown;
}

/** One method of one route, as the router registered it. */
export interface RegisteredRoute {
  method: string;
  url: string;
  dialect: Dialect;
  config: { scope?: string; public?: boolean; personal?: boolean; object?: { type: string; param?: string; folderField?: string } };
  schema: { body?: JsonSchema; querystring?: JsonSchema; params?: JsonSchema };
}

export function dialectOf(url: string): Dialect {
  if (url.startsWith('/api/v1/') || url === '/api/v1') return 'native';
  if (url.startsWith('/api/ext/') || url === '/api/ext') return 'tooljet';
  if (url.startsWith('/api/v2/')) return 'retool-v2';
  if (/^\/(api\/)?scim\/v2(\/|$)/.test(url)) return 'scim';
  // The pages of secret links (invites, password resets) answer alike: HTML, errors included.
  if (url.startsWith('/invite/') || url.startsWith('/reset-password/')) return 'invite-page';
  return 'other';
}

/**
 * Builds a second app over the harness's runtime and records every route it registers, in
 * every dialect: the router's own list, so a route added later is covered without being named.
 * HEAD routes Fastify adds beside each GET are left out (they answer as the GET does).
 */
export async function collectRoutes(h: Harness): Promise<{ app: FastifyInstance; routes: RegisteredRoute[] }> {
  const routes: RegisteredRoute[] = [];
  const app = await buildApp(h.runtime, {
    onRoute: (route: RouteOptions) => {
      for (const method of [route.method].flat()) {
        if (method === 'HEAD') continue;
        const schema = (route.schema ?? {}) as RegisteredRoute['schema'];
        routes.push({
          method,
          url: route.url,
          dialect: dialectOf(route.url),
          config: { ...(route.config as RegisteredRoute['config'] | undefined) },
          schema: { body: schema.body, querystring: schema.querystring, params: schema.params },
        });
      }
    },
  });
  await app.ready();
  return { app, routes };
}

const SAMPLE_UUID = '3f1c0c43-8a5e-4d55-9a53-2f8b3f0f2a10';

/** A syntactically valid value for a path parameter, from its declared schema. */
export function sampleParam(schema: JsonSchema | undefined, name: string): string {
  if (!schema) return name.toLowerCase().endsWith('id') ? SAMPLE_UUID : 'sample';
  if (schema.type === 'integer' || schema.type === 'number') return '4242';
  if (schema.format === 'uuid') return SAMPLE_UUID;
  if (schema.anyOf) return sampleParam(schema.anyOf[0], name);
  if (schema.enum) return String(schema.enum[0]);
  if (schema.pattern) return name.toLowerCase().includes('name') ? 'sample_name' : 'sample';
  return name.toLowerCase().endsWith('id') ? SAMPLE_UUID : 'sample_name';
}

/** The route's path with every parameter filled by `value(name, schema)`. */
export function fillPath(route: RegisteredRoute, value: (name: string, schema: JsonSchema | undefined) => string): string {
  return route.url.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) =>
    encodeURIComponent(value(name, route.schema.params?.properties?.[name])));
}

export const samplePath = (route: RegisteredRoute) => fillPath(route, (name, schema) => sampleParam(schema, name));
