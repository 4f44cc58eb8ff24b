/**
 * The check catalogue (../shared/spec/qa-checks.md): number, id, what it compares, and whether it is
 * about one segment (those count towards source hotspots). Titles and descriptions shown to translators
 * are UI strings (locales/<lang>/qa.json, `checks.<id>`); this is the one list of checks.
 */
import type { CheckId } from './types.ts';

export interface CheckInfo {
  n: number;
  id: CheckId;
  compares: string;
  /** Counted by source.hotspot (checks 7–14, 16, 18–23). */
  segmentScoped: boolean;
}

const rows: [CheckId, string, boolean][] = [
  ['meta.revision', 'metadata across locales', false],
  ['meta.key-drift', 'metadata across locales', false],
  ['meta.untranslated-field', 'metadata vs English', false],
  ['struct.skeleton', 'structure across locales', false],
  ['struct.code-parity', 'locales; segment vs source', false],
  ['link.url-parity', 'locales; segment vs source', false],
  ['link.empty-text', 'target', true],
  ['link.nested', 'target', true],
  ['link.scope', 'segment vs source; locales', true],
  ['markup.emphasis', 'segment vs source; locale vs English', true],
  ['inv.numbers', 'segment vs source; sections across locales', true],
  ['inv.alnum-identifiers', 'segment vs source; locales', true],
  ['term.dnt-count', 'segment vs source; locales', true],
  ['term.case', 'target vs glossary', true],
  ['term.consistency', 'within one locale', false],
  ['term.dropped', 'segment vs source; locale vs English', true],
  ['term.deprecated', 'target and metadata', false],
  ['untranslated', 'segment vs source; CJK target', true],
  ['punct.end', 'segment vs source', true],
  ['punct.truncated', 'locales', true],
  ['sentence.count', 'segment vs source', true],
  ['ws.segment', 'segment vs source; locale vs English', true],
  ['ws.cjk', 'ja target', true],
  ['fr.punct-spacing', 'fr target', true],
  ['source.hotspot', 'across locales', false],
];

export const CHECKS: CheckInfo[] = rows.map(([id, compares, segmentScoped], i) => ({ n: i + 1, id, compares, segmentScoped }));
export const checkInfo = (id: CheckId) => CHECKS.find((c) => c.id === id)!;
