/** The HTML pages of a built site (search index files aside). */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export function htmlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return name === 'pagefind' ? [] : htmlFiles(p);
      return name.endsWith('.html') ? [p] : [];
    });
}

/** The URL path of every page (`/`, `/ja/become-partner/`, `/404.html`), as a browser asks for it. */
export function pagePaths(dir: string): string[] {
  return htmlFiles(dir).map((file) => {
    const rel = relative(dir, file).split(sep).join('/');
    return rel === 'index.html' ? '/' : `/${rel.replace(/(^|\/)index\.html$/, '$1')}`;
  });
}
