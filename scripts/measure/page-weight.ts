/**
 * What a page costs on first load: every file the browser fetches while the page loads (no
 * interaction), each counted gzip-compressed (level 9, as a static host serves it). Search files are
 * not fetched until search is opened, so they do not count. Used by `npm run bench` and the budget test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';

export interface PageWeight {
  path: string;
  totalGzip: number;
  files: { path: string; gzip: number }[];
}

export async function measurePageWeight(browser: Browser, baseUrl: string, distDir: string, path: string): Promise<PageWeight> {
  const page = await browser.newPage();
  const fetched = new Set<string>();
  page.on('requestfinished', (request) => {
    const url = new URL(request.url());
    if (url.origin === new URL(baseUrl).origin) fetched.add(url.pathname);
  });
  await page.goto(baseUrl + path, { waitUntil: 'networkidle' });
  await page.close();
  const files = [...fetched].sort().map((p) => {
    const file = join(distDir, p.endsWith('/') ? `${p}index.html` : p);
    return { path: p, gzip: gzipSync(readFileSync(file), { level: 9 }).length };
  });
  return { path, totalGzip: files.reduce((n, f) => n + f.gzip, 0), files };
}
