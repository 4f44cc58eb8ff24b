/**
 * unified plugin (runs first, right after parsing): a tree nested deeper than any real page — thousands
 * of emphasis markers or `>` quote markers in hostile input — is cut at MAX_DEPTH: the too-deep part
 * becomes its plain text (nothing is dropped) and a warning says so. Every later step walks the tree
 * recursively, so without this a hostile page would crash the build instead of failing or rendering.
 * Iterative itself, so it cannot overflow the stack it protects.
 */
import type { Nodes, Parent, Root } from 'mdast';
import type { VFile } from 'vfile';
import { report } from './diagnostics.ts';

export const MAX_DEPTH = 64;

const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'tableCell']);

/** The text of a subtree, without recursion. */
function flatText(node: Nodes): string {
  const out: string[] = [];
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if ('value' in n && typeof n.value === 'string') out.push(n.value);
    else if (n.type === 'image') out.push(n.alt ?? '');
    if ('children' in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as Nodes);
  }
  return out.join(' ').replace(/\s+/g, ' ').trim();
}

/**
 * Cuts `tree` at `max` levels in place: the deeper part becomes its text. Returns how many subtrees were
 * cut and the first of them (for a message). For any tree from fromMarkdown, not only the pipeline's.
 */
export function flattenDeepNesting(tree: Root, max = MAX_DEPTH): { cut: number; first: Nodes | undefined } {
  const stack: { node: Nodes; depth: number }[] = [{ node: tree, depth: 0 }];
  let cut = 0;
  let first: Nodes | undefined;
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (!('children' in node)) continue;
    const parent = node as Parent;
    parent.children = parent.children.map((child) => {
      const c = child as Nodes;
      if (depth + 1 < max || !('children' in c)) return child;
      cut += 1;
      first ??= c;
      const value = flatText(c);
      return (PHRASING_PARENTS.has(parent.type) ? { type: 'text', value } : { type: 'paragraph', children: [{ type: 'text', value }] }) as typeof child;
    });
    for (const child of parent.children) stack.push({ node: child as Nodes, depth: depth + 1 });
  }
  return { cut, first };
}

export function limitNesting(options: { maxDepth?: number } = {}) {
  const max = options.maxDepth ?? MAX_DEPTH;
  return (tree: Root, file: VFile) => {
    const { cut, first } = flattenDeepNesting(tree, max);
    if (cut > 0) {
      report(file, 'warning', `markup nested more than ${max} levels deep; the deeper part is kept as plain text`, first, 'nesting-too-deep');
    }
  };
}
