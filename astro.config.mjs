// @ts-check
import { readFileSync } from 'node:fs';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

// The site URL lives with the content (content/site.json), the one place a deployer edits.
const site = JSON.parse(readFileSync(new URL('./content/site.json', import.meta.url), 'utf8')).siteUrl;

export default defineConfig({
  site,
  output: 'static',
  trailingSlash: 'always',
  integrations: [mdx()],
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
});
