/**
 * Which export files a checked page gets, and their content: an XLIFF 2.0 file per translation
 * (segments of span-wrapped files, aligned blocks of plain ones) and one TMX of every aligned pair.
 * The `qa --export` CLI and the site build write the same files under the same names. Pure given the
 * loaded run; never reads or writes files itself.
 */
import type { QaContext } from './context.ts';
import { exportTmx, type TmxPair } from './export-tmx.ts';
import { exportXliff, fingerprintOf } from './export-xliff.ts';
import type { QaReport } from './types.ts';
import { xliffUnits, type XliffUnit } from './xliff-units.ts';

/** What one translation's XLIFF is made of, computed where the parsed pages are (a load thread). */
export interface XliffSource {
  locale: string;
  file: string;
  fingerprint: string;
  units: XliffUnit[];
  englishRevision: string | null;
}

/** The XLIFF units of every translation of a checked page. */
export function xliffSources(ctx: QaContext): XliffSource[] {
  const english = ctx.english;
  return ctx.locales.map((l) => ({
    locale: l.locale,
    file: l.file,
    fingerprint: fingerprintOf(l.text),
    units: xliffUnits(l.doc, l.text, english && l.alignment ? { doc: english.doc, alignment: l.alignment } : null),
    // A translation aligned with an earlier English revision names that one (the loader's choice).
    englishRevision: l.doc.meta.englishRevision && l.doc.meta.englishRevision.revision !== 'current' ? l.doc.meta.englishRevision.revision : english ? (english.doc.meta.sourceCommit ?? english.revisions[0] ?? null) : null,
  }));
}

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

/** The XLIFF files a report has, without building them (for links): one per translation. */
export const xliffLocales = (report: QaReport) => report.locales.map((l) => l.locale);

export function exportFiles(entry: { report: QaReport; tmxPairs: TmxPair[]; xliff: XliffSource[] }): ExportFile[] {
  const { report } = entry;
  const files: ExportFile[] = entry.xliff.map((x) => ({
    name: xliffName(report.docId, x.locale),
    kind: 'xliff',
    locale: x.locale,
    content: exportXliff({ docId: report.docId, locale: x.locale, file: x.file, fingerprint: x.fingerprint, units: x.units, findings: report.findings, englishRevision: x.englishRevision }),
  }));
  files.push({ name: tmxName(report.docId), kind: 'tmx', content: exportTmx({ docId: report.docId, pairs: entry.tmxPairs }) });
  return files;
}
