import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL } from '../helpers/harness.ts';
import { capture, launchBrowser, newContext } from './support/browser.ts';
import { ADMIN_PASSWORD, ConsoleServer } from './support/console-server.ts';
import { signOut } from './support/pages.ts';

const JOURNEY = 'sign-in';
let server: ConsoleServer;
let browser: Browser;
let page: Page;
let recoveryCodes: string[] = [];

beforeAll(async () => {
  server = await ConsoleServer.start();
  browser = await launchBrowser();
  page = await (await newContext(browser, server.baseUrl)).newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const totp = (secret: string, offsetSeconds = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });

describe('signing in and my account', () => {
  it('shows the server\'s refusal of a wrong password, then signs in and lands on the page that was opened', async () => {
    const { id: adminId } = (await server.api<{ data: { id: string; email: string }[] }>('GET', '/users')).data.find((user) => user.email === ADMIN_EMAIL)!;
    await page.goto(`/users/${adminId}`);
    await expect.poll(() => page.getByRole('heading', { name: 'Sign in to Toolplane' }).isVisible()).toBe(true);
    await capture(page, JOURNEY, '01-sign-in');

    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect.poll(() => page.getByText('Enter your email address').isVisible()).toBe(true);

    await page.getByLabel('Email', { exact: true }).fill(ADMIN_EMAIL);
    await page.getByLabel('Password', { exact: true }).fill('not the password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('The email or password is not correct');
    await capture(page, JOURNEY, '02-wrong-password');

    await page.getByLabel('Password', { exact: true }).fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(`**/users/${adminId}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(ADMIN_EMAIL);
  });

  it('changes the name, refuses a wrong current password on the field, and lists the sessions', async () => {
    await page.getByRole('button', { name: /^Account of/ }).click();
    await page.getByRole('menuitem', { name: 'My account' }).click();
    await page.waitForURL('**/account');
    await page.getByLabel('First name').fill('Ada');
    await page.getByLabel('Last name').fill('Lovelace');
    await page.getByRole('button', { name: 'Save name' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Account of Ada Lovelace' }).isVisible()).toBe(true);

    await page.getByLabel('Current password', { exact: true }).fill('wrong password');
    await page.getByLabel('New password', { exact: true }).fill('a brand new password');
    await page.getByLabel('Repeat the new password', { exact: true }).fill('a brand new password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => page.getByText('The current password is not correct').isVisible()).toBe(true);

    const sessions = page.getByRole('region', { name: 'Sessions' });
    await expect.poll(() => sessions.getByText('This session').isVisible()).toBe(true);
    await capture(page, JOURNEY, '03-my-account');
  });

  it('turns on two-factor sign-in with the QR code\'s secret and shows the recovery codes once', async () => {
    await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    await expect.poll(() => page.getByRole('img', { name: /QR code/ }).isVisible()).toBe(true);
    const secret = (await page.getByTestId('totp-secret').textContent())!;
    await capture(page, JOURNEY, '04-two-factor-setup');

    await page.getByLabel('Code from the app').fill('000000');
    await page.getByRole('button', { name: 'Turn on' }).click();
    await expect.poll(() => page.getByText('is not the current code of the authenticator app, or was used already').isVisible()).toBe(true);

    await page.getByLabel('Code from the app').fill(await totp(secret));
    await page.getByRole('button', { name: 'Turn on' }).click();
    await expect.poll(() => page.getByTestId('recovery-codes').locator('code').count()).toBe(10);
    recoveryCodes = await page.getByTestId('recovery-codes').locator('code').allTextContents();
    await capture(page, JOURNEY, '05-recovery-codes');
    expect((await server.api<{ twoFactorEnabled: boolean }>('GET', '/me')).twoFactorEnabled).toBe(true);

    // Signing out ends the session on the server; the next sign-in asks for a code.
    await signOut(page);
    expect((await page.context().cookies()).some((cookie) => cookie.name === 'tp_session')).toBe(false);

    await page.getByLabel('Email', { exact: true }).fill(ADMIN_EMAIL);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect.poll(() => page.getByLabel('Code from your authenticator app').isVisible()).toBe(true);
    await capture(page, JOURNEY, '06-second-factor');
    await page.getByLabel('Code from your authenticator app').fill(await totp(secret, 30));
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL('**/users');
  });

  it('ends another session of the person from the sessions list', async () => {
    // A second session of the admin, signed in by a script with a recovery code.
    const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-toolplane-csrf': '1', 'user-agent': 'a script' },
      body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD, recoveryCode: recoveryCodes[0] }),
    });
    expect(login.status).toBe(200);
    const otherCookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const otherMe = () => fetch(`${server.baseUrl}/api/v1/me`, { headers: { cookie: otherCookie } }).then((response) => response.status);
    expect(await otherMe()).toBe(200);

    await page.goto('/account');
    const sessions = page.getByRole('region', { name: 'Sessions' });
    await expect.poll(() => sessions.getByRole('row').count()).toBe(3);
    await sessions.getByRole('button', { name: /^End the session/ }).click();
    const end = page.getByRole('dialog');
    await expect.poll(() => end.isVisible()).toBe(true);
    await capture(page, JOURNEY, '08-end-session-confirm');
    await end.getByRole('button', { name: 'End' }).click();
    await expect.poll(() => sessions.getByRole('row').count()).toBe(2);
    expect(await otherMe()).toBe(401);
  });

  it('asks for a password reset link, and the email is sent', async () => {
    const signedOut = await (await newContext(browser, server.baseUrl)).newPage();
    await signedOut.goto('/');
    await signedOut.getByRole('link', { name: 'Forgot your password?' }).click();
    await signedOut.getByLabel('Email', { exact: true }).fill(ADMIN_EMAIL);
    await signedOut.getByRole('button', { name: 'Email me a link' }).click();
    await expect.poll(() => signedOut.getByRole('status').textContent()).toContain('on its way');
    await capture(signedOut, JOURNEY, '07-password-reset-requested');
    await expect.poll(() => server.smtp.to(ADMIN_EMAIL).length).toBe(1);
    expect(server.smtp.to(ADMIN_EMAIL)[0]!.text).toMatch(/\/reset-password\//);
    await signedOut.context().close();
  });
});
