import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { capture, launchBrowser, newContext } from './support/browser.ts';
import { ConsoleServer } from './support/console-server.ts';
import { signIn } from './support/pages.ts';

const JOURNEY = 'workspaces';
const PERSON = 'two-hats@example.com';
const PASSWORD = 'two hats password';
let server: ConsoleServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await ConsoleServer.start();
  const other = await server.api<{ id: string }>('POST', '/workspaces', { name: 'Research' });
  const { id } = await server.api<{ id: string }>('POST', '/users', { email: PERSON, firstName: 'Two', lastName: 'Hats', userType: 'endUser' });
  await server.api('POST', '/users', { email: PERSON, isAdmin: true }, other.id);
  await server.api('POST', '/users', { email: 'researcher@example.com', firstName: 'Only', lastName: 'Research' }, other.id);
  await server.h.services.accounts.update(id, { password: PASSWORD });
  browser = await launchBrowser();
  page = await (await newContext(browser, server.baseUrl)).newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('switches between the workspaces a person belongs to, with the role of each', async () => {
  await page.goto('/');
  await signIn(page, PERSON, PASSWORD);
  // In Default, their default workspace, the person is an end user: only their account.
  await page.waitForURL('**/account');
  const nav = page.getByRole('navigation', { name: 'Console' });
  expect(await nav.getByRole('link').allTextContents()).toEqual(['My account']);
  const switcher = page.getByLabel('Workspace');
  expect(await switcher.locator('option').allTextContents()).toEqual(['Default', 'Research']);
  await capture(page, JOURNEY, '01-end-user-in-default');

  // In Research they are an admin, and see its members only.
  await switcher.selectOption({ label: 'Research' });
  await page.waitForURL('**/users');
  await expect.poll(() => nav.getByRole('link').allTextContents()).toEqual(['Users', 'Groups', 'User attributes', 'Apps', 'Resources', 'Environments', 'Invites', 'API tokens', 'Audit log', 'Permissions', 'Single sign-on', 'SCIM provisioning', 'My account']);
  await expect.poll(() => page.getByRole('link', { name: 'Only Research' }).isVisible()).toBe(true);
  await capture(page, JOURNEY, '02-admin-in-research');

  // The choice outlives a reload.
  await page.reload();
  await expect.poll(() => page.getByRole('link', { name: 'Only Research' }).isVisible()).toBe(true);
  expect(await page.getByLabel('Workspace').locator('option:checked').textContent()).toBe('Research');
});
