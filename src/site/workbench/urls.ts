/**
 * Where the translator workbench's pages and files are, and the ids their deep links aim at. Every page
 * links with these functions only, so a URL is spelled in one place.
 *
 * Per document and UI language there are three pages, whatever the number of locales: the workbench
 * (`/<lang>/translators/<doc>/`: the aligned grid, and any two of its columns as a pair), the findings
 * and the term matrix. Downloads are language-neutral, once per document under `/translators/<doc>/`.
 */

export type WorkbenchView = 'workbench' | 'findings' | 'terms';
export const WORKBENCH_VIEWS: readonly WorkbenchView[] = ['workbench', 'findings', 'terms'];

export const dashboardHref = (lang: string) => `/${lang}/translators/`;
export const workbenchHref = (lang: string, docId: string) => `/${lang}/translators/${docId}/`;
export const findingsHref = (lang: string, docId: string) => `/${lang}/translators/${docId}/findings/`;
export const termsHref = (lang: string, docId: string) => `/${lang}/translators/${docId}/terms/`;
export const viewHref = (view: WorkbenchView, lang: string, docId: string) =>
  view === 'workbench' ? workbenchHref(lang, docId) : view === 'findings' ? findingsHref(lang, docId) : termsHref(lang, docId);
/** The workbench showing columns `a` and `b` side by side (fragment state, see src/client/qa-workbench.ts). */
export const pairHref = (lang: string, docId: string, a: string, b: string) => `${workbenchHref(lang, docId)}#${pairFragment(a, b)}`;
export const pairFragment = (a: string, b: string) => `a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`;
/** Language-neutral downloads (findings, XLIFF, TMX) sit once per document under /translators/<doc>/. */
export const downloadHref = (docId: string, name: string) => `/translators/${docId}/${name}`;

/** Site-relative file of a page (`ja/translators/doc/findings/index.html`). */
export const viewFile = (view: WorkbenchView, lang: string, docId: string) => `${viewHref(view, lang, docId).slice(1)}index.html`;

/**
 * Links between the views of one document, relative to the page (the same from every UI language, so
 * the views' shared markup can carry them, and they work opened from disk).
 */
export function relativeHref(from: WorkbenchView, to: WorkbenchView | { download: string }, docId: string): string {
  const up = from === 'workbench' ? '' : '../';
  if (typeof to === 'object') return `${up}../../../translators/${docId}/${to.download}`;
  return `${up}${to === 'workbench' ? '' : `${to}/`}index.html`;
}

/** Id of a grid cell, the target of every finding's deep link. */
export const cellId = (locale: string, blockKey: string) => `cell-${locale}-${blockKey}`;
/** Id of a locale's column header, the target of findings about a whole file. */
export const columnId = (locale: string) => `col-${locale}`;
export const rowId = (blockKey: string) => `row-${blockKey}`;
