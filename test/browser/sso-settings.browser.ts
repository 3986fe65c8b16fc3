import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ADMIN_EMAIL } from '../helpers/harness.ts';
import { TestIdentityProvider } from '../helpers/oidc-provider.ts';
import { capture, launchBrowser, newContext } from './support/browser.ts';
import { ADMIN_PASSWORD, ConsoleServer } from './support/console-server.ts';
import { signIn, signOut } from './support/pages.ts';
import { signInAtProviderAs } from './support/provider.ts';
import type { SsoConfiguration as Sso } from '../../web/src/sso/sso-form.ts';

const JOURNEY = 'sso-settings';
const CLIENT_SECRET = 'provider secret 42';
const BUILDER = 'builder@example.com';
const BUILDER_PASSWORD = 'builder password 3';
let server: ConsoleServer;
let idp: TestIdentityProvider;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await ConsoleServer.start();
  idp = await TestIdentityProvider.start({ clientId: 'toolplane', clientSecret: CLIENT_SECRET, redirectUri: `${server.baseUrl}/api/v1/auth/sso/callback` });
  idp.people.set('ada', { email: 'ada@example.com', email_verified: true, given_name: 'Ada', family_name: 'Lovelace', groups: ['eng'], department: 'Research' });
  await server.api('POST', '/groups', { name: 'Engineering' });
  await server.api('POST', '/groups', { name: 'Leads' });
  await server.api('POST', '/userAttributes', { name: 'department', dataType: 'string', label: 'Department' });
  await server.member(BUILDER, 'builder', BUILDER_PASSWORD);
  browser = await launchBrowser();
  page = await (await newContext(browser, server.baseUrl)).newPage();
});

afterAll(async () => {
  await browser?.close();
  await idp?.close();
  await server?.close();
});

const field = (label: string) => page.getByLabel(label, { exact: true });
const errorOf = (label: string) => field(label).getAttribute('aria-invalid');

/** Picks a group in a mapping row's multi-select. */
async function pickGroup(row: number, name: string): Promise<void> {
  await page.getByRole('combobox', { name: `Groups for claim value ${row}`, exact: true }).click();
  await page.getByRole('option', { name }).click();
  await page.keyboard.press('Escape');
}

it('an admin turns on single sign-on with mappings; the secret shows only as set', async () => {
  await page.goto('/');
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.getByRole('link', { name: 'Single sign-on' }).click();
  await expect.poll(() => page.getByTestId('sso-not-configured').isVisible()).toBe(true);
  // The pointer leaves the navigation: axe checks the page at rest, not a hovered link.
  await page.mouse.move(0, 0);
  await capture(page, JOURNEY, '01-not-configured');

  // Checked in the browser first: nothing is sent while the form is wrong.
  await field('Issuer URL').fill('http://login.example.com');
  await page.getByRole('button', { name: 'Turn on single sign-on' }).click();
  await expect.poll(() => page.getByText('Must start with https://').isVisible()).toBe(true);
  expect(await page.getByText('Enter the client ID').isVisible()).toBe(true);

  await field('Issuer URL').fill(idp.issuer);
  await field('Client ID').fill('toolplane');
  await field('Client secret').fill(CLIENT_SECRET);
  await field('Scopes').fill('openid email profile groups organization');
  await field('Groups claim').fill('groups');
  await page.getByRole('button', { name: 'Add a group mapping' }).click();
  await field('Claim value 1').fill('eng');
  await pickGroup(1, 'Engineering');
  await page.getByRole('button', { name: 'Add an attribute mapping' }).click();
  await field('Claim 1').fill('department');
  await field('Attribute for claim 1').selectOption('department');
  await page.getByLabel('Create members at their first sign-in').check();
  await page.getByRole('button', { name: 'Turn on single sign-on' }).click();
  await expect.poll(() => errorOf('Allowed email domains')).toBe('true');
  await field('Allowed email domains').fill('example.com');
  await capture(page, JOURNEY, '02-filled-in');
  await page.getByRole('button', { name: 'Turn on single sign-on' }).click();

  await expect.poll(() => page.getByTestId('client-secret-status').textContent()).toBe('set');
  expect(await page.getByTestId('sso-redirect-uri').innerText()).toBe(`${server.baseUrl}/api/v1/auth/sso/callback`);
  expect(await page.content()).not.toContain(CLIENT_SECRET);
  expect(await page.getByLabel('Client secret', { exact: true }).count()).toBe(0);
  const sso = await server.api<Sso>('GET', '/sso');
  expect(sso).toMatchObject({
    clientSecretSet: true, scopes: ['openid', 'email', 'profile', 'groups', 'organization'], groupsClaim: 'groups',
    groupMappings: { eng: ['Engineering'] }, attributeMappings: { department: 'department' }, allowedDomains: ['example.com'], jitEnabled: true,
  });
  await capture(page, JOURNEY, '03-saved');
});

it('an edited mapping the server refuses shows on its row; saved again, the stored secret still signs people in', async () => {
  await pickGroup(1, 'Leads');
  // The group disappears before the form is sent: the server names the mapping, the form shows it on the row.
  const leads = (await server.api<{ data: Array<{ id: number; name: string }> }>('GET', '/groups')).data.find((group) => group.name === 'Leads')!;
  await server.api('DELETE', `/groups/${leads.id}`);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => page.getByText('no group named Leads in this workspace').isVisible()).toBe(true);
  await capture(page, JOURNEY, '04-mapping-refused');

  await server.api('POST', '/groups', { name: 'Leads' });
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(async () => (await server.api<Sso>('GET', '/sso')).groupMappings).toEqual({ eng: ['Engineering', 'Leads'] });
  expect((await server.api<Sso>('GET', '/sso')).clientSecretSet).toBe(true);

  // Ada signs in through the provider, which checks the client secret kept from the first save.
  const person = await (await newContext(browser, server.baseUrl)).newPage();
  await signInAtProviderAs(person, idp, 'ada');
  await person.goto(`/account?workspace=${server.h.defaultWorkspaceId}`);
  await person.getByRole('button', { name: 'Sign in with SSO' }).click();
  await expect.poll(() => person.getByRole('button', { name: 'Account of Ada Lovelace' }).isVisible()).toBe(true);
  await person.context().close();
  const groups = (await server.api<{ data: Array<{ name: string; members: Array<{ email: string }> }> }>('GET', '/groups')).data;
  expect(groups.filter((group) => group.members.some((member) => member.email === 'ada@example.com')).map((group) => group.name).sort()).toEqual(['Engineering', 'Leads']);
});

it('an admin removes the client secret, then single sign-on itself, each after asking', async () => {
  await page.getByRole('button', { name: 'Remove the client secret' }).click();
  await page.getByRole('dialog', { name: 'Remove the client secret?' }).getByRole('button', { name: 'Remove' }).click();
  await expect.poll(() => page.getByLabel('Client secret', { exact: true }).isVisible()).toBe(true);
  expect(await server.api<Sso>('GET', '/sso')).toMatchObject({ clientSecretSet: false, groupMappings: { eng: ['Engineering', 'Leads'] } });

  await page.getByRole('button', { name: 'Remove single sign-on' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove single sign-on?' });
  await expect.poll(() => dialog.isVisible()).toBe(true);
  await capture(page, JOURNEY, '05-remove-asks');
  await dialog.getByRole('button', { name: 'Remove single sign-on' }).click();
  await expect.poll(() => page.getByTestId('sso-not-configured').isVisible()).toBe(true);
  const answer = await fetch(`${server.baseUrl}/api/v1/sso`, { headers: { authorization: `Bearer ${server.h.adminToken}` } });
  expect(answer.status).toBe(404);
});

it('a builder is not offered single sign-on', async () => {
  await signOut(page);
  await signIn(page, BUILDER, BUILDER_PASSWORD);
  expect(await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Single sign-on' }).count()).toBe(0);
  await page.goto('/sso');
  await expect.poll(() => page.getByRole('heading', { name: 'Page not found' }).isVisible()).toBe(true);
  expect(await page.getByRole('heading', { name: 'Single sign-on' }).count()).toBe(0);
});
