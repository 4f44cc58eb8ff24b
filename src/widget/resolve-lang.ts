/**
 * Which language the widget speaks (spec §7): its own `lang`, else the nearest ancestor's, the
 * document's, the browser's, else English. Browser only, reads the DOM and never writes it.
 *
 * Only the primary language subtag is kept (`ja-JP` → `ja`): messages are per language, like the
 * site's `locales/<lang>/` folders. Anything that is not the shape of a language subtag becomes `en`,
 * so a hostile `lang` can never name a file.
 */
export function resolveLang(element: Element): string {
  const tag =
    element.closest('[lang]:not([lang=""])')?.getAttribute('lang') ||
    document.documentElement.lang ||
    navigator.language ||
    '';
  const language = tag.split(/[-_]/)[0]!.toLowerCase();
  return /^[a-z]{2,3}$/.test(language) ? language : 'en';
}
