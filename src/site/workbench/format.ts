/**
 * Figures of the translator workbench in the reader's language: dates, percentages, locale names, and
 * the per-locale progress of the dashboard. Pure.
 */
import type { SiteDoc } from '../load-site.ts';
import type { QaReport } from '../../qa/types.ts';

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

const dateFormats = new Map<string, Intl.DateTimeFormat>();
/** A date of the sources (ISO `YYYY-MM-DD`) in the reader's language; fixed to UTC so builds are reproducible. */
export function formatDate(iso: string | null, lang: string): string | null {
  if (!iso) return null;
  let format = dateFormats.get(lang);
  if (!format) dateFormats.set(lang, (format = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' })));
  return format.format(new Date(`${iso}T00:00:00Z`));
}

/** One formatter per language: making one costs far more than using it (a dashboard uses it per cell). */
function cached<T>(make: (lang: string) => T): (lang: string) => T {
  const made = new Map<string, T>();
  return (lang) => {
    let value = made.get(lang);
    if (value === undefined) made.set(lang, (value = make(lang)));
    return value;
  };
}

const percentFormat = cached((lang) => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }));
const languageNames = cached((lang) => new Intl.DisplayNames([lang], { type: 'language' }));
const localeNames = new Map<string, string>();

export const formatPercent = (part: number, whole: number, lang: string) => percentFormat(lang).format(whole === 0 ? 0 : part / whole);

/** A locale as the UI names it: its language in the UI language, and its tag (`French (fr-FR)`). */
export function localeName(uiCode: string, code: string): string {
  const key = `${uiCode}\u0000${code}`;
  let name = localeNames.get(key);
  if (name === undefined) localeNames.set(key, (name = `${languageNames(uiCode).of(new Intl.Locale(code).language) ?? code} (${code})`));
  return name;
}

/** The title of a page's English (or, without one, of its first translation), for headings. */
export function docTitle(entry: { siteDoc: SiteDoc; report: QaReport }): string {
  return entry.siteDoc.english?.meta.title ?? entry.siteDoc.translations[0]?.meta.title ?? entry.report.docId;
}
