import { expect } from 'vitest';
import { secretContext } from '../../../src/core/resource.service.ts';
import { SecretBox } from '../../../src/core/secrets.ts';
import { TEST_SECRET_KEY } from '../../helpers/harness.ts';
import type { Acknowledged } from './acknowledged.ts';
import { type Cluster, call } from './cluster.ts';

const box = new SecretBox(Buffer.from(TEST_SECRET_KEY, 'hex'));
const parsed = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, string>;

/** Every acknowledged write reads back complete through the API. */
export async function checkAcknowledged(baseUrl: string, token: string, acked: Acknowledged): Promise<void> {
  await inBatches([...acked.users.values()], async (user) => {
    const reply = await call(baseUrl, token, 'GET', `/users/${user.id}`);
    expect(reply.status, `user ${user.id}: ${reply.text}`).toBe(200);
    expect(reply.body.email.toLowerCase()).toBe(user.email.toLowerCase());
    expect(user.firstName.allows(reply.body.firstName), `user ${user.id} firstName ${reply.body.firstName} not in ${user.firstName.possible}`).toBe(true);
    expect(user.lastName.allows(reply.body.lastName), `user ${user.id} lastName ${reply.body.lastName} not in ${user.lastName.possible}`).toBe(true);
  });
  await inBatches([...acked.groups.values()], async (group) => {
    const reply = await call(baseUrl, token, 'GET', `/groups/${group.id}`);
    expect(reply.status, `group ${group.id}: ${reply.text}`).toBe(200);
    expect(group.name.allows(reply.body.name), `group ${group.id} name ${reply.body.name} not in ${group.name.possible}`).toBe(true);
    const members = new Set((reply.body.members as Array<{ id: string }>).map((member) => member.id));
    for (const userId of group.members) expect(members.has(userId), `group ${group.id} lost member ${userId}`).toBe(true);
  });
  await inBatches([...acked.resources.values()], async (resource) => {
    const reply = await call(baseUrl, token, 'GET', `/resources/${resource.id}`);
    expect(reply.status, `resource ${resource.id}: ${reply.text}`).toBe(200);
    expect(reply.body).toMatchObject({ name: resource.name, type: resource.type });
    expect(resource.host.allows(reply.body.options.host), `resource ${resource.id} host ${reply.body.options.host}`).toBe(true);
    expect([...reply.body.secretNames].sort()).toEqual(['apiKey', 'password']);
  });
  await inBatches([...acked.apps.values()], async (app) => {
    const reply = await call(baseUrl, token, 'GET', `/apps/${app.id}`);
    expect(reply.status, `app ${app.id}: ${reply.text}`).toBe(200);
    expect(reply.body).toMatchObject({ name: app.name, description: app.description });
  });
}

async function inBatches<T>(items: T[], check: (item: T) => Promise<void>, size = 8): Promise<void> {
  for (let index = 0; index < items.length; index += size) await Promise.all(items.slice(index, index + size).map(check));
}

/**
 * Nothing half-written, acknowledged or not: read straight from the database, every row has
 * what it needs, every secret opens, and every change has exactly its audit event.
 */
export async function checkNoOrphans(cluster: Cluster, acked: Acknowledged): Promise<void> {
  const db = cluster.db().db;
  const users = await db.selectFrom('users').select(['id', 'email']).execute();
  const memberships = await db.selectFrom('memberships').select(['user_id', 'workspace_id']).execute();
  const groups = await db.selectFrom('groups').select(['id', 'workspace_id']).execute();
  const groupMembers = await db.selectFrom('group_members').select(['group_id', 'user_id']).execute();
  const apps = await db.selectFrom('apps').select(['id']).execute();
  const versions = await db.selectFrom('app_versions').select(['app_id', 'name']).execute();
  const resources = await db.selectFrom('resources').select(['id', 'secrets']).execute();
  const audit = await db.selectFrom('audit_events').select(['action', 'target_type', 'target_id', 'changes']).execute();

  const memberOf = new Set(memberships.map((row) => row.user_id));
  expect(users.filter((user) => !memberOf.has(user.id)), 'users without a membership').toEqual([]);
  const userIds = new Set(users.map((user) => user.id));
  const groupIds = new Set(groups.map((group) => String(group.id)));
  expect(memberships.filter((row) => !userIds.has(row.user_id)), 'memberships of missing users').toEqual([]);
  expect(groupMembers.filter((row) => !userIds.has(row.user_id) || !groupIds.has(String(row.group_id))), 'group members of missing users or groups').toEqual([]);
  const memberKeys = new Set(memberships.map((row) => `${row.workspace_id}:${row.user_id}`));
  const groupWorkspace = new Map(groups.map((group) => [String(group.id), group.workspace_id]));
  expect(groupMembers.filter((row) => !memberKeys.has(`${groupWorkspace.get(String(row.group_id))}:${row.user_id}`)), 'group members outside the workspace').toEqual([]);

  const versioned = new Set(versions.filter((row) => row.name === 'v1').map((row) => row.app_id));
  expect(apps.filter((app) => !versioned.has(app.id)), 'apps without their v1 version').toEqual([]);

  for (const resource of resources) {
    const secrets = parsed(resource.secrets);
    expect(Object.keys(secrets).sort(), `resource ${resource.id} secrets`).toEqual(['apiKey', 'password']);
    for (const [name, envelope] of Object.entries(secrets)) {
      expect(() => box.open(envelope, secretContext(resource.id, name)), `resource ${resource.id} secret ${name}`).not.toThrow();
    }
    const known = acked.resources.get(resource.id);
    if (known) {
      const password = box.open(secrets.password!, secretContext(resource.id, 'password'));
      expect(known.password.allows(password), `resource ${resource.id} password ${password} not in ${known.password.possible}`).toBe(true);
      expect(box.open(secrets.apiKey!, secretContext(resource.id, 'apiKey'))).toBe(known.apiKey);
    }
  }

  // Every create has its audit event and every audit event its create; nothing is ever deleted here.
  const events = (action: string) => audit.filter((event) => event.action === action);
  const created = (action: string) => new Map(events(action).map((event) => [event.target_id, event]));
  const adminIds = new Set((await db.selectFrom('users').select('id').where('email', '=', 'admin@example.com').execute()).map((row) => row.id));
  const createdUsers = created('user.created');
  expect(users.filter((user) => !adminIds.has(user.id) && !createdUsers.has(user.id)).map((user) => user.id), 'users without user.created').toEqual([]);
  expect([...createdUsers.keys()].filter((id) => !userIds.has(id)), 'user.created without its user').toEqual([]);
  const createdGroups = created('group.created');
  expect([...groupIds].filter((id) => !createdGroups.has(id)), 'groups without group.created').toEqual([]);
  expect([...createdGroups.keys()].filter((id) => !groupIds.has(id)), 'group.created without its group').toEqual([]);
  const resourceIds = new Set(resources.map((row) => row.id));
  const createdResources = created('resource.created');
  expect([...resourceIds].filter((id) => !createdResources.has(id)), 'resources without resource.created').toEqual([]);
  expect([...createdResources.keys()].filter((id) => !resourceIds.has(id)), 'resource.created without its resource').toEqual([]);
  const appIds = new Set(apps.map((row) => row.id));
  const createdApps = created('app.created');
  expect([...appIds].filter((id) => !createdApps.has(id)), 'apps without app.created').toEqual([]);
  expect([...createdApps.keys()].filter((id) => !appIds.has(id)), 'app.created without its app').toEqual([]);

  // Each membership added has exactly one member_added event, and each event its membership.
  const added = events('group.member_added').map((event) => `${event.target_id}:${parsed(event.changes).userId}`);
  const rows = groupMembers.map((row) => `${row.group_id}:${row.user_id}`);
  expect([...added].sort(), 'group.member_added events vs group member rows').toEqual([...rows].sort());

  // Every acknowledged update has its audit event (one per update; an unanswered one may add one more).
  const count = (action: string, id: string) => audit.filter((event) => event.action === action && event.target_id === id).length;
  for (const user of acked.users.values()) expect(count('user.updated', user.id), `user.updated of ${user.id}`).toBeGreaterThanOrEqual(user.updates);
  for (const group of acked.groups.values()) expect(count('group.renamed', String(group.id)), `group.renamed of ${group.id}`).toBeGreaterThanOrEqual(group.renames);
  for (const resource of acked.resources.values()) expect(count('resource.updated', resource.id), `resource.updated of ${resource.id}`).toBeGreaterThanOrEqual(resource.updates);
}
