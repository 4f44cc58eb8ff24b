/**
 * `npm run --silent normalize -- <file> [--format md|json|en]`: one received page, normalised.
 *
 *   md    clean Markdown of the translation (default); normalising it again changes nothing
 *   json  {locale, meta, headings, segments, messages}
 *   en    the English rebuilt from the span pairs (an error for a file without them)
 *
 * Diagnostics go to stderr as `file:line:column: severity: reason [rule-id]`. Exit 1 on errors, 2 on a
 * usage error, else 0. A thin shell over the same functions the site build uses.
 */
import { readdirSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { VFile } from 'vfile';
import { buildRegistry, SOURCE_LOCALE } from '../src/i18n/locales.ts';
import { loadResources } from '../src/i18n/resources.ts';
import { diagnosticLine, report, toDiagnostics, type Diagnostic } from '../src/pipeline/diagnostics.ts';
import { linkTextsIn } from '../src/pipeline/link-repair.ts';
import { hasSpanPairs, stripSpanPairs } from '../src/pipeline/mt-spans.ts';
import { normalizeBytes } from '../src/pipeline/processor.ts';
import { englishFrontMatter, rebuildEnglish } from '../src/pipeline/rebuild-english.ts';
import { toMarkdown } from '../src/pipeline/to-markdown.ts';
import { frontMatterLocale } from '../src/pipeline/front-matter.ts';
import { contentDirDefault, loadSiteConfig, normalizeOptionsFor } from '../src/site/load-site.ts';
import { readSourceFile } from '../src/site/safe-paths.ts';
import { internalErrorLine } from './internal-error.ts';

const USAGE = 'usage: npm run --silent normalize -- <file> [--format md|json|en]';

function formatDiagnostics(path: string, diagnostics: Diagnostic[]): string {
  return diagnostics.map((d) => diagnosticLine(path, d)).join('\n');
}

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { format: { type: 'string', short: 'f', default: 'md' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  const format = parsed.values.format;
  const [input, ...extra] = parsed.positionals;
  if (!input || extra.length > 0 || !['md', 'json', 'en'].includes(format ?? '')) {
    console.error(USAGE);
    return 2;
  }
  const shown = relative(process.cwd(), input) || input;
  // A regular file only (a FIFO would hang the read), and a symlink only to a file in the same folder.
  const read = readSourceFile(dirname(resolve(input)), basename(input), { followSymlinks: true });
  if (!read.ok) {
    console.error(`${shown}:1:1: error: cannot read file: ${read.problem} [${read.ruleId}]`);
    return 1;
  }
  const bytes = read.bytes;

  const contentDir = contentDirDefault();
  const configFile = new VFile({ path: join(contentDir, 'mt-docs.config.json') });
  const config = loadSiteConfig(contentDir, configFile);
  if (!config) {
    console.error(formatDiagnostics(configFile.path, toDiagnostics(configFile)));
    return 1;
  }
  const locale = frontMatterLocale(bytes.toString('utf8'));
  // A file inside content/source/<doc>/ is that page of the site; any other file resolves links alone.
  const docId = basename(dirname(input));
  const options = normalizeOptionsFor({
    config,
    resources: loadResources(),
    contentDir,
    docId,
    locale,
    segmentOf: new Map(buildRegistry(locale ? [locale] : []).map((l) => [l.code, l.segment])),
    docIds: [docId],
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
      const english = rebuildEnglish([{ path: shown, text: bytes.toString('utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), doc }], { ...englishOptions, fallbackLocale: SOURCE_LOCALE });
      if (english?.doc) out = toMarkdown(english.doc.tree, { frontMatter: englishFrontMatter(english.doc.meta) });
      else if (english) diagnostics = [...diagnostics, ...toDiagnostics(english.file)];
    }
  }
  if (diagnostics.length > 0) console.error(formatDiagnostics(shown, diagnostics));
  if (out) process.stdout.write(out);
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  // Content problems are reported above with file and line; this is a fault of ours: one line, exit 1.
  console.error(internalErrorLine(error));
  process.exitCode = 1;
}
