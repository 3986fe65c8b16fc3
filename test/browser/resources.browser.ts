import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ADMIN_EMAIL } from '../helpers/harness.ts';
import { capture, launchBrowser, newContext } from './support/browser.ts';
import { ADMIN_PASSWORD, ConsoleServer } from './support/console-server.ts';
import { signIn, signOut } from './support/pages.ts';

const JOURNEY = 'resources';
const BUILDER_EMAIL = 'builder@example.com';
const BUILDER_PASSWORD = 'builder password for resources';
const SECRET = 'hunter2-do-not-show';
const REPLACED = 'a-new-secret-value';
let server: ConsoleServer;
let browser: Browser;
let page: Page;
let resourceId: string;

interface Resource { id: string; name: string; options: Record<string, unknown>; secretNames: string[] }
interface Configuration { environmentName: string; environmentId: string; environmentOptions: Record<string, unknown>; secretSources: Record<string, string> }

beforeAll(async () => {
  server = await ConsoleServer.start();
  await server.api('POST', '/resources', { name: 'warehouse', type: 'snowflake' });
  await server.member(BUILDER_EMAIL, 'builder', BUILDER_PASSWORD);
  browser = await launchBrowser();
  page = await (await newContext(browser, server.baseUrl)).newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const resource = () => server.api<Resource>('GET', `/resources/${resourceId}`);
const configurations = async () => (await server.api<{ data: Configuration[] }>('GET', `/resources/${resourceId}/configurations`)).data;
/** Whether a secret's value appears anywhere on the page, in its text or in any field. */
const pageShows = (value: string) => page.evaluate((text) => document.body.innerText.includes(text)
  || [...document.querySelectorAll('input, textarea')].some((field) => (field as HTMLInputElement).value.includes(text)), value);

it('creates a resource of a known type with a secret, which is never shown back', async () => {
  await page.goto('/resources');
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await expect.poll(() => page.getByRole('link', { name: 'warehouse' }).isVisible()).toBe(true);
  await capture(page, JOURNEY, '01-resources');

  await page.getByRole('button', { name: 'New resource' }).click();
  const dialog = page.getByRole('dialog', { name: 'New resource' });
  await dialog.getByRole('button', { name: 'Create resource' }).click();
  await expect.poll(() => dialog.getByText('Choose a type').isVisible()).toBe(true);
  await dialog.getByLabel('Name', { exact: true }).fill('warehouse');
  await dialog.getByLabel('Type').fill('postgresql');
  await dialog.getByLabel('Secret name (optional)').fill('password');
  await dialog.getByLabel('Secret value').fill(SECRET);
  await dialog.getByRole('button', { name: 'Create resource' }).click();
  await expect.poll(() => dialog.getByText(/already|taken|exists/i).isVisible()).toBe(true);
  await capture(page, JOURNEY, '02-name-taken');
  await dialog.getByLabel('Name', { exact: true }).fill('orders-db');
  await dialog.getByRole('button', { name: 'Create resource' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'orders-db' }).isVisible()).toBe(true);
  resourceId = page.url().split('/').pop()!;
  expect((await resource()).secretNames).toEqual(['password']);
  await expect.poll(() => page.getByRole('table', { name: 'Secrets' }).getByText('set', { exact: true }).isVisible()).toBe(true);
  expect(await pageShows(SECRET)).toBe(false);
  await capture(page, JOURNEY, '03-resource');
});

it('edits the options, and replaces the secret without ever showing it', async () => {
  const options = page.getByRole('region', { name: 'Options' });
  await options.getByRole('button', { name: 'Add option' }).click();
  await options.getByLabel('Options: name 1').fill('host');
  await options.getByLabel('Options: value 1').fill('db.internal');
  await options.getByRole('button', { name: 'Add option' }).click();
  await options.getByLabel('Options: name 2').fill('port');
  await options.getByLabel('Options: value 2').fill('5432');
  await options.getByRole('button', { name: 'Save options' }).click();
  await expect.poll(async () => (await resource()).options).toEqual({ host: 'db.internal', port: 5432 });

  await page.getByRole('button', { name: 'Replace password' }).click();
  const dialog = page.getByRole('dialog', { name: 'Replace password' });
  await dialog.getByRole('button', { name: 'Replace' }).click();
  await expect.poll(() => dialog.getByText('Enter the value').isVisible()).toBe(true);
  await dialog.getByLabel('Value').fill(REPLACED);
  await capture(page, JOURNEY, '04-replace-secret');
  await dialog.getByRole('button', { name: 'Replace' }).click();
  await expect.poll(() => dialog.isVisible()).toBe(false);
  const sealed = await server.h.runtime.database.db.selectFrom('resources').select('secrets').where('id', '=', resourceId).executeTakeFirstOrThrow();
  expect(JSON.stringify(sealed)).not.toContain(REPLACED);
  expect(await pageShows(REPLACED)).toBe(false);
});

it('gives the resource its own options and secret in one environment', async () => {
  const environments = page.getByRole('table', { name: 'Configurations by environment' });
  await environments.getByRole('button', { name: 'Configure staging' }).click();
  const dialog = page.getByRole('dialog', { name: 'In staging' });
  await dialog.getByRole('button', { name: 'Add option' }).click();
  await dialog.getByLabel('Environment options: name 1').fill('host');
  await dialog.getByLabel('Environment options: value 1').fill('staging-db');
  await dialog.getByRole('button', { name: 'Save environment options' }).click();
  await expect.poll(async () => (await configurations()).find((c) => c.environmentName === 'staging')?.environmentOptions).toEqual({ host: 'staging-db' });
  await expect.poll(() => dialog.getByText('host = staging-db, port = 5432').isVisible()).toBe(true);

  await dialog.getByRole('button', { name: 'Replace password' }).click();
  const secret = page.getByRole('dialog', { name: 'Replace password' });
  await secret.getByLabel('Value').fill('staging-secret');
  await secret.getByRole('button', { name: 'Replace' }).click();
  await expect.poll(async () => (await configurations()).find((c) => c.environmentName === 'staging')?.secretSources).toEqual({ password: 'environment' });
  await capture(page, JOURNEY, '05-environment-configuration');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect.poll(() => environments.getByText('own configuration').isVisible()).toBe(true);
  await capture(page, JOURNEY, '06-configurations');

  await environments.getByRole('button', { name: 'Reset staging' }).click();
  await page.getByRole('dialog', { name: 'Reset staging?' }).getByRole('button', { name: 'Reset' }).click();
  await expect.poll(async () => (await configurations()).find((c) => c.environmentName === 'staging')?.secretSources).toEqual({ password: 'resource' });
});

it('shows a builder the resource without edit controls, and their own with them', async () => {
  await signOut(page);
  await page.goto(`/resources/${resourceId}`);
  await signIn(page, BUILDER_EMAIL, BUILDER_PASSWORD);
  await expect.poll(() => page.getByRole('heading', { name: 'orders-db' }).isVisible()).toBe(true);
  await expect.poll(() => page.getByText('db.internal').isVisible()).toBe(true);
  expect(await page.getByRole('button', { name: /Replace|Delete resource|Rename|Add option|Add a secret/ }).count()).toBe(0);
  await capture(page, JOURNEY, '07-builder-read-only');

  await page.goto('/resources');
  await page.getByRole('button', { name: 'New resource' }).click();
  const dialog = page.getByRole('dialog', { name: 'New resource' });
  await dialog.getByLabel('Name', { exact: true }).fill('bea-api');
  await dialog.getByLabel('Type').fill('restapi');
  await dialog.getByRole('button', { name: 'Create resource' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'bea-api' }).isVisible()).toBe(true);
  await expect.poll(() => page.getByRole('button', { name: 'Add a secret' }).isVisible()).toBe(true);
  await expect.poll(() => page.getByRole('button', { name: 'Delete resource' }).isVisible()).toBe(true);
});
