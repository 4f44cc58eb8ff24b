/**
 * The one locale registry: everything the product knows about a locale is derived here from its
 * BCP 47 tag, so that adding a locale means adding a source file (and UI strings), never code.
 *
 * Labels come from `Intl.DisplayNames` (each language in its own name), direction and script from
 * `Intl.Locale`, the URL segment from the language subtag (the full tag when two locales share a
 * language). Nothing else in the project lists locales. Pure: no I/O.
 */

export interface LocaleInfo {
  /** Canonical BCP 47 tag as received (`ja-JP`), or `en` for the rebuilt English source. */
  code: string;
  /** Language subtag (`ja`): the `lang` attribute of content and the UI-strings folder. */
  lang: string;
  /** URL segment (`ja`, or `zh-cn` when two locales share a language). */
  segment: string;
  /** The language in its own name (`日本語`). */
  label: string;
  /** The language's name in English, for translators and logs. */
  englishLabel: string;
  dir: 'ltr' | 'rtl';
  /** ISO 15924 script (`Jpan`, `Kore`, `Latn`, `Arab`), which picks the font stack. */
  script: string;
}

/** The locale of the English source rebuilt from the span pairs. */
export const SOURCE_LOCALE = 'en';

/** Whether a BCP 47 tag names the source language (en, en-US, en-GB): such a page is the original, not a translation. */
export const isSourceLanguage = (code: string) => code.split('-')[0]!.toLowerCase() === SOURCE_LOCALE;

export type LocaleProblem = { kind: 'not-bcp47' | 'unknown'; reason: string };

let displayNames: Intl.DisplayNames | undefined;
const knownLanguages = () => (displayNames ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }));

/** Valid BCP 47 language subtags that name no language a page can be written in. */
const NOT_A_LANGUAGE = new Set(['und', 'zxx', 'mul', 'mis']);

/**
 * Canonicalises `tag`, or explains why it is not a usable locale. A tag is usable when the registry can
 * describe it (label, direction, script): whatever passes here, `describeLocale` does not throw on.
 */
export function checkLocale(tag: string): { code: string } | LocaleProblem {
  // Every page names its locale, and a site has a handful: ICU is asked once per tag.
  let checked = checkedTags.get(tag);
  if (!checked) {
    if (checkedTags.size >= MAX_REMEMBERED_TAGS) checkedTags.clear();
    checkedTags.set(tag, (checked = checkLocaleOnce(tag)));
  }
  return { ...checked };
}

/** Tags remembered at most (a hostile source tree could name endlessly many). */
const MAX_REMEMBERED_TAGS = 1024;
const checkedTags = new Map<string, { code: string } | LocaleProblem>();
const describedCodes = new Map<string, LocaleInfo>();

function checkLocaleOnce(tag: string): { code: string } | LocaleProblem {
  let code: string;
  try {
    const canon = Intl.getCanonicalLocales(tag.trim());
    if (canon.length !== 1) throw new RangeError('not one tag');
    code = canon[0]!;
  } catch {
    return { kind: 'not-bcp47', reason: `"${tag}" is not a BCP 47 language tag` };
  }
  // `und` has no language subtag at all for Intl.Locale.
  const lang = new Intl.Locale(code).language ?? 'und';
  if (NOT_A_LANGUAGE.has(lang)) return { kind: 'unknown', reason: `"${tag}" is a valid tag but names no language (${lang}); give the language the page is written in` };
  try {
    if (!knownLanguages().of(lang)) return { kind: 'unknown', reason: `"${tag}" names no language known to this system (${lang})` };
    describeLocale(code);
  } catch {
    return { kind: 'unknown', reason: `"${tag}" cannot be described by this system's locale data (${lang})` };
  }
  return { code };
}

const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr']);

function directionOf(locale: Intl.Locale, script: string): 'ltr' | 'rtl' {
  // textInfo is the standard answer where the engine has it; the script is the fallback.
  const info = (locale as unknown as { textInfo?: { direction?: string }; getTextInfo?: () => { direction?: string } });
  const direction = info.getTextInfo?.().direction ?? info.textInfo?.direction;
  if (direction === 'rtl' || direction === 'ltr') return direction;
  return RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
}

/** Describes one locale; `segment` is resolved against the whole set by `buildRegistry`. */
export function describeLocale(code: string): LocaleInfo {
  let info = describedCodes.get(code);
  if (!info) {
    if (describedCodes.size >= MAX_REMEMBERED_TAGS) describedCodes.clear();
    describedCodes.set(code, (info = describeLocaleOnce(code)));
  }
  return { ...info };
}

function describeLocaleOnce(code: string): LocaleInfo {
  const locale = new Intl.Locale(code);
  const max = locale.maximize();
  const script = max.script ?? 'Latn';
  const own = new Intl.DisplayNames([code], { type: 'language', languageDisplay: 'standard' });
  const english = new Intl.DisplayNames(['en'], { type: 'language', languageDisplay: 'standard' });
  const label = own.of(locale.language) ?? code;
  return {
    code,
    lang: locale.language,
    segment: locale.language,
    // A language's own name starts with a capital where its script has case (français → Français).
    label: label.charAt(0).toLocaleUpperCase(code) + label.slice(1),
    englishLabel: english.of(locale.language) ?? code,
    dir: directionOf(locale, script),
    script,
  };
}

/**
 * The registry for a set of locale codes: the English source first, then the others in code order.
 * Two locales of one language (pt-BR, pt-PT) get their full lower-cased tag as URL segment.
 */
export function buildRegistry(codes: Iterable<string>): LocaleInfo[] {
  const unique = [...new Set([SOURCE_LOCALE, ...codes])];
  const infos = unique.map(describeLocale);
  const byLang = new Map<string, number>();
  for (const info of infos) byLang.set(info.lang, (byLang.get(info.lang) ?? 0) + 1);
  for (const info of infos) if (byLang.get(info.lang)! > 1 && info.code !== SOURCE_LOCALE) info.segment = info.code.toLowerCase();
  const [en, ...rest] = infos;
  return [en!, ...rest.sort((a, b) => a.code.localeCompare(b.code, 'en'))];
}
