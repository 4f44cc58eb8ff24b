/**
 * The I/O edge of the product: reads `content/` (sources, includes, site.json) and `locales/`, runs the
 * pipeline over every page in every locale, rebuilds the English, and returns the whole site as data.
 *
 * The site build, the CLIs and the browser tests all start here, so a source that fails here fails
 * everywhere with the same message. Locales come from the files (`ms.contentlocale`), never from a
 * list in code.
 */
import { existsSync, readdirSync, type Dirent } from 'node:fs';
import { basename, join, posix, relative, resolve } from 'node:path';
import { VFile } from 'vfile';
import { buildRegistry, isSourceLanguage, SOURCE_LOCALE, type LocaleInfo } from '../i18n/locales.ts';
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
import { checkSourcePath, isInside, readSourceFile, type SymlinkPolicy } from './safe-paths.ts';
import { applySiteTitle, CONFIG_FILE, configPath, docfxProjects, readConfig, type SiteConfig } from './config.ts';
import { projectFiles, readDocfxProject } from './docfx.ts';
import { readNavigation, type SiteNavigation, type TocSource } from './navigation.ts';
import { readRedirects, type Redirect } from './redirects.ts';

export { tocFor, type SiteNavigation } from './navigation.ts';

export type { SiteConfig } from './config.ts';

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
  /** The image files the pages show (site path → file in the sources), for the build to copy. */
  assets?: Record<string, string>;
}

export interface LoadedSite {
  config: SiteConfig;
  registry: LocaleInfo[];
  resources: Resources;
  docs: SiteDoc[];
  /** One VFile per source read, plus `site` for site-wide problems; each carries its diagnostics. */
  files: VFile[];
  ok: boolean;
  /** The sidebar trees, from the sources' TOC files. */
  navigation: SiteNavigation;
  /** Pages that moved (a DocFX repo's .openpublishing.redirection.json). */
  redirects: Redirect[];
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

/** Where a source sits, for the includes it names. */
export interface SourcePlace {
  /** The folder the source and its includes must stay inside (the content folder, or a DocFX project). */
  root: string;
  /** The source's path inside `root` (posix separators). */
  rel: string;
  /**
   * `relative`: includes are resolved from the source's own folder, inside `root` (DocFX projects);
   * `by-name`: looked up by file name in the content folder's `includes/`.
   */
  includes: 'relative' | 'by-name';
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
  source?: SourcePlace;
  /** Where the images a page uses are recorded (site path → file), for the build to copy. */
  assets?: Map<string, string>;
}): NormalizeOptions {
  const { config, resources, contentDir, docId, locale, segmentOf, docIds, source, assets } = args;
  const upstreamPath = config.docs[docId]?.upstreamPath ?? `${docId}.md`;
  const upstreamDir = upstreamPath.includes('/') ? upstreamPath.slice(0, upstreamPath.lastIndexOf('/') + 1) : '';
  const segment = segmentOf.get(locale ?? SOURCE_LOCALE) ?? new Intl.Locale(locale ?? SOURCE_LOCALE).language;
  const translator = createTranslator(new Intl.Locale(locale ?? SOURCE_LOCALE).language, resources);
  // DocFX pages keep their upstream folders: links to them resolve by path, not by file name.
  const byPath = docfxProjects(config) !== null;
  return {
    path: '',
    docId,
    strings: pipelineStrings(translator),
    upstream: { base: config.upstream.base, dir: upstreamDir },
    sitePages: sitePagesFor(config, docIds, segment, byPath),
    resolveInclude:
      source?.includes === 'relative'
        ? (path, from) => readRelativeInclude(source.root, from ?? source.rel, path, config)
        : (path) => readInclude(contentDir, path, config),
    // A DocFX project holds its images: they are copied into the site; one it lacks is said.
    localImage: source?.includes === 'relative' ? (path, from) => projectImage(source.root, from ?? source.rel, path, segment, config, assets) : undefined,
  };
}

/** Image files a page may show from its project. */
const IMAGE_FILE = /\.(png|jpe?g|gif|svg|webp|avif)$/i;

/**
 * An image of a DocFX project, resolved from the file that shows it: its site URL
 * (`/media/<lang>/<path in the project>`, recorded in `assets` for the build to copy), `missing` when the
 * project does not have it, null when it is no image file of the project (outside it, or not an image).
 */
export function projectImage(root: string, fromRel: string, path: string, segment: string, policy: SymlinkPolicy, assets?: Map<string, string>): string | { missing: true } | null {
  let clean: string;
  try {
    clean = decodeURIComponent(path.replace(/\\/g, '/'));
  } catch {
    return null;
  }
  const rel = posix.normalize(posix.join(posix.dirname(fromRel), clean));
  if (rel === '..' || rel.startsWith('../') || !IMAGE_FILE.test(rel)) return null;
  const checked = checkSourcePath(root, rel, policy);
  if (!checked.ok) return { missing: true };
  const href = `/media/${segment}/${rel.split('/').map(encodeURIComponent).join('/')}`;
  assets?.set(`media/${segment}/${rel}`, checked.path);
  return href;
}

/** One page table per (site, locale): a thousand-page site would otherwise build it per page. */
const sitePagesMemo = new WeakMap<string[], Map<string, Record<string, string>>>();
function sitePagesFor(config: SiteConfig, docIds: string[], segment: string, byPath: boolean): Record<string, string> {
  let perSegment = sitePagesMemo.get(docIds);
  if (!perSegment) sitePagesMemo.set(docIds, (perSegment = new Map()));
  let pages = perSegment.get(segment);
  if (!pages) {
    pages = Object.fromEntries(
      docIds.map((id) => {
        const upstream = config.docs[id]?.upstreamPath ?? `${id}.md`;
        return [(byPath ? upstream : basename(upstream)).toLowerCase(), `/${segment}/${id}/`];
      }),
    );
    perSegment.set(segment, pages);
  }
  return pages;
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

/**
 * An include of a DocFX project: `path` resolved from the folder of `fromRel` (the including file, or
 * the include that includes it), read only inside `root` (no `..` out of it, no symlink out, no FIFO).
 */
export function readRelativeInclude(root: string, fromRel: string, path: string, policy: SymlinkPolicy): { text: string; id: string } | { problem: string } | null {
  const clean = path.split(/[?#]/)[0]!.replace(/\\/g, '/').trim();
  if (clean === '' || clean.endsWith('/') || clean === '.' || clean === '..') return { problem: `"${path}" names no file` };
  const id = posix.normalize(clean.startsWith('/') ? clean.slice(1) : posix.join(posix.dirname(fromRel), clean));
  if (id === '..' || id.startsWith('../')) return { problem: `"${path}" resolves outside the project ${root}; includes are read only inside it` };
  const read = readSourceFile(root, id, policy);
  if (!read.ok) return read.ruleId === 'not-found' ? null : { problem: read.problem };
  const decoded = decodeSource(read.bytes, id);
  return decoded.text != null ? { text: decoded.text, id } : { problem: decoded.file.messages[0]?.reason ?? 'cannot be decoded' };
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
export function scanLocales(contentDir = contentDirDefault()): string[] {
  const config = readConfig(contentDir);
  if (!config) return [];
  const codes = new Set<string>();
  for (const found of discover(contentDir, config, new VFile()).sources) {
    const read = readSource(found, config);
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

export interface DiscoveredSource extends SourcePlace {
  docId: string;
}

export interface SkippedEntry {
  /** Where it is: a folder and a path inside it. */
  root: string;
  rel: string;
  problem: string;
  ruleId: string;
  severity: 'error' | 'warning';
}

export interface Discovered {
  sources: DiscoveredSource[];
  skipped: SkippedEntry[];
  tocs: TocSource[];
  /** Each DocFX project's docfx.json, with what is wrong in it. */
  projectFiles: VFile[];
}

const sortedEntries = (dir: string, rel: string, root: string, skipped: SkippedEntry[]): Dirent[] => {
  try {
    return readdirSync(join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    skipped.push({ root, rel, problem: `cannot list the folder (${(error as NodeJS.ErrnoException).code})`, ruleId: 'read-error', severity: 'error' });
    return [];
  }
};

/**
 * What the configured sources hold. Folders layout: a folder per document, a `*.md` per locale; only
 * real folders count (symlinked ones only under `followSymlinks`, inside the content folder); every
 * folder left out is said, with the reason. DocFX layout: each project's pages by docfx.json. Each
 * source is checked when it is read (`readSource`), not twice.
 */
export function discover(contentDir: string, config: SiteConfig, siteFile: VFile, pageDir?: string, show: (path: string) => string = (p) => p): Discovered {
  const out: Discovered = { sources: [], skipped: [], tocs: [], projectFiles: [] };
  if (pageDir) {
    // Not published, so any folder name will do.
    const docId = basename(resolve(pageDir));
    for (const entry of sortedEntries(pageDir, '.', pageDir, out.skipped).filter((e) => e.name.endsWith('.md'))) {
      out.sources.push({ docId, root: pageDir, rel: entry.name, includes: 'by-name' });
    }
    return out;
  }
  if ('docfx' in config.sources) {
    for (const folder of config.sources.docfx) {
      const root = configPath(contentDir, folder);
      const projectFile = new VFile({ path: show(join(root, 'docfx.json')) });
      out.projectFiles.push(projectFile);
      const project = readDocfxProject(root, siteFile, config, projectFile);
      if (!project) continue;
      const files = projectFiles(project, config);
      for (const skip of files.skipped) out.skipped.push({ root, ...skip, severity: skip.ruleId === 'project-limit' ? 'error' : 'warning' });
      for (const rel of files.otherContent) {
        out.skipped.push({ root, rel, problem: 'a YAML page (a landing page or FAQ), not Markdown: not built', ruleId: 'yaml-page-skipped', severity: 'warning' });
      }
      for (const page of files.pages) {
        const bad = docIdProblem(page.docId);
        if (bad) out.skipped.push({ root, rel: page.rel, problem: `page path ${bad}`, ruleId: 'doc-id-invalid', severity: 'error' });
        else out.sources.push({ docId: page.docId, root, rel: page.rel, includes: 'relative' });
      }
      out.tocs.push(...files.tocs.map((rel) => ({ root, rel })));
    }
    return out;
  }
  const sourceDir = configPath(contentDir, config.sources.folders);
  if (!existsSync(sourceDir)) {
    report(siteFile, 'error', `no source folder: ${sourceDir} (sources.folders)`, undefined, 'site-config');
    return out;
  }
  // Inside the content folder, sources are held to it (the symlink rule); elsewhere, to their own folder.
  const root = isInside(contentDir, sourceDir) ? contentDir : sourceDir;
  const base = relative(root, sourceDir);
  for (const doc of sortedEntries(root, base, root, out.skipped)) {
    const docRel = join(base, doc.name);
    const dir = checkSourcePath(root, docRel, config, 'dir');
    if (!dir.ok) {
      // A stray file beside the document folders is not a document; anything else is said.
      if (!(dir.ruleId === 'not-regular-file' && doc.isFile())) out.skipped.push({ root, rel: docRel, problem: dir.problem, ruleId: dir.ruleId, severity: 'warning' });
      continue;
    }
    const bad = docIdProblem(doc.name);
    if (bad) {
      out.skipped.push({ root, rel: docRel, problem: `document folder ${bad}`, ruleId: 'doc-id-invalid', severity: 'error' });
      continue;
    }
    for (const entry of sortedEntries(root, docRel, root, out.skipped).filter((e) => e.name.endsWith('.md'))) {
      out.sources.push({ docId: doc.name, root, rel: join(docRel, entry.name), includes: 'by-name' });
    }
  }
  return out;
}

export interface SourceEntry extends SourcePlace {
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
  /** The sidebar trees, from the sources' TOC files. */
  navigation: SiteNavigation;
  /** Pages that moved (a DocFX repo's .openpublishing.redirection.json). */
  redirects: Redirect[];
}

export function prepareSite(options: LoadOptions = {}): PreparedSite | LoadedSite {
  const contentDir = resolve(options.contentDir ?? contentDirDefault());
  const cwd = options.cwd ?? process.cwd();
  const shown = (rel: string, root: string) => relative(cwd, join(root, rel)) || join(root, rel);
  const siteFile = new VFile({ path: shown(CONFIG_FILE, contentDir) });
  const resources = loadResources(options.localesDir);
  const config = readConfig(contentDir, siteFile);
  if (config) applySiteTitle(config, resources);
  const files: VFile[] = [siteFile];
  const failed = (): LoadedSite => ({ config: config!, registry: buildRegistry([]), resources, docs: [], files, ok: false, navigation: { tocs: {} }, redirects: [] });
  if (!config) return failed();

  // Pass 1: what is there, and in which locales (the registry and the site's URLs depend on it).
  const entries: SourceEntry[] = [];
  const discovered = discover(contentDir, config, siteFile, options.pageDir, (path) => relative(cwd, path) || path);
  files.push(...discovered.projectFiles.filter((f) => f.messages.length > 0));
  if ([siteFile, ...discovered.projectFiles].some((f) => f.messages.some((m) => m.fatal))) return failed();
  for (const skip of discovered.skipped) {
    const file = new VFile({ path: shown(skip.rel, skip.root) });
    report(file, skip.severity, skip.problem, { line: 1, column: 1 }, skip.ruleId);
    files.push(file);
  }
  const wanted = config.locales ? new Set(config.locales.map((l) => l.toLowerCase())) : null;
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
    const locale = frontMatterLocale(text);
    if (wanted && locale && !isSourceLanguage(locale) && !wanted.has(locale.toLowerCase())) continue;
    entries.push({ ...found, docId, path, shownPath: shown(rel, root), bytes: read.bytes, text, locale });
  }
  // English originals are the English pages, which every site has: not a locale of their own.
  const registry = buildRegistry(entries.flatMap((e) => (e.locale && !isSourceLanguage(e.locale) ? [e.locale] : [])));
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
    navigation: readNavigation(discovered.tocs, entries, registry, config, files, shown),
    redirects: [...new Set(entries.filter((e) => e.includes === 'relative').map((e) => e.root))].flatMap((root) =>
      readRedirects({ root, policy: config, docIds: new Set(docIds), upstreamBase: config.upstream.base, shown, files }),
    ),
  };
}

export const isPrepared = (p: PreparedSite | LoadedSite): p is PreparedSite => 'context' in p;

/** One document in all its locales, with the English rebuilt: pure given its sources (a worker thread runs this). */
export function loadDocument(context: DocumentContext, docId: string, mine: SourceEntry[]): { siteDoc: SiteDoc; files: VFile[] } {
  const { config, resources, contentDir, registry, docIds } = context;
  const segmentOf = new Map(registry.map((l) => [l.code, l.segment]));
  const files: VFile[] = [];
  const assets = new Map<string, string>();
  const optionsFor = (locale: string | null, source: SourcePlace | undefined) => normalizeOptionsFor({ config, resources, contentDir, docId, locale, segmentOf, docIds, source, assets });
  const fileOf = new Map<string, VFile>();
  // The text each page was parsed from (decoded once, by normalizeBytes), for the later stages.
  const decodedText = new Map<LocalizedDoc, string>();
  const normalize = (e: SourceEntry, extra: Partial<NormalizeOptions> = {}) => {
    const result = normalizeBytes(e.bytes, { ...optionsFor(e.locale, e), ...extra, path: e.shownPath });
    files.push(result.file);
    fileOf.set(e.shownPath, result.file);
    if (result.doc) decodedText.set(result.doc, String(result.file.value));
    return result.doc;
  };
  // Span-wrapped files first: they carry the English that the others' repairs may need.
  const spanDocs = mine.filter((e) => hasSpanPairs(e.text)).map((e) => ({ e, doc: normalize(e) }));
  const english = rebuildEnglish(
    spanDocs.flatMap(({ e, doc }) => (doc ? [{ path: e.shownPath, text: decodedText.get(doc)!, doc }] : [])),
    // The English has no file of its own: its includes are the first span-wrapped file's.
    { ...optionsFor(SOURCE_LOCALE, spanDocs[0]?.e), fallbackLocale: SOURCE_LOCALE },
  );
  if (english) files.push(english.file);
  const englishLinks = english?.doc ? linkTextsIn(english.doc.segments.map((s) => s.source ?? '').join('\n')) : new Map<string, string>();
  const plainDocs = mine.filter((e) => !hasSpanPairs(e.text)).map((e) => ({ e, doc: normalize(e, { englishLinkText: (url) => englishLinks.get(url) }) }));

  const translations: LocalizedDoc[] = [];
  // The English original, when one is given: the English pages and what plain translations align with.
  let original: LocalizedDoc | null = null;
  const originals: EnglishOriginal[] = [];
  const seen = new Map<string, string>();
  for (const { e, doc } of [...spanDocs, ...plainDocs]) {
    if (!doc) continue;
    const file = fileOf.get(e.shownPath)!;
    // `en@9f3c2a1.md` is the English at that revision.
    const stem = basename(e.path, '.md').replace(/@[0-9a-f]{7,40}$/i, '');
    // Folders layout: the file is named after its locale. A DocFX page is named after the page.
    const named = doc.meta.original ? isSourceLanguage(stem) : stem.toLowerCase() === doc.locale.toLowerCase();
    if (e.includes === 'by-name' && !named) {
      report(file, 'warning', `file name "${stem}" does not match ms.contentlocale "${doc.locale}"; the locale is taken from ms.contentlocale`, { line: 1, column: 1 }, 'locale-file-name');
    }
    // English revisions are told apart by their revision: several may be given, one of each.
    const revision = doc.meta.original ? englishRevisionOf(doc, e.shownPath) : null;
    const slot = revision ? `${doc.locale}@${revision}` : doc.locale;
    const other = seen.get(slot);
    if (other) {
      report(file, 'error', `a second source for ${docId} in ${doc.locale}${revision ? ` at revision ${revision}` : ''} (the first is ${other})`, { line: 1, column: 1 }, 'locale-duplicate');
      continue;
    }
    seen.set(slot, e.shownPath);
    if (doc.meta.original) originals.push({ doc, revision, date: isoDate(doc.meta.raw['ms.date']), path: e.shownPath });
    else translations.push(doc);
  }
  // The English page is the current original (the one without a revision; else the newest given).
  const byNewest = [...originals].sort((a, b) => Number(a.revision !== null) - Number(b.revision !== null) || (b.date ?? '').localeCompare(a.date ?? '') || a.path.localeCompare(b.path));
  original = byNewest[0]?.doc ?? null;
  const englishSides: Record<string, LocalizedDoc> = { ...(english?.sides ?? {}) };
  if (originals.length > 1) {
    for (const doc of translations) {
      // A span-wrapped translation carries its own English; the others align with a revision given.
      if (doc.segments.length > 0) continue;
      const chosen = pickEnglishRevision(doc, byNewest);
      if (!chosen) continue;
      const file = fileOf.get(doc.path)!;
      doc.meta.englishRevision = { revision: chosen.original.revision ?? 'current', how: chosen.how };
      if (chosen.original.doc !== original) englishSides[doc.locale] = chosen.original.doc;
      const named = doc.meta.sourceCommit ? ` ms.sourcegitcommit ${doc.meta.sourceCommit.slice(0, 12)}` : ' no ms.sourcegitcommit';
      if (chosen.how === 'named') report(file, 'info', `aligned with the English revision${named} names (${chosen.original.path})`, { line: 1, column: 1 }, 'english-revision');
      else report(file, 'warning', `${named.trim()} ${doc.meta.sourceCommit ? 'names no English revision given' : 'is given'}; aligned with the nearest, ${chosen.original.revision ?? 'the current English'} (${chosen.original.path})`, { line: 1, column: 1 }, 'english-revision-nearest');
    }
  }
  const order = new Map(registry.map((l, i) => [l.code, i]));
  translations.sort((a, b) => (order.get(a.locale) ?? 0) - (order.get(b.locale) ?? 0));
  const sourceTexts = Object.fromEntries(translations.map((doc) => [doc.locale, decodedText.get(doc)!]));
  return {
    siteDoc: { docId, translations, english: original ?? english?.doc ?? null, agreement: english?.agreement ?? [], englishSides, sourceTexts, ...(assets.size > 0 ? { assets: Object.fromEntries(assets) } : {}) },
    files,
  };
}

interface EnglishOriginal {
  doc: LocalizedDoc;
  /** The revision it is (a commit), or null for the current English. */
  revision: string | null;
  /** Its `ms.date`, as YYYY-MM-DD. */
  date: string | null;
  path: string;
}

/**
 * The revision an English original is: its own `ms.sourcegitcommit` (or `git_commit`), else a commit named
 * in its path with `@` (`become-partner/en@9f3c2a1.md`, `en@9f3c2a1/docs/page.md`); null for the current one.
 */
export function englishRevisionOf(doc: LocalizedDoc, path: string): string | null {
  const own = doc.meta.sourceCommit ?? (typeof doc.meta.raw.git_commit === 'string' ? doc.meta.raw.git_commit : null);
  if (own) return own.trim().toLowerCase();
  return /@([0-9a-f]{7,40})(?=[./\\]|$)/i.exec(path)?.[1]?.toLowerCase() ?? null;
}

/** `MM/DD/YYYY` (DocFX's ms.date) or `YYYY-MM-DD` as YYYY-MM-DD. */
function isoDate(value: unknown): string | null {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'string' ? value.trim() : '';
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (us) return `${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}`;
  return /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : null;
}

/** Two commits are one when one is a prefix of the other (short and full SHAs), at least 7 characters. */
const sameCommit = (a: string, b: string) => {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  return Math.min(x.length, y.length) >= 7 && (x.startsWith(y) || y.startsWith(x));
};

/**
 * The English revision a translation aligns with: the one its `ms.sourcegitcommit` names; else the nearest,
 * the newest given whose `ms.date` is not after the translation's hand-off; else the current English.
 */
export function pickEnglishRevision(doc: LocalizedDoc, byNewest: EnglishOriginal[]): { original: EnglishOriginal; how: 'named' | 'nearest' } | null {
  const commit = doc.meta.sourceCommit;
  const named = commit ? byNewest.find((o) => o.revision && sameCommit(o.revision, commit)) : undefined;
  if (named) return { original: named, how: 'named' };
  const handoff = doc.meta.handoff;
  const dated = handoff ? [...byNewest].filter((o) => o.date && o.date <= handoff).sort((a, b) => b.date!.localeCompare(a.date!))[0] : undefined;
  const nearest = dated ?? byNewest[0];
  return nearest ? { original: nearest, how: 'nearest' } : null;
}

/** The site assembled from its documents, in document order (whoever loaded them). */
export function assembleSite(prepared: PreparedSite, loaded: { siteDoc: SiteDoc; files: VFile[] }[]): LoadedSite {
  const files = [...prepared.files, ...loaded.flatMap((l) => l.files)];
  const ok = files.every((f) => !f.messages.some((m) => m.fatal === true));
  const { config, registry, resources } = prepared.context;
  return { config, registry, resources, docs: loaded.map((l) => l.siteDoc), files, ok, navigation: prepared.navigation, redirects: prepared.redirects };
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
