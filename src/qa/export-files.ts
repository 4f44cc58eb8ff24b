/**
 * Which export files a checked page gets, and their content: an XLIFF 2.0 file per span-wrapped
 * translation (only those carry their English segment by segment) and one TMX of every aligned pair.
 * The `qa --export` CLI and the site build write the same files under the same names. Pure given the
 * loaded run; never reads or writes files itself.
 */
import type { SiteDoc } from '../site/load-site.ts';
import { buildContext, type QaSource } from './context.ts';
import { exportTmx, alignedPairs, type TmxPair } from './export-tmx.ts';
import { exportXliff } from './export-xliff.ts';
import type { Glossary, Suppression } from './glossary.ts';
import type { QaReport } from './types.ts';

export interface ExportFile {
  /** File name (`become-partner.fr-FR.xlf`, `become-partner.tmx`). */
  name: string;
  kind: 'xliff' | 'tmx';
  /** Target locale of an XLIFF file. */
  locale?: string;
  content: string;
}

export const xliffName = (docId: string, locale: string) => `${docId}.${locale}.xlf`;
export const tmxName = (docId: string) => `${docId}.tmx`;

/** The XLIFF files a report has, without building them (for links). */
export const xliffLocales = (report: QaReport) => report.locales.filter((l) => l.hasPairs).map((l) => l.locale);

export function exportFiles(
  entry: { siteDoc: SiteDoc; report: QaReport; sources: QaSource[]; tmxPairs?: TmxPair[] },
  data: { glossary: Glossary; suppressions: Suppression[] },
): ExportFile[] {
  const { siteDoc, report, sources } = entry;
  const files: ExportFile[] = sources
    .filter((s) => s.doc.segments.length > 0)
    .map((s) => ({
      name: xliffName(report.docId, s.doc.locale),
      kind: 'xliff',
      locale: s.doc.locale,
      content: exportXliff({ docId: report.docId, locale: s.doc.locale, file: s.doc.path, segments: s.doc.segments, findings: report.findings }),
    }));
  files.push({ name: tmxName(report.docId), kind: 'tmx', content: exportTmx({ docId: report.docId, pairs: entry.tmxPairs ?? pairsOf(siteDoc, sources, data) }) });
  return files;
}

/** The aligned pairs, from a context built for them (when the checks' run did not keep them). */
function pairsOf(siteDoc: SiteDoc, sources: QaSource[], data: { glossary: Glossary; suppressions: Suppression[] }): TmxPair[] {
  // The English offsets are those of the file it was rebuilt from (as the engine reads it).
  const base = siteDoc.english?.meta.rebuiltFrom?.[0]?.locale;
  const englishBase = sources.find((s) => s.doc.locale === base)?.text ?? null;
  return alignedPairs(buildContext({ docId: siteDoc.docId, translations: sources, english: siteDoc.english, englishBase, ...data }));
}
