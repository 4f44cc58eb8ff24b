/**
 * The reader page's furniture in Chromium, each check one a partner would notice: code in a code face in
 * every language, no build notice in the text or in search, a header that stays in reach, the language
 * switch keeping the section scrolled to, "On this page" following the reading position, heading
 * permalinks, copy buttons on code blocks, search opened by / and Ctrl+K leading to a section, and the
 * page's last update and upstream link.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium } from './support/browser.ts';
import { useSiteSession } from './support/site-session.ts';

const LOCALES = ['en', 'ja', 'fr', 'de', 'ko', 'es'];
const DOC = (lang: string) => `/${lang}/become-partner/`;
const STEP2 = 'step-2-fulfill-the-solution-validation-and-certification-requirements';
const STEP3 = 'step-3-become-a--microsoft-intelligent-security-association-member';
const STEP4 = 'step-4-get-listed-in-the-microsoft-defender-for-endpoint-partner-application-portal';

describe.skipIf(!hasChromium)('the reader page furniture', () => {
  const session = useSiteSession();
  const open = (path: string, options?: BrowserContextOptions) => session.open(path, options);
  const scrollTo = async (page: Page, id: string) => {
    await page.evaluate((target) => document.getElementById(target)!.scrollIntoView({ block: 'start' }), id);
    await page.waitForTimeout(150);
  };

  it('shows code in a monospace face in every locale (a language font rule must not win over it)', async () => {
    for (const lang of LOCALES) {
      const page = await open(DOC(lang));
      // (The builder's no-script fallback is not rendered once the builder runs: its code has no style.)
      const faces = await page.$$eval('article code', (codes) => [...new Set(codes.filter((c) => !c.closest('mde-ua-builder')).map((c) => getComputedStyle(c).fontFamily))]);
      expect(faces.length, lang).toBeGreaterThan(0);
      // The page's code in the site's code stack; the builder's own (in its shadow root) in its monospace.
      for (const face of faces) expect(face, lang).toMatch(/(?:^ui-monospace,.*)?monospace$/);
      expect(faces.some((f) => f.startsWith('ui-monospace,')), lang).toBe(true);
      await page.context().close();
    }
  });

  it('keeps the build notice about a missing include out of the article and out of search', async () => {
    for (const lang of LOCALES) {
      const page = await open(DOC(lang));
      expect(await page.locator('article .include-missing').count(), lang).toBe(0);
      expect(await page.locator('article').textContent(), lang).not.toContain('microsoft-defender.md');
      await page.context().close();
    }
    const page = await open(DOC('en'));
    await page.locator('.search-open').click();
    await page.locator('#search-input').fill('rebranding');
    await expect.poll(() => page.locator('.search-status').textContent(), { timeout: 15_000 }).toMatch(/No results/);
    await page.context().close();
  });

  it('keeps search, language and theme in reach after scrolling, at 1280 and 320 px', async () => {
    for (const width of [1280, 320]) {
      const page = await open(DOC('ja'), { viewport: { width, height: 800 } });
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForTimeout(150);
      for (const selector of ['.search-open', '.lang-switcher summary', '.theme-toggle']) {
        const box = await page.locator(selector).boundingBox();
        expect(box, `${selector} at ${width}`).not.toBeNull();
        expect(box!.y, `${selector} at ${width}`).toBeGreaterThanOrEqual(0);
        expect(box!.y + box!.height, `${selector} at ${width}`).toBeLessThanOrEqual(800);
      }
      // The header stays one row on a phone, and a heading scrolled to is not under it.
      const header = (await page.locator('.site-header').boundingBox())!;
      if (width === 320) expect(header.height).toBeLessThan(64);
      await page.goto(`${session.url}${DOC('ja')}#${STEP3}`);
      await page.waitForTimeout(150);
      const heading = (await page.locator(`#${STEP3}`).boundingBox())!;
      expect(heading.y, `heading under the header at ${width}`).toBeGreaterThanOrEqual(header.height - 1);
      await page.context().close();
    }
  });

  it('switches language from a section scrolled to (no #anchor followed) and lands on that section', async () => {
    const page = await open(DOC('fr'));
    await scrollTo(page, STEP2);
    // Opening the header's menu does not move the page (a page-wide scroll-padding would).
    const before = await page.evaluate(() => scrollY);
    await page.locator('.lang-switcher summary').click();
    expect(await page.evaluate(() => scrollY)).toBe(before);
    await page.locator('.lang-switcher a[hreflang="ko-KR"]').click();
    await page.waitForURL(`**${DOC('ko')}#${STEP2}`);
    const top = (await page.locator(`#${STEP2}`).boundingBox())!.y;
    expect(top).toBeLessThan(200);
    await page.context().close();
  });

  it('marks the section in view in "On this page" as the reader scrolls', async () => {
    const page = await open(DOC('de'), { viewport: { width: 1280, height: 800 } });
    const current = () => page.locator('.toc a[aria-current="location"]').getAttribute('href');
    await scrollTo(page, STEP3);
    expect(await current()).toBe(`#${STEP3}`);
    await scrollTo(page, STEP2);
    expect(await current()).toBe(`#${STEP2}`);
    expect(await page.locator('.toc a[aria-current="location"]').count()).toBe(1);
    await page.context().close();
  });

  it('gives every section heading a permalink, named in the page language and left out of search', async () => {
    const page = await open(DOC('ja'));
    const links = await page.$$eval('article :is(h2, h3)[id]:not(.ua-builder-slot h3)', (hs) => hs.map((h) => ({ id: h.id, href: h.querySelector('a.heading-link')?.getAttribute('href'), label: h.querySelector('a.heading-link')?.getAttribute('aria-label'), ignored: h.querySelector('a.heading-link')?.hasAttribute('data-pagefind-ignore') })));
    expect(links.length).toBeGreaterThanOrEqual(5);
    for (const l of links) expect(l).toEqual({ id: l.id, href: `#${l.id}`, label: 'このセクションへのリンク', ignored: true });
    // By keyboard: the link shows when focused, and following it puts the section in the address.
    await page.locator(`#${STEP4} a.heading-link`).focus();
    expect(await page.locator(`#${STEP4} a.heading-link`).evaluate((a) => getComputedStyle(a).opacity)).toBe('1');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**#${STEP4}`);
    await page.context().close();
  });

  it('copies a code block with its button, says so, and says it in the page language', async () => {
    const page = await open(DOC('ja'));
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.url });
    const buttons = page.locator('article .code-block > button.copy-code');
    expect(await buttons.count()).toBe(2);
    expect(await page.locator('mde-ua-builder .code-block, .ua-builder-slot .code-block').count()).toBe(0);
    await buttons.first().click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('MdePartner-{CompanyName}-{ProductName}/{Version}');
    expect(await buttons.first().textContent()).toBe('コピーしました');
    expect(await page.locator('article .copy-status').textContent()).toBe('コピーしました');
    await expect.poll(() => buttons.first().textContent(), { timeout: 4000 }).toBe('コピー');
    await page.context().close();
  });

  it('shows a scroll cue on a code block wider than a phone, and keeps the copy button off the code', async () => {
    const page = await open(DOC('es'), { viewport: { width: 320, height: 800 } });
    const pre = page.locator('article .code-block > pre').first();
    expect(await pre.evaluate((p) => p.scrollWidth > p.clientWidth)).toBe(true);
    expect(await pre.evaluate((p) => getComputedStyle(p).backgroundImage)).toMatch(/radial-gradient.*radial-gradient/);
    const code = (await pre.boundingBox())!;
    const button = (await page.locator('article .code-block > button.copy-code').first().boundingBox())!;
    expect(button.y).toBeGreaterThanOrEqual(code.y + code.height);
    await page.context().close();
  });

  it('opens search with / and Ctrl+K, and a query leads to the section, not only the page', async () => {
    const page = await open(DOC('en'));
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('/');
    expect(await page.locator('.search-dialog').evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+k');
    expect(await page.locator('.search-dialog').evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    await page.locator('#search-input').fill('User-Agent');
    const section = page.locator('.search-sections a').first();
    await section.waitFor({ timeout: 15_000 });
    expect(await section.getAttribute('href')).toContain(`${DOC('en')}#${STEP4}`);
    expect(await page.locator('.search-status').textContent()).toContain('English');
    // Typing / in the search field types it.
    await page.locator('#search-input').fill('');
    await page.locator('#search-input').press('/');
    expect(await page.locator('#search-input').inputValue()).toBe('/');
    await page.context().close();
  });

  it('finds a section in every locale: the search index of each language has the sections by heading id', async () => {
    for (const lang of LOCALES) {
      const page = await open(DOC(lang));
      await page.keyboard.press('Control+k');
      await page.locator('#search-input').fill('MdePartner');
      const section = page.locator('.search-sections a').first();
      await section.waitFor({ timeout: 15_000 });
      expect(await section.getAttribute('href'), lang).toBe(`${DOC(lang)}#${STEP4}`);
      await page.context().close();
    }
  });

  it('says when the page was last updated and links to it on the upstream site, in the page language', async () => {
    const page = await open(DOC('fr'));
    const meta = page.locator('footer.page-meta');
    expect(await meta.locator('time').getAttribute('datetime')).toBe('2021-03-23');
    expect(await meta.textContent()).toContain('Dernière mise à jour');
    const link = meta.locator('a[rel="external"]');
    expect(await link.getAttribute('href')).toBe('https://learn.microsoft.com/fr-fr/microsoft-365/security/defender-endpoint/get-started-partner-integration');
    expect(await link.textContent()).toBe('Cette page sur learn.microsoft.com');
    await page.context().close();
  });

  it('gives the builder a heading, full width at 320 px, code before typing that says what to do, and its status under what it judges', async () => {
    const page = await open(DOC('en'), { viewport: { width: 320, height: 800 } });
    const slot = page.locator('section.ua-builder-slot');
    expect(await slot.locator('h3#ua-builder-title').textContent()).toBe('Build your User-Agent');
    expect(await slot.getAttribute('aria-labelledby')).toBe('ua-builder-title');
    // After the list, not inside its item: the article's width.
    expect(await slot.evaluate((s) => s.closest('li'))).toBeNull();
    expect((await slot.boundingBox())!.width).toBeGreaterThan(270);
    const shadow = (selector: string) => page.locator(`mde-ua-builder ${selector}`);
    expect(await shadow('#code').textContent()).toBe('Fill in the three fields to get the code.');
    // The status line follows the value it judges, not the checker's empty field.
    expect(await shadow('#status').evaluate((s) => s.previousElementSibling?.getAttribute('role'))).toBe('group');
    await shadow('#company').fill('Contoso');
    await shadow('#product').fill('ContosoCognito');
    await shadow('#version').fill('1.0.0');
    await expect.poll(() => shadow('#status').textContent()).toBe('Valid: MdePartner-Contoso-ContosoCognito/1.0.0');
    expect(await shadow('#status').evaluate((s) => s.previousElementSibling?.getAttribute('role'))).toBe('group');
    // Code scrolls sideways rather than wrapping inside a string literal, and a keyboard can reach it.
    await shadow('#t-python').click();
    const listing = shadow('pre#listing');
    expect(await listing.evaluate((pre) => getComputedStyle(pre).whiteSpace)).toBe('pre');
    expect(await listing.evaluate((pre) => pre.scrollWidth > pre.clientWidth)).toBe(true);
    expect(await listing.getAttribute('tabindex')).toBe('0');
    // A value checked in the checker gets its verdict under the checker.
    await shadow('#check').fill('MdePartner-Fabrikam-Tool/2.0.0');
    await expect.poll(() => shadow('#status').evaluate((s) => s.previousElementSibling?.querySelector('#check') !== null)).toBe(true);
    await page.context().close();
  });

  it('gives the embed page the site\'s header (language, theme, search), a skip link in its language, and a copy toast that goes away', async () => {
    const page = await open('/ja/embed/');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.url });
    expect(await page.locator('.skip-link').textContent()).toBe('本文へスキップ');
    expect(await page.locator('.search-open').isVisible()).toBe(true);
    expect(await page.locator('.theme-toggle').isVisible()).toBe(true);
    await page.locator('.lang-switcher summary').click();
    expect(await page.locator('.lang-switcher a[hreflang="fr-FR"]').getAttribute('href')).toMatch(/\/fr\/embed\/$/);
    await page.locator('.lang-switcher summary').click();
    await page.locator('button.ua-copy').first().click();
    const toast = page.locator('.ua-copy-status');
    await expect.poll(() => toast.textContent()).toBe('コピーしました。');
    await expect.poll(() => toast.textContent(), { timeout: 6000 }).toBe('');
    await page.context().close();
  });
});
