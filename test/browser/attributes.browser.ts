import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ADMIN_EMAIL } from '../helpers/harness.ts';
import { capture, launchBrowser, newContext } from './support/browser.ts';
import { ADMIN_PASSWORD, ConsoleServer } from './support/console-server.ts';
import { signIn } from './support/pages.ts';

const JOURNEY = 'attributes';
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

const names = async () => (await server.api<{ data: { name: string; defaultValue: unknown }[] }>('GET', '/userAttributes')).data;

it('defines a user attribute, checking the name and the default against the type first, and deletes it after asking', async () => {
  await page.goto('/attributes');
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await expect.poll(() => page.getByText('No attributes defined.').isVisible()).toBe(true);
  await capture(page, JOURNEY, '01-no-attributes');

  await page.getByRole('button', { name: 'New attribute' }).click();
  const dialog = page.getByRole('dialog', { name: 'New attribute' });
  await dialog.getByLabel('Name').fill('1st');
  await dialog.getByLabel('Type').selectOption('number');
  await dialog.getByLabel('Default value').fill('lots');
  await dialog.getByRole('button', { name: 'Define attribute' }).click();
  await expect.poll(() => dialog.getByText('Enter a number').isVisible()).toBe(true);
  await expect.poll(() => dialog.getByText('Letters, digits and _, starting with a letter').isVisible()).toBe(true);
  await capture(page, JOURNEY, '02-checked-before-sending');
  expect(await names()).toEqual([]);

  await dialog.getByLabel('Name').fill('level');
  await dialog.getByLabel('Label').fill('Level');
  await dialog.getByLabel('Default value').fill('3');
  await dialog.getByRole('button', { name: 'Define attribute' }).click();
  const table = page.getByRole('table', { name: 'User attributes' });
  await expect.poll(() => table.getByRole('row', { name: /level/ }).isVisible()).toBe(true);
  expect(await names()).toMatchObject([{ name: 'level', defaultValue: 3 }]);
  await capture(page, JOURNEY, '03-attribute-defined');

  // An admin sets a member's value on their page, checked against the type first.
  const { id } = await server.api<{ id: string }>('POST', '/users', { email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' });
  await page.goto(`/users/${id}`);
  const value = page.getByLabel('Value of level');
  await expect.poll(() => value.inputValue()).toBe('3');
  await value.fill('high');
  await page.getByRole('button', { name: 'Save level' }).click();
  await expect.poll(() => page.getByText('Enter a number').isVisible()).toBe(true);
  await value.fill('5');
  await page.getByRole('button', { name: 'Save level' }).click();
  await expect.poll(async () => (await server.api<{ attributes: Record<string, unknown> }>('GET', `/users/${id}`)).attributes).toEqual({ level: 5 });
  await capture(page, JOURNEY, '04-member-value');

  await page.goto('/attributes');
  await table.getByRole('button', { name: 'Delete level' }).click();
  await page.getByRole('dialog', { name: 'Delete level?' }).getByRole('button', { name: 'Delete' }).click();
  await expect.poll(() => page.getByText('No attributes defined.').isVisible()).toBe(true);
  expect(await names()).toEqual([]);
});
