import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ADMIN_EMAIL } from '../helpers/harness.ts';
import { capture, launchBrowser, newContext } from './support/browser.ts';
import { ADMIN_PASSWORD, ConsoleServer } from './support/console-server.ts';
import { signIn } from './support/pages.ts';

const JOURNEY = 'users-search';
let server: ConsoleServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await ConsoleServer.start();
  await server.api('POST', '/users', [
    { email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' },
    { email: 'adam@example.com', firstName: 'Adam', lastName: 'Smith', isAdmin: true },
    { email: 'grace@example.com', firstName: 'Grace', lastName: 'Hopper', userType: 'endUser' },
    { email: 'bob@example.com', firstName: 'Bob', lastName: 'Adams' },
  ]);
  const users = await server.api<{ data: Array<{ id: string; email: string }> }>('GET', '/users');
  const group = await server.api<{ id: number }>('POST', '/groups', { name: 'Analysts' });
  const grace = users.data.find((user) => user.email === 'grace@example.com')!;
  await server.api('POST', `/groups/${group.id}/members`, { userId: grace.id });
  await server.api('PUT', `/users/${grace.id}`, { isDisabled: true });
  browser = await launchBrowser();
  page = await (await newContext(browser, server.baseUrl)).newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const names = () => page.getByRole('row').locator('td:first-child').allInnerTexts();

async function choose(label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

it('searches as one types, the search kept in the address across a reload', async () => {
  await page.goto('/');
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.waitForURL('**/users');
  await expect.poll(() => page.getByText('5 users').isVisible()).toBe(true);
  await page.getByRole('searchbox', { name: 'Search' }).fill('ADA');
  await page.waitForURL('**/users?q=ADA');
  await expect.poll(names).toEqual(['Ada Lovelace', 'Adam Smith', 'Bob Adams']);
  expect(await page.getByText('3 matching users').isVisible()).toBe(true);
  await capture(page, JOURNEY, '01-search');
  await page.reload();
  await expect.poll(names).toEqual(['Ada Lovelace', 'Adam Smith', 'Bob Adams']);
  expect(await page.getByRole('searchbox', { name: 'Search' }).inputValue()).toBe('ADA');
});

it('narrows by role, status and group together, and says when nothing matches', async () => {
  await choose('Role', 'Builder');
  await expect.poll(names).toEqual(['Ada Lovelace', 'Bob Adams']);
  expect(page.url()).toContain('role=builder');
  await page.getByRole('searchbox', { name: 'Search' }).fill('');
  await expect.poll(() => page.url().includes('q=')).toBe(false);
  await choose('Role', 'End user');
  await expect.poll(names).toEqual(['Grace Hopper']);
  await choose('Status', 'Active');
  await expect.poll(() => page.getByText('No users match these filters.').isVisible()).toBe(true);
  await capture(page, JOURNEY, '02-nothing-matches');
  await choose('Status', 'Disabled');
  await choose('Group', 'Analysts');
  await expect.poll(names).toEqual(['Grace Hopper']);
  expect(page.url()).toMatch(/group=\d+/);
  await capture(page, JOURNEY, '03-filters');
});
