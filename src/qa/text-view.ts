/**
 * Views of a piece of Markdown that the checks compare: the rendered text (link text instead of links,
 * no emphasis markers, an empty link text as a visible marker), and its language-neutral invariants
 * (URLs, numbers, code, emphasis and link counts). NFC throughout. Pure.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { defuseMarkup, restoreDefused } from '../pipeline/parse-limits.ts';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { flattenDeepNesting } from '../pipeline/nesting-limit.ts';
import { viewOfTree, type TextView } from '../pipeline/text-view.ts';

export { EMPTY_LINK, type Link, type TextView } from '../pipeline/text-view.ts';

// Built once: creating the syntax extensions costs more than parsing a typical segment.
const PARSE_OPTIONS = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] };

/**
 * Text in which no Markdown construct can start: one line, no edge spaces, none of the characters that
 * open inline or block syntax, no GFM autolink literal. It parses to one paragraph holding it as its one
 * text node, so its view is the text itself (most segments are such; a test holds this to the parser).
 */
const MARKUP = /[\\`*_[\]()<>!&~|#@\n\r\0]|:\/\/|www\./i;
export const isPlainText = (s: string) =>
  s !== '' && !MARKUP.test(s) && !/^[ \t]|[ \t]$/.test(s) && !/^(?:[-+=]|\d{1,9}[.)])/.test(s);

/**
 * The view of a piece of Markdown that is not a block of a parsed page (a segment, a glossary entry).
 * A page's blocks carry theirs from the pipeline (`Block.view`).
 */
export function viewOf(markdown: string): TextView {
  const raw = markdown.normalize('NFC');
  if (isPlainText(raw)) return { raw, text: raw, prose: raw, code: [], urls: [], links: [], emphasis: 0, emphasized: [] };
  return parsedView(raw);
}

/** viewOf without the plain-text shortcut: always through the parser. */
export function parsedView(markdown: string): TextView {
  const raw = markdown.normalize('NFC');
  // The same guard as the pipeline's against shapes that make the parser quadratic.
  const defused = defuseMarkup(raw);
  const tree = fromMarkdown(defused.text, PARSE_OPTIONS);
  if (defused.changed) restoreDefused(tree);
  // Hostile nesting would overflow the recursive walks, as it would the pipeline's.
  flattenDeepNesting(tree);
  return viewOfTree(tree, raw);
}

/** For term matching: NBSP, narrow NBSP and thin space count as spaces (the raw text keeps them). */
export const termText = (s: string) => s.replace(/[\u00a0\u202f\u2009]/g, ' ');

const patterns = new Map<string, RegExp>();

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A term as a pattern with ASCII look-arounds (never \b: `API에` must match API). Compiled once. */
export function termPattern(term: string, flags = 'g'): RegExp {
  const key = `${flags}\u0000${term}`;
  const cached = patterns.get(key);
  if (cached) return cached;
  const body = term
    .split(/\s+/)
    .map(escapeRegExp)
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
