/**
 * The site's navigation from its DocFX projects' TOC files: each TOC read (bounded, never outside its
 * project), parsed (src/site/toc.ts) and resolved against the pages of its project, filed under the
 * locale of that project; and, for a page, the tree it shows (the nearest TOC, DocFX's rule).
 */
import { posix } from 'node:path';
import { VFile } from 'vfile';
import { isSourceLanguage, SOURCE_LOCALE, type LocaleInfo } from '../i18n/locales.ts';
import { report } from '../pipeline/diagnostics.ts';
import { readSourceFile, type SymlinkPolicy } from './safe-paths.ts';
import { parseTocMarkdown, parseTocYaml, resolveToc, type RawTocEntry, type TocItem } from './toc.ts';

/** A navigation file (TOC.md / TOC.yml) of a DocFX project. */
export interface TocSource {
  root: string;
  rel: string;
}

/** What the navigation needs of each source: its project, its page id, its locale. */
export interface NavigationEntry {
  root: string;
  docId: string;
  locale: string | null;
}

/** The sidebar trees of a site: per locale, one per TOC file (`dir` is its folder inside the project). */
export interface SiteNavigation {
  tocs: Record<string, { dir: string; items: TocItem[] }[]>;
}

/** Upper bound on a TOC file's size. */
const MAX_TOC_BYTES = 2 * 1024 * 1024;

/**
 * Every TOC of every project, resolved against that project's pages, filed under the project's locale
 * (the one its pages name). The English pages take the first locale's trees (their names are replaced
 * by the English titles where an entry is a page, when rendered).
 */
export function readNavigation(tocs: TocSource[], entries: readonly NavigationEntry[], registry: readonly LocaleInfo[], policy: SymlinkPolicy, files: VFile[], shown: (rel: string, root: string) => string): SiteNavigation {
  const navigation: SiteNavigation = { tocs: {} };
  if (tocs.length === 0) return navigation;
  // Pages of every locale: a page this project lacks is still there, as its English fallback.
  const pages = new Map(entries.map((e) => [e.docId.toLowerCase(), e.docId]));
  const byRoot = Map.groupBy(entries, (e) => e.root);
  for (const [root, list] of [...byRoot].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const counts = new Map<string, number>();
    // A project of English originals (no ms.contentlocale) is the English one.
    for (const e of list) {
      const locale = !e.locale || isSourceLanguage(e.locale) ? SOURCE_LOCALE : e.locale;
      counts.set(locale, (counts.get(locale) ?? 0) + 1);
    }
    const locale = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
    if (!locale) continue;
    const parsed = new Map<string, RawTocEntry[] | null>();
    const fileOf = new Map<string, VFile>();
    const readToc = (rel: string): RawTocEntry[] | null => {
      const key = rel.toLowerCase();
      if (parsed.has(key)) return parsed.get(key)!;
      const file = new VFile({ path: shown(rel, root) });
      fileOf.set(key, file);
      files.push(file);
      const read = readSourceFile(root, rel, policy, MAX_TOC_BYTES);
      let result: RawTocEntry[] | null = null;
      if (read.ok) {
        const text = read.bytes.toString('utf8').replace(/^\uFEFF/, '');
        if (/\.yml$/i.test(rel)) {
          const yaml = parseTocYaml(text);
          if ('problem' in yaml) report(file, 'warning', `${yaml.problem}; the pages under it have no sidebar`, yaml, 'toc-parse');
          else result = yaml.entries;
        } else result = parseTocMarkdown(text);
      } else if (read.ruleId !== 'not-found') report(file, 'warning', `${read.problem}; not read`, { line: 1, column: 1 }, read.ruleId);
      parsed.set(key, result);
      return result;
    };
    const trees: { dir: string; items: TocItem[] }[] = [];
    for (const toc of tocs.filter((t) => t.root === root)) {
      const raw = readToc(toc.rel);
      if (!raw) continue;
      const items = resolveToc(raw, { rel: toc.rel, pages, readToc, file: fileOf.get(toc.rel.toLowerCase())! });
      if (items.length > 0) trees.push({ dir: posix.dirname(toc.rel) === '.' ? '' : posix.dirname(toc.rel), items });
    }
    if (trees.length > 0) (navigation.tocs[locale] ??= []).push(...trees);
  }
  const first = registry.find((l) => navigation.tocs[l.code]);
  if (first && !navigation.tocs[SOURCE_LOCALE]) navigation.tocs[SOURCE_LOCALE] = navigation.tocs[first.code]!;
  return navigation;
}

/** The TOC tree a page of `locale` shows: the one nearest to the page's folder (DocFX's rule), or null. */
export function tocFor(navigation: SiteNavigation, locale: string, docId: string): TocItem[] | null {
  const trees = navigation.tocs[locale];
  if (!trees) return null;
  let best: { dir: string; items: TocItem[] } | null = null;
  for (const tree of trees) {
    const covers = tree.dir === '' || docId.startsWith(`${tree.dir}/`);
    if (covers && (!best || tree.dir.length > best.dir.length)) best = tree;
  }
  return best?.items ?? null;
}

