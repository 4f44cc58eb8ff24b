/**
 * The I/O edge of the product: reads `content/` (sources, includes, site.json) and `locales/`, runs the
 * pipeline over every page in every locale, rebuilds the English, and returns the whole site as data.
 *
 * The site build, the CLIs and the browser tests all start here, so a source that fails here fails
 * everywhere with the same message. Locales come from the files (`ms.contentlocale`), never from a
 * list in code.
 */
import { existsSync, readdirSync, type Dirent } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { VFile } from 'vfile';
import { z } from 'zod';
import { buildRegistry, SOURCE_LOCALE, type LocaleInfo } from '../i18n/locales.ts';
import { loadResources, type Resources } from '../i18n/resources.ts';
import { createTranslator, hasUiStrings, pipelineStrings } from '../i18n/translator.ts';
import { report } from '../pipeline/diagnostics.ts';
import { linkTextsIn } from '../pipeline/link-repair.ts';
import type { LocalizedDoc } from '../pipeline/localized-doc.ts';
import { hasSpanPairs } from '../pipeline/mt-spans.ts';
import { normalizeBytes, type NormalizeOptions } from '../pipeline/processor.ts';
import { rebuildEnglish, type Agreement } from '../pipeline/rebuild-english.ts';
import { frontMatterLocale } from '../pipeline/front-matter.ts';
import { docIdProblem } from './doc-id.ts';
import { decodeSource } from '../pipeline/decode-source.ts';
import { checkSourcePath, readSourceFile, type SymlinkPolicy } from './safe-paths.ts';

const siteConfigSchema = z.object({
  siteUrl: z.url(),
  upstream: z.object({ base: z.string().includes('{locale}') }),
  docs: z.record(z.string(), z.object({ upstreamPath: z.string().optional() })).default({}),
  /** Publish the translator workbench (/<lang>/translators/) with the site; a reader-only site turns it off. */
  translatorPages: z.boolean().default(true),
  /**
   * Follow symbolic links among the sources and includes when their target stays inside the content
   * folder. Off by default: a hand-off is data from outside, and a link in it is refused with a message.
   */
  followSymlinks: z.boolean().default(false),
});
export type SiteConfig = z.output<typeof siteConfigSchema>;

export interface SiteDoc {
  docId: string;
  /** The received translations, in registry order. */
  translations: LocalizedDoc[];
  /** The English rebuilt from the span pairs, when any translation has them. */
  english: LocalizedDoc | null;
  agreement: Agreement[];
  /** For each span-wrapped translation, its own English side (same blocks, same keys). */
  englishSides: Record<string, LocalizedDoc>;
  /** Each translation's source as read and decoded (by locale): later stages never read the file again. */
  sourceTexts: Record<string, string>;
  /**
   * Each page's article HTML (by locale, the English included), where the load threads rendered it; the
   * pages' trees are then left out (`tree` is an empty root), as nothing after the load reads them.
   */
  articles?: Record<string, string>;
}

export interface LoadedSite {
  config: SiteConfig;
  registry: LocaleInfo[];
  resources: Resources;
  docs: SiteDoc[];
  /** One VFile per source read, plus `site` for site-wide problems; each carries its diagnostics. */
  files: VFile[];
  ok: boolean;
}

export interface LoadOptions {
  /** Folder holding `source/`, `includes/` and `site.json`. */
  contentDir?: string;
  localesDir?: string;
  /** Paths in diagnostics are shown relative to this folder. */
  cwd?: string;
  /**
   * Instead of `contentDir/source/`, this one folder holding one page in several locales (`*.md`, any
   * names): the site is that one document, named after the folder. site.json and includes still come
   * from `contentDir`.
   */
  pageDir?: string;
  /** Told after each document is loaded (progress of a long build). */
  onProgress?: (done: number, total: number) => void;
}

/** Resolved from the working directory: bundled page code cannot rely on its own location. */
export const contentDirDefault = () => process.env.MT_DOCS_CONTENT ?? join(process.cwd(), 'content');

function readConfig(contentDir: string, file: VFile): SiteConfig | null {
  const path = join(contentDir, 'site.json');
  let json: unknown = {};
  // Read like a source (a regular file, no symlink): site.json arrives with the content.
  const read = readSourceFile(contentDir, 'site.json');
  if (!read.ok && read.ruleId !== 'not-found') {
    report(file, 'error', `${path}: ${read.problem}`, undefined, 'site-config');
    return null;
  }
  if (read.ok) {
    try {
      json = JSON.parse(read.bytes.toString('utf8'));
    } catch (error) {
      report(file, 'error', `${path}: not valid JSON: ${(error as Error).message}`, undefined, 'site-config');
      return null;
    }
  }
  const parsed = siteConfigSchema.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) report(file, 'error', `${path}: ${issue.path.join('.')}: ${issue.message}`, undefined, 'site-config');
    return null;
  }
  return parsed.data;
}

/**
 * Pipeline options for one page of the site in one locale: its localised strings, where its relative
 * links resolve upstream, which upstream pages are in the site, where includes come from.
 */
export function normalizeOptionsFor(args: {
  config: SiteConfig;
  resources: Resources;
  contentDir: string;
  docId: string;
  locale: string | null;
  segmentOf: Map<string, string>;
  docIds: string[];
}): NormalizeOptions {
  const { config, resources, contentDir, docId, locale, segmentOf, docIds } = args;
  const upstreamPath = config.docs[docId]?.upstreamPath ?? `${docId}.md`;
  const upstreamDir = upstreamPath.includes('/') ? upstreamPath.slice(0, upstreamPath.lastIndexOf('/') + 1) : '';
  const segment = segmentOf.get(locale ?? SOURCE_LOCALE) ?? new Intl.Locale(locale ?? SOURCE_LOCALE).language;
  const translator = createTranslator(new Intl.Locale(locale ?? SOURCE_LOCALE).language, resources);
  return {
    path: '',
    docId,
    strings: pipelineStrings(translator),
    upstream: { base: config.upstream.base, dir: upstreamDir },
    sitePages: Object.fromEntries(docIds.map((id) => [basename(config.docs[id]?.upstreamPath ?? `${id}.md`), `/${segment}/${id}/`])),
    resolveInclude: (path) => readInclude(contentDir, path, config),
  };
}

/**
 * An include's text: looked up by file name in `content/includes/`, read only when it is a regular file
 * inside that folder (no `..`, no symlink out, no FIFO); otherwise the reason, for the include's notice.
 */
export function readInclude(contentDir: string, path: string, policy: SymlinkPolicy): string | { problem: string } | null {
  const name = basename(path.split(/[?#]/)[0]!.replace(/\\/g, '/'));
  if (name === '' || name === '.' || name === '..') return { problem: `"${path}" names no file` };
  const read = readSourceFile(contentDir, join('includes', name), policy);
  if (!read.ok) return read.ruleId === 'not-found' ? null : { problem: read.problem };
  const decoded = decodeSource(read.bytes, name);
  return decoded.text ?? { problem: decoded.file.messages[0]?.reason ?? 'cannot be decoded' };
}

/** The site configuration, or null with errors reported on `file`. */
export function loadSiteConfig(contentDir: string, file: VFile): SiteConfig | null {
  return readConfig(contentDir, file);
}

/**
 * The locales of the sources under `contentDir`, read from their front matter (the same reading as the
 * page's) without parsing the Markdown: for configuration that runs before the site is loaded (the
 * sitemap's hreflang map). Skips, silently, what `loadSite` reports.
 */
export function scanLocales(contentDir = contentDirDefault(), policy: SymlinkPolicy = {}): string[] {
  const codes = new Set<string>();
  for (const found of discoverSources(contentDir, policy).sources) {
    const read = readSource(found, policy);
    const code = read.ok ? frontMatterLocale(read.bytes.toString('utf8')) : null;
    if (code) codes.add(code);
  }
  return [...codes];
}

/** Read refusals that mean "not a source" (a FIFO, a folder named `x.md`, a symlink): skipped with a warning. */
const NOT_A_SOURCE = new Set(['not-regular-file', 'symlink-refused']);

/** A discovered source's bytes, or how to report it: skipped (warning) or unreadable (error). */
function readSource(found: DiscoveredSource, policy: SymlinkPolicy) {
  const read = readSourceFile(found.root, found.rel, policy);
  if (read.ok) return read;
  const skip = NOT_A_SOURCE.has(read.ruleId);
  return { ...read, problem: skip ? `${read.problem}; skipped` : read.problem, severity: skip ? ('warning' as const) : ('error' as const) };
}

export interface DiscoveredSource {
  docId: string;
  /** The folder the source must stay inside (the content folder, or the page folder). */
  root: string;
  /** Path relative to `root`. */
  rel: string;
}

export interface SkippedEntry {
  /** Path relative to the content folder. */
  rel: string;
  problem: string;
  ruleId: string;
  severity: 'error' | 'warning';
}

/**
 * What `content/source/` holds: a folder per document, a `*.md` per locale. Only real folders count
 * (symlinked ones only under `followSymlinks`, inside the content folder); every folder left out is
 * said, with the reason. Each `*.md` is checked when it is read (`readSource`), not twice.
 */
export function discoverSources(contentDir: string, policy: SymlinkPolicy, pageDir?: string): { sources: DiscoveredSource[]; skipped: SkippedEntry[] } {
  const sources: DiscoveredSource[] = [];
  const skipped: SkippedEntry[] = [];
  const list = (rel: string, root = contentDir): Dirent[] => {
    try {
      return readdirSync(join(root, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (error) {
      skipped.push({ rel, problem: `cannot list the folder (${(error as NodeJS.ErrnoException).code})`, ruleId: 'read-error', severity: 'error' });
      return [];
    }
  };
  if (pageDir) {
    // Not published, so any folder name will do.
    const docId = basename(resolve(pageDir));
    for (const entry of list('.', pageDir).filter((e) => e.name.endsWith('.md'))) sources.push({ docId, root: pageDir, rel: entry.name });
    return { sources, skipped };
  }
  if (!existsSync(join(contentDir, 'source'))) return { sources, skipped };
  for (const doc of list('source')) {
    const docRel = join('source', doc.name);
    const dir = checkSourcePath(contentDir, docRel, policy, 'dir');
    if (!dir.ok) {
      // A stray file beside the document folders is not a document; anything else is said.
      if (!(dir.ruleId === 'not-regular-file' && doc.isFile())) skipped.push({ rel: docRel, problem: dir.problem, ruleId: dir.ruleId, severity: 'warning' });
      continue;
    }
    const bad = docIdProblem(doc.name);
    if (bad) {
      skipped.push({ rel: docRel, problem: `document folder ${bad}`, ruleId: 'doc-id-invalid', severity: 'error' });
      continue;
    }
    for (const entry of list(docRel).filter((e) => e.name.endsWith('.md'))) sources.push({ docId: doc.name, root: contentDir, rel: join(docRel, entry.name) });
  }
  return { sources, skipped };
}

export interface SourceEntry {
  docId: string;
  path: string;
  shownPath: string;
  bytes: Uint8Array;
  text: string;
  locale: string | null;
}

/** What every document of a site is loaded with: the same for all, so a worker thread can be given it once. */
export interface DocumentContext {
  config: SiteConfig;
  resources: Resources;
  contentDir: string;
  registry: LocaleInfo[];
  docIds: string[];
}

/** Pass 1: the configuration, the locales and every source read, or a site that failed already. */
export interface PreparedSite {
  context: DocumentContext;
  /** The site's own file and what could not be read, before any document's files. */
  files: VFile[];
  /** The sources of each document, in document order. */
  documents: { docId: string; entries: SourceEntry[] }[];
}

export function prepareSite(options: LoadOptions = {}): PreparedSite | LoadedSite {
  const contentDir = options.contentDir ?? contentDirDefault();
  const cwd = options.cwd ?? process.cwd();
  const siteFile = new VFile({ path: join(contentDir, 'site.json') });
  const resources = loadResources(options.localesDir);
  const config = readConfig(contentDir, siteFile);
  const files: VFile[] = [siteFile];
  const sourceDir = options.pageDir ?? join(contentDir, 'source');
  if (!existsSync(sourceDir)) report(siteFile, 'error', `no source folder: ${sourceDir}`, undefined, 'site-config');
  if (!config || !existsSync(sourceDir)) return { config: config!, registry: buildRegistry([]), resources, docs: [], files, ok: false };

  // Pass 1: what is there, and in which locales (the registry and the site's URLs depend on it).
  const entries: SourceEntry[] = [];
  const shown = (rel: string, root = options.pageDir ?? contentDir) => relative(cwd, join(root, rel)) || join(root, rel);
  const discovered = discoverSources(contentDir, config, options.pageDir);
  for (const skip of discovered.skipped) {
    const file = new VFile({ path: shown(skip.rel) });
    report(file, skip.severity, skip.problem, { line: 1, column: 1 }, skip.ruleId);
    files.push(file);
  }
  for (const found of discovered.sources) {
    const { docId, root, rel } = found;
    const path = resolve(root, rel);
    const read = readSource(found, config);
    if (!read.ok) {
      const file = new VFile({ path: shown(rel, root) });
      report(file, read.severity, read.problem, { line: 1, column: 1 }, read.ruleId);
      files.push(file);
      continue;
    }
    const text = read.bytes.toString('utf8');
    entries.push({ docId, path, shownPath: shown(rel, root), bytes: read.bytes, text, locale: frontMatterLocale(text) });
  }
  const registry = buildRegistry(entries.flatMap((e) => (e.locale ? [e.locale] : [])));
  for (const info of registry) {
    if (!hasUiStrings(info.lang, resources)) {
      report(siteFile, 'warning', `locale ${info.code} has no UI strings in locales/${info.lang}/: its pages use the English UI`, undefined, 'ui-strings-missing');
    }
  }
  const docIds = [...new Set(entries.map((e) => e.docId))];
  const byDoc = Map.groupBy(entries, (e) => e.docId);
  return {
    context: { config, resources, contentDir, registry, docIds },
    files,
    documents: docIds.map((docId) => ({ docId, entries: byDoc.get(docId)! })),
  };
}

export const isPrepared = (p: PreparedSite | LoadedSite): p is PreparedSite => 'context' in p;

/** One document in all its locales, with the English rebuilt: pure given its sources (a worker thread runs this). */
export function loadDocument(context: DocumentContext, docId: string, mine: SourceEntry[]): { siteDoc: SiteDoc; files: VFile[] } {
  const { config, resources, contentDir, registry, docIds } = context;
  const segmentOf = new Map(registry.map((l) => [l.code, l.segment]));
  const files: VFile[] = [];
  const optionsFor = (locale: string | null) => normalizeOptionsFor({ config, resources, contentDir, docId, locale, segmentOf, docIds });
  const fileOf = new Map<string, VFile>();
  // The text each page was parsed from (decoded once, by normalizeBytes), for the later stages.
  const decodedText = new Map<LocalizedDoc, string>();
  const normalize = (e: SourceEntry, extra: Partial<NormalizeOptions> = {}) => {
    const result = normalizeBytes(e.bytes, { ...optionsFor(e.locale), ...extra, path: e.shownPath });
    files.push(result.file);
    fileOf.set(e.shownPath, result.file);
    if (result.doc) decodedText.set(result.doc, String(result.file.value));
    return result.doc;
  };
  // Span-wrapped files first: they carry the English that the others' repairs may need.
  const spanDocs = mine.filter((e) => hasSpanPairs(e.text)).map((e) => ({ e, doc: normalize(e) }));
  const english = rebuildEnglish(
    spanDocs.flatMap(({ e, doc }) => (doc ? [{ path: e.shownPath, text: decodedText.get(doc)!, doc }] : [])),
    { ...optionsFor(SOURCE_LOCALE), fallbackLocale: SOURCE_LOCALE },
  );
  if (english) files.push(english.file);
  const englishLinks = english?.doc ? linkTextsIn(english.doc.segments.map((s) => s.source ?? '').join('\n')) : new Map<string, string>();
  const plainDocs = mine.filter((e) => !hasSpanPairs(e.text)).map((e) => ({ e, doc: normalize(e, { englishLinkText: (url) => englishLinks.get(url) }) }));

  const translations: LocalizedDoc[] = [];
  const seen = new Map<string, string>();
  for (const { e, doc } of [...spanDocs, ...plainDocs]) {
    if (!doc) continue;
    const file = fileOf.get(e.shownPath)!;
    const stem = basename(e.path, '.md');
    if (stem.toLowerCase() !== doc.locale.toLowerCase()) {
      report(file, 'warning', `file name "${stem}" does not match ms.contentlocale "${doc.locale}"; the locale is taken from ms.contentlocale`, { line: 1, column: 1 }, 'locale-file-name');
    }
    const other = seen.get(doc.locale);
    if (other) {
      report(file, 'error', `a second source for ${docId} in ${doc.locale} (the first is ${other})`, { line: 1, column: 1 }, 'locale-duplicate');
      continue;
    }
    seen.set(doc.locale, e.shownPath);
    translations.push(doc);
  }
  const order = new Map(registry.map((l, i) => [l.code, i]));
  translations.sort((a, b) => (order.get(a.locale) ?? 0) - (order.get(b.locale) ?? 0));
  const sourceTexts = Object.fromEntries(translations.map((doc) => [doc.locale, decodedText.get(doc)!]));
  return {
    siteDoc: { docId, translations, english: english?.doc ?? null, agreement: english?.agreement ?? [], englishSides: english?.sides ?? {}, sourceTexts },
    files,
  };
}

/** The site assembled from its documents, in document order (whoever loaded them). */
export function assembleSite(prepared: PreparedSite, loaded: { siteDoc: SiteDoc; files: VFile[] }[]): LoadedSite {
  const files = [...prepared.files, ...loaded.flatMap((l) => l.files)];
  const ok = files.every((f) => !f.messages.some((m) => m.fatal === true));
  const { config, registry, resources } = prepared.context;
  return { config, registry, resources, docs: loaded.map((l) => l.siteDoc), files, ok };
}

export function loadSite(options: LoadOptions = {}): LoadedSite {
  const prepared = prepareSite(options);
  if (!isPrepared(prepared)) return prepared;
  const loaded = prepared.documents.map(({ docId, entries }, i) => {
    const result = loadDocument(prepared.context, docId, entries);
    options.onProgress?.(i + 1, prepared.documents.length);
    return result;
  });
  return assembleSite(prepared, loaded);
}
