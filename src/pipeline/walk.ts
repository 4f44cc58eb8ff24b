/**
 * `visit` for the pipeline's plugins: the same walk and the same answers as unist-util-visit (preorder;
 * a visitor may return `SKIP`, `EXIT`, an index to go on from, or `[action, index]`), without its cost.
 *
 * Why not the library: it makes a closure and copies the ancestors array for every node it passes, and
 * the pipeline walks every page's tree a dozen times (once per plugin). On the nl-NL slice that machinery
 * was a sixth of the load's CPU time (a profile, BENCHMARKS.md); this walk allocates nothing per node.
 * A test holds it to the library's order and answers, edits during the walk included.
 */
import type { Parent } from 'mdast';
import type { Node } from 'unist';

export const CONTINUE = true;
export const EXIT = false;
export const SKIP = 'skip';

type Action = typeof CONTINUE | typeof EXIT | typeof SKIP;
export type VisitResult = Action | number | [Action?, number?] | void | undefined;
export type Visitor<T extends Node = Node> = (node: T, index: number | undefined, parent: Parent | undefined) => VisitResult;

/** Every node of `tree`, or those of one `type`, in document order. */
export function visit<T extends Node>(tree: Node, type: T['type'], visitor: Visitor<T>): void;
export function visit(tree: Node, visitor: Visitor): void;
export function visit(tree: Node, typeOrVisitor: string | Visitor, maybeVisitor?: Visitor): void {
  const type = typeof typeOrVisitor === 'string' ? typeOrVisitor : null;
  const visitor = (type === null ? typeOrVisitor : maybeVisitor) as Visitor;
  if (type === null || tree.type === type) {
    const action = actionOf(visitor(tree, undefined, undefined));
    if (action === EXIT || action === SKIP) return;
  }
  descend(tree, type, visitor);
}

const actionOf = (result: VisitResult): Action | undefined => (Array.isArray(result) ? result[0] : typeof result === 'number' ? CONTINUE : (result ?? undefined));

/** The children of a node already visited (or not matching), walked in turn. */
function descend(node: Node, type: string | null, visitor: Visitor): boolean {
  const children = (node as Parent).children;
  if (!Array.isArray(children)) return true;
  let offset = 0;
  while (offset < children.length) {
    const child = children[offset]!;
    let next: number | undefined;
    if (type === null || child.type === type) {
      const result = visitor(child, offset, node as Parent);
      const action = actionOf(result);
      if (action === EXIT) return false;
      next = Array.isArray(result) ? result[1] : typeof result === 'number' ? result : undefined;
      if (action !== SKIP && !descend(child, type, visitor)) return false;
    } else if (!descend(child, type, visitor)) return false;
    offset = typeof next === 'number' ? next : offset + 1;
  }
  return true;
}
