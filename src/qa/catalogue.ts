/**
 * The check catalogue (../shared/spec/qa-checks.md), the one list of checks: number (its place here),
 * id, what it compares, whether it is about one segment (those count towards source hotspots), and the
 * function that runs it. The runner runs this list in this order; titles and descriptions shown to
 * translators are UI strings (locales/<lang>/qa.json, `checks.<id>`), one per entry (tested).
 */
import type { Check } from './context.ts';
import { linkEmptyText, linkNested, linkScope, linkUrlParity } from './checks/links.ts';
import { invAlnumIdentifiers, invNumbers, markupEmphasis } from './checks/invariants.ts';
import { metaKeyDrift, metaRevision, metaUntranslatedField } from './checks/meta.ts';
import { frPunctSpacing, wsCjk } from './checks/locale-rules.ts';
import { structCodeParity, structSkeleton } from './checks/structure.ts';
import { punctEnd, punctTruncated, sentenceCount, untranslated, wsSegment } from './checks/surface.ts';
import { termCase, termConsistency, termDeprecated, termDntCount, termDropped } from './checks/terms.ts';
import type { CheckId } from './types.ts';

export interface CheckInfo {
  n: number;
  id: CheckId;
  compares: string;
  /** Counted by source.hotspot (checks 7–14, 16, 18–23). */
  segmentScoped: boolean;
  /**
   * What finds this check's problems on one page; `after-others` for source.hotspot, which counts the
   * other checks' findings and so runs last, in run-qa.ts.
   */
  run: Check | 'after-others';
}

const rows: [CheckId, string, boolean, CheckInfo['run']][] = [
  ['meta.revision', 'metadata across locales', false, metaRevision],
  ['meta.key-drift', 'metadata across locales', false, metaKeyDrift],
  ['meta.untranslated-field', 'metadata vs English', false, metaUntranslatedField],
  ['struct.skeleton', 'structure across locales', false, structSkeleton],
  ['struct.code-parity', 'locales; segment vs source', false, structCodeParity],
  ['link.url-parity', 'locales; segment vs source', false, linkUrlParity],
  ['link.empty-text', 'target', true, linkEmptyText],
  ['link.nested', 'target', true, linkNested],
  ['link.scope', 'segment vs source; locales', true, linkScope],
  ['markup.emphasis', 'segment vs source; locale vs English', true, markupEmphasis],
  ['inv.numbers', 'segment vs source; sections across locales', true, invNumbers],
  ['inv.alnum-identifiers', 'segment vs source; locales', true, invAlnumIdentifiers],
  ['term.dnt-count', 'segment vs source; locales', true, termDntCount],
  ['term.case', 'target vs glossary', true, termCase],
  ['term.consistency', 'within one locale', false, termConsistency],
  ['term.dropped', 'segment vs source; locale vs English', true, termDropped],
  ['term.deprecated', 'target and metadata', false, termDeprecated],
  ['untranslated', 'segment vs source; CJK target', true, untranslated],
  ['punct.end', 'segment vs source', true, punctEnd],
  ['punct.truncated', 'locales', true, punctTruncated],
  ['sentence.count', 'segment vs source', true, sentenceCount],
  ['ws.segment', 'segment vs source; locale vs English', true, wsSegment],
  ['ws.cjk', 'ja target', true, wsCjk],
  ['fr.punct-spacing', 'fr target', true, frPunctSpacing],
  ['source.hotspot', 'across locales', false, 'after-others'],
];

export const CHECKS: CheckInfo[] = rows.map(([id, compares, segmentScoped, run], i) => ({ n: i + 1, id, compares, segmentScoped, run }));
export const checkInfo = (id: CheckId) => CHECKS.find((c) => c.id === id)!;
