import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ADMIN_EMAIL } from '../helpers/harness.ts';
import { capture, launchBrowser, newContext } from './support/browser.ts';
import { ADMIN_PASSWORD, ConsoleServer } from './support/console-server.ts';
import { signIn } from './support/pages.ts';

const JOURNEY = 'invites';
let server: ConsoleServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await ConsoleServer.start();
  await server.api('PATCH', `/workspaces/${server.h.defaultWorkspaceId}`, { domains: ['example.com'] });
  await server.api('POST', '/invites', [{ email: 'ada@example.com', role: 'builder' }, { email: 'grace@example.com', role: 'end-user' }]);
  browser = await launchBrowser();
  page = await (await newContext(browser, server.baseUrl)).newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('lists the invites, resends one and revokes another after asking, and filters by status', async () => {
  await page.goto('/invites');
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  const table = page.getByRole('table', { name: 'Invites' });
  await expect.poll(() => table.getByRole('row').count()).toBe(3);
  await capture(page, JOURNEY, '01-invites');

  await table.getByRole('button', { name: 'Resend to ada@example.com' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Resend' }).click();
  await expect.poll(() => server.smtp.to('ada@example.com').length).toBe(2);

  await table.getByRole('button', { name: 'Revoke the invitation of grace@example.com' }).click();
  const revoke = page.getByRole('dialog');
  await expect.poll(() => revoke.isVisible()).toBe(true);
  await capture(page, JOURNEY, '02-revoke-confirm');
  await revoke.getByRole('button', { name: 'Revoke' }).click();
  await expect.poll(() => table.getByRole('row', { name: /grace@example.com/ }).textContent()).toContain('revoked');

  await page.getByLabel('Status').selectOption('revoked');
  await page.waitForURL('**/invites?status=revoked');
  await expect.poll(() => table.getByRole('row').count()).toBe(2);
  await page.getByLabel('Status').selectOption('accepted');
  await expect.poll(() => page.getByText('No accepted invites.').isVisible()).toBe(true);
  await capture(page, JOURNEY, '03-none-accepted');
});
