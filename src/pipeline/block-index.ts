/**
 * unified plugin: numbers the leaf blocks of a page by section and ties each MT segment to its block.
 *
 * Why: the English rebuilt from the span pairs, the other translations and the translator views align on
 * these keys (`step-4-…:3` = the third block after the Step 4 heading), because heading anchors are the
 * one thing that is identical in every locale. A block's `data.segmentIds` lets the site show the
 * English behind exactly that paragraph.
 */
import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { BLOCK_LEAVES as LEAVES } from './block-leaves.ts';
import type { Block } from './localized-doc.ts';


declare module 'mdast' {
  interface Data {
    blockKey?: string;
    segmentIds?: string[];
  }
}

/** The link and image targets inside a block, in order: language-neutral, so they help alignment. */
function urlsIn(node: Nodes): string[] {
  const urls: string[] = [];
  const walk = (n: Nodes) => {
    if (n.type === 'link' || n.type === 'image') urls.push(n.url);
    if ('children' in n) for (const c of n.children) walk(c as Nodes);
  };
  walk(node);
  return urls;
}

export function blockIndex() {
  return (tree: Root, file: VFile) => {
    const segments = file.data.segments ?? [];
    const blocks: Block[] = [];
    let anchor = '';
    let index = 0;
    let s = 0;
    const walk = (node: Nodes) => {
      if (LEAVES.has(node.type)) {
        if (node.type === 'heading') {
          anchor = (node.data as { id?: string } | undefined)?.id ?? anchor;
          index = 0;
        } else {
          index += 1;
        }
        const key = node.type === 'heading' ? anchor : `${anchor}:${index}`;
        // A block of an include is not a range of this file: no offsets, the include's line.
        const included = node.data?.includedAt;
        const start = included ? -1 : (node.position?.start.offset ?? -1);
        const end = included ? -1 : (node.position?.end.offset ?? -1);
        const ids: string[] = [];
        if (!included) {
          // A pair that opens a block starts before the block's first character: compare with its end.
          while (s < segments.length && segments[s]!.end <= start) s++;
          while (s < segments.length && segments[s]!.start < end) ids.push(segments[s++]!.id);
        }
        node.data = { ...node.data, blockKey: key, segmentIds: ids, hProperties: { ...(node.data?.hProperties ?? {}), dataBlock: key } };
        blocks.push({
          key,
          type: node.type,
          anchor,
          index: node.type === 'heading' ? 0 : index,
          line: (included ?? node.position)?.start.line ?? 0,
          start,
          end,
          text: node.type === 'html' ? node.value.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim() : toString(node).replace(/\s+/g, ' ').trim(),
          segmentIds: ids,
          urls: urlsIn(node),
          ...(node.data?.view ? { view: node.data.view } : {}),
        });
        return;
      }
      if ('children' in node) for (const child of node.children) walk(child as Nodes);
    };
    walk(tree);
    file.data.blocks = blocks;
  };
}
