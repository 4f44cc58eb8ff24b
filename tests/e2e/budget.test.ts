/**
 * The page-weight budget (gzip sizes are deterministic, so this is a test, not a benchmark): a doc page's
 * first load — HTML, CSS, JS, fonts, everything fetched before any interaction — stays ≤ 30 KB gzip in
 * every locale, and search costs nothing until it is opened.
 */
import { describe, expect, it } from 'vitest';
import { measurePageWeight } from '../../scripts/measure/page-weight.ts';
import { hasChromium } from './support/browser.ts';
import { E2E_DIST } from './support/built-site.ts';
import { useSiteSession } from './support/site-session.ts';

const BUDGET = 30 * 1024;

describe.skipIf(!hasChromium)('page weight', () => {
  const session = useSiteSession();

  for (const lang of ['en', 'ja', 'fr', 'de', 'ko', 'es']) {
    it(`/${lang}/become-partner/ loads in ≤ 30 KB gzip, no search files, no web fonts`, async () => {
      const weight = await measurePageWeight(session.browser, session.url, E2E_DIST, `/${lang}/become-partner/`);
      expect(weight.totalGzip, JSON.stringify(weight.files)).toBeLessThanOrEqual(BUDGET);
      expect(weight.files.map((f) => f.path).filter((p) => p.startsWith('/pagefind/') || /\.(woff2?|ttf|otf)$/.test(p))).toEqual([]);
      expect(weight.files.map((f) => f.path)).toContain(`/${lang}/become-partner/`);
    });
  }
});
