/**
 * Check 25: an English segment that three or more locales stumble over (warnings or errors of the
 * segment-scoped checks; infos, revision-driven and suppressed findings left out) is a source hotspot:
 * fix the English, not five translations.
 */
import { checkInfo } from '../catalogue.ts';
import type { QaContext, RawFinding } from '../context.ts';
import type { Block } from '../../pipeline/localized-doc.ts';
import type { Finding, Hotspot } from '../types.ts';

export function sourceHotspots(ctx: QaContext, findings: Finding[]): { findings: RawFinding[]; hotspots: Hotspot[] } {
  if (!ctx.english) return { findings: [], hotspots: [] };
  const english = ctx.english.doc;
  const englishByN = new Map(english.segments.map((s) => [s.n ?? s.id, s]));
  const englishBlock = new Map(english.blocks.map((b) => [b.key, b]));
  // English segment (by number) of each finding: its own segment's number, or the aligned block's segments.
  const segmentsOf = (f: Finding): (number | string)[] => {
    const locale = ctx.locales.find((l) => l.locale === f.locale);
    if (!locale) return [];
    if (f.segment) {
      const s = locale.doc.segments.find((x) => x.id === f.segment);
      return s ? [s.n ?? s.id] : [];
    }
    if (!f.block) return [];
    const match = locale.alignment?.get(f.block) ?? sameLinks(locale.doc.blocks.find((b) => b.key === f.block)) ?? englishBlock.get(f.block);
    return (match?.segmentIds ?? []).map((id) => english.segments.find((s) => s.id === id)?.n ?? id);
  };
  // A block the alignment left out (its section is shaped differently) still has its English where
  // exactly one English block of the section links to the same places.
  const sameLinks = (block: Block | undefined): Block | null => {
    if (!block || block.urls.length === 0) return null;
    const key = [...block.urls].sort().join(' ');
    const found = english.blocks.filter((b) => b.anchor === block.anchor && [...b.urls].sort().join(' ') === key);
    return found.length === 1 ? found[0]! : null;
  };
  const byKey = new Map<number | string, { locales: Set<string>; ids: string[] }>();
  for (const f of findings) {
    if (f.severity === 'info' || f.revisionDriven || f.suppressed || !checkInfo(f.check).segmentScoped) continue;
    for (const key of segmentsOf(f)) {
      const entry = byKey.get(key) ?? { locales: new Set<string>(), ids: [] };
      entry.locales.add(f.locale);
      entry.ids.push(f.id);
      byKey.set(key, entry);
    }
  }
  const hot = [...byKey.entries()].filter(([, e]) => e.locales.size >= 3).sort((a, b) => b[1].locales.size - a[1].locales.size || String(a[0]).localeCompare(String(b[0]), 'en', { numeric: true }));
  const hotspots: Hotspot[] = [];
  const raw: RawFinding[] = [];
  for (const [key, e] of hot) {
    const segment = englishByN.get(key);
    const text = segment?.source ?? String(key);
    const locales = [...e.locales].sort();
    hotspots.push({ key: String(key), english: text, locales, findingIds: e.ids });
    const block = english.blocks.find((b) => segment && b.segmentIds.includes(segment.id));
    raw.push({
      check: 'source.hotspot',
      severity: 'warning',
      locale: 'en',
      file: english.path,
      line: segment?.line ?? 1,
      column: segment?.column ?? 1,
      ...(segment ? { segment: segment.id } : {}),
      ...(block ? { anchor: block.anchor, block: block.key } : {}),
      message: `English segment ${key} is flagged in ${locales.length} locales (${locales.join(', ')}): fix the English, not ${locales.length} translations`,
      subject: text,
    });
  }
  return { findings: raw, hotspots };
}
