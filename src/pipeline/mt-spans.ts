/**
 * Removes the span markup that machine-translation hand-offs wrap around every segment:
 *
 *   <span data-ttu-id="P-N">translation</span><span class="sxs-lookup"><span data-stu-id="P-N">English</span></span>
 *
 * and keeps one side of each pair (the translation, or the English source for the rebuilt English page),
 * recording every segment `{id, n, target, source}` as data.
 *
 * Why on the text and not on the Markdown tree: the markup is a layer the MT tool laid over Markdown
 * source. Left in place it changes how Markdown parses (a line that starts with `<span …>` can open an
 * HTML block; spans sit inside link text, table cells and raw `<td>` HTML alike), so it is taken off
 * first and the Markdown the translator produced is parsed as Markdown. Offsets are kept in an
 * OffsetMap so diagnostics still point into the file as received.
 *
 * Tolerant by design (real hand-offs): `&quot;`-escaped attribute quotes, bare `<span>` used by authors
 * to break auto-linking (unbalanced), spans across lines, non-numeric ids (`-p104`), edge spaces. What
 * cannot be understood is left as text with a message; translated text is never dropped. Pure.
 */
import { defuseMarkup, restoreDefused } from './parse-limits.ts';
import type { Root } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { location as locationOf } from 'vfile-location';
import { report } from './diagnostics.ts';
import { OffsetMap, remapPositions } from './offset-map.ts';

export type Side = 'target' | 'source';

export interface Segment {
  /** Full segment id as written (`55724-104`). */
  id: string;
  /** The segment number after the last hyphen, or null when it is not a plain number (`p104`). */
  n: number | null;
  /** The translation, raw Markdown exactly as between the tags (edge spaces kept). */
  target: string;
  /** The English source, raw Markdown; null when the hand-off carried no English for it. */
  source: string | null;
  /** Offsets of the whole pair markup in the text as received. */
  start: number;
  end: number;
}

/** A segment with the 1-based line and column where its markup starts in the file as received. */
export interface PlacedSegment extends Segment {
  line: number;
  column: number;
}

export interface SpanProblem {
  offset: number;
  ruleId: string;
  reason: string;
  severity: 'warning' | 'info';
}

export interface StrippedText {
  text: string;
  segments: Segment[];
  problems: SpanProblem[];
  map: OffsetMap;
}

type TokenKind = 'ttu' | 'sxs' | 'stu' | 'close' | 'open';
interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  id?: string;
}

const TAG = /<(\/?)span\b([^<>]*)>/gi;
const QUOTE = `(?:"|'|&quot;|&#34;|&#x22;)?`;
const TTU_ATTR = new RegExp(`^\\s+data-ttu-id\\s*=\\s*${QUOTE}([^"'&<>\\s]+)${QUOTE}\\s*\\/?\\s*$`, 'i');
const STU_ATTR = new RegExp(`^\\s+data-stu-id\\s*=\\s*${QUOTE}([^"'&<>\\s]+)${QUOTE}\\s*$`, 'i');
const SXS_ATTR = new RegExp(`^\\s+class\\s*=\\s*${QUOTE}\\s*sxs-lookup\\s*${QUOTE}\\s*$`, 'i');

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TAG)) {
    const start = m.index;
    const end = start + m[0].length;
    const attrs = m[2] ?? '';
    if (m[1]) {
      tokens.push({ kind: 'close', start, end });
      continue;
    }
    let a: RegExpExecArray | null;
    if ((a = TTU_ATTR.exec(attrs))) tokens.push({ kind: 'ttu', start, end, id: a[1]! });
    else if ((a = STU_ATTR.exec(attrs))) tokens.push({ kind: 'stu', start, end, id: a[1]! });
    else if (SXS_ATTR.test(attrs)) tokens.push({ kind: 'sxs', start, end });
    else tokens.push({ kind: 'open', start, end });
  }
  return tokens;
}

const isBlank = (s: string) => /^[ \t]*$/.test(s);

function segmentNumber(id: string): number | null {
  const last = id.slice(id.lastIndexOf('-') + 1);
  return /^\d+$/.test(last) ? Number(last) : null;
}

/** True when the token stream holds MT segment markup at all (a cheap test for plain files). */
export function hasSpanPairs(text: string): boolean {
  return /data-ttu-id/i.test(text);
}

type PairMatch =
  /** No English after the translated segment (before the next segment). */
  | { kind: 'no-english'; next: number }
  /** English opened but not closed where expected. */
  | { kind: 'malformed'; next: number }
  | { kind: 'pair'; next: number; targetClose: number; stu: number; sourceClose: number; pairClose: number };

/** Matches the pair that starts at token `i` (a ttu open tag), by token indexes. */
function matchPair(text: string, tokens: Token[], i: number): PairMatch {
  // The next ttu bounds the search: a pair never contains another segment.
  let next = tokens.length;
  for (let k = i + 1; k < tokens.length; k++) {
    if (tokens[k]!.kind === 'ttu') {
      next = k;
      break;
    }
  }
  let sxs = -1;
  for (let k = i + 1; k < next; k++) {
    if (tokens[k]!.kind === 'sxs') {
      sxs = k;
      break;
    }
  }
  const targetClose = sxs - 1;
  if (sxs <= i + 1 || tokens[targetClose]!.kind !== 'close' || !isBlank(text.slice(tokens[targetClose]!.end, tokens[sxs]!.start))) {
    return { kind: 'no-english', next };
  }
  const stu = sxs + 1;
  if (stu >= next || tokens[stu]!.kind !== 'stu' || !isBlank(text.slice(tokens[sxs]!.end, tokens[stu]!.start))) {
    return { kind: 'malformed', next };
  }
  // The English ends where the depth opened by sxs + stu returns to zero …
  let depth = 2;
  let sourceClose = -1;
  let pairClose = -1;
  for (let k = stu + 1; k < next; k++) {
    depth += tokens[k]!.kind === 'close' ? -1 : 1;
    if (depth === 1 && sourceClose < 0) sourceClose = k;
    if (depth === 0) {
      pairClose = k;
      break;
    }
  }
  // … unless a bare, never-closed <span> sits inside it: then the last `</span></span>` before the next
  // segment closes the pair.
  if (pairClose < 0 || !isBlank(text.slice(tokens[sourceClose]!.end, tokens[pairClose]!.start))) {
    pairClose = -1;
    for (let k = next - 1; k > stu + 1; k--) {
      const a = tokens[k - 1]!;
      const b = tokens[k]!;
      if (a.kind === 'close' && b.kind === 'close' && isBlank(text.slice(a.end, b.start))) {
        sourceClose = k - 1;
        pairClose = k;
        break;
      }
    }
  }
  if (pairClose < 0) return { kind: 'malformed', next };
  return { kind: 'pair', next, targetClose, stu, sourceClose, pairClose };
}

/**
 * Removes MT span markup from `text`, keeping the `side` of each pair. Bare `<span>` tags that are not
 * part of a pair are left alone (they are the author's, and harmless once sanitised).
 */
export function stripSpanPairs(text: string, side: Side = 'target'): StrippedText {
  const map = new OffsetMap();
  const segments: Segment[] = [];
  const problems: SpanProblem[] = [];
  if (!hasSpanPairs(text)) {
    map.copy(0, text.length);
    return { text, segments, problems, map };
  }
  const tokens = tokenize(text);
  let out = '';
  let cursor = 0;
  const copyTo = (end: number) => {
    if (end > cursor) {
      out += text.slice(cursor, end);
      map.copy(cursor, end - cursor);
    }
    cursor = Math.max(cursor, end);
  };
  /** Emits `[from, to)` of the original, dropping edge spaces that would double the surrounding ones. */
  const emitInner = (from: number, to: number, pairStart: number, pairEnd: number) => {
    const before = pairStart === 0 ? '\n' : text[pairStart - 1]!;
    const after = pairEnd >= text.length ? '\n' : text[pairEnd]!;
    let a = from;
    let b = to;
    if (/\s/.test(before) || out.length === 0 || /\s/.test(out[out.length - 1]!)) while (a < b && /[ \t]/.test(text[a]!)) a++;
    if (/\s/.test(after)) while (b > a && /[ \t]/.test(text[b - 1]!)) b--;
    if (b > a) {
      out += text.slice(a, b);
      map.copy(a, b - a);
    }
  };

  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i]!;
    if (open.kind !== 'ttu') {
      if (open.kind === 'sxs' || open.kind === 'stu') {
        problems.push({
          offset: open.start,
          ruleId: 'mt-span-orphan',
          reason: `English-source span (${open.kind === 'sxs' ? 'sxs-lookup' : `data-stu-id "${open.id}"`}) without a translated segment before it; left as text`,
          severity: 'warning',
        });
      }
      continue;
    }
    const m = matchPair(text, tokens, i);
    const id = open.id!;
    if (m.kind === 'no-english') {
      // A translated segment without English: unwrap it, keep its text.
      problems.push({
        offset: open.start,
        ruleId: 'mt-span-unpaired',
        reason: `segment "${id}" has no English source span after it; translation kept`,
        severity: 'warning',
      });
      copyTo(open.start);
      cursor = open.end;
      // Its close tag, when it is the first close before the next segment, goes too.
      for (let k = i + 1; k < m.next; k++) {
        const t = tokens[k]!;
        if (t.kind === 'close') {
          copyTo(t.start);
          cursor = t.end;
          break;
        }
        if (t.kind === 'open') break;
      }
      continue;
    }
    if (m.kind === 'malformed') {
      problems.push({
        offset: open.start,
        ruleId: 'mt-span-malformed',
        reason: `segment "${id}": English source span is not closed as expected; markup left as text`,
        severity: 'warning',
      });
      continue;
    }
    const targetClose = tokens[m.targetClose]!;
    const stu = tokens[m.stu]!;
    const sourceClose = tokens[m.sourceClose]!;
    const pairClose = tokens[m.pairClose]!;
    if (stu.id !== id) {
      problems.push({
        offset: stu.start,
        ruleId: 'mt-span-id-mismatch',
        reason: `segment ids differ: translation "${id}", English "${stu.id}"; the translation's id is kept`,
        severity: 'warning',
      });
    }
    const target = text.slice(open.end, targetClose.start);
    const source = text.slice(stu.end, sourceClose.start);
    segments.push({ id, n: segmentNumber(id), target, source, start: open.start, end: pairClose.end });
    copyTo(open.start);
    if (side === 'target') emitInner(open.end, targetClose.start, open.start, pairClose.end);
    else emitInner(stu.end, sourceClose.start, open.start, pairClose.end);
    cursor = pairClose.end;
    i = m.pairClose;
  }
  copyTo(text.length);
  return { text: out, segments, problems, map };
}

/**
 * unified plugin: strip the MT span markup before Markdown is parsed (it wraps the parser set by
 * remark-parse, so it must be used after it). Segments go to `file.data.segments`; positions in the tree
 * are those of the file as received.
 */
/** Span pairs one page may hold: ten times the largest real page, so a page cannot grow the build without bound. */
export const MAX_SPAN_PAIRS = 20_000;

export function remarkMtSpanPairs(this: Processor, options: { side?: Side } = {}) {
  const parse = this.parser;
  if (!parse) throw new Error('remarkMtSpanPairs must be used after remark-parse');
  this.parser = (doc: string, file: VFile) => {
    const stripped = stripSpanPairs(doc, options.side ?? 'target');
    const location = locationOf(doc);
    if (stripped.segments.length > MAX_SPAN_PAIRS) {
      const point = location.toPoint(stripped.segments[MAX_SPAN_PAIRS]!.start);
      report(file, 'error', `more than ${MAX_SPAN_PAIRS} MT span pairs on one page (${stripped.segments.length}); split the page`, point?.line ? { line: point.line, column: point.column ?? 1 } : undefined, 'mt-span-limit');
      // The page is refused: only its front matter is read (for its own messages), not the whole body.
      return parse(/^---[ \t]*\n[\s\S]*?\n---[ \t]*(?:\n|$)/.exec(stripped.text)?.[0] ?? '', file) as Root;
    }
    // Shapes that would make the parser quadratic are defused first (same offsets, text restored after).
    const defused = defuseMarkup(stripped.text);
    const tree = parse(defused.text, file) as Root;
    if (defused.changed) restoreDefused(tree);
    for (const p of defused.problems) {
      const point = location.toPoint(stripped.map.toOriginal(p.offset));
      report(file, 'warning', p.reason, point?.line ? { line: point.line, column: point.column ?? 1 } : undefined, p.ruleId);
    }
    const remapped = stripped.segments.length > 0 || stripped.problems.length > 0;
    if (remapped) {
      remapPositions(tree, stripped.map, (offset) => location.toPoint(offset) ?? {});
      file.data.parsed = { text: stripped.text, runs: stripped.map.toRuns() };
    }
    // The received Markdown of a range of the tree, markup off, for the text views (no second strip).
    file.data.rawText = remapped
      ? (start, end) => stripped.text.slice(stripped.map.toRewritten(start, 'start'), stripped.map.toRewritten(end, 'end'))
      : (start, end) => stripped.text.slice(start, end);
    file.data.segments = stripped.segments.map((s) => {
      const point = location.toPoint(s.start);
      return { ...s, line: point?.line ?? 1, column: point?.column ?? 1 };
    });
    for (const p of stripped.problems) {
      const point = location.toPoint(p.offset);
      report(file, p.severity, p.reason, point && point.line ? { line: point.line, column: point.column ?? 1 } : undefined, p.ruleId);
    }
    return tree;
  };
}
