/**
 * The glob Pagefind reads the built site with: the reader pages (`<lang>/<doc id>/index.html`) and the
 * top-level pages, and not the translator pages beside them. `<lang>/translators/index.html` is as deep
 * as a one-folder document's page, and a dashboard of a large site is megabytes that Pagefind would
 * parse only to find nothing to index (on 500 documents, a fifth of its time); so the first folder of
 * each document id is named. A name with a character that globs treat specially is matched by `*`
 * instead (Pagefind then only reads more than it needs: a page without data-pagefind-body is never
 * indexed).
 */
const PLAIN = /^[\w.\- ]+$/u;

export function readerPageGlob(docIds: readonly string[]): string {
  const byDepth = new Map<number, Set<string>>();
  for (const id of docIds) {
    const parts = id.split('/');
    const firsts = byDepth.get(parts.length) ?? new Set<string>();
    firsts.add(PLAIN.test(parts[0]!) ? parts[0]! : '*');
    byDepth.set(parts.length, firsts);
  }
  const deep = [...byDepth.entries()]
    .sort(([a], [b]) => a - b)
    .map(([depth, firsts]) => {
      const first = firsts.has('*') ? '*' : firsts.size === 1 ? [...firsts][0]! : `{${[...firsts].sort().join(',')}}`;
      return `*/${first}/${'*/'.repeat(depth - 1)}index.html`;
    });
  return `{${['*.html', '*/index.html', ...deep].join(',')}}`;
}
