/**
 * The HTML pages of a built site by kind, for the build's summary and the benchmarks: reader pages,
 * translator pages (dashboards and each document's workbench views), embed pages, not-found pages and
 * the language chooser.
 */
import { relative, sep } from 'node:path';
import { htmlFiles } from './measure/site-files.ts';

export type PageKind = 'reader' | 'translator' | 'embed' | 'notFound' | 'chooser';

export function pageKind(rel: string): PageKind {
  const parts = rel.split('/');
  if (rel === 'index.html') return 'chooser';
  if (rel === '404.html' || parts[1] === '404') return 'notFound';
  if (parts[0] === 'embed' || parts[1] === 'embed') return 'embed';
  if (parts[0] === 'translators' || parts[1] === 'translators') return 'translator';
  return 'reader';
}

/** Pages per kind (HTML files; `all` is their sum). */
export function countPages(dir: string): Record<PageKind | 'all', number> {
  const counts: Record<PageKind | 'all', number> = { reader: 0, translator: 0, embed: 0, notFound: 0, chooser: 0, all: 0 };
  for (const file of htmlFiles(dir)) {
    counts[pageKind(relative(dir, file).split(sep).join('/'))] += 1;
    counts.all += 1;
  }
  return counts;
}
