/**
 * The reader site in Chromium, as partners use it: accessibility in light and dark, the language switch
 * that keeps the section, the English behind a paragraph and the page-wide switch by keyboard, search in
 * Japanese and Korean, the chooser's suggestion, pages without JavaScript, and a screenshot of every
 * locale at 1280 and 320 px (saved under artifacts/screenshots) with no horizontal overflow.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContextOptions } from 'playwright-core';
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
  const open = (path: string, options?: BrowserContextOptions) => session.open(path, options);
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
    // Hidden until the reader asks for it: the English mode, by keyboard.
    expect(await page.locator('article details.source-text').first().isVisible()).toBe(false);
    await page.locator('fieldset.english-mode input[value="blocks"]').focus();
    await page.keyboard.press('Space');
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

  it('says once per section where passages have no English counterpart, and why (another source revision)', async () => {
    const page = await open(DOC('ja'));
    await page.locator('fieldset.english-mode input[value="blocks"]').check();
    // No disclosure per passage: one note for the section, naming both revisions, with the English page.
    expect(await page.locator('details.source-text.not-aligned').count()).toBe(0);
    const notes = page.locator('.section-no-english');
    expect(await notes.count()).toBe(2);
    const step4 = page.locator('#step-4-get-listed-in-the-microsoft-defender-for-endpoint-partner-application-portal + details + .section-no-english, #step-4-get-listed-in-the-microsoft-defender-for-endpoint-partner-application-portal + .section-no-english');
    expect(await step4.textContent()).toMatch(/リビジョン eb8c600d から翻訳されており、英語ページはリビジョン 55791dda, 956176ed/);
    expect(await step4.locator('a').getAttribute('href')).toBe('/en/become-partner/#step-4-get-listed-in-the-microsoft-defender-for-endpoint-partner-application-portal');
    // The page-wide English view says how many passages stay in Japanese, and marks each.
    await page.locator('button.original-switch').click();
    expect(await page.locator('.original-partial').textContent()).toBe('19 個の文章には対応する英語がないため、日本語のまま表示され、印が付いています。');
    const marked = page.locator('article [data-no-english]');
    expect(await marked.count()).toBe(19);
    expect(await marked.first().evaluate((e) => getComputedStyle(e, '::before').content)).toBe('"対応する英語なし"');
    await page.locator('button.original-switch').click();
    expect(await page.locator('.original-partial').textContent()).toBe('');
    await page.context().close();
  });

  it('offers the English side by side on wide screens and under each block on a phone, and remembers the choice', async () => {
    for (const width of [1280, 320]) {
      const page = await open(DOC('fr'), { viewport: { width, height: 900 } });
      await page.locator('fieldset.english-mode input[value="side"]').check();
      const pair = page.locator('article .bi-pair').nth(2);
      const [block, english] = [(await pair.locator(':scope > :first-child').boundingBox())!, (await pair.locator(':scope > details .source-body').boundingBox())!];
      if (width === 1280) expect(english.x, 'beside').toBeGreaterThan(block.x + block.width - 1);
      else expect(english.y, 'under').toBeGreaterThan(block.y + block.height - 1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
      await page.goto(session.url + DOC('de'));
      expect(await page.locator('fieldset.english-mode input[value="side"]').isChecked()).toBe(true);
      expect(await page.locator('article .bi-pair').count()).toBeGreaterThan(5);
      await page.context().close();
    }
  });

  it('gives a block whose English reads the same no English disclosure (a product name)', async () => {
    const page = await open(DOC('fr'));
    const item = page.locator('article li', { hasText: 'Microsoft 365 Defender' }).first();
    expect(await item.locator('details.source-text').count()).toBe(0);
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
      // The text around a hit keeps its spaces (a decoded excerpt once lost the one after each hit).
      const excerpts = (await page.locator('.search-results p').allTextContents()).join(' ');
      expect(excerpts).toContain(lang === 'ko' ? '파트너 자격' : 'パートナー アプリケーション');
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

  it('renders every locale at 1280 and 320 px, light and dark, with no horizontal overflow (screenshots saved)', { timeout: 180_000 }, async () => {
    for (const lang of LOCALES) {
      for (const colorScheme of ['light', 'dark'] as const) {
        for (const width of [1280, 320]) {
          const page = await open(DOC(lang), { viewport: { width, height: 900 }, colorScheme });
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, `${lang} at ${width}px, ${colorScheme}`).toBeLessThanOrEqual(0);
          await page.screenshot({ path: join(SHOTS, `${lang}-${width}${colorScheme === 'dark' ? '-dark' : ''}.png`), fullPage: width === 1280 && colorScheme === 'light' });
          await page.context().close();
        }
      }
    }
  });
});
