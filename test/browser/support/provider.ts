import type { Page } from 'playwright-core';
import type { TestIdentityProvider } from '../../helpers/oidc-provider.ts';

/**
 * The provider's login form is the test's own: Toolplane's redirect to the provider is
 * followed there for `accountId`, and the page goes straight on to the callback.
 */
export async function signInAtProviderAs(page: Page, idp: TestIdentityProvider, accountId: string): Promise<void> {
  await page.route('**/api/v1/auth/sso/*/start?*', async (route) => {
    const start = await route.fetch({ maxRedirects: 0 });
    const callback = await idp.signIn(start.headers().location!, accountId);
    await route.fulfill({ status: 302, headers: { location: callback.href } });
  });
}
