import { expect } from 'vitest';
import type { Harness } from './harness.ts';

/** The header the server asks of cookie writes. */
export const CSRF = { 'x-toolplane-csrf': '1' };

/** A new active member of the default workspace with `role`, signed in with `password`: their id and session cookie. */
export async function signedInMember(
  h: Harness, email: string, role: 'admin' | 'builder' | 'end-user', password: string,
): Promise<{ id: string; cookie: string }> {
  const { id } = await h.services.accounts.create({
    email, firstName: role, lastName: 'Person', status: 'active', password,
    memberships: [{ workspace: { id: h.defaultWorkspaceId }, role, status: 'active' }],
  });
  const response = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, headers: CSRF });
  const cookie = response.cookies.find((candidate) => candidate.name === 'tp_session');
  expect(cookie, response.body).toBeDefined();
  return { id, cookie: `tp_session=${cookie!.value}` };
}
