/**
 * Normalises and validates one builder field (company, product or version) per spec §2–§3 and
 * proposes at most one ASCII fix. Pure: no DOM, no I/O, no message text (codes and data only).
 *
 * Validation is strict and done here, once, because HTTP clients disagree on bad bytes (curl sends
 * CR/LF, Python lets NUL through, Java writes `é` as `?`): the value must be safe before any client.
 */
import { addOccurrence, type Code, type Issue } from './codes.ts';
import { isPrintableAscii, NOT_TCHAR, TCHAR } from './tchar.ts';
import { trimEdges } from './trim-edges.ts';
import { versionWarnings } from './version-checks.ts';

export type FieldName = 'company' | 'product' | 'version';

export interface FieldResult {
  /** The value after trimming and NFKC; every `at` points into this string. */
  value: string;
  errors: Issue[];
  warnings: Issue[];
  infos: Issue[];
  /** A valid ASCII replacement the UI may offer ("Apply"); absent when none is safe to guess. */
  suggestion?: string;
}

export const MAX_FIELD_LENGTH = 64;

/** The error code one character earns in `field`, if any. */
export function classifyChar(field: FieldName, char: string): Code | undefined {
  const cp = char.codePointAt(0)!;
  if (cp === 13 || cp === 10) return 'E_CRLF';
  if (cp < 32 || cp === 127) return 'E_CONTROL';
  if (cp === 32) return 'E_SPACE';
  if (cp > 127) return 'E_NON_ASCII';
  // Visible ASCII that is not tchar is exactly the delimiter set `" ( ) , / : ; < = > ? @ [ \ ] { }`.
  if (!TCHAR.test(char)) return 'E_DELIMITER';
  // A hyphen inside a name would make `MdePartner-A-B-C/1` read two ways; versions may have them.
  if (char === '-' && field !== 'version') return 'E_HYPHEN';
  return undefined;
}

/** Every error of one (already normalised) field, collapsed per code, in order of first occurrence. */
export function findFieldErrors(field: FieldName, value: string): Issue[] {
  const errors: Issue[] = [];
  let length = 0;
  for (const char of value) {
    const code = classifyChar(field, char);
    if (code) addOccurrence(errors, code, length, char);
    length++;
  }
  if (!length) errors.push({ code: 'E_EMPTY' });
  if (length > MAX_FIELD_LENGTH)
    errors.push({ code: 'E_TOO_LONG', at: MAX_FIELD_LENGTH, count: length - MAX_FIELD_LENGTH });
  return errors;
}

/**
 * The deterministic ASCII fix of spec §2 step 6, or undefined. Never for control characters (they
 * are not typos) and never for a script that stays non-ASCII: inventing a romanisation of 株式会社コントソ
 * would be wrong, so the reader is asked for the registered Latin-script name instead.
 */
function suggestFieldValue(field: FieldName, value: string, errors: Issue[]): string | undefined {
  // (E_CRLF never gets here; an empty value fails the final check.)
  if (errors.some((error) => error.code === 'E_CONTROL')) return;
  let text = value.normalize('NFKC').replace(/\p{Cf}/gu, '');
  text =
    field === 'version'
      ? // What follows a space in a version is another word (`1.0.0 beta`), not part of the token.
        text.split(' ')[0]!
      : // Join the words of a name in CamelCase: `Contoso Ltd`, `Contoso-Ltd` → `ContosoLtd`.
        text.replace(/[ -]+(.?)/gu, (_, next: string) => next.toUpperCase());
  text = text.normalize('NFD').replace(/\p{M}/gu, '');
  if (/[^\0-\x7f]/u.test(text.replace(/[^\p{L}\p{N}]/gu, ''))) return;
  text = text.replace(NOT_TCHAR, '');
  if (text !== value && !findFieldErrors(field, text).length) return text;
  return undefined;
}

/** Spec §2 in order: stringify, trim, NFKC (all or nothing), validate, suggest; then the §3 warnings. */
export function normalizeField(field: FieldName, raw: unknown): FieldResult {
  const given = String(raw ?? '');
  const infos: Issue[] = [];
  let value = trimEdges(given);
  if (value !== given) infos.push({ code: 'I_TRIMMED' });
  const folded = value.normalize('NFKC');
  // Full-width letters typed with an IME become ASCII; a partly converted name would only mislead.
  if (!isPrintableAscii(value) && isPrintableAscii(folded)) {
    value = folded;
    infos.push({ code: 'I_NFKC' });
  }
  const errors = findFieldErrors(field, value);
  const crlf = errors.find((error) => error.code === 'E_CRLF');
  // Header injection is the one thing to say: everything else about such a value is beside the point.
  if (crlf) return { value, errors: [crlf], warnings: [], infos: [] };

  const warnings: Issue[] = [];
  // Said even beside errors: a pasted `MdePartner-Contoso` often is the reason for the hyphen error.
  if (field === 'company' && /^mdepartner/i.test(value)) warnings.push({ code: 'W_REDUNDANT_PREFIX' });
  // The other warnings describe values that are otherwise usable; on an invalid one they are noise.
  if (!errors.length) {
    if (field === 'version') warnings.push(...versionWarnings(value).map((code) => ({ code })));
    else if (!/^[A-Za-z0-9](?:[A-Za-z0-9._]*[A-Za-z0-9])?$/.test(value)) warnings.push({ code: 'W_UNUSUAL_CHARS' });
  }
  const result: FieldResult = { value, errors, warnings, infos };
  const suggestion = suggestFieldValue(field, value, errors);
  // Never empty: a suggestion passes every check, E_EMPTY included.
  if (suggestion) {
    result.suggestion = suggestion;
    infos.push({ code: 'I_SUGGESTION' });
  }
  return result;
}
