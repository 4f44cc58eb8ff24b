/**
 * Renders a normalised tree to HTML once, at build time: Markdown tree → HTML tree (raw HTML parsed
 * with the rest) → sanitised with the allowlist schema → string.
 *
 * The sanitiser runs last, over everything, whatever the plugins did: it is the guarantee that nothing
 * executable reaches a page. Alerts get a localised title; blocks carry their alignment key and MT
 * segment ids as data attributes, for the reader's "English behind this paragraph". Pure.
 */
import type { Element, Root as HastRoot } from 'hast';
import { raw } from 'hast-util-raw';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import type { Blockquote, ListItem, Parents, Root } from 'mdast';
import { defaultHandlers, toHast, type State } from 'mdast-util-to-hast';
import { randomUUID } from 'node:crypto';
import type { AlertKind } from './docfx-alerts.ts';
import { isSiteId } from './reserved-ids.ts';
import { htmlSchema } from './sanitize-html.ts';

export interface RenderOptions {
  /** Localised alert titles (`Note`, `Remarque`, …). */
  alertTitles: Record<AlertKind, string>;
  /**
   * Give every list item's text its own `<p>` (as in a loose list), so each paragraph is an element that
   * carries its block key, for the reader's per-paragraph English.
   */
  paragraphsInLists?: boolean;
}

export function renderHtml(tree: Root, options: RenderOptions): string {
  return toHtml(renderHast(tree, options));
}

/** The sanitised HTML tree of a page: what may be trusted from here on. */
export function renderHast(tree: Root, options: RenderOptions): HastRoot {
  const hast = toHast(tree, {
    allowDangerousHtml: true,
    handlers: {
      blockquote(state: State, node: Blockquote): Element {
        const kind = node.data?.alert;
        if (!kind && !node.data?.includeMissing) return defaultHandlers.blockquote(state, node);
        const className = kind ? ['alert', `alert-${kind}`] : ['include-missing'];
        const title: Element[] = kind
          ? [{ type: 'element', tagName: 'p', properties: { className: ['alert-title'] }, children: [{ type: 'text', value: options.alertTitles[kind] }] }]
          : [];
        const element: Element = {
          type: 'element',
          tagName: 'aside',
          properties: { className, role: 'note' },
          children: [...title, ...state.wrap(state.all(node), true)],
        };
        state.patch(node, element);
        return state.applyData(node, element);
      },
      ...(options.paragraphsInLists
        ? {
            listItem(state: State, node: ListItem, parent: Parents | undefined) {
              const loose = parent && 'spread' in parent ? { ...parent, spread: true } : parent;
              return defaultHandlers.listItem(state, { ...node, spread: true }, loose as Parents | undefined);
            },
          }
        : {}),
    },
  }) as HastRoot;
  markOwnElements(hast);
  const parsed = parseRawHtml(hast);
  keepSiteAttributesOwn(parsed);
  return sanitize(parsed, htmlSchema) as HastRoot;
}

/**
 * The source's raw HTML parsed into elements (hast-util-raw runs the tree through parse5), on as little
 * of the tree as holds any: most pages have none, and on the rest it is a table cell's `<br>` or an
 * anchor. A raw node at the top of the page (an HTML block, which may open an element a later block
 * closes) has the whole page parsed, as before; one inside a top-level block has that block parsed on
 * its own, so an unclosed inline tag in one paragraph cannot reach into the next. Parsing every page
 * whole was a tenth of the nl-NL slice's load.
 */
function parseRawHtml(hast: HastRoot): HastRoot {
  if (hast.children.some((child) => child.type === 'raw')) return raw(hast) as HastRoot;
  const children: HastRoot['children'] = [];
  for (const child of hast.children) {
    if (child.type === 'element' && holdsRaw(child)) children.push(...(raw({ type: 'root', children: [child] }) as HastRoot).children);
    else children.push(child);
  }
  hast.children = children;
  return hast;
}

function holdsRaw(element: Element): boolean {
  const stack: Element[] = [element];
  while (stack.length > 0) {
    for (const child of stack.pop()!.children) {
      if (child.type === 'raw') return true;
      if (child.type === 'element') stack.push(child);
    }
  }
  return false;
}

/**
 * Elements the pipeline made carry this mark through hast-util-raw; those parsed from a source's raw
 * HTML do not. A fresh value per process, so no source can write it; removed before sanitising.
 */
const OWN = `own-${randomUUID()}`;

/** Calls `fn` on every element of `tree`, iteratively (a hostile tree may be deep), template contents too. */
function eachElement(tree: HastRoot, fn: (element: Element) => void): void {
  const stack: (HastRoot | Element)[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      fn(child);
      stack.push(child);
    }
    if (node.type === 'element' && node.tagName === 'template' && 'content' in node) stack.push((node as unknown as { content: HastRoot }).content);
  }
}

function markOwnElements(tree: HastRoot): void {
  eachElement(tree, (element) => {
    element.properties.dataMtOwn = OWN;
  });
}

/** hast property names of the attributes that drive the site's own styles, behaviour and names. */
const isSiteProperty = (name: string) => name === 'className' || name === 'id' || name === 'role' || name === 'tabIndex' || name === 'slot' || /^(aria|data)[A-Z]/.test(name);

/**
 * `class`, `id`, `role`, `aria-*`, `data-*` on an element parsed from a source are dropped (an `id` on
 * `<a>` is kept unless the site uses it): only the pipeline sets them, so a source can neither borrow
 * the site's classes, spoof an accessible name, nor forge a block key. The first layer reports the same.
 */
function keepSiteAttributesOwn(tree: HastRoot): void {
  eachElement(tree, (element) => {
    const own = element.properties.dataMtOwn === OWN;
    delete element.properties.dataMtOwn;
    if (own) return;
    for (const name of Object.keys(element.properties)) {
      if (!isSiteProperty(name)) continue;
      if (name === 'id' && element.tagName === 'a' && !isSiteId(String(element.properties.id))) continue;
      delete element.properties[name];
    }
  });
}
