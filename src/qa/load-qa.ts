/**
 * The I/O edge of the translator checks: loads the site (or any folder holding one page in several
 * locales), the glossary and the suppressions, and runs the checks. The CLIs and the translator pages
 * start here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { contentDirDefault, loadSite, type LoadedSite, type SiteDoc } from '../site/load-site.ts';
import type { QaSource } from './context.ts';
import { parseGlossary, parseSuppressions } from './glossary.ts';
import { runQa } from './run-qa.ts';
import type { QaReport } from './types.ts';

export interface QaRun {
  site: LoadedSite;
  /** One report per document of the site. */
  reports: { siteDoc: SiteDoc; report: QaReport; sources: QaSource[] }[];
}

/** Glossary and suppressions from content/qa (the project's), whatever folder is checked. */
export function loadQaData(contentDir = contentDirDefault()) {
  const dir = join(contentDir, 'qa');
  const fallback = join(process.cwd(), 'content/qa');
  const pick = (name: string) => (existsSync(join(dir, name)) ? join(dir, name) : join(fallback, name));
  const glossaryFile = pick('glossary.yaml');
  const suppressionsFile = pick('suppressions.yaml');
  return {
    glossary: parseGlossary(existsSync(glossaryFile) ? readFileSync(glossaryFile, 'utf8') : '', glossaryFile),
    suppressions: existsSync(suppressionsFile) ? parseSuppressions(readFileSync(suppressionsFile, 'utf8'), suppressionsFile) : [],
  };
}

/**
 * Runs the checks over the site's content, or over `dir`: a folder holding one page in several locales
 * (`*.md`, any names; the locale comes from each file's front matter).
 */
export function loadQa(options: { dir?: string; contentDir?: string; site?: LoadedSite } = {}): QaRun {
  const contentDir = options.contentDir ?? contentDirDefault();
  const data = loadQaData(contentDir);
  // The build has the site loaded already: the checks run on that, not on a second load. A --dir folder
  // is seen as a site with one document, named after the folder, read in place.
  const site = options.site && !options.dir ? options.site : loadSite({ contentDir, pageDir: options.dir ? resolve(options.dir) : undefined });
  const reports = site.docs.map((siteDoc) => {
    // The text the loader read: never the file again.
    const sources = siteDoc.translations.map((doc) => ({ doc, text: siteDoc.sourceTexts[doc.locale]! }));
    const base = siteDoc.english?.meta.rebuiltFrom?.[0]?.locale;
    const englishBase = sources.find((s) => s.doc.locale === base)?.text ?? null;
    const report = runQa({ docId: siteDoc.docId, translations: sources, english: siteDoc.english, englishBase, ...data });
    return { siteDoc, report, sources };
  });
  return { site, reports };
}
