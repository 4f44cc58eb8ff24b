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
}

const textOf = (node: ElementContent): string =>
  node.type === 'text' ? node.value : node.type === 'element' ? node.children.map(textOf).join('') : '';

/** Inserts `html` (trusted) after the innermost block that shows the User-Agent format. */
function placeBuilder(tree: Root, html: string): boolean {
  let target: { parent: Root | Element; index: number } | null = null;
  const walk = (parent: Root | Element) => {
    parent.children.forEach((child, index) => {
      if (child.type !== 'element') return;
      if ((child.tagName === 'p' || child.tagName === 'pre') && textOf(child).includes(UA_FORMAT)) target ??= { parent, index };
      walk(child);
    });
  };
  walk(tree);
  if (!target) return false;
  const { parent, index } = target as { parent: Root | Element; index: number };
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
  if (options.builderHtml) placeBuilder(tree, options.builderHtml);
  return toHtml(tree, { allowDangerousHtml: true });
}
