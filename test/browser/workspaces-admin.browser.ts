import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ADMIN_EMAIL } from '../helpers/harness.ts';
import { capture, launchBrowser, newContext } from './support/browser.ts';
import { ADMIN_PASSWORD, ConsoleServer } from './support/console-server.ts';
import { signIn } from './support/pages.ts';

const JOURNEY = 'workspaces-admin';
let server: ConsoleServer;
let browser: Browser;
let page: Page;

interface Workspace {
  name: string;
  domains: string[];
  status: string;
}

beforeAll(async () => {
  server = await ConsoleServer.start();
  browser = await launchBrowser();
  page = await (await newContext(browser, server.baseUrl)).newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const workspace = async (name: string) => (await server.api<{ data: Workspace[] }>('GET', '/workspaces')).data.find((item) => item.name === name);

it('an instance admin creates a workspace with its email domains, changes them, archives it after asking and restores it', async () => {
  await page.goto('/workspaces');
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  const table = page.getByRole('table', { name: 'Workspaces' });
  await expect.poll(() => table.getByRole('row', { name: /Default/ }).isVisible()).toBe(true);
  // The default workspace cannot be archived: it is not offered.
  expect(await table.getByRole('button', { name: 'Archive Default' }).count()).toBe(0);
  await capture(page, JOURNEY, '01-workspaces');

  await page.getByRole('button', { name: 'New workspace' }).click();
  const dialog = page.getByRole('dialog', { name: 'New workspace' });
  await dialog.getByLabel('Name').fill('Research');
  await dialog.getByLabel('Email domains').fill('not a domain');
  await dialog.getByRole('button', { name: 'Create workspace' }).click();
  await expect.poll(() => dialog.getByText('Domains like example.com, separated by commas').isVisible()).toBe(true);
  await dialog.getByLabel('Email domains').fill('Research.example, lab.example');
  await dialog.getByRole('button', { name: 'Create workspace' }).click();
  await expect.poll(() => workspace('Research')).toMatchObject({ domains: ['research.example', 'lab.example'], status: 'active' });

  await table.getByRole('button', { name: 'Edit Research' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit Research' });
  await edit.getByLabel('Email domains').fill('research.example');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect.poll(async () => (await workspace('Research'))?.domains).toEqual(['research.example']);

  await table.getByRole('button', { name: 'Archive Research' }).click();
  const archive = page.getByRole('dialog', { name: 'Archive Research?' });
  await expect.poll(() => archive.isVisible()).toBe(true);
  await capture(page, JOURNEY, '02-archive-confirm');
  await archive.getByRole('button', { name: 'Archive' }).click();
  await expect.poll(async () => (await workspace('Research'))?.status).toBe('archived');
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  await table.getByRole('button', { name: 'Restore Research' }).click();
  await expect.poll(async () => (await workspace('Research'))?.status).toBe('active');
  await capture(page, JOURNEY, '03-restored');
});
