import type { FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMIT } from '../../src/config.ts';
import { EXTERNAL_TOKEN, Harness } from '../helpers/harness.ts';
import { type FuzzRequest, FuzzTarget, type IdPool } from './support/fuzz-target.ts';
import { type RegisteredRoute, collectRoutes } from './support/routes.ts';

/**
 * Property-based fuzzing of every route the router serves, in every dialect, with inputs
 * drawn from each route's own schemas and spoiled in every way a client can: whatever is
 * sent, the answer is never a 5xx, a 4xx is in the dialect's error shape, and a refused
 * request changes nothing.
 *
 * Runs are reproducible: the seed is fixed unless FUZZ_SEED gives one, and a failure names
 * it. FUZZ_RUNS and FUZZ_TIME_MS bound each property (runs, and milliseconds).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 600);
const TIME_LIMIT_MS = Number(process.env.FUZZ_TIME_MS ?? 6_000);

let h: Harness;
let app: FastifyInstance;
let routes: RegisteredRoute[];
let target: FuzzTarget;

/** The routes fuzzed: both APIs, the invite page and the probes; /docs is @fastify/swagger-ui's static site. */
/** SCIM's `/Bulk` is declared unsupported and answers every request with 501, as RFC 7644 §3.7 has it: not a server error. */
const fuzzed = () => routes.filter((route) => !route.url.startsWith('/docs') && !/\/scim\/v2\/Bulk$/.test(route.url));
const withBody = () => fuzzed().filter((route) => route.method !== 'GET');

async function setup(method: 'POST', url: string, body: unknown): Promise<any> {
  const response = await h.request(method, url, { body });
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response.json();
}

/** Real objects of every kind, so fuzzed paths reach them; the admin's own user and token stay out of reach. */
async function seedPool(): Promise<IdPool> {
  const member = await setup('POST', '/api/v1/users', { email: 'fuzz-member@example.com', firstName: 'Fuzz' });
  const attribute = await setup('POST', '/api/v1/userAttributes', { name: 'fuzz_team', dataType: 'string' });
  const group = await setup('POST', '/api/v1/groups', { name: 'fuzz group' });
  await setup('POST', `/api/v1/groups/${group.id}/members`, { userId: member.id });
  const app = await setup('POST', '/api/v1/apps', { name: 'fuzz app' });
  const folder = await setup('POST', '/api/v1/folders', { name: 'fuzz folder', folderType: 'app' });
  const resource = await setup('POST', '/api/v1/resources', { name: 'fuzz db', type: 'postgresql', options: { host: 'db.local' } });
  const environment = await setup('POST', '/api/v1/environments', { name: 'fuzz-env' });
  const workflow = await setup('POST', '/api/v1/workflows', { name: 'fuzz workflow' });
  const invite = await setup('POST', '/api/v1/invites', { email: 'fuzz-invitee@example.com', role: 'end-user' });
  // Links of invites whose ids stay out of the pool, so no fuzzed resend or revoke spoils them.
  const links = [invite];
  for (const email of ['fuzz-invitee-2@example.com', 'fuzz-invitee-3@example.com']) links.push(await setup('POST', '/api/v1/invites', { email, role: 'end-user' }));
  const token = await setup('POST', '/api/v1/tokens', { name: 'fuzz token', scopes: ['users:read'] });
  const workspace = await setup('POST', '/api/v1/workspaces', { name: 'Fuzz other' });
  const account = await h.ext('POST', '/api/ext/users', {
    body: { name: 'Tool Jet', email: 'fuzz-account@example.com', workspaces: [{ id: h.defaultWorkspaceId, role: 'end-user', status: 'active' }] },
  });
  expect(account.statusCode, account.body).toBe(201);
  const inviteTokens = links.map((issued) => new URL(issued.acceptUrl).pathname.split('/').pop()!);
  return {
    userId: [member.id], attributeName: [attribute.name], attributeId: [attribute.id], groupId: [String(group.id)], appId: [app.id],
    folderId: [folder.id], resourceId: [resource.id], environmentId: [environment.id], workflowId: [workflow.id], inviteId: [invite.id],
    tokenId: [token.id], workspaceId: [workspace.id, h.defaultWorkspaceId], objectId: [app.id, resource.id, folder.id, workflow.id],
    id: [account.json().id, 'fuzz-account@example.com', h.defaultWorkspaceId], token: inviteTokens,
  };
}

beforeAll(async () => {
  // Accepting invites keeps a budget of its own, which would otherwise turn nearly every accept into a 429.
  h = await Harness.start({ rateLimit: { ...DEFAULT_RATE_LIMIT, perToken: 1_000_000, perAddress: 1_000_000, acceptsPerAddress: 1_000_000 } });
  ({ app, routes } = await collectRoutes(h));
  target = new FuzzTarget(h, app, await seedPool());
  await target.start();
});
afterAll(async () => {
  if (process.env.FUZZ_VERBOSE && target) {
    for (const [route, counts] of target.statuses) console.log(route, JSON.stringify(Object.fromEntries(counts)));
  }
  await app?.close();
  await h?.close();
});

/** Runs the property with the suite's bounds, and names the seed that reproduces a failure. */
async function holds(property: fc.IAsyncPropertyWithHooks<[FuzzRequest]>): Promise<void> {
  const details = await fc.check(property, { seed: SEED, numRuns: NUM_RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS, endOnFailure: true });
  if (details.failed) {
    const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(`Property failed; reproduce with FUZZ_SEED=${SEED} (path ${details.counterexamplePath}):\n${cause}`);
  }
}

const property = (requests: fc.Arbitrary<FuzzRequest>) => fc.asyncProperty(requests, (request) => target.check(request));
const anyRoute = (list: RegisteredRoute[]) => fc.constantFrom(...list);

describe('fuzzing every route', () => {
  it('covers the routes of every dialect', () => {
    const dialects = new Set(fuzzed().map((route) => route.dialect));
    expect([...dialects].sort()).toEqual(['invite-page', 'native', 'other', 'retool-v2', 'scim', 'tooljet']);
    expect(fuzzed().length).toBeGreaterThanOrEqual(80);
  });

  it('takes bodies, queries and paths drawn from the route\'s schemas', async () => {
    await holds(property(anyRoute(fuzzed()).chain((route) => fc.record({
      route: fc.constant(route),
      path: target.path(route),
      query: target.query(route),
      body: target.body(route),
    }))));
  });

  it('refuses spoiled bodies cleanly: wrong types, missing or extra fields, huge, odd or deep values', async () => {
    await holds(property(anyRoute(withBody().filter((route) => route.schema.body)).chain((route) => fc.record({
      route: fc.constant(route),
      path: target.path(route),
      body: target.mutatedBody(route),
    }))));
  });

  it('refuses garbage payloads: random bytes, broken JSON, wrong content types', async () => {
    await holds(property(anyRoute(withBody()).chain((route) => fc.record({
      route: fc.constant(route),
      path: target.path(route),
      raw: target.garbage(route),
    }))));
  });

  it('refuses random query strings', async () => {
    await holds(property(anyRoute(fuzzed()).chain((route) => fc.record({
      route: fc.constant(route),
      path: target.path(route),
      query: target.query(route, true),
      body: target.body(route),
    }))));
  });

  it('refuses random path ids', async () => {
    await holds(property(anyRoute(fuzzed().filter((route) => route.url.includes(':'))).chain((route) => fc.record({
      route: fc.constant(route),
      path: target.path(route, true),
      body: target.body(route),
    }))));
  });

  it('refuses odd headers: X-Workspace-Id, Idempotency-Key, If-Match, If-None-Match, Authorization', async () => {
    const text = fc.oneof(
      fc.string({ maxLength: 40 }).filter((value) => /^[\t\x20-\x7e]*$/.test(value)),
      fc.uuid(),
      fc.uuid().map((id) => id.toUpperCase()),
      fc.constantFrom('', ' ', '*', 'W/"x"', '"x"', '"', '"a", "b"', 'W/', 'null', 'x'.repeat(300), '00000000-0000-0000-0000-000000000000'),
    );
    const headers = fc.record({
      'x-workspace-id': text,
      'idempotency-key': text,
      'if-match': text,
      'if-none-match': text,
      authorization: fc.oneof(text, fc.constant(`Basic ${EXTERNAL_TOKEN}`), text.map((value) => `Bearer ${value}`)),
      accept: fc.constantFrom('*/*', 'text/html', 'application/xml', ''),
    }, { requiredKeys: [] }).map((record) => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== '')));
    await holds(property(anyRoute(fuzzed()).chain((route) => fc.record({
      route: fc.constant(route),
      path: target.path(route),
      body: target.body(route),
      headers,
    }))));
  });

  it('sent a meaningful number of requests', () => {
    expect(target.sent).toBeGreaterThan(300);
  });
});
