/**
 * The one rule for a document's folder name, which becomes a URL segment (`/<lang>/<doc>/`) and a folder
 * of the output: URL-safe as it is (no `#`, `?`, `%`, spaces or dots that a server or browser would
 * read differently), and not a route the site has for itself. A name that breaks the rule is an error
 * naming the folder, never a page that silently does not exist. Pure.
 */

/** Routes under `/<lang>/` that belong to the site, not to documents. */
export const RESERVED_DOC_IDS: ReadonlySet<string> = new Set(['embed', 'translators', '404', 'index', 'pagefind', '_astro', 'search']);

const SLUG = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/i;

/** Why `name` cannot be a document folder, or null when it can. */
export function docIdProblem(name: string): string | null {
  if (RESERVED_DOC_IDS.has(name.toLowerCase())) return `"${name}" is a route of the site itself (${[...RESERVED_DOC_IDS].join(', ')} are reserved); rename the folder`;
  if (!SLUG.test(name)) return `"${name}" cannot be a URL segment: use letters, digits and single "-", "_" or "." between them`;
  return null;
}
