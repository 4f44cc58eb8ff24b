/**
 * The loaded site for Astro pages: loaded once per build process (every page route shares it) and
 * rendered HTML memoised per page, so each tree is turned into HTML exactly once.
 */
import { alertTitles, createTranslator } from '../i18n/translator.ts';
import type { LocalizedDoc } from '../pipeline/localized-doc.ts';
import { renderHtml } from '../pipeline/render-html.ts';
import { loadSite, type LoadedSite } from './load-site.ts';

let site: LoadedSite | undefined;

export function getSite(): LoadedSite {
  if (!site) {
    site = loadSite();
    if (!site.ok) {
      const errors = site.files.flatMap((f) => f.messages.filter((m) => m.fatal).map((m) => `${f.path}:${m.line ?? 1}:${m.column ?? 1}: ${m.reason}`));
      throw new Error(`the sources have errors:\n${errors.join('\n')}`);
    }
  }
  return site;
}

const html = new WeakMap<LocalizedDoc, string>();

export function docHtml(doc: LocalizedDoc): string {
  let out = html.get(doc);
  if (out === undefined) {
    const translator = createTranslator(new Intl.Locale(doc.locale).language, getSite().resources);
    out = renderHtml(doc.tree, { alertTitles: alertTitles(translator) });
    html.set(doc, out);
  }
  return out;
}

/** Every page of the site: one per document and locale, the rebuilt English included. */
export function allPages(): { doc: LocalizedDoc; segment: string }[] {
  const s = getSite();
  const segmentOf = new Map(s.registry.map((l) => [l.code, l.segment]));
  return s.docs.flatMap((d) => [...(d.english ? [d.english] : []), ...d.translations]).map((doc) => ({ doc, segment: segmentOf.get(doc.locale)! }));
}
