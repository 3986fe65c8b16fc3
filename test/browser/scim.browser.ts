import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ADMIN_EMAIL } from '../helpers/harness.ts';
import { capture, launchBrowser, newContext } from './support/browser.ts';
import { ADMIN_PASSWORD, ConsoleServer } from './support/console-server.ts';
import { signIn, signOut } from './support/pages.ts';

const JOURNEY = 'scim';
const TOOLPLANE = 'urn:toolplane:params:scim:schemas:extension:toolplane:2.0:User';
const RESEARCH_ADMIN = 'research-admin@example.com';
const RESEARCH_PASSWORD = 'research admin password';
let server: ConsoleServer;
let browser: Browser;
let page: Page;
let secret: string;

beforeAll(async () => {
  server = await ConsoleServer.start();
  browser = await launchBrowser();
  page = await (await newContext(browser, server.baseUrl)).newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('an admin copies the SCIM base URL and a SCIM token shown once, which a provider can then use', async () => {
  await page.goto('/');
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.getByRole('link', { name: 'SCIM provisioning' }).click();
  const baseUrl = await page.getByTestId('scim-base-url').innerText();
  expect(baseUrl).toBe(`${server.baseUrl}/scim/v2`);
  await page.getByRole('button', { name: 'Create SCIM token' }).click();
  secret = await page.getByTestId('token-secret').innerText();
  expect(secret).toMatch(/^tp_/);
  await capture(page, JOURNEY, '01-scim-setup');

  const users = await fetch(`${baseUrl}/Users`, { headers: { authorization: `Bearer ${secret}` } });
  expect(users.status).toBe(200);
  expect((await users.json()).totalResults).toBeGreaterThan(0);
  const native = await fetch(`${server.baseUrl}/api/v1/users`, { headers: { authorization: `Bearer ${secret}` } });
  expect(native.status).toBe(403);
  const tokens = await server.api<{ data: Array<{ name: string; scopes: string[] }> }>('GET', '/tokens');
  expect(tokens.data.find((token) => token.name === 'SCIM provisioning')?.scopes.sort()).toEqual(['scim:read', 'scim:write']);
});

it('an instance admin changes the SCIM default role, which the members a provider creates then get', async () => {
  const role = page.getByLabel('SCIM default role');
  expect(await role.inputValue()).toBe('end-user');
  const save = page.getByRole('button', { name: 'Save the role' });
  expect(await save.isDisabled()).toBe(true);
  await role.selectOption('builder');
  await save.click();
  await expect.poll(async () => (await server.api<{ scimDefaultRole: string }>('GET', `/workspaces/${server.h.defaultWorkspaceId}`)).scimDefaultRole).toBe('builder');
  await expect.poll(() => save.isDisabled()).toBe(true);
  await capture(page, JOURNEY, '02-default-role');

  const created = await fetch(`${server.baseUrl}/scim/v2/Users`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/scim+json' },
    body: JSON.stringify({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'provisioned@example.com', name: { givenName: 'Pro', familyName: 'Visioned' } }),
  });
  expect(created.status).toBe(201);
  expect((await created.json())[TOOLPLANE].role).toBe('builder');

  await page.reload();
  await expect.poll(() => page.getByLabel('SCIM default role').inputValue()).toBe('builder');
});

it('an admin of another workspace only is told that an instance admin sets the role', async () => {
  const research = await server.api<{ id: string }>('POST', '/workspaces', { name: 'Research' });
  await server.h.services.accounts.create({
    email: RESEARCH_ADMIN, firstName: 'Rita', lastName: 'Research', status: 'active', password: RESEARCH_PASSWORD,
    memberships: [{ workspace: { id: research.id }, role: 'admin', status: 'active' }],
  });
  await signOut(page);
  await signIn(page, RESEARCH_ADMIN, RESEARCH_PASSWORD);
  await page.getByRole('link', { name: 'SCIM provisioning' }).click();
  await expect.poll(() => page.getByText('An instance admin (an admin of the default workspace) sets it.').isVisible()).toBe(true);
  expect(await page.getByLabel('SCIM default role').count()).toBe(0);
  await page.mouse.move(0, 0);
  await capture(page, JOURNEY, '03-default-role-not-offered');
});
