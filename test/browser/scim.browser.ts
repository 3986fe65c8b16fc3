import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ADMIN_EMAIL } from '../helpers/harness.ts';
import { capture, launchBrowser, newContext } from './support/browser.ts';
import { ADMIN_PASSWORD, ConsoleServer } from './support/console-server.ts';
import { signIn } from './support/pages.ts';

const JOURNEY = 'scim';
let server: ConsoleServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await ConsoleServer.start();
  browser = await launchBrowser();
  page = await (await newContext(browser, server.baseUrl)).newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('an admin copies the SCIM base URL and a SCIM token shown once, which a provider can then use', async () => {
  await page.goto('/');
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.getByRole('link', { name: 'SCIM provisioning' }).click();
  const baseUrl = await page.getByTestId('scim-base-url').innerText();
  expect(baseUrl).toBe(`${server.baseUrl}/scim/v2`);
  await page.getByRole('button', { name: 'Create SCIM token' }).click();
  const secret = await page.getByTestId('token-secret').innerText();
  expect(secret).toMatch(/^tp_/);
  await capture(page, JOURNEY, '01-scim-setup');

  const users = await fetch(`${baseUrl}/Users`, { headers: { authorization: `Bearer ${secret}` } });
  expect(users.status).toBe(200);
  expect((await users.json()).totalResults).toBeGreaterThan(0);
  const native = await fetch(`${server.baseUrl}/api/v1/users`, { headers: { authorization: `Bearer ${secret}` } });
  expect(native.status).toBe(403);
  const tokens = await server.api<{ data: Array<{ name: string; scopes: string[] }> }>('GET', '/tokens');
  expect(tokens.data.find((token) => token.name === 'SCIM provisioning')?.scopes.sort()).toEqual(['scim:read', 'scim:write']);
});
