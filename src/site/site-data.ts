/**
 * The loaded site as Astro pages need it: loaded once per build process (every route shares it), one
 * entry per page with its locale, its alternates in the other locales, and its article HTML rendered
 * exactly once.
 */
import { SOURCE_LOCALE, type LocaleInfo } from '../i18n/locales.ts';
import { alertTitles, createTranslator, type Translator } from '../i18n/translator.ts';
import type { Resources } from '../i18n/resources.ts';
import type { LocalizedDoc } from '../pipeline/localized-doc.ts';
import { renderArticle } from '../reader/reader-article.ts';
import { uaBuilderMarkup } from '../widget/server-markup.ts';
import { escapeHtml } from './escape-html.ts';
import { loadSite, tocFor, type LoadedSite, type SiteDoc } from './load-site.ts';
import { pageOrder, placeOf, type TocItem } from './toc.ts';
import { breadcrumbsHtml, paginationHtml, SidebarCache, type NavRender } from '../reader/sidebar.ts';

let site: LoadedSite | undefined;

/** Where scripts/build.ts leaves the site it already loaded and checked: Astro renders in the same process. */
const SHARED = Symbol.for('mt-docs.loaded-site');

export function shareLoadedSite(loaded: LoadedSite): void {
  (globalThis as Record<symbol, unknown>)[SHARED] = loaded;
}

/** Where scripts/build.ts says which documents' reader pages to render (the others are kept from the last build). */
const RENDER_ONLY = Symbol.for('mt-docs.render-only');

export function shareRenderOnly(docIds: ReadonlySet<string> | null): void {
  (globalThis as Record<symbol, unknown>)[RENDER_ONLY] = docIds;
}

/** Whether this build renders the reader pages of `docId` (every document, unless the build said otherwise). */
export function rendersDoc(docId: string): boolean {
  const only = (globalThis as Record<symbol, unknown>)[RENDER_ONLY] as ReadonlySet<string> | null | undefined;
  return !only || only.has(docId);
}

export function getSite(): LoadedSite {
  if (!site) {
    site = ((globalThis as Record<symbol, unknown>)[SHARED] as LoadedSite | undefined) ?? loadSite();
    if (!site.ok) {
      const errors = site.files.flatMap((f) => f.messages.filter((m) => m.fatal).map((m) => `${f.path}:${m.line ?? 1}:${m.column ?? 1}: ${m.reason}`));
      throw new Error(`the sources have errors:\n${errors.join('\n')}`);
    }
  }
  return site;
}

export interface ReaderPage {
  doc: LocalizedDoc;
  siteDoc: SiteDoc;
  info: LocaleInfo;
  /** Site-relative URL of the page (`/ja/become-partner/`). */
  href: string;
  /** The page in every locale that has it, this one included, in registry order. */
  alternates: { info: LocaleInfo; href: string }[];
  /** The English page of the same document, when there is one. */
  englishHref: string | null;
  /**
   * A page the locale does not have: built in the locale's UI with the English content and a notice,
   * left out of hreflang, the sitemap and the locale's search.
   */
  fallback?: boolean;
}

export const pageHref = (segment: string, docId: string) => `/${segment}/${docId}/`;

let pages: ReaderPage[] | undefined;

/** Every reader page: one per document and locale, the rebuilt English included. */
export function allPages(): ReaderPage[] {
  if (pages) return pages;
  const s = getSite();
  pages = s.docs.flatMap((siteDoc) => {
    const docs = [...(siteDoc.english ? [siteDoc.english] : []), ...siteDoc.translations];
    const alternates = s.registry.flatMap((info) => (docs.some((d) => d.locale === info.code) ? [{ info, href: pageHref(info.segment, siteDoc.docId) }] : []));
    const englishHref = siteDoc.english ? pageHref(s.registry[0]!.segment, siteDoc.docId) : null;
    const own = docs.map((doc) => {
      const info = s.registry.find((l) => l.code === doc.locale)!;
      return { doc, siteDoc, info, href: pageHref(info.segment, siteDoc.docId), alternates, englishHref };
    });
    // Every locale of the site has every page: where a translation is missing, the English stands in.
    const english = siteDoc.english;
    const fallbacks = english
      ? s.registry.filter((info) => !docs.some((d) => d.locale === info.code)).map((info) => ({ doc: english, siteDoc, info, href: pageHref(info.segment, siteDoc.docId), alternates, englishHref, fallback: true }))
      : [];
    return [...own, ...fallbacks];
  });
  return pages;
}

/** Site URLs of the fallback pages (for the sitemap, which leaves them out). */
export const fallbackHrefs = (): string[] => allPages().flatMap((p) => (p.fallback ? [p.href] : []));

export const translatorFor = (info: LocaleInfo): Translator => createTranslator(info.lang, getSite().resources);

const articles = new WeakMap<LocalizedDoc, string>();

/**
 * The article HTML of `doc` (a page of `siteDoc`), with the User-Agent builder at step 4, item 6. Pure
 * given the site's locales and strings: the load threads render every page's article this way, so the
 * trees need not cross back to the build's own thread.
 */
export function renderPageArticle(doc: LocalizedDoc, siteDoc: SiteDoc, registry: readonly LocaleInfo[], resources: Resources): string {
  const info = registry.find((l) => l.code === doc.locale)!;
  const translator = createTranslator(info.lang, resources);
  const { t } = translator;
  // The builder is a tool, not text of the page: search leaves it out.
  const builderHtml = `<section class="ua-builder-slot" aria-labelledby="ua-builder-title" data-pagefind-ignore><h3 id="ua-builder-title">${escapeHtml(t('fallback.title', { ns: 'ua' }))}</h3>${uaBuilderMarkup({ lang: info.lang, t: (key) => t(key, { ns: 'ua' }) })}</section>`;
  const isEnglish = doc === siteDoc.english;
  const english = isEnglish ? null : (siteDoc.englishSides[doc.locale] ?? siteDoc.english);
  const englishHref = siteDoc.english ? pageHref(registry[0]!.segment, siteDoc.docId) : null;
  return renderArticle(doc, {
    alertTitles: alertTitles(translator),
    english,
    labels: englishHref
      ? {
          english: t('doc.english'),
          notAligned: t('doc.notAligned'),
          notAlignedDetail: t('doc.notAlignedDetail'),
          englishPage: t('doc.englishPage'),
          englishHref,
          // Said once per section: which revision this translation and the English page are.
          sectionNotAligned: (count: number) => {
            const revision = doc.meta.sourceCommit?.slice(0, 8);
            const englishRevision = [...new Set((english?.meta.rebuiltFrom ?? [english?.meta ?? {}]).flatMap((r) => ('sourceCommit' in r && r.sourceCommit ? [r.sourceCommit.slice(0, 8)] : [])))].join(', ');
            // Without both revisions known, the sentence that says it without them.
            return revision && englishRevision ? t('doc.sectionNotAligned', { count, revision, english: englishRevision }) : t('doc.notAlignedDetail');
          },
          passageNotAligned: t('doc.passageNotAligned'),
        }
      : undefined,
    builderHtml,
    headingLinkLabel: t('doc.sectionLink'),
  });
}

/** The article HTML of a page: rendered by the load threads (`SiteDoc.articles`), or here, once. */
export function articleHtml(page: ReaderPage): string {
  const made = page.siteDoc.articles?.[page.doc.locale];
  if (made !== undefined) return made;
  let html = articles.get(page.doc);
  if (html !== undefined) return html;
  const s = getSite();
  html = renderPageArticle(page.doc, page.siteDoc, s.registry, s.resources);
  articles.set(page.doc, html);
  return html;
}

export interface PageNavigation {
  sidebar: string;
  breadcrumbs: string;
  pagination: string;
}

/** Per tree: its pages in reading order (prev/next), computed once for all the pages showing it. */
const orders = new WeakMap<readonly TocItem[], TocItem[]>();
/** Per tree, and per UI language and English-or-not (what the sidebar's words and links depend on): its sidebars. */
const sidebars = new WeakMap<readonly TocItem[], Map<string, SidebarCache>>();
let localesOfDoc: Map<string, Set<string>> | undefined;
let englishTitles: Map<string, string> | undefined;
/** "English" in the page's language, for marking pages shown in English. */
const englishName = (code: string) => new Intl.DisplayNames([code], { type: 'language' }).of('en') ?? 'English';

/** The docs navigation of a reader page (sidebar, breadcrumbs, previous/next), or null when its site has no TOC for it. */
export function pageNavigation(page: ReaderPage): PageNavigation | null {
  const s = getSite();
  // The page's locale (a fallback page shows its locale's tree, with the English content).
  const locale = page.info.code;
  const items = tocFor(s.navigation, locale, page.siteDoc.docId);
  if (!items) return null;
  localesOfDoc ??= new Map(s.docs.map((d) => [d.docId, new Set([...(d.english ? [d.english.locale] : []), ...d.translations.map((t) => t.locale)])]));
  englishTitles ??= new Map(s.docs.flatMap((d) => (d.english ? [[d.docId, d.english.meta.title] as const] : [])));
  const isEnglish = page.doc === page.siteDoc.english && !page.fallback;
  // The English pages show the first locale's tree: pages by their English titles, groups as translated.
  const treeLocale = isEnglish ? (s.registry.find((l) => l.code !== locale && s.navigation.tocs[l.code] === s.navigation.tocs[locale])?.code ?? locale) : locale;
  const render: NavRender = {
    // Every page is there in every locale (a missing translation has its English fallback).
    hrefOf: (docId) => {
      const has = localesOfDoc!.get(docId);
      return has?.has(locale) || has?.has(SOURCE_LOCALE) ? pageHref(page.info.segment, docId) : null;
    },
    fallbackOf: (docId) => !localesOfDoc!.get(docId)?.has(locale),
    fallbackLabel: englishName(page.info.code),
    nameOf: (item) => {
      if (!isEnglish) return { text: item.name };
      const title = item.docId ? englishTitles!.get(item.docId) : undefined;
      if (title) return { text: title };
      return treeLocale === locale ? { text: item.name } : { text: item.name, lang: treeLocale };
    },
  };
  const { t } = translatorFor(page.info);
  const labels = { pages: t('nav.pages'), breadcrumbs: t('nav.breadcrumbs'), pagination: t('nav.pagination'), previous: t('nav.previous'), next: t('nav.next') };
  let order = orders.get(items);
  if (!order) orders.set(items, (order = pageOrder(items)));
  const place = placeOf(items, page.siteDoc.docId, order);
  let forTree = sidebars.get(items);
  if (!forTree) sidebars.set(items, (forTree = new Map()));
  // The render above depends on the page only through its locale and whether it is the English page.
  const seenAs = `${page.info.code}\u0000${page.info.segment}\u0000${isEnglish}`;
  let sidebar = forTree.get(seenAs);
  if (!sidebar) forTree.set(seenAs, (sidebar = new SidebarCache(items, render, labels)));
  return {
    sidebar: sidebar.html(page.siteDoc.docId),
    breadcrumbs: place ? breadcrumbsHtml(place, render, labels) : '',
    pagination: place ? paginationHtml(place, render, labels) : '',
  };
}
