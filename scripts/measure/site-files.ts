/** The HTML pages of a built site (search index files aside). */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function htmlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return name === 'pagefind' ? [] : htmlFiles(p);
      return name.endsWith('.html') ? [p] : [];
    });
}
