/**
 * URLs relative to a page, so that translator pages work opened from disk (file://), and the region of
 * a page whose URLs its own code already made relative (the dashboards: megabytes on a large site that
 * the build's post-pass then need not read).
 */
import { posix } from 'node:path';

/** `/a/b/?q#f` seen from the folder `from` (site-relative, no leading slash): `../b/index.html?q#f`. */
export function relativeUrl(url: string, from: string): string {
  const cut = url.search(/[?#]/);
  const path = cut === -1 ? url : url.slice(0, cut);
  const rest = cut === -1 ? '' : url.slice(cut);
  const target = (path.endsWith('/') ? `${path}index.html` : path).slice(1);
  return (relativePath(from, target) || '.') + rest;
}

const NOT_NORMAL = /(?:^|\/)\.{1,2}(?:\/|$)|\/\/|^\/|\/$/;

/**
 * `posix.relative(from, to)` for the plain paths pages have (no `.`/`..` segments, no doubled or edge
 * slashes), without its normalising: a dashboard has a link per document and locale, and Node's took a
 * second of a large build. Anything else goes to `posix.relative`.
 */
export function relativePath(from: string, to: string): string {
  if (from === '' || NOT_NORMAL.test(from) || NOT_NORMAL.test(to)) return posix.relative(from, to);
  const a = from.split('/');
  const b = to.split('/');
  let same = 0;
  while (same < a.length && same < b.length && a[same] === b[same]) same++;
  return [...Array<string>(a.length - same).fill('..'), ...b.slice(same)].join('/');
}


/**
 * Comments around a region of a translator page whose URLs are all relative already. The words carry
 * a nonce chosen by the build for each run, handed to the pages through a global (Astro renders them from
 * its own copy of this module): text from a source cannot close a region it does not know the name of.
 * Without a build (a dev server, a check), there is no nonce and no region.
 */
export const RELATIVE_REGION = {
  key: Symbol.for('mt-docs.relative-region'),
  nonce(): string | undefined {
    const value = (globalThis as Record<symbol, unknown>)[RELATIVE_REGION.key];
    return typeof value === 'string' ? value : undefined;
  },
  open: (nonce: string) => `<!--mt-docs:relative:${nonce}-->`,
  close: (nonce: string) => `<!--/mt-docs:relative:${nonce}-->`,
};
