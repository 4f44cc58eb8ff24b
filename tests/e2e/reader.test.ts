/**
 * The reader site in Chromium, as partners use it: accessibility in light and dark, the language switch
 * that keeps the section, the English behind a paragraph and the page-wide switch by keyboard, search in
 * Japanese and Korean, the chooser's suggestion, pages without JavaScript, and a screenshot of every
 * locale at 1280 and 320 px (saved under artifacts/screenshots) with no horizontal overflow.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { hasChromium } from './support/browser.ts';
import { pagePaths } from '../../scripts/measure/site-files.ts';
import { E2E_DIST, ROOT } from './support/built-site.ts';
import { useSiteSession } from './support/site-session.ts';

const LOCALES = ['en', 'ja', 'fr', 'de', 'ko', 'es'];
const DOC = (lang: string) => `/${lang}/become-partner/`;
const STEP2 = 'step-2-fulfill-the-solution-validation-and-certification-requirements';
const SHOTS = join(ROOT, 'artifacts/screenshots');


describe.skipIf(!hasChromium)('the reader site', () => {
  const session = useSiteSession();
  const open = async (path: string, options: BrowserContextOptions = {}): Promise<Page> => {
    const context = await session.browser.newContext(options);
    const page = await context.newPage();
    await page.goto(session.url + path);
    return page;
  };
  beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

  it('has no axe violations (WCAG 2.2 AA) on any page, in light and dark', { timeout: 300_000 }, async () => {
    // The builder's own pages and the translator pages have their own axe runs (widget-a11y, translators).
    const pages = pagePaths(E2E_DIST).filter((p) => !p.startsWith('/embed/ua-builder/') && !p.includes('/translators/'));
    expect(pages.length).toBeGreaterThanOrEqual(14);
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const path of pages) {
        const page = await open(path, { colorScheme });
        // The disclosures open too, so the English inside them is checked as well.
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
        expect(await axeViolations(page), `${path} (${colorScheme})`).toEqual([]);
        await page.context().close();
      }
    }
  });

  it('switches language and keeps the section the reader is in', async () => {
    const page = await open(`${DOC('fr')}#${STEP2}`);
    await page.locator('.lang-switcher summary').click();
    await page.locator('.lang-switcher a[hreflang="ja-JP"]').click();
    await page.waitForURL(`**${DOC('ja')}#${STEP2}`);
    expect(await page.locator(`#${STEP2}`).textContent()).toContain('手順 2');
    await page.context().close();
  });

  it('shows the English behind a paragraph by keyboard, marked as English', async () => {
    const page = await open(DOC('ko'));
    const details = page.locator('article details.source-text.aligned').first();
    await details.locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await details.evaluate((d: HTMLDetailsElement) => d.open)).toBe(true);
    const english = details.locator('[lang="en"]');
    expect(await english.isVisible()).toBe(true);
    expect(await english.textContent()).toContain('Become a Microsoft Defender for Endpoint partner');
    await page.keyboard.press('Enter');
    expect(await details.evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
    await page.context().close();
  });

  it('says where a block has no English counterpart (another source revision)', async () => {
    const page = await open(DOC('ja'));
    expect(await page.locator('details.source-text.not-aligned').count()).toBeGreaterThan(0);
    const first = page.locator('details.source-text.not-aligned').first();
    expect(await first.locator('summary').textContent()).toBe('対応する英語なし');
    await page.context().close();
  });

  it('switches the whole content to English by keyboard, keeps the UI, and remembers it', async () => {
    const page = await open(DOC('fr'));
    const toggle = page.locator('button.original-switch');
    await toggle.focus();
    await page.keyboard.press('Space');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const h1 = page.locator('article h1');
    expect(await h1.textContent()).toBe('Become a Microsoft Defender for Endpoint partner');
    expect(await h1.getAttribute('lang')).toBe('en');
    expect(await page.locator(`#${STEP2}`).count()).toBe(1);
    expect(await page.locator('.toc summary').textContent()).toBe('Sur cette page');
    expect(page.url()).toBe(session.url + DOC('fr'));
    // Remembered on the next page.
    await page.goto(session.url + DOC('ko'));
    expect(await page.locator('button.original-switch').getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('article h1').textContent()).toBe('Become a Microsoft Defender for Endpoint partner');
    await page.locator('button.original-switch').click();
    expect(await page.locator('article h1').textContent()).not.toBe('Become a Microsoft Defender for Endpoint partner');
    await page.context().close();
  });

  it('works without JavaScript: the switch is a link to the English page, disclosures still open', async () => {
    const page = await open(DOC('de'), { javaScriptEnabled: false });
    expect(await page.locator('a.original-switch-link').getAttribute('href')).toBe(DOC('en'));
    expect(await page.locator('button.original-switch').isVisible()).toBe(false);
    await page.locator('details.source-text summary').first().click();
    expect(await page.locator('details.source-text [lang="en"]').first().isVisible()).toBe(true);
    expect(await page.locator('.search-open').isVisible()).toBe(false);
    await page.context().close();
  });

  for (const [lang, word] of [
    ['ja', 'パートナー'],
    ['ko', '파트너'],
  ] as const) {
    it(`finds a ${lang} word with search, loaded only when opened`, async () => {
      const page = await open(DOC(lang));
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      expect(requests.filter((u) => u.includes('/pagefind/'))).toEqual([]);
      await page.locator('.search-open').click();
      await page.locator('#search-input').fill(word);
      const result = page.locator('.search-results li a').first();
      await result.waitFor({ timeout: 15_000 });
      expect(await result.getAttribute('href')).toContain(DOC(lang));
      expect(await page.locator('.search-results mark').first().textContent()).toContain(word.slice(0, 2));
      expect(requests.some((u) => u.includes('/pagefind/pagefind.js'))).toBe(true);
      await page.keyboard.press('Escape');
      expect(await page.locator('.search-dialog').evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
      await page.context().close();
    });
  }

  it('suggests the browser language on the chooser without redirecting', async () => {
    const page = await open('/', { locale: 'ko-KR' });
    expect(page.url()).toBe(`${session.url}/`);
    expect(await page.locator('.chooser-suggestion').textContent()).toContain('한국어');
    expect(await page.locator('.chooser a.suggested').getAttribute('hreflang')).toBe('ko-KR');
    await page.context().close();
  });

  it('renders every locale at 1280 and 320 px with no horizontal overflow (screenshots saved)', { timeout: 120_000 }, async () => {
    for (const lang of LOCALES) {
      for (const width of [1280, 320]) {
        const page = await open(DOC(lang), { viewport: { width, height: 900 } });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${lang} at ${width}px`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: join(SHOTS, `${lang}-${width}.png`), fullPage: width === 320 ? false : true });
        await page.context().close();
      }
    }
  });
});
