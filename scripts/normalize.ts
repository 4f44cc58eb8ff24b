/**
 * `npm run --silent normalize -- <file> [--format md|json|en]`: one received page, normalised.
 * `npm run --silent normalize -- <dir> [--json] [--out DIR]`: every page of a tree (`.md`, `.txt`),
 * each with its diagnostics, then a summary; `--json` prints one line per file; `--out DIR` writes the
 * clean Markdown tree (swapped in whole, only when every file was read).
 *
 *   md    clean Markdown of the translation (default); normalising it again changes nothing
 *   json  {locale, meta, headings, segments, messages}
 *   en    the English rebuilt from the span pairs (an error for a file without them)
 *
 * Diagnostics go to stderr as `file:line:column: severity: reason [rule-id]`. Exit 1 on errors, 2 on a
 * usage error, else 0. A thin shell over the same functions the site build uses.
 */
import './terminal-colour.ts';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { VFile } from 'vfile';
import { buildRegistry, SOURCE_LOCALE } from '../src/i18n/locales.ts';
import { loadResources } from '../src/i18n/resources.ts';
import { diagnosticLine, report, toDiagnostics, type Diagnostic } from '../src/pipeline/diagnostics.ts';
import { normalizeBytes } from '../src/pipeline/processor.ts';
import { englishFrontMatter, rebuildEnglish } from '../src/pipeline/rebuild-english.ts';
import { toMarkdown } from '../src/pipeline/to-markdown.ts';
import { frontMatterLocale } from '../src/pipeline/front-matter.ts';
import { loadSiteConfig, normalizeOptionsFor } from '../src/site/load-site.ts';
import { readSourceFile } from '../src/site/safe-paths.ts';
import { MAX_PROJECT_DEPTH, MAX_PROJECT_FILES, projectFiles, readDocfxProject } from '../src/site/docfx.ts';
import { parseCommandLine } from './command-line.ts';
import { internalErrorLine } from './internal-error.ts';
import { normalizePageFile, pageContentDir } from './page-file.ts';

const USAGE = `usage: npm run --silent normalize -- <file> [--format md|json|en]
       npm run --silent normalize -- <dir> [--json] [--out DIR]

  <file>          one page: clean Markdown (md, default), the document model (json) or the rebuilt English (en) on stdout
  <dir>           every .md/.txt page below it (includes resolved from each file, inside <dir>); a summary on stderr
  --json          with <dir>: one JSON line per file (file, locale, errors, warnings, infos)
  --out DIR       with <dir>: write the clean Markdown tree there
  -h, --help      this text

Diagnostics on stderr as file:line:column: severity: message [rule-id].
example: mt-docs normalize nl-NL/microsoft-365 --out clean/
exit: 0 ok, 1 a page has errors, 2 usage error`;

function formatDiagnostics(path: string, diagnostics: Diagnostic[]): string {
  return diagnostics.map((d) => diagnosticLine(path, d)).join('\n');
}

function main(argv: string[]): number {
  const parsed = parseCommandLine(argv, { format: { type: 'string', short: 'f', default: 'md' }, json: { type: 'boolean', default: false }, out: { type: 'string' } }, USAGE);
  if (typeof parsed === 'number') return parsed;
  const format = parsed.values.format;
  const [input, ...extra] = parsed.positionals;
  if (!input || extra.length > 0 || !['md', 'json', 'en'].includes(format ?? '')) {
    const why = !input ? 'a file or folder to normalise is missing' : extra.length > 0 ? `one file or folder only, not also "${extra[0]}"` : `--format takes md, json or en, not "${format}"`;
    console.error(`${why}\n\n${USAGE}`);
    return 2;
  }
  // A folder is a tree to normalise; one named like a page (`x.md`) is a page that is not a file.
  if (!/\.(md|txt)$/i.test(input) && existsSync(input) && statSync(input).isDirectory()) return normalizeTree(input, { json: parsed.values.json === true, out: parsed.values.out });
  if (parsed.values.out || parsed.values.json) {
    console.error(`--out and --json go with a folder (normalize <dir>); for one file use --format\n${USAGE}`);
    return 2;
  }
  const page = normalizePageFile(input);
  if ('error' in page) {
    console.error(page.error);
    return 1;
  }
  const { shown, text, result, config, contentDir, docId } = page;
  const doc = result.doc;
  let out = '';
  let diagnostics = toDiagnostics(result.file);

  if (doc && format === 'md') out = toMarkdown(doc.tree);
  if (format === 'json') {
    out = `${JSON.stringify(
      {
        locale: doc?.locale ?? null,
        meta: doc?.meta ?? null,
        headings: doc?.headings ?? [],
        segments: (doc?.segments ?? []).map(({ id, n, target, source }) => ({ id, n, target, source })),
        messages: diagnostics,
      },
      null,
      2,
    )}\n`;
  }
  if (doc && format === 'en') {
    if (doc.segments.length === 0) {
      report(result.file, 'error', 'this file has no MT span pairs: there is no English source in it to rebuild', { line: 1, column: 1 }, 'no-span-pairs');
      diagnostics = toDiagnostics(result.file);
    } else {
      const englishOptions = normalizeOptionsFor({ config, resources: loadResources(), contentDir, docId, locale: SOURCE_LOCALE, segmentOf: new Map(), docIds: [docId] });
      const english = rebuildEnglish([{ path: shown, text: text!, doc }], { ...englishOptions, fallbackLocale: SOURCE_LOCALE });
      if (english?.doc) out = toMarkdown(english.doc.tree, { frontMatter: englishFrontMatter(english.doc.meta) });
      else if (english) diagnostics = [...diagnostics, ...toDiagnostics(english.file)];
    }
  }
  if (diagnostics.length > 0) console.error(formatDiagnostics(shown, diagnostics));
  if (out) process.stdout.write(out);
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

/** Pages below `dir` (posix paths relative to it), in name order; never through a symbolic link. */
function pagesBelow(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string, depth: number) => {
    if (depth > MAX_PROJECT_DEPTH) return;
    for (const entry of readdirSync(join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (entry.name.toLowerCase() !== 'includes') walk(child, depth + 1);
      }
      else if (entry.isFile() && /\.(md|txt)$/i.test(entry.name) && !/^toc\.md$/i.test(entry.name)) out.push(child);
      if (out.length > MAX_PROJECT_FILES) return;
    }
  };
  walk('', 0);
  return out;
}

/** `normalize <dir>`: every page, its diagnostics, a summary; the clean tree with --out. */
function normalizeTree(dirArg: string, options: { json: boolean; out?: string }): number {
  const dir = resolve(dirArg);
  const contentDir = pageContentDir();
  const configFile = new VFile({ path: join(contentDir, 'mt-docs.config.json') });
  const config = loadSiteConfig(contentDir, configFile);
  if (!config) {
    console.error(formatDiagnostics(configFile.path, toDiagnostics(configFile)));
    return 1;
  }
  const resources = loadResources();
  // A DocFX project's pages are what its docfx.json says; elsewhere every page outside includes/ folders.
  const project = existsSync(join(dir, 'docfx.json')) ? readDocfxProject(dir, configFile) : null;
  if (existsSync(join(dir, 'docfx.json')) && !project) {
    console.error(formatDiagnostics(join(dirArg, 'docfx.json'), toDiagnostics(configFile)));
    return 1;
  }
  const files = project ? projectFiles(project).pages.map((p) => p.rel) : pagesBelow(dir);
  const staging = options.out ? `${resolve(options.out)}.staging-${process.pid}` : null;
  const counts = { files: 0, withErrors: 0, errors: 0, warnings: 0 };
  for (const rel of files) {
    const shown = relative(process.cwd(), join(dir, rel)) || rel;
    const read = readSourceFile(dir, rel);
    let diagnostics: Diagnostic[];
    let markdown: string | null = null;
    let locale: string | null = null;
    if (!read.ok) diagnostics = [{ line: 1, column: 1, severity: 'error', reason: `cannot read file: ${read.problem}`, ruleId: read.ruleId }];
    else {
      locale = frontMatterLocale(read.bytes.toString('utf8'));
      const docId = rel.replace(/\.(md|txt)$/i, '');
      const segmentOf = new Map(buildRegistry(locale ? [locale] : []).map((l) => [l.code, l.segment]));
      const normalizeOptions = normalizeOptionsFor({ config, resources, contentDir, docId, locale, segmentOf, docIds: [docId], source: { root: dir, rel, includes: 'relative' } });
      const result = normalizeBytes(read.bytes, { ...normalizeOptions, path: shown });
      diagnostics = toDiagnostics(result.file);
      if (result.doc) markdown = toMarkdown(result.doc.tree);
      locale = result.doc?.locale ?? locale;
    }
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
    counts.files += 1;
    counts.errors += errors;
    counts.warnings += warnings;
    if (errors > 0) counts.withErrors += 1;
    const shownDiagnostics = diagnostics.filter((d) => d.severity !== 'info');
    if (shownDiagnostics.length > 0) console.error(formatDiagnostics(shown, shownDiagnostics));
    if (options.json) console.log(JSON.stringify({ file: shown, locale, errors, warnings, infos: diagnostics.length - errors - warnings }));
    if (staging && markdown !== null) {
      mkdirSync(dirname(join(staging, rel)), { recursive: true });
      writeFileSync(join(staging, rel), markdown);
    }
    if (!options.json && process.stderr.isTTY) process.stderr.write(`\r${counts.files}/${files.length} files`);
  }
  if (!options.json && process.stderr.isTTY) process.stderr.write('\r');
  console.error(`${counts.files} files: ${counts.withErrors} with errors (${counts.errors} errors), ${counts.warnings} warnings`);
  if (staging) {
    const out = resolve(options.out!);
    mkdirSync(staging, { recursive: true });
    const old = `${out}.previous-${process.pid}`;
    if (existsSync(out)) renameSync(out, old);
    renameSync(staging, out);
    rmSync(old, { recursive: true, force: true });
    console.error(`wrote the clean tree to ${out}${counts.withErrors > 0 ? ' (files with errors left out)' : ''}`);
  }
  return counts.withErrors > 0 ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  // Content problems are reported above with file and line; this is a fault of ours: one line, exit 1.
  console.error(internalErrorLine(error));
  process.exitCode = 1;
}
