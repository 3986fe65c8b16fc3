import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ADMIN_EMAIL } from '../helpers/harness.ts';
import { DESKTOP, capture, expectAccessible, expectAccessibleHoveredAndFocused, launchBrowser, newContext } from './support/browser.ts';
import { ADMIN_PASSWORD, ConsoleServer } from './support/console-server.ts';
import { signIn } from './support/pages.ts';

const JOURNEY = 'users';
let server: ConsoleServer;
let browser: Browser;
let page: Page;

interface Member {
  isAdmin: boolean;
  userType: string;
  isDisabled: boolean;
}

beforeAll(async () => {
  server = await ConsoleServer.start();
  const people = Array.from({ length: 60 }, (_, index) => ({
    email: `person${String(index).padStart(2, '0')}@example.com`, firstName: 'Person', lastName: String(index).padStart(2, '0'),
  }));
  await server.api('POST', '/users', people);
  browser = await launchBrowser();
  page = await (await newContext(browser, server.baseUrl)).newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('pages through the members on the server, the page kept in the address', async () => {
  await page.goto('/');
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.waitForURL('**/users');
  await expect.poll(() => page.getByText('61 users').isVisible()).toBe(true);
  expect(await page.getByRole('row').count()).toBe(51);
  await capture(page, JOURNEY, '01-users-page-1');

  // Hover and keyboard focus keep their contrast: navigation, a row's link, buttons, a filter and its options, a menu item.
  const nav = page.getByRole('navigation', { name: 'Console' });
  await expectAccessibleHoveredAndFocused(page, [
    nav.getByRole('link', { name: 'Users' }), nav.getByRole('link', { name: 'Groups' }),
    page.getByRole('button', { name: 'Invite people' }), page.getByRole('searchbox', { name: 'Search' }), page.getByRole('link', { name: 'Person 00' }),
    page.getByRole('button', { name: 'Page 2' }), page.getByRole('button', { name: 'next page' }),
  ]);
  for (const [filter, option] of [['Role', 'Builder'], ['Status', 'Disabled']] as const) {
    await page.getByRole('combobox', { name: filter, exact: true }).click();
    await page.getByRole('option', { name: option, exact: true }).hover();
    await expectAccessible(page);
    await page.keyboard.press('Escape');
  }
  await page.getByRole('button', { name: /^Account of/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).hover();
  await expectAccessible(page);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Page 2' }).click();
  await page.waitForURL('**/users?page=2');
  await expect.poll(() => page.getByRole('row').count()).toBe(12);
  await expect.poll(() => page.getByRole('link', { name: 'Person 59' }).isVisible()).toBe(true);
  await page.reload();
  await expect.poll(() => page.getByRole('link', { name: 'Person 59' }).isVisible()).toBe(true);
});

it('changes a member\'s role, and disables them after asking, then enables them again', async () => {
  await page.getByRole('link', { name: 'Person 59' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Person 59' }).isVisible()).toBe(true);
  const id = page.url().split('/').pop()!;
  const member = () => server.api<Member>('GET', `/users/${id}`);
  await expectAccessibleHoveredAndFocused(page, [
    page.getByRole('link', { name: '← Users' }), page.getByLabel('Role', { exact: true }),
    page.getByRole('button', { name: 'Disable' }),
  ]);

  await page.getByLabel('Role', { exact: true }).selectOption('end-user');
  await expect.poll(async () => (await member()).userType).toBe('endUser');
  await page.getByLabel('Role', { exact: true }).selectOption('admin');
  await expect.poll(async () => (await member()).isAdmin).toBe(true);

  await page.getByRole('button', { name: 'Disable' }).click();
  const dialog = page.getByRole('dialog', { name: 'Disable this user?' });
  await expect.poll(() => dialog.isVisible()).toBe(true);
  await capture(page, JOURNEY, '02-disable-confirm');
  await expectAccessibleHoveredAndFocused(page, [dialog.getByRole('button', { name: 'Cancel' }), dialog.getByRole('button', { name: 'Disable' })]);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(() => dialog.count()).toBe(0);
  expect((await member()).isDisabled).toBe(false);

  await page.getByRole('button', { name: 'Disable' }).click();
  await dialog.getByRole('button', { name: 'Disable' }).click();
  await expect.poll(() => dialog.count()).toBe(0);
  await expect.poll(async () => (await member()).isDisabled).toBe(true);
  await expect.poll(() => page.getByRole('button', { name: 'Re-enable' }).isVisible()).toBe(true);
  await capture(page, JOURNEY, '03-user-disabled');
  await expectAccessibleHoveredAndFocused(page, [page.getByRole('button', { name: 'Re-enable' })]);

  await page.getByRole('button', { name: 'Re-enable' }).click();
  await expect.poll(async () => (await member()).isDisabled).toBe(false);
});

it('shows the server\'s refusal with its message: the last admin cannot be made a builder', async () => {
  await page.goto('/users');
  await page.getByRole('link', { name: ADMIN_EMAIL }).click();
  await expect.poll(() => page.getByRole('heading', { name: ADMIN_EMAIL }).isVisible()).toBe(true);
  // Person 59 is an admin too now; make them end user again so the first admin is the last one.
  const { data } = await server.api<{ data: { id: string; lastName: string }[] }>('GET', '/users?page=2&pageSize=50');
  await server.api('PUT', `/users/${data.find((user) => user.lastName === '59')!.id}`, { isAdmin: false });
  await page.getByLabel('Role', { exact: true }).selectOption('builder');
  await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/admin/i);
  await capture(page, JOURNEY, '04-refused-last-admin');
});

it('opened at /users, asks for the rows and the page\'s code without waiting for the person, and for the rows once', async () => {
  const context = await browser.newContext({ baseURL: server.baseUrl, viewport: DESKTOP, storageState: await page.context().storageState() });
  const cold = await context.newPage();
  const sent: string[] = [];
  cold.on('request', (request) => sent.push(new URL(request.url()).pathname));
  const pageCodeAndRowsAsked = () => sent.some((path) => /^\/assets\/UsersPage-.*\.js$/.test(path)) && sent.includes('/api/v1/users');
  // The person's answer is held until the page's code and rows have been asked for, or 5 s.
  let askedBeforePerson = false;
  await cold.route('**/api/v1/me', async (route) => {
    const until = Date.now() + 5_000;
    while (!pageCodeAndRowsAsked() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
    askedBeforePerson = pageCodeAndRowsAsked();
    await route.continue();
  });
  await cold.goto('/users');
  await expect.poll(() => cold.getByText('61 users').isVisible()).toBe(true);
  expect(askedBeforePerson).toBe(true);
  expect(sent.filter((path) => path === '/api/v1/users')).toHaveLength(1);
  await context.close();
});
