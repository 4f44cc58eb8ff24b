/**
 * The translator checks on the five received translations: the examples of ../shared/spec/qa-checks.md
 * (what must fire, and what must not), and a deterministic report.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadQa } from '../../../src/qa/load-qa.ts';
import type { QaReport } from '../../../src/qa/types.ts';

const ROOT = join(import.meta.dirname, '../../..');
let report: QaReport;

beforeAll(() => {
  report = loadQa({ contentDir: join(ROOT, 'content') }).reports[0]!.report;
});

const of = (check: string, locale?: string) => report.findings.filter((f) => f.check === check && (!locale || f.locale === locale));

describe('translator checks on the partner guide', () => {
  it('meta.revision: four groups, ja is the reference, the other four are stale; all MT', () => {
    const groups = new Map<number, string[]>();
    for (const l of report.locales) groups.set(l.group, [...(groups.get(l.group) ?? []), l.locale].sort());
    expect([...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, g]) => g)).toEqual([['ja-JP'], ['es-ES'], ['ko-KR'], ['de-DE', 'fr-FR']]);
    expect(of('meta.revision').map((f) => f.locale).sort()).toEqual(['de-DE', 'es-ES', 'fr-FR', 'ko-KR']);
    expect(report.locales.every((l) => l.translationType === 'MT')).toBe(true);
  });

  it('link.empty-text: two in each of ja, de, es and ko, none in fr', () => {
    const counts = Object.fromEntries(['ja-JP', 'de-DE', 'es-ES', 'ko-KR', 'fr-FR'].map((l) => [l, of('link.empty-text', l).length]));
    expect(counts).toEqual({ 'ja-JP': 2, 'de-DE': 2, 'es-ES': 2, 'ko-KR': 2, 'fr-FR': 0 });
    const anchors = new Set(of('link.empty-text').map((f) => f.anchor));
    expect([...anchors].sort()).toEqual(['step-2-fulfill-the-solution-validation-and-certification-requirements', 'step-4-get-listed-in-the-microsoft-defender-for-endpoint-partner-application-portal']);
  });

  it('link.nested: ja, Step 2 — and not on the INCLUDE line', () => {
    expect(of('link.nested')).toMatchObject([{ locale: 'ja-JP', anchor: 'step-2-fulfill-the-solution-validation-and-certification-requirements', line: 43 }]);
  });

  it('punct.truncated: de, the sentence that ends “…als Partner weiterver-”', () => {
    expect(of('punct.truncated')).toMatchObject([{ locale: 'de-DE', severity: 'error', line: 44 }]);
    expect(of('punct.truncated')[0]!.message).toContain('weiterver-');
  });

  it('term.consistency: fr renders Microsoft Defender for Endpoint seven different ways', () => {
    // Seven ways: the allowed one, the English names, five others. One finding per rendering outside
    // the allowed one: five, and the two English names.
    const fr = of('term.consistency', 'fr-FR').filter((f) => f.message.includes('for “Microsoft Defender for Endpoint”'));
    expect(fr.length).toBe(7);
    expect(fr.every((f) => f.message.includes('7 ways in this file'))).toBe(true);
  });

  it('must not fire: term.dnt-count on fr segment 107, ws.segment on the `5.  ` list marker', () => {
    expect(of('term.dnt-count', 'fr-FR').map((f) => f.segment)).not.toContain('55724-107');
    // The `5.  ` marker is on line 58 of fr-FR, de-DE and ko-KR.
    expect(of('ws.segment').map((f) => f.line)).not.toContain(58);
  });

  it('finds the English segments most locales stumble over', () => {
    expect(report.hotspots.map((h) => h.key)).toEqual(['115', '120', '129', '135']);
    expect(report.hotspots[0]!.english).toContain('Partner Application page');
  });

  it('gives every finding a unique, stable id and keeps the order stable', () => {
    const ids = report.findings.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    const again = loadQa({ contentDir: join(ROOT, 'content') }).reports[0]!.report;
    expect(JSON.stringify(again)).toBe(JSON.stringify(report));
  });

  it('fills the grid: every block of every locale, with invariant strips', () => {
    const row = report.grid.find((r) => r.key === 'step-2-fulfill-the-solution-validation-and-certification-requirements:1')!;
    expect(Object.keys(row.cells).sort()).toEqual(['de-DE', 'en', 'es-ES', 'fr-FR', 'ja-JP', 'ko-KR']);
    expect(row.cells['de-DE']!.text).toContain('⟦∅⟧');
    expect(row.cells['de-DE']!.disagreements).toContain('emphasis');
    expect(row.cells.en!.invariants.urls).toEqual(['https://securitycenter.microsoft.com/interoperability/partners']);
  });

  it('builds the term matrix', () => {
    expect(report.terms.cells.mde!['fr-FR']!.length).toBe(8);
    expect(report.terms.concepts.map((c) => c.id)).toContain('misa');
  });
});
