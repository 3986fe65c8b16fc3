import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ADMIN_EMAIL } from '../helpers/harness.ts';
import { capture, launchBrowser, newContext } from './support/browser.ts';
import { ADMIN_PASSWORD, ConsoleServer } from './support/console-server.ts';
import { signIn } from './support/pages.ts';

const JOURNEY = 'tokens';
let server: ConsoleServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await ConsoleServer.start();
  browser = await launchBrowser();
  const context = await newContext(browser, server.baseUrl);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A script's request with the token, as curl would send it. */
const withToken = (secret: string, method = 'GET', body?: unknown) =>
  fetch(`${server.baseUrl}/api/v1/users`, {
    method,
    headers: { authorization: `Bearer ${secret}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });

let secret: string;

it('creates a token with the scopes picked and shows its secret once, which a script then uses within those scopes', async () => {
  await page.goto('/tokens');
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  // The harness's own admin token is listed, never its secret.
  await expect.poll(() => page.getByRole('row', { name: /test admin/ }).isVisible()).toBe(true);
  await capture(page, JOURNEY, '01-tokens');

  await page.getByRole('button', { name: 'New token' }).click();
  const dialog = page.getByRole('dialog', { name: 'New API token' });
  await dialog.getByRole('button', { name: 'Create token' }).click();
  await expect.poll(() => dialog.getByText('Enter a name').isVisible()).toBe(true);
  await expect.poll(() => dialog.getByText('Pick at least one scope').isVisible()).toBe(true);

  await dialog.getByLabel('Name').fill('Reporting script');
  await dialog.getByLabel('Description').fill('Weekly user report to finance');
  await dialog.getByRole('radiogroup', { name: 'users' }).getByText('Read').click();
  await capture(page, JOURNEY, '02-scope-picker');
  await dialog.getByRole('button', { name: 'Create token' }).click();
  await expect.poll(() => dialog.getByTestId('token-secret').isVisible()).toBe(true);
  secret = (await dialog.getByTestId('token-secret').textContent())!.trim();
  await dialog.getByRole('button', { name: 'Copy the secret' }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await capture(page, JOURNEY, '03-secret-once');
  await dialog.getByRole('button', { name: 'Done' }).click();

  expect((await withToken(secret)).status).toBe(200);
  const refused = await withToken(secret, 'POST', { email: 'someone@example.com' });
  expect(refused.status).toBe(403);
  expect((await refused.json()).code).toBe('missing_scope');

  const row = page.getByRole('table', { name: 'API tokens' }).getByRole('row', { name: /Reporting script/ });
  await expect.poll(() => row.textContent()).toContain('users:read');
  expect(await row.textContent()).toContain('Weekly user report to finance');
  expect(await row.textContent()).not.toContain(secret);
});

it('rotates the token after asking: the old secret stops, the new one shown once works', async () => {
  await page.getByRole('button', { name: 'Rotate Reporting script' }).click();
  await page.getByRole('dialog', { name: 'Rotate Reporting script?' }).getByRole('button', { name: 'Rotate' }).click();
  const rotated = page.getByRole('dialog', { name: 'Token rotated' });
  await expect.poll(() => rotated.getByTestId('token-secret').isVisible()).toBe(true);
  const fresh = (await rotated.getByTestId('token-secret').textContent())!.trim();
  await capture(page, JOURNEY, '04-rotated');
  expect(fresh).not.toBe(secret);
  expect((await withToken(secret)).status).toBe(401);
  expect((await withToken(fresh)).status).toBe(200);
  await rotated.getByRole('button', { name: 'Close' }).click();
  secret = fresh;
});

it('revokes the token after asking, and scripts are refused from then on', async () => {
  await page.getByRole('button', { name: 'Revoke Reporting script' }).click();
  await page.getByRole('dialog', { name: 'Revoke Reporting script?' }).getByRole('button', { name: 'Revoke' }).click();
  await expect.poll(() => page.getByRole('table', { name: 'API tokens' }).getByText(/^Revoked/).isVisible()).toBe(true);
  expect((await withToken(secret)).status).toBe(401);
  await capture(page, JOURNEY, '05-revoked');
});
