import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { acceptLinkOf } from '../helpers/smtp.ts';
import { capture, launchBrowser, newContext } from './support/browser.ts';
import { ConsoleServer } from './support/console-server.ts';
import { signIn } from './support/pages.ts';

const JOURNEY = 'invite';
const BUILDER = 'builder@example.com';
const BUILDER_PASSWORD = 'builder password 1';
let server: ConsoleServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await ConsoleServer.start();
  await server.api('PATCH', `/workspaces/${server.h.defaultWorkspaceId}`, { domains: ['example.com'] });
  browser = await launchBrowser();
  page = await (await newContext(browser, server.baseUrl)).newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('a builder accepts the emailed invitation, goes on to the console, signs in and sees only what they may', async () => {
  await server.api('POST', '/invites', { email: BUILDER, role: 'builder' });
  await expect.poll(() => server.smtp.to(BUILDER).length).toBe(1);
  const link = acceptLinkOf(server.smtp.to(BUILDER)[0]!);

  await page.goto(link.url);
  await page.getByLabel('First name').fill('Barbara');
  await page.getByLabel('Last name').fill('Liskov');
  await page.getByLabel(/^Password/).fill(BUILDER_PASSWORD);
  await page.getByRole('button', { name: 'Accept invitation' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Welcome to Default' }).isVisible()).toBe(true);
  await page.getByRole('link', { name: 'Sign in to the console' }).click();

  await signIn(page, BUILDER, BUILDER_PASSWORD);
  await page.waitForURL('**/users');
  const nav = page.getByRole('navigation', { name: 'Console' });
  expect(await nav.getByRole('link').allTextContents()).toEqual(['Users', 'My account']);
  await expect.poll(() => page.getByRole('link', { name: 'Barbara Liskov' }).isVisible()).toBe(true);
  await capture(page, JOURNEY, '01-builder-users');

  // A builder reads a member but is offered no change of role or status: the server would refuse it.
  await page.getByRole('link', { name: 'Barbara Liskov' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Barbara Liskov' }).isVisible()).toBe(true);
  expect(await page.getByLabel('Role', { exact: true }).count()).toBe(0);
  expect(await page.getByRole('button', { name: 'Disable' }).count()).toBe(0);
  await capture(page, JOURNEY, '02-builder-user-detail');
});
