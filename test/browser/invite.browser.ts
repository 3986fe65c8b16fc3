import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ADMIN_EMAIL } from '../helpers/harness.ts';
import { acceptLinkOf } from '../helpers/smtp.ts';
import { capture, launchBrowser, newContext } from './support/browser.ts';
import { ADMIN_PASSWORD, ConsoleServer } from './support/console-server.ts';
import { signIn, signOut } from './support/pages.ts';

const JOURNEY = 'invite';
const BUILDER = 'builder@example.com';
const BUILDER_PASSWORD = 'builder password 1';
const CSV = [
  'name,email,role',
  'Barbara,builder@example.com,builder',
  'Edsger,edsger@example.com,',
  'Nobody,not-an-email,builder',
  'Outsider,someone@elsewhere.test,builder',
].join('\n');

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

it('the first admin invites people from a CSV file and sees each row\'s result', async () => {
  await page.goto('/');
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Invite people' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite people' });
  await dialog.getByText('Upload a CSV file').click();
  await dialog.locator('input[type=file]').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await expect.poll(() => dialog.getByText('people.csv: 4 rows').isVisible()).toBe(true);
  await capture(page, JOURNEY, '01-invite-csv');

  await dialog.getByRole('button', { name: 'Invite 4 people' }).click();
  await expect.poll(() => dialog.getByRole('status').textContent()).toContain('2 of 4 invited');
  const results = dialog.getByRole('table', { name: 'Invite results' });
  expect(await results.getByRole('row').allInnerTexts()).toEqual([
    expect.stringMatching(/Line\s+Email\s+Result/),
    expect.stringMatching(/2\s+builder@example.com\s+Invited/),
    expect.stringMatching(/3\s+edsger@example.com\s+Invited/),
    expect.stringMatching(/4\s+not-an-email\s+Not an email address/),
    expect.stringMatching(/5\s+someone@elsewhere.test\s+.*external.*\(field: role\)/),
  ]);
  await capture(page, JOURNEY, '02-invite-results');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await signOut(page);
});

it('the builder accepts through the emailed link, goes on to the console, signs in and sees only what they may', async () => {
  await expect.poll(() => server.smtp.to(BUILDER).length).toBe(1);
  await page.goto(acceptLinkOf(server.smtp.to(BUILDER)[0]!).url);
  await page.getByLabel('First name').fill('Barbara');
  await page.getByLabel('Last name').fill('Liskov');
  await page.getByLabel(/^Password/).fill(BUILDER_PASSWORD);
  await page.getByRole('button', { name: 'Accept invitation' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Welcome to Default' }).isVisible()).toBe(true);
  await page.getByRole('link', { name: 'Sign in to the console' }).click();

  await signIn(page, BUILDER, BUILDER_PASSWORD);
  await page.waitForURL('**/users');
  const nav = page.getByRole('navigation', { name: 'Console' });
  expect(await nav.getByRole('link').allTextContents()).toEqual(['Users', 'Groups', 'User attributes', 'Apps', 'Resources', 'Environments', 'My account']);
  await expect.poll(() => page.getByRole('link', { name: 'Barbara Liskov' }).isVisible()).toBe(true);
  expect(await page.getByRole('button', { name: 'Invite people' }).count()).toBe(0);
  await capture(page, JOURNEY, '03-builder-users');

  // A builder reads a member but is offered no change of role or status: the server would refuse it.
  await page.getByRole('link', { name: 'Barbara Liskov' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Barbara Liskov' }).isVisible()).toBe(true);
  expect(await page.getByLabel('Role', { exact: true }).count()).toBe(0);
  expect(await page.getByRole('button', { name: 'Disable' }).count()).toBe(0);
  await capture(page, JOURNEY, '04-builder-user-detail');
});
