/**
 * unified plugin: DocFX includes, `[!INCLUDE [label](path)]`, as a block or inside a sentence.
 *
 * Recognised before any link plugin runs, so an include is never mistaken for a (nested) link. The
 * included file's content replaces it when the site has the file; otherwise a visible, localised notice
 * naming it takes its place, with a warning. The literal syntax never reaches the output.
 */
import type { Blockquote, Emphasis, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { visit } from './walk.ts';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import { report } from './diagnostics.ts';

/** An include's content, already normalised; null when the site does not have it; or why it was not expanded. */
export type IncludeResult = Root | { problem: string; ruleId: string } | null;

export interface IncludeOptions {
  /** `place` is where the include is used: messages about its content are reported there. */
  resolveInclude?: (path: string, place: Position | undefined) => IncludeResult;
  /** The localised notice shown in place of a missing include. */
  includeMissing: (label: string, path: string) => string;
}

const OPENER = /\[!include\s*$/i;

declare module 'unist' {
  interface Data {
    /** On a node brought in by an include: where the include is on the page (its own position is in the include). */
    includedAt?: Position;
  }
}

declare module 'mdast' {
  interface EmphasisData {
    includeMissing?: { label: string; path: string };
  }
}

interface Found {
  start: number;
  label: string;
  path: string;
}

/** Finds `[!INCLUDE ` text + link + `]` text in a run of phrasing content. */
function findInclude(children: PhrasingContent[], from: number): Found | null {
  for (let i = from; i + 2 < children.length; i++) {
    const before = children[i]!;
    const link = children[i + 1]!;
    const after = children[i + 2]!;
    if (before.type === 'text' && OPENER.test(before.value) && link.type === 'link' && after.type === 'text' && after.value.startsWith(']')) {
      const label = link.children.map((c) => ('value' in c ? c.value : '')).join('');
      return { start: i, label, path: link.url };
    }
  }
  return null;
}

export function docfxIncludes(options: IncludeOptions) {
  return (tree: Root, file: VFile) => {
    const blockReplacements: { parent: { children: RootContent[] }; node: Paragraph; with: RootContent[] }[] = [];
    visit(tree, 'paragraph', (node: Paragraph, _index, parentNode) => {
      let from = 0;
      let expanded = false;
      for (let found = findInclude(node.children, from); found; found = findInclude(node.children, from)) {
        expanded = true;
        const before = node.children[found.start] as { value: string };
        const after = node.children[found.start + 2] as { value: string };
        before.value = before.value.replace(OPENER, '');
        after.value = after.value.slice(1);
        const result = options.resolveInclude?.(found.path, node.children[found.start + 1]!.position) ?? null;
        // An include's own front matter (DocFX include files carry one) is not content of the page.
        const resolved = result && 'type' in result ? { ...result, children: result.children.filter((c) => c.type !== 'yaml') } : null;
        // Its nodes become the page's, but their positions are in the include: what the page says of them
        // is said at the include's line, and nothing takes them for a range of this file.
        if (resolved && node.position) for (const c of resolved.children) visit(c, (n) => void ((n.data ??= {}).includedAt = node.position));
        if (result && !resolved) report(file, 'warning', (result as { problem: string }).problem, node.children[found.start + 1], (result as { ruleId: string }).ruleId);
        else if (!resolved) report(file, 'warning', `include not found in this site: ${found.path} ("${found.label}")`, node.children[found.start + 1], 'include-missing');
        const isWholeParagraph = before.value.trim() === '' && after.value.trim() === '' && node.children.length === 3;
        if (isWholeParagraph) {
          const parent = parentNode as { children: RootContent[] };
          blockReplacements.push({ parent, node, with: resolved ? resolved.children : [{ ...missingBlock(found, options), position: node.position }] });
          return;
        }
        const link = node.children[found.start + 1]!;
        const inline: PhrasingContent[] = resolved ? inlineOf(resolved) : [{ ...missingInline(found, options), position: link.position }];
        node.children.splice(found.start + 1, 1, ...inline);
        from = found.start + 1 + inline.length;
      }
      // Empty texts left by the removal are harmless but untidy.
      if (expanded) node.children = node.children.filter((c) => !(c.type === 'text' && c.value === ''));
    });
    for (const r of blockReplacements) {
      const i = r.parent.children.indexOf(r.node);
      if (i >= 0) r.parent.children.splice(i, 1, ...r.with);
    }
  };
}

function missingBlock(found: Found, options: IncludeOptions): Blockquote {
  return {
    type: 'blockquote',
    data: { includeMissing: { label: found.label, path: found.path } },
    children: [{ type: 'paragraph', children: [{ type: 'text', value: options.includeMissing(found.label, found.path) }] }],
  };
}

function missingInline(found: Found, options: IncludeOptions): Emphasis {
  return {
    type: 'emphasis',
    data: { includeMissing: { label: found.label, path: found.path } },
    children: [{ type: 'text', value: options.includeMissing(found.label, found.path) }],
  };
}

/** The phrasing content of an included tree, for an include inside a sentence. */
function inlineOf(tree: Root): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const child of tree.children) {
    if (child.type === 'paragraph') {
      if (out.length > 0) out.push({ type: 'text', value: ' ' });
      out.push(...child.children);
    }
  }
  return out;
}
