import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ADMIN_EMAIL } from '../helpers/harness.ts';
import { DESKTOP, PHONE, capture, expectAccessible, expectAccessibleHoveredAndFocused, launchBrowser, newContext } from './support/browser.ts';
import { ADMIN_PASSWORD, ConsoleServer } from './support/console-server.ts';
import { signIn, signOut } from './support/pages.ts';

const JOURNEY = 'apps';
const BUILDER_EMAIL = 'builder@example.com';
const BUILDER_PASSWORD = 'builder password for apps';
let server: ConsoleServer;
let browser: Browser;
let page: Page;
let salesId: string;
let builderId: string;

interface Named { id: string; name: string; folderId?: string; parentFolderId?: string }

beforeAll(async () => {
  server = await ConsoleServer.start();
  ({ id: salesId } = await server.api<Named>('POST', '/folders', { name: 'Sales', folderType: 'app' }));
  await server.api('POST', '/folders', { name: 'Reports', folderType: 'app', parentFolderId: salesId });
  await server.api('POST', '/apps', { name: 'Orders', description: 'Order admin' });
  await server.api('POST', '/apps', { name: 'Pipeline', folderId: salesId });
  builderId = await server.member(BUILDER_EMAIL, 'builder', BUILDER_PASSWORD);
  browser = await launchBrowser();
  page = await (await newContext(browser, server.baseUrl)).newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const apps = async () => (await server.api<{ data: Named[] }>('GET', '/apps')).data;
const folders = async () => (await server.api<{ data: Named[] }>('GET', '/folders?folderType=app')).data;
const folderOf = async (name: string) => (await apps()).find((app) => app.name === name)?.folderId ?? null;
const item = (attribute: 'app' | 'folder', name: string) => page.locator(`li[data-${attribute}="${name}"]`).first();

it('shows apps and folders as one tree, and creates a folder and an app in it', async () => {
  await page.goto('/apps');
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await expect.poll(() => item('folder', 'Sales').getByRole('link', { name: 'Pipeline' }).isVisible()).toBe(true);
  await expect.poll(() => item('folder', 'Reports').isVisible()).toBe(true);
  await capture(page, JOURNEY, '01-tree');

  // Hover and keyboard focus keep their contrast: the active navigation link, a tree entry, a button, a menu item.
  await expectAccessibleHoveredAndFocused(page, [
    page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Apps' }),
    page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Groups' }),
    page.getByRole('button', { name: 'New app' }),
    page.getByRole('treeitem', { name: 'Pipeline' }),
  ]);
  await page.getByRole('button', { name: /^Account of/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).hover();
  await expectAccessible(page);
  await page.keyboard.press('Escape');

  // At 390 px the navigation is a drawer: closed, it is out of reach (inert), not just off screen.
  await page.setViewportSize(PHONE);
  const burger = page.getByRole('button', { name: 'Navigation' });
  const nav = page.getByRole('navigation', { name: 'Console' });
  await expect.poll(() => nav.getAttribute('inert')).toBe('');
  expect(await burger.getAttribute('aria-expanded')).toBe('false');
  await burger.click();
  await expect.poll(() => nav.getAttribute('inert')).toBeNull();
  expect(await burger.getAttribute('aria-expanded')).toBe('true');
  // Escape, from a link in the drawer or from the burger, closes it and gives the focus back to the burger.
  const burgerFocused = () => burger.evaluate((element) => element === document.activeElement);
  await nav.getByRole('link', { name: 'Groups' }).focus();
  await page.keyboard.press('Escape');
  await expect.poll(() => nav.getAttribute('inert')).toBe('');
  expect(await burger.getAttribute('aria-expanded')).toBe('false');
  expect(await burgerFocused()).toBe(true);
  await page.keyboard.press('Enter');
  await expect.poll(() => nav.getAttribute('inert')).toBeNull();
  await page.keyboard.press('Escape');
  await expect.poll(() => nav.getAttribute('inert')).toBe('');
  expect(await burgerFocused()).toBe(true);
  await burger.click();
  await expect.poll(() => nav.getAttribute('inert')).toBeNull();
  await nav.getByRole('link', { name: 'Resources' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Resources' }).isVisible()).toBe(true);
  await expect.poll(() => nav.getAttribute('inert')).toBe('');
  await page.setViewportSize(DESKTOP);
  await expect.poll(() => nav.getAttribute('inert')).toBeNull();
  await page.goto('/apps');

  await page.getByRole('button', { name: 'New folder' }).click();
  const folderDialog = page.getByRole('dialog', { name: 'New folder' });
  await folderDialog.getByRole('button', { name: 'Create folder' }).click();
  await expect.poll(() => folderDialog.getByText('Enter a name').isVisible()).toBe(true);
  await folderDialog.getByLabel('Name').fill('Reports');
  await folderDialog.getByLabel('In').selectOption({ label: 'Sales' });
  await folderDialog.getByRole('button', { name: 'Create folder' }).click();
  await expect.poll(() => folderDialog.getByText(/already|taken|exists/i).isVisible()).toBe(true);
  await capture(page, JOURNEY, '02-folder-name-taken');
  await folderDialog.getByLabel('Name').fill('Finance');
  await folderDialog.getByLabel('In').selectOption({ label: 'Top level' });
  await folderDialog.getByRole('button', { name: 'Create folder' }).click();
  await expect.poll(() => item('folder', 'Finance').isVisible()).toBe(true);

  await page.getByRole('button', { name: 'New app' }).click();
  const appDialog = page.getByRole('dialog', { name: 'New app' });
  await appDialog.getByLabel('Name').fill('Invoices');
  await appDialog.getByLabel('In').selectOption({ label: 'Finance' });
  await appDialog.getByRole('button', { name: 'Create app' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Invoices' }).isVisible()).toBe(true);
  await expect.poll(() => page.getByRole('table', { name: 'Versions' }).getByText('v1').isVisible()).toBe(true);
  await capture(page, JOURNEY, '03-app-detail');
  await page.getByRole('button', { name: 'Delete app' }).hover();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Export v1' }).hover();
  await expectAccessible(page);
  const finance = (await folders()).find((folder) => folder.name === 'Finance')!;
  expect(await folderOf('Invoices')).toBe(finance.id);
});

it('is a tree driven by keyboard alone: one tab stop, arrows move, open and close folders, Home and End, type-ahead, Enter opens', async () => {
  // Finance (Invoices), Sales (Reports, Pipeline), Orders.
  await page.goto('/apps');
  const tree = page.getByRole('tree', { name: 'Apps and folders' });
  await expect.poll(() => tree.getByRole('treeitem', { name: 'Invoices' }).isVisible()).toBe(true);
  const focused = () => page.evaluate(() => `${document.activeElement?.getAttribute('role')} ${document.activeElement?.getAttribute('aria-label')}`);
  const expanded = (name: string) => tree.getByRole('treeitem', { name, exact: true }).getAttribute('aria-expanded');
  const press = async (key: string, focus: string) => {
    await page.keyboard.press(key);
    await expect.poll(focused).toBe(`treeitem ${focus}`);
  };
  expect(await tree.locator('[role=treeitem][tabindex="0"]').count()).toBe(1);

  await page.getByRole('button', { name: 'New app' }).focus();
  await press('Tab', 'Finance folder');
  expect(await tree.getByRole('treeitem', { name: 'Finance folder' }).getAttribute('aria-level')).toBe('1');
  await press('ArrowDown', 'Invoices');
  expect(await tree.getByRole('treeitem', { name: 'Invoices' }).getAttribute('aria-level')).toBe('2');
  await press('ArrowDown', 'Sales folder');
  await press('ArrowRight', 'Reports folder'); // Sales is open: the key enters it
  await press('ArrowLeft', 'Sales folder');
  await press('ArrowLeft', 'Sales folder');
  await expect.poll(() => expanded('Sales folder')).toBe('false');
  expect(await tree.getByRole('treeitem', { name: 'Pipeline' }).count()).toBe(0);
  await press('ArrowDown', 'Orders');
  await press('ArrowUp', 'Sales folder');
  await press('ArrowRight', 'Sales folder');
  await expect.poll(() => expanded('Sales folder')).toBe('true');
  await press('End', 'Orders');
  await press('ArrowUp', 'Pipeline');
  expect(await tree.getByRole('treeitem', { name: 'Pipeline' }).getAttribute('aria-level')).toBe('2');
  await press('Home', 'Finance folder');
  await press('Enter', 'Finance folder');
  await expect.poll(() => expanded('Finance folder')).toBe('false');
  await press('Enter', 'Finance folder');
  await expect.poll(() => expanded('Finance folder')).toBe('true');
  await press('ArrowDown', 'Invoices');
  expect(await tree.locator('[role=treeitem][tabindex="0"]').count()).toBe(1);
  expect(await tree.getByRole('treeitem', { name: 'Invoices' }).getAttribute('tabindex')).toBe('0');

  // Type-ahead: a character moves to the next entry shown whose name starts with it, wrapping
  // round; characters typed quickly make one prefix, and a pause starts a new one.
  const pause = () => page.waitForTimeout(600);
  await press('r', 'Reports folder');
  await pause();
  await press('O', 'Orders');
  await pause();
  await press('f', 'Finance folder');
  await pause();
  await page.keyboard.type('pi');
  await expect.poll(focused).toBe('treeitem Pipeline'); // "i" alone would have gone on to Invoices
  await pause();
  await press('i', 'Invoices');
  expect(await tree.getByRole('treeitem', { name: 'Invoices' }).getAttribute('tabindex')).toBe('0');

  // The entry's menu follows it in the tab order; Shift+Tab comes back to the entry.
  await page.keyboard.press('Tab');
  await expect.poll(focused).toBe('null Actions for Invoices');
  await press('Shift+Tab', 'Invoices');
  await capture(page, JOURNEY, '04-tree-keyboard');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByRole('heading', { name: 'Invoices' }).isVisible()).toBe(true);
});

it('moves an app by dragging it onto a folder, and a folder by its "Move to…" menu from the keyboard', async () => {
  await page.goto('/apps');
  await expect.poll(() => item('app', 'Orders').isVisible()).toBe(true);
  await item('app', 'Orders').locator('[draggable=true]').dragTo(item('folder', 'Sales').locator('[draggable=true]').first());
  await expect.poll(() => folderOf('Orders')).toBe(salesId);
  await expect.poll(() => item('folder', 'Sales').getByRole('link', { name: 'Orders' }).isVisible()).toBe(true);

  const menu = page.getByRole('button', { name: 'Actions for Finance' });
  await menu.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Move to…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Move Finance' });
  const options = await dialog.getByLabel('Move to').locator('option').allTextContents();
  expect(options).toEqual(['Sales', 'Sales / Reports']);
  await dialog.getByLabel('Move to').selectOption({ label: 'Sales / Reports' });
  await capture(page, JOURNEY, '05-move-to');
  await dialog.getByRole('button', { name: 'Move' }).click();
  await expect.poll(async () => (await folders()).find((folder) => folder.name === 'Finance')?.parentFolderId)
    .toBe((await folders()).find((folder) => folder.name === 'Reports')!.id);
  await expect.poll(() => item('folder', 'Reports').locator('li[data-folder="Finance"]').isVisible()).toBe(true);
  await capture(page, JOURNEY, '06-moved');
});

it('renames an app, refuses to delete a folder that is not empty, and deletes an app after asking', async () => {
  await page.getByRole('button', { name: 'Actions for Pipeline' }).click();
  await page.getByRole('menuitem', { name: 'Rename…' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename Pipeline' });
  await rename.getByLabel('Name').fill('Deals');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect.poll(async () => (await apps()).map((app) => app.name).sort()).toEqual(['Deals', 'Invoices', 'Orders']);

  await page.getByRole('button', { name: 'Actions for Sales' }).click();
  await page.getByRole('menuitem', { name: 'Delete…' }).hover();
  await expectAccessible(page);
  await page.getByRole('menuitem', { name: 'Delete…' }).click();
  await page.getByRole('dialog', { name: 'Delete Sales?' }).getByRole('button', { name: 'Delete' }).click();
  await expect.poll(() => page.getByText(/not empty/i).first().isVisible()).toBe(true);
  expect((await folders()).map((folder) => folder.name).sort()).toEqual(['Finance', 'Reports', 'Sales']);

  await page.getByRole('button', { name: 'Actions for Deals' }).click();
  await page.getByRole('menuitem', { name: 'Delete…' }).click();
  await page.getByRole('dialog', { name: 'Delete Deals?' }).getByRole('button', { name: 'Delete' }).click();
  await expect.poll(async () => (await apps()).map((app) => app.name).sort()).toEqual(['Invoices', 'Orders']);
});

it('exports an app as a ToolJet file and imports the file as a new app', async () => {
  const orders = (await apps()).find((app) => app.name === 'Orders')!;
  await page.goto(`/apps/${orders.id}`);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export v1' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^Orders-v1-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(fs.readFileSync((await download.path())!, 'utf8'));
  expect(file.app[0].definition.appV2.name).toBe('Orders');

  await page.goto('/apps');
  await page.getByRole('button', { name: 'Import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import an app' });
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect.poll(() => dialog.getByText('Choose an export file').isVisible()).toBe(true);
  await dialog.locator('input[type=file]').setInputFiles({ name: 'orders.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect.poll(() => dialog.getByText(/already taken/).isVisible()).toBe(true);
  await capture(page, JOURNEY, '07-import-name-taken');
  await dialog.getByLabel('Name').fill('Orders copy');
  await dialog.getByLabel('In').selectOption({ label: 'Sales / Reports' });
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Orders copy' }).isVisible()).toBe(true);
  expect(await folderOf('Orders copy')).toBe((await folders()).find((folder) => folder.name === 'Reports')!.id);
  expect((await apps()).map((app) => app.name).sort()).toEqual(['Invoices', 'Orders', 'Orders copy']);
});

it('offers a builder only what their access allows', async () => {
  await signOut(page);
  await page.goto('/apps');
  await signIn(page, BUILDER_EMAIL, BUILDER_PASSWORD);
  await expect.poll(() => item('app', 'Orders').isVisible()).toBe(true);
  await expect.poll(() => page.getByRole('button', { name: 'New app' }).isVisible()).toBe(true);
  expect(await page.getByRole('button', { name: /^Actions for/ }).count()).toBe(0);
  await capture(page, JOURNEY, '08-builder');

  await page.getByRole('button', { name: 'New app' }).click();
  const dialog = page.getByRole('dialog', { name: 'New app' });
  expect(await dialog.getByLabel('In').locator('option').allTextContents()).toEqual(['Top level']);
  await dialog.getByLabel('Name').fill('Bea app');
  await dialog.getByRole('button', { name: 'Create app' }).click();
  await expect.poll(() => page.getByRole('button', { name: 'Delete app' }).isVisible()).toBe(true);
  await page.goto('/apps');
  await expect.poll(() => page.getByRole('button', { name: 'Actions for Bea app' }).isVisible()).toBe(true);
  expect(await page.getByRole('button', { name: /^Actions for/ }).count()).toBe(1);
});

it('shows a builder the server\'s refusal when their access was taken away after the page loaded', async () => {
  const orders = (await apps()).find((app) => app.name === 'Orders')!;
  const grant = { subject: { type: 'user', id: builderId }, object: { type: 'app', id: orders.id } };
  await server.api('POST', '/permissions/grant', { ...grant, accessLevel: 'edit' });
  await page.goto('/apps');
  await page.getByRole('button', { name: 'Actions for Orders' }).click();
  await server.api('POST', '/permissions/revoke', grant);
  await page.getByRole('menuitem', { name: 'Rename…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rename Orders' });
  await dialog.getByLabel('Name').fill('Mine now');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect.poll(() => dialog.getByRole('alert').filter({ hasText: 'Not allowed' }).isVisible()).toBe(true);
  await capture(page, JOURNEY, '09-builder-refused');
  expect((await apps()).map((app) => app.name)).toContain('Orders');
});
