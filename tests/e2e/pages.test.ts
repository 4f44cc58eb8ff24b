/**
 * Every page of the built site opened in Chromium: it loads with no console error and no failed
 * request, in the language its content is in.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser } from './support/browser.ts';
import { E2E_DIST } from './support/built-site.ts';
import { serveStatic, type StaticServer } from './support/serve.ts';

function htmlPages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return htmlPages(p);
    return name === 'index.html' ? [`/${relative(E2E_DIST, dir)}${relative(E2E_DIST, dir) ? '/' : ''}`] : [];
  });
}

describe.skipIf(!hasChromium)('every page in Chromium', () => {
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

  it('finds the pages of the six locales', () => {
    const pages = htmlPages(E2E_DIST);
    for (const lang of ['en', 'ja', 'fr', 'de', 'ko', 'es']) expect(pages).toContain(`/${lang}/become-partner/`);
  });

  it('loads each page with no console error or failed request, in its content language', { timeout: 300_000 }, async () => {
    const paths = htmlPages(E2E_DIST);
    // A few tabs at a time: quicker, and still one browser.
    const check = async (path: string) => {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
      page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()}: ${r.url()}`));
      await page.goto(server.url + path, { waitUntil: 'load' });
      expect(problems, path).toEqual([]);
      const lang = await page.getAttribute('html', 'lang');
      const segment = path.split('/')[1];
      // The iframe page takes its language from its query; every other page from its first segment.
      if (segment && segment !== 'embed') expect(lang, path).toBe(segment);
      await page.close();
    };
    for (let i = 0; i < paths.length; i += 4) await Promise.all(paths.slice(i, i + 4).map(check));
  });
});
