/**
 * What the translator checks compare, read off the parsed tree: for a node, the rendered text (link text
 * instead of links, no emphasis markers, an empty link text as a visible marker) and its language-neutral
 * invariants (URLs, code, emphasis and link counts). NFC throughout. Pure.
 *
 * Why in the pipeline: every leaf block gets its view here, once, from the tree the page was parsed into
 * (before any repair changes what was received), so the checks never parse or strip a page again.
 */
import type { Nodes, Root } from 'mdast';
import type { VFile } from 'vfile';
import { BLOCK_LEAVES } from './block-leaves.ts';

/** Shown where a link has no text, so translators see the defect instead of nothing. */
export const EMPTY_LINK = '⟦∅⟧';

export interface Link {
  text: string;
  url: string;
}

export interface TextView {
  /** The Markdown as given, MT span markup taken off (NFC). */
  raw: string;
  /** What a reader sees, with EMPTY_LINK for empty link texts; inline code kept as its text. */
  text: string;
  /** The rendered text with inline code replaced by a placeholder (for punctuation, counts). */
  prose: string;
  code: string[];
  urls: string[];
  links: Link[];
  /** Number of emphasis and strong spans. */
  emphasis: number;
  /** Text of each emphasis/strong span. */
  emphasized: string[];
}

const CODE_MASK = '\u2060';

const SPACED = new Set(['root', 'list', 'listItem', 'table', 'tableRow']);

/** The view of `node` (parsed from `raw`). Recursive: callers bound the depth first (limitNesting). */
export function viewOfTree(node: Nodes, raw: string): TextView {
  const code: string[] = [];
  const urls: string[] = [];
  const links: Link[] = [];
  const emphasized: string[] = [];
  let emphasis = 0;
  const render = (n: Nodes, masked: boolean): string => {
    switch (n.type) {
      case 'text':
        return n.value;
      case 'inlineCode':
      case 'code':
        return masked ? CODE_MASK : n.value;
      case 'html':
        return n.value.replace(/<[^>]*>/g, '');
      case 'break':
        return ' ';
      case 'image':
        return n.alt ?? '';
      case 'link': {
        const inner = n.children.map((c) => render(c as Nodes, masked)).join('');
        return inner.trim() === '' && !n.children.some((c) => c.type === 'image') ? EMPTY_LINK : inner;
      }
      default: {
        if (!('children' in n)) return '';
        return (n.children as Nodes[]).map((c) => render(c, masked)).join(SPACED.has(n.type) ? ' ' : '');
      }
    }
  };
  const collect = (n: Nodes) => {
    if (n.type === 'inlineCode' || n.type === 'code') code.push(n.value.trim().normalize('NFC'));
    if (n.type === 'link' || n.type === 'image') urls.push(n.url.normalize('NFC'));
    if (n.type === 'link') links.push({ text: render(n, false).normalize('NFC'), url: n.url.normalize('NFC') });
    if (n.type === 'emphasis' || n.type === 'strong') {
      emphasis += 1;
      emphasized.push(render(n, false).normalize('NFC'));
    }
    if ('children' in n) for (const c of n.children as Nodes[]) collect(c);
  };
  collect(node);
  // A standalone parse of a block wraps it in a root; rendering the block itself gives the same text.
  return { raw: raw.normalize('NFC'), text: render(node, false).normalize('NFC'), prose: render(node, true).normalize('NFC'), code, urls, links, emphasis, emphasized };
}

declare module 'mdast' {
  interface Data {
    /** The leaf block's view as received (set by `textViews`, read by the block index). */
    view?: TextView;
  }
}

/**
 * unified plugin, right after parsing (and the nesting limit): every leaf block gets its view, from the
 * tree as received. `file.data.rawText(start, end)` gives the received Markdown of a range with the MT
 * markup off (set by remarkMtSpanPairs; the file's own text where there is none).
 */
export function textViews() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    const rawText = file.data.rawText ?? ((start: number, end: number) => source.slice(start, end));
    const walk = (node: Nodes) => {
      if (BLOCK_LEAVES.has(node.type)) {
        const start = node.position?.start.offset;
        const end = node.position?.end.offset;
        if (start !== undefined && end !== undefined) node.data = { ...node.data, view: viewOfTree(node, rawText(start, end)) };
        return;
      }
      if ('children' in node) for (const child of node.children) walk(child as Nodes);
    };
    walk(tree);
  };
}
