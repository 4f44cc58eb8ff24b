/**
 * The pair logic behind the `diff` CLI and the pair pages, and the small helpers the translator views
 * share (locale names as typed, invisible characters made visible): on the seeds' real report and on
 * hand-made cases.
 */
import { describe, expect, it } from 'vitest';
import { loadQa } from '../../../src/qa/load-qa.ts';
import { allPairs, diffPair, invariantDifferences } from '../../../src/qa/pair-diff.ts';
import { pickLocale } from '../../../src/qa/pick-locale.ts';
import type { Invariants } from '../../../src/qa/types.ts';
import { visibleText, visibleTokens } from '../../../src/qa/visible-text.ts';

const report = loadQa().reports[0]!.report;
const inv = (over: Partial<Invariants> = {}): Invariants => ({ urls: [], numbers: [], code: [], dnt: [], emphasis: 0, links: 0, ...over });

describe('diffPair', () => {
  it('aligns two locales row by row with each cell’s findings, in grid order', () => {
    const diff = diffPair(report, 'fr-FR', 'ko-KR');
    expect(diff.a.locale).toBe('fr-FR');
    expect(diff.b.status?.locale).toBe('ko-KR');
    const expectedRows = report.grid.filter((r) => r.cells['fr-FR'] || r.cells['ko-KR']);
    expect(diff.rows.map((r) => r.key)).toEqual(expectedRows.map((r) => r.key));
    for (const row of diff.rows) {
      for (const [side, locale] of [['a', 'fr-FR'], ['b', 'ko-KR']] as const) {
        const cell = row[side];
        const grid = report.grid.find((g) => g.key === row.key)!.cells[locale];
        if (!grid) {
          expect(cell).toBeNull();
          continue;
        }
        expect(cell!.text).toBe(grid.text);
        expect(cell!.findings.map((f) => f.id)).toEqual(report.findings.filter((f) => f.locale === locale && f.block === row.key).map((f) => f.id));
        expect(cell!.findings.map((f) => f.id)).toEqual(grid.findingIds);
      }
      if (row.a && row.b) expect(row.differs).toEqual(invariantDifferences(row.a.invariants, row.b.invariants));
    }
    expect(diff.summary.differing).toBe(diff.rows.filter((r) => r.differs.length > 0).length);
    // Findings about the whole file (front matter) are the sides' page findings.
    expect(diff.a.pageFindings.map((f) => f.check)).toContain('meta.revision');
    expect(diff.a.pageFindings.every((f) => !f.block && f.locale === 'fr-FR')).toBe(true);
    expect(diff.summary.findingsA).toBe(report.findings.filter((f) => f.locale === 'fr-FR').length);
  });

  it('puts the English hotspots on the English cells, and marks source-changed rows', () => {
    const diff = diffPair(report, 'en', 'ja-JP');
    expect(diff.a.status).toBeNull();
    const hot = diff.rows.flatMap((r) => r.a?.findings ?? []).filter((f) => f.check === 'source.hotspot');
    expect(hot).toHaveLength(report.hotspots.length);
    expect(diff.rows.some((r) => r.sourceChanged)).toBe(true);
    expect(diff.rows.filter((r) => r.sourceChanged).every((r) => r.b?.sourceChanged)).toBe(true);
  });

  it('refuses a column the report does not have, or the same column twice', () => {
    expect(() => diffPair(report, 'fr-FR', 'xx')).toThrow(/no column "xx"/);
    expect(() => diffPair(report, 'fr-FR', 'fr-FR')).toThrow(/two different/);
  });

  it('compares invariants as multisets and counts as numbers', () => {
    expect(invariantDifferences(inv({ numbers: ['1', '2'] }), inv({ numbers: ['2', '1'] }))).toEqual([]);
    expect(invariantDifferences(inv({ numbers: ['1', '1'] }), inv({ numbers: ['1'] }))).toEqual(['numbers']);
    expect(invariantDifferences(inv({ urls: ['a'], links: 1 }), inv({ urls: ['b'], links: 2, emphasis: 1 }))).toEqual(['urls', 'emphasis', 'links']);
  });

  it('lists every pair once, each locale against English first', () => {
    const pairs = allPairs(report.columns);
    const n = report.columns.length;
    expect(pairs).toHaveLength((n * (n - 1)) / 2);
    expect(pairs.slice(0, n - 1).every(([a]) => a === 'en')).toBe(true);
    expect(new Set(pairs.map((p) => p.join('|'))).size).toBe(pairs.length);
  });
});

describe('pickLocale', () => {
  const columns = ['en', 'de-DE', 'fr-FR', 'ko-KR', 'pt-BR', 'pt-PT'];
  it('accepts a tag in any case, with _ or -, or a language shared by no other column', () => {
    for (const name of ['fr', 'fr-FR', 'FR-fr', 'fr_FR', ' fr ']) expect(pickLocale(columns, name), name).toEqual({ code: 'fr-FR' });
    expect(pickLocale(columns, 'en')).toEqual({ code: 'en' });
    expect(pickLocale(columns, 'pt-br')).toEqual({ code: 'pt-BR' });
  });
  it('explains an unknown or ambiguous name instead of guessing', () => {
    expect(pickLocale(columns, 'pt')).toEqual({ problem: expect.stringContaining('pt-BR, pt-PT') });
    expect(pickLocale(columns, 'fr-CA')).toEqual({ problem: expect.stringContaining('no locale "fr-CA"') });
    expect(pickLocale(columns, 'xx')).toEqual({ problem: expect.stringContaining('en, de-DE') });
  });
});

describe('visible text', () => {
  it('marks what a reader would not see, and gives the text back unchanged', () => {
    const text = ' S’applique\u00a0à\u202f: voir ⟦∅⟧ et  la\u2009suite\t. ';
    const tokens = visibleTokens(text);
    expect(tokens.map((t) => t.text).join('')).toBe(text);
    expect(tokens.filter((t) => t.kind !== 'text').map((t) => t.kind)).toEqual(['edge-space', 'nbsp', 'nnbsp', 'empty-link', 'spaces', 'thinsp', 'tab', 'edge-space']);
    expect(visibleText(text)).toBe('␣S’applique[NBSP]à[NNBSP]: voir ⟦∅⟧ et␣␣la[THINSP]suite[TAB].␣');
  });
  it('leaves ordinary text alone', () => {
    expect(visibleTokens('a b')).toEqual([{ kind: 'text', text: 'a b' }]);
    expect(visibleTokens('')).toEqual([]);
  });
  it('shows the seeds’ defects: empty link texts in ko, NBSPs in fr', () => {
    const texts = (locale: string) => report.grid.map((r) => r.cells[locale]?.text ?? '');
    expect(texts('ko-KR').flatMap(visibleTokens).filter((t) => t.kind === 'empty-link')).toHaveLength(2);
    expect(texts('fr-FR').flatMap(visibleTokens).some((t) => t.kind === 'nbsp')).toBe(true);
  });
});
