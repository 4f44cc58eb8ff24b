/**
 * The article HTML of a reader page: the normalised page rendered once, with the English behind each
 * paragraph and heading (translations only) and the User-Agent builder placed at step 4, item 6.
 *
 * The builder goes right after the block that shows the header format (the one block whose code is
 * `MdePartner-{CompanyName}-{ProductName}/{Version}`): language-neutral, so it is found in every locale
 * whatever the translation did to the sentence around it. Pure.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { AlertKind } from '../pipeline/docfx-alerts.ts';
import type { LocalizedDoc } from '../pipeline/localized-doc.ts';
import { renderHast } from '../pipeline/render-html.ts';
import { alignWithEnglish } from './align-blocks.ts';
import { addEnglishBehind, type EnglishBehindLabels } from './english-behind.ts';

export const UA_FORMAT = 'MdePartner-{CompanyName}-{ProductName}/{Version}';

export interface ArticleOptions {
  alertTitles: Record<AlertKind, string>;
  /** The English to show behind the blocks (the translation's own English side, or the rebuilt page). */
  english?: LocalizedDoc | null;
  labels?: EnglishBehindLabels;
  /** Trusted HTML of the builder, placed after the format block. */
  builderHtml?: string;
  /** Accessible name of a heading's permalink (`Link to this section`); none without it. */
  headingLinkLabel?: string;
}

const isElement = (node: ElementContent | Root['children'][number]): node is Element => node.type === 'element';
const classesOf = (node: Element) => (Array.isArray(node.properties.className) ? node.properties.className.map(String) : []);

/**
 * The build's own notices are not the page's text: a shared include this site does not have is a build
 * warning for the site owner (and the translator pages), not a line under the reader's title or the
 * start of every search excerpt.
 */
function dropBuildNotices(parent: Root | Element): void {
  parent.children = parent.children.filter((child) => !(isElement(child) && child.tagName === 'aside' && classesOf(child).includes('include-missing'))) as typeof parent.children;
  for (const child of parent.children) if (isElement(child)) dropBuildNotices(child);
}

/** A permalink at the end of each section heading: `#`, named for screen readers, left out of search. */
function addHeadingLinks(parent: Root | Element, label: string): void {
  for (const child of parent.children) {
    if (!isElement(child)) continue;
    if (/^h[2-4]$/.test(child.tagName) && typeof child.properties.id === 'string') {
      child.children.push({
        type: 'element',
        tagName: 'a',
        properties: { className: ['heading-link'], href: `#${child.properties.id}`, ariaLabel: label, dataPagefindIgnore: '' },
        children: [{ type: 'text', value: '#' }],
      });
    } else addHeadingLinks(child, label);
  }
}

const textOf = (node: ElementContent): string =>
  node.type === 'text' ? node.value : node.type === 'element' ? node.children.map(textOf).join('') : '';

/**
 * Inserts `html` (trusted) after the block that shows the User-Agent format. Where that block is in the
 * last item of a top-level list (step 4's item 6), the builder goes right after the list instead: the
 * same place in the reading order, but the article's full width, not an indented column (190 px wide
 * on a phone).
 */
function placeBuilder(tree: Root, html: string): boolean {
  let chain: { parent: Root | Element; index: number }[] | null = null;
  const walk = (parent: Root | Element, above: { parent: Root | Element; index: number }[]) => {
    parent.children.forEach((child, index) => {
      if (chain || child.type !== 'element') return;
      const here = [...above, { parent, index }];
      if ((child.tagName === 'p' || child.tagName === 'pre') && textOf(child).includes(UA_FORMAT)) chain = here;
      else walk(child, here);
    });
  };
  walk(tree, []);
  if (!chain) return false;
  const path = chain as { parent: Root | Element; index: number }[];
  const top = path[0]!;
  const list = top.parent.children[top.index] as Element;
  const inLastItem = (list.tagName === 'ol' || list.tagName === 'ul') && path.length > 1 && path[1]!.index === list.children.reduce((last, c, i) => (isElement(c) && c.tagName === 'li' ? i : last), -1);
  const { parent, index } = inLastItem ? top : path.at(-1)!;
  // A details disclosure right after the block stays with it.
  const next = parent.children[index + 1];
  const at = next?.type === 'element' && next.tagName === 'details' ? index + 2 : index + 1;
  parent.children.splice(at, 0, { type: 'raw', value: html } as unknown as ElementContent);
  return true;
}

export function renderArticle(doc: LocalizedDoc, options: ArticleOptions): string {
  const tree = renderHast(doc.tree, { alertTitles: options.alertTitles, paragraphsInLists: true });
  if (options.english && options.labels) {
    const english = renderHast(options.english.tree, { alertTitles: options.alertTitles, paragraphsInLists: true });
    addEnglishBehind(tree, english, alignWithEnglish(doc, options.english), options.labels);
  }
  dropBuildNotices(tree);
  if (options.headingLinkLabel) addHeadingLinks(tree, options.headingLinkLabel);
  if (options.builderHtml) placeBuilder(tree, options.builderHtml);
  return toHtml(tree, { allowDangerousHtml: true });
}
