/**
 * The ids and names the site itself uses on its pages (landmarks, the search dialog, the table of
 * contents, the translator workbench's controls and rows). A source's heading or anchor must never take
 * one: a second `id="main"` would steal the skip link's target, a `search-input` the dialog's label.
 * One home for the list; the pipeline renames a colliding id and says so. Pure.
 */

/** Exact ids the layouts, components and pages put on every page of their kind. */
export const SITE_IDS: ReadonlySet<string> = new Set([
  'main',
  'toc-title',
  'search-title',
  'search-input',
  // The reader page's builder section.
  'ua-builder-title',
  'all-findings',
  'hotspots',
  // The embed page's own sections.
  'api',
  'attributes',
  'code',
  'csp',
  'element',
  'events',
  'iframe',
  'live',
  'protocol',
  'theming',
]);

/** Prefixes of ids the translator pages derive from content (`row-<anchor>`, `finding-<id>`, `filter-…`). */
export const SITE_ID_PREFIXES: readonly string[] = ['row-', 'finding-', 'filter-'];

export function isSiteId(id: string): boolean {
  const lower = id.toLowerCase();
  return SITE_IDS.has(lower) || SITE_ID_PREFIXES.some((p) => lower.startsWith(p));
}
