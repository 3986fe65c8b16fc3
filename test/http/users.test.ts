import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from '../helpers/harness.ts';
import { seedSchemaErrors } from '../helpers/seed-spec.ts';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(async () => {
  await h.close();
});

describe('users', () => {
  it('creates a user and reads it back in the seed User shape', async () => {
    const created = await h.request('POST', '/api/v1/users', { body: { email: 'Ada@Example.com', firstName: 'Ada', lastName: 'L' } });
    expect(created.statusCode).toBe(201);
    const user = created.json();
    expect(seedSchemaErrors('User', user)).toEqual([]);
    expect(user).toMatchObject({ email: 'Ada@Example.com', isAdmin: false, isDisabled: false, userType: 'default', groups: [] });
    const read = await h.request('GET', `/api/v1/users/${user.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(user);
  });
});
