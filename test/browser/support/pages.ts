import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Signs in on the console's sign-in page (shown at any path while signed out) and waits until it is gone. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await expect.poll(() => page.getByRole('heading', { name: 'Sign in to Toolplane' }).isVisible()).toBe(true);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect.poll(() => page.getByRole('button', { name: /^Account of/ }).isVisible()).toBe(true);
}

/** Signs out through the person's menu. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Account of/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Sign in to Toolplane' }).isVisible()).toBe(true);
}
