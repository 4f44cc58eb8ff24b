/**
 * What the checks look at, built once per page: for every translation its blocks and its units (a
 * segment with its English source, in span-wrapped files; an aligned block with the English block's
 * source, in plain ones), each seen through TextView; and the English blocks. Pure.
 */
import type { Block, LocalizedDoc } from '../pipeline/localized-doc.ts';
import { alignWithEnglish, type Alignment } from '../reader/align-blocks.ts';
import type { Glossary, Suppression } from './glossary.ts';
import type { CheckId, Finding, Severity } from './types.ts';
import { viewOf, type TextView } from './text-view.ts';
import { SourceText, type Place } from './source-text.ts';
import { blockRange, segmentRange } from './xliff-units.ts';

export interface QaSource {
  doc: LocalizedDoc;
  /** The file as received, decoded (LF line endings, no BOM). */
  text: string;
}

export interface QaInput {
  docId: string;
  translations: QaSource[];
  english: LocalizedDoc | null;
  /**
   * Where several English revisions are given: the revision a plain translation aligns with (by locale),
   * when it is not `english` (the loader's choice, `DocMeta.englishRevision`).
   */
  englishRevisions?: Record<string, LocalizedDoc>;
  glossary: Glossary;
  suppressions: Suppression[];
}

export interface BlockView {
  block: Block;
  view: TextView;
}

export interface Unit {
  locale: string;
  file: string;
  line: number;
  segment?: string;
  anchor: string;
  block: string;
  blockType: string;
  target: TextView;
  /** The English of this unit; null where none aligns (or the English has no text there). */
  source: TextView | null;
  sourceChanged: boolean;
  kind: 'segment' | 'block';
  /** The file the unit is in, and the range of its translation there (a finding points inside it). */
  src: SourceText;
  start: number;
  end: number;
}

export interface LocaleData {
  locale: string;
  file: string;
  doc: LocalizedDoc;
  text: string;
  /** The text as findings point into it: lines, columns, front-matter keys. */
  src: SourceText;
  hasPairs: boolean;
  blocks: Map<string, BlockView>;
  alignment: Alignment | null;
  units: Unit[];
  /** Translated from a source revision the English page was not rebuilt from. */
  otherRevision: boolean;
}

export interface QaContext {
  input: QaInput;
  glossary: Glossary;
  english: { doc: LocalizedDoc; blocks: Map<string, BlockView>; revisions: string[] } | null;
  locales: LocaleData[];
}

/** A finding before it gets its id and its suppression state, with the text it is about. */
export type RawFinding = Omit<Finding, 'id' | 'suppressed'> & {
  /**
   * The finding does not compare the translation with its English (an empty link text, a link text
   * that starts with punctuation): a locale from another source revision has it for no such reason.
   */
  intrinsic?: boolean;
  /** Hashed into the finding's id, so a suppression expires when this text changes. */
  subject: string;
};

export type Check = (ctx: QaContext) => RawFinding[];

/**
 * Each block with its view: the one the pipeline read off the tree as received, or, for a block the
 * pipeline made itself (an include's notice), one of its text.
 */
function blockViews(doc: LocalizedDoc): Map<string, BlockView> {
  const map = new Map<string, BlockView>();
  for (const block of doc.blocks) map.set(block.key, { block, view: block.view ?? viewOf(block.text) });
  return map;
}

export function buildContext(input: QaInput): QaContext {
  const english = input.english;
  const englishBlocks = english ? blockViews(english) : null;
  const revisions = english ? [...new Set((english.meta.rebuiltFrom ?? []).flatMap((r) => (r.sourceCommit ? [r.sourceCommit] : [])))] : [];
  const englishSegments = new Map((english?.segments ?? []).map((s) => [s.id, s]));

  const locales = input.translations.map(({ doc, text }): LocaleData => {
    const blocks = blockViews(doc);
    const src = new SourceText(text);
    const hasPairs = doc.segments.length > 0;
    // A plain translation of an earlier English revision is compared with that revision's text.
    const ownEnglish = (!hasPairs && input.englishRevisions?.[doc.locale]) || null;
    const alignWith = ownEnglish ?? english;
    const alignWithBlocks = ownEnglish ? blockViews(ownEnglish) : englishBlocks;
    const alignment = alignWith ? alignWithEnglish(doc, alignWith, { matchUrls: false }) : null;
    const blockOfSegment = new Map(doc.blocks.flatMap((b) => b.segmentIds.map((id) => [id, b] as const)));
    const units: Unit[] = [];
    if (hasPairs) {
      for (const s of doc.segments) {
        const b = blockOfSegment.get(s.id);
        const range = segmentRange(text, s) ?? { start: s.start, end: s.end };
        units.push({
          locale: doc.locale,
          file: doc.path,
          line: s.line,
          segment: s.id,
          anchor: b?.anchor ?? '',
          block: b?.key ?? '',
          blockType: b?.type ?? 'paragraph',
          target: viewOf(s.target),
          source: s.source !== null ? viewOf(s.source) : null,
          sourceChanged: false,
          kind: 'segment',
          src,
          ...range,
        });
      }
    } else {
      for (const b of doc.blocks) {
        if (b.type !== 'paragraph' && b.type !== 'heading') continue;
        const match = alignment?.get(b.key) ?? null;
        // The whole English block (its links and code sit outside the segments' spans).
        const englishView = match ? (alignWithBlocks?.get(match.key)?.view ?? null) : null;
        const range = blockRange(b, text) ?? { start: src.lineStart(b.line), end: src.lineStart(b.line + 1) };
        // An English original is English text throughout; a rebuilt English only where its segments had English.
        const hasEnglishText = !!match && (alignWith?.meta.original ? englishView !== null && englishView.text.trim() !== '' : match.segmentIds.some((id) => englishSegments.get(id)?.source));
        units.push({
          locale: doc.locale,
          file: doc.path,
          line: b.line,
          anchor: b.anchor,
          block: b.key,
          blockType: b.type,
          target: blocks.get(b.key)!.view,
          source: hasEnglishText ? englishView : null,
          sourceChanged: alignWith !== null && match === null,
          kind: 'block',
          src,
          ...range,
        });
      }
    }
    return {
      locale: doc.locale,
      file: doc.path,
      doc,
      text,
      src,
      hasPairs,
      blocks,
      alignment,
      units,
      // Aligned with the English revision it names: any difference is the translation's own.
      otherRevision: doc.meta.englishRevision ? doc.meta.englishRevision.how !== 'named' : english !== null && !!doc.meta.sourceCommit && !revisions.includes(doc.meta.sourceCommit),
    };
  });
  return { input, glossary: input.glossary, english: english ? { doc: english, blocks: englishBlocks!, revisions } : null, locales };
}

/**
 * Where in a unit a finding points: the nth match of a string or pattern inside the unit's range in the
 * file (text of the translation, so it holds wherever the check saw it), or the unit's start.
 */
export interface Spot {
  find: string | RegExp;
  nth?: number;
}

/** The place of a spot in a unit; the unit's start where the spot is not found in its range. */
export function placeIn(unit: Unit, spot?: Spot): Place {
  if (spot) {
    const at = unit.src.find(spot.find, unit.start, unit.end, spot.nth ?? 0);
    if (at >= 0) return unit.src.at(at);
    // The view saw it with NBSP folded or markup taken off: try the first match of its first word.
    if (typeof spot.find === 'string') {
      const word = spot.find.trim().split(/[\s\u00a0\u202f]+/)[0] ?? '';
      const near = word.length >= 2 ? unit.src.find(word, unit.start, unit.end) : -1;
      if (near >= 0) return unit.src.at(near);
    }
  }
  return unit.src.at(unit.start);
}

/** A finding about one unit, at the spot given (or the unit's start). */
export function unitFinding(unit: Unit, check: CheckId, severity: Severity, message: string, subject = unit.target.raw, spot?: Spot): RawFinding {
  const { line, column } = placeIn(unit, spot);
  return {
    check,
    severity,
    locale: unit.locale,
    file: unit.file,
    line,
    column,
    ...(unit.segment ? { segment: unit.segment } : {}),
    anchor: unit.anchor,
    block: unit.block,
    message,
    subject,
  };
}

/** A finding about the front matter, on the line of the key it is about. */
export function keyFinding(l: LocaleData, key: string | null, check: CheckId, severity: Severity, message: string, subject: string, what: 'key' | 'value' = 'key', offsetInValue = 0): RawFinding {
  const fm = l.src.frontMatter;
  const k = key ? fm?.keys.get(key) : undefined;
  const place = k ? l.src.at((what === 'key' ? k.offset : k.valueOffset) + offsetInValue) : fm ? l.src.at(fm.close) : { line: 1, column: 1 };
  return { check, severity, locale: l.locale, file: l.file, ...place, message, subject };
}
