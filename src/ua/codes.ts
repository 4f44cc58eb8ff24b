/**
 * The one catalogue of User-Agent diagnostic codes and their levels (spec §3 and §4).
 *
 * The core speaks only in these codes plus data (positions, counts, characters); the words a reader
 * sees are chosen per language elsewhere, so this module must never hold message text.
 * Errors block the value, the copy buttons and the snippets; warnings and infos never do.
 */

export type Level = 'error' | 'warning' | 'info';

export const CODE_LEVELS = {
  E_EMPTY: 'error',
  E_CRLF: 'error',
  E_CONTROL: 'error',
  E_SPACE: 'error',
  E_NON_ASCII: 'error',
  E_DELIMITER: 'error',
  E_HYPHEN: 'error',
  E_TOO_LONG: 'error',
  W_UNUSUAL_CHARS: 'warning',
  W_REDUNDANT_PREFIX: 'warning',
  W_V_PREFIX: 'warning',
  W_NOT_SEMVER: 'warning',
  I_TRIMMED: 'info',
  I_NFKC: 'info',
  I_SUGGESTION: 'info',
  P_HEADER_NAME_STRIPPED: 'info',
  P_SYNTAX: 'error',
  P_NOT_MDE: 'error',
  P_NOT_FIRST: 'warning',
  P_EXTRA_ITEMS: 'info',
  P_PREFIX_CASE: 'warning',
  P_NO_VERSION: 'error',
  P_SPACE_IN_NAME: 'info',
  P_BAD_SEGMENTS: 'error',
  P_AMBIGUOUS: 'error',
} as const satisfies Record<string, Level>;

export type Code = keyof typeof CODE_LEVELS;

/** A diagnostic as data. `at` is a code-point index from 0; `char`/`codePoint` name the first offender. */
export interface Issue {
  code: Code;
  at?: number;
  count?: number;
  /** The offending character itself (may be invisible, e.g. U+200B; render as text). */
  char?: string;
  /** `U+XXXX`, so an invisible character can still be named and found. */
  codePoint?: string;
}

export const formatCodePoint = (char: string): string =>
  'U+' + char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');

/**
 * Adds one occurrence of `code` at `at`, collapsing repeats into the first entry (spec §2 step 4):
 * a name with eight Japanese characters is one problem, not eight.
 */
export function addOccurrence(issues: Issue[], code: Code, at: number, char: string): void {
  const seen = issues.find((issue) => issue.code === code);
  if (seen) seen.count!++;
  else issues.push({ code, at, count: 1, char, codePoint: formatCodePoint(char) });
}
