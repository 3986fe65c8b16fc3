import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_SCOPES, type Scope } from '../../src/core/scopes.ts';
import { buildApp } from '../../src/http/app.ts';
import { ADMIN_EMAIL, EXTERNAL_TOKEN, Harness } from '../helpers/harness.ts';
import { errorShapeProblem } from './support/error-shapes.ts';
import { fingerprint, rowCounts, tableNames } from './support/fingerprint.ts';
import { type RegisteredRoute, collectRoutes, fillPath, sampleParam, samplePath } from './support/routes.ts';

/**
 * Every route the router serves, in every dialect, refuses whoever may not call it, in its
 * dialect's error shape, before changing anything. The routes come from the router itself,
 * so a route added later is in this matrix the moment it exists.
 */

/** The only native routes callable without a token or a session. */
const NATIVE_PUBLIC = [
  'GET /api/v1/auth/sso/:workspaceId/start', 'GET /api/v1/auth/sso/callback', 'GET /api/v1/openapi.json', 'POST /api/v1/auth/login',
  'POST /api/v1/auth/password-reset', 'POST /api/v1/auth/password-reset/confirm', 'POST /api/v1/invites/accept',
];
const PASSWORD = 'auth matrix password';
const CSRF = { 'x-toolplane-csrf': '1' };
/** Routes outside the two APIs: the console's page and files, documentation, probes, the invite and password reset pages (their token is in their path). */
const OUTSIDE_APIS = [
  'GET /', 'GET /api/checkHealth', 'GET /assets/*', 'GET /docs', 'GET /docs/json', 'GET /docs/static/*', 'GET /docs/static/index.html',
  'GET /docs/static/swagger-initializer.js',
  'GET /docs/yaml', 'GET /healthz', 'GET /invite/:token', 'GET /readyz', 'GET /reset-password/:token', 'POST /invite/:token',
  'POST /reset-password/:token',
];

let h: Harness;
let app: FastifyInstance;
let routes: RegisteredRoute[];
let tables: string[];
let otherWorkspaceId: string;
const tokens = {} as { expired: string; revoked: string; boundElsewhere: string; boundHere: string };
/** Session cookies (`tp_session=…`) of people with each role in the default workspace, and one signed out. */
const sessions = {} as { admin: string; builder: string; endUser: string; ended: string };
/** An app, resource, folder and workflow nobody is granted, by the path parameter naming each. */
const objectIds: Record<string, string> = {};
/** Per scope: a token holding every scope but that one (and for a read scope, its area's write too). */
const lacking = new Map<string, string>();

const key = (route: RegisteredRoute) => `${route.method} ${route.url}`;
const nativeRoutes = () => routes.filter((route) => route.dialect === 'native' && !route.config.public);
/** Native routes that need a scope: all but the public ones and the personal ones (`/me`, sign-out). */
const scopedRoutes = () => nativeRoutes().filter((route) => !route.config.personal);
const isWrite = (route: RegisteredRoute) => !['GET', 'HEAD', 'OPTIONS'].includes(route.method);

/** Signs a new person with `role` in the default workspace in, answering their session cookie. */
async function signedIn(email: string, role: 'admin' | 'builder' | 'end-user'): Promise<string> {
  await h.services.accounts.create({
    email, firstName: role, lastName: 'Matrix', status: 'active', password: PASSWORD,
    memberships: [{ workspace: { id: h.defaultWorkspaceId }, role, status: 'active' }],
  });
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: PASSWORD }, headers: CSRF });
  const cookie = response.cookies.find((candidate) => candidate.name === 'tp_session');
  if (!cookie) throw new Error(`signing in ${email} failed: ${response.body}`);
  return `tp_session=${cookie.value}`;
}
const tooljetRoutes = () => routes.filter((route) => route.dialect === 'tooljet');
const scimRoutes = () => routes.filter((route) => route.dialect === 'scim');
/** Retool's API v2: every route declares the scope of /api/v1 it needs. */
const retoolRoutes = () => routes.filter((route) => route.dialect === 'retool-v2');
const retoolErrorProblem = (response: LightMyRequestResponse) => errorShapeProblem('retool-v2', response);

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
  for (const scope of new Set(scopedRoutes().map((route) => route.config.scope!))) {
    lacking.set(scope, await h.token(scopesWithout(scope)));
  }
  sessions.admin = await signedIn('matrix-admin@example.com', 'admin');
  sessions.builder = await signedIn('matrix-builder@example.com', 'builder');
  sessions.endUser = await signedIn('matrix-end-user@example.com', 'end-user');
  sessions.ended = await signedIn('matrix-ended@example.com', 'builder');
  const signedOut = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: sessions.ended, ...CSRF } });
  if (signedOut.statusCode !== 204) throw new Error(`signing out failed: ${signedOut.body}`);
  for (const [param, url, body] of [
    ['appId', '/api/v1/apps', { name: 'Matrix app' }],
    ['resourceId', '/api/v1/resources', { name: 'Matrix resource', type: 'postgresql' }],
    ['folderId', '/api/v1/folders', { name: 'Matrix folder', folderType: 'app' }],
    ['workflowId', '/api/v1/workflows', { name: 'Matrix workflow' }],
  ] as const) {
    const made = await h.request('POST', url, { body });
    if (made.statusCode !== 201) throw new Error(`creating ${url} failed: ${made.body}`);
    objectIds[param] = made.json().id;
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
    expect(scimRoutes().length).toBeGreaterThanOrEqual(2 * 20);
    for (const route of scimRoutes()) expect(['scim:read', 'scim:write'], key(route)).toContain(route.config.scope);
    expect(retoolRoutes().length).toBeGreaterThanOrEqual(40);
    for (const route of retoolRoutes()) expect(ALL_SCOPES.includes(route.config.scope as Scope), key(route)).toBe(true);
    // Every native route is either public or declares a scope the token model knows.
    for (const route of routes.filter((item) => item.dialect === 'native')) {
      expect(route.config.public === true || route.config.personal === true || ALL_SCOPES.includes(route.config.scope as Scope), key(route))
        .toBe(true);
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
    for (const route of scopedRoutes()) {
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

  it('refuses a signed-out session on every route, changing nothing', async () => {
    const before = await rowCounts(h, tables);
    const failures: string[] = [];
    for (const route of nativeRoutes()) {
      const response = await send(route, { cookie: sessions.ended, ...CSRF });
      if (response.statusCode !== 401 || errorShapeProblem('native', response) || response.json().code !== 'invalid_session') {
        failures.push(`${key(route)} → ${response.statusCode} ${response.body.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await rowCounts(h, tables)).toEqual(before);
  });

  it('refuses a session\'s write without the CSRF header, and any request from another site, changing nothing', async () => {
    const before = await fingerprint(h, tables);
    const failures: string[] = [];
    for (const route of nativeRoutes()) {
      const crossSite = await send(route, { cookie: sessions.admin, ...CSRF, origin: 'https://elsewhere.example' });
      if (crossSite.statusCode !== 403 || errorShapeProblem('native', crossSite) || crossSite.json().code !== 'cross_site_request') {
        failures.push(`${key(route)} cross-site → ${crossSite.statusCode} ${crossSite.body.slice(0, 200)}`);
      }
      if (!isWrite(route)) continue;
      const unmarked = await send(route, { cookie: sessions.admin });
      if (unmarked.statusCode !== 403 || errorShapeProblem('native', unmarked) || unmarked.json().code !== 'csrf_header_missing') {
        failures.push(`${key(route)} without the header → ${unmarked.statusCode} ${unmarked.body.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await fingerprint(h, tables)).toEqual(before);
  });

  it('holds sessions to their role: an end user reaches no scoped route, a builder without grants writes nothing', async () => {
    const before = await fingerprint(h, tables);
    const failures: string[] = [];
    let objectRoutes = 0;
    for (const route of scopedRoutes()) {
      const asEndUser = await send(route, { cookie: sessions.endUser, ...CSRF });
      if (asEndUser.statusCode !== 403 || errorShapeProblem('native', asEndUser) || asEndUser.json().code !== 'missing_scope') {
        failures.push(`${key(route)} as an end user → ${asEndUser.statusCode} ${asEndUser.body.slice(0, 200)}`);
      }
      if (!route.config.scope!.endsWith(':write')) continue;
      // An object route acts on real objects, and a create names a real folder: access, not absence, refuses.
      const target = route.config.object;
      if (target) objectRoutes += 1;
      const asBuilder = target ? await app.inject({
        method: route.method as InjectOptions['method'],
        url: fillPath(route, (name, schema) => objectIds[name] ?? sampleParam(schema, name)),
        headers: { cookie: sessions.builder, ...CSRF },
        ...(target.folderField ? { payload: { [target.folderField]: objectIds.folderId } } : {}),
      }) : await send(route, { cookie: sessions.builder, ...CSRF });
      const expected = target ? 'insufficient_access' : 'missing_scope';
      if (asBuilder.statusCode !== 403 || errorShapeProblem('native', asBuilder) || asBuilder.json().code !== expected) {
        failures.push(`${key(route)} as a builder → ${asBuilder.statusCode} ${asBuilder.body.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(objectRoutes).toBeGreaterThanOrEqual(14);
    expect(await fingerprint(h, tables)).toEqual(before);
  });

  it('refuses a session in a workspace its person is not a member of, on every scoped route', async () => {
    const before = await fingerprint(h, tables);
    const failures: string[] = [];
    for (const route of scopedRoutes()) {
      const response = await send(route, { cookie: sessions.builder, ...CSRF, 'x-workspace-id': otherWorkspaceId });
      if (response.statusCode !== 403 || errorShapeProblem('native', response) || response.json().code !== 'not_a_member') {
        failures.push(`${key(route)} → ${response.statusCode} ${response.body.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await fingerprint(h, tables)).toEqual(before);
  });

  it('refuses a workspace-bound token on the instance-level routes, even in its own workspace', async () => {
    const before = await fingerprint(h, tables);
    // Configuration as code enters with workspaces:read too, but a bound token may describe its
    // own workspace there (test/http/config-code.test.ts holds it to that one).
    const instanceRoutes = scopedRoutes()
      .filter((route) => route.config.scope!.startsWith('workspaces:') && !route.url.startsWith('/api/v1/config/'));
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

describe('Retool /api/v2', () => {
  const cases = [
    { name: 'no Authorization', headers: () => ({}), status: 401 },
    { name: 'a malformed Authorization', headers: () => ({ authorization: 'Token abc' }), status: 401 },
    { name: 'a wrong token', headers: () => ({ authorization: 'Bearer tp_definitely-not-a-token' }), status: 401 },
    { name: 'an expired token', headers: () => ({ authorization: `Bearer ${tokens.expired}` }), status: 401 },
    { name: 'a revoked token', headers: () => ({ authorization: `Bearer ${tokens.revoked}` }), status: 401 },
    { name: 'the ToolJet access token', headers: () => ({ authorization: `Basic ${EXTERNAL_TOKEN}` }), status: 401 },
    {
      name: 'a token bound to another workspace naming this one',
      headers: (): Record<string, string> => ({ authorization: `Bearer ${tokens.boundElsewhere}`, 'x-workspace-id': h.defaultWorkspaceId }),
      status: 403,
    },
  ];

  it.each(cases.map((item) => [item.name, item] as const))('refuses %s on every route, changing nothing', async (_name, item) => {
    const before = await fingerprint(h, tables);
    const failures: string[] = [];
    for (const route of retoolRoutes()) {
      const response = await send(route, item.headers());
      const problem = retoolErrorProblem(response);
      if (response.statusCode !== item.status || problem) failures.push(`${key(route)} → ${response.statusCode} ${problem ?? ''} ${response.body.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
    expect(await fingerprint(h, tables)).toEqual(before);
  });

  it('refuses a token lacking the route\'s scope, naming the scope, changing nothing', async () => {
    const before = await fingerprint(h, tables);
    const failures: string[] = [];
    for (const route of retoolRoutes()) {
      const scope = route.config.scope!;
      const response = await send(route, { authorization: `Bearer ${lacking.get(scope)}` });
      const problem = retoolErrorProblem(response);
      if (response.statusCode !== 403 || problem || !response.json().message.includes(scope)) {
        failures.push(`${key(route)} (${scope}) → ${response.statusCode} ${problem ?? ''} ${response.body.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await fingerprint(h, tables)).toEqual(before);
  });

  it('answers /api/checkHealth without credentials, with a version the Terraform provider accepts', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/checkHealth' });
    expect(response.statusCode).toBe(200);
    const [major, minor] = String(response.json().version).split('.').map(Number);
    expect(major! > 3 || (major === 3 && minor! >= 75)).toBe(true);
  });
});

/** SCIM's routes take native API tokens with the scim scopes, and refuse in SCIM's error body. */
describe('SCIM /scim/v2 and /api/scim/v2', () => {
  const cases = [
    { name: 'no Authorization', headers: () => ({}) as Record<string, string>, status: 401 },
    { name: 'a malformed Authorization', headers: () => ({ authorization: 'non-token' }), status: 401 },
    { name: 'a wrong token', headers: () => ({ authorization: 'Bearer tp_definitely-not-a-token' }), status: 401 },
    { name: 'an expired token', headers: () => ({ authorization: `Bearer ${tokens.expired}` }), status: 401 },
    { name: 'a revoked token', headers: () => ({ authorization: `Bearer ${tokens.revoked}` }), status: 401 },
    {
      name: 'a token bound to another workspace naming this one',
      headers: () => ({ authorization: `Bearer ${tokens.boundElsewhere}`, 'x-workspace-id': h.defaultWorkspaceId }),
      status: 403,
    },
  ];

  it.each(cases.map((item) => [item.name, item] as const))('refuses %s on every route, changing nothing', async (_name, item) => {
    const before = await fingerprint(h, tables);
    const failures: string[] = [];
    for (const route of scimRoutes()) {
      const response = await send(route, item.headers());
      const problem = errorShapeProblem('scim', response);
      if (response.statusCode !== item.status || problem) failures.push(`${key(route)} → ${response.statusCode} ${problem ?? ''} ${response.body.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
    expect(await fingerprint(h, tables)).toEqual(before);
  });

  it('refuses a token lacking the route\'s scope with 403, naming the scope, changing nothing', async () => {
    for (const scope of ['scim:read', 'scim:write']) if (!lacking.has(scope)) lacking.set(scope, await h.token(scopesWithout(scope)));
    const before = await fingerprint(h, tables);
    const failures: string[] = [];
    for (const route of scimRoutes()) {
      const scope = route.config.scope!;
      const token = lacking.get(scope)!;
      const response = await send(route, { authorization: `Bearer ${token}` });
      const problem = errorShapeProblem('scim', response);
      if (response.statusCode !== 403 || problem || !response.json().detail.includes(scope)) {
        failures.push(`${key(route)} (${scope}) → ${response.statusCode} ${problem ?? ''} ${response.body.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await fingerprint(h, tables)).toEqual(before);
  });
});
