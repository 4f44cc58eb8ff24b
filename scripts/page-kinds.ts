/**
 * The HTML pages of a built site by kind, for the build's summary and the benchmarks: reader pages,
 * translator pages (dashboards and each document's workbench views), embed pages, not-found pages and
 * the language chooser.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { htmlFiles } from './measure/site-files.ts';

export type PageKind = 'reader' | 'translator' | 'embed' | 'notFound' | 'chooser' | 'redirect';

export function pageKind(rel: string): PageKind {
  const parts = rel.split('/');
  if (rel === 'index.html') return 'chooser';
  if (rel === '404.html' || parts[1] === '404') return 'notFound';
  if (parts[0] === 'embed' || parts[1] === 'embed') return 'embed';
  if (parts[0] === 'translators' || parts[1] === 'translators') return 'translator';
  return 'reader';
}

/** A redirect page (`redirectHtml`: a few hundred bytes with a refresh) at an old address. */
const REDIRECT_MAX_BYTES = 2048;
function isRedirectPage(file: string): boolean {
  if (statSync(file).size > REDIRECT_MAX_BYTES) return false;
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(REDIRECT_MAX_BYTES);
    return head.subarray(0, readSync(fd, head, 0, head.length, 0)).toString('utf8').includes('<meta http-equiv="refresh"');
  } finally {
    closeSync(fd);
  }
}

/** Pages per kind (HTML files; `all` is their sum). Redirect pages are not reader pages. */
export function countPages(dir: string): Record<PageKind | 'all', number> {
  const counts: Record<PageKind | 'all', number> = { reader: 0, translator: 0, embed: 0, notFound: 0, chooser: 0, redirect: 0, all: 0 };
  for (const file of htmlFiles(dir)) {
    const kind = pageKind(relative(dir, file).split(sep).join('/'));
    counts[kind === 'reader' && isRedirectPage(file) ? 'redirect' : kind] += 1;
    counts.all += 1;
  }
  return counts;
}
