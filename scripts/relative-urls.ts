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
 * Only rewrites markup (tags), never text: text content cannot contain a raw `<`.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';

/** Site-relative paths (with `/`) of the translator pages' HTML files. */
function translatorPages(dir: string): string[] {
  const found: string[] = [];
  const walk = (abs: string) => {
    for (const name of readdirSync(abs)) {
      const p = join(abs, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.html')) found.push(relative(dir, p).split(sep).join('/'));
    }
  };
  for (const top of readdirSync(dir)) {
    const candidates = [join(dir, top, 'translators'), ...(top === 'translators' ? [join(dir, top)] : [])];
    for (const c of candidates) if (existsSync(c) && statSync(c).isDirectory()) walk(c);
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

const TAG = /<[a-zA-Z][^>]*>/g;
const URL_ATTR = /(\s(?:href|src)=)(["'])(\/(?!\/)[^"']*)\2/g;
const MODULE_SCRIPT = /<script\b([^>]*?)\stype=(["'])module\2([^>]*)>/g;

/** Rewrites the translator pages under `dir` (a built site) in place. Returns how many were rewritten. */
export function makeTranslatorPagesRelative(dir: string): number {
  const classic = new Map<string, string>();
  const pages = translatorPages(dir);
  for (const page of pages) {
    const from = posix.dirname(page);
    let html = readFileSync(join(dir, page), 'utf8');
    html = html.replace(MODULE_SCRIPT, (tag, before: string, _q: string, after: string) => {
      const src = /\ssrc=(["'])(\/(?!\/)[^"']*)\1/.exec(`${before} ${after}`)?.[2];
      if (!src) return tag;
      let copy = classic.get(src);
      if (!copy) {
        const original = join(dir, src.slice(1));
        copy = src.replace(/\.m?js$/, '') + '.classic.js';
        writeFileSync(join(dir, copy.slice(1)), classicScript(readFileSync(original, 'utf8'), src));
        classic.set(src, copy);
      }
      return `<script${before.replace(src, copy)}${after.replace(src, copy)} defer>`;
    });
    html = html.replace(TAG, (tag) => tag.replace(URL_ATTR, (_m, attr: string, q: string, url: string) => `${attr}${q}${relativeUrl(url, from)}${q}`));
    writeFileSync(join(dir, page), html);
  }
  return pages.length;
}
