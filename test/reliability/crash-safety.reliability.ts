import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerProcess } from '../helpers/server-process.ts';
import { testDialect } from '../helpers/test-database.ts';
import { Acknowledged, FieldHistory } from './support/acknowledged.ts';
import { Cluster, call, sleep, type Reply } from './support/cluster.ts';
import { checkAcknowledged, checkNoOrphans } from './support/crash-checks.ts';

/**
 * Writers create and update users, groups, group members, resources with secrets and apps
 * against a server process that is killed with SIGKILL at random moments, 20 times, and
 * restarted each time. After every restart, and at the end, everything acknowledged with a
 * 2xx reads back complete, and nothing half-written exists anywhere in the database.
 */
const KILLS = 20;
const WRITERS = 3;

let cluster: Cluster;
let server: ServerProcess;
const acked = new Acknowledged();

beforeAll(async () => {
  cluster = await Cluster.create();
  server = await cluster.start();
});

afterAll(async () => {
  await cluster?.close();
});

const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)]!;
const tag = () => randomBytes(4).toString('hex');
const ok = (reply: Reply) => reply.status >= 200 && reply.status < 300;
/** A reply that says nothing about whether the write happened: no answer, or a 503 while the server was going away. */
const unknown = (reply: Reply) => reply.status === 0 || reply.status === 503;

/** One writer's step: a random create or update, recorded only when acknowledged. */
async function step(writer: number): Promise<Reply> {
  const send = (method: string, path: string, body: unknown) => call(server.baseUrl, cluster.token, method, path, body, { timeoutMs: 20_000 });
  const users = [...acked.users.values()];
  const groups = [...acked.groups.values()];
  const resources = [...acked.resources.values()];
  const choice = Math.random();

  if (choice < 0.2 || users.length === 0) {
    const email = `w${writer}-${tag()}@Example.com`;
    const body = { email, firstName: `First ${tag()}`, lastName: `Last ${tag()}` };
    const reply = await send('POST', '/users', body);
    if (reply.status === 201) {
      acked.users.set(reply.body.id, {
        id: reply.body.id, email, firstName: new FieldHistory(body.firstName), lastName: new FieldHistory(body.lastName), updates: 0,
      });
    }
    return reply;
  }
  if (choice < 0.35) {
    const user = pick(users);
    const body = { firstName: `First ${tag()}`, lastName: `Last ${tag()}` };
    user.firstName.sent(body.firstName);
    user.lastName.sent(body.lastName);
    const reply = await send('PUT', `/users/${user.id}`, body);
    if (ok(reply)) {
      user.firstName.acknowledged(body.firstName);
      user.lastName.acknowledged(body.lastName);
      user.updates++;
    } else if (!unknown(reply)) {
      user.firstName.refused(body.firstName);
      user.lastName.refused(body.lastName);
    } else {
      user.firstName.lost(body.firstName);
      user.lastName.lost(body.lastName);
    }
    return reply;
  }
  if (choice < 0.5 || groups.length === 0) {
    const name = `group ${writer}-${tag()}`;
    const reply = await send('POST', '/groups', { name });
    if (reply.status === 201) acked.groups.set(reply.body.id, { id: reply.body.id, name: new FieldHistory(name), members: new Set(), renames: 0 });
    return reply;
  }
  if (choice < 0.6) {
    const group = pick(groups);
    const name = `group ${writer}-${tag()}`;
    group.name.sent(name);
    const reply = await send('PUT', `/groups/${group.id}`, { name });
    if (ok(reply)) {
      group.name.acknowledged(name);
      group.renames++;
    } else if (!unknown(reply)) group.name.refused(name);
    else group.name.lost(name);
    return reply;
  }
  if (choice < 0.75) {
    const group = pick(groups);
    const user = pick(users);
    const reply = await send('POST', `/groups/${group.id}/members`, { userId: user.id });
    if (ok(reply)) group.members.add(user.id);
    return reply;
  }
  if (choice < 0.85 || resources.length === 0) {
    const body = {
      name: `db ${writer}-${tag()}`, type: 'postgresql', options: { host: `host-${tag()}` },
      secrets: { password: `pw-${tag()}`, apiKey: `key-${tag()}` },
    };
    const reply = await send('POST', '/resources', body);
    if (reply.status === 201) {
      acked.resources.set(reply.body.id, {
        id: reply.body.id, name: body.name, type: body.type, host: new FieldHistory(body.options.host),
        password: new FieldHistory(body.secrets.password), apiKey: body.secrets.apiKey, updates: 0,
      });
    }
    return reply;
  }
  if (choice < 0.93) {
    const resource = pick(resources);
    const host = `host-${tag()}`;
    const password = `pw-${tag()}`;
    resource.host.sent(host);
    resource.password.sent(password);
    const reply = await send('PUT', `/resources/${resource.id}`, { options: { host }, secrets: { password } });
    if (ok(reply)) {
      resource.host.acknowledged(host);
      resource.password.acknowledged(password);
      resource.updates++;
    } else if (!unknown(reply)) {
      resource.host.refused(host);
      resource.password.refused(password);
    } else {
      resource.host.lost(host);
      resource.password.lost(password);
    }
    return reply;
  }
  const body = { name: `app ${writer}-${tag()}`, description: `about ${tag()}` };
  const reply = await send('POST', '/apps', body);
  if (reply.status === 201) acked.apps.set(reply.body.id, { id: reply.body.id, ...body });
  return reply;
}

describe(`crash safety on ${testDialect()}`, () => {
  it(`keeps every acknowledged write and nothing half-written across ${KILLS} SIGKILLs`, async () => {
    let stop = false;
    let paused = false;
    let inFlight = 0;
    const unexpected: Array<{ status: number; text: string }> = [];
    const writers = Array.from({ length: WRITERS }, async (_, writer) => {
      while (!stop) {
        if (paused) {
          await sleep(20);
          continue;
        }
        inFlight++;
        const reply = await step(writer).finally(() => inFlight--);
        if (ok(reply)) acked.writes++;
        // A dead server refuses connections until it is back; anything else must be a success or a 503.
        else if (reply.status === 0) await sleep(20);
        else if (reply.status !== 503) unexpected.push({ status: reply.status, text: reply.text });
      }
    });
    const quiesce = async () => {
      paused = true;
      while (inFlight > 0) await sleep(10);
    };

    try {
      for (let kill = 1; kill <= KILLS; kill++) {
        await sleep(150 + Math.random() * 600);
        server.child.kill('SIGKILL');
        await server.exited;
        server = await cluster.start();
        expect(server.stderr, `start ${kill}`).toBe('');
        await quiesce();
        await checkAcknowledged(server.baseUrl, cluster.token, acked);
        await checkNoOrphans(cluster, acked);
        paused = false;
      }
    } finally {
      stop = true;
      paused = false;
      await Promise.all(writers);
    }
    await checkAcknowledged(server.baseUrl, cluster.token, acked);
    await checkNoOrphans(cluster, acked);
    expect(unexpected).toEqual([]);
    // The run did real work between the kills.
    expect(acked.writes).toBeGreaterThan(KILLS * 5);
    expect(acked.users.size * acked.groups.size * acked.resources.size).toBeGreaterThan(0);
  });
});
