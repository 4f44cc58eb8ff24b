/**
 * unified plugin: the DocFX block syntax real pages carry, so none of it reaches a reader as text.
 *
 * - `> [!div class="…"]`: the quote was only a styled container; its content stays, the marker and the
 *   quote go (the class is the docs site's styling).
 * - `> [!VIDEO https://…]`: a link to the video (an http(s) URL only; anything else is dropped).
 * - `:::image type="content" source="…" alt-text="…":::` (inline or on its own line, with
 *   `:::image-end:::` for long descriptions): an image.
 * - `::: moniker range="…"` … `::: moniker-end`: the content stays, the start says which moniker.
 * - `:::row:::`, `:::column:::` (`span="…"`), `:::column-end:::`, `:::row-end:::`, `:::zone …:::`: layout
 *   markers, removed (the content reads in order).
 *
 * Any other `:::name …:::` marker is removed with a warning naming it. Each handled construct is an info.
 */
import type { Blockquote, Image, Link, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { Parent } from 'unist';
import { visit } from './walk.ts';
import type { VFile } from 'vfile';
import { report } from './diagnostics.ts';

export interface BlockStrings {
  /** The text before a video's link. */
  video: string;
  /** What starts a moniker range's content: "For {range}:". */
  moniker: (range: string) => string;
}

const DIV = /^\s*\[!div(?:\s+[^\]]*)?\][ \t]*\n?/i;
const VIDEO = /^\s*\[!VIDEO\s+([^\]\s]+)\s*\][ \t]*\n?/i;
/** A `:::name attrs:::` marker (the closing colons are optional for block markers such as `::: moniker-end`). */
const MARKER = /:::[ \t]*([a-z][\w-]*)((?:[ \t]+[\w-]+="[^"\n]*")*)[ \t]*(?::::)?/gi;
const ATTR = /([\w-]+)="([^"\n]*)"/g;
const LAYOUT = new Set(['row', 'row-end', 'column', 'column-end', 'zone', 'zone-end', 'moniker-end', 'image-end']);

const attributes = (text: string) => Object.fromEntries([...text.matchAll(ATTR)].map((m) => [m[1]!.toLowerCase(), m[2]!]));

/** A blockquote's first text, where DocFX puts its `[!…]` marker. */
function firstText(node: Blockquote): Text | null {
  const para = node.children[0];
  if (!para || para.type !== 'paragraph') return null;
  const text = para.children[0];
  return text?.type === 'text' ? text : null;
}

/**
 * `[!VIDEO https://…]` whose URL GFM read as a link: text `[!VIDEO `, the link, text `]…`. Folded back
 * into the first text so the marker can be read and removed like any other.
 */
function videoAroundLink(node: Blockquote, text: Text): RegExpExecArray | null {
  const para = node.children[0] as Paragraph;
  const [, link, after] = para.children;
  if (!/^\s*\[!VIDEO\s+$/i.test(text.value) || link?.type !== 'link' || after?.type !== 'text' || !after.value.startsWith(']')) return null;
  text.value = `${text.value}${link.url}${after.value}`;
  para.children.splice(1, 2);
  return VIDEO.exec(text.value);
}

/** Removes `length` characters from the start of the quote's first text, and what is left empty. */
function dropMarker(node: Blockquote, text: Text, length: number): void {
  const para = node.children[0] as Paragraph;
  text.value = text.value.slice(length);
  if (text.value === '') para.children.shift();
  if (para.children[0]?.type === 'break') para.children.shift();
  if (para.children.length === 0) node.children.shift();
}

/** The phrasing content of one text node with its `:::…:::` markers replaced. */
function replaceMarkers(text: Text, file: VFile, strings: BlockStrings): PhrasingContent[] | null {
  MARKER.lastIndex = 0;
  if (!MARKER.test(text.value)) return null;
  MARKER.lastIndex = 0;
  // The text between markers, and where each marker was: a removed one leaves a gap.
  const parts: (PhrasingContent | 'gap')[] = [];
  let last = 0;
  for (const m of text.value.matchAll(MARKER)) {
    const name = m[1]!.toLowerCase();
    const attrs = attributes(m[2] ?? '');
    parts.push({ type: 'text', value: text.value.slice(last, m.index) });
    last = m.index + m[0].length;
    if (name === 'image') {
      const source = attrs.source ?? '';
      const alt = attrs['alt-text'] ?? '';
      if (source) parts.push({ type: 'image', url: source, alt, title: null, position: text.position } satisfies Image);
      else if (alt) parts.push({ type: 'text', value: alt });
      report(file, 'info', `DocFX :::image::: read as an image (${source || 'no source'})`, text, 'docfx-block');
      continue;
    }
    parts.push('gap');
    if (name === 'moniker') {
      const range = attrs.range ?? '';
      if (range) parts.push({ type: 'emphasis', children: [{ type: 'text', value: strings.moniker(range) }] }, 'gap');
      report(file, 'info', `DocFX moniker range "${range}": its content is shown, marked with the range`, text, 'docfx-block');
    } else if (LAYOUT.has(name)) {
      report(file, 'info', `DocFX :::${name}::: layout marker removed (the content reads in order)`, text, 'docfx-block');
    } else {
      report(file, 'warning', `DocFX :::${name}::: is not a construct this site renders; the marker is removed, its content kept`, text, 'docfx-block-unknown');
    }
  }
  parts.push({ type: 'text', value: text.value.slice(last) });
  // The white space around a removed marker (its indentation, its line) goes; what stood on either
  // side of it stays on lines of its own.
  const out: PhrasingContent[] = [];
  let pendingGap = false;
  for (const [i, part] of parts.entries()) {
    if (part === 'gap') {
      pendingGap = true;
      continue;
    }
    if (part.type === 'text') {
      if (parts[i - 1] === 'gap') part.value = part.value.replace(/^\s+/, '');
      if (parts[i + 1] === 'gap') part.value = part.value.replace(/\s+$/, '');
      if (part.value === '') continue;
    }
    if (pendingGap && out.length > 0) out.push({ type: 'text', value: '\n' });
    pendingGap = false;
    out.push(part);
  }
  return out;
}

export function docfxBlocks(options: { strings: BlockStrings }) {
  return (tree: Root, file: VFile) => {
    // Quotes first: a `[!div]` quote gives way to its content, a `[!VIDEO]` quote to a link.
    visit(tree, 'blockquote', (node: Blockquote, index, parent: Parent | undefined) => {
      if (!parent || index === undefined) return;
      const text = firstText(node);
      if (!text) return;
      const div = DIV.exec(text.value);
      if (div) {
        dropMarker(node, text, div[0].length);
        report(file, 'info', 'DocFX [!div] container: its content is kept, the container removed', node, 'docfx-block');
        (parent.children as RootContent[]).splice(index, 1, ...node.children);
        return index;
      }
      const video = VIDEO.exec(text.value) ?? videoAroundLink(node, text);
      if (video) {
        const url = video[1]!;
        dropMarker(node, text, video[0].length);
        const safe = /^https?:\/\//i.test(url);
        if (!safe) report(file, 'warning', `[!VIDEO] with a URL that is not http(s) (${url}); left out`, node, 'docfx-block');
        else report(file, 'info', `DocFX [!VIDEO] read as a link to ${url}`, node, 'docfx-block');
        const link: Link = { type: 'link', url, title: null, children: [{ type: 'text', value: url }] };
        const para: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: `${options.strings.video} ` }, link], position: node.position };
        (parent.children as RootContent[]).splice(index, 1, ...(safe ? [para] : []), ...node.children);
        return index;
      }
      return undefined;
    });
    visit(tree, 'text', (node: Text, index, parent: Parent | undefined) => {
      if (!parent || index === undefined || !node.value.includes(':::')) return;
      const replaced = replaceMarkers(node, file, options.strings);
      if (!replaced) return;
      (parent.children as PhrasingContent[]).splice(index, 1, ...replaced);
      return index + replaced.length;
    });
    // A paragraph that held only a marker is gone.
    visit(tree, 'paragraph', (node: Paragraph, index, parent: Parent | undefined) => {
      if (!parent || index === undefined || node.children.length > 0) return;
      parent.children.splice(index, 1);
      return index;
    });
  };
}
