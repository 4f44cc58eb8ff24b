/**
 * Makes the built translator pages (`<lang>/translators/**`) work opened from disk (file://), as
 * translators often keep a build on their machine or receive it as an archive:
 *
 * - every site-absolute URL in a tag (`href="/_astro/x.css"`, `src="/theme-init.js"`, links between
 *   pages) becomes relative to the page, and a folder URL gets its `index.html` (a file:// folder is a
 *   listing, not a page);
 * - Astro's `<script type="module" src>` becomes a deferred classic script: browsers refuse module
 *   scripts from file:// (a null origin fails the module CORS check). The bundle is wrapped in a
 *   function so its top-level names stay private, as in a module, and written beside the original as
 *   `<name>.classic.js`. A bundle that imports or exports anything cannot be run that way: the build
 *   fails and says so, rather than shipping a page that silently loses its script.
 *
 * Runs after the Astro build, on the staging folder. Reader pages are left exactly as Astro wrote them.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { resolveInside } from '../src/site/safe-paths.ts';

/** Site-relative paths (with `/`) of the translator pages' HTML files. */
function translatorPages(dir: string): string[] {
  const found: string[] = [];
  const walk = (abs: string) => {
    for (const name of readdirSync(abs)) {
      const p = join(abs, name);
      // The build wrote these folders itself; a symlink in them is nothing of ours to follow.
      const stats = lstatSync(p);
      if (stats.isDirectory()) walk(p);
      else if (stats.isFile() && name.endsWith('.html')) found.push(relative(dir, p).split(sep).join('/'));
    }
  };
  for (const top of readdirSync(dir)) {
    const candidates = [join(dir, top, 'translators'), ...(top === 'translators' ? [join(dir, top)] : [])];
    for (const c of candidates) if (existsSync(c) && lstatSync(c).isDirectory()) walk(c);
  }
  return [...new Set(found)].sort();
}

/** `/a/b/?q#f` seen from the folder `from` (site-relative, no leading slash): `../b/index.html?q#f`. */
export function relativeUrl(url: string, from: string): string {
  const cut = url.search(/[?#]/);
  const path = cut === -1 ? url : url.slice(0, cut);
  const rest = cut === -1 ? '' : url.slice(cut);
  const target = (path.endsWith('/') ? `${path}index.html` : path).slice(1);
  return (posix.relative(from, target) || '.') + rest;
}

const STATIC_IMPORT_OR_EXPORT = /(?:^|[;}\s)])(?:import\s*(?:[\w$*{]|["'`])|export\s*[\w$*{])|import\.meta/;

/** A module bundle as a classic script; throws where that would change what it does. */
export function classicScript(code: string, file: string): string {
  if (STATIC_IMPORT_OR_EXPORT.test(code)) {
    throw new Error(`${file}: a translator page script imports or exports modules, so it cannot run from file:// as a classic script; keep src/client/qa-*.ts free of shared chunks`);
  }
  return `(()=>{"use strict";\n${code}\n})();\n`;
}

/**
 * Rewrites the translator pages under `dir` (a built site) in place. Returns how many were rewritten.
 * Each page is parsed as HTML (never matched as text, where a `<script …>` inside an attribute value
 * would look like a tag); a script `src` is followed only to a bundle inside `dir/_astro/`, and every
 * file read or written is resolved inside `dir`.
 */
export function makeTranslatorPagesRelative(dir: string): number {
  const classic = new Map<string, string>();
  const pages = translatorPages(dir);
  for (const page of pages) {
    const from = posix.dirname(page);
    const tree = fromHtml(readFileSync(resolveInside(dir, page), 'utf8'));
    visit(tree, 'element', (node: Element) => {
      const src = node.properties.src;
      if (node.tagName === 'script' && node.properties.type === 'module' && typeof src === 'string' && isSiteAbsolute(src)) {
        let copy = classic.get(src);
        if (!copy) {
          if (!src.startsWith('/_astro/')) throw new Error(`${page}: a module script from ${src}, outside /_astro/, cannot be made a classic script`);
          const original = resolveInside(dir, src.slice(1));
          if (!existsSync(original)) throw new Error(`${page}: its module script ${src} is not in the build`);
          copy = src.replace(/\.m?js$/, '') + '.classic.js';
          writeFileSync(resolveInside(dir, copy.slice(1)), classicScript(readFileSync(original, 'utf8'), src));
          classic.set(src, copy);
        }
        delete node.properties.type;
        node.properties.src = copy;
        node.properties.defer = true;
      }
      for (const name of ['href', 'src'] as const) {
        const url = node.properties[name];
        if (typeof url === 'string' && isSiteAbsolute(url)) node.properties[name] = relativeUrl(url, from);
      }
    });
    writeFileSync(resolveInside(dir, page), toHtml(tree));
  }
  return pages.length;
}

const isSiteAbsolute = (url: string) => url.startsWith('/') && !url.startsWith('//');
