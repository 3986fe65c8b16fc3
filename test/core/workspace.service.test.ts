import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudited } from '../../src/core/audit.ts';
import type { DomainError } from '../../src/core/errors.ts';
import { Harness } from '../helpers/harness.ts';
import { testDialect } from '../helpers/test-database.ts';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(async () => {
  await h.close();
});

const codeOf = (result: PromiseSettledResult<unknown>) =>
  result.status === 'rejected' ? (result.reason as DomainError).code : 'ok';

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const [result] = await Promise.allSettled([promise]);
  expect(result!.status).toBe('rejected');
  return (result as PromiseRejectedResult).reason as DomainError;
}

const workspaceNamed = (name: string) =>
  h.runtime.database.db.selectFrom('workspaces').select('id').where('name', '=', name).executeTakeFirst();

describe(`workspace service on ${testDialect()}`, () => {
  it('creates one workspace when the same name arrives many times at once', async () => {
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => h.services.workspaces.create('Raced name')));
    const codes = results.map(codeOf);
    expect(codes.filter((code) => code === 'ok')).toHaveLength(1);
    expect(codes.filter((code) => code === 'workspace_name_taken')).toHaveLength(9);
    const winner = results.find((result) => result.status === 'fulfilled')!.value;
    expect((await workspaceNamed('Raced name'))?.id).toBe(winner);
    const events = await h.runtime.database.db.selectFrom('audit_events').select('target_id').where('action', '=', 'workspace.created').execute();
    expect(events.filter((event) => event.target_id === winner)).toHaveLength(1);
    expect(events).toHaveLength(1);
  });

  it('refuses an unknown or archived admin, leaving no workspace behind', async () => {
    const unknown = await rejection(h.services.workspaces.create('Unknown admin', { adminUserId: '00000000-0000-4000-8000-000000000001' }));
    expect(unknown).toMatchObject({ kind: 'invalid_input', code: 'user_not_found', field: 'adminUserId' });
    await h.services.workspaces.create('Holder', { adminEmail: 'gone@example.com' });
    await h.runtime.database.db.updateTable('users').set({ status: 'archived' }).where('email', '=', 'gone@example.com').execute();
    const archived = await rejection(h.services.workspaces.create('Archived admin', { adminEmail: 'Gone@example.com' }));
    expect(archived).toMatchObject({ kind: 'conflict', code: 'user_archived', field: 'adminEmail' });
    const badEmail = await rejection(h.services.workspaces.create('Bad admin', { adminEmail: 'nobody' }));
    expect(badEmail).toMatchObject({ kind: 'invalid_input', field: 'adminEmail' });
    for (const name of ['Unknown admin', 'Archived admin', 'Bad admin']) expect(await workspaceNamed(name)).toBeUndefined();
  });

  it('attributes its audit event to whoever runs it', async () => {
    const system = await h.services.workspaces.create('By the system');
    const cli = await runAudited({ actorType: 'cli' }, () => h.services.workspaces.create('By the CLI'));
    const events = await h.runtime.database.db.selectFrom('audit_events').select(['target_id', 'actor_type'])
      .where('target_id', 'in', [system, cli]).execute();
    expect(events.sort((a, b) => a.actor_type.localeCompare(b.actor_type))).toEqual([
      { target_id: cli, actor_type: 'cli' }, { target_id: system, actor_type: 'system' },
    ]);
  });
});
