/**
 * The page-weight budget (gzip sizes are deterministic, so this is a test, not a benchmark): a doc page's
 * first load — HTML, CSS, JS, fonts, everything fetched before any interaction — stays ≤ 30 KB gzip in
 * every locale, and search costs nothing until it is opened.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measurePageWeight } from '../../scripts/measure/page-weight.ts';
import { hasChromium, launchBrowser } from './support/browser.ts';
import { E2E_DIST } from './support/built-site.ts';
import { serveStatic, type StaticServer } from './support/serve.ts';

const BUDGET = 30 * 1024;

describe.skipIf(!hasChromium)('page weight', () => {
  let browser: Browser;
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(E2E_DIST);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const lang of ['en', 'ja', 'fr', 'de', 'ko', 'es']) {
    it(`/${lang}/become-partner/ loads in ≤ 30 KB gzip, no search files, no web fonts`, async () => {
      const weight = await measurePageWeight(browser, server.url, E2E_DIST, `/${lang}/become-partner/`);
      expect(weight.totalGzip, JSON.stringify(weight.files)).toBeLessThanOrEqual(BUDGET);
      expect(weight.files.map((f) => f.path).filter((p) => p.startsWith('/pagefind/') || /\.(woff2?|ttf|otf)$/.test(p))).toEqual([]);
      expect(weight.files.map((f) => f.path)).toContain(`/${lang}/become-partner/`);
    });
  }
});
