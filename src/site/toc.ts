/**
 * DocFX navigation: `TOC.md` (headings, `## [Name](page.md)`, nested by level) and `TOC.yml` (`items`
 * with `name`, `href`, nested `items`) as translated, read into one tree per TOC file, with each entry
 * resolved to a page of the site (by its path inside the project), an outside link, or a label.
 *
 * A page's navigation is the TOC nearest to it (in its folder, else the closest folder above), as DocFX
 * does; a TOC entry naming `other/TOC.md` (or a folder) takes that TOC's entries in its place. Entries
 * pointing at a file the site does not have are warned about at their line and shown as plain labels.
 * Bounded: TOC files are limited in size, entries and nesting, and a TOC including itself stops.
 */
import { posix } from 'node:path';
import type { Heading, Link, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { VFile } from 'vfile';
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode, type YAMLMap } from 'yaml';
import { report } from '../pipeline/diagnostics.ts';
import { schemeOf } from '../pipeline/link-targets.ts';

/** Entries in one TOC (after nested TOCs are taken in) and how deep it nests: past these it is cut with a warning. */
export const MAX_TOC_ENTRIES = 20_000;
export const MAX_TOC_DEPTH = 12;

/** One entry as written: its name, where it points (as written), its line, its children. */
export interface RawTocEntry {
  name: string;
  href: string | null;
  line: number;
  column: number;
  children: RawTocEntry[];
}

/** One entry of a page's navigation. */
export interface TocItem {
  name: string;
  /** A page of the site (its id), when the entry points at one. */
  docId?: string;
  /** Kept from the entry's link (`#section`), for a page entry. */
  hash?: string;
  /** An address outside the site. */
  url?: string;
  children: TocItem[];
}

const headingLink = (heading: Heading): Link | undefined => heading.children.find((c): c is Link => c.type === 'link');

/** The entries of a `TOC.md`: each heading one entry, nested by heading level. */
export function parseTocMarkdown(text: string): RawTocEntry[] {
  const tree = fromMarkdown(text) as Root;
  const roots: RawTocEntry[] = [];
  const stack: { depth: number; entry: RawTocEntry }[] = [];
  for (const node of tree.children) {
    if (node.type !== 'heading') continue;
    const link = headingLink(node);
    const name = toString(link ?? node).trim();
    const href = link ? link.url.trim() || null : null;
    const entry: RawTocEntry = { name, href, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1, children: [] };
    while (stack.length > 0 && stack.at(-1)!.depth >= node.depth) stack.pop();
    (stack.at(-1)?.entry.children ?? roots).push(entry);
    stack.push({ depth: node.depth, entry });
  }
  return roots;
}

/** The entries of a `TOC.yml` (a list of items, or `{ items: [...] }`), or a problem at a line. */
export function parseTocYaml(text: string): { entries: RawTocEntry[] } | { problem: string; line: number; column: number } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    const at = lines.linePos(error.pos[0]);
    return { problem: `TOC.yml does not parse: ${error.message.split('\n')[0]}`, line: at.line, column: at.col };
  }
  const place = (node: YamlNode | null | undefined) => lines.linePos(node?.range?.[0] ?? 0);
  const entriesOf = (seq: unknown): RawTocEntry[] => {
    if (!isSeq(seq)) return [];
    return seq.items.flatMap((item) => {
      if (!isMap(item)) return [];
      const map = item as YAMLMap;
      const get = (key: string) => {
        const value = map.get(key);
        return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
      };
      const at = place(map as YamlNode);
      return [{
        name: (get('name') ?? get('displayName') ?? '').trim(),
        href: (get('href') ?? get('topicHref'))?.trim() || null,
        line: at.line,
        column: at.col,
        children: entriesOf(map.get('items', true)),
      }];
    });
  };
  const contents = doc.contents;
  if (isMap(contents)) return { entries: entriesOf(contents.get('items', true)) };
  if (isSeq(contents)) return { entries: entriesOf(contents) };
  return { problem: 'TOC.yml holds no list of entries (items)', line: 1, column: 1 };
}

const isTocFile = (path: string) => /(^|\/)toc\.(md|yml)$/i.test(path);

export interface TocContext {
  /** Posix path of the TOC file inside its project. */
  rel: string;
  /** The project's pages by lower-cased path without extension → the page id. */
  pages: ReadonlyMap<string, string>;
  /** Reads another TOC of the same project (for an entry naming one): its entries, or null when it is not there. */
  readToc: (rel: string) => RawTocEntry[] | null;
  /** Where warnings about this TOC go (its path is the TOC file's). */
  file: VFile;
}

/**
 * The entries of a TOC resolved against the project's pages: page entries carry the page id, outside
 * links their URL, everything else is a label. Missing targets are warned about once each, at their line.
 */
export function resolveToc(entries: RawTocEntry[], context: TocContext): TocItem[] {
  let count = 0;
  let cut = false;
  const visit = (list: RawTocEntry[], fromRel: string, depth: number, stack: string[]): TocItem[] => {
    const out: TocItem[] = [];
    for (const entry of list) {
      if (count >= MAX_TOC_ENTRIES || depth > MAX_TOC_DEPTH) {
        if (!cut) report(context.file, 'warning', `the navigation has more than ${MAX_TOC_ENTRIES} entries or nests more than ${MAX_TOC_DEPTH} deep; the rest is left out`, entry, 'toc-limit');
        cut = true;
        break;
      }
      count += 1;
      const item: TocItem = { name: entry.name, children: [] };
      const href = entry.href;
      const fromHere = fromRel === context.rel;
      if (href && schemeOf(href) !== null) {
        if (/^https?$/.test(schemeOf(href)!)) item.url = href;
      } else if (href && !href.startsWith('#')) {
        const [path = '', hash] = href.split('#', 2);
        const target = posix.normalize(path.startsWith('/') ? path.slice(1) : posix.join(posix.dirname(fromRel), decodeSafe(path)));
        const outside = target === '..' || target.startsWith('../');
        if (outside) {
          if (fromHere) report(context.file, 'warning', `TOC entry "${entry.name}" points outside the project (${href}); shown without a link`, entry, 'toc-outside');
        } else if (isTocFile(target) || path.endsWith('/')) {
          const tocRel = path.endsWith('/') ? posix.join(target, 'TOC.md') : target;
          const nested = stack.includes(tocRel.toLowerCase()) ? null : context.readToc(tocRel);
          if (stack.includes(tocRel.toLowerCase())) report(context.file, 'warning', `TOC entry "${entry.name}" includes ${tocRel}, which includes this TOC again; not taken in twice`, entry, 'toc-cycle');
          else if (nested === null) report(context.file, 'warning', `TOC entry "${entry.name}" points at ${tocRel}, which is not there`, entry, 'toc-missing');
          else item.children.push(...visit(nested, tocRel, depth + 1, [...stack, tocRel.toLowerCase()]));
        } else {
          const id = context.pages.get(target.replace(/\.(md|txt)$/i, '').toLowerCase());
          if (id) {
            item.docId = id;
            if (hash) item.hash = hash;
          } else if (/\.(md|txt)$/i.test(target) && fromHere) {
            report(context.file, 'warning', `TOC entry "${entry.name}" points at ${href}, which is not a page of this site; shown without a link`, entry, 'toc-missing');
          }
        }
      }
      item.children.push(...visit(entry.children, fromRel, depth + 1, stack));
      if (item.name === '' && item.docId === undefined && item.url === undefined && item.children.length === 0) continue;
      out.push(item);
    }
    return out;
  };
  return visit(entries, context.rel, 0, [context.rel.toLowerCase()]);
}

function decodeSafe(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Where a page sits in a navigation tree: its ancestors (outermost first) and the pages before and after it. */
export interface PlaceInNav {
  trail: TocItem[];
  current: TocItem;
  previous: TocItem | null;
  next: TocItem | null;
}

/** The page entries of a tree in reading order, each page once (its first entry). */
export function pageOrder(items: readonly TocItem[]): TocItem[] {
  const seen = new Set<string>();
  const out: TocItem[] = [];
  const walk = (list: readonly TocItem[]) => {
    for (const item of list) {
      if (item.docId && !seen.has(item.docId)) {
        seen.add(item.docId);
        out.push(item);
      }
      walk(item.children);
    }
  };
  walk(items);
  return out;
}

/** The place of `docId` in `items` (its first entry), or null when the tree does not list it. */
export function placeOf(items: readonly TocItem[], docId: string, order: readonly TocItem[] = pageOrder(items)): PlaceInNav | null {
  const find = (list: readonly TocItem[], trail: TocItem[]): PlaceInNav | null => {
    for (const item of list) {
      if (item.docId === docId) {
        const at = order.findIndex((o) => o.docId === docId);
        return { trail, current: item, previous: order[at - 1] ?? null, next: order[at + 1] ?? null };
      }
      const inner = find(item.children, [...trail, item]);
      if (inner) return inner;
    }
    return null;
  };
  return find(items, []);
}
