import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportRecord } from '../../src/core/user-import.service.ts';
import { ADMIN_EMAIL, Harness } from '../helpers/harness.ts';
import { testDialect } from '../helpers/test-database.ts';

let h: Harness;
let workspaceId: string;
let engineering: number;

beforeAll(async () => {
  h = await Harness.start();
  workspaceId = await h.services.workspaces.create('Imports');
  const at = new Date().toISOString();
  await h.runtime.database.db.insertInto('user_attribute_definitions').values([
    { id: randomUUID(), workspace_id: workspaceId, name: 'team', label: 'Team', data_type: 'string', default_value: null, created_at: at, updated_at: at },
    { id: randomUUID(), workspace_id: workspaceId, name: 'level', label: 'Level', data_type: 'number', default_value: null, created_at: at, updated_at: at },
  ]).execute();
  engineering = (await h.services.groups.create(await h.actor(workspaceId), 'engineering')).id;
});
afterAll(async () => {
  await h.close();
});

const rows = (...fields: Array<Record<string, unknown>>): ImportRecord[] => fields.map((item, index) => ({ line: index + 2, fields: item }));

async function memberCount(): Promise<number> {
  const rows = await h.runtime.database.db.selectFrom('memberships').select('user_id').where('workspace_id', '=', workspaceId).execute();
  return rows.length;
}

const file = rows(
  { email: 'ada@imports.test', firstName: 'Ada', lastName: 'Lovelace', role: 'builder', groups: 'engineering', team: 'core', level: '3' },
  { email: 'grace@imports.test', firstName: 'Grace', lastName: 'Hopper', role: '', groups: '', team: '', level: '' },
  { email: 'not-an-email', firstName: 'Bad', lastName: '', role: '', groups: '', team: '', level: '' },
  { email: 'linus@imports.test', firstName: 'Linus', lastName: '', role: '', groups: 'no-such-group', team: '', level: '' },
  { email: 'ken@imports.test', firstName: 'Ken', lastName: '', role: '', groups: '', team: '', level: 'high' },
  { email: 'ADA@imports.test', firstName: 'Ada', lastName: 'Again', role: '', groups: '', team: '', level: '' },
  { email: 'boss@imports.test', firstName: 'Boss', lastName: '', role: 'emperor', groups: '', team: '', level: '' },
);

describe(`importing users on ${testDialect()}`, () => {
  it('reports what a dry run would do and changes nothing', async () => {
    const report = await h.services.userImports.run(workspaceId, file, { dryRun: true });
    expect(report).toMatchObject({ created: 2, updated: 0, unchanged: 0, failed: 5 });
    expect(await memberCount()).toBe(0);
  });

  it('creates the good rows with role, groups and attributes, and fails each bad row with its reason', async () => {
    const report = await h.services.userImports.run(workspaceId, file);
    expect(report).toMatchObject({ created: 2, updated: 0, unchanged: 0, failed: 5 });
    const reasons = Object.fromEntries(report.outcomes.filter((o) => o.result === 'failed').map((o) => [o.line, o.reason]));
    expect(reasons[4]).toContain('not an email address');
    expect(reasons[5]).toContain('group "no-such-group"');
    expect(reasons[6]).toContain('level must be a number');
    expect(reasons[7]).toContain('duplicate of line 2');
    expect(reasons[8]).toContain('role "emperor"');
    expect(await memberCount()).toBe(2);

    const actor = await h.actor(workspaceId);
    const page = await h.services.users.list(actor, { page: 1, pageSize: 100 });
    const ada = page.items.find((user) => user.email === 'ada@imports.test')!;
    expect(ada).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace', role: 'builder', membershipStatus: 'active' });
    expect(ada.groups.map((group) => group.id)).toEqual([engineering]);
    expect(await h.runtime.database.db.selectFrom('users').select('id').where('email', '=', 'ken@imports.test').execute()).toEqual([]);
    const values = await h.runtime.database.db.selectFrom('memberships').select('attributes')
      .where('workspace_id', '=', workspaceId).where('user_id', '=', ada.id).executeTakeFirstOrThrow();
    expect(typeof values.attributes === 'string' ? JSON.parse(values.attributes) : values.attributes).toEqual({ team: 'core', level: 3 });
  });

  it('changes nothing when the same file runs again', async () => {
    const report = await h.services.userImports.run(workspaceId, file);
    expect(report).toMatchObject({ created: 0, updated: 0, unchanged: 2, failed: 5 });
  });

  it('updates what a row changes: role, names, groups and attributes', async () => {
    const report = await h.services.userImports.run(workspaceId, rows(
      { email: 'grace@imports.test', firstName: 'Grace', lastName: 'Brewster Hopper', role: 'admin', groups: 'engineering', team: 'navy' },
    ));
    expect(report).toMatchObject({ created: 0, updated: 1, unchanged: 0, failed: 0 });
    const actor = await h.actor(workspaceId);
    const grace = (await h.services.users.list(actor, { page: 1, pageSize: 100 })).items.find((user) => user.email === 'grace@imports.test')!;
    expect(grace).toMatchObject({ lastName: 'Brewster Hopper', role: 'admin' });
    expect(grace.groups.map((group) => group.id)).toEqual([engineering]);
  });

  it('keeps the membership rules: the last active admin cannot be demoted by an import', async () => {
    const only = await h.services.workspaces.create('Lonely admin');
    await h.token(['*'], { workspaceId: only, email: 'lonely@imports.test' });
    const report = await h.services.userImports.run(only, rows({ email: 'lonely@imports.test', role: 'builder' }));
    expect(report.failed).toBe(1);
    expect(report.outcomes[0]!.reason).toContain('last active admin');
  });

  it('adds an existing account of another workspace as a member', async () => {
    const report = await h.services.userImports.run(workspaceId, rows({ email: ADMIN_EMAIL.toUpperCase(), role: 'end-user' }));
    expect(report.created).toBe(1);
    expect(await h.runtime.database.db.selectFrom('users').select('id').where('email', '=', ADMIN_EMAIL).execute()).toHaveLength(1);
  });

  it('refuses a file with a column that is neither a user field nor an attribute', async () => {
    await expect(h.services.userImports.run(workspaceId, rows({ email: 'x@imports.test', shoeSize: '42' }))).rejects.toThrow(/shoeSize/);
  });
});

describe(`importing with invites on ${testDialect()}`, () => {
  it('invites people who are not members, once, and still updates existing members', async () => {
    const invitees = await h.services.workspaces.create('Invitees');
    await h.token(['*'], { workspaceId: invitees, email: 'owner@imports.test' });
    const file = rows(
      { email: 'new-one@imports.test', role: 'end-user' },
      { email: 'new-two@imports.test', role: '' },
      { email: 'owner@imports.test', firstName: 'Owner' },
    );
    const first = await h.services.userImports.run(invitees, file, { invite: true });
    expect(first).toMatchObject({ created: 0, invited: 2, updated: 1, failed: 0 });
    expect(first.outcomes[0]!.acceptUrl).toMatch(/^http:\/\/toolplane\.test\/invite\/tpi_/);
    const pending = await h.runtime.database.db.selectFrom('invites').select(['email', 'status'])
      .where('workspace_id', '=', invitees).orderBy('email').execute();
    expect(pending).toEqual([{ email: 'new-one@imports.test', status: 'pending' }, { email: 'new-two@imports.test', status: 'pending' }]);
    const members = await h.runtime.database.db.selectFrom('memberships').select('user_id').where('workspace_id', '=', invitees).execute();
    expect(members).toHaveLength(1);

    const again = await h.services.userImports.run(invitees, file, { invite: true });
    expect(again).toMatchObject({ invited: 0, updated: 0, unchanged: 3, failed: 0 });
  });
});
