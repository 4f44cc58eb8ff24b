/**
 * The I/O edge of the translator checks: loads the site (or any folder holding one page in several
 * locales), the glossary and the suppressions, and runs the checks. The CLIs and the translator pages
 * start here.
 */
import { join, resolve } from 'node:path';
import { readSourceFile } from '../site/safe-paths.ts';
import { contentDirDefault, loadSite, type LoadedSite, type SiteDoc } from '../site/load-site.ts';
import type { QaSource } from './context.ts';
import { parseGlossary, parseSuppressions } from './glossary.ts';
import { checkPage } from './run-qa.ts';
import { alignedPairs, type TmxPair } from './export-tmx.ts';
import { xliffSources, type XliffSource } from './export-files.ts';
import type { QaReport } from './types.ts';

export interface QaRun {
  site: LoadedSite;
  /** One report per document of the site. */
  reports: { siteDoc: SiteDoc; report: QaReport; sources: QaSource[]; tmxPairs: TmxPair[]; xliff: XliffSource[] }[];
}

/**
 * Glossary and suppressions from content/qa (the project's), whatever folder is checked. Read like
 * sources (regular files, no symlinks): they arrive with the content. A file that cannot be read counts
 * as absent, as a missing one does.
 */
export function loadQaData(contentDir = contentDirDefault()) {
  const read = (name: string): { text: string; path: string } | null => {
    for (const [root, rel] of [[contentDir, join('qa', name)], [process.cwd(), join('content/qa', name)]] as const) {
      const r = readSourceFile(root, rel);
      if (r.ok) return { text: r.bytes.toString('utf8'), path: join(root, rel) };
    }
    return null;
  };
  const glossary = read('glossary.yaml');
  const suppressions = read('suppressions.yaml');
  return {
    glossary: parseGlossary(glossary?.text ?? '', glossary?.path ?? join(contentDir, 'qa/glossary.yaml')),
    suppressions: suppressions ? parseSuppressions(suppressions.text, suppressions.path) : [],
  };
}

export type QaData = ReturnType<typeof loadQaData>;
export type QaEntry = QaRun['reports'][number];

/** The checks over one document in all its locales: pure given the document (a worker thread runs this). */
export function checkDocument(siteDoc: SiteDoc, data: QaData): QaEntry {
  // The text the loader read: never the file again.
  const sources = sourcesOf(siteDoc);
  const englishRevisions = Object.fromEntries(siteDoc.translations.flatMap((doc) => (doc.meta.englishRevision && siteDoc.englishSides[doc.locale] ? [[doc.locale, siteDoc.englishSides[doc.locale]!]] : [])));
  const { report, ctx } = checkPage({ docId: siteDoc.docId, translations: sources, english: siteDoc.english, englishRevisions, ...data });
  // What the TMX and XLIFF exports need from the context, kept instead of the context (which holds every parsed view).
  return { siteDoc, report, sources, tmxPairs: alignedPairs(ctx), xliff: xliffSources(ctx) };
}

/** A document's translations with the text each was read from. */
export const sourcesOf = (siteDoc: SiteDoc): QaSource[] => siteDoc.translations.map((doc) => ({ doc, text: siteDoc.sourceTexts[doc.locale]! }));

/**
 * Runs the checks over the site's content, or over `dir`: a folder holding one page in several locales
 * (`*.md`, any names; the locale comes from each file's front matter).
 */
export function loadQa(options: { dir?: string; contentDir?: string; site?: LoadedSite; onProgress?: (done: number, total: number) => void } = {}): QaRun {
  const contentDir = options.contentDir ?? contentDirDefault();
  const data = loadQaData(contentDir);
  // The build has the site loaded already: the checks run on that, not on a second load. A --dir folder
  // is seen as a site with one document, named after the folder, read in place.
  const site = options.site && !options.dir ? options.site : loadSite({ contentDir, pageDir: options.dir ? resolve(options.dir) : undefined });
  const reports = site.docs.map((siteDoc, i) => {
    const entry = checkDocument(siteDoc, data);
    options.onProgress?.(i + 1, site.docs.length);
    return entry;
  });
  return { site, reports };
}
