/**
 * The widget's words, from the same hand-written `locales/<lang>/ua.json` the site uses: `widget` (the
 * builder) in English is bundled; other languages, and every language's `checker` part (the parse
 * codes, needed only once someone uses the checker), are fetched when needed. Browser-safe and pure
 * apart from those dynamic imports.
 *
 * It must never pull in i18next (the element has a size budget): the JSON is bundled at build time and
 * interpolation is the `{{name}}` subset the site's strings use. A missing language or key falls back
 * to English rather than showing a key.
 */
import type { checker as englishChecker } from '../../locales/en/ua.json';
import { widget as englishWidget } from '../../locales/en/ua.json';
import type { Issue } from '../ua/codes.ts';
import { importLocale, type LocalePart } from './locale-import.ts';

/** The checker's strings are absent until loaded; an issue without words is not shown meanwhile. */
export type Messages = typeof englishWidget & Partial<typeof englishChecker>;

export const ENGLISH: Messages = englishWidget;

/** The language's strings for `part` over `base`, or null when there are none to load. */
export async function loadMessages(lang: string, part: LocalePart, base: Messages): Promise<Messages | null> {
  try {
    const strings = await importLocale(lang, part);
    if (!strings) return null;
    return { ...base, ...(typeof strings === 'string' ? stringsFromLines(strings, Object.keys(ENGLISH)) : strings) };
  } catch {
    // A chunk that fails to load (offline, blocked) leaves the reader with English, not with nothing.
    return null;
  }
}

/**
 * The standalone build ships a language's `widget` strings alone, one per line in the order of the
 * English keys (keys would cost a third of the chunk, which has a 0.8 KB budget); this turns such a
 * text back into strings by key. An empty line is a missing string.
 */
export function stringsFromLines(text: string, keys: string[]): Record<string, string> {
  const strings: Record<string, string> = {};
  text.split('\n').forEach((line, index) => {
    if (line && keys[index]) strings[keys[index]] = line;
  });
  return strings;
}

export const format = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));

/**
 * A character as a reader can see it: control characters as their Control Pictures (␍ for CR,
 * ␀ for NUL), since the raw ones render as nothing or break the line. Everything else is shown as it
 * is, even when invisible (U+200B): the `U+XXXX` beside it is what makes it findable.
 */
export function visibleGlyph(char: string): string {
  const code = char.codePointAt(0)!;
  return code < 32 ? String.fromCodePoint(0x2400 + code) : code === 127 ? '\u2421' : char;
}

type Readings = { company: string; product: string }[];

/**
 * One issue in words: "Character 8, “ ” (U+0020): A space would split the value into two products."
 * Positions are shown from 1. `undefined` for codes that have no sentence of their own
 * (`I_SUGGESTION` is shown as the button that applies it).
 */
export function describeIssue(m: Messages, issue: Issue & { readings?: Readings }): string | undefined {
  const template = (m as Record<string, string>)[issue.code];
  if (!template) return undefined;
  const readings = issue.readings?.map(({ company, product }) => `${company} + ${product}`).join(' / ') ?? '';
  const text = format(template, { readings });
  // E_TOO_LONG's position is where the limit falls, not a character to point at.
  if (issue.at === undefined || issue.code === 'E_TOO_LONG') return text;
  const at = issue.at + 1;
  const where = issue.char
    ? format(m.atChar, {
        at,
        glyph: visibleGlyph(issue.char),
        code: issue.codePoint + (issue.count! > 1 ? ` ×${issue.count}` : ''),
      })
    : format(m.at, { at });
  return `${where} ${text}`;
}
