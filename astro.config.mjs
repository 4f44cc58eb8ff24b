// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { buildRegistry } from './src/i18n/locales.ts';
import { readConfig } from './src/site/config.ts';
import { contentDirDefault, scanLocales } from './src/site/load-site.ts';

// The sitemap's hreflang map comes from the sources' locales, like everything else about locales.
// scripts/build.ts has the site loaded already: its registry, rather than every source's front matter read again.
const loaded = /** @type {{ registry: import('./src/i18n/locales.ts').LocaleInfo[], config: import('./src/site/config.ts').SiteConfig } | undefined} */ (/** @type {Record<symbol, unknown>} */ (globalThis)[Symbol.for('mt-docs.loaded-site')]);
const registry = loaded?.registry ?? buildRegistry(scanLocales());

// The site URL comes from the configuration of the content being built (mt-docs.config.json).
const site = (loaded?.config ?? readConfig(contentDirDefault()))?.siteUrl;
const locales = Object.fromEntries(registry.map((l) => [l.segment, l.code]));

/** Site paths of the fallback pages (scripts/build.ts shares them once the site is loaded). */
const fallbackPages = () => /** @type {Set<string>} */ (/** @type {Record<symbol, unknown>} */ (globalThis)[Symbol.for('mt-docs.fallback-pages')] ?? new Set());

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
      // Fallback pages (a missing translation shown in English) are not pages of their locale.
      filter: (page) => !/\/404\/|\/embed\/ua-builder\/|\/translators\//.test(page) && !fallbackPages().has(new URL(page).pathname),
      customPages: keptPages.map((href) => new URL(href, site).href),
    }),
  ],
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  // Never inline scripts into pages: a strict Content-Security-Policy (no 'unsafe-inline') forbids them.
  vite: { build: { assetsInlineLimit: 0 } },
});
