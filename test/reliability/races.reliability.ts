import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialect } from '../helpers/test-database.ts';
import { Cluster, call, statusCounts, type Reply } from './support/cluster.ts';

/**
 * Races between concurrent requests, against real server processes: on one process (both
 * dialects), and on PostgreSQL split across two processes sharing one database, where no
 * in-process lock can help and only the database's constraints and locks keep the rules.
 */
const CONCURRENCY = 50;

let cluster: Cluster;
let single: string[];
let pair: string[];

beforeAll(async () => {
  cluster = await Cluster.create();
  const first = await cluster.start();
  single = [first.baseUrl];
  pair = testDialect() === 'postgres' ? [first.baseUrl, (await cluster.start()).baseUrl] : [];
});

afterAll(async () => {
  await cluster?.close();
});

let run = 0;

/** Sends `count` requests at once, the i-th to `urls[i % urls.length]`. */
function burst(urls: string[], count: number, request: (baseUrl: string, index: number) => Promise<Reply>): Promise<Reply[]> {
  return Promise.all(Array.from({ length: count }, (_, index) => request(urls[index % urls.length]!, index)));
}

function mixedCase(text: string, seed: number): string {
  return [...text].map((char, index) => ((seed >> (index % 10)) & 1 ? char.toUpperCase() : char.toLowerCase())).join('');
}

/** The active admins of the (one) workspace, straight from the database. */
async function activeAdmins(): Promise<string[]> {
  const rows = await cluster.db().db
    .selectFrom('memberships')
    .select('user_id')
    .where('role', '=', 'admin')
    .where('status', '=', 'active')
    .execute();
  return rows.map((row) => row.user_id);
}

/** Makes the token's user an admin again, so the next race starts from the same place. */
async function restoreTokenAdmin(): Promise<void> {
  const admin = await cluster.db().db.selectFrom('users').select('id').where('email', '=', 'admin@example.com').executeTakeFirstOrThrow();
  await cluster.db().db.updateTable('memberships').set({ role: 'admin', status: 'active' }).where('user_id', '=', admin.id).execute();
}

function races(label: string, urls: () => string[]) {
  describe(label, () => {
    it(`${CONCURRENCY} concurrent creates of one email in different cases: exactly one 201, the rest 409`, async () => {
      const email = `race-${++run}@example.com`;
      const replies = await burst(urls(), CONCURRENCY, (baseUrl, index) =>
        call(baseUrl, cluster.token, 'POST', '/users', { email: mixedCase(email, index * 7919 + 1), firstName: `F${index}` }));
      expect(statusCounts(replies)).toEqual({ 201: 1, 409: CONCURRENCY - 1 });
      for (const reply of replies.filter((item) => item.status === 409)) {
        expect(reply.body).toMatchObject({ code: expect.any(String), message: expect.any(String), field: 'email' });
      }
      const stored = await cluster.db().db.selectFrom('users').select(['id', 'email']).execute();
      const matching = stored.filter((row) => row.email.toLowerCase() === email);
      expect(matching).toHaveLength(1);
      const created = replies.find((item) => item.status === 201)!.body as { id: string };
      expect(matching[0]!.id).toBe(created.id);
      const memberships = await cluster.db().db.selectFrom('memberships').select('user_id').where('user_id', '=', created.id).execute();
      expect(memberships).toHaveLength(1);
    });

    it(`${CONCURRENCY} concurrent adds of one user to one group: one membership, no 5xx`, async () => {
      const base = urls()[0]!;
      const group = await call(base, cluster.token, 'POST', '/groups', { name: `race group ${++run}` });
      expect(group.status, group.text).toBe(201);
      const user = await call(base, cluster.token, 'POST', '/users', { email: `member-${run}@example.com` });
      expect(user.status, user.text).toBe(201);
      const replies = await burst(urls(), CONCURRENCY, (baseUrl) =>
        call(baseUrl, cluster.token, 'POST', `/groups/${group.body.id}/members`, { userId: user.body.id }));
      const counts = statusCounts(replies);
      expect(replies.filter((reply) => reply.status === 0 || reply.status >= 500), JSON.stringify(counts)).toEqual([]);
      expect(replies.filter((reply) => reply.status < 300).length, JSON.stringify(counts)).toBeGreaterThanOrEqual(1);
      const rows = await cluster.db().db.selectFrom('group_members').select('user_id').where('group_id', '=', group.body.id).execute();
      expect(rows).toEqual([{ user_id: user.body.id }]);
      const fetched = await call(base, cluster.token, 'GET', `/groups/${group.body.id}`);
      expect(fetched.body.members.map((member: { id: string }) => member.id)).toEqual([user.body.id]);
    });

    it('concurrent demotions of every admin leave exactly one; the others succeed or get 409 last_admin', async () => {
      const base = urls()[0]!;
      for (let index = 0; index < 7; index++) {
        const reply = await call(base, cluster.token, 'POST', '/users', { email: `admin-${++run}@example.com`, isAdmin: true });
        expect(reply.status, reply.text).toBe(201);
      }
      // Every active admin, the token's own user among them: if every demotion won, none would be left.
      const targets = await activeAdmins();
      expect(targets.length).toBeGreaterThanOrEqual(8);
      const replies = await burst(urls(), targets.length, (baseUrl, index) =>
        call(baseUrl, cluster.token, 'PUT', `/users/${targets[index]}`, { isAdmin: false }));
      const counts = statusCounts(replies);
      const remaining = await activeAdmins();
      try {
        expect(remaining, JSON.stringify(counts)).toHaveLength(1);
        expect(replies.filter((reply) => reply.status === 0 || reply.status >= 500), JSON.stringify(counts)).toEqual([]);
        // Once the token's user is demoted, requests still waiting may be refused for want of authority (403).
        expect(Object.keys(counts).filter((status) => !['200', '403', '409'].includes(status)), JSON.stringify(counts)).toEqual([]);
        for (const reply of replies.filter((item) => item.status === 409)) expect(reply.body.code).toBe('last_admin');
        // The admin left is one whose demotion was refused by the rule (or, in that rare order, for authority).
        const last = replies[targets.indexOf(remaining[0]!)]!;
        expect([409, 403], JSON.stringify(counts)).toContain(last.status);
        expect(replies.filter((reply) => reply.status === 200).length, JSON.stringify(counts)).toBe(targets.length - 1 - (counts[403] ?? 0));
      } finally {
        await restoreTokenAdmin();
      }
    });
  });
}

races(`one server process on ${testDialect()}`, () => single);

describe.skipIf(testDialect() !== 'postgres')('two server processes on one PostgreSQL database', () => {
  races('requests split across both processes', () => pair);
});
