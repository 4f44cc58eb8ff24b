/**
 * Accessibility of `<mde-ua-builder>` (spec §7) on the built Embed page, in English and Japanese,
 * light and dark: axe (WCAG 2.2 AA tags) finds nothing with errors, warnings, a suggestion and the
 * checker on screen and again with a valid value; focus is visible; nothing scrolls sideways at
 * 320 px or at 200 % zoom. Screenshots of the widget go to artifacts/widget/ for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { hasChromium, launchBrowser } from './support/browser.ts';
import { E2E_DIST, ROOT } from './support/built-site.ts';
import { serveStatic, type StaticServer } from './support/serve.ts';

const SHOTS = join(ROOT, 'artifacts/widget');

describe.skipIf(!hasChromium)('<mde-ua-builder> accessibility', () => {
  let browser: Browser;
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(E2E_DIST);
    browser = await launchBrowser();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (path: string, options: BrowserContextOptions): Promise<Page> => {
    const page = await (await browser.newContext(options)).newPage();
    await page.goto(server.url + path);
    await page.waitForFunction(() => document.querySelector('mde-ua-builder')?.shadowRoot?.getElementById('company'));
    return page;
  };
  const widget = (page: Page) => page.locator('mde-ua-builder').first();

  /** Every kind of message on screen: an error with its Apply button, warnings, the checker's list. */
  const fillWithProblems = async (page: Page) => {
    await widget(page).locator('#company').fill('Contoso Ltd');
    await widget(page).locator('#product').fill("O'Brien");
    await widget(page).locator('#version').fill('v1.0.0');
    await widget(page).locator('#check').fill('MdePartner-Contoso-Ltd-Cognito/1.0.0');
    await page.waitForFunction(() => document.querySelector('mde-ua-builder')!.shadowRoot!.getElementById('check-m')!.childElementCount > 0);
    await page.waitForTimeout(800);
  };

  for (const lang of ['en', 'ja']) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`has no axe violations in ${lang}, ${colorScheme}, with problems shown and with a valid value`, async () => {
        const page = await open(`/${lang}/embed/`, { colorScheme, viewport: { width: 320, height: 900 } });
        await fillWithProblems(page);
        expect(await axeViolations(page), 'with problems').toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scrolling at 320 px').toBeLessThanOrEqual(320);
        await widget(page).screenshot({ path: join(SHOTS, `${lang}-${colorScheme}-320.png`) });
        await widget(page).locator('[data-apply="company"]').click();
        await widget(page).locator('#product').fill('ContosoCognito');
        await widget(page).locator('#version').fill('1.0.0');
        expect(await axeViolations(page), 'valid').toEqual([]);
        await page.context().close();
      });
    }
  }

  it('has no axe violations on the iframe page, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await open('/embed/ua-builder/v1/?lang=ja', { colorScheme, viewport: { width: 320, height: 900 } });
      await fillWithProblems(page);
      expect(await axeViolations(page), colorScheme).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      await page.context().close();
    }
  });

  it('follows the page’s colour scheme on auto, and the theme attribute over it', async () => {
    for (const [scheme, other, auto, forced] of [
      ['dark', 'light', 'rgb(17, 17, 17)', 'rgb(255, 255, 255)'],
      ['light', 'dark', 'rgb(255, 255, 255)', 'rgb(17, 17, 17)'],
    ] as const) {
      const page = await open('/en/embed/', { colorScheme: scheme });
      const background = () => widget(page).locator('.w').evaluate((base) => getComputedStyle(base).backgroundColor);
      expect(await background(), `auto on a ${scheme} page`).toBe(auto);
      await widget(page).evaluate((el, theme) => ((el as HTMLElement & { theme: string }).theme = theme), other);
      expect(await widget(page).getAttribute('theme')).toBe(other);
      expect(await background(), `theme=${other} on a ${scheme} page`).toBe(forced);
      expect(await axeViolations(page), `theme=${other} on a ${scheme} page`).toEqual([]);
      await page.context().close();
    }
  });

  it('stays usable at 200 % zoom (a 1280 px window is 640 CSS px wide)', async () => {
    const page = await open('/ja/embed/', { viewport: { width: 640, height: 900 }, deviceScaleFactor: 2 });
    await fillWithProblems(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(640);
    const box = (await widget(page).boundingBox())!;
    for (const id of ['#company', '#value', '[data-copy="header"]', '#t-java', '#check']) {
      const inner = (await widget(page).locator(id).boundingBox())!;
      expect(inner.x + inner.width, id).toBeLessThanOrEqual(box.x + box.width);
    }
    await widget(page).screenshot({ path: join(SHOTS, 'ja-light-zoom200.png') });
    await page.context().close();
  });

  it('shows where the keyboard focus is, on fields, buttons and tabs', async () => {
    const page = await open('/en/embed/', { viewport: { width: 1024, height: 900 } });
    await widget(page).locator('#company').fill('Contoso');
    await widget(page).locator('#product').fill('Cognito');
    await widget(page).locator('#version').fill('1.0.0');
    const outline = () =>
      page.evaluate(() => {
        const active = document.querySelector('mde-ua-builder')!.shadowRoot!.activeElement!;
        const style = getComputedStyle(active);
        return [active.id || active.getAttribute('data-copy'), style.outlineStyle, style.outlineWidth];
      });
    await widget(page).locator('#version').focus();
    // The code block (it scrolls) is the stop between the tabs and its copy button (data-copy="snippet").
    for (const expected of ['value', 'header', 't-curl', 'listing', 'snippet']) {
      await page.keyboard.press('Tab');
      const [id, style, width] = await outline();
      expect(id).toBe(expected);
      expect(style, String(id)).toBe('solid');
      expect(parseFloat(width!), String(id)).toBeGreaterThanOrEqual(2);
    }
    await page.context().close();
  });
});
