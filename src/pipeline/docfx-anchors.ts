/**
 * unified plugin: gives every heading an id that is the same in every locale.
 *
 * DocFX writes `# <a name="step-1"></a>Heading`; our own normalised Markdown writes `# Heading {#step-1}`.
 * Both are read, the markup is removed, and the id lands on the node (`data.id`, `data.hProperties.id`)
 * and in `file.data.headings`. A heading with neither gets a slug of its text and a message (its id may
 * then differ between locales); a duplicate id gets a numeric suffix and a warning.
 */
import GithubSlugger from 'github-slugger';
import type { Heading as MdHeading, PhrasingContent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report } from './diagnostics.ts';
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
    const headings: Heading[] = [];
    visit(tree, 'heading', (node: MdHeading) => {
      let id = takeDocfxAnchor(node.children) ?? takeTrailingId(node.children);
      const text = toString(node).replace(/\s+/g, ' ').trim();
      if (!id) {
        id = slugger.slug(text) || 'section';
        report(file, 'info', `heading has no anchor; generated id "${id}" (it may differ between locales)`, node, 'heading-no-anchor');
      }
      if (seen.has(id)) {
        let k = 1;
        while (seen.has(`${id}-${k}`)) k++;
        report(file, 'warning', `duplicate heading id "${id}"; this one becomes "${id}-${k}"`, node, 'heading-duplicate-id');
        id = `${id}-${k}`;
      }
      seen.add(id);
      node.data = { ...node.data, id, hProperties: { ...(node.data?.hProperties ?? {}), id } };
      headings.push({ depth: node.depth, id, text });
    });
    file.data.headings = headings;
  };
}
