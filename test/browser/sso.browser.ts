import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestIdentityProvider } from '../helpers/oidc-provider.ts';
import { capture, launchBrowser, newContext } from './support/browser.ts';
import { ConsoleServer } from './support/console-server.ts';
import { signInAtProviderAs } from './support/provider.ts';

const JOURNEY = 'sso';
let server: ConsoleServer;
let idp: TestIdentityProvider;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await ConsoleServer.start();
  idp = await TestIdentityProvider.start({ clientId: 'toolplane', clientSecret: 'provider secret', redirectUri: `${server.baseUrl}/api/v1/auth/sso/callback` });
  idp.people.set('grace', { email: 'grace@example.com', email_verified: true, given_name: 'Grace', family_name: 'Hopper' });
  await server.api('PUT', '/sso', {
    issuer: idp.issuer, clientId: 'toolplane', clientSecret: 'provider secret',
    allowedDomains: ['example.com'], jitEnabled: true, jitRole: 'end-user',
  });
  browser = await launchBrowser();
  page = await (await newContext(browser, server.baseUrl)).newPage();
  await signInAtProviderAs(page, idp, 'grace');
});

afterAll(async () => {
  await browser?.close();
  await idp?.close();
  await server?.close();
});

it('signs a new person in through the workspace\'s OpenID provider, joining as an end user who sees only their account', async () => {
  await page.goto(`/account?workspace=${server.h.defaultWorkspaceId}`);
  await capture(page, JOURNEY, '01-sign-in-with-sso');
  await page.getByRole('button', { name: 'Sign in with SSO' }).click();

  await page.waitForURL('**/account');
  await expect.poll(() => page.getByRole('button', { name: 'Account of Grace Hopper' }).isVisible()).toBe(true);
  await expect.poll(() => page.getByRole('region', { name: 'Sessions' }).getByRole('cell', { name: 'sso' }).isVisible()).toBe(true);
  const nav = page.getByRole('navigation', { name: 'Console' });
  expect(await nav.getByRole('link').allTextContents()).toEqual(['My account']);
  await capture(page, JOURNEY, '02-signed-in-end-user');

  // An end user has no Users page: the path is no page for them.
  await page.goto('/users');
  await expect.poll(() => page.getByRole('heading', { name: 'Page not found' }).isVisible()).toBe(true);
});

it('asks for the workspace when the sign-in link did not name it', async () => {
  const fresh = await (await newContext(browser, server.baseUrl)).newPage();
  await fresh.goto('/');
  await fresh.getByRole('button', { name: 'Sign in with SSO' }).click();
  await expect.poll(() => fresh.getByLabel('Workspace ID').isVisible()).toBe(true);
  await capture(fresh, JOURNEY, '03-sso-workspace-asked');
  await fresh.context().close();
});
