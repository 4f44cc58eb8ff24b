/**
 * Loads one part of one language's widget words (`widget` or `checker` of `locales/<lang>/ua.json`)
 * as its own chunk, so a page pays only for the language it shows. Browser-side, no I/O of its own.
 *
 * This is the bundler seam: Vite (the site's pages) expands the globs below into one lazy chunk per
 * file. The standalone build (scripts/build-widget.ts) replaces this module with a generated map of
 * the same shape whose chunks are named after their language and hold only the strings. English
 * `widget` is never asked for (the main bundle holds it); an unknown language answers `undefined`
 * (the caller then falls back to English): a language tag never becomes a path.
 */
import { checker as englishChecker } from '../../locales/en/ua.json';

export type LocalePart = 'widget' | 'checker';
/** Strings by key, or (standalone `widget` chunks) one string per line in English key order. */
type Strings = Record<string, string> | string;
type Loader = () => Promise<Strings>;

// Globs must be literals for Vite to expand them, hence the repetition. English is bundled with the
// page here (its JSON is in the main chunk anyway, for its `widget` part).
const loaders: Record<LocalePart, Record<string, Loader>> = {
  widget: import.meta.glob<Strings>(['../../locales/*/ua.json', '!../../locales/en/ua.json'], { import: 'widget' }),
  checker: {
    ...import.meta.glob<Strings>(['../../locales/*/ua.json', '!../../locales/en/ua.json'], { import: 'checker' }),
    '../../locales/en/ua.json': () => Promise.resolve(englishChecker),
  },
};

export function importLocale(lang: string, part: LocalePart): Promise<Strings> | undefined {
  return loaders[part][`../../locales/${lang}/ua.json`]?.();
}
