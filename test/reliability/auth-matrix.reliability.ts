import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_SCOPES, type Scope } from '../../src/core/scopes.ts';
import { buildApp } from '../../src/http/app.ts';
import { ADMIN_EMAIL, EXTERNAL_TOKEN, Harness } from '../helpers/harness.ts';
import { errorShapeProblem } from './support/error-shapes.ts';
import { fingerprint, rowCounts, tableNames } from './support/fingerprint.ts';
import { type RegisteredRoute, collectRoutes, samplePath } from './support/routes.ts';

/**
 * Every route the router serves, in every dialect, refuses whoever may not call it, in its
 * dialect's error shape, before changing anything. The routes come from the router itself,
 * so a route added later is in this matrix the moment it exists.
 */

/** The only native routes callable without a token. */
const NATIVE_PUBLIC = ['GET /api/v1/openapi.json', 'POST /api/v1/invites/accept'];
/** Routes outside the two APIs: documentation, probes and the invite page (its token is in its path). */
const OUTSIDE_APIS = [
  'GET /docs', 'GET /docs/json', 'GET /docs/static/*', 'GET /docs/static/index.html', 'GET /docs/static/swagger-initializer.js',
  'GET /docs/yaml', 'GET /healthz', 'GET /invite/:token', 'GET /readyz', 'POST /invite/:token',
];

let h: Harness;
let app: FastifyInstance;
let routes: RegisteredRoute[];
let tables: string[];
let otherWorkspaceId: string;
const tokens = {} as { expired: string; revoked: string; boundElsewhere: string; boundHere: string };
/** Per scope: a token holding every scope but that one (and for a read scope, its area's write too). */
const lacking = new Map<string, string>();

const key = (route: RegisteredRoute) => `${route.method} ${route.url}`;
const nativeRoutes = () => routes.filter((route) => route.dialect === 'native' && !route.config.public);
const tooljetRoutes = () => routes.filter((route) => route.dialect === 'tooljet');

function send(route: RegisteredRoute, headers: Record<string, string>, target = app): Promise<LightMyRequestResponse> {
  return target.inject({ method: route.method as InjectOptions['method'], url: samplePath(route), headers });
}

function scopesWithout(scope: string): Scope[] {
  const [area, access] = scope.split(':');
  return ALL_SCOPES.filter((granted) => granted !== '*' && granted !== scope && !(access === 'read' && granted === `${area}:write`));
}

beforeAll(async () => {
  h = await Harness.start();
  ({ app, routes } = await collectRoutes(h));
  tables = await tableNames(h);
  otherWorkspaceId = await h.services.workspaces.create('Auth matrix other');

  const expired = await h.services.tokens.create({
    name: 'expired', email: ADMIN_EMAIL, scopes: ['*'], expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  tokens.expired = expired.secret;
  await h.runtime.database.db.updateTable('api_tokens').set({ expires_at: new Date(Date.now() - 60_000).toISOString() })
    .where('id', '=', expired.id).execute();

  const revoked = await h.services.tokens.create({ name: 'revoked', email: ADMIN_EMAIL, scopes: ['*'] });
  tokens.revoked = revoked.secret;
  await h.services.tokens.revoke(await h.actor(), revoked.id);

  tokens.boundElsewhere = await h.token(['*'], { workspaceId: otherWorkspaceId });
  tokens.boundHere = await h.token(['*'], { workspaceId: h.defaultWorkspaceId });
  for (const scope of new Set(nativeRoutes().map((route) => route.config.scope!))) {
    lacking.set(scope, await h.token(scopesWithout(scope)));
  }
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

describe('the enumeration', () => {
  it('covers every route of every dialect, and the counts are not trivial', () => {
    expect(nativeRoutes().length).toBeGreaterThanOrEqual(60);
    expect(tooljetRoutes().length).toBeGreaterThanOrEqual(10);
    // Every native route is either public or declares a scope the token model knows.
    for (const route of routes.filter((item) => item.dialect === 'native')) {
      expect(route.config.public === true || ALL_SCOPES.includes(route.config.scope as Scope), key(route)).toBe(true);
    }
  });

  it('has exactly the expected public native routes', () => {
    expect(routes.filter((route) => route.dialect === 'native' && route.config.public).map(key).sort()).toEqual(NATIVE_PUBLIC);
  });

  it('serves nothing outside the two APIs but the documentation, the probes and the invite page', () => {
    expect(routes.filter((route) => route.dialect === 'other' || route.dialect === 'invite-page').map(key).sort()).toEqual(OUTSIDE_APIS);
  });
});

describe('native /api/v1', () => {
  type Case = { name: string; headers: () => Record<string, string>; status: number; code: string; applies?: (route: RegisteredRoute) => boolean };
  const cases: Case[] = [
    { name: 'no Authorization', headers: () => ({}), status: 401, code: 'unauthorized' },
    { name: 'a malformed Authorization', headers: () => ({ authorization: 'Token abc' }), status: 401, code: 'unauthorized' },
    { name: 'a wrong token', headers: () => ({ authorization: 'Bearer tp_definitely-not-a-token' }), status: 401, code: 'invalid_token' },
    { name: 'an expired token', headers: () => ({ authorization: `Bearer ${tokens.expired}` }), status: 401, code: 'invalid_token' },
    { name: 'a revoked token', headers: () => ({ authorization: `Bearer ${tokens.revoked}` }), status: 401, code: 'invalid_token' },
    {
      name: 'a token bound to another workspace naming this one',
      headers: () => ({ authorization: `Bearer ${tokens.boundElsewhere}`, 'x-workspace-id': h.defaultWorkspaceId }),
      status: 403, code: 'workspace_forbidden',
    },
  ];

  it.each(cases.map((item) => [item.name, item] as const))('refuses %s on every route, changing nothing', async (_name, item) => {
    const before = await rowCounts(h, tables);
    const failures: string[] = [];
    for (const route of nativeRoutes()) {
      const response = await send(route, item.headers());
      const problem = errorShapeProblem('native', response);
      if (response.statusCode !== item.status || problem || response.json().code !== item.code) {
        failures.push(`${key(route)} → ${response.statusCode} ${problem ?? ''} ${response.body.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await rowCounts(h, tables)).toEqual(before);
  });

  it('refuses a token lacking the route\'s scope, naming the scope, changing nothing', async () => {
    const before = await fingerprint(h, tables);
    const failures: string[] = [];
    for (const route of nativeRoutes()) {
      const scope = route.config.scope!;
      const response = await send(route, { authorization: `Bearer ${lacking.get(scope)}` });
      const problem = errorShapeProblem('native', response);
      const body = problem ? null : response.json();
      if (response.statusCode !== 403 || problem || body.code !== 'missing_scope' || !body.message.includes(scope)) {
        failures.push(`${key(route)} (${scope}) → ${response.statusCode} ${problem ?? ''} ${response.body.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await fingerprint(h, tables)).toEqual(before);
  });

  it('refuses a workspace-bound token on the instance-level routes, even in its own workspace', async () => {
    const before = await fingerprint(h, tables);
    const instanceRoutes = nativeRoutes().filter((route) => route.config.scope!.startsWith('workspaces:'));
    expect(instanceRoutes.length).toBeGreaterThanOrEqual(4);
    const failures: string[] = [];
    for (const route of instanceRoutes) {
      const response = await app.inject({
        method: route.method as InjectOptions['method'],
        url: samplePath(route).replace(/[0-9a-f-]{36}$/, h.defaultWorkspaceId),
        headers: { authorization: `Bearer ${tokens.boundHere}` },
        ...(route.method === 'GET' ? {} : { payload: { name: 'Bound token workspace' } }),
      });
      if (response.statusCode !== 403 || errorShapeProblem('native', response) || response.json().code !== 'workspace_forbidden') {
        failures.push(`${key(route)} → ${response.statusCode} ${response.body.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await fingerprint(h, tables)).toEqual(before);
  });
});

/**
 * ToolJet's External API has one credential, EXTERNAL_API_ACCESS_TOKEN, and no tokens of
 * its own: nothing in this dialect expires, is revoked, is bound to a workspace or carries
 * scopes, so those rows of the native matrix have no counterpart here.
 */
describe('ToolJet /api/ext', () => {
  const cases = [
    { name: 'no Authorization', headers: {} as Record<string, string>, code: 'unauthorized' },
    { name: 'a wrong Basic token', headers: { authorization: 'Basic not-the-external-token' }, code: 'unauthorized' },
    { name: 'the token base64-encoded as user:password', headers: { authorization: `Basic ${Buffer.from(`x:${EXTERNAL_TOKEN}`).toString('base64')}` }, code: 'unauthorized' },
    { name: 'a Bearer token', headers: { authorization: `Bearer ${EXTERNAL_TOKEN}` }, code: 'unauthorized' },
  ];

  it.each(cases.map((item) => [item.name, item] as const))('refuses %s on every route, changing nothing', async (_name, item) => {
    const before = await fingerprint(h, tables);
    const failures: string[] = [];
    for (const route of tooljetRoutes()) {
      const response = await send(route, item.headers);
      const problem = errorShapeProblem('tooljet', response);
      if (response.statusCode !== 403 || problem || response.json().code !== item.code) {
        failures.push(`${key(route)} → ${response.statusCode} ${problem ?? ''} ${response.body.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await fingerprint(h, tables)).toEqual(before);
  });

  it('answers every route as disabled, even with the right token, when the external API is off', async () => {
    const disabled = await buildApp({ ...h.runtime, config: { ...h.runtime.config, externalApi: { enabled: false } } });
    try {
      const before = await fingerprint(h, tables);
      const failures: string[] = [];
      for (const route of tooljetRoutes()) {
        const response = await send(route, { authorization: `Basic ${EXTERNAL_TOKEN}` }, disabled);
        const problem = errorShapeProblem('tooljet', response);
        if (response.statusCode !== 403 || problem || response.json().code !== 'external_api_disabled') {
          failures.push(`${key(route)} → ${response.statusCode} ${problem ?? ''} ${response.body.slice(0, 200)}`);
        }
      }
      expect(failures).toEqual([]);
      expect(await fingerprint(h, tables)).toEqual(before);
    } finally {
      await disabled.close();
    }
  });
});
