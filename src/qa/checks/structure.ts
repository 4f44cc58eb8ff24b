/** Checks 4–5: the shape of each section, and the code in it, against the English. */
import type { Nodes, RootContent } from 'mdast';
import type { LocalizedDoc } from '../../pipeline/localized-doc.ts';
import type { Check, LocaleData, QaContext, RawFinding } from '../context.ts';
import { multisetDiff } from '../text-view.ts';

/** A section's skeleton: one token per top-level block (lists with their item counts and nesting). */
export function skeletons(doc: LocalizedDoc): Map<string, { tokens: string[]; line: number }> {
  const out = new Map<string, { tokens: string[]; line: number }>();
  let anchor = '';
  const token = (node: RootContent | Nodes): string => {
    switch (node.type) {
      case 'list': {
        const inner = node.children.flatMap((item) => item.children.filter((c) => c.type !== 'paragraph').map(token));
        return `${node.ordered ? 'ol' : 'ul'}[${node.children.length}]${inner.length ? `>(${inner.join(',')})` : ''}`;
      }
      case 'code':
        return `fence:${node.lang ?? ''}`;
      case 'blockquote':
        return node.data?.includeMissing ? 'include' : node.data?.alert ? `alert:${node.data.alert}` : 'blockquote';
      case 'heading':
        return `h${node.depth}`;
      default:
        return node.type === 'paragraph' ? 'p' : node.type;
    }
  };
  for (const node of doc.tree.children) {
    if (node.type === 'yaml') continue;
    if (node.type === 'heading') anchor = (node.data as { id?: string } | undefined)?.id ?? anchor;
    const entry = out.get(anchor) ?? { tokens: [], line: node.position?.start.line ?? 1 };
    entry.tokens.push(node.type === 'heading' ? `h${node.depth}#${anchor}` : token(node));
    out.set(anchor, entry);
  }
  return out;
}

/** The reference skeletons: the English, or where there is none, the majority of the locales. */
function reference(ctx: QaContext): Map<string, string> {
  const ref = new Map<string, string>();
  if (ctx.english) {
    for (const [anchor, s] of skeletons(ctx.english.doc)) ref.set(anchor, s.tokens.join(' '));
    return ref;
  }
  const votes = new Map<string, Map<string, number>>();
  for (const l of ctx.locales) {
    for (const [anchor, s] of skeletons(l.doc)) {
      const v = votes.get(anchor) ?? new Map<string, number>();
      const key = s.tokens.join(' ');
      v.set(key, (v.get(key) ?? 0) + 1);
      votes.set(anchor, v);
    }
  }
  for (const [anchor, v] of votes) ref.set(anchor, [...v.entries()].sort((a, b) => b[1] - a[1])[0]![0]);
  return ref;
}

export const structSkeleton: Check = (ctx) => {
  const ref = reference(ctx);
  const findings: RawFinding[] = [];
  for (const l of ctx.locales) {
    const mine = skeletons(l.doc);
    for (const [anchor, s] of mine) {
      const expected = ref.get(anchor);
      const actual = s.tokens.join(' ');
      if (expected === undefined) {
        findings.push(skeletonFinding(l, anchor, s.line, `section "${anchor || '(top)'}" has no counterpart in the ${ctx.english ? 'English' : 'other locales'}`, actual));
      } else if (expected !== actual) {
        findings.push(skeletonFinding(l, anchor, s.line, `section "${anchor || '(top)'}" is shaped differently: ${actual} where the ${ctx.english ? 'English' : 'majority'} has ${expected}`, actual));
      }
    }
    for (const anchor of ref.keys()) {
      if (!mine.has(anchor)) findings.push(skeletonFinding(l, anchor, 1, `section "${anchor}" is missing`, anchor));
    }
  }
  return findings;
};

function skeletonFinding(l: LocaleData, anchor: string, line: number, message: string, subject: string): RawFinding {
  return {
    check: 'struct.skeleton',
    severity: l.otherRevision ? 'info' : 'warning',
    locale: l.locale,
    file: l.file,
    line,
    anchor,
    message: l.otherRevision ? `${message} (source changed: translated from another revision)` : message,
    ...(l.otherRevision ? { revisionDriven: true } : {}),
    subject,
  };
}

/** Code payloads of a section, with where each one is (inline in text, or a fenced block). */
function sectionCode(blocks: Iterable<{ block: { anchor: string; type: string }; view: { code: string[] } }>, anchor: string) {
  const out: { payload: string; fenced: boolean }[] = [];
  for (const b of blocks) if (b.block.anchor === anchor) for (const c of b.view.code) out.push({ payload: c, fenced: b.block.type === 'code' });
  return out;
}

export const structCodeParity: Check = (ctx) => {
  const findings: RawFinding[] = [];
  for (const l of ctx.locales) {
    // Segment against its own English: the translation must carry the same code.
    for (const u of l.units) {
      if (!u.source || u.kind !== 'segment') continue;
      const d = multisetDiff(u.source.code, u.target.code);
      if (d.missing.length || d.extra.length) {
        findings.push({ check: 'struct.code-parity', severity: 'error', locale: u.locale, file: u.file, line: u.line, segment: u.segment, anchor: u.anchor, block: u.block, message: codeMessage(d), subject: u.target.raw });
      }
    }
    if (!ctx.english) continue;
    // Section against the English section.
    const anchors = new Set([...l.blocks.values()].map((b) => b.block.anchor));
    for (const anchor of anchors) {
      const mine = sectionCode(l.blocks.values(), anchor);
      const theirs = sectionCode(ctx.english.blocks.values(), anchor);
      const d = multisetDiff(theirs.map((c) => c.payload), mine.map((c) => c.payload));
      const line = [...l.blocks.values()].find((b) => b.block.anchor === anchor)?.block.line ?? 1;
      if (d.missing.length || d.extra.length) {
        findings.push({
          check: 'struct.code-parity',
          severity: l.otherRevision ? 'info' : 'error',
          locale: l.locale,
          file: l.file,
          line,
          anchor,
          message: `section "${anchor || '(top)'}": ${codeMessage(d)}${l.otherRevision ? ' (source changed: translated from another revision)' : ''}`,
          ...(l.otherRevision ? { revisionDriven: true } : {}),
          subject: mine.map((c) => c.payload).join('\n'),
        });
        continue;
      }
      const kinds = (list: { payload: string; fenced: boolean }[]) => list.map((c) => `${c.fenced ? 'F' : 'I'}${c.payload}`).sort().join('\n');
      if (kinds(mine) !== kinds(theirs)) {
        findings.push({ check: 'struct.code-parity', severity: 'info', locale: l.locale, file: l.file, line, anchor, message: `section "${anchor || '(top)'}": the same code, but inline where the English has a code block (or the reverse)`, subject: kinds(mine) });
      }
    }
  }
  return findings;
};

const codeMessage = (d: { missing: string[]; extra: string[] }) =>
  [d.missing.length ? `code missing: ${d.missing.map((c) => `\`${c}\``).join(', ')}` : '', d.extra.length ? `code not in the English: ${d.extra.map((c) => `\`${c}\``).join(', ')}` : ''].filter(Boolean).join('; ');
