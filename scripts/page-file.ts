/**
 * One received page normalised as the site would: read as a source (a regular file), with the
 * configuration of the content it belongs to, and — in a DocFX project (a folder above it holds
 * docfx.json) — identified by its path there, its includes and links resolved from it. `normalize` and
 * `import` both start here, so the units `import` finds are the ones the site exported.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { VFile } from 'vfile';
import { buildRegistry } from '../src/i18n/locales.ts';
import { loadResources } from '../src/i18n/resources.ts';
import { diagnosticLine, toDiagnostics } from '../src/pipeline/diagnostics.ts';
import { frontMatterLocale } from '../src/pipeline/front-matter.ts';
import { linkTextsIn } from '../src/pipeline/link-repair.ts';
import { hasSpanPairs, stripSpanPairs } from '../src/pipeline/mt-spans.ts';
import { normalizeBytes, type NormalizeResult } from '../src/pipeline/processor.ts';
import { MAX_PROJECT_DEPTH, projectFiles, readDocfxProject } from '../src/site/docfx.ts';
import { contentDirDefault, loadSiteConfig, normalizeOptionsFor } from '../src/site/load-site.ts';
import type { SiteConfig } from '../src/site/config.ts';
import { readSourceFile } from '../src/site/safe-paths.ts';

export interface PageFile {
  /** The path as the user gave it (relative to the working folder). */
  shown: string;
  bytes: Buffer;
  /** The text the pipeline parsed (decoded: no BOM, LF); null when the bytes could not be decoded. */
  text: string | null;
  result: NormalizeResult;
  config: SiteConfig;
  contentDir: string;
  docId: string;
}

/** The DocFX project a file is in: the nearest folder above it holding docfx.json, or null. */
export function projectOf(file: string): string | null {
  let dir = dirname(file);
  for (let i = 0; i < MAX_PROJECT_DEPTH; i++) {
    if (existsSync(join(dir, 'docfx.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
  return null;
}

/**
 * The content whose configuration (upstream site, symlink rule) a page is normalised with: the one
 * named (MT_DOCS_CONTENT, set by mt-docs in a team's folder), else ./content, else this project's own
 * — so the commands work on a hand-off file from any folder.
 */
export function pageContentDir(): string {
  if (process.env.MT_DOCS_CONTENT) return process.env.MT_DOCS_CONTENT;
  const here = contentDirDefault();
  return existsSync(join(here, 'mt-docs.config.json')) ? here : join(import.meta.dirname, '../content');
}

/** The page ids of the DocFX project at `root` (null when it has no readable docfx.json). */
function projectDocIds(root: string | null, config: SiteConfig): string[] | null {
  if (!root) return null;
  const project = readDocfxProject(root, new VFile(), config);
  return project ? projectFiles(project, config).pages.map((p) => p.docId) : null;
}

/** `input` normalised with the configuration of `contentDir`; `error` is the diagnostic to print. */
export function normalizePageFile(input: string, contentDir = pageContentDir()): PageFile | { error: string } {
  const shown = relative(process.cwd(), input) || input;
  // A regular file only (a FIFO would hang the read), and a symlink only to a file in the same folder.
  const read = readSourceFile(dirname(resolve(input)), basename(input), { followSymlinks: true });
  if (!read.ok) {
    return { error: `${shown}:1:1: error: cannot read file: ${read.problem} [${read.ruleId}]` };
  }
  const bytes = read.bytes;

  const configFile = new VFile({ path: join(contentDir, 'mt-docs.config.json') });
  const config = loadSiteConfig(contentDir, configFile);
  if (!config) {
    return { error: toDiagnostics(configFile).map((d) => diagnosticLine(configFile.path, d)).join('\n') };
  }
  const locale = frontMatterLocale(bytes.toString('utf8'));
  // A page of a DocFX project (a folder above it holds docfx.json) is identified by its path there, its
  // includes and links resolved from it; a file inside content/source/<doc>/ is that page of the site.
  const project = projectOf(resolve(input));
  const rel = project ? relative(project, resolve(input)).split(sep).join('/') : null;
  const docId = rel ? rel.replace(/\.(md|txt)$/i, '') : basename(dirname(input));
  const options = normalizeOptionsFor({
    source: project && rel ? { root: project, rel, includes: 'relative' } : undefined,
    config,
    resources: loadResources(),
    contentDir,
    docId,
    locale,
    segmentOf: new Map(buildRegistry(locale ? [locale] : []).map((l) => [l.code, l.segment])),
    // The project's pages are the site's (the same ids in every locale): a link to one is a link inside the site.
    docIds: projectDocIds(project, config) ?? [docId],
  });
  // A translation without span pairs borrows English link texts from span-wrapped siblings, as in the site.
  const siblings = new Map<string, string>();
  for (const name of readdirSync(dirname(input)).filter((n) => n.endsWith('.md') && n !== basename(input))) {
    const sibling = readSourceFile(dirname(resolve(input)), name);
    if (!sibling.ok) continue;
    const text = sibling.bytes.toString('utf8');
    if (hasSpanPairs(text)) linkTextsIn(stripSpanPairs(text).segments.map((s) => s.source ?? '').join('\n'), siblings);
  }
  const result = normalizeBytes(bytes, { ...options, path: shown, englishLinkText: (url) => siblings.get(url) });
  // The decoded text is the value of the file the pipeline parsed (absent when decoding failed).
  const text = result.file.value === undefined ? null : String(result.file.value);
  return { shown, bytes, text, result, config, contentDir, docId };
}
