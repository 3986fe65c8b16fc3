import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ADMIN_EMAIL } from '../helpers/harness.ts';
import { capture, launchBrowser, newContext } from './support/browser.ts';
import { ADMIN_PASSWORD, ConsoleServer } from './support/console-server.ts';
import { signIn } from './support/pages.ts';

const JOURNEY = 'audit';
let server: ConsoleServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await ConsoleServer.start();
  await server.api('POST', '/users', Array.from({ length: 70 }, (_, index) => ({ email: `person${index}@example.com` })));
  await server.api('POST', '/groups', { name: 'Auditors' });
  browser = await launchBrowser();
  page = await (await newContext(browser, server.baseUrl)).newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('shows the newest events first, loads older ones on scrolling, filters by action, and links each event to its target', async () => {
  await page.goto('/audit');
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  const table = page.getByRole('table', { name: 'Audit events' });
  await expect.poll(() => table.getByRole('row').count()).toBeGreaterThan(50);
  // Newest first: the admin's sign-in, then the group made before it.
  expect(await table.getByRole('row').nth(1).textContent()).toContain('auth.signed_in');
  const group = table.getByRole('row').nth(2);
  expect(await group.textContent()).toContain('group.created');
  expect(await group.textContent()).toContain('+ name: "Auditors"');
  await capture(page, JOURNEY, '01-audit-log');

  // Scrolling to the end loads the older events on the cursor.
  await page.getByText(/Load more|The beginning of the log/).scrollIntoViewIfNeeded();
  await expect.poll(() => page.getByText('The beginning of the log.').isVisible()).toBe(true);
  expect(await table.getByRole('row').count()).toBeGreaterThan(72);

  await page.getByLabel('Action').fill('group.created');
  await expect.poll(() => table.getByRole('row').count()).toBe(2);
  await capture(page, JOURNEY, '02-filtered');
  await table.getByRole('link', { name: /^group / }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Auditors' }).isVisible()).toBe(true);

  await page.goto('/audit');
  await page.getByLabel('Action').fill('no.such.action');
  await expect.poll(() => page.getByText('No events match.').isVisible()).toBe(true);
});
