/**
 * Views of a piece of Markdown that the checks compare: the rendered text (link text instead of links,
 * no emphasis markers, an empty link text as a visible marker), and its language-neutral invariants
 * (URLs, numbers, code, emphasis and link counts). NFC throughout. Pure.
 */
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { defuseMarkup, restoreDefused } from '../pipeline/parse-limits.ts';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { flattenDeepNesting } from '../pipeline/nesting-limit.ts';

/** Shown where a link has no text, so translators see the defect instead of nothing. */
export const EMPTY_LINK = '⟦∅⟧';

export interface Link {
  text: string;
  url: string;
}

export interface TextView {
  /** The Markdown as given (NFC). */
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

// Built once: creating the syntax extensions costs more than parsing a typical segment.
const PARSE_OPTIONS = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] };

export function viewOf(markdown: string): TextView {
  const raw = markdown.normalize('NFC');
  // The same guard as the pipeline's against shapes that make the parser quadratic.
  const defused = defuseMarkup(raw);
  const tree = fromMarkdown(defused.text, PARSE_OPTIONS);
  if (defused.changed) restoreDefused(tree);
  // Hostile nesting would overflow the recursive walks below, as it would the pipeline's.
  flattenDeepNesting(tree);
  const code: string[] = [];
  const urls: string[] = [];
  const links: Link[] = [];
  const emphasized: string[] = [];
  let emphasis = 0;
  const render = (node: Nodes, masked: boolean): string => {
    switch (node.type) {
      case 'text':
        return node.value;
      case 'inlineCode':
        return masked ? CODE_MASK : node.value;
      case 'code':
        return masked ? CODE_MASK : node.value;
      case 'html':
        return node.value.replace(/<[^>]*>/g, '');
      case 'break':
        return ' ';
      case 'image':
        return node.alt ?? '';
      case 'link': {
        const inner = node.children.map((c) => render(c as Nodes, masked)).join('');
        return inner.trim() === '' && !node.children.some((c) => c.type === 'image') ? EMPTY_LINK : inner;
      }
      default: {
        if (!('children' in node)) return '';
        const sep = node.type === 'root' || node.type === 'list' || node.type === 'listItem' || node.type === 'table' || node.type === 'tableRow' ? ' ' : '';
        return (node.children as Nodes[]).map((c) => render(c, masked)).join(sep);
      }
    }
  };
  const collect = (node: Nodes) => {
    if (node.type === 'inlineCode' || node.type === 'code') code.push(node.value.trim());
    if (node.type === 'link' || node.type === 'image') urls.push(node.url);
    if (node.type === 'link') links.push({ text: render(node, false), url: node.url });
    if (node.type === 'emphasis' || node.type === 'strong') {
      emphasis += 1;
      emphasized.push(render(node, false));
    }
    if ('children' in node) for (const c of node.children as Nodes[]) collect(c);
  };
  collect(tree);
  return { raw, text: render(tree, false), prose: render(tree, true), code, urls, links, emphasis, emphasized };
}

/** For term matching: NBSP, narrow NBSP and thin space count as spaces (the raw text keeps them). */
export const termText = (s: string) => s.replace(/[\u00a0\u202f\u2009]/g, ' ');

const patterns = new Map<string, RegExp>();

/** A term as a pattern with ASCII look-arounds (never \b: `API에` must match API). Compiled once. */
export function termPattern(term: string, flags = 'g'): RegExp {
  const key = `${flags}\u0000${term}`;
  const cached = patterns.get(key);
  if (cached) return cached;
  const body = term
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[ \\u00a0\\u202f\\u2009]+');
  const pattern = new RegExp(`(?<![A-Za-z0-9])${body}(?![A-Za-z0-9])`, flags);
  patterns.set(key, pattern);
  return pattern;
}

export const countTerm = (text: string, term: string, caseSensitive = true) => [...termText(text).matchAll(termPattern(term, caseSensitive ? 'g' : 'gi'))].length;

/**
 * Numbers in rendered text (code masked; URLs are not in rendered text). A hyphen between digits
 * separates: `2616-14.43` gives 2616 and 14.43.
 */
export function numbersIn(prose: string): string[] {
  return [...prose.matchAll(/\d+(?:[.,]\d+)*/g)].map((m) => m[0].replace(/[.,]$/, ''));
}

/** Tokens of letters joined to digits (`section-14.43`, `RFC2616`); `15-word` starts with digits and is translated. */
export function alnumIdentifiers(prose: string): string[] {
  return [...prose.matchAll(/(?<![\p{L}\p{N}])\p{L}[\p{L}]*[-.]?\d+(?:[.-]\d+)*(?![\p{L}\p{N}])/gu)].map((m) => m[0]);
}

export function multisetDiff(a: string[], b: string[]): { missing: string[]; extra: string[] } {
  const counts = new Map<string, number>();
  for (const x of a) counts.set(x, (counts.get(x) ?? 0) + 1);
  const extra: string[] = [];
  for (const x of b) {
    const n = counts.get(x) ?? 0;
    if (n > 0) counts.set(x, n - 1);
    else extra.push(x);
  }
  const missing = [...counts.entries()].flatMap(([x, n]) => Array(n).fill(x) as string[]);
  return { missing, extra };
}

export const isCjk = (locale: string) => /^(ja|zh|ko)\b/.test(locale);
