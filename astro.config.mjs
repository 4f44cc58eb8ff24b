// @ts-check
import { readFileSync } from 'node:fs';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { buildRegistry } from './src/i18n/locales.ts';
import { scanLocales } from './src/site/load-site.ts';

// The site URL lives with the content (content/site.json), the one place a deployer edits.
const siteJson = JSON.parse(readFileSync(new URL('./content/site.json', import.meta.url), 'utf8'));
const site = siteJson.siteUrl;

// The sitemap's hreflang map comes from the sources' locales, like everything else about locales.
// scripts/build.ts has the site loaded already: its registry, rather than every source's front matter read again.
const loaded = /** @type {{ registry: import('./src/i18n/locales.ts').LocaleInfo[] } | undefined} */ (/** @type {Record<symbol, unknown>} */ (globalThis)[Symbol.for('mt-docs.loaded-site')]);
const registry = loaded?.registry ?? buildRegistry(scanLocales(undefined, { followSymlinks: siteJson.followSymlinks === true }));
const locales = Object.fromEntries(registry.map((l) => [l.segment, l.code]));

// Reader pages a rebuild keeps from the last build instead of rendering them (scripts/build.ts says which).
const keptPages = /** @type {string[]} */ (/** @type {Record<symbol, unknown>} */ (globalThis)[Symbol.for('mt-docs.kept-pages')] ?? []);

export default defineConfig({
  site,
  output: 'static',
  trailingSlash: 'always',
  integrations: [
    mdx(),
    sitemap({
      i18n: { defaultLocale: registry[0]?.segment ?? 'en', locales },
      filter: (page) => !/\/404\/|\/embed\/ua-builder\/|\/translators\//.test(page),
      customPages: keptPages.map((href) => new URL(href, site).href),
    }),
  ],
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  // Never inline scripts into pages: a strict Content-Security-Policy (no 'unsafe-inline') forbids them.
  vite: { build: { assetsInlineLimit: 0 } },
});
