import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ADMIN_EMAIL } from '../helpers/harness.ts';
import { capture, launchBrowser, newContext } from './support/browser.ts';
import { ADMIN_PASSWORD, ConsoleServer } from './support/console-server.ts';
import { signIn, signOut } from './support/pages.ts';

const JOURNEY = 'permissions';
const BUILDER = 'builder@example.com';
const BUILDER_PASSWORD = 'builder password 2';
let server: ConsoleServer;
let browser: Browser;
let page: Page;
let builderId: string;
let groupId: number;
let appId: string;

beforeAll(async () => {
  server = await ConsoleServer.start();
  builderId = (await server.api<{ id: string }>('POST', '/users', { email: BUILDER, firstName: 'Barbara', lastName: 'Builder' })).id;
  await server.h.services.accounts.update(builderId, { password: BUILDER_PASSWORD });
  groupId = (await server.api<{ id: number }>('POST', '/groups', { name: 'Analysts' })).id;
  await server.api('POST', `/groups/${groupId}/members`, { userId: builderId });
  const folder = await server.api<{ id: string }>('POST', '/folders', { name: 'Reports', folderType: 'app' });
  appId = (await server.api<{ id: string }>('POST', '/apps', { name: 'Sales dashboard', folderId: folder.id })).id;
  await server.api('POST', '/apps', { name: 'Unshared app' });
  await server.api('POST', '/permissions/grant', { subject: { type: 'group', id: groupId }, object: { type: 'folder', id: folder.id }, accessLevel: 'use' });
  browser = await launchBrowser();
  page = await (await newContext(browser, server.baseUrl)).newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const cells = (table: string) => page.getByRole('table', { name: table }).locator('tbody tr').allInnerTexts();

it('an admin grants a user a level on an app, sees where each level comes from, and revokes it after asking', async () => {
  await page.goto('/permissions');
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.getByRole('link', { name: 'Permissions' }).click();
  await page.getByRole('combobox', { name: 'App', exact: true }).click();
  await page.getByRole('option', { name: 'Sales dashboard' }).click();
  await page.waitForURL(`**/permissions?type=app&object=${appId}`);
  await expect.poll(() => cells('Access list')).toEqual(expect.arrayContaining([
    expect.stringMatching(/Group Analysts\s+Use\s+Folder Reports: use/i),
    expect.stringMatching(new RegExp(`${BUILDER}\\s+Use\\s+Folder Reports \\(through group Analysts\\): use`, 'i')),
  ]));
  await capture(page, JOURNEY, '01-access-list');

  await page.getByRole('combobox', { name: 'Grant to' }).click();
  await page.getByRole('option', { name: 'User' }).click();
  await page.getByRole('combobox', { name: 'User', exact: true }).fill('barb');
  await page.getByRole('option', { name: BUILDER }).click();
  await page.getByRole('combobox', { name: 'Level' }).click();
  await page.getByRole('option', { name: 'Edit' }).click();
  await page.getByRole('button', { name: 'Grant', exact: true }).click();
  await expect.poll(() => cells('Access list')).toEqual(expect.arrayContaining([
    expect.stringMatching(new RegExp(`${BUILDER}\\s+Edit\\s+Direct grant: edit\\s+Folder Reports \\(through group Analysts\\): use`, 'i')),
  ]));
  await capture(page, JOURNEY, '02-granted');

  await page.goto(`/users/${builderId}`);
  await expect.poll(() => cells('Effective access')).toEqual([
    expect.stringMatching(/Sales dashboard\s+App\s+Edit\s+Direct grant: edit\s+Folder Reports \(through group Analysts\): use/i),
    expect.stringMatching(/Reports\s+Folder\s+Use\s+Group Analysts: use/i),
  ]);
  await capture(page, JOURNEY, '03-effective-access');

  await page.goBack();
  await page.getByRole('button', { name: `Revoke ${BUILDER}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Revoke this grant?' });
  await dialog.getByRole('button', { name: 'Revoke' }).click();
  await expect.poll(() => dialog.count()).toBe(0);
  await expect.poll(() => cells('Access list')).toEqual(expect.arrayContaining([
    expect.stringMatching(new RegExp(`${BUILDER}\\s+Use\\s+Folder Reports`, 'i')),
  ]));
  expect(await page.getByRole('button', { name: `Revoke ${BUILDER}` }).count()).toBe(0);
});

it('a builder is not offered the permissions page, and sees effective access read-only', async () => {
  await signOut(page);
  await signIn(page, BUILDER, BUILDER_PASSWORD);
  expect(await page.getByRole('link', { name: 'Permissions' }).count()).toBe(0);
  await page.goto('/permissions');
  await expect.poll(() => page.getByRole('heading', { name: 'Permissions' }).count()).toBe(0);
  await page.goto(`/users/${builderId}`);
  await expect.poll(() => cells('Effective access')).toHaveLength(2);
  expect(await page.getByRole('button', { name: 'Grant' }).count()).toBe(0);
});
