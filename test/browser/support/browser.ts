import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { type Browser, type BrowserContext, type Locator, type Page, chromium } from 'playwright-core';
import { expect } from 'vitest';

/** Debian's Chromium (`apt-get install chromium`); Playwright never downloads a browser here. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Where each journey leaves its screenshots (git-ignored): test-output/browser/<journey>/. */
export const OUTPUT_DIR = path.resolve(import.meta.dirname, '../../../test-output/browser');

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Starts Chromium with a fresh profile of its own (Playwright makes and removes it). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/**
 * A new browser context at the server's address: its own cookies, 1280 px wide. CSP is
 * bypassed only so that axe-core's script can be added to the page.
 */
export async function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, viewport: DESKTOP, bypassCSP: true, reducedMotion: 'reduce' });
  context.setDefaultTimeout(10_000);
  if (process.env.DEBUG_PAGES) context.on('page', (page) => page.on('console', (message) => console.log(message.text())));
  return context;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Fails on any serious or critical accessibility violation axe-core finds on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })) }));
  });
  const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious.map((violation) => `${violation.impact} ${violation.id}: ${violation.help} at ${violation.nodes.map((node) => `${node.target.join(' ')} (${node.failureSummary ?? ''})`).join(', ')}`)).toEqual([]);
}

/**
 * `expectAccessible` with the pointer on each target in turn, then with each one focused from
 * the keyboard, so hover and focus colours keep their contrast as the page at rest does. A
 * target is reached by Tab from the element before it, as a person reaches it: only focus
 * that came from the keyboard shows its ring (`:focus-visible`), which the check asserts.
 */
export async function expectAccessibleHoveredAndFocused(page: Page, targets: readonly Locator[]): Promise<void> {
  for (const target of targets) {
    await target.hover();
    await expectAccessible(page);
  }
  for (const target of targets) {
    await target.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await target.evaluate((element) => element === document.activeElement && element.matches(':focus-visible'))).toBe(true);
    await expectAccessible(page);
  }
}

/**
 * Checks the page with axe and saves its screenshot at 1280 px and at 390 px wide as
 * `<journey>/<name>-1280.png` and `-390.png`; the page is left at 1280 px.
 */
export async function capture(page: Page, journey: string, name: string): Promise<void> {
  const folder = path.join(OUTPUT_DIR, journey);
  fs.mkdirSync(folder, { recursive: true });
  await page.waitForLoadState('networkidle');
  // A dialog opened by the last click enters the page a frame or two later, through effects,
  // then fades in; its title names it a moment after it has mounted, and a dialog being closed
  // loses its title a moment before it leaves. Wait for the frames, for every finite
  // transition to end, and for every dialog shown to have its name.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await expect.poll(() => page.evaluate(() => {
    const moving = document.getAnimations().some((animation) => animation.playState === 'running' && animation.effect?.getTiming().iterations !== Infinity);
    const named = [...document.querySelectorAll('[role=dialog]')].every((dialog) => {
      const labelledBy = dialog.getAttribute('aria-labelledby');
      return Boolean(dialog.getAttribute('aria-label')?.trim() || (labelledBy && document.getElementById(labelledBy)?.textContent?.trim()));
    });
    return !moving && named;
  })).toBe(true);
  await expectAccessible(page);
  await screenshotWholePage(page, path.join(folder, `${name}-1280.png`));
  await page.setViewportSize(PHONE);
  await expectNoSidewaysScroll(page);
  await screenshotWholePage(page, path.join(folder, `${name}-390.png`));
  await page.setViewportSize(DESKTOP);
}

/**
 * Saves the whole page as a person would see it scrolled to the top, or only the viewport
 * while a dialog is open (its overlay covers the viewport, not the page below it). Chromium
 * draws a full-page capture beyond the viewport without moving it, so a fixed element (the
 * header) would land wherever the page happened to be scrolled; and a transition still
 * running (a layout change after a resize) would be caught halfway. The scroll position is
 * put back.
 */
async function screenshotWholePage(page: Page, file: string): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.getAnimations().filter((animation) => animation instanceof CSSTransition && animation.playState === 'running').length)).toBe(0);
  const scrolledTo = await page.evaluate(() => {
    const at = window.scrollY;
    window.scrollTo(0, 0);
    return at;
  });
  await page.screenshot({ path: file, fullPage: (await page.locator('[role=dialog]').count()) === 0 });
  await page.evaluate((y) => window.scrollTo(0, y), scrolledTo);
}

/**
 * At 390 px nothing may reach past the right edge: the page does not scroll sideways (wide
 * tables scroll within their own box). With a dialog open the page behind is locked, and the
 * dialog itself must fit. The layout is given a moment to settle after the resize.
 */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const measure = () => page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const dialog = document.querySelector('[role=dialog]');
    const inScrollBox = (element: Element) => element.parentElement?.closest('.mantine-TableScrollContainer-scrollContainer') != null;
    const over = dialog ? [dialog, ...dialog.querySelectorAll('*')].filter((element) => !inScrollBox(element) && element.getBoundingClientRect().right > width + 1) : [];
    const scrolls = dialog ? 0 : document.documentElement.scrollWidth - width;
    return [...over.slice(0, 3).map((element) => element.outerHTML.slice(0, 160)), ...(scrolls > 0 ? [`the page scrolls sideways by ${scrolls} px`] : [])];
  });
  await expect.poll(measure, { timeout: 3_000 }).toEqual([]);
}
