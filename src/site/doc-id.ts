/**
 * The one rule for a document's folder name, which becomes a URL segment (`/<lang>/<doc>/`) and a folder
 * of the output: URL-safe as it is (no `#`, `?`, `%`, spaces or dots that a server or browser would
 * read differently), and not a route the site has for itself. A name that breaks the rule is an error
 * naming the folder, never a page that silently does not exist. Pure.
 */

/** Routes under `/<lang>/` that belong to the site, not to documents. */
export const RESERVED_DOC_IDS: ReadonlySet<string> = new Set(['embed', 'translators', '404', 'index', 'pagefind', '_astro', 'search']);

const SLUG = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/i;

/**
 * Why `id` cannot be a document's id, or null when it can. An id is one URL segment (a document folder's
 * name) or, for a DocFX page, its path inside the project (`security/defender-endpoint/page`): every
 * segment URL-safe, the first not a route of the site.
 */
export function docIdProblem(id: string): string | null {
  const segments = id.split('/');
  const first = segments[0]!;
  if (RESERVED_DOC_IDS.has(first.toLowerCase())) return `"${first}" is a route of the site itself (${[...RESERVED_DOC_IDS].join(', ')} are reserved); rename the folder`;
  for (const segment of segments) {
    if (!SLUG.test(segment)) return `"${segment}"${segments.length > 1 ? ` (in "${id}")` : ''} cannot be a URL segment: use letters, digits and single "-", "_" or "." between them`;
  }
  return null;
}

/** A document id as one file name (for caches and downloads): the path's slashes spelled `--`, which no segment holds. */
export const flatDocId = (id: string) => id.replaceAll('/', '--');
