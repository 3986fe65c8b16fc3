import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashTokenSecret } from '../../src/core/token-secret.ts';
import { TOOLJET_COMPATIBLE_VERSION } from '../../src/core/tooljet-version.ts';
import { fromJson } from '../../src/db/rows.ts';
import { buildApp } from '../../src/http/app.ts';
import { ADMIN_EMAIL, EXTERNAL_TOKEN, Harness } from '../helpers/harness.ts';

/**
 * Every write route the router serves records exactly one audit event, attributed to the
 * caller and its request. The routes come from the router itself (an onRoute observer), so
 * a route added later without a recipe below fails this file until it gets one.
 */

type Method = InjectOptions['method'];
/** Who sends a recipe's write: the admin's token, the ToolJet access token, nobody, or the admin's own session. */
type Dialect = 'native' | 'tooljet' | 'public' | 'session';

interface Expected {
  action: string;
  target: { type: string; id: string | number };
  /** The default workspace when absent. */
  workspaceId?: string | null;
}

interface Prepared {
  send: () => Promise<LightMyRequestResponse>;
  /** What the event must say, knowing the answer (a created object's id). */
  expected: (response: LightMyRequestResponse) => Expected | Promise<Expected>;
  /** 200 unless given. */
  status?: number;
  /** The event's request id, when it is not the request's own (a configuration apply's events carry the apply's id). */
  requestId?: (response: LightMyRequestResponse) => string;
}

interface Recipe {
  dialect: Dialect;
  /** Makes what the write needs, then says how to send it; setup writes may record events of their own. */
  prepare: () => Promise<Prepared>;
  /** A POST that only reads (a query too large for a URL): it must record nothing. */
  readOnly?: true;
}

let h: Harness;
let app: FastifyInstance;
const routes = new Set<string>();
/** The native token every native recipe sends, and the user it acts for. */
let tokenId: string;
let tokenSecret: string;
let adminUserId: string;
let otherWorkspaceId: string;
/** Every secret a recipe sends or receives: none may appear in any event. */
const secrets = new Set<string>();
let counter = 0;

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const AUDITED_PREFIXES = ['/api/v1/', '/api/ext/', '/invite/'];

beforeAll(async () => {
  h = await Harness.start();
  app = await buildApp(h.runtime, {
    onRoute: (route) => {
      if (!AUDITED_PREFIXES.some((prefix) => route.url.startsWith(prefix))) return;
      for (const method of [route.method].flat()) if (WRITE_METHODS.has(method)) routes.add(`${method} ${route.url}`);
    },
  });
  await app.ready();
  const created = await h.request('POST', '/api/v1/tokens', { body: { name: 'audited', scopes: ['*'] } });
  expect(created.statusCode, created.body).toBe(201);
  ({ id: tokenId, secret: tokenSecret } = created.json());
  secrets.add(tokenSecret).add(h.adminToken);
  adminUserId = (await h.actor()).userId;
  otherWorkspaceId = await h.services.workspaces.create('Audit other');
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

const unique = (stem: string) => `${stem}-${++counter}`;
const email = (stem: string) => `${unique(stem)}@example.com`;

function native(method: Method, url: string, body?: unknown): Promise<LightMyRequestResponse> {
  return app.inject({ method, url, headers: { authorization: `Bearer ${tokenSecret}` }, ...(body === undefined ? {} : { payload: body as object }) });
}

function ext(method: Method, url: string, body?: unknown): Promise<LightMyRequestResponse> {
  return app.inject({ method, url, headers: { authorization: `Basic ${EXTERNAL_TOKEN}` }, ...(body === undefined ? {} : { payload: body as object }) });
}

/** Setup through the admin token (its events are not the ones checked). */
async function setup(method: Method, url: string, body?: unknown, status = 201): Promise<any> {
  const response = await h.request(method, url, { body });
  expect(response.statusCode, response.body).toBe(status);
  return response.body ? response.json() : null;
}

const newMember = async () => (await setup('POST', '/api/v1/users', { email: email('member'), userType: 'endUser' })).id as string;
/** A configuration file that creates one group in the default workspace. */
const configCreatingGroup = (group: string) => ({ name: 'toolplane.yaml', content: `workspaces:\n  Default:\n    groups:\n      ${group}: {}\n` });
const groupIdByName = async (name: string) => (await h.runtime.database.db.selectFrom('groups').select('id')
  .where('workspace_id', '=', h.defaultWorkspaceId).where('name', '=', name).executeTakeFirstOrThrow()).id;
const newGroup = async () => (await setup('POST', '/api/v1/groups', { name: unique('group') })).id as number;
const newAttribute = async () => setup('POST', '/api/v1/userAttributes', { name: unique('attr').replace('-', '_'), dataType: 'string' });
const newApp = async () => (await setup('POST', '/api/v1/apps', { name: unique('app') })).id as string;
const newFolder = async () => (await setup('POST', '/api/v1/folders', { name: unique('folder'), folderType: 'app' })).id as string;
const newResource = async () => (await setup('POST', '/api/v1/resources', { name: unique('resource'), type: 'postgresql' })).id as string;
const newInvite = async () => {
  const invite = await setup('POST', '/api/v1/invites', { email: email('invitee'), role: 'end-user' });
  const token = new URL(invite.acceptUrl).pathname.split('/').pop()!;
  secrets.add(token);
  return { id: invite.id as string, token };
};
const newAccount = async () => {
  const response = await ext('POST', '/api/ext/users', {
    name: 'Tool Jet', email: email('account'), workspaces: [{ id: h.defaultWorkspaceId, role: 'end-user', status: 'active' }],
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
};
/** An active account with an active membership (the ToolJet dialect's accounts start invited). */
const activeAccount = () => h.services.accounts.create({
  email: email('active'), firstName: 'Act', lastName: 'Ive', status: 'active', memberships: [{ workspace: { id: h.defaultWorkspaceId }, status: 'active' }],
});
const bodyId = (response: LightMyRequestResponse) => response.json().id as string;
/** The id of the grant of `subjectId` on `objectId`: the audit target of grants and revokes. */
async function grantId(subjectId: string, objectId: string): Promise<number> {
  const row = await h.runtime.database.db.selectFrom('permission_grants').select('id')
    .where('subject_id', '=', subjectId).where('object_id', '=', objectId).executeTakeFirstOrThrow();
  return row.id;
}

/** Two-factor off for the admin, whatever an earlier recipe left, with the TOTP steps it used forgotten. */
async function adminTwoFactorOff(): Promise<void> {
  const db = h.runtime.database.db;
  await db.updateTable('users').set({ totp_secret: null, totp_enabled_at: null }).where('id', '=', adminUserId).execute();
  await db.deleteFrom('recovery_codes').where('user_id', '=', adminUserId).execute();
  await db.deleteFrom('rate_limits').where('key', 'like', `totp-used:${adminUserId}:%`).execute();
}

/** An enrolment of the admin under way; answers its secret. */
async function adminTwoFactorSetUp(): Promise<string> {
  await adminTwoFactorOff();
  const { secret } = await h.services.twoFactor.setup(adminUserId);
  secrets.add(secret);
  return secret;
}

/** Two-factor on for the admin, confirmed with the current step's code; answers the secret. */
async function adminTwoFactorOn(): Promise<string> {
  const secret = await adminTwoFactorSetUp();
  for (const code of await h.services.twoFactor.confirm(adminUserId, await generate({ secret }), null)) secrets.add(code);
  return secret;
}

/** The code of the step after the current one: accepted (clocks drift), and not the one a setup just used. */
function nextTotpCode(secret: string): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
}

function withRecoveryCodes(response: LightMyRequestResponse): LightMyRequestResponse {
  if (response.statusCode === 200) for (const code of response.json().recoveryCodes as string[]) secrets.add(code);
  return response;
}

/** A fresh session of the admin (two-factor off, a known password); answers its cookie and id. */
async function adminSession(): Promise<{ cookie: string; id: string }> {
  await adminTwoFactorOff();
  const secret = password();
  await h.services.accounts.update(adminUserId, { password: secret });
  const response = await app.inject({
    method: 'POST', url: '/api/v1/auth/login', payload: { email: ADMIN_EMAIL, password: secret }, headers: { 'x-toolplane-csrf': '1' },
  });
  expect(response.statusCode, response.body).toBe(200);
  const cookie = response.cookies.find((candidate) => candidate.name === 'tp_session')!;
  secrets.add(cookie.value);
  return { cookie: `tp_session=${cookie.value}`, id: response.json().session.id };
}

const password = () => {
  const value = `pw-${unique('secret')}-x`;
  secrets.add(value);
  return value;
};

/** How to perform each write route successfully, keyed by `METHOD path-pattern` as the router registers it. */
const RECIPES: Record<string, Recipe> = {
  'POST /api/v1/users': { dialect: 'native', prepare: async () => ({
    send: () => native('POST', '/api/v1/users', { email: email('new'), firstName: 'Ada' }),
    status: 201, expected: (r) => ({ action: 'user.created', target: { type: 'user', id: bodyId(r) } }),
  }) },
  'PUT /api/v1/users/:userId': { dialect: 'native', prepare: async () => {
    const id = await newMember();
    return { send: () => native('PUT', `/api/v1/users/${id}`, { firstName: 'Renamed' }), expected: () => ({ action: 'user.updated', target: { type: 'user', id } }) };
  } },
  'DELETE /api/v1/users/:userId': { dialect: 'native', prepare: async () => {
    const id = await newMember();
    return { send: () => native('DELETE', `/api/v1/users/${id}`), status: 204, expected: () => ({ action: 'user.deleted', target: { type: 'user', id } }) };
  } },
  'PUT /api/v1/users/:userId/attributes/:attributeName': { dialect: 'native', prepare: async () => {
    const [id, attribute] = [await newMember(), await newAttribute()];
    return {
      send: () => native('PUT', `/api/v1/users/${id}/attributes/${attribute.name}`, { value: 'blue' }),
      expected: () => ({ action: 'user.attribute_set', target: { type: 'user', id } }),
    };
  } },
  'DELETE /api/v1/users/:userId/attributes/:attributeName': { dialect: 'native', prepare: async () => {
    const [id, attribute] = [await newMember(), await newAttribute()];
    await setup('PUT', `/api/v1/users/${id}/attributes/${attribute.name}`, { value: 'blue' }, 200);
    return {
      send: () => native('DELETE', `/api/v1/users/${id}/attributes/${attribute.name}`), status: 204,
      expected: () => ({ action: 'user.attribute_removed', target: { type: 'user', id } }),
    };
  } },
  'POST /api/v1/userAttributes': { dialect: 'native', prepare: async () => ({
    send: () => native('POST', '/api/v1/userAttributes', { name: unique('team').replace('-', '_'), dataType: 'string' }),
    status: 201, expected: (r) => ({ action: 'user_attribute.created', target: { type: 'user_attribute', id: bodyId(r) } }),
  }) },
  'PATCH /api/v1/userAttributes/:attributeId': { dialect: 'native', prepare: async () => {
    const { id } = await newAttribute();
    return {
      send: () => native('PATCH', `/api/v1/userAttributes/${id}`, { label: 'New label' }),
      expected: () => ({ action: 'user_attribute.updated', target: { type: 'user_attribute', id } }),
    };
  } },
  'DELETE /api/v1/userAttributes/:attributeId': { dialect: 'native', prepare: async () => {
    const { id } = await newAttribute();
    return {
      send: () => native('DELETE', `/api/v1/userAttributes/${id}`), status: 204,
      expected: () => ({ action: 'user_attribute.deleted', target: { type: 'user_attribute', id } }),
    };
  } },
  'POST /api/v1/groups': { dialect: 'native', prepare: async () => ({
    send: () => native('POST', '/api/v1/groups', { name: unique('group') }),
    status: 201, expected: (r) => ({ action: 'group.created', target: { type: 'group', id: r.json().id } }),
  }) },
  'POST /api/v1/config/plan': { dialect: 'native', readOnly: true, prepare: async () => ({
    send: () => native('POST', '/api/v1/config/plan', { files: [configCreatingGroup(unique('planned'))] }),
    expected: () => { throw new Error('a plan records nothing'); },
  }) },
  'POST /api/v1/config/apply': { dialect: 'native', prepare: async () => {
    const group = unique('applied');
    const files = [configCreatingGroup(group)];
    const plan = (await setup('POST', '/api/v1/config/plan', { files }, 200)) as { stateFingerprint: string; changesDigest: string };
    return {
      send: () => native('POST', '/api/v1/config/apply', { files, stateFingerprint: plan.stateFingerprint, changesDigest: plan.changesDigest }),
      expected: async () => ({ action: 'group.created', target: { type: 'group', id: await groupIdByName(group) } }),
      requestId: (r) => r.json().applyId,
    };
  } },
  'PUT /api/v1/groups/:groupId': { dialect: 'native', prepare: async () => {
    const id = await newGroup();
    return { send: () => native('PUT', `/api/v1/groups/${id}`, { name: unique('renamed') }), expected: () => ({ action: 'group.renamed', target: { type: 'group', id } }) };
  } },
  'DELETE /api/v1/groups/:groupId': { dialect: 'native', prepare: async () => {
    const id = await newGroup();
    return { send: () => native('DELETE', `/api/v1/groups/${id}`), status: 204, expected: () => ({ action: 'group.deleted', target: { type: 'group', id } }) };
  } },
  'POST /api/v1/groups/:groupId/members': { dialect: 'native', prepare: async () => {
    const [id, userId] = [await newGroup(), await newMember()];
    return {
      send: () => native('POST', `/api/v1/groups/${id}/members`, { userId }),
      expected: () => ({ action: 'group.member_added', target: { type: 'group', id } }),
    };
  } },
  'DELETE /api/v1/groups/:groupId/members/:userId': { dialect: 'native', prepare: async () => {
    const [id, userId] = [await newGroup(), await newMember()];
    await setup('POST', `/api/v1/groups/${id}/members`, { userId }, 200);
    return {
      send: () => native('DELETE', `/api/v1/groups/${id}/members/${userId}`), status: 204,
      expected: () => ({ action: 'group.member_removed', target: { type: 'group', id } }),
    };
  } },
  'POST /api/v1/apps': { dialect: 'native', prepare: async () => ({
    send: () => native('POST', '/api/v1/apps', { name: unique('app') }),
    status: 201, expected: (r) => ({ action: 'app.created', target: { type: 'app', id: bodyId(r) } }),
  }) },
  'PUT /api/v1/apps/:appId': { dialect: 'native', prepare: async () => {
    const id = await newApp();
    return { send: () => native('PUT', `/api/v1/apps/${id}`, { description: 'changed' }), expected: () => ({ action: 'app.updated', target: { type: 'app', id } }) };
  } },
  'DELETE /api/v1/apps/:appId': { dialect: 'native', prepare: async () => {
    const id = await newApp();
    return { send: () => native('DELETE', `/api/v1/apps/${id}`), status: 204, expected: () => ({ action: 'app.deleted', target: { type: 'app', id } }) };
  } },
  'POST /api/v1/apps/:appId/export': { dialect: 'native', prepare: async () => {
    const id = await newApp();
    return { send: () => native('POST', `/api/v1/apps/${id}/export`), expected: () => ({ action: 'app.exported', target: { type: 'app', id } }) };
  } },
  'POST /api/v1/apps/import': { dialect: 'native', prepare: async () => {
    const file = (await native('POST', `/api/v1/apps/${await newApp()}/export`)).json();
    return {
      send: () => native('POST', '/api/v1/apps/import', { ...file, appName: unique('imported') }),
      status: 201, expected: (r) => ({ action: 'app.imported', target: { type: 'app', id: bodyId(r) } }),
    };
  } },
  'PUT /api/v1/sso': { dialect: 'native', prepare: async () => {
    const secret = password();
    return {
      send: () => native('PUT', '/api/v1/sso', { issuer: 'https://login.example.com', clientId: 'audited', clientSecret: secret }),
      status: 201, expected: () => ({ action: 'sso.configured', target: { type: 'sso_configuration', id: h.defaultWorkspaceId } }),
    };
  } },
  'DELETE /api/v1/sso': { dialect: 'native', prepare: async () => {
    const configured = await h.request('PUT', '/api/v1/sso', {
      body: { issuer: 'https://login.example.com', clientId: 'removed' }, workspaceId: otherWorkspaceId,
    });
    expect(configured.statusCode, configured.body).toBe(201);
    return {
      send: () => app.inject({ method: 'DELETE', url: '/api/v1/sso', headers: { authorization: `Bearer ${tokenSecret}`, 'x-workspace-id': otherWorkspaceId } }),
      status: 204,
      expected: () => ({ action: 'sso.removed', target: { type: 'sso_configuration', id: otherWorkspaceId }, workspaceId: otherWorkspaceId }),
    };
  } },
  'POST /api/v1/resources': { dialect: 'native', prepare: async () => {
    const secret = password();
    return {
      send: () => native('POST', '/api/v1/resources', { name: unique('db'), type: 'postgresql', options: { host: 'db.local' }, secrets: { password: secret } }),
      status: 201, expected: (r) => ({ action: 'resource.created', target: { type: 'resource', id: bodyId(r) } }),
    };
  } },
  'PUT /api/v1/resources/:resourceId': { dialect: 'native', prepare: async () => {
    const [id, secret] = [await newResource(), password()];
    return {
      send: () => native('PUT', `/api/v1/resources/${id}`, { secrets: { password: secret } }),
      expected: () => ({ action: 'resource.updated', target: { type: 'resource', id } }),
    };
  } },
  'DELETE /api/v1/resources/:resourceId': { dialect: 'native', prepare: async () => {
    const id = await newResource();
    return { send: () => native('DELETE', `/api/v1/resources/${id}`), status: 204, expected: () => ({ action: 'resource.deleted', target: { type: 'resource', id } }) };
  } },
  'POST /api/v1/environments': { dialect: 'native', prepare: async () => ({
    send: () => native('POST', '/api/v1/environments', { name: unique('env') }),
    status: 201, expected: (r) => ({ action: 'environment.created', target: { type: 'environment', id: bodyId(r) } }),
  }) },
  'PATCH /api/v1/environments/:environmentId': { dialect: 'native', prepare: async () => {
    const { id } = await setup('POST', '/api/v1/environments', { name: unique('env') });
    return { send: () => native('PATCH', `/api/v1/environments/${id}`, { description: 'changed' }), expected: () => ({ action: 'environment.updated', target: { type: 'environment', id } }) };
  } },
  'DELETE /api/v1/environments/:environmentId': { dialect: 'native', prepare: async () => {
    const { id } = await setup('POST', '/api/v1/environments', { name: unique('env') });
    return { send: () => native('DELETE', `/api/v1/environments/${id}`), status: 204, expected: () => ({ action: 'environment.deleted', target: { type: 'environment', id } }) };
  } },
  'PUT /api/v1/resources/:resourceId/configurations/:environmentId': { dialect: 'native', prepare: async () => {
    const [resourceId, secret] = [await newResource(), password()];
    const { id: environmentId } = await setup('POST', '/api/v1/environments', { name: unique('env') });
    return {
      send: () => native('PUT', `/api/v1/resources/${resourceId}/configurations/${environmentId}`, { options: { host: 'staging' }, secrets: { password: secret } }),
      status: 201,
      expected: () => ({ action: 'resource_configuration.created', target: { type: 'resource_configuration', id: `${resourceId}:${environmentId}` } }),
    };
  } },
  'DELETE /api/v1/resources/:resourceId/configurations/:environmentId': { dialect: 'native', prepare: async () => {
    const resourceId = await newResource();
    const { id: environmentId } = await setup('POST', '/api/v1/environments', { name: unique('env') });
    await setup('PUT', `/api/v1/resources/${resourceId}/configurations/${environmentId}`, { options: { host: 'staging' } });
    return {
      send: () => native('DELETE', `/api/v1/resources/${resourceId}/configurations/${environmentId}`), status: 204,
      expected: () => ({ action: 'resource_configuration.deleted', target: { type: 'resource_configuration', id: `${resourceId}:${environmentId}` } }),
    };
  } },
  'POST /api/v1/workflows': { dialect: 'native', prepare: async () => ({
    send: () => native('POST', '/api/v1/workflows', { name: unique('workflow') }),
    status: 201, expected: (r) => ({ action: 'workflow.created', target: { type: 'workflow', id: bodyId(r) } }),
  }) },
  'PATCH /api/v1/workflows/:workflowId': { dialect: 'native', prepare: async () => {
    const { id } = await setup('POST', '/api/v1/workflows', { name: unique('workflow') });
    return { send: () => native('PATCH', `/api/v1/workflows/${id}`, { description: 'changed' }), expected: () => ({ action: 'workflow.updated', target: { type: 'workflow', id } }) };
  } },
  'DELETE /api/v1/workflows/:workflowId': { dialect: 'native', prepare: async () => {
    const { id } = await setup('POST', '/api/v1/workflows', { name: unique('workflow') });
    return { send: () => native('DELETE', `/api/v1/workflows/${id}`), status: 204, expected: () => ({ action: 'workflow.deleted', target: { type: 'workflow', id } }) };
  } },
  'POST /api/v1/permissions/grant': { dialect: 'native', prepare: async () => {
    const [group, app] = [await newGroup(), await newApp()];
    return {
      send: () => native('POST', '/api/v1/permissions/grant', { subject: { type: 'group', id: group }, object: { type: 'app', id: app }, accessLevel: 'edit' }),
      expected: async () => ({ action: 'permission.granted', target: { type: 'permission', id: await grantId(String(group), app) } }),
    };
  } },
  'POST /api/v1/permissions/revoke': { dialect: 'native', prepare: async () => {
    const [group, app] = [await newGroup(), await newApp()];
    const pair = { subject: { type: 'group', id: group }, object: { type: 'app', id: app } };
    await setup('POST', '/api/v1/permissions/grant', { ...pair, accessLevel: 'use' }, 200);
    const id = await grantId(String(group), app);
    return { send: () => native('POST', '/api/v1/permissions/revoke', pair), status: 204, expected: () => ({ action: 'permission.revoked', target: { type: 'permission', id } }) };
  } },
  'POST /api/v1/permissions/listObjects': { dialect: 'native', readOnly: true, prepare: async () => {
    const group = await newGroup();
    return {
      send: () => native('POST', '/api/v1/permissions/listObjects', { subject: { type: 'group', id: group }, objectType: 'app', includeInherited: true }),
      expected: () => { throw new Error('a read records nothing'); },
    };
  } },
  'POST /api/v1/folders': { dialect: 'native', prepare: async () => ({
    send: () => native('POST', '/api/v1/folders', { name: unique('folder'), folderType: 'resource' }),
    status: 201, expected: (r) => ({ action: 'folder.created', target: { type: 'folder', id: bodyId(r) } }),
  }) },
  'PUT /api/v1/folders/:folderId': { dialect: 'native', prepare: async () => {
    const id = await newFolder();
    return { send: () => native('PUT', `/api/v1/folders/${id}`, { name: unique('moved') }), expected: () => ({ action: 'folder.updated', target: { type: 'folder', id } }) };
  } },
  'DELETE /api/v1/folders/:folderId': { dialect: 'native', prepare: async () => {
    const id = await newFolder();
    return { send: () => native('DELETE', `/api/v1/folders/${id}`), status: 204, expected: () => ({ action: 'folder.deleted', target: { type: 'folder', id } }) };
  } },
  'POST /api/v1/workspaces': { dialect: 'native', prepare: async () => ({
    send: () => native('POST', '/api/v1/workspaces', { name: unique('Workspace') }),
    status: 201, expected: (r) => ({ action: 'workspace.created', target: { type: 'workspace', id: bodyId(r) }, workspaceId: bodyId(r) as string }),
  }) },
  'PATCH /api/v1/workspaces/:workspaceId': {
    dialect: 'native',
    prepare: async () => ({
      send: () => native('PATCH', `/api/v1/workspaces/${otherWorkspaceId}`, { domains: [`${unique('corp')}.example`] }),
      expected: () => ({ action: 'workspace.updated', target: { type: 'workspace', id: otherWorkspaceId }, workspaceId: otherWorkspaceId }),
    }),
  },
  'POST /api/v1/me/two-factor/setup': { dialect: 'native', prepare: async () => {
    await adminTwoFactorOff();
    return {
      send: async () => {
        const response = await native('POST', '/api/v1/me/two-factor/setup');
        if (response.statusCode === 200) secrets.add(response.json().secret);
        return response;
      },
      expected: () => ({ action: 'account.two_factor_setup_started', target: { type: 'account', id: adminUserId }, workspaceId: null }),
    };
  } },
  'POST /api/v1/me/two-factor/confirm': { dialect: 'native', prepare: async () => {
    const secret = await adminTwoFactorSetUp();
    return {
      send: async () => withRecoveryCodes(await native('POST', '/api/v1/me/two-factor/confirm', { code: await nextTotpCode(secret) })),
      expected: () => ({ action: 'account.two_factor_enabled', target: { type: 'account', id: adminUserId }, workspaceId: null }),
    };
  } },
  'POST /api/v1/me/two-factor/recovery-codes': { dialect: 'native', prepare: async () => {
    const secret = await adminTwoFactorOn();
    return {
      send: async () => withRecoveryCodes(await native('POST', '/api/v1/me/two-factor/recovery-codes', { code: await nextTotpCode(secret) })),
      expected: () => ({ action: 'account.recovery_codes_regenerated', target: { type: 'account', id: adminUserId }, workspaceId: null }),
    };
  } },
  'DELETE /api/v1/me/two-factor': { dialect: 'native', prepare: async () => {
    const secret = await adminTwoFactorOn();
    return {
      send: async () => native('DELETE', '/api/v1/me/two-factor', { code: await nextTotpCode(secret) }), status: 204,
      expected: () => ({ action: 'account.two_factor_disabled', target: { type: 'account', id: adminUserId }, workspaceId: null }),
    };
  } },
  'POST /api/v1/tokens': { dialect: 'native', prepare: async () => ({
    send: async () => {
      const response = await native('POST', '/api/v1/tokens', { name: unique('token'), scopes: ['users:read'] });
      if (response.statusCode === 201) secrets.add(response.json().secret);
      return response;
    },
    status: 201, expected: (r) => ({ action: 'token.created', target: { type: 'token', id: bodyId(r) }, workspaceId: null }),
  }) },
  'DELETE /api/v1/tokens/:tokenId': { dialect: 'native', prepare: async () => {
    const { id } = await setup('POST', '/api/v1/tokens', { name: unique('token'), scopes: ['users:read'] });
    return { send: () => native('DELETE', `/api/v1/tokens/${id}`), status: 204, expected: () => ({ action: 'token.revoked', target: { type: 'token', id }, workspaceId: null }) };
  } },
  'POST /api/v1/tokens/:tokenId/rotate': { dialect: 'native', prepare: async () => {
    const { id, secret } = await setup('POST', '/api/v1/tokens', { name: unique('token'), scopes: ['users:read'], workspaceId: h.defaultWorkspaceId });
    secrets.add(secret);
    return {
      send: async () => {
        const response = await native('POST', `/api/v1/tokens/${id}/rotate`);
        if (response.statusCode === 200) secrets.add(response.json().secret);
        return response;
      },
      expected: () => ({ action: 'token.rotated', target: { type: 'token', id } }),
    };
  } },
  'POST /api/v1/invites': { dialect: 'native', prepare: async () => ({
    send: () => native('POST', '/api/v1/invites', { email: email('invitee'), role: 'end-user' }),
    status: 201, expected: (r) => ({ action: 'invite.created', target: { type: 'invite', id: bodyId(r) } }),
  }) },
  'DELETE /api/v1/invites/:inviteId': { dialect: 'native', prepare: async () => {
    const { id } = await newInvite();
    return { send: () => native('DELETE', `/api/v1/invites/${id}`), status: 204, expected: () => ({ action: 'invite.revoked', target: { type: 'invite', id } }) };
  } },
  'POST /api/v1/invites/:inviteId/resend': { dialect: 'native', prepare: async () => {
    const { id } = await newInvite();
    return {
      send: async () => {
        const response = await native('POST', `/api/v1/invites/${id}/resend`, {});
        if (response.statusCode === 200) secrets.add(new URL(response.json().acceptUrl).pathname.split('/').pop()!);
        return response;
      },
      expected: () => ({ action: 'invite.resent', target: { type: 'invite', id } }),
    };
  } },
  'POST /api/v1/invites/accept': { dialect: 'public', prepare: async () => {
    const { id, token } = await newInvite();
    return {
      send: () => app.inject({ method: 'POST', url: '/api/v1/invites/accept', payload: { token, firstName: 'In', lastName: 'Vitee', password: password() } }),
      expected: () => ({ action: 'invite.accepted', target: { type: 'invite', id } }),
    };
  } },
  'POST /invite/:token': { dialect: 'public', prepare: async () => {
    const { id, token } = await newInvite();
    return {
      send: () => app.inject({
        method: 'POST', url: `/invite/${token}`, headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ firstName: 'Page', lastName: 'Visitor', password: password() }).toString(),
      }),
      expected: () => ({ action: 'invite.accepted', target: { type: 'invite', id } }),
    };
  } },
  // Without SMTP (as here) no reset is made, so nothing is recorded; with SMTP the event is
  // recorded after the answer (test/http/password-reset.test.ts).
  'POST /api/v1/auth/login': { dialect: 'public', prepare: async () => {
    await adminTwoFactorOff();
    const secret = password();
    await h.services.accounts.update(adminUserId, { password: secret });
    return {
      send: async () => {
        const response = await app.inject({
          method: 'POST', url: '/api/v1/auth/login', payload: { email: ADMIN_EMAIL, password: secret }, headers: { 'x-toolplane-csrf': '1' },
        });
        for (const cookie of response.cookies) secrets.add(cookie.value);
        return response;
      },
      expected: () => ({ action: 'auth.signed_in', target: { type: 'account', id: adminUserId }, workspaceId: null }),
    };
  } },
  'POST /api/v1/auth/logout': { dialect: 'session', prepare: async () => {
    const session = await adminSession();
    return {
      send: () => app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: session.cookie, 'x-toolplane-csrf': '1' } }),
      status: 204, expected: () => ({ action: 'auth.signed_out', target: { type: 'session', id: session.id }, workspaceId: null }),
    };
  } },
  'DELETE /api/v1/me/sessions/:sessionId': { dialect: 'native', prepare: async () => {
    const session = await adminSession();
    return {
      send: () => native('DELETE', `/api/v1/me/sessions/${session.id}`),
      status: 204, expected: () => ({ action: 'session.ended', target: { type: 'session', id: session.id }, workspaceId: null }),
    };
  } },
  'PATCH /api/v1/me': { dialect: 'native', prepare: async () => ({
    send: () => native('PATCH', '/api/v1/me', { firstName: unique('first') }),
    expected: () => ({ action: 'account.updated', target: { type: 'account', id: adminUserId }, workspaceId: null }),
  }) },
  'POST /api/v1/me/password': { dialect: 'native', prepare: async () => {
    const current = password();
    await h.services.accounts.update(adminUserId, { password: current });
    return {
      send: () => native('POST', '/api/v1/me/password', { currentPassword: current, newPassword: password() }),
      status: 204, expected: () => ({ action: 'account.password_changed', target: { type: 'account', id: adminUserId }, workspaceId: null }),
    };
  } },
  'POST /api/v1/auth/password-reset': { dialect: 'public', readOnly: true, prepare: async () => {
    const { id, email: address } = await activeAccount();
    return {
      send: () => app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: address } }), status: 202,
      expected: () => ({ action: 'account.password_reset_requested', target: { type: 'account', id }, workspaceId: null }),
    };
  } },
  'POST /api/v1/auth/password-reset/confirm': { dialect: 'public', prepare: async () => {
    const { id } = await activeAccount();
    const token = `tpr_${unique('reset').padEnd(43, 'x')}`;
    secrets.add(token);
    const at = new Date();
    await h.runtime.database.db.insertInto('password_resets').values({
      id: crypto.randomUUID(), token_hash: hashTokenSecret(token), user_id: id,
      created_at: at.toISOString(), expires_at: new Date(at.getTime() + 3_600_000).toISOString(),
    }).execute();
    return {
      send: () => app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, password: password() } }), status: 204,
      expected: () => ({ action: 'account.password_reset', target: { type: 'account', id }, workspaceId: null }),
    };
  } },

  'POST /api/ext/users': { dialect: 'tooljet', prepare: async () => ({
    send: () => ext('POST', '/api/ext/users', {
      name: 'Tool Jet', email: email('tj'), password: password(), workspaces: [{ id: h.defaultWorkspaceId, role: 'builder' }],
    }),
    status: 201, expected: (r) => ({ action: 'account.created', target: { type: 'account', id: bodyId(r) }, workspaceId: null }),
  }) },
  'PATCH /api/ext/user/:id': { dialect: 'tooljet', prepare: async () => {
    const id = await newAccount();
    return {
      send: () => ext('PATCH', `/api/ext/user/${id}`, { name: 'Other Name', password: password() }),
      expected: () => ({ action: 'account.updated', target: { type: 'account', id }, workspaceId: null }),
    };
  } },
  'PUT /api/ext/user/:id/workspaces': { dialect: 'tooljet', prepare: async () => {
    const id = await newAccount();
    return {
      send: () => ext('PUT', `/api/ext/user/${id}/workspaces`, [{ id: h.defaultWorkspaceId, role: 'end-user' }, { id: otherWorkspaceId, role: 'builder' }]),
      expected: () => ({ action: 'account.workspaces_replaced', target: { type: 'account', id }, workspaceId: null }),
    };
  } },
  'PATCH /api/ext/user/:id/workspace/:workspaceId': { dialect: 'tooljet', prepare: async () => {
    const id = await newAccount();
    return {
      send: () => ext('PATCH', `/api/ext/user/${id}/workspace/${h.defaultWorkspaceId}`, { status: 'archived' }),
      expected: () => ({ action: 'membership.updated', target: { type: 'membership', id } }),
    };
  } },
  'PATCH /api/ext/user/:id/workspaces/:workspaceId': { dialect: 'tooljet', prepare: async () => {
    const id = await newAccount();
    return {
      send: () => ext('PATCH', `/api/ext/user/${id}/workspaces/${h.defaultWorkspaceId}`, { status: 'archived' }),
      expected: () => ({ action: 'membership.updated', target: { type: 'membership', id } }),
    };
  } },
  'PUT /api/ext/update-user-role/workspace/:workspaceId': { dialect: 'tooljet', prepare: async () => {
    const id = await newAccount();
    return {
      send: () => ext('PUT', `/api/ext/update-user-role/workspace/${h.defaultWorkspaceId}`, { newRole: 'builder', userId: id }),
      expected: () => ({ action: 'membership.role_changed', target: { type: 'membership', id } }),
    };
  } },
  'POST /api/ext/export/workspace/:id/apps/:appId': { dialect: 'tooljet', prepare: async () => {
    const id = await newApp();
    return {
      send: () => ext('POST', `/api/ext/export/workspace/${h.defaultWorkspaceId}/apps/${id}`), status: 201,
      expected: () => ({ action: 'app.exported', target: { type: 'app', id } }),
    };
  } },
  'POST /api/ext/import/workspace/:id/apps': { dialect: 'tooljet', prepare: async () => {
    const name = unique('imported');
    return {
      send: () => ext('POST', `/api/ext/import/workspace/${h.defaultWorkspaceId}/apps`, { tooljet_version: TOOLJET_COMPATIBLE_VERSION, appName: name }),
      status: 201,
      expected: async () => ({ action: 'app.imported', target: { type: 'app', id: await appIdByName(name) } }),
    };
  } },
};

async function appIdByName(name: string): Promise<string> {
  const row = await h.runtime.database.db.selectFrom('apps').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  return row.id;
}

async function maxEventId(): Promise<number> {
  const row = await h.runtime.database.db.selectFrom('audit_events').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  return Number(row?.id ?? 0);
}

async function eventsAfter(id: number) {
  const rows = await h.runtime.database.db.selectFrom('audit_events').selectAll().where('id', '>', id).orderBy('id').execute();
  return rows.map((row) => ({ ...row, changes: fromJson<Record<string, unknown>>(row.changes) }));
}

describe('audit completeness', () => {
  it('finds the write routes of every dialect in the router', () => {
    expect(routes.size).toBeGreaterThan(30);
    expect(routes).toContain('POST /api/v1/users');
    expect(routes).toContain('PUT /api/ext/user/:id/workspaces');
  });

  it('has a recipe for every write route (add one to RECIPES for a new route)', () => {
    const missing = [...routes].filter((route) => !(route in RECIPES)).sort();
    expect(missing, `write routes without an audit recipe: ${missing.join(', ')}`).toEqual([]);
    const stale = Object.keys(RECIPES).filter((key) => !routes.has(key)).sort();
    expect(stale, `recipes for routes the router does not serve: ${stale.join(', ')}`).toEqual([]);
  });

  for (const [key, recipe] of Object.entries(RECIPES)) {
    it(`${key} records ${recipe.readOnly ? 'nothing' : 'exactly one event'}`, async () => {
      const prepared = await recipe.prepare();
      const before = await maxEventId();
      const response = await prepared.send();
      expect(response.statusCode, response.body).toBe(prepared.status ?? 200);
      const events = await eventsAfter(before);
      if (recipe.readOnly) {
        expect(events).toEqual([]);
        return;
      }
      expect(events.map((event) => event.action), key).toHaveLength(1);
      const [event] = events;
      const expected = await prepared.expected(response);
      expect(event).toMatchObject({
        action: expected.action,
        target_type: expected.target.type,
        target_id: String(expected.target.id),
        workspace_id: expected.workspaceId === undefined ? h.defaultWorkspaceId : expected.workspaceId,
        request_id: prepared.requestId ? prepared.requestId(response) : response.headers['x-request-id'],
        ...actorOf(recipe.dialect),
      });
      expect(event!.request_id).toBeTruthy();
    });
  }

  it('no event holds a secret value, token secret, invite token or password', async () => {
    const all = JSON.stringify(await eventsAfter(0));
    expect(secrets.size).toBeGreaterThan(10);
    const leaked = [...secrets].filter((secret) => all.includes(secret));
    expect(leaked, 'secrets found in audit events').toEqual([]);
    expect(all.match(/"(password|passwordHash|password_hash|tokenHash|token_hash|secret|secrets)":/g), 'secret fields in audit events').toBeNull();
  });
});

describe('failed writes record nothing', () => {
  it('a conflict records nothing', async () => {
    const name = unique('taken');
    await setup('POST', '/api/v1/groups', { name });
    const before = await maxEventId();
    expect((await native('POST', '/api/v1/groups', { name })).statusCode).toBe(409);
    const duplicate = await ext('POST', '/api/ext/users', { name: 'Dup', email: 'admin@example.com', workspaces: [{ id: h.defaultWorkspaceId }] });
    // ToolJet answers a taken email with a 400.
    expect(duplicate.statusCode, duplicate.body).toBe(400);
    expect(duplicate.json().code).toBe('email_taken');
    expect(await eventsAfter(before)).toEqual([]);
  });

  it('a write refused half-way rolls its event back with it', async () => {
    const id = await newMember();
    const attribute = await setup('POST', '/api/v1/userAttributes', { name: unique('level').replace('-', '_'), dataType: 'number' });
    const before = await maxEventId();
    const refused = await native('PUT', `/api/v1/users/${id}`, { firstName: 'Changed', attributes: { [attribute.name]: 'not a number' } });
    expect(refused.statusCode, refused.body).toBe(400);
    const account = await newAccount();
    const bad = await ext('PUT', `/api/ext/user/${account}/workspaces`, [{ id: otherWorkspaceId }, { name: 'no such workspace' }]);
    expect(bad.statusCode, bad.body).toBe(400);
    expect((await eventsAfter(before)).map((event) => event.action)).toEqual(['account.created']);
  });

  it('a write that changes nothing records nothing', async () => {
    const [group, userId] = [await newGroup(), await newMember()];
    await setup('POST', `/api/v1/groups/${group}/members`, { userId }, 200);
    const appId = await newApp();
    const before = await maxEventId();
    expect((await native('POST', `/api/v1/groups/${group}/members`, { userId })).statusCode).toBe(200);
    const current = (await native('GET', `/api/v1/apps/${appId}`)).json();
    expect((await native('PUT', `/api/v1/apps/${appId}`, { name: current.name, description: current.description })).statusCode).toBe(200);
    expect((await native('PUT', `/api/v1/users/${userId}`, { isDisabled: false })).statusCode).toBe(200);
    expect(await eventsAfter(before)).toEqual([]);
  });
});

function actorOf(dialect: Dialect) {
  if (dialect === 'native') return { actor_type: 'token', actor_token_id: tokenId, actor_user_id: adminUserId };
  if (dialect === 'session') return { actor_type: 'session', actor_token_id: null, actor_user_id: adminUserId };
  if (dialect === 'tooljet') return { actor_type: 'external_api', actor_token_id: null, actor_user_id: null };
  return { actor_type: 'public', actor_token_id: null, actor_user_id: null };
}
