import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countMemberships } from '../../src/db/membership.repository.ts';
import { Harness } from '../helpers/harness.ts';
import { testDialect } from '../helpers/test-database.ts';
import { USER, scim } from './scim/scim-requests.ts';

/**
 * The member listing's total is read from counter rows the memberships' triggers keep
 * (migration 0015). Every way a membership is added or removed, through each dialect, the
 * import and configuration as code, leaves every workspace's counter equal to a real count.
 */

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(async () => {
  await h.close();
});

let counter = 0;
const nextEmail = () => `counted-${++counter}@example.com`;

/** Every workspace's counted total beside a count of its rows; they must be equal. */
async function totals(): Promise<{ counted: Record<string, number>; real: Record<string, number> }> {
  const db = h.runtime.database.db;
  const workspaces = await db.selectFrom('workspaces').select('id').execute();
  const rows = await db.selectFrom('memberships').select(['workspace_id', (eb) => eb.fn.countAll().as('count')]).groupBy('workspace_id').execute();
  const real = Object.fromEntries(workspaces.map(({ id }) => [id, Number(rows.find((row) => row.workspace_id === id)?.count ?? 0)]));
  const counted = Object.fromEntries(await Promise.all(workspaces.map(async ({ id }) => [id, await countMemberships(db, id)] as const)));
  return { counted, real };
}

/** Runs `change`, then checks the counters against real counts and that `workspaceId` gained `delta` members. */
async function expectCounted(workspaceId: string, delta: number, change: () => Promise<void>): Promise<void> {
  const before = await totals();
  expect(before.counted).toEqual(before.real);
  await change();
  const after = await totals();
  expect(after.counted).toEqual(after.real);
  expect(after.real[workspaceId]! - before.real[workspaceId]!).toBe(delta);
  const listed = await h.request('GET', '/api/v1/users?page=1&pageSize=1', { workspaceId });
  expect(listed.json().total).toBe(after.real[workspaceId]);
}

async function created(response: Promise<{ statusCode: number; body: string; json: () => any }>, status = 201) {
  const answer = await response;
  expect(answer.statusCode, answer.body).toBe(status);
  return answer.json();
}

describe(`member counts on ${testDialect()}`, () => {
  it('native API: creating, archiving and removing members', async () => {
    const workspaceId = h.defaultWorkspaceId;
    let ids: string[] = [];
    await expectCounted(workspaceId, 3, async () => {
      ids = await Promise.all([1, 2, 3].map(async () => (await created(h.request('POST', '/api/v1/users', { body: { email: nextEmail() } }))).id as string));
    });
    // An archived member is still a member: the total counts every status, as the listing shows them.
    await expectCounted(workspaceId, 0, async () => {
      await created(h.request('PUT', `/api/v1/users/${ids[0]}`, { body: { isDisabled: true } }), 200);
    });
    await expectCounted(workspaceId, -2, async () => {
      for (const id of ids.slice(1)) expect((await h.request('DELETE', `/api/v1/users/${id}`)).statusCode).toBe(204);
    });
  });

  it('native API: a bulk create counts each member it adds, and one that failed adds none', async () => {
    await expectCounted(h.defaultWorkspaceId, 2, async () => {
      const answer = await created(h.request('POST', '/api/v1/users', { body: [{ email: nextEmail() }, { email: nextEmail() }, { email: 'not an email' }] }), 207);
      expect(answer.created).toBe(2);
    });
  });

  it('SCIM: provisioning and deprovisioning', async () => {
    const body = (email: string) => ({ schemas: [USER], userName: email, name: { givenName: 'S', familyName: 'C' }, emails: [{ value: email, primary: true }], active: true });
    let id = '';
    await expectCounted(h.defaultWorkspaceId, 1, async () => {
      id = (await created(scim(h, 'POST', '/scim/v2/Users', { body: body(nextEmail()) }))).id;
    });
    await expectCounted(h.defaultWorkspaceId, -1, async () => {
      expect((await scim(h, 'DELETE', `/scim/v2/Users/${id}`)).statusCode).toBe(204);
    });
  });

  it('ToolJet: creating a user in workspaces and replacing their workspaces', async () => {
    const other = await h.services.workspaces.create('ToolJet counted');
    let id = '';
    await expectCounted(other, 1, async () => {
      const user = await created(h.ext('POST', '/api/ext/users', { body: { name: 'Tool Jet', email: nextEmail(), workspaces: [{ id: h.defaultWorkspaceId }, { id: other }] } }));
      id = user.id;
    });
    await expectCounted(other, -1, async () => {
      await created(h.ext('PUT', `/api/ext/user/${id}/workspaces`, { body: [{ id: h.defaultWorkspaceId }] }), 200);
    });
  });

  it('Retool API v2: creating a user, and deleting one, which keeps them archived as Retool does', async () => {
    let id = '';
    await expectCounted(h.defaultWorkspaceId, 1, async () => {
      id = (await created(h.request('POST', '/api/v2/users', { body: { email: nextEmail(), first_name: 'Re', last_name: 'Tool' } }), 200)).data.id;
    });
    await expectCounted(h.defaultWorkspaceId, 0, async () => {
      expect((await h.request('DELETE', `/api/v2/users/${id}`)).statusCode).toBe(204);
    });
  });

  it('bulk import: new members in batches', async () => {
    const workspaceId = await h.services.workspaces.create('Imported');
    await expectCounted(workspaceId, 250, async () => {
      const records = Array.from({ length: 250 }, (_, index) => ({ line: index + 2, fields: { email: nextEmail(), role: 'end-user' } }));
      const report = await h.services.userImports.run(workspaceId, records);
      expect(report.created).toBe(250);
    });
  });

  it('configuration as code: a new workspace with members, then members pruned', async () => {
    const [first, second] = [nextEmail(), nextEmail()];
    const config = (emails: string[]) => [
      'workspaces:', '  Configured:', '    prune: [members]', '    members:',
      ...emails.map((email) => `      ${email}: { role: builder }`),
    ].join('\n');
    const applyConfig = async (content: string) => {
      const files = [{ name: 'config/toolplane.yaml', content }];
      const plan = await created(h.request('POST', '/api/v1/config/plan', { body: { files } }), 200);
      await created(h.request('POST', '/api/v1/config/apply', { body: { files, stateFingerprint: plan.stateFingerprint, changesDigest: plan.changesDigest } }), 200);
    };
    await applyConfig(config([first, second]));
    const workspace = await h.runtime.database.db.selectFrom('workspaces').select('id').where('name', '=', 'Configured').executeTakeFirstOrThrow();
    expect(await countMemberships(h.runtime.database.db, workspace.id)).toBe(2);
    await expectCounted(workspace.id, -1, () => applyConfig(config([first])));
  });

  it('concurrent creates in one workspace are each counted', async () => {
    await expectCounted(h.defaultWorkspaceId, 24, async () => {
      const answers = await Promise.all(Array.from({ length: 24 }, () => h.request('POST', '/api/v1/users', { body: { email: nextEmail() } })));
      expect(answers.map((answer) => answer.statusCode)).toEqual(answers.map(() => 201));
    });
  });

  it('removing a workspace or an account removes its members from the count', async () => {
    const workspaceId = await h.services.workspaces.create('Removed');
    const user = await created(h.request('POST', '/api/v1/users', { body: { email: nextEmail() }, workspaceId }));
    await created(h.request('POST', '/api/v1/users', { body: { email: nextEmail() }, workspaceId }));
    await expectCounted(h.defaultWorkspaceId, 0, async () => {
      await h.runtime.database.db.deleteFrom('users').where('id', '=', user.id).execute();
      expect(await countMemberships(h.runtime.database.db, workspaceId)).toBe(1);
      await h.runtime.database.db.deleteFrom('workspaces').where('id', '=', workspaceId).execute();
    });
    expect(await countMemberships(h.runtime.database.db, workspaceId)).toBe(0);
  });
});
