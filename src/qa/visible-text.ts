/**
 * Invisible defects made visible: a grid cell's text split into plain runs and markers for what a
 * browser or terminal would otherwise hide — an empty link text (the engine's ⟦∅⟧), no-break and
 * narrow no-break spaces, thin spaces, runs of spaces and spaces at either end. The translator pages
 * render the markers as labelled chips, the CLIs as visible characters. Pure; never changes the text
 * itself (joining the tokens' `text` gives it back).
 */
import { EMPTY_LINK } from './text-view.ts';

export type VisibleKind = 'empty-link' | 'nbsp' | 'nnbsp' | 'thinsp' | 'spaces' | 'edge-space' | 'tab';

export type VisibleToken = { kind: 'text'; text: string } | { kind: VisibleKind; text: string };

const SPECIAL: Record<string, VisibleKind> = { '\u00a0': 'nbsp', '\u202f': 'nnbsp', '\u2009': 'thinsp', '\t': 'tab' };
const EMPTY = EMPTY_LINK.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PATTERN = new RegExp(`${EMPTY}|[\\u00a0\\u202f\\u2009\\t]|^ +| +$| {2,}`, 'gu');

export function visibleTokens(text: string): VisibleToken[] {
  const tokens: VisibleToken[] = [];
  let last = 0;
  for (const m of text.matchAll(PATTERN)) {
    const at = m.index;
    if (at > last) tokens.push({ kind: 'text', text: text.slice(last, at) });
    const found = m[0];
    const kind: VisibleKind = found === EMPTY_LINK ? 'empty-link' : (SPECIAL[found] ?? (at === 0 || at + found.length === text.length ? 'edge-space' : 'spaces'));
    tokens.push({ kind, text: found });
    last = at + found.length;
  }
  if (last < text.length) tokens.push({ kind: 'text', text: text.slice(last) });
  return tokens;
}

/** Visible characters for a terminal: ␣ for each flagged space, [NBSP]-style names for the others. */
const PLAIN: Record<VisibleKind, (t: string) => string> = {
  'empty-link': (t) => t,
  nbsp: () => '[NBSP]',
  nnbsp: () => '[NNBSP]',
  thinsp: () => '[THINSP]',
  tab: () => '[TAB]',
  spaces: (t) => '␣'.repeat(t.length),
  'edge-space': (t) => '␣'.repeat(t.length),
};

/** Marks for a page, where each also carries its name for screen readers: ⍽ for the no-break spaces. */
const MARK: Record<VisibleKind, (t: string) => string> = {
  ...PLAIN,
  nbsp: () => '⍽',
  nnbsp: () => '⍽',
  thinsp: () => '⍽',
  tab: () => '⇥',
};

/** The visible mark of a token: for a page (`page`) or a terminal (`terminal`). */
export const visibleMark = (kind: VisibleKind, text: string, medium: 'page' | 'terminal') => (medium === 'page' ? MARK : PLAIN)[kind](text);

export function visibleText(text: string): string {
  return visibleTokens(text)
    .map((t) => (t.kind === 'text' ? t.text : PLAIN[t.kind](t.text)))
    .join('');
}

/** Whether the text holds something the reader would not see (NBSPs alone are not a defect). */
export const hasWhitespaceDefect = (text: string) => visibleTokens(text).some((t) => t.kind === 'spaces' || t.kind === 'edge-space' || t.kind === 'empty-link');
