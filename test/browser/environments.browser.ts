import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ADMIN_EMAIL } from '../helpers/harness.ts';
import { capture, launchBrowser, newContext } from './support/browser.ts';
import { ADMIN_PASSWORD, ConsoleServer } from './support/console-server.ts';
import { signIn, signOut } from './support/pages.ts';

const JOURNEY = 'environments';
const BUILDER_EMAIL = 'builder@example.com';
const BUILDER_PASSWORD = 'builder password for environments';
let server: ConsoleServer;
let browser: Browser;
let page: Page;

interface Environment { id: string; name: string; color: string | null; isDefault: boolean }

beforeAll(async () => {
  server = await ConsoleServer.start();
  await server.member(BUILDER_EMAIL, 'builder', BUILDER_PASSWORD);
  browser = await launchBrowser();
  page = await (await newContext(browser, server.baseUrl)).newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const environments = async () => (await server.api<{ data: Environment[] }>('GET', '/environments')).data;
const names = async () => (await environments()).map((environment) => environment.name);
const table = () => page.getByRole('table', { name: 'Environments' });

it('lists the environments and creates one, checking the colour and showing a taken name on the field', async () => {
  await page.goto('/environments');
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await expect.poll(() => table().getByText('production').isVisible()).toBe(true);
  await capture(page, JOURNEY, '01-environments');

  await page.getByRole('button', { name: 'New environment' }).click();
  const dialog = page.getByRole('dialog', { name: 'New environment' });
  await dialog.getByLabel('Name').fill('staging');
  await dialog.getByLabel('Colour').fill('blue');
  await dialog.getByRole('button', { name: 'Create environment' }).click();
  await expect.poll(() => dialog.getByText('A colour as #rrggbb').isVisible()).toBe(true);
  await dialog.getByLabel('Colour').fill('#a855f7');
  await dialog.getByRole('button', { name: 'Create environment' }).click();
  await expect.poll(() => dialog.getByText(/already|taken|exists/i).isVisible()).toBe(true);
  await capture(page, JOURNEY, '02-name-taken');
  await dialog.getByLabel('Name').fill('qa');
  await dialog.getByRole('button', { name: 'Create environment' }).click();
  await expect.poll(() => table().getByText('qa', { exact: true }).isVisible()).toBe(true);
  expect((await environments()).find((environment) => environment.name === 'qa')?.color).toBe('#a855f7');
});

it('renames one, makes it the default, and deletes another after asking (never the default)', async () => {
  await table().getByRole('button', { name: 'Rename qa' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename qa' });
  await rename.getByLabel('Name').fill('testing');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect.poll(names).toEqual(['development', 'staging', 'production', 'testing']);

  await table().getByRole('button', { name: 'Make default: testing' }).click();
  await expect.poll(async () => (await environments()).find((environment) => environment.isDefault)?.name).toBe('testing');
  await expect.poll(() => table().getByRole('button', { name: 'Delete testing' }).count()).toBe(0);
  await capture(page, JOURNEY, '03-new-default');

  await table().getByRole('button', { name: 'Delete development' }).click();
  await page.getByRole('dialog', { name: 'Delete development?' }).getByRole('button', { name: 'Delete' }).click();
  await expect.poll(names).toEqual(['staging', 'production', 'testing']);
});

it('shows a builder the environments without the controls to change them', async () => {
  await signOut(page);
  await page.goto('/environments');
  await signIn(page, BUILDER_EMAIL, BUILDER_PASSWORD);
  await expect.poll(() => table().getByText('testing').isVisible()).toBe(true);
  expect(await page.getByRole('button', { name: /New environment|Rename|Delete|Make/ }).count()).toBe(0);
  await capture(page, JOURNEY, '04-builder');
});
