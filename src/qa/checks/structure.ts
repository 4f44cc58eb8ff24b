/** Checks 4–5: the shape of each section, and the code in it, against the English. */
import type { Nodes, RootContent } from 'mdast';
import type { Block, LocalizedDoc } from '../../pipeline/localized-doc.ts';
import { unitFinding, type Check, type LocaleData, type QaContext, type RawFinding } from '../context.ts';
import { multisetDiff } from '../text-view.ts';

/**
 * The shape of a block: its kind (`p`, `ul`, `li`, `fence:http`, `h2`, `include`, …), where it starts,
 * how far its content is indented past its parent's, and the shapes inside it (a list's items, an item's
 * blocks). Paragraph text does not count: only the skeleton a translation must keep.
 */
export interface Shape {
  label: string;
  line: number;
  column: number;
  /** Columns past where the parent's content starts (0 at the top level and for an item's first block). */
  indent: number;
  children: Shape[];
}

/** Leading spaces of a line, and where a list item's content starts on its marker line (0-based columns). */
function lineLayout(text: string | undefined) {
  const lines = text?.split('\n') ?? [];
  return {
    indentOf: (line: number) => /^[ \t]*/.exec(lines[line - 1] ?? '')![0].replace(/\t/g, '    ').length,
    contentOf: (line: number) => {
      const m = /^([ \t]*(?:>[ \t]?)*[ \t]*)(?:[-*+]|\d{1,9}[.)])([ \t]+|$)/.exec(lines[line - 1] ?? '');
      return m ? m[0].replace(/\t/g, '    ').length : 0;
    },
  };
}

type Layout = ReturnType<typeof lineLayout>;

function shapeOf(node: RootContent | Nodes, layout: Layout, contentColumn: number, first: boolean): Shape {
  const line = node.position?.start.line ?? 1;
  const column = node.position?.start.column ?? 1;
  // Indentation as written in the file (the tree's columns of a span-wrapped file point past the span tags).
  const indent = first ? 0 : Math.max(0, layout.indentOf(line) - contentColumn);
  const shape = (label: string, children: Shape[] = []): Shape => ({ label, line, column, indent, children });
  switch (node.type) {
    case 'list':
      return shape(node.ordered ? 'ol' : 'ul', node.children.map((item) => shapeOf(item, layout, 0, true)));
    case 'listItem': {
      const content = layout.contentOf(line);
      return shape('li', node.children.map((c, i) => shapeOf(c, layout, content, i === 0)));
    }
    case 'code':
      return shape(`fence:${node.lang ?? ''}`);
    case 'blockquote': {
      const label = node.data?.includeMissing ? 'include' : node.data?.alert ? `alert:${node.data.alert}` : 'blockquote';
      return shape(label, label === 'blockquote' ? node.children.map((c, i) => shapeOf(c, layout, contentColumn, i === 0)) : []);
    }
    case 'heading':
      return shape(`h${node.depth}`);
    case 'paragraph':
      return shape('p');
    default:
      return shape(node.type);
  }
}

/** A shape written out, children in brackets: `ol[6](li(p) … li(p p ul[4](…)))`. Indentation left out. */
export function signature(s: Shape): string {
  const count = s.label === 'ol' || s.label === 'ul' ? `[${s.children.length}]` : '';
  return `${s.label}${count}${s.children.length ? `(${s.children.map(signature).join(' ')})` : ''}`;
}

/** Signature with indentation: two shapes that differ only here render the same. */
const indented = (s: Shape): string => `${s.indent ? `+${s.indent}` : ''}${s.label}(${s.children.map(indented).join(' ')})`;

/** A section's skeleton: the shapes of its top-level blocks, the heading first (with its anchor). */
export function skeletons(doc: LocalizedDoc, text?: string): Map<string, Shape[]> {
  const out = new Map<string, Shape[]>();
  const layout = lineLayout(text);
  let anchor = '';
  for (const node of doc.tree.children) {
    if (node.type === 'yaml') continue;
    if (node.type === 'heading') anchor = (node.data as { id?: string } | undefined)?.id ?? anchor;
    const shape = shapeOf(node, layout, 0, true);
    if (node.type === 'heading') shape.label = `h${node.depth}#${anchor}`;
    out.set(anchor, [...(out.get(anchor) ?? []), shape]);
  }
  return out;
}

/** The longest common subsequence of two lists by key: the index pairs that match. */
function lcs<T>(a: T[], b: T[], key: (x: T) => string): [number, number][] {
  const ka = a.map(key);
  const kb = b.map(key);
  const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) dp[i]![j] = ka[i] === kb[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (ka[i] === kb[j]) pairs.push([i++, j++]);
    else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

interface ShapeDiff {
  /** The node of the translation the difference is at (or after, for something missing). */
  at: Shape;
  message: string;
  /** Only the indentation differs: it renders the same. */
  indentOnly: boolean;
}

const describe = (shapes: Shape[]) => shapes.map(signature).join(' ');

/**
 * Where two lists of shapes first differ, and how: matched by signature (LCS); in a gap, shapes of the
 * same kind are compared inside, the rest are extra or missing.
 */
function firstDiff(mine: Shape[], ref: Shape[], parent: Shape | null, refName: string): ShapeDiff | null {
  const pairs = lcs(mine, ref, signature);
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [mine.length, ref.length] as [number, number]]) {
    const gapMine = mine.slice(i, pi);
    const gapRef = ref.slice(j, pj);
    if (gapMine.length || gapRef.length) {
      // Same kind on both sides: the difference is inside.
      if (gapMine.length === gapRef.length && gapMine.every((m, k) => m.label === gapRef[k]!.label)) {
        for (let k = 0; k < gapMine.length; k++) {
          const inner = firstDiff(gapMine[k]!.children, gapRef[k]!.children, gapMine[k]!, refName);
          if (inner) return inner;
        }
      }
      const at = gapMine[0] ?? mine[pi] ?? mine[pi - 1] ?? parent;
      if (at) {
        const where = parent ? ` in the ${parent.label === 'li' ? 'list item' : parent.label === 'ol' || parent.label === 'ul' ? 'list' : parent.label} at line ${parent.line}` : '';
        const isList = parent && (parent.label === 'ol' || parent.label === 'ul');
        const message = isList && mine.length !== ref.length
          ? `the list at line ${parent.line} has ${mine.length} item(s), ${describe(mine)}, where the ${refName} has ${ref.length}, ${describe(ref)}`
          : !gapRef.length
          ? `${describe(gapMine)}${where} that the ${refName} does not have`
          : !gapMine.length
            ? `${describe(gapRef)}${where} missing (the ${refName} has it)`
            : `${describe(gapMine)}${where} where the ${refName} has ${describe(gapRef)}`;
        return { at, message, indentOnly: false };
      }
    }
    if (pi < mine.length) {
      const a = mine[pi]!;
      const b = ref[pj]!;
      if (indented(a) !== indented(b)) {
        const inner = firstDiff(a.children, b.children, a, refName);
        if (inner) return inner;
        if (a.indent !== b.indent) return { at: a, message: `${signature(a)} indented ${a.indent} column(s) past its parent's content, ${b.indent} in the ${refName} (renders the same)`, indentOnly: true };
      }
    }
    i = pi + 1;
    j = pj + 1;
  }
  return null;
}

/** The majority of the locales' skeletons, by shape (indentation left out). */
function majoritySkeletons(ctx: QaContext): Map<string, Shape[]> {
  const votes = new Map<string, Map<string, { shapes: Shape[]; n: number }>>();
  for (const l of ctx.locales) {
    for (const [anchor, shapes] of skeletons(l.doc, l.text)) {
      const v = votes.get(anchor) ?? new Map<string, { shapes: Shape[]; n: number }>();
      const key = describe(shapes);
      v.set(key, { shapes, n: (v.get(key)?.n ?? 0) + 1 });
      votes.set(anchor, v);
    }
  }
  const ref = new Map<string, Shape[]>();
  for (const [anchor, v] of votes) ref.set(anchor, [...v.values()].sort((a, b) => b.n - a.n)[0]!.shapes);
  return ref;
}

/** Each nested block's indentation by its path (`2.li5.ul`: the kinds and positions down to it). */
function indentsOf(shapes: Shape[]): Map<string, Shape> {
  const out = new Map<string, Shape>();
  const walk = (list: Shape[], path: string) =>
    list.forEach((s, k) => {
      const here = `${path}.${k}${s.label}`;
      if (path) out.set(here, s);
      walk(s.children, here);
    });
  walk(shapes, '');
  return out;
}

/**
 * Indentation, by the other locales (the English is rebuilt, not received: its indentation says
 * nothing): the first nested block indented otherwise than most locales that have a block of that kind
 * there indent it. It renders the same; an info, so the sources can be kept alike.
 */
function indentDiff(all: Map<string, Map<string, Shape[]>>, locale: string, anchor: string, shapes: Shape[]): ShapeDiff | null {
  const others = [...all].filter(([l]) => l !== locale).map(([, sections]) => indentsOf(sections.get(anchor) ?? []));
  for (const [path, s] of indentsOf(shapes)) {
    const votes = new Map<number, number>();
    for (const o of others) {
      const theirs = o.get(path);
      if (theirs) votes.set(theirs.indent, (votes.get(theirs.indent) ?? 0) + 1);
    }
    const voters = [...votes.values()].reduce((a, b) => a + b, 0);
    const [top] = [...votes].sort((a, b) => b[1] - a[1]);
    if (!top || voters < 2 || top[1] * 2 <= voters || top[0] === s.indent) continue;
    return { at: s, message: `${signature(s).replace(/\(.*$/, '')} at line ${s.line} is indented ${s.indent} column(s) past its parent's content where ${top[1]} of ${voters} other locales indent it ${top[0]} (renders the same)`, indentOnly: true };
  }
  return null;
}

/**
 * Each section against the reference (the English, else the majority of the locales), one finding per
 * section at the first place that differs: a nested list's item, a code block where the reference has
 * none. Where only indentation differs from the locales shaped the same, an info (it renders the same).
 */
export const structSkeleton: Check = (ctx) => {
  const all = new Map(ctx.locales.map((l) => [l.locale, skeletons(l.doc, l.text)]));
  const ref = ctx.english ? skeletons(ctx.english.doc) : majoritySkeletons(ctx);
  const refName = ctx.english ? 'English' : 'majority of the locales';
  const findings: RawFinding[] = [];
  for (const l of ctx.locales) {
    const mine = all.get(l.locale)!;
    for (const [anchor, shapes] of mine) {
      const expected = ref.get(anchor);
      if (expected === undefined) {
        findings.push(skeletonFinding(l, anchor, shapes[0]!, `section "${anchor || '(top)'}" has no counterpart in the ${ctx.english ? 'English' : 'other locales'}`, describe(shapes)));
        continue;
      }
      // The shape against the reference, and, a problem of its own, the indentation against the locales.
      const shapeDiff = firstDiff(shapes, expected, null, refName);
      for (const diff of [shapeDiff && !shapeDiff.indentOnly ? shapeDiff : null, indentDiff(all, l.locale, anchor, shapes)]) {
        if (diff) findings.push(skeletonFinding(l, anchor, diff.at, `section "${anchor || '(top)'}": ${diff.message}`, `${diff.at.line}|${diff.message}`, diff.indentOnly));
      }
    }
    for (const anchor of ref.keys()) {
      if (!mine.has(anchor)) findings.push(skeletonFinding(l, anchor, { label: '', line: 1, column: 1, indent: 0, children: [] }, `section "${anchor}" is missing`, anchor));
    }
  }
  return findings;
};

function skeletonFinding(l: LocaleData, anchor: string, at: Shape, message: string, subject: string, indentOnly = false): RawFinding {
  const driven = l.otherRevision && !indentOnly;
  return {
    check: 'struct.skeleton',
    severity: driven || indentOnly ? 'info' : 'warning',
    locale: l.locale,
    file: l.file,
    line: at.line,
    column: at.column,
    anchor,
    message: driven ? `${message} (source changed: translated from another revision)` : message,
    ...(driven ? { revisionDriven: true } : {}),
    subject,
  };
}

/** Code payloads of a section, with where each one is (inline in text, or a fenced block) and its block. */
function sectionCode(blocks: Iterable<{ block: Block; view: { code: string[] } }>, anchor: string) {
  const out: { payload: string; fenced: boolean; block: Block }[] = [];
  for (const b of blocks) if (b.block.anchor === anchor) for (const c of b.view.code) out.push({ payload: c, fenced: b.block.type === 'code', block: b.block });
  return out;
}

/** Where a payload is in a block of the file: its first line of code, or the block's start. */
function codePlace(l: LocaleData, block: Block, payload: string) {
  const start = block.start >= 0 ? block.start : l.src.lineStart(block.line);
  const end = block.end >= 0 ? block.end : l.src.lineStart(block.line + 1);
  const firstLine = payload.split('\n')[0]!.trim();
  const at = firstLine ? l.src.find(firstLine, start, end) : -1;
  return l.src.at(at >= 0 ? at : start);
}

export const structCodeParity: Check = (ctx) => {
  const findings: RawFinding[] = [];
  for (const l of ctx.locales) {
    // Segment against its own English: the translation must carry the same code.
    for (const u of l.units) {
      if (!u.source || u.kind !== 'segment') continue;
      const d = multisetDiff(u.source.code, u.target.code);
      if (d.missing.length || d.extra.length) {
        findings.push(unitFinding(u, 'struct.code-parity', 'error', codeMessage(d), u.target.raw, d.extra.length ? { find: d.extra[0]!.split('\n')[0]!.trim() } : undefined));
      }
    }
    if (!ctx.english) continue;
    // Section against the English section.
    const anchors = new Set([...l.blocks.values()].map((b) => b.block.anchor));
    for (const anchor of anchors) {
      const mine = sectionCode(l.blocks.values(), anchor);
      const theirs = sectionCode(ctx.english.blocks.values(), anchor);
      const d = multisetDiff(theirs.map((c) => c.payload), mine.map((c) => c.payload));
      const first = [...l.blocks.values()].find((b) => b.block.anchor === anchor)?.block;
      if (d.missing.length || d.extra.length) {
        // Segment findings already cover code inside segments; this is code outside them.
        const extra = d.extra.length ? mine.find((c) => c.payload === d.extra[0]) : undefined;
        const place = extra ? codePlace(l, extra.block, extra.payload) : first ? l.src.at(first.start >= 0 ? first.start : l.src.lineStart(first.line)) : { line: 1, column: 1 };
        findings.push({
          check: 'struct.code-parity',
          severity: l.otherRevision ? 'info' : 'error',
          locale: l.locale,
          file: l.file,
          ...place,
          anchor,
          ...(extra ? { block: extra.block.key } : {}),
          message: `section "${anchor || '(top)'}": ${codeMessage(d)}${l.otherRevision ? ' (source changed: translated from another revision)' : ''}`,
          ...(l.otherRevision ? { revisionDriven: true } : {}),
          subject: mine.map((c) => c.payload).join('\n'),
        });
        continue;
      }
      // The same code: each payload that is a code block where the English has it inline (or the reverse).
      const englishFenced = new Map<string, boolean[]>();
      for (const c of theirs) englishFenced.set(c.payload, [...(englishFenced.get(c.payload) ?? []), c.fenced]);
      for (const c of mine) {
        const kinds = englishFenced.get(c.payload) ?? [];
        const k = kinds.indexOf(c.fenced);
        if (k >= 0) {
          kinds.splice(k, 1);
          continue;
        }
        kinds.shift();
        findings.push({
          check: 'struct.code-parity',
          severity: 'info',
          locale: l.locale,
          file: l.file,
          ...codePlace(l, c.block, c.payload),
          anchor,
          block: c.block.key,
          message: `\`${c.payload.split('\n')[0]}\` is ${c.fenced ? 'a code block where the English has it inline' : 'inline where the English has a code block'}`,
          subject: `${c.fenced ? 'F' : 'I'}|${c.payload}`,
        });
      }
    }
  }
  return findings;
};

const codeMessage = (d: { missing: string[]; extra: string[] }) =>
  [d.missing.length ? `code missing: ${d.missing.map((c) => `\`${c}\``).join(', ')}` : '', d.extra.length ? `code not in the English: ${d.extra.map((c) => `\`${c}\``).join(', ')}` : ''].filter(Boolean).join('; ');
