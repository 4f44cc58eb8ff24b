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
import type { Blockquote, Root } from 'mdast';
import { defaultHandlers, toHast, type State } from 'mdast-util-to-hast';
import type { AlertKind } from './docfx-alerts.ts';
import { htmlSchema } from './sanitize-html.ts';

export interface RenderOptions {
  /** Localised alert titles (`Note`, `Remarque`, …). */
  alertTitles: Record<AlertKind, string>;
}

export function renderHtml(tree: Root, options: RenderOptions): string {
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
    },
  }) as HastRoot;
  const parsed = raw(hast) as HastRoot;
  const clean = sanitize(parsed, htmlSchema) as HastRoot;
  return toHtml(clean);
}
