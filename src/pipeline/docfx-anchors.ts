/**
 * unified plugin: gives every heading an id that is the same in every locale.
 *
 * DocFX writes `# <a name="step-1"></a>Heading`; our own normalised Markdown writes `# Heading {#step-1}`.
 * Both are read, the markup is removed, and the id lands on the node (`data.id`, `data.hProperties.id`)
 * and in `file.data.headings`. A heading with neither gets a slug of its text and a message (its id may
 * then differ between locales); a duplicate id gets a numeric suffix and a warning.
 */
import GithubSlugger from 'github-slugger';
import type { Heading as MdHeading, Paragraph, PhrasingContent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from './walk.ts';
import type { VFile } from 'vfile';
import { report } from './diagnostics.ts';
import { isSiteId } from './reserved-ids.ts';
import type { Heading } from './localized-doc.ts';

declare module 'mdast' {
  interface HeadingData {
    /** The heading's id, identical in every locale. */
    id?: string;
  }
}

const ANCHOR_OPEN = /^<a\s+(?:[^>]*?\s)?(?:name|id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))[^>]*?(\/?)>$/i;
const ANCHOR_CLOSE = /^<\/a\s*>$/i;
const TRAILING_ID = /[ \t]*\{#([^\s{}]+)\}[ \t]*$/;
/** Embedding, override and isolate controls (U+202A–202E, U+2066–2069): text that displays out of order. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/** Removes a leading DocFX anchor from `children`, returning its id. */
function takeDocfxAnchor(children: PhrasingContent[]): string | null {
  const first = children[0];
  if (!first || first.type !== 'html') return null;
  const m = ANCHOR_OPEN.exec(first.value.trim());
  if (!m) return null;
  const id = (m[1] ?? m[2] ?? m[3] ?? '').trim();
  children.shift();
  if (!m[4]) {
    // The closing tag usually follows at once; when the anchor wraps the text it comes later.
    const close = children.findIndex((c) => c.type === 'html' && ANCHOR_CLOSE.test(c.value.trim()));
    if (close >= 0) children.splice(close, 1);
  }
  const next = children[0];
  if (next?.type === 'text') next.value = next.value.replace(/^\s+/, '');
  return id || null;
}

function takeTrailingId(children: PhrasingContent[]): string | null {
  const last = children[children.length - 1];
  if (!last || last.type !== 'text') return null;
  const m = TRAILING_ID.exec(last.value);
  if (!m) return null;
  last.value = last.value.slice(0, m.index);
  if (last.value === '') children.pop();
  return m[1]!;
}

export function docfxAnchors() {
  return (tree: Root, file: VFile) => {
    const slugger = new GithubSlugger();
    const seen = new Set<string>();
    // The next suffix to try per id: finding a free `id-k` stays linear however many duplicates a page has.
    const nextSuffix = new Map<string, number>();
    const uniqueId = (base: string) => {
      if (!seen.has(base)) return base;
      let k = nextSuffix.get(base) ?? 1;
      while (seen.has(`${base}-${k}`)) k++;
      nextSuffix.set(base, k + 1);
      return `${base}-${k}`;
    };
    const headings: Heading[] = [];
    visit(tree, 'heading', (node: MdHeading) => {
      // A heading of an include already has the id its own file gave it (reported there); here it only
      // has to be unique among the page's.
      const given = node.data?.id;
      let id = given ?? takeDocfxAnchor(node.children) ?? takeTrailingId(node.children);
      const text = toString(node).replace(/\s+/g, ' ').trim();
      if (!id) {
        id = slugger.slug(text) || 'section';
        report(file, 'info', `heading has no anchor; generated id "${id}" (it may differ between locales)`, node, 'heading-no-anchor');
      }
      if (isSiteId(id) && !given) {
        const renamed = uniqueId(`section-${id}`);
        report(file, 'warning', `heading id "${id}" is one the site uses for its own elements; this heading's id becomes "${renamed}"`, node, 'heading-id-reserved');
        id = renamed;
      } else if (seen.has(id)) {
        const renamed = uniqueId(id);
        const place = node.data?.includedAt ? { line: node.data.includedAt.start.line, column: node.data.includedAt.start.column } : node;
        report(file, 'warning', `duplicate heading id "${id}"${given ? ' (a heading of an include)' : ''}; this one becomes "${renamed}"`, place, 'heading-duplicate-id');
        id = renamed;
      }
      seen.add(id);
      const bidi = BIDI_CONTROL.exec(text);
      if (bidi) {
        const code = bidi[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
        report(file, 'warning', `heading contains the bidirectional control character U+${code}, which can make its text display in an order other than it reads`, node, 'bidi-control');
      }
      node.data = { ...node.data, id, hProperties: { ...(node.data?.hProperties ?? {}), id } };
      headings.push({ depth: node.depth, id, text });
    });
    file.data.headings = headings;
    // `#<a name="…"></a>Text`: DocFX's heading anchor on a line that is no heading (no space after the
    // `#`; on real pages, a shell comment the translation tool took for one). The `#` is the author's
    // text and stays; the anchor is the tool's and goes, so the line reads as the English one does.
    visit(tree, 'paragraph', (node: Paragraph) => {
      const [hash, anchor] = node.children;
      if (hash?.type !== 'text' || !/(^|\n)#$/.test(hash.value) || anchor?.type !== 'html' || !ANCHOR_OPEN.test(anchor.value.trim())) return;
      const rest = node.children.slice(1);
      takeDocfxAnchor(rest);
      const next = rest[0];
      // takeDocfxAnchor trims the space an anchor leaves before a heading's text; here the text is the line's.
      node.children = [hash, ...rest];
      if (next?.type === 'text') {
        hash.value += next.value;
        node.children.splice(1, 1);
      }
      report(file, 'info', 'DocFX heading anchor after a `#` that starts no heading (no space follows it); the anchor is removed and the line kept as text', anchor, 'docfx-anchor-not-heading');
    });
  };
}
