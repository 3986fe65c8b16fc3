import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../helpers/expect-error.ts';
import { Harness } from '../helpers/harness.ts';

/**
 * The router refuses some paths before any route, hook or error handler runs (a parameter
 * too long, percent-encoding that does not decode); those answers still take the shape of
 * the dialect the path belongs to, and never echo the path.
 */
let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(async () => {
  await h.close();
});

const LONG = 'x'.repeat(600);

describe('native /api/v1', () => {
  it('answers an over-long path parameter with 414 path_parameter_too_long in the native shape', async () => {
    const body = expectError(await h.request('GET', `/api/v1/users/${LONG}`), 414, 'path_parameter_too_long');
    expect(body.message).not.toContain(LONG);
  });

  it('answers broken percent-encoding in a path parameter with 400 invalid_url', async () => {
    expectError(await h.request('GET', '/api/v1/users/%E0%A4%A'), 400, 'invalid_url');
  });
});

describe('ToolJet /api/ext', () => {
  it('answers an over-long path parameter with 414 in the ToolJet shape', async () => {
    const response = await h.ext('GET', `/api/ext/user/${LONG}`);
    expect(response.statusCode).toBe(414);
    const body = response.json();
    expect(Object.keys(body).sort()).toEqual(['code', 'message', 'path', 'statusCode', 'timestamp']);
    expect(body).toMatchObject({ statusCode: 414, code: 'path_parameter_too_long', path: `/api/ext/user/${LONG}` });
  });

  it('looks a user up by an email address longer than 100 characters, as its schema allows', async () => {
    const email = `${'a'.repeat(64)}@${'b'.repeat(60)}.example.com`;
    const response = await h.ext('GET', `/api/ext/user/${encodeURIComponent(email)}`);
    expect(response.statusCode, response.body).toBe(404);
    expect(response.json().code).toBe('user_not_found');
  });
});

describe('the invite page', () => {
  it('answers an over-long token with an HTML page that does not echo it', async () => {
    const response = await h.app.inject({ method: 'GET', url: `/invite/${LONG}` });
    expect(response.statusCode).toBe(414);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).not.toContain(LONG);
  });
});
