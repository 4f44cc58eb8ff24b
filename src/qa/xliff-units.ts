/**
 * The translation units of one received file, for the XLIFF round trip: in a span-wrapped file one per
 * MT segment (its translation between the span tags, its English from the pair); in a plain file one
 * per paragraph and heading (the blocks the checks compare), with the English of the block it aligns
 * with (anchor and position) or none. Each unit knows its range in the decoded file, so post-edits go
 * back to exactly that range and nowhere else.
 *
 * Pure: the document and its decoded text in, units out. Export and import both call this on the same
 * file, which is what makes "no edit → byte-identical" hold.
 */
import type { Block, LocalizedDoc } from '../pipeline/localized-doc.ts';
import type { Alignment } from '../reader/align-blocks.ts';
import { inlineOf, splitUnitText, type Inline } from './xliff-inline.ts';

export interface XliffUnit {
  /** The segment id, or the block key (`step-4:3`). */
  id: string;
  kind: 'segment' | 'block';
  line: number;
  /** The range of the translatable text in the decoded file. */
  start: number;
  end: number;
  /** Continuation-line prefix of the range (a list item's indentation). */
  prefix: string;
  /** Whether the range starts a line (text put there is escaped as a line start). */
  atLineStart: boolean;
  target: Inline[];
  /** The English; null where the hand-off has none or no English block aligns. */
  source: Inline[] | null;
  /** Why there is no English, where there is none. */
  noSource?: 'no-english-in-pair' | 'not-aligned' | 'no-english-page';
}

const HEADING_MARKER = /^#{1,6}(?:[ \t]+|$)/;
const HEADING_CLOSE = /(?:[ \t]+#+)?[ \t]*$/;
const LINE_LEAD = /^[ \t]*(?:(?:>[ \t]?)|(?:[-*+]|\d{1,9}[.)])[ \t]+)*[ \t]*$/;

/** The translatable range of a leaf block: a heading without its `#` markers; null for an ATX-less heading. */
export function blockRange(block: Block, text: string): { start: number; end: number } | null {
  if (block.start < 0 || block.end <= block.start) return null;
  const raw = text.slice(block.start, block.end);
  if (block.type !== 'heading') return { start: block.start, end: block.end };
  const open = HEADING_MARKER.exec(raw);
  if (!open) return null;
  const close = HEADING_CLOSE.exec(raw.slice(open[0].length))!;
  return { start: block.start + open[0].length, end: block.start + open[0].length + close.index };
}

/** Where a segment's translation is in the file: right after its opening tag, verbatim; null if not. */
export function segmentRange(text: string, s: { start: number; target: string }): { start: number; end: number } | null {
  const open = text.indexOf('>', s.start);
  if (open < 0) return null;
  const start = open + 1;
  return text.slice(start, start + s.target.length) === s.target ? { start, end: start + s.target.length } : null;
}

export function xliffUnits(doc: LocalizedDoc, text: string, english: { doc: LocalizedDoc; alignment: Alignment } | null): XliffUnit[] {
  const units: XliffUnit[] = [];
  const lineStartAt = (offset: number) => LINE_LEAD.test(text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset));
  if (doc.segments.length > 0) {
    for (const s of doc.segments) {
      const range = segmentRange(text, s);
      if (!range) continue;
      const { content, prefix } = splitUnitText(text.slice(range.start, range.end));
      const source = s.source === null ? null : inlineOf(splitUnitText(s.source).content);
      units.push({ id: s.id, kind: 'segment', line: s.line, ...range, prefix, atLineStart: lineStartAt(range.start), target: inlineOf(content), source, ...(source ? {} : { noSource: 'no-english-in-pair' as const }) });
    }
    return units;
  }
  for (const block of doc.blocks) {
    if (block.type !== 'paragraph' && block.type !== 'heading') continue;
    const range = blockRange(block, text);
    if (!range) continue;
    const { content, prefix } = splitUnitText(text.slice(range.start, range.end));
    const target = inlineOf(content);
    if (!target.some(hasText)) continue;
    const match = english?.alignment.get(block.key) ?? null;
    const source = match ? englishOf(match) : null;
    units.push({
      id: block.key,
      kind: 'block',
      line: block.line,
      ...range,
      prefix,
      atLineStart: true,
      target,
      source,
      ...(source ? {} : { noSource: english ? ('not-aligned' as const) : ('no-english-page' as const) }),
    });
  }
  return units;
}

/** The English of an aligned block: its raw Markdown (as the pipeline read it), heading markers off. */
function englishOf(block: Block): Inline[] | null {
  if (!block.view) return null;
  const raw = block.view.raw;
  const open = block.type === 'heading' ? HEADING_MARKER.exec(raw) : null;
  const body = open ? raw.slice(open[0].length).replace(HEADING_CLOSE, '') : raw;
  return inlineOf(splitUnitText(body).content);
}

const hasText = (i: Inline): boolean => (i.type === 'text' ? i.value.trim() !== '' : i.type === 'pc' ? i.children.some(hasText) : false);
