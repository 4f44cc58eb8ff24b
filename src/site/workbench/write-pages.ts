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
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LocaleInfo } from '../../i18n/locales.ts';
import { createTranslator } from '../../i18n/translator.ts';
import type { Resources } from '../../i18n/resources.ts';
import { exportFiles } from '../../qa/export-files.ts';
import { findingsCsv, findingsJson } from '../../qa/export-findings.ts';
import type { QaRun } from '../../qa/load-qa.ts';
import type { Glossary, Suppression } from '../../qa/glossary.ts';
import { resolveInside } from '../safe-paths.ts';
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

function write(dir: string, rel: string, content: string): void {
  const path = resolveInside(dir, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

export interface WorkbenchWritten {
  pages: number;
  downloads: number;
}

/**
 * Writes every document's views in every UI language, and its downloads, into the built site `dir`,
 * then removes the shells. `onDocument` is told after each document (progress).
 */
export function writeWorkbench(
  dir: string,
  run: QaRun,
  options: { registry: readonly LocaleInfo[]; resources: Resources; data: { glossary: Glossary; suppressions: Suppression[] }; onDocument?: (done: number, total: number) => void },
): WorkbenchWritten {
  const { registry, resources, data } = options;
  const shells = new Map(registry.map((info) => [info.code, new Map(WORKBENCH_VIEWS.map((view) => [view, readShell(dir, view, info)]))]));
  const languages = registry.map((info) => ({ info, ui: { code: info.code, t: createTranslator(info.lang, resources).t } }));
  let pages = 0;
  let downloads = 0;
  run.reports.forEach((entry, i) => {
    const docId = entry.report.docId;
    const views = renderViews(entry, registry);
    for (const { info, ui } of languages) {
      for (const view of WORKBENCH_VIEWS) {
        const shell = shells.get(info.code)!.get(view)!;
        write(dir, viewFile(view, info.segment, docId), fill(shell.before, docId, views.title) + views.phrases.localise(views.html[view], ui) + fill(shell.after, docId, views.title));
        pages += 1;
      }
    }
    const files = [
      { name: 'findings.json', content: findingsJson(entry.report.findings) },
      { name: 'findings.csv', content: findingsCsv(entry.report.findings) },
      ...exportFiles(entry, data),
    ];
    for (const file of files) write(dir, downloadHref(docId, file.name).slice(1), file.content);
    downloads += files.length;
    options.onDocument?.(i + 1, run.reports.length);
  });
  for (const info of registry) rmSync(resolveInside(dir, `${info.segment}/translators/${SHELL_DOC}`), { recursive: true, force: true });
  return { pages, downloads };
}
