/**
 * Runs every check over one page in all its locales and assembles the report: findings with stable
 * ids (suppressions applied), the per-locale status, the aligned grid with invariant strips, the term
 * matrix and the source hotspots. Pure: the same input gives the same report, byte for byte.
 */
import { neutralUrl } from '../reader/align-blocks.ts';
import { CHECKS } from './catalogue.ts';
import { buildContext, type Check, type QaContext, type QaInput, type RawFinding } from './context.ts';
import { sourceHotspots } from './checks/hotspot.ts';
import { revisionGroups } from './checks/meta.ts';
import { termRenderings } from './checks/terms.ts';
import type { CheckId, Finding, GridCell, GridRow, Invariants, LocaleStatus, QaReport, Severity } from './types.ts';
import { countTerm, numbersIn, type TextView } from './text-view.ts';

/** The checks in catalogue order: the catalogue is the one list (source.hotspot runs after them). */
export const CHECK_FUNCTIONS: { id: CheckId; run: Check }[] = CHECKS.flatMap((c) => (c.run === 'after-others' ? [] : [{ id: c.id, run: c.run }]));

/** FNV-1a, 32 bits, as 8 hex digits: short, stable, dependency-free. */
export function hash8(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

const order = new Map(CHECKS.map((c) => [c.id, c.n]));

function finalize(raw: RawFinding[], ctx: QaContext): Finding[] {
  const suppressed = new Set(ctx.input.suppressions.map((s) => s.id));
  const sorted = [...raw].sort(
    (a, b) =>
      a.locale.localeCompare(b.locale) ||
      a.line - b.line ||
      a.column - b.column ||
      order.get(a.check)! - order.get(b.check)! ||
      a.message.localeCompare(b.message),
  );
  const seen = new Map<string, number>();
  return sorted.map(({ subject, intrinsic: _intrinsic, ...f }) => {
    const base = `${f.check}:${f.locale}:${f.anchor ?? ''}:${hash8(subject.normalize('NFC'))}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const finding: Finding = { id: n === 1 ? base : `${base}~${n}`, ...f };
    if (suppressed.has(base)) finding.suppressed = true;
    return finding;
  });
}

function invariantsOf(view: TextView, ctx: QaContext): Invariants {
  return {
    urls: view.urls.map(neutralUrl),
    numbers: numbersIn(view.prose),
    code: view.code,
    dnt: ctx.glossary.doNotTranslate.flatMap((term) => Array<string>(countTerm(view.text, term)).fill(term)),
    emphasis: view.emphasis,
    links: view.links.length,
  };
}

const sameList = (a: string[], b: string[]) => [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

function disagreements(mine: Invariants, ref: Invariants | null): (keyof Invariants)[] {
  if (!ref) return [];
  const keys: (keyof Invariants)[] = [];
  for (const k of ['urls', 'numbers', 'code', 'dnt'] as const) if (!sameList(mine[k], ref[k])) keys.push(k);
  for (const k of ['emphasis', 'links'] as const) if (mine[k] !== ref[k]) keys.push(k);
  return keys;
}

/** The most common invariants among cells, for a row with no English cell. */
function majority(cells: Invariants[]): Invariants | null {
  if (cells.length < 3) return null;
  const votes = new Map<string, { inv: Invariants; n: number }>();
  for (const inv of cells) {
    const key = JSON.stringify({ ...inv, urls: [...inv.urls].sort(), numbers: [...inv.numbers].sort(), code: [...inv.code].sort(), dnt: [...inv.dnt].sort() });
    votes.set(key, { inv, n: (votes.get(key)?.n ?? 0) + 1 });
  }
  const best = [...votes.values()].sort((a, b) => b.n - a.n)[0]!;
  return best.n * 2 > cells.length ? best.inv : null;
}

function buildGrid(ctx: QaContext, findings: Finding[]): GridRow[] {
  const keys: { key: string; anchor: string; type: string }[] = [];
  const known = new Set<string>();
  const add = (b: { key: string; anchor: string; type: string }) => {
    if (!known.has(b.key)) {
      known.add(b.key);
      keys.push({ key: b.key, anchor: b.anchor, type: b.type });
    }
  };
  for (const b of ctx.english?.doc.blocks ?? []) add(b);
  for (const l of ctx.locales) for (const b of l.doc.blocks) add(b);
  const postEditedUnits = ctx.locales.map((l) => new Set(l.doc.meta.postEditedUnits ?? []));
  const byBlock = new Map<string, string[]>();
  for (const f of findings) if (f.block) byBlock.set(`${f.locale}|${f.block}`, [...(byBlock.get(`${f.locale}|${f.block}`) ?? []), f.id]);
  return keys.map(({ key, anchor, type }) => {
    const englishBlock = ctx.english?.blocks.get(key);
    const englishInv = englishBlock ? invariantsOf(englishBlock.view, ctx) : null;
    const localeInv = ctx.locales.map((l) => {
      const b = l.blocks.get(key);
      return b ? invariantsOf(b.view, ctx) : null;
    });
    const ref = englishInv ?? majority(localeInv.filter((i): i is Invariants => i !== null));
    const cells: Record<string, GridCell | null> = {};
    if (ctx.english) {
      cells.en = englishBlock ? { text: englishBlock.view.text, line: englishBlock.block.line, sourceChanged: false, invariants: englishInv!, disagreements: [], findingIds: [] } : null;
    }
    ctx.locales.forEach((l, i) => {
      const b = l.blocks.get(key);
      const inv = localeInv[i];
      const sourceChanged = !!l.alignment && !l.alignment.get(key) && b?.block.type !== 'heading' ? true : !!l.alignment && b?.block.type === 'heading' && !l.alignment.get(key);
      const edited = postEditedUnits[i]!;
      const postEdited = !!b && (edited.has(key) || b.block.segmentIds.some((id) => edited.has(id)));
      cells[l.locale] = b && inv ? { text: b.view.text, line: b.block.line, sourceChanged, invariants: inv, disagreements: sourceChanged ? [] : disagreements(inv, ref), findingIds: byBlock.get(`${l.locale}|${key}`) ?? [], ...(postEdited ? { postEdited: true as const } : {}) } : null;
    });
    return { key, anchor, type, cells };
  });
}

function localeStatuses(ctx: QaContext, findings: Finding[]): LocaleStatus[] {
  const groups = revisionGroups(ctx.locales);
  return ctx.locales.map((l) => {
    const group = groups.findIndex((g) => g.includes(l)) + 1;
    const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const f of findings) if (f.locale === l.locale && !f.suppressed) counts[f.severity] += 1;
    const m = l.doc.meta;
    return {
      locale: l.locale,
      file: l.file,
      translationType: m.translationType,
      revision: m.sourceCommit,
      openLocFileHash: m.openLocFileHash,
      handoff: m.handoff,
      group,
      stale: group > 1,
      hasPairs: l.hasPairs,
      segments: l.doc.segments.length,
      counts,
      postEdited: m.postEdited ? { units: m.postEditedUnits } : null,
    };
  });
}

/** Checks that compare a translation with its English: a locale translated from another revision may differ for that reason. */
const VS_ENGLISH = new Set<CheckId>([
  'struct.code-parity',
  'link.url-parity',
  'link.scope',
  'markup.emphasis',
  'inv.numbers',
  'inv.alnum-identifiers',
  'term.dnt-count',
  'term.dropped',
  'untranslated',
  'punct.end',
  'sentence.count',
  'ws.segment',
]);

/**
 * Differences from an English the locale was not translated from are labelled revision-driven: info.
 * Not a finding about the translation alone (an empty link text): no source revision explains that.
 */
function labelRevisionDriven(raw: RawFinding[], ctx: QaContext): RawFinding[] {
  const other = new Set(ctx.locales.filter((l) => l.otherRevision).map((l) => l.locale));
  return raw.map((f) =>
    VS_ENGLISH.has(f.check) && other.has(f.locale) && !f.revisionDriven && !f.intrinsic && f.block
      ? { ...f, severity: 'info', revisionDriven: true, message: `${f.message} (source changed: translated from another revision)` }
      : f,
  );
}

/**
 * One finding per problem: where a finding restates another one's at the same place, the more specific
 * one stays (a sentence cut off also ends without its end mark).
 */
const RESTATES: [kept: CheckId, dropped: CheckId][] = [['punct.truncated', 'punct.end']];

function withoutRestated(raw: RawFinding[]): RawFinding[] {
  const at = (f: RawFinding) => `${f.locale}|${f.line}`;
  const drop = new Set<string>();
  for (const [kept, dropped] of RESTATES) for (const f of raw) if (f.check === kept) drop.add(`${dropped}|${at(f)}`);
  return raw.filter((f) => !drop.has(`${f.check}|${at(f)}`));
}

export function runQa(input: QaInput): QaReport {
  return checkPage(input).report;
}

/** The report and the context it was made from (the exports reuse the context rather than build it again). */
export function checkPage(input: QaInput): { report: QaReport; ctx: QaContext } {
  const ctx = buildContext(input);
  const raw = labelRevisionDriven(withoutRestated(CHECK_FUNCTIONS.flatMap((check) => check.run(ctx))), ctx);
  // Hotspots count the other checks' findings, so they come last (the other ids do not change).
  const { findings: hotspotRaw, hotspots } = sourceHotspots(ctx, finalize(raw, ctx));
  const all = finalize([...raw, ...hotspotRaw], ctx);
  const report: QaReport = {
    docId: input.docId,
    columns: [...(ctx.english ? ['en'] : []), ...ctx.locales.map((l) => l.locale)],
    english: ctx.english ? { revisions: ctx.english.revisions, rebuiltFrom: (ctx.english.doc.meta.rebuiltFrom ?? []).map((r) => r.locale) } : null,
    locales: localeStatuses(ctx, all),
    grid: buildGrid(ctx, all),
    findings: all,
    terms: termRenderings(ctx),
    hotspots,
  };
  return { report, ctx };
}
