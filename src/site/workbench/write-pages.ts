/**
 * Writes the translator workbench's per-document pages into a built site, outside Astro: Astro renders
 * one shell per UI language and view (the layout, header, language switcher and navigation, with the
 * document left as a placeholder: src/pages/[lang]/translators/[doc]/); each document's views are
 * rendered once (markup.ts) and localised into every shell by string replacement. So the cost grows
 * with documents, not with documents × UI languages × locale pairs, and the page count is
 * documents × UI languages × 3 (workbench, findings, terms).
 *
 * The downloads (findings JSON/CSV, XLIFF, TMX) are written once per document, under /translators/<doc>/.
 * Every path is resolved inside the output folder.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { LocaleInfo } from '../../i18n/locales.ts';
import { createTranslator } from '../../i18n/translator.ts';
import type { Resources } from '../../i18n/resources.ts';
import { exportFiles } from '../../qa/export-files.ts';
import { findingsCsv, findingsJson } from '../../qa/export-findings.ts';
import type { QaRun } from '../../qa/load-qa.ts';
import { linkOrCopy, resolveInside } from '../safe-paths.ts';
import { renderViews } from './markup.ts';
import { escapeHtml } from './phrases.ts';
import { downloadHref, viewFile, WORKBENCH_VIEWS, type WorkbenchView } from './urls.ts';

/** The document segment of the shells' URLs: never a document id (those have no `--`). */
export const SHELL_DOC = 'mtdocs--doc';
/** Where the document's title goes in a shell's head. */
export const SHELL_TITLE = 'mtdocs--title';
/** Where the views' main content goes. */
export const SHELL_MAIN = '<mtdocs-main></mtdocs-main>';

interface Shell {
  before: string;
  after: string;
}

function readShell(dir: string, view: WorkbenchView, info: LocaleInfo): Shell {
  const html = readFileSync(resolveInside(dir, viewFile(view, info.segment, SHELL_DOC)), 'utf8');
  const parts = html.split(SHELL_MAIN);
  if (parts.length !== 2) throw new Error(`${viewFile(view, info.segment, SHELL_DOC)}: the translator page shell must hold ${SHELL_MAIN} once`);
  return { before: parts[0]!, after: parts[1]! };
}

const fill = (text: string, docId: string, title: string) => text.replaceAll(SHELL_DOC, docId).replaceAll(SHELL_TITLE, escapeHtml(title));

/** Folders made so far (one recursive mkdir per file costs more than the write). */
const made = new Set<string>();
function folderFor(path: string): string {
  const folder = dirname(path);
  if (!made.has(folder)) {
    mkdirSync(folder, { recursive: true });
    made.add(folder);
  }
  return path;
}

function write(dir: string, rel: string, content: string): void {
  writeFileSync(folderFor(resolveInside(dir, rel)), content);
}

/** One document's pages (every UI language and view) and downloads, as paths in the site and their text. */
interface DocumentFiles {
  pages: [string, string][];
  downloads: [string, string][];
}

function documentFiles(
  entry: QaRun['reports'][number],
  context: { languages: { info: LocaleInfo; t: ReturnType<typeof createTranslator>['t'] }[]; registry: readonly LocaleInfo[]; shells: Map<string, Map<WorkbenchView, Shell>> },
): DocumentFiles {
  const docId = entry.report.docId;
  const views = renderViews(entry, context.registry);
  const compiled = new Map(WORKBENCH_VIEWS.map((view) => [view, views.phrases.compile(views.html[view])]));
  const pages: [string, string][] = [];
  for (const { info, t } of context.languages) {
    for (const view of WORKBENCH_VIEWS) {
      const shell = context.shells.get(info.code)!.get(view)!;
      pages.push([viewFile(view, info.segment, docId), fill(shell.before, docId, views.title) + views.phrases.fill(compiled.get(view)!, { code: info.code, t }) + fill(shell.after, docId, views.title)]);
    }
  }
  const files = [
    { name: 'findings.json', content: findingsJson(entry.report.findings) },
    { name: 'findings.csv', content: findingsCsv(entry.report.findings) },
    ...exportFiles(entry),
  ];
  return { pages, downloads: files.map((file) => [downloadHref(docId, file.name).slice(1), file.content]) };
}

export interface WorkbenchWritten {
  pages: number;
  downloads: number;
  /** Documents whose files were linked from the last build. */
  kept: number;
}

/**
 * The download files of `docId` in its folder of the last build. A DocFX page's id is a path, so its
 * XLIFF and TMX names are too (`translators/a/b/a/b.nl-NL.xlf`), and the folder may hold another
 * document's folder (`a` holds `a/b`'s): only this document's own names are taken.
 */
function downloadFilesOf(dir: string, docId: string): string[] {
  const own = (rel: string) => rel === 'findings.json' || rel === 'findings.csv' || rel.startsWith(`${docId}.`);
  const found: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && own(path)) found.push(path);
    }
  };
  walk('');
  return found.sort();
}

/** A document's pages and downloads linked from the last build, when all of them are there. */
function linkDocument(from: string, to: string, docId: string, registry: readonly LocaleInfo[]): { pages: number; downloads: number } | null {
  const pages = registry.flatMap((info) => WORKBENCH_VIEWS.map((view) => viewFile(view, info.segment, docId)));
  const downloadsDir = downloadHref(docId, '').slice(1);
  if (!pages.every((rel) => existsSync(resolveInside(from, rel))) || !existsSync(resolveInside(from, downloadsDir))) return null;
  const downloads = downloadFilesOf(resolveInside(from, downloadsDir), docId).map((name) => join(downloadsDir, name));
  for (const rel of [...pages, ...downloads]) linkOrCopy(resolveInside(from, rel), folderFor(resolveInside(to, rel)));
  return { pages: pages.length, downloads: downloads.length };
}

/**
 * Writes every document's views in every UI language, and its downloads, into the built site `dir`,
 * then removes the shells. `onDocument` is told after each document (progress).
 *
 * With `keys` (each document's cache key), a document whose key is the one it had in the last build
 * (`previous`) is linked from that build's output. The key alone decides: the shells are made from what
 * it hashes (code, locales, strings, configuration), as the reader pages are. The last build's output
 * is the only cache these pages have: kept in the per-document cache as well, they cost a fifth of
 * writing them (compressing 1.8 MB a document) on every build, and they were read only when the output
 * had gone.
 */
export function writeWorkbench(
  dir: string,
  run: QaRun,
  options: {
    registry: readonly LocaleInfo[];
    resources: Resources;
    onDocument?: (done: number, total: number) => void;
    keys?: ReadonlyMap<string, string>;
    previous?: { dir: string; keys: Readonly<Record<string, string>> };
    /** Called before a document's files are made (its downloads' data may still be in the cache). */
    ensureWhole?: (docId: string) => void;
  },
): WorkbenchWritten {
  const { registry, resources, keys, previous } = options;
  made.clear();
  const shells = new Map(registry.map((info) => [info.code, new Map(WORKBENCH_VIEWS.map((view) => [view, readShell(dir, view, info)]))]));
  const languages = registry.map((info) => ({ info, t: createTranslator(info.lang, resources).t }));
  const written: WorkbenchWritten = { pages: 0, downloads: 0, kept: 0 };
  run.reports.forEach((entry, i) => {
    const docId = entry.report.docId;
    const key = keys?.get(docId);
    const linked = key && previous?.keys[docId] === key ? linkDocument(previous.dir, dir, docId, registry) : null;
    if (linked) {
      written.kept += 1;
      written.pages += linked.pages;
      written.downloads += linked.downloads;
    } else {
      options.ensureWhole?.(docId);
      const files = documentFiles(entry, { languages, registry, shells });
      for (const [rel, content] of [...files.pages, ...files.downloads]) write(dir, rel, content);
      written.pages += files.pages.length;
      written.downloads += files.downloads.length;
    }
    options.onDocument?.(i + 1, run.reports.length);
  });
  for (const info of registry) rmSync(resolveInside(dir, `${info.segment}/translators/${SHELL_DOC}`), { recursive: true, force: true });
  return written;
}
