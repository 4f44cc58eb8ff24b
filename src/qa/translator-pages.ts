/**
 * What the translator pages (`/<lang>/translators/…`) stand on: the checks run once per build process
 * (every route shares the run), the pages' URLs, the id of every grid cell, and the per-locale figures
 * of the dashboard. Pages link with these functions only, so a URL is spelled in one place. The checks
 * themselves are never re-run or adjusted here; the one I/O is `loadQa`.
 */
import type { LocaleInfo } from '../i18n/locales.ts';
import { getSite } from '../site/site-data.ts';
import { loadQa, type QaRun } from './load-qa.ts';
import type { Finding, QaReport } from './types.ts';

let run: QaRun | undefined;

/** The checks over the site's pages, loaded once per build. */
export function getQaRun(): QaRun {
  if (!run) {
    // The pages' own site load already failed loudly on bad sources; the checks run on that same load.
    // A site that does not publish the workbench has no translator pages, and runs no checks for them.
    const site = getSite();
    run = site.config.translatorPages ? loadQa({ site }) : { site, reports: [] };
  }
  return run;
}

export type QaEntry = QaRun['reports'][number];

/** The routes of the per-document translator pages: every UI language × every checked document. */
export function documentPagePaths() {
  return getSite().registry.flatMap((info) =>
    getQaRun().reports.map((entry) => ({ params: { lang: info.segment, doc: entry.report.docId }, props: { info, entry } })),
  );
}

export const qaEntry = (docId: string): QaEntry => {
  const entry = getQaRun().reports.find((r) => r.report.docId === docId);
  if (!entry) throw new Error(`no translator report for ${docId}`);
  return entry;
};

/** The registry entry of a report column (`en` is the rebuilt English). */
export function columnInfo(code: string): LocaleInfo {
  const info = getSite().registry.find((l) => l.code === code);
  if (!info) throw new Error(`locale ${code} is not in the registry`);
  return info;
}

export const dashboardHref = (lang: string) => `/${lang}/translators/`;
export const gridHref = (lang: string, docId: string) => `/${lang}/translators/${docId}/grid/`;
export const findingsHref = (lang: string, docId: string) => `/${lang}/translators/${docId}/findings/`;
export const termsHref = (lang: string, docId: string) => `/${lang}/translators/${docId}/terms/`;
/** `a` and `b` are report columns; the URL uses their registry segments (`/ja/translators/doc/pair/en/fr/`). */
export const pairHref = (lang: string, docId: string, a: string, b: string) => `/${lang}/translators/${docId}/pair/${columnInfo(a).segment}/${columnInfo(b).segment}/`;
/** Language-neutral downloads (findings, XLIFF, TMX) sit once per page under /translators/<doc>/. */
export const downloadHref = (docId: string, name: string) => `/translators/${docId}/${name}`;

/** Id of a grid cell, the target of every finding's deep link. */
export const cellId = (locale: string, blockKey: string) => `cell-${locale}-${blockKey}`;
/** Id of a locale's column header, the target of findings about a whole file. */
export const columnId = (locale: string) => `col-${locale}`;

/** Where a finding is shown in the grid: its cell, or its column's header when it is about the whole file. */
export const findingTarget = (f: Finding) => (f.block ? cellId(f.locale, f.block) : columnId(f.locale));

export interface LocaleProgress {
  blocks: number;
  /** Blocks that align with an English block (the others were translated from another revision). */
  aligned: number;
  /** Blocks with no unsuppressed error or warning. */
  clean: number;
}

export function localeProgress(report: QaReport, locale: string): LocaleProgress {
  const flagged = new Set(report.findings.filter((f) => f.locale === locale && f.block && !f.suppressed && f.severity !== 'info').map((f) => f.block));
  let blocks = 0;
  let aligned = 0;
  let clean = 0;
  for (const row of report.grid) {
    const cell = row.cells[locale];
    if (!cell) continue;
    blocks += 1;
    if (!cell.sourceChanged) aligned += 1;
    if (!flagged.has(row.key)) clean += 1;
  }
  return { blocks, aligned, clean };
}

/** Number of revision groups (the dashboard says "group 3 of 4"). */
export const groupCount = (report: QaReport) => Math.max(0, ...report.locales.map((l) => l.group));

/** A date of the sources (ISO `YYYY-MM-DD`) in the reader's language; fixed to UTC so builds are reproducible. */
export function formatDate(iso: string | null, lang: string): string | null {
  if (!iso) return null;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

export const formatPercent = (part: number, whole: number, lang: string) =>
  new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(whole === 0 ? 0 : part / whole);

/** A locale as the UI names it: its language in the UI language, and its tag (`French (fr-FR)`). */
export function localeName(uiCode: string, code: string): string {
  const name = new Intl.DisplayNames([uiCode], { type: 'language' }).of(new Intl.Locale(code).language) ?? code;
  return `${name} (${code})`;
}

/** The title of a page's English (or, without one, of its first translation), for headings. */
export function docTitle(entry: QaEntry): string {
  return entry.siteDoc.english?.meta.title ?? entry.siteDoc.translations[0]?.meta.title ?? entry.report.docId;
}
