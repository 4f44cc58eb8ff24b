/**
 * The inline content of one translation unit (a segment's or a block's raw Markdown) as a CAT tool
 * should see it: text to translate, and the Markdown around it (emphasis markers, link brackets and
 * URLs, code spans, raw HTML, alert markers, includes) as XLIFF 2.0 inline codes whose original data a
 * translator cannot break. And back: XLIFF inline content to Markdown, with text escaped where it
 * would otherwise start markup.
 *
 * Pure. The model (`Inline[]`) is what export and import compare: a unit whose target reads back as
 * the model of the file's own text is unchanged, and its bytes are never rewritten.
 */
import type { Nodes, PhrasingContent, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { defuseMarkup } from '../pipeline/parse-limits.ts';

export type Inline =
  | { type: 'text'; value: string }
  /** A standalone code: `data` is its Markdown, exactly as in the file. */
  | { type: 'ph'; kind: string; data: string; disp?: string }
  /** A paired code around translatable content: `start`/`end` are the Markdown before and after it. */
  | { type: 'pc'; kind: string; start: string; end: string; children: Inline[] };

/**
 * The raw text of a unit split into its first line and its continuation lines' prefixes (a list item's
 * indentation, a block quote's `> `): the prefixes are layout, not content, and come back on import.
 */
export interface UnitText {
  /** The content without continuation prefixes. */
  content: string;
  /** The prefix of the first continuation line ('' for a one-line unit). */
  prefix: string;
}

const CONTINUATION = /^[ \t]*(?:>[ \t]?[ \t]*)*/;

export function splitUnitText(raw: string): UnitText {
  const lines = raw.split('\n');
  if (lines.length === 1) return { content: raw, prefix: '' };
  const prefix = CONTINUATION.exec(lines[1]!)![0];
  return { content: [lines[0], ...lines.slice(1).map((l) => l.slice(CONTINUATION.exec(l)![0].length))].join('\n'), prefix };
}

/** Back to the file's layout: every line after the first gets the unit's continuation prefix. */
export const joinUnitText = (content: string, prefix: string) => content.replace(/\n/g, `\n${prefix}`);

// Built once: creating the syntax extensions costs more than parsing a typical unit. GFM doubles a
// parse's cost and adds inline syntax only where these can appear (strikethrough, autolink literals,
// footnote references).
const GFM_OPTIONS = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] };
const GFM_INLINE = /~|:\/\/|www\.|@|\[\^/i;
/** Parsed in front of the unit so that it is read as paragraph text whatever it starts with (`1.`, `#`, `-`). */
const LEAD = '&amp;';
const ALERT = /^\[!(?:NOTE|TIP|IMPORTANT|CAUTION|WARNING)\][ \t]*\n?/i;
const INCLUDE_OPEN = /\[!INCLUDE\s*$/i;

/**
 * Text in which no inline construct can start; on one line, behind LEAD, no block construct either. Most
 * units are such and skip the parser (a unit's parse is most of what exporting it costs).
 */
const INLINE_MARKUP = /[\\`*_[\]<&~\n\r]|:\/\/|www\.|@/i;

/** The inline model of a unit's content (continuation prefixes already off). */
export function inlineOf(content: string): Inline[] {
  if (content === '') return [];
  if (!INLINE_MARKUP.test(content)) return [{ type: 'text', value: content }];
  // Edge spaces are content of a unit (an MT defect, or the space before the next segment); a paragraph drops them.
  const lead = /^[ \t]*/.exec(content)![0];
  const trail = /[ \t]*$/.exec(content.slice(lead.length))![0];
  const body = content.slice(lead.length, content.length - trail.length);
  const edges = (items: Inline[]): Inline[] => mergeText([{ type: 'text', value: lead }, ...items, { type: 'text', value: trail }]);
  const defused = defuseMarkup(body);
  // Shapes the parser is slow on were defused: such a unit is one text, kept as it is.
  if (defused.changed) return [{ type: 'text', value: content }];
  const tree = (GFM_INLINE.test(body) ? fromMarkdown(LEAD + body, GFM_OPTIONS) : fromMarkdown(LEAD + body)) as Root;
  const para = tree.children[0];
  if (tree.children.length !== 1 || para?.type !== 'paragraph') return [{ type: 'text', value: content }];
  const at = (offset: number | undefined) => Math.max(0, (offset ?? LEAD.length) - LEAD.length);
  const items = walk(para.children, body, at);
  const first = items[0];
  if (first?.type === 'text' && first.value.startsWith('&')) first.value = first.value.slice(1);
  return edges(protectDocfx(items));
}

function walk(nodes: PhrasingContent[], text: string, at: (o: number | undefined) => number): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    const s = at(node.position?.start.offset);
    const e = at(node.position?.end.offset);
    const kids = 'children' in node ? (node.children as PhrasingContent[]) : [];
    const raw = text.slice(s, e);
    if (node.type === 'text') {
      out.push({ type: 'text', value: node.value });
      continue;
    }
    const paired = node.type === 'emphasis' || node.type === 'strong' || node.type === 'delete' || node.type === 'link' || node.type === 'linkReference';
    // An autolink's text is its URL: nothing to translate.
    const autolink = node.type === 'link' && (raw.startsWith('<') || (kids.length === 1 && kids[0]!.type === 'text' && text.slice(at(kids[0]!.position?.start.offset), at(kids[0]!.position?.end.offset)) === raw));
    if (paired && kids.length > 0 && !autolink) {
      const inner = [at(kids[0]!.position?.start.offset), at(kids.at(-1)!.position?.end.offset)] as const;
      out.push({ type: 'pc', kind: node.type, start: text.slice(s, inner[0]), end: text.slice(inner[1], e), children: walk(kids, text, at) });
      continue;
    }
    out.push({ type: 'ph', kind: node.type, data: raw, ...(node.type === 'inlineCode' ? { disp: (node as Nodes & { value: string }).value } : {}) });
  }
  return out;
}

/** DocFX markup read as text by CommonMark: an alert marker opening the unit, an inline `[!INCLUDE [x](y)]`. */
function protectDocfx(items: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (i === 0 && item.type === 'text' && ALERT.test(item.value)) {
      const marker = ALERT.exec(item.value)![0];
      out.push({ type: 'ph', kind: 'alert', data: marker });
      if (item.value.length > marker.length) out.push({ type: 'text', value: item.value.slice(marker.length) });
      continue;
    }
    const link = items[i + 1];
    const after = items[i + 2];
    if (item.type === 'text' && INCLUDE_OPEN.test(item.value) && link && link.type !== 'text' && link.kind === 'link' && after?.type === 'text' && after.value.startsWith(']')) {
      const open = INCLUDE_OPEN.exec(item.value)!;
      if (open.index > 0) out.push({ type: 'text', value: item.value.slice(0, open.index) });
      out.push({ type: 'ph', kind: 'include', data: `${open[0]}${markdownOf([link])}]` });
      if (after.value.length > 1) out.push({ type: 'text', value: after.value.slice(1) });
      i += 2;
      continue;
    }
    out.push(item);
  }
  return out;
}

function mergeText(items: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const item of items) {
    const last = out.at(-1);
    if (item.type === 'text' && last?.type === 'text') last.value += item.value;
    else if (item.type !== 'text' || item.value !== '') out.push(item.type === 'pc' ? { ...item, children: mergeText(item.children) } : item);
  }
  return out;
}

/**
 * Text as Markdown that reads back as the same text: characters that could open or close markup are
 * escaped, and only those (a translator's `snake_case` stays as written).
 */
export function escapeText(value: string, atLineStart: boolean): string {
  let out = value
    .replace(/\\/g, '\\\\')
    .replace(/[`*[\]~]/g, (c) => `\\${c}`)
    .replace(/&(?=#?[0-9A-Za-z]+;)/g, '&amp;')
    // `<` as a reference, not `\<`: in a span-wrapped file `</span>` typed by a translator must not close a span.
    .replace(/</g, '&lt;')
    .replace(/(^|[^\p{L}\p{N}])_|_(?=[^\p{L}\p{N}]|$)/gu, (m) => m.replace('_', '\\_'))
    .replace(/!(?=\\\[)/g, '\\!');
  // What would open a block at the start of a line: a heading, a list, a quote, a thematic break.
  const lineStart = (s: string) => s.replace(/^([ \t]*)([#>+\-=|])/, '$1\\$2').replace(/^([ \t]*\d{1,9})([.)])/, '$1\\$2');
  out = out
    .split('\n')
    .map((line, i) => (i > 0 || atLineStart ? lineStart(line) : line))
    .join('\n');
  return out;
}

/** The Markdown of an inline model: codes as their original data, text escaped. */
export function markdownOf(items: Inline[], atLineStart = false): string {
  let out = '';
  for (const item of items) {
    if (item.type === 'text') out += escapeText(item.value, atLineStart && out === '' ? true : out.endsWith('\n'));
    else if (item.type === 'ph') out += item.data;
    else out += item.start + markdownOf(item.children) + item.end;
  }
  return out;
}

/** Two models are the same content (text and codes, in place). */
export function sameInline(a: Inline[], b: Inline[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
