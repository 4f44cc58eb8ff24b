/**
 * Puts the English behind every paragraph and heading of a translation, as a disclosure right after it:
 * `<details>` works by keyboard, touch and screen reader with no script, and is never hover-only (the
 * reason Microsoft's hover-for-English view was removed in 2019). A block whose English reads the same
 * (a product name) gets none. Blocks with no English counterpart get no disclosure each: the section
 * says it once, with why (translated from another revision of the English source) and a link to the
 * English page, and each such block carries `data-no-english` (its words), so the page-wide English
 * view can show which passages stay translated.
 *
 * Works on sanitised HTML trees only: what it adds is built here, never parsed from content. Pure.
 */
import type { Element, ElementContent, Root } from 'hast';
import type { Alignment } from './align-blocks.ts';

export interface EnglishBehindLabels {
  /** Summary of a disclosure that holds the English. */
  english: string;
  /** Summary where no English block aligns. */
  notAligned: string;
  /** Why, in a sentence; followed by a link to the English page. */
  notAlignedDetail: string;
  englishPage: string;
  /** URL of the English page (the block's section anchor is added). */
  englishHref: string;
  /** The section's note, for `count` passages without English (says why, e.g. the revisions). */
  sectionNotAligned?: (count: number) => string;
  /** The mark of one such passage (shown in the page-wide English view). */
  passageNotAligned?: string;
}

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

function indexByBlock(tree: Root): Map<string, Element> {
  const map = new Map<string, Element>();
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const key = child.properties.dataBlock;
      if (typeof key === 'string') map.set(key, child);
      walk(child);
    }
  };
  walk(tree);
  return map;
}

/** A copy of `nodes` without ids (they belong to the translation's own headings) or block keys. */
function detached(nodes: ElementContent[]): ElementContent[] {
  return nodes.map((n) => {
    if (n.type !== 'element') return structuredClone(n);
    const { id: _id, dataBlock: _block, ...properties } = n.properties;
    return { ...n, properties, children: detached(n.children) };
  });
}

const textOf = (node: ElementContent | Element): string =>
  node.type === 'text' ? node.value : node.type === 'element' ? node.children.map(textOf).join('') : '';

const text = (value: string): ElementContent => ({ type: 'text', value });
const el = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({ type: 'element', tagName, properties, children });

export function addEnglishBehind(translation: Root, english: Root, alignment: Alignment, labels: EnglishBehindLabels): Root {
  const englishBlocks = indexByBlock(english);
  /** Passages without English, by section anchor, in order. */
  const missing = new Map<string, { parent: Root | Element; node: Element }[]>();
  const visit = (parent: Root | Element) => {
    for (let i = 0; i < parent.children.length; i++) {
      const node = parent.children[i]!;
      if (node.type !== 'element') continue;
      // Our own notices (a missing include) are not translations: nothing stands behind them.
      const classes = node.properties.className;
      if (Array.isArray(classes) && classes.includes('include-missing')) continue;
      const key = node.properties.dataBlock;
      if (typeof key !== 'string' || !BLOCKS.has(node.tagName)) {
        visit(node);
        continue;
      }
      const match = alignment.get(key);
      const source = match ? englishBlocks.get(match.key) : undefined;
      // Text that is the same in both (a code-only list item, a product name) needs no disclosure.
      // (Spaces of any kind count as one: a no-break space inside a product name is the same name.)
      const same = (a: string, b: string) => a.replace(/\s+/g, ' ').trim().normalize('NFC') === b.replace(/\s+/g, ' ').trim().normalize('NFC');
      if (source && same(textOf(source), textOf(node))) continue;
      const anchor = key.split(':')[0]!;
      if (!source && labels.sectionNotAligned) {
        node.properties.dataNoEnglish = labels.passageNotAligned ?? labels.notAligned;
        missing.set(anchor, [...(missing.get(anchor) ?? []), { parent, node }]);
        continue;
      }
      const body: ElementContent[] = source
        ? [el('div', { lang: 'en', dir: 'ltr', className: ['source-body'] }, [el('p', {}, detached(source.children))])]
        : [el('p', { className: ['source-body'] }, [text(`${labels.notAlignedDetail} `), el('a', { href: `${labels.englishHref}${anchor ? `#${anchor}` : ''}`, hrefLang: 'en' }, [text(labels.englishPage)])])];
      const details = el('details', { className: ['source-text', source ? 'aligned' : 'not-aligned'], dataPagefindIgnore: '' }, [
        el('summary', {}, [text(source ? labels.english : labels.notAligned)]),
        ...body,
      ]);
      parent.children.splice(i + 1, 0, details);
      i++;
    }
  };
  visit(translation);
  for (const [anchor, passages] of missing) sectionNote(translation, anchor, passages, labels);
  return translation;
}

/**
 * Says once per section that passages of it have no English: after the section's heading (and its
 * disclosure), or before its first such passage where the heading is not in the same parent.
 */
function sectionNote(tree: Root, anchor: string, passages: { parent: Root | Element; node: Element }[], labels: EnglishBehindLabels): void {
  const note = el('p', { className: ['section-no-english'], role: 'note', dataPagefindIgnore: '' }, [
    text(`${labels.sectionNotAligned!(passages.length)} `),
    el('a', { href: `${labels.englishHref}${anchor ? `#${anchor}` : ''}`, hrefLang: 'en' }, [text(labels.englishPage)]),
  ]);
  const headingAt = tree.children.findIndex((c) => c.type === 'element' && c.properties.dataBlock === anchor && /^h[1-6]$/.test(c.tagName));
  if (headingAt >= 0) {
    const next = tree.children[headingAt + 1];
    const after = next?.type === 'element' && next.tagName === 'details' ? headingAt + 2 : headingAt + 1;
    tree.children.splice(after, 0, note);
    return;
  }
  const { parent, node } = passages[0]!;
  parent.children.splice(parent.children.indexOf(node), 0, note);
}
