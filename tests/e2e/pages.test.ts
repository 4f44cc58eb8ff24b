/**
 * Every page of the built site opened in Chromium: it loads with no console error, no failed request
 * and no Content-Security-Policy violation (the page's own strict policy), in the language its content
 * is in; and the parts that load code later (search with its WebAssembly, the builder) stay within the
 * policy when used.
 */
import { describe, expect, it } from 'vitest';
import { hasChromium } from './support/browser.ts';
import { pagePaths } from '../../scripts/measure/site-files.ts';
import { E2E_DIST } from './support/built-site.ts';
import { useSiteSession } from './support/site-session.ts';


/** Runs before any page script (through the DevTools protocol, so the page's CSP does not apply to it). */
const COLLECT_VIOLATIONS = () => {
  const w = window as unknown as { __violations: string[] };
  w.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
};
const violations = (page: import('playwright-core').Page) => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

describe.skipIf(!hasChromium)('every page in Chromium', () => {
  const session = useSiteSession();

  it('finds the pages of the six locales', () => {
    const pages = pagePaths(E2E_DIST);
    for (const lang of ['en', 'ja', 'fr', 'de', 'ko', 'es']) expect(pages).toContain(`/${lang}/become-partner/`);
  });

  it('loads each page with no console error or failed request, in its content language', { timeout: 300_000 }, async () => {
    const paths = pagePaths(E2E_DIST);
    // A few tabs at a time: quicker, and still one browser.
    const check = async (path: string) => {
      const page = await session.browser.newPage();
      await page.addInitScript(COLLECT_VIOLATIONS);
      const problems: string[] = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
      page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()}: ${r.url()}`));
      await page.goto(session.url + path, { waitUntil: 'load' });
      expect(problems, path).toEqual([]);
      expect(await violations(page), path).toEqual([]);
      const lang = await page.getAttribute('html', 'lang');
      const segment = path.split('/')[1];
      // The iframe page takes its language from its query; every other page from its first segment.
      if (segment && path.endsWith('/') && segment !== 'embed') expect(lang, path).toBe(segment);
      await page.close();
    };
    for (let i = 0; i < paths.length; i += 4) await Promise.all(paths.slice(i, i + 4).map(check));
  });

  it('keeps search and the builder within the policy when they are used', async () => {
    const page = await session.browser.newPage();
    await page.addInitScript(COLLECT_VIOLATIONS);
    await page.goto(`${session.url}/ko/become-partner/`);
    await page.locator('.search-open').click();
    await page.locator('#search-input').fill('파트너');
    await page.locator('.search-results li').first().waitFor();
    await page.keyboard.press('Escape');
    const builder = page.locator('mde-ua-builder');
    await builder.locator('input').first().fill('Contoso');
    await page.waitForTimeout(200);
    expect(await violations(page)).toEqual([]);
    await page.close();
  });
});
