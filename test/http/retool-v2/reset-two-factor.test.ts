import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from '../../helpers/harness.ts';
import { v2 } from './client.ts';

const PASSWORD = 'correct horse battery';
let h: Harness;
let counter = 0;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(async () => {
  await h.close();
});

const db = () => h.runtime.database.db;
const retoolId = (uuid: string) => `user_${uuid.replace(/-/g, '')}`;

/** A member of `workspaces` (the default one unless given) with a password and a live session. */
async function person(workspaces: string[] = [h.defaultWorkspaceId]): Promise<{ id: string; email: string; sessionId: string }> {
  const email = `twofactor${++counter}@example.com`;
  const memberships = workspaces.map((id) => ({ workspace: { id }, role: 'builder' as const, status: 'active' as const }));
  const { id } = await h.services.accounts.create({ email, firstName: 'Two', lastName: 'Factor', status: 'active', password: PASSWORD, memberships });
  const login = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: PASSWORD }, headers: { 'x-toolplane-csrf': '1' } });
  expect(login.statusCode, login.body).toBe(200);
  const [session] = await h.services.sessions.list(id, null);
  return { id, email, sessionId: session!.id };
}

/** Turns two-factor on for the person, keeping their session. */
async function enrol(person: { id: string; sessionId: string }): Promise<void> {
  const { secret } = await h.services.twoFactor.setup(person.id);
  await h.services.twoFactor.confirm(person.id, await generate({ secret }), person.sessionId);
}

async function stored(id: string) {
  const user = await db().selectFrom('users').select(['totp_secret', 'totp_enabled_at']).where('id', '=', id).executeTakeFirstOrThrow();
  const codes = await db().selectFrom('recovery_codes').select('code_hash').where('user_id', '=', id).execute();
  const sessions = await db().selectFrom('sessions').select('id').where('user_id', '=', id).execute();
  return { ...user, codes: codes.length, sessions: sessions.length };
}

describe('PUT /users/reset2fa/{id}', () => {
  it('forgets the enrolment and the recovery codes, ends the person\'s sessions and is audited', async () => {
    const member = await person();
    await enrol(member);
    expect(await stored(member.id)).toMatchObject({ codes: 10, sessions: 1 });
    expect((await v2(h, 'GET', `/api/v2/users/${retoolId(member.id)}`)).json().data.two_factor_auth_enabled).toBe(true);

    const reset = await v2(h, 'PUT', `/api/v2/users/reset2fa/${retoolId(member.id)}`);
    expect(reset.statusCode).toBe(204);
    expect(await stored(member.id)).toEqual({ totp_secret: null, totp_enabled_at: null, codes: 0, sessions: 0 });
    expect((await v2(h, 'GET', `/api/v2/users/${retoolId(member.id)}`)).json().data.two_factor_auth_enabled).toBe(false);
    const events = await db().selectFrom('audit_events').select(['action', 'source', 'workspace_id']).where('target_id', '=', member.id)
      .where('action', '=', 'account.two_factor_reset').execute();
    expect(events).toEqual([{ action: 'account.two_factor_reset', source: 'retool-v2', workspace_id: h.defaultWorkspaceId }]);

    // Nothing left to reset: the same answer, nothing recorded.
    expect((await v2(h, 'PUT', `/api/v2/users/reset2fa/${retoolId(member.id)}`)).statusCode).toBe(204);
    expect(await db().selectFrom('audit_events').select('id').where('target_id', '=', member.id).where('action', '=', 'account.two_factor_reset').execute())
      .toHaveLength(1);
  });

  it('answers 404 for an unknown or malformed id and for another workspace\'s member', async () => {
    expect((await v2(h, 'PUT', '/api/v2/users/reset2fa/user_0123456789abcdef0123456789abcdef')).statusCode).toBe(404);
    expect((await v2(h, 'PUT', '/api/v2/users/reset2fa/nobody')).statusCode).toBe(404);
    const elsewhere = await h.services.workspaces.create('Reset elsewhere');
    const theirs = await person([elsewhere]);
    await enrol(theirs);
    expect((await v2(h, 'PUT', `/api/v2/users/reset2fa/${retoolId(theirs.id)}`)).statusCode).toBe(404);
    expect(await stored(theirs.id)).toMatchObject({ codes: 10, sessions: 1 });
    const theirToken = await h.token(['*'], { workspaceId: elsewhere });
    expect((await v2(h, 'PUT', `/api/v2/users/reset2fa/${retoolId(theirs.id)}`, { token: theirToken })).statusCode).toBe(204);
    expect(await stored(theirs.id)).toMatchObject({ codes: 0, sessions: 0 });
  });

  it('refuses an account other workspaces share, one\'s own, and a token without users:write', async () => {
    const shared = await person([h.defaultWorkspaceId, await h.services.workspaces.create('Reset shared')]);
    await enrol(shared);
    const refused = await v2(h, 'PUT', `/api/v2/users/reset2fa/${retoolId(shared.id)}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain('other workspaces');
    expect(await stored(shared.id)).toMatchObject({ codes: 10, sessions: 1 });

    const member = await person();
    await enrol(member);
    const reader = await h.token(['users:read']);
    expect((await v2(h, 'PUT', `/api/v2/users/reset2fa/${retoolId(member.id)}`, { token: reader })).statusCode).toBe(403);
    const own = await h.token(['*'], { email: member.email });
    const ownReset = await v2(h, 'PUT', `/api/v2/users/reset2fa/${retoolId(member.id)}`, { token: own });
    expect(ownReset.statusCode).toBe(403);
    expect(ownReset.json().message).toContain('/me/two-factor');
    expect(await stored(member.id)).toMatchObject({ codes: 10, sessions: 1 });
  });
});
