import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from '../helpers/harness.ts';
import { countQueries } from '../helpers/query-counter.ts';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(async () => {
  await h?.close();
});

let counter = 0;

/** A workspace with two groups and `users` people, each in the workspace, one of its groups and the default workspace. */
async function addWorkspace(users: number): Promise<void> {
  const workspaceId = await h.services.workspaces.create(`listing-${++counter}`);
  const actor = await h.actor(workspaceId);
  const groups = [await h.services.groups.create(actor, 'red'), await h.services.groups.create(actor, 'blue')];
  for (let index = 0; index < users; index += 1) {
    const response = await h.ext('POST', '/api/ext/users', {
      body: {
        name: `Person ${counter}-${index}`, email: `listing-${counter}-${index}@tooljet.test`, status: 'active',
        workspaces: [{ id: workspaceId, groups: [{ id: groups[index % 2]!.uuid }] }, { id: h.defaultWorkspaceId }],
      },
    });
    expect(response.statusCode, response.body).toBe(201);
  }
}

/**
 * The statements one listing runs, and the users it answers. The request budgets' counter
 * statements are left out: whether an address check reaches the counter depends on when it
 * was last checked, not on the listing.
 */
async function listQueries(query = ''): Promise<{ queries: number; users: number }> {
  const counted = countQueries(h.runtime.database.db);
  try {
    const response = await h.ext('GET', `/api/ext/users${query}`);
    expect(response.statusCode, response.body).toBe(200);
    const statements = counted.takeStatements().filter((statement) => !statement.includes('"rate_limits"'));
    return { queries: statements.length, users: response.json().length };
  } finally {
    counted.restore();
  }
}

describe('GET /api/ext/users queries', () => {
  it('runs the same number of queries whatever the number of users, workspaces and groups', async () => {
    await addWorkspace(2);
    const small = await listQueries();
    await addWorkspace(12);
    await addWorkspace(9);
    const large = await listQueries();
    expect(large.users).toBeGreaterThan(small.users + 20);
    expect(large.queries).toBe(small.queries);
    expect(large.queries).toBeLessThanOrEqual(6);
    const filtered = await listQueries('?group_names=red&status=active');
    expect(filtered.users).toBe(1 + 6 + 5);
    expect(filtered.queries).toBe(small.queries);
  });

  it('answers in batches exactly what one read answers, in the same order', async () => {
    const whole = await h.services.accounts.list();
    for (const batchSize of [1, 2, 7, whole.length, whole.length + 1]) {
      const batched = [];
      for await (const batch of h.services.accounts.listInBatches({}, batchSize)) {
        expect(batch.length).toBeLessThanOrEqual(batchSize);
        batched.push(...batch);
      }
      expect(batched, `batches of ${batchSize}`).toEqual(whole);
    }
  });

  it('reads the next batch while the caller works on this one', async () => {
    const counted = countQueries(h.runtime.database.db);
    try {
      const batches = h.services.accounts.listInBatches({}, 2);
      await batches.next();
      await new Promise((resolve) => setTimeout(resolve, 100));
      // The first batch's users, memberships and groups, and the same three for the second.
      expect(counted.takeStatements().filter((statement) => !statement.includes('"rate_limits"'))).toHaveLength(6);
      await batches.return(undefined);
    } finally {
      counted.restore();
    }
  });

  it('answers the same JSON text as serializing the whole list at once', async () => {
    const response = await h.ext('GET', '/api/ext/users');
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.body).toBe(JSON.stringify(response.json()));
  });
});
