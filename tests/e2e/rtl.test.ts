/**
 * Right-to-left pages, built and looked at: the real-world corpus's ar-SA partner guide and a he-IL page
 * dropped into a copy of the content (adding a locale is adding a file), built, and opened in Chromium
 * at 1280 and 320 px, light and dark: `dir="rtl"`, the layout mirrored, code kept left-to-right and
 * isolated, the English UI of a locale without UI strings marked as English, no horizontal overflow,
 * no axe violation, and screenshots in artifacts/screenshots.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { hasChromium, launchBrowser } from './support/browser.ts';
import { ROOT } from './support/built-site.ts';
import { serveStatic, type StaticServer } from './support/serve.ts';

const CORPUS = join(ROOT, '../shared/corpus');
const AR = join(CORPUS, 'become-partner.ar-SA.4e6db829.md');
const HE = join(CORPUS, 'other.he-IL.increase-threat-protection.md');
const SHOTS = join(ROOT, 'artifacts/screenshots');
const PAGES = [
  ['ar', '/ar/become-partner/'],
  ['he', '/he/increase-threat-protection/'],
] as const;

describe.skipIf(!hasChromium || !existsSync(AR) || !existsSync(HE))('right-to-left pages (ar-SA, he-IL from the corpus)', () => {
  let browser: Browser;
  let server: StaticServer;
  beforeAll(async () => {
    const work = mkdtempSync(join(tmpdir(), 'rtl-'));
    const content = join(work, 'content');
    cpSync(join(ROOT, 'content'), content, { recursive: true });
    copyFileSync(AR, join(content, 'source/become-partner/ar-SA.md'));
    mkdirSync(join(content, 'source/increase-threat-protection'));
    copyFileSync(HE, join(content, 'source/increase-threat-protection/he-IL.md'));
    const out = join(work, 'dist');
    const r = spawnSync('npm', ['run', '--silent', 'build', '--', '--content', content, '--out', out], { cwd: ROOT, encoding: 'utf8', timeout: 240_000 });
    if (r.status !== 0) throw new Error(`build failed:\n${r.stderr}`);
    mkdirSync(SHOTS, { recursive: true });
    server = await serveStatic(out);
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('is right-to-left and mirrored, with code left-to-right and the English UI marked as English', async () => {
    for (const [lang, path] of PAGES) {
      const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
      await page.goto(server.url + path);
      expect(await page.locator('html').getAttribute('dir'), lang).toBe('rtl');
      expect(await page.locator('html').getAttribute('lang'), lang).toBe(lang);
      // Mirrored: "On this page" on the right of the text, the site name on the right of the header.
      const toc = (await page.locator('nav.toc').boundingBox())!;
      const main = (await page.locator('main').boundingBox())!;
      expect(toc.x, `${lang}: contents right of the text`).toBeGreaterThan(main.x + main.width - 1);
      const brand = (await page.locator('.brand').boundingBox())!;
      const tools = (await page.locator('.header-tools').boundingBox())!;
      expect(brand.x, lang).toBeGreaterThan(tools.x);
      // No UI strings for this language: the site's words are English, said so, left-to-right.
      expect(await page.locator('.header-tools').getAttribute('lang')).toBe('en');
      expect(await page.locator('.provenance').evaluate((e) => [e.getAttribute('lang'), getComputedStyle(e).direction])).toEqual(['en', 'ltr']);
      // Code reads left to right inside right-to-left text.
      const codes = await page.$$eval('article code', (cs) => cs.filter((c) => c.getRootNode() === document && !c.closest('mde-ua-builder')).map((c) => [getComputedStyle(c).direction, getComputedStyle(c).unicodeBidi]));
      for (const c of codes) expect(c, lang).toEqual(['ltr', 'isolate']);
      // The builder's value and code too (in its shadow root).
      if (lang === 'ar') expect(await page.locator('mde-ua-builder #value').evaluate((v) => getComputedStyle(v).direction)).toBe('ltr');
      await page.context().close();
    }
  });

  it('has no horizontal overflow and no axe violation at 1280 and 320 px, light and dark (screenshots saved)', { timeout: 180_000 }, async () => {
    for (const [lang, path] of PAGES) {
      for (const colorScheme of ['light', 'dark'] as const) {
        for (const width of [1280, 320]) {
          const page = await (await browser.newContext({ viewport: { width, height: 900 }, colorScheme })).newPage();
          await page.goto(server.url + path);
          expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth), `${lang} ${width} ${colorScheme}`).toBeLessThanOrEqual(0);
          await page.screenshot({ path: join(SHOTS, `rtl-${lang}-${width}-${colorScheme}.png`) });
          if (width === 1280) {
            await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
            expect(await axeViolations(page), `${lang} ${colorScheme}`).toEqual([]);
          }
          await page.context().close();
        }
      }
    }
  });
});
