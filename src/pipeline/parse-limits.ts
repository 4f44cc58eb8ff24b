/**
 * Keeps hostile Markdown from making the parser slow. micromark is linear on real pages but quadratic
 * on a few shapes no real page has: thousands of separate block quotes (`> [!NOTE]` repeated), long
 * runs of emphasis markers (`*` × 10,000), brackets nested thousands deep. Before parsing, those
 * markers past a limit are swapped for placeholder characters of the same length — so every offset,
 * line and column stays that of the file — and swapped back in the tree's text afterwards: the reader
 * sees the characters as written, as text, and a warning says where markup stopped being read.
 *
 * Pure and linear: one pass over the text, one over the tree.
 */
import type { Root } from 'mdast';

/** Markers in one run of `*` or `_` read as emphasis; the rest are text. Real pages use 1–3. */
export const MAX_MARKER_RUN = 32;
/**
 * Runs of `*`/`_` in one paragraph (a blank line ends one). Real paragraphs have tens; thousands of
 * unmatched ones make emphasis resolution quadratic.
 */
export const MAX_MARKER_RUNS = 2000;
/** Brackets open at once in one paragraph. Real pages nest 1–2 (a link in an image's alt). */
export const MAX_BRACKET_DEPTH = 32;
/** Separate block quotes (and alerts) on one page. Real pages have tens. */
export const MAX_BLOCK_QUOTES = 500;

/** Placeholders, from Unicode's private use area, one per defused ASCII marker (same UTF-16 length). */
const PLACEHOLDER: Record<string, string> = { '*': '\uE02A', _: '\uE05F', '[': '\uE05B', ']': '\uE05D', '>': '\uE03E' };
const ORIGINAL = new Map(Object.entries(PLACEHOLDER).map(([k, v]) => [v, k]));
const ANY_PLACEHOLDER = /[\uE02A\uE05F\uE05B\uE05D\uE03E]/g;

export interface ParseLimitProblem {
  offset: number;
  ruleId: 'markup-too-complex';
  reason: string;
}

export interface DefusedText {
  text: string;
  problems: ParseLimitProblem[];
  /** True when placeholders were put in (the tree needs `restoreDefused`). */
  changed: boolean;
}

const QUOTE_LINE = /^[ \t]{0,3}(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*(>)/;

/** The text to parse, with markers past the limits swapped for placeholders. */
export function defuseMarkup(text: string): DefusedText {
  // A source that already holds the placeholders cannot be restored faithfully: leave it as it is.
  if (ANY_PLACEHOLDER.test(text)) {
    ANY_PLACEHOLDER.lastIndex = 0;
    return { text, problems: [], changed: false };
  }
  const chars = text.split('');
  const problems: ParseLimitProblem[] = [];
  let changed = false;
  const swap = (i: number) => {
    chars[i] = PLACEHOLDER[chars[i]!]!;
    changed = true;
  };

  // Block quotes: a `>` line after a line that is not one starts a new quote.
  let quotes = 0;
  let previousWasQuote = false;
  let quoteProblem = false;
  for (let start = 0; start <= text.length; ) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    const m = QUOTE_LINE.exec(text.slice(start, Math.min(stop, start + 200)));
    if (m) {
      if (!previousWasQuote) quotes++;
      if (quotes > MAX_BLOCK_QUOTES) {
        swap(start + m[0].length - 1);
        if (!quoteProblem) {
          quoteProblem = true;
          problems.push({ offset: start, ruleId: 'markup-too-complex', reason: `more than ${MAX_BLOCK_QUOTES} separate block quotes on one page; from here on \`>\` is kept as text` });
        }
      }
    }
    previousWasQuote = m !== null;
    if (end === -1) break;
    start = end + 1;
  }

  // Emphasis runs and bracket depth, per paragraph (a blank line ends one).
  let runChar = '';
  let runLength = 0;
  let runProblem = false;
  let runs = 0;
  let runsProblem = false;
  let depth = 0;
  const defusedOpen: boolean[] = [];
  let bracketProblem = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') {
      // An escaped character is never markup.
      i++;
      runLength = 0;
      continue;
    }
    if (c === '*' || c === '_') {
      runLength = c === runChar ? runLength + 1 : 1;
      runChar = c;
      if (runLength === 1) runs++;
      if (runs > MAX_MARKER_RUNS) {
        swap(i);
        if (!runsProblem) {
          runsProblem = true;
          problems.push({ offset: i, ruleId: 'markup-too-complex', reason: `more than ${MAX_MARKER_RUNS} runs of \`*\` or \`_\` in one paragraph; from here on they are kept as text` });
        }
      } else if (runLength > MAX_MARKER_RUN) {
        swap(i);
        if (!runProblem) {
          runProblem = true;
          problems.push({ offset: i, ruleId: 'markup-too-complex', reason: `a run of more than ${MAX_MARKER_RUN} \`${c}\`; the rest of it is kept as text` });
        }
      }
      continue;
    }
    runLength = 0;
    runChar = '';
    if (c === '\n' && text[i + 1] === '\n') {
      runs = 0;
      depth = 0;
      defusedOpen.length = 0;
    } else if (c === '[') {
      const defuse = depth >= MAX_BRACKET_DEPTH;
      defusedOpen.push(defuse);
      depth++;
      if (defuse) {
        swap(i);
        if (!bracketProblem) {
          bracketProblem = true;
          problems.push({ offset: i, ruleId: 'markup-too-complex', reason: `brackets nested more than ${MAX_BRACKET_DEPTH} deep; the deeper ones are kept as text` });
        }
      }
    } else if (c === ']' && depth > 0) {
      depth--;
      if (defusedOpen.pop()) swap(i);
    }
  }
  return { text: changed ? chars.join('') : text, problems, changed };
}

/** Puts the defused characters back, in every text value of the tree (they are text now). */
export function restoreDefused(tree: Root): void {
  const stack: unknown[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as { value?: unknown; alt?: unknown; children?: unknown[] };
    if (typeof node.value === 'string') node.value = node.value.replace(ANY_PLACEHOLDER, (c) => ORIGINAL.get(c)!);
    if (typeof node.alt === 'string') node.alt = node.alt.replace(ANY_PLACEHOLDER, (c) => ORIGINAL.get(c)!);
    if (node.children) for (const c of node.children) stack.push(c);
  }
}
