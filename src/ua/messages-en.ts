/**
 * English wording of the User-Agent codes, for the CLI. Deliberately outside the core bundle
 * (`index.ts` does not export it): the widget's words come, per language, from the shared UI strings,
 * written by hand for each language. Output is plain text for a terminal, so invisible and control
 * characters are named only by `U+XXXX`, never written raw.
 */
import type { Code, Issue } from './codes.ts';
import type { ParseDiag } from './parse.ts';

const MESSAGES: Record<Code, string> = {
  E_EMPTY: 'is empty',
  E_CRLF: 'contains a line break{char}: refused, it would let text be injected as another header',
  E_CONTROL: 'contains the control character{char}',
  E_SPACE: 'contains a space{char}: a space splits the value into two products',
  E_NON_ASCII: 'contains{char}, which is not ASCII: use the registered Latin-script name',
  E_DELIMITER: 'contains{char}, a delimiter that is not allowed in an HTTP token',
  E_HYPHEN: 'contains a hyphen{char}: names must not contain "-", so the value splits back one way only',
  E_TOO_LONG: 'is longer than 64 characters',
  W_UNUSUAL_CHARS: 'has characters other than letters, digits and inner "." or "_"; some need escaping in shells',
  W_REDUNDANT_PREFIX: 'starts with "MdePartner", which the builder already adds',
  W_V_PREFIX: 'starts with "v": write the version without it (1.2.3)',
  W_NOT_SEMVER: 'is not a semantic version (MAJOR.MINOR.PATCH, see semver.org)',
  I_TRIMMED: 'leading or trailing whitespace was removed',
  I_NFKC: 'full-width characters were converted to ASCII',
  I_SUGGESTION: 'suggested fix:',
  P_HEADER_NAME_STRIPPED: 'the "User-Agent:" header name was removed',
  P_SYNTAX: 'is not valid User-Agent syntax{char}',
  P_NOT_MDE: 'has no product that starts with "MdePartner-"',
  P_NOT_FIRST: 'the MdePartner product is not the first item',
  P_EXTRA_ITEMS: 'other products or comments are present besides the MdePartner product',
  P_PREFIX_CASE: 'write the prefix exactly as "MdePartner-"',
  P_NO_VERSION: 'the MdePartner product has no "/version"',
  P_SPACE_IN_NAME: 'the next item has a version: did you mean one name with a space? Names cannot contain spaces',
  P_BAD_SEGMENTS: 'expected "MdePartner-{Company}-{Product}": exactly two non-empty names joined by "-"',
  P_AMBIGUOUS: 'the name reads more than one way:',
};

/** ` "é" (U+00E9) at character 5 (2 times)`, with 1-based positions for people. */
function describeWhere({ char, codePoint, at, count }: Issue): string {
  const glyph = char && !/[\p{C}\p{Z}]/u.test(char) ? ` "${char}"` : '';
  const name = codePoint ? ` (${codePoint})` : '';
  const where = at === undefined ? '' : ` at character ${at + 1}`;
  const times = count && count > 1 ? ` (${count} times)` : '';
  return glyph + name + where + times;
}

/** One line of English for `issue`; `detail` (such as the suggested value) goes before the code. */
export function describeIssueEn(issue: Issue | ParseDiag, detail = ''): string {
  let text = MESSAGES[issue.code].replace('{char}', () => describeWhere(issue));
  if ('readings' in issue && issue.readings)
    text += issue.readings.map(({ company, product }) => ` company "${company}" + product "${product}"`).join(';');
  return `${text}${detail} [${issue.code}]`;
}
