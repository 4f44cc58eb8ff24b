/**
 * Which export files a checked page gets, and their content: an XLIFF 2.0 file per span-wrapped
 * translation (only those carry their English segment by segment) and one TMX of every aligned pair.
 * The `qa --export` CLI and the site build write the same files under the same names. Pure given the
 * loaded run; never reads or writes files itself.
 */
import type { QaSource } from './context.ts';
import { exportTmx, type TmxPair } from './export-tmx.ts';
import { exportXliff } from './export-xliff.ts';
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
  entry: { report: QaReport; sources: QaSource[]; tmxPairs: TmxPair[] },
): ExportFile[] {
  const { report, sources } = entry;
  const files: ExportFile[] = sources
    .filter((s) => s.doc.segments.length > 0)
    .map((s) => ({
      name: xliffName(report.docId, s.doc.locale),
      kind: 'xliff',
      locale: s.doc.locale,
      content: exportXliff({ docId: report.docId, locale: s.doc.locale, file: s.doc.path, segments: s.doc.segments, findings: report.findings }),
    }));
  files.push({ name: tmxName(report.docId), kind: 'tmx', content: exportTmx({ docId: report.docId, pairs: entry.tmxPairs }) });
  return files;
}
