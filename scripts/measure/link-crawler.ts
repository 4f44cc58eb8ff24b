/**
 * A crawler over the built files (no server): every internal `href`/`src` in every page must resolve to
 * a file, and every `#fragment` to an id (or `a[name]`) in the page it points to — cross-locale anchors
 * included. External URLs are listed, not fetched (there is no network here).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { htmlFiles } from './site-files.ts';

export interface BrokenLink {
  from: string;
  href: string;
  reason: string;
}

export interface CrawlResult {
  pages: number;
  internalLinks: number;
  fragments: number;
  external: number;
  broken: BrokenLink[];
}

const URL_ATTRS: Record<string, string[]> = { a: ['href'], link: ['href'], script: ['src'], img: ['src'], iframe: ['src'], source: ['src'] };

function walk(tree: Root | Element, visit: (el: Element) => void) {
  for (const child of tree.children) {
    if (child.type !== 'element') continue;
    visit(child);
    walk(child, visit);
    if (child.tagName === 'template' && child.content) walk(child.content as unknown as Root, visit);
  }
}

export function crawlLinks(distDir: string): CrawlResult {
  const files = htmlFiles(distDir);
  const parsed = new Map<string, Root>();
  const idsOf = new Map<string, Set<string>>();
  const parse = (file: string) => {
    let tree = parsed.get(file);
    if (!tree) {
      tree = fromHtml(readFileSync(file, 'utf8'));
      parsed.set(file, tree);
      const ids = new Set<string>();
      walk(tree, (el) => {
        if (typeof el.properties.id === 'string') ids.add(el.properties.id);
        if (el.tagName === 'a' && typeof el.properties.name === 'string') ids.add(el.properties.name);
      });
      idsOf.set(file, ids);
    }
    return tree;
  };
  const result: CrawlResult = { pages: files.length, internalLinks: 0, fragments: 0, external: 0, broken: [] };
  for (const file of files) {
    const from = `/${relative(distDir, file)}`;
    walk(parse(file), (el) => {
      for (const attr of URL_ATTRS[el.tagName] ?? []) {
        const value = el.properties[attr === 'href' ? 'href' : 'src'];
        if (typeof value !== 'string' || value === '') continue;
        if (/^(https?:)?\/\//i.test(value)) {
          result.external += 1;
          continue;
        }
        if (/^(mailto|tel|data|javascript):/i.test(value)) continue;
        const [pathPart, fragment] = value.split('#', 2) as [string, string | undefined];
        const path = pathPart.split('?')[0]!;
        let target = file;
        if (path !== '') {
          result.internalLinks += 1;
          const resolved = path.startsWith('/') ? join(distDir, decodeURIComponent(path)) : join(dirname(file), decodeURIComponent(path));
          target = existsSync(resolved) && statSync(resolved).isDirectory() ? join(resolved, 'index.html') : resolved;
          if (!existsSync(target)) {
            result.broken.push({ from, href: value, reason: 'no such file' });
            continue;
          }
        }
        // `#check=…&severity=…` is page state (the translator pages keep filters there), not an anchor.
        if (fragment && !fragment.includes('=') && target.endsWith('.html')) {
          result.fragments += 1;
          parse(target);
          if (!idsOf.get(target)!.has(decodeURIComponent(fragment))) result.broken.push({ from, href: value, reason: `no id "${fragment}" in ${relative(distDir, target)}` });
        }
      }
    });
  }
  return result;
}
