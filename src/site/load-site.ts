/**
 * The I/O edge of the product: reads `content/` (sources, includes, site.json) and `locales/`, runs the
 * pipeline over every page in every locale, rebuilds the English, and returns the whole site as data.
 *
 * The site build, the CLIs and the browser tests all start here, so a source that fails here fails
 * everywhere with the same message. Locales come from the files (`ms.contentlocale`), never from a
 * list in code.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { VFile } from 'vfile';
import { z } from 'zod';
import { buildRegistry, checkLocale, SOURCE_LOCALE, type LocaleInfo } from '../i18n/locales.ts';
import { loadResources, type Resources } from '../i18n/resources.ts';
import { createTranslator, hasUiStrings, pipelineStrings } from '../i18n/translator.ts';
import { report } from '../pipeline/diagnostics.ts';
import { linkTextsIn } from '../pipeline/link-repair.ts';
import type { LocalizedDoc } from '../pipeline/localized-doc.ts';
import { hasSpanPairs } from '../pipeline/mt-spans.ts';
import { normalizeBytes, type NormalizeOptions } from '../pipeline/processor.ts';
import { rebuildEnglish, type Agreement } from '../pipeline/rebuild-english.ts';

const siteConfigSchema = z.object({
  siteUrl: z.url(),
  upstream: z.object({ base: z.string().includes('{locale}') }),
  docs: z.record(z.string(), z.object({ upstreamPath: z.string().optional() })).default({}),
  /** Publish the translator workbench (/<lang>/translators/) with the site; a reader-only site turns it off. */
  translatorPages: z.boolean().default(true),
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
}

/** Resolved from the working directory: bundled page code cannot rely on its own location. */
export const contentDirDefault = () => process.env.MT_DOCS_CONTENT ?? join(process.cwd(), 'content');

function readConfig(contentDir: string, file: VFile): SiteConfig | null {
  const path = join(contentDir, 'site.json');
  let json: unknown = {};
  if (existsSync(path)) {
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
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
    resolveInclude: (path) => {
      const file = join(contentDir, 'includes', basename(path));
      return existsSync(file) ? readFileSync(file, 'utf8') : null;
    },
  };
}

/** The site configuration, or null with errors reported on `file`. */
export function loadSiteConfig(contentDir: string, file: VFile): SiteConfig | null {
  return readConfig(contentDir, file);
}

/** Where a file declares its locale; read before parsing, to pick its UI strings. */
export const LOCALE_LINE = /^ms\.contentlocale:[ \t]*["']?([^"'\s]+)/m;

/**
 * The locales of the sources under `contentDir`, read from their front matter without parsing them:
 * for configuration that runs before the site is loaded (the sitemap's hreflang map).
 */
export function scanLocales(contentDir = contentDirDefault()): string[] {
  const sourceDir = join(contentDir, 'source');
  if (!existsSync(sourceDir)) return [];
  const codes = new Set<string>();
  for (const doc of readdirSync(sourceDir, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const name of readdirSync(join(sourceDir, doc.name)).filter((n) => n.endsWith('.md'))) {
      const found = LOCALE_LINE.exec(readFileSync(join(sourceDir, doc.name, name), 'utf8'))?.[1];
      const checked = found ? checkLocale(found) : null;
      if (checked && 'code' in checked) codes.add(checked.code);
    }
  }
  return [...codes];
}

interface SourceEntry {
  docId: string;
  path: string;
  shownPath: string;
  bytes: Buffer;
  text: string;
  locale: string | null;
}

export function loadSite(options: LoadOptions = {}): LoadedSite {
  const contentDir = options.contentDir ?? contentDirDefault();
  const cwd = options.cwd ?? process.cwd();
  const siteFile = new VFile({ path: join(contentDir, 'site.json') });
  const resources = loadResources(options.localesDir);
  const config = readConfig(contentDir, siteFile);
  const files: VFile[] = [siteFile];
  const sourceDir = join(contentDir, 'source');
  if (!existsSync(sourceDir)) report(siteFile, 'error', `no source folder: ${sourceDir}`, undefined, 'site-config');
  if (!config || !existsSync(sourceDir)) return { config: config!, registry: buildRegistry([]), resources, docs: [], files, ok: false };

  // Pass 1: what is there, and in which locales (the registry and the site's URLs depend on it).
  const entries: SourceEntry[] = [];
  for (const doc of readdirSync(sourceDir, { withFileTypes: true }).filter((d) => d.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    for (const name of readdirSync(join(sourceDir, doc.name)).filter((n) => n.endsWith('.md')).sort()) {
      const path = join(sourceDir, doc.name, name);
      const bytes = readFileSync(path);
      const text = bytes.toString('utf8');
      const found = LOCALE_LINE.exec(text)?.[1];
      const checked = found ? checkLocale(found) : null;
      entries.push({ docId: doc.name, path, shownPath: relative(cwd, path) || path, bytes, text, locale: checked && 'code' in checked ? checked.code : null });
    }
  }
  const registry = buildRegistry(entries.flatMap((e) => (e.locale ? [e.locale] : [])));
  const segmentOf = new Map(registry.map((l) => [l.code, l.segment]));
  for (const info of registry) {
    if (!hasUiStrings(info.lang, resources)) {
      report(siteFile, 'warning', `locale ${info.code} has no UI strings in locales/${info.lang}/: its pages use the English UI`, undefined, 'ui-strings-missing');
    }
  }

  const docs: SiteDoc[] = [];
  for (const docId of [...new Set(entries.map((e) => e.docId))]) {
    const optionsFor = (locale: string | null) => normalizeOptionsFor({ config, resources, contentDir, docId, locale, segmentOf, docIds: [...new Set(entries.map((e) => e.docId))] });
    const mine = entries.filter((e) => e.docId === docId);
    const normalize = (e: SourceEntry, extra: Partial<NormalizeOptions> = {}) => {
      const result = normalizeBytes(e.bytes, { ...optionsFor(e.locale), ...extra, path: e.shownPath });
      files.push(result.file);
      return result.doc;
    };
    // Span-wrapped files first: they carry the English that the others' repairs may need.
    const spanDocs = mine.filter((e) => hasSpanPairs(e.text)).map((e) => ({ e, doc: normalize(e) }));
    const english = rebuildEnglish(
      spanDocs.flatMap(({ e, doc }) => (doc ? [{ path: e.shownPath, text: e.text, doc }] : [])),
      { ...optionsFor(SOURCE_LOCALE), fallbackLocale: SOURCE_LOCALE },
    );
    if (english) files.push(english.file);
    const englishLinks = english?.doc ? linkTextsIn(english.doc.segments.map((s) => s.source ?? '').join('\n')) : new Map<string, string>();
    const plainDocs = mine.filter((e) => !hasSpanPairs(e.text)).map((e) => ({ e, doc: normalize(e, { englishLinkText: (url) => englishLinks.get(url) }) }));

    const translations: LocalizedDoc[] = [];
    const seen = new Map<string, string>();
    for (const { e, doc } of [...spanDocs, ...plainDocs]) {
      if (!doc) continue;
      const file = files.find((f) => f.path === e.shownPath)!;
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
    docs.push({ docId, translations, english: english?.doc ?? null, agreement: english?.agreement ?? [], englishSides: english?.sides ?? {} });
  }
  const ok = files.every((f) => !f.messages.some((m) => m.fatal === true));
  return { config, registry, resources, docs, files, ok };
}
