/**
 * Two columns of the translator grid side by side: a locale against English, or two locales. Between
 * two languages a word diff means nothing, so a pair is compared by what must not change in
 * translation (the invariant strip: URLs, numbers, code, do-not-translate terms, emphasis and link
 * counts) plus the findings of each side. One function answers the `diff` CLI and the pair pages.
 * Pure: reads a QaReport, never the file system; must never re-run or second-guess the checks.
 */
import type { Finding, GridCell, Invariants, LocaleStatus, QaReport } from './types.ts';

export const INVARIANT_KINDS = ['urls', 'numbers', 'code', 'dnt', 'emphasis', 'links'] as const satisfies readonly (keyof Invariants)[];
export type InvariantKind = (typeof INVARIANT_KINDS)[number];

export interface PairSide {
  /** Locale code, or `en` for the English rebuilt from the span pairs. */
  locale: string;
  /** The locale's status; null for the English. */
  status: LocaleStatus | null;
  /** Findings of this side that belong to no block (front matter, whole-file checks). */
  pageFindings: Finding[];
}

export interface PairCell extends Omit<GridCell, 'findingIds'> {
  /** This cell's findings, suppressed ones included (marked), in the report's order. */
  findings: Finding[];
}

export interface PairRow {
  key: string;
  anchor: string;
  type: string;
  a: PairCell | null;
  b: PairCell | null;
  /** Invariants that differ between the two sides (both present). */
  differs: InvariantKind[];
  /** One side was translated from another English revision here: differences may come from that. */
  sourceChanged: boolean;
}

export interface PairDiff {
  docId: string;
  a: PairSide;
  b: PairSide;
  rows: PairRow[];
  summary: { rows: number; onlyA: number; onlyB: number; differing: number; findingsA: number; findingsB: number };
}

const sortedKey = (list: string[]) => [...list].sort().join('\u0000');

/** The invariant kinds on which two cells disagree (lists compared as multisets, counts as numbers). */
export function invariantDifferences(a: Invariants, b: Invariants): InvariantKind[] {
  return INVARIANT_KINDS.filter((k) => {
    const x = a[k];
    const y = b[k];
    return Array.isArray(x) && Array.isArray(y) ? sortedKey(x) !== sortedKey(y) : x !== y;
  });
}

function sideOf(report: QaReport, locale: string): PairSide {
  if (!report.columns.includes(locale)) throw new RangeError(`no column "${locale}" in the report of ${report.docId} (${report.columns.join(', ')})`);
  return {
    locale,
    status: report.locales.find((l) => l.locale === locale) ?? null,
    pageFindings: report.findings.filter((f) => f.locale === locale && !f.block),
  };
}

/** Aligned rows of columns `a` and `b` of `report` (codes as in `report.columns`). */
export function diffPair(report: QaReport, a: string, b: string): PairDiff {
  if (a === b) throw new RangeError(`a pair needs two different columns, got "${a}" twice`);
  const sideA = sideOf(report, a);
  const sideB = sideOf(report, b);
  // A cell's findings are found by locale and block (the English cells of the grid carry no ids).
  const byCell = new Map<string, Finding[]>();
  for (const f of report.findings) {
    if (!f.block) continue;
    const key = `${f.locale}\u0000${f.block}`;
    byCell.set(key, [...(byCell.get(key) ?? []), f]);
  }
  const cellOf = (locale: string, key: string, cell: GridCell | null | undefined): PairCell | null => {
    if (!cell) return null;
    const { findingIds: _ids, ...rest } = cell;
    return { ...rest, findings: byCell.get(`${locale}\u0000${key}`) ?? [] };
  };
  const rows: PairRow[] = [];
  for (const row of report.grid) {
    const ca = cellOf(a, row.key, row.cells[a]);
    const cb = cellOf(b, row.key, row.cells[b]);
    if (!ca && !cb) continue;
    rows.push({
      key: row.key,
      anchor: row.anchor,
      type: row.type,
      a: ca,
      b: cb,
      differs: ca && cb ? invariantDifferences(ca.invariants, cb.invariants) : [],
      sourceChanged: !!(ca?.sourceChanged || cb?.sourceChanged),
    });
  }
  const count = (side: 'a' | 'b', page: Finding[]) => page.length + rows.reduce((n, r) => n + (r[side]?.findings.length ?? 0), 0);
  return {
    docId: report.docId,
    a: sideA,
    b: sideB,
    rows,
    summary: {
      rows: rows.length,
      onlyA: rows.filter((r) => r.a && !r.b).length,
      onlyB: rows.filter((r) => !r.a && r.b).length,
      differing: rows.filter((r) => r.differs.length > 0).length,
      findingsA: count('a', sideA.pageFindings),
      findingsB: count('b', sideB.pageFindings),
    },
  };
}

/** Every pair the pair pages show: each locale against English, then each two locales in column order. */
export function allPairs(columns: readonly string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i < columns.length; i++) for (let j = i + 1; j < columns.length; j++) pairs.push([columns[i]!, columns[j]!]);
  return pairs;
}
