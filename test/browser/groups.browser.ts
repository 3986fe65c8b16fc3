import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ADMIN_EMAIL } from '../helpers/harness.ts';
import { capture, expectAccessibleHoveredAndFocused, launchBrowser, newContext } from './support/browser.ts';
import { ADMIN_PASSWORD, ConsoleServer } from './support/console-server.ts';
import { signIn } from './support/pages.ts';

const JOURNEY = 'groups';
let server: ConsoleServer;
let browser: Browser;
let page: Page;
let adaId: string;

beforeAll(async () => {
  server = await ConsoleServer.start();
  ({ id: adaId } = await server.api<{ id: string }>('POST', '/users', { email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' }));
  await server.api('POST', '/groups', { name: 'Existing' });
  browser = await launchBrowser();
  page = await (await newContext(browser, server.baseUrl)).newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const groupNames = async () => (await server.api<{ data: { name: string }[] }>('GET', '/groups')).data.map((group) => group.name).sort();

it('creates a group, checking the name before sending and showing the server\'s refusal on the field', async () => {
  await page.goto('/groups');
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await expect.poll(() => page.getByRole('link', { name: 'Existing' }).isVisible()).toBe(true);
  await capture(page, JOURNEY, '01-groups');
  // Hover and keyboard focus keep their contrast: navigation, a row's link, a button.
  const nav = page.getByRole('navigation', { name: 'Console' });
  await expectAccessibleHoveredAndFocused(page, [
    nav.getByRole('link', { name: 'Groups' }), nav.getByRole('link', { name: 'Users' }),
    page.getByRole('button', { name: 'New group' }), page.getByRole('link', { name: 'Existing' }),
  ]);

  await page.getByRole('button', { name: 'New group' }).click();
  const dialog = page.getByRole('dialog', { name: 'New group' });
  await expectAccessibleHoveredAndFocused(page, [dialog.getByLabel('Name'), dialog.getByRole('button', { name: 'Create group' }), dialog.getByRole('button', { name: 'Close' })]);
  await dialog.getByRole('button', { name: 'Create group' }).click();
  await expect.poll(() => dialog.getByText('Enter a name').isVisible()).toBe(true);
  await dialog.getByLabel('Name').fill('Existing');
  await dialog.getByRole('button', { name: 'Create group' }).click();
  await expect.poll(() => dialog.getByText(/already|taken|exists/i).isVisible()).toBe(true);
  await capture(page, JOURNEY, '02-name-taken');
  expect(await groupNames()).toEqual(['Existing']);

  await dialog.getByLabel('Name').fill('Engineering');
  await dialog.getByRole('button', { name: 'Create group' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Engineering' }).isVisible()).toBe(true);
  await expect.poll(() => page.getByText('No members. Add people from their page under Users.').isVisible()).toBe(true);
  await capture(page, JOURNEY, '03-new-group-empty');
});

it('adds a member from their page, lists them in the group, and removes them after asking', async () => {
  await page.goto(`/users/${adaId}`);
  await page.getByLabel('Add to group').selectOption({ label: 'Engineering' });
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect.poll(() => page.getByRole('region', { name: 'Groups' }).getByRole('link', { name: 'Engineering' }).isVisible()).toBe(true);
  await capture(page, JOURNEY, '04-user-in-group');
  await expectAccessibleHoveredAndFocused(page, [page.getByRole('region', { name: 'Groups' }).getByRole('link', { name: 'Engineering' })]);

  await page.getByRole('region', { name: 'Groups' }).getByRole('link', { name: 'Engineering' }).click();
  const members = page.getByRole('table', { name: 'Members' });
  await expect.poll(() => members.getByRole('link', { name: 'ada@example.com' }).isVisible()).toBe(true);
  await capture(page, JOURNEY, '05-group-members');
  await expectAccessibleHoveredAndFocused(page, [
    page.getByRole('link', { name: '← Groups' }), page.getByRole('button', { name: 'Delete group' }), page.getByLabel('Name'),
    members.getByRole('link', { name: 'ada@example.com' }), members.getByRole('button', { name: 'Remove ada@example.com' }),
  ]);
  await members.getByRole('button', { name: 'Remove ada@example.com' }).click();
  await expectAccessibleHoveredAndFocused(page, [page.getByRole('dialog').getByRole('button', { name: 'Cancel' }), page.getByRole('dialog').getByRole('button', { name: 'Remove' })]);
  await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
  await expect.poll(() => page.getByText('No members. Add people from their page under Users.').isVisible()).toBe(true);
});

it('renames the group and deletes it after asking', async () => {
  await page.getByLabel('Name').fill('Platform');
  await page.getByRole('button', { name: 'Rename' }).click();
  await expect.poll(groupNames).toEqual(['Existing', 'Platform']);
  await page.getByRole('button', { name: 'Delete group' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete Platform?' });
  await expectAccessibleHoveredAndFocused(page, [confirm.getByRole('button', { name: 'Cancel' }), confirm.getByRole('button', { name: 'Delete group' })]);
  await confirm.getByRole('button', { name: 'Delete group' }).click();
  await page.waitForURL('**/groups');
  await expect.poll(groupNames).toEqual(['Existing']);
});
