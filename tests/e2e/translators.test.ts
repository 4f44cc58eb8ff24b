/**
 * The translator pages in Chromium: every page loads cleanly and passes axe (WCAG 2.2 AA), the findings
 * filters and the workbench's pair view (any two columns, picked on the page) work by keyboard and keep
 * their state in the fragment, a pair and a cell can be deep-linked, a finding's link lands on its cell, everything is there without JavaScript, a page opened from disk (file://)
 * loads its CSS and JS and links on to its neighbours, and wide tables scroll in their own box.
 * Screenshots of the dashboard and the grid at 1280 and 320 px go to artifacts/translators/.
 */
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { hasChromium, launchBrowser } from './support/browser.ts';
import { E2E_DIST, ROOT } from './support/built-site.ts';
import { serveStatic, type StaticServer } from './support/serve.ts';

const SHOTS = join(ROOT, 'artifacts/translators');
const DOC = 'become-partner';
const base = (lang: string) => `/${lang}/translators/`;
const view = (lang: string, name: string) => `${base(lang)}${DOC}/${name ? `${name}/` : ''}`;

/** Site paths of the built translator pages (`/<lang>/translators/…/`). */
function translatorPages(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name === 'index.html') out.push(`/${relative(E2E_DIST, dir)}/`);
    }
  };
  for (const top of readdirSync(E2E_DIST)) {
    const dir = join(E2E_DIST, top, 'translators');
    if (statSync(join(E2E_DIST, top)).isDirectory() && readdirSync(join(E2E_DIST, top)).includes('translators')) walk(dir);
  }
  return out.sort();
}

interface Problems {
  list: string[];
}
function watch(page: Page): Problems {
  const problems: Problems = { list: [] };
  page.on('console', (m) => m.type() === 'error' && problems.list.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.list.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.list.push(`failed: ${r.url()}`));
  page.on('response', (r) => r.status() >= 400 && problems.list.push(`${r.status()}: ${r.url()}`));
  return problems;
}

describe.skipIf(!hasChromium)('translator pages', () => {
  let browser: Browser;
  let server: StaticServer;
  const open = async (path: string, options: BrowserContextOptions = {}): Promise<Page> => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    await page.goto(server.url + path);
    return page;
  };
  beforeAll(async () => {
    server = await serveStatic(E2E_DIST);
    browser = await launchBrowser();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('exist for every site language: dashboard, and three views per document whatever the number of locales', () => {
    const pages = translatorPages();
    for (const lang of ['en', 'ja', 'fr', 'de', 'ko', 'es']) {
      for (const p of [base(lang), view(lang, ''), view(lang, 'findings'), view(lang, 'terms')]) expect(pages).toContain(p);
      expect(pages.filter((p) => p.startsWith(base(lang)))).toHaveLength(4);
    }
    // The shells the pages were written from are gone.
    expect(pages.some((p) => p.includes('mtdocs--'))).toBe(false);
  });

  it('load with no console error and no failed request, in their UI language, outside the search index', { timeout: 240_000 }, async () => {
    for (const path of translatorPages()) {
      const page = await browser.newPage();
      const problems = watch(page);
      await page.goto(server.url + path, { waitUntil: 'load' });
      expect(problems.list, path).toEqual([]);
      expect(await page.getAttribute('html', 'lang'), path).toBe(path.split('/')[1]);
      expect(await page.locator('[data-pagefind-body]').count(), path).toBe(0);
      expect(await page.locator('script:not([src]), [style], style').count(), `${path}: inline script or style`).toBe(0);
      await page.close();
    }
  });

  it('have no axe violations (WCAG 2.2 AA), disclosures open, in light and dark', { timeout: 300_000 }, async () => {
    // Every page, and the workbench with a pair picked.
    const pages = [...translatorPages(), `${view('en', '')}#a=fr-FR&b=ko-KR`, `${view('ja', '')}#a=en&b=ja-JP`];
    for (const path of pages) {
      for (const colorScheme of path.startsWith('/en/') || path.startsWith('/ja/') ? (['light', 'dark'] as const) : (['light'] as const)) {
        const page = await open(path, { colorScheme });
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
        expect(await axeViolations(page), `${path} (${colorScheme})`).toEqual([]);
        await page.context().close();
      }
    }
  });

  it('filter findings by keyboard, keep the filter in the fragment, and say how many are shown', async () => {
    const page = await open(view('en', 'findings'));
    const rows = page.locator('table[data-qa-findings] tbody tr');
    const total = await rows.count();
    expect(await page.locator('.qa-shown').textContent()).toBe(`${total} of ${total} findings shown`);
    await page.locator('#filter-severity').focus();
    await page.keyboard.press('ArrowDown'); // error
    await page.waitForFunction(() => location.hash === '#severity=error');
    const errors = await page.locator('table[data-qa-findings] tbody tr:not([hidden])').count();
    expect(errors).toBeGreaterThan(0);
    expect(errors).toBeLessThan(total);
    expect(await page.locator('table[data-qa-findings] tbody tr:not([hidden])[data-severity="error"]').count()).toBe(errors);
    expect(await page.locator('.qa-shown').textContent()).toBe(`${errors} of ${total} findings shown`);
    // Tab on to the locale filter and pick one.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('filter-locale');
    await page.keyboard.press('ArrowDown'); // en
    await page.keyboard.press('ArrowDown'); // de-DE
    await page.waitForFunction(() => location.hash === '#severity=error&locale=de-DE');
    const de = await page.locator('table[data-qa-findings] tbody tr:not([hidden])').count();
    expect(await page.locator('table[data-qa-findings] tbody tr:not([hidden])[data-locale="de-DE"][data-severity="error"]').count()).toBe(de);
    // The reset button clears the filter and the fragment.
    await page.locator('.qa-filters button[type="reset"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '');
    expect(await page.locator('table[data-qa-findings] tbody tr:not([hidden])').count()).toBe(total);
    await page.context().close();
  });

  it('round-trips the fragment: a shared link opens the same view, also after a reload and in another UI language', async () => {
    const fragment = '#check=link.empty-text&severity=error';
    const page = await open(view('en', 'findings') + fragment);
    const visible = page.locator('table[data-qa-findings] tbody tr:not([hidden])');
    await page.waitForFunction(() => document.querySelector('.qa-shown')?.textContent !== '');
    expect(await page.locator('#filter-check').inputValue()).toBe('link.empty-text');
    expect(await page.locator('#filter-severity').inputValue()).toBe('error');
    const n = await visible.count();
    expect(n).toBe(8);
    expect(await page.locator('table[data-qa-findings] tbody tr:not([hidden])[data-check="link.empty-text"]').count()).toBe(n);
    await page.reload();
    expect(await page.locator('#filter-check').inputValue()).toBe('link.empty-text');
    expect(await visible.count()).toBe(n);
    // The language links carry the fragment, so the same filter opens in Japanese.
    await page.locator('.lang-switcher summary').click();
    await page.locator('.lang-switcher a[hreflang="ja-JP"]').click();
    await page.waitForURL(`**${view('ja', 'findings')}index.html${fragment}`);
    expect(await page.locator('#filter-check').inputValue()).toBe('link.empty-text');
    expect(await visible.count()).toBe(n);
    // Editing the fragment by hand (hashchange) applies it too.
    await page.evaluate(() => (location.hash = '#locale=ko-KR'));
    await page.waitForFunction(() => (document.querySelector('#filter-locale') as HTMLSelectElement).value === 'ko-KR');
    expect(await page.locator('#filter-check').inputValue()).toBe('');
    await page.context().close();
  });

  it('deep-links each finding to its grid cell, which is shown and targeted', async () => {
    const page = await open(`${view('en', 'findings')}#check=punct.truncated`);
    const link = page.locator('table[data-qa-findings] tbody tr:not([hidden]) .qa-where a').first();
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\.\.\/index\.html#cell-de-DE-/);
    await link.click();
    await page.waitForURL(/\/become-partner\/index\.html#cell-de-DE-/);
    const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
    const cell = page.locator(`[id="${id}"]`);
    expect(await cell.evaluate((el) => el.matches(':target'))).toBe(true);
    expect(await cell.textContent()).toContain('weiterver-');
    // Inside the grid's own scroll box and the window, not hidden under the sticky header or first column.
    const visible = await cell.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const box = el.closest('.qa-scroll')!.getBoundingClientRect();
      const head = el.closest('table')!.querySelector('thead')!.getBoundingClientRect();
      return r.top >= head.bottom - 1 && r.left >= box.left && r.top < innerHeight && r.left < innerWidth;
    });
    expect(visible).toBe(true);
    await page.context().close();
  });

  it('pair view: any two columns picked by keyboard, swapped, the second hidden, what differs named; kept in the fragment', async () => {
    const page = await open(view('en', ''));
    const shownCols = () => page.locator('table[data-qa-grid] thead th[data-col]:not([hidden])').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.col));
    expect(await shownCols()).toEqual(['en', 'de-DE', 'es-ES', 'fr-FR', 'ja-JP', 'ko-KR']);
    await page.locator('#pair-a').selectOption('fr-FR');
    await page.locator('#pair-b').focus();
    await page.keyboard.press('ArrowDown'); // en
    await page.waitForFunction(() => location.hash === '#a=fr-FR&b=en');
    expect(await shownCols()).toEqual(['fr-FR', 'en']);
    // Every row's cells follow the picked order; what differs is named and counted.
    const first = page.locator('table[data-qa-grid] tbody tr:not([hidden])').first();
    expect(await first.locator('td:not([hidden])').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.col))).toEqual(['fr-FR', 'en']);
    const status = await page.locator('[data-qa-pair-form] .qa-shown').textContent();
    const m = /^(\d+) aligned blocks, (\d+) with differing invariants\.$/.exec(status ?? '');
    expect(m, status ?? '').not.toBeNull();
    expect(await page.locator('[data-qa-differs]:not([hidden])').count()).toBe(Number(m![2]));
    expect(await page.locator('[data-qa-differs]:not([hidden])').first().textContent()).toMatch(/^Differs between the two: /);
    // Swap by keyboard.
    const swap = page.locator('button[data-qa-swap]');
    await swap.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#a=en&b=fr-FR');
    expect(await shownCols()).toEqual(['en', 'fr-FR']);
    // Hide the second column.
    const other = page.locator('button[data-qa-other]');
    expect(await other.textContent()).toContain('fr-FR');
    await other.focus();
    await page.keyboard.press('Space');
    expect(await other.getAttribute('aria-pressed')).toBe('false');
    expect(await shownCols()).toEqual(['en']);
    await page.waitForFunction(() => location.hash === '#a=en&b=fr-FR&other=hidden');
    // The state round-trips through a reload; reset shows every column again.
    await page.reload();
    expect(await shownCols()).toEqual(['en']);
    await page.locator('[data-qa-pair-form] button[type="reset"]').click();
    await page.waitForFunction(() => location.hash === '');
    expect(await shownCols()).toHaveLength(6);
    await page.context().close();
  });

  it('deep-links a pair and a cell: the two columns shown, the cell in view and focused', async () => {
    const probe = await open(view('en', ''));
    const id = await probe.locator('td[id^="cell-ko-KR-"]').nth(5).getAttribute('id');
    await probe.context().close();
    const page = await open(`${view('en', '')}#a=ja-JP&b=ko-KR&cell=${encodeURIComponent(id!)}`);
    const cell = page.locator(`[id="${id}"]`);
    await page.waitForFunction((i) => document.activeElement?.id === i, id);
    expect(await cell.evaluate((el) => el.classList.contains('qa-target'))).toBe(true);
    const box = await cell.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(900);
    expect(await page.locator('table[data-qa-grid] thead th[data-col]:not([hidden])').count()).toBe(2);
    await page.context().close();
  });

  it('is complete without JavaScript: every finding listed, every pair side shown, no dead controls', async () => {
    const findings = await open(`${view('fr', 'findings')}#severity=error`, { javaScriptEnabled: false });
    const total = await findings.locator('table[data-qa-findings] tbody tr').count();
    expect(await findings.locator('table[data-qa-findings] tbody tr:visible').count()).toBe(total);
    expect(await findings.locator('form[data-qa-filters]').isVisible()).toBe(false);
    await findings.context().close();
    // The workbench without a script: every column of every row, no pair controls.
    const grid = await open(`${view('fr', '')}#a=en&b=ja-JP`, { javaScriptEnabled: false });
    expect(await grid.locator('[data-qa-pair-form]').isVisible()).toBe(false);
    expect(await grid.locator('table[data-qa-grid] thead th[data-col]:visible').count()).toBe(6);
    const rows = await grid.locator('table[data-qa-grid] tbody tr').count();
    expect(await grid.locator('table[data-qa-grid] tbody td:visible').count()).toBe(rows * 6);
    await grid.context().close();
  });

  it('works opened from disk (file://): CSS and JS load, links lead on to the next page', async () => {
    const file = join(E2E_DIST, 'en/translators', DOC, 'findings/index.html');
    // No translator page links from the site's root: the dashboards (whose documents' part their own
    // code made relative, and the build did not read) and every view.
    const pages = translatorPages();
    expect(pages.length).toBeGreaterThan(18);
    for (const path of pages) expect(readFileSync(join(E2E_DIST, path, 'index.html'), 'utf8'), path).not.toMatch(/(?:href|src)="\/(?!\/)|mt-docs:relative/);
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(`${pathToFileURL(file).href}#severity=error`);
    // The translator stylesheet and the site's are applied...
    expect(await page.locator('.qa-nav ul').evaluate((el) => getComputedStyle(el).display)).toBe('flex');
    expect(await page.locator('.skip-link').evaluate((el) => getComputedStyle(el).position)).toBe('absolute');
    // ...and the scripts ran: the filter came from the fragment.
    await page.waitForFunction(() => (document.querySelector('#filter-severity') as HTMLSelectElement | null)?.value === 'error');
    expect(await page.locator('html').getAttribute('class')).toContain('js');
    await page.locator('.qa-nav a', { hasText: 'Grid' }).click();
    await page.waitForURL(/\/become-partner\/index\.html$/);
    expect(page.url().startsWith('file://')).toBe(true);
    expect(await page.locator('table.qa-grid').count()).toBe(1);
    expect(problems.list).toEqual([]);
    await context.close();
  });

  it('keeps wide tables in their own scroll box at 320 px; screenshots of the dashboard and the grid', { timeout: 120_000 }, async () => {
    for (const path of [base('en'), view('en', ''), view('en', 'findings'), view('en', 'terms'), `${view('en', '')}#a=fr-FR&b=ko-KR`, base('ja'), view('ja', ''), `${view('ja', '')}#a=en&b=ja-JP`]) {
      for (const width of [1280, 320]) {
        const page = await open(path, { viewport: { width, height: 900 } });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${path} at ${width}px`).toBeLessThanOrEqual(0);
        if (path.endsWith('/translators/') || path.endsWith(`/${DOC}/`) || path.includes('#a=')) {
          const name = `${path.split('/')[1]}-${path.includes('#a=') ? 'pair' : path.endsWith(`/${DOC}/`) ? 'grid' : 'dashboard'}-${width}.png`;
          await page.screenshot({ path: join(SHOTS, name), fullPage: false });
        }
        await page.context().close();
      }
    }
    const grid = await open(view('en', ''), { viewport: { width: 1280, height: 900 } });
    const box = await grid.locator('.qa-grid-scroll').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(box.scroll).toBeGreaterThan(box.client);
    await grid.context().close();
  });
});
