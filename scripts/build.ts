/**
 * `npm run build [-- --out DIR] [--content DIR] [--verbose] [--force] [--json]`: check every source,
 * then build the site into a staging folder beside the output and swap it in only when everything
 * succeeded. A failed build exits 1, names file and line, and leaves the previous output exactly as it
 * was. When no input changed since the last build of that output, nothing is rebuilt (--force rebuilds).
 *
 * Phases (each reported on stderr as it ends, or on one live line on a terminal): load (read,
 * normalise and check every source, in worker threads), render (Astro: reader pages, dashboards,
 * the workbench shells), workbench (every document's translator pages and downloads), search (reader
 * pages only, indexed while the workbench is written), widget, finish. Each document's work is cached
 * (src/site/doc-cache.ts): a rebuild renders and writes only the documents whose inputs changed. `--json` prints a summary at the end: pages per kind, ms per phase, diagnostics.
 */
import './terminal-colour.ts';
import { argumentProblem } from './command-line.ts';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { inputFingerprint, isUpToDate } from './build-fingerprint.ts';

const root = new URL('..', import.meta.url).pathname;

const USAGE = `usage: npm run build -- [--out DIR] [--content DIR] [--verbose] [--force] [--json] [--no-cache]

  --out DIR      where the site goes (default dist/); replaced only when the build succeeds
  --content DIR  the content folder: source/<doc>/<locale>.md, includes/, qa/, mt-docs.config.json (default content/)
  --verbose      also list infos (routine repairs), not only errors and warnings
  --force        build even when no input changed since the last build of DIR
  --json         print a summary as JSON on stdout (pages per kind, ms per phase, diagnostics counted)
  --keep-going   build every page without errors, leave the broken ones out (listed), exit 1
                 (also "keepGoing": true in mt-docs.config.json)
  --report FILE  write every diagnostic (errors, warnings, infos) to FILE as JSON
  --no-cache     neither reuse nor keep each document's work (.cache/documents/: a rebuild after one
                 source changed normalises, checks and writes translator pages for that document only)
  -h, --help     this text

Progress goes to stderr: one line per phase (a live line on a terminal).
exit: 0 built (or up to date), 1 the sources have errors or the build failed, 2 usage error`;

let parsed;
try {
  parsed = parseArgs({
    options: {
      out: { type: 'string', default: join(root, 'dist') },
      content: { type: 'string', default: join(root, 'content') },
      verbose: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      cache: { type: 'boolean', default: true },
      'keep-going': { type: 'boolean', default: false },
      report: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowNegative: true,
  });
} catch (error) {
  console.error(`${argumentProblem(error)}\n\n${USAGE}`);
  process.exit(2);
}
const { values } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const out = resolve(values.out!);
// Pages load the content from here, wherever their bundled code ends up.
process.env.MT_DOCS_CONTENT = resolve(values.content!);
process.env.MT_DOCS_LOCALES ??= join(root, 'locales');

/**
 * The build runs in a child process with a heap sized to the site: V8 left to itself grows the heap far
 * past what the build keeps alive (the 500-document scale corpus, 2,500 sources: 2.0 GB at peak with a
 * 1.4 GB heap, 1.5 GB with 0.9 GB, which its live data fits), while a fixed cap would fail a large site:
 * 896 MB, or 256 MB plus a quarter MB per source file (MT_DOCS_BUILD_HEAP_MB sets it). Whether anything
 * changed at all is decided here first, so an unchanged rebuild starts no second process; this parent
 * loads nothing else (Astro, the pipeline) so that starting the child costs little.
 */
/**
 * The young generation's semi-space, larger than V8's default (16 MB): rendering and writing pages make
 * short-lived strings by the hundred megabytes, and with more room fewer of them are promoted to the old
 * generation only to die there (the 50-document scale corpus, two runs each: 0.3–0.5 s faster and
 * ~200 MB less at peak; 500 documents: 1.47 GB at peak).
 */
const SEMI_SPACE_MB = 32;

if (!process.env.MT_DOCS_BUILD_FINGERPRINT) {
  const fingerprint = inputFingerprint(root, process.env.MT_DOCS_CONTENT, process.env.MT_DOCS_LOCALES);
  if (!values.force && isUpToDate(root, out, fingerprint)) {
    if (values.json) console.log(JSON.stringify({ ok: true, upToDate: true, out }));
    else console.log(`up to date: ${out} (no source, string, code or configuration changed since it was built; --force rebuilds)`);
    process.exit(0);
  }
  const sourceDir = join(process.env.MT_DOCS_CONTENT, 'source');
  const sources = existsSync(sourceDir) ? readdirSync(sourceDir, { recursive: true }).filter((f) => String(f).endsWith('.md')).length : 0;
  const run = (heapMb: number) =>
    spawnSync(process.execPath, [...process.execArgv, `--max-old-space-size=${heapMb}`, `--max-semi-space-size=${SEMI_SPACE_MB}`, process.argv[1]!, ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: { ...process.env, MT_DOCS_BUILD_FINGERPRINT: fingerprint },
    });
  const heapMb = Number(process.env.MT_DOCS_BUILD_HEAP_MB) || Math.max(896, Math.ceil(256 + sources * 0.25));
  let child = run(heapMb);
  // V8 aborts a process whose heap is full: a site larger than the estimate gets one more try with four
  // times the heap, said on stderr, rather than a crash (the failed try left the output as it was).
  if (child.signal === 'SIGABRT' || child.status === 134) {
    console.error(`build: the build ran out of its ${heapMb} MB heap; trying again with ${heapMb * 4} MB`);
    child = run(heapMb * 4);
  }
  process.exit(child.status ?? 1);
}

const { copyFileSync, mkdirSync, renameSync, rmSync, writeFileSync } = await import('node:fs');
const { dirname } = await import('node:path');
const { build } = await import('astro');
const pagefind = await import('pagefind');
const { diagnosticLines } = await import('../src/pipeline/diagnostics.ts');
const { loadSiteParallel } = await import('../src/site/load-parallel.ts');
const { makeTranslatorPagesRelative } = await import('./relative-urls.ts');
const { allPages, fallbackHrefs, shareLoadedSite, shareRenderOnly } = await import('../src/site/site-data.ts');
const { shareQaRun } = await import('../src/site/workbench/qa-run.ts');
const { writeWorkbench } = await import('../src/site/workbench/write-pages.ts');
const { headersFile } = await import('../src/site/security-policy.ts');
const { buildWidget } = await import('./build-widget.ts');
const { internalErrorLine } = await import('./internal-error.ts');
const { recordBuild, builtKeys, codeFingerprint, docCacheDir } = await import('./build-fingerprint.ts');
const { linkOrCopy, resolveInside } = await import('../src/site/safe-paths.ts');
const { redirectHtml } = await import('../src/site/redirects.ts');
const { createTranslator } = await import('../src/i18n/translator.ts');
const { DocCache } = await import('../src/site/doc-cache.ts');
const { Progress } = await import('./progress.ts');
const { countPages } = await import('./page-kinds.ts');
const { readerPageGlob } = await import('../src/site/search-glob.ts');
const { RELATIVE_REGION } = await import('../src/site/workbench/relative.ts');
const { randomBytes } = await import('node:crypto');
type VFile = import('vfile').VFile;

const progress = new Progress(process.stderr, false);

/** Errors and warnings, one `file:line:column: severity: reason [rule]` line each; infos (routine repairs) only with --verbose. */
/** Warnings listed one by one up to this many; past it, counted by rule (all of them with --verbose or --report). */
const WARNINGS_LISTED = 40;

function summary(files: VFile[], verbose: boolean): string {
  const errors = diagnosticLines(files, ['error']);
  const warnings = diagnosticLines(files, ['warning']);
  const infos = verbose ? diagnosticLines(files, ['info']) : [];
  if (errors.length + warnings.length + infos.length === 0) return '';
  const counts = `${errors.length} errors, ${warnings.length} warnings`;
  if (verbose || warnings.length <= WARNINGS_LISTED) return `${diagnosticLines(files, verbose ? ['error', 'warning', 'info'] : ['error', 'warning']).join('\n')}\n${counts}`;
  // A repo of thousands of pages: the errors in full, the warnings by rule with one example each.
  const byRule = new Map<string, { count: number; example: string }>();
  for (const line of warnings) {
    const rule = /\[([^\]]+)\]$/.exec(line)?.[1] ?? 'other';
    const entry = byRule.get(rule) ?? { count: 0, example: line };
    entry.count += 1;
    byRule.set(rule, entry);
  }
  const rules = [...byRule].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1));
  const table = rules.map(([rule, { count, example }]) => `  ${String(count).padStart(6)} × [${rule}], e.g. ${example}`);
  return [...errors, `warnings by rule (--verbose lists each, --report FILE writes them all as JSON):`, ...table, counts].join('\n');
}

/** Every diagnostic as data, for --report. */
function reportJson(files: VFile[]) {
  return files.flatMap((f) => f.messages.map((m) => ({ file: f.path, line: m.line ?? 1, column: m.column ?? 1, severity: m.fatal === true ? 'error' : m.fatal === false ? 'warning' : 'info', message: m.reason, ruleId: m.ruleId ?? null })));
}

/**
 * Pagefind over the built reader pages: one index per `<html lang>`, only what is inside
 * data-pagefind-body. Started before the translator pages are made and awaited after: Pagefind runs
 * in a process of its own, so it indexes while this one writes. The glob (readerPageGlob) takes the
 * reader pages as deep as the documents' ids go, not the dashboards; a translator page it may read has
 * no data-pagefind-body at any time and is never indexed.
 */
async function startSearchIndex(dir: string, docIds: readonly string[]): Promise<() => Promise<number>> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`search index: ${errors.join('; ')}`);
  // Sent now, answered when this process next waits: Pagefind reads the pages meanwhile.
  const adding = index.addDirectory({ path: dir, glob: readerPageGlob(docIds) });
  // Awaited below; a failure meanwhile must not be an unhandled rejection.
  adding.catch(() => {});
  return async () => {
    const added = await adding;
    if (added.errors.length > 0) throw new Error(`search index: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(dir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`search index: ${written.errors.join('; ')}`);
    await pagefind.close();
    return added.page_count;
  };
}

/** A pid that no running process has. */
function isGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Folders named for a build's pid (staging, previous output, working folder) left by builds that were killed midway. */
function removeLeftovers(dir: string, pattern = /^\.(?:staging|previous)-(\d+)$/): void {
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    const m = pattern.exec(name);
    if (m && (Number(m[1]) === process.pid || isGone(Number(m[1])))) rmSync(join(dir, name), { recursive: true, force: true });
  }
}

interface Summary {
  ok: boolean;
  out: string;
  pages: Record<string, number>;
  phasesMs: Record<string, number>;
  totalMs: number;
  errors: number;
  warnings: number;
  infos: number;
}

async function main(): Promise<{ code: number; summary: Summary }> {
  const fingerprint = process.env.MT_DOCS_BUILD_FINGERPRINT!;
  let files: VFile[] = [];
  const summarise = (ok: boolean, pages: Record<string, number> = {}): Summary => {
    const count = (severity: 'error' | 'warning' | 'info') => diagnosticLines(files, [severity]).length;
    return { ok, out, pages, phasesMs: progress.durations, totalMs: progress.elapsedMs, errors: count('error'), warnings: count('warning'), infos: count('info') };
  };
  progress.start('load');
  // Every document read, normalised and (with translator pages) checked, on every core.
  // Each document's work is kept under a hash of all it depends on: a rebuild redoes only what changed.
  const store = values.cache ? new DocCache(docCacheDir(root, process.env.MT_DOCS_CONTENT!)) : null;
  const cache = store ? { store, code: codeFingerprint(root) } : undefined;
  // What the output was built from: a document it has under the same key is read from the cache without
  // its pages' part (its pages are linked from the output, not made again).
  const before = store ? builtKeys(root, out) : {};
  const { site, run, threads, keys, cached, ensureWhole } = await loadSiteParallel({
    cache,
    partial: (docId, key) => before[docId] === key,
    onProgress: (done, total) => progress.tick(done, total, 'documents'),
  });
  files = site.files;
  const findings = run.reports.reduce((n, r) => n + r.report.findings.length, 0);
  progress.end(`${site.docs.length} documents, ${site.docs.reduce((n, d) => n + d.translations.length, 0)} sources${site.config?.translatorPages ? `, ${findings} findings` : ''}${cached > 0 ? `, ${cached} from the cache` : ''}${threads > 0 ? `, ${threads} ${threads === 1 ? 'thread' : 'threads'}` : ''}`);
  const report = summary(site.files, values.verbose!);
  if (report) console.error(report);
  if (values.report) writeFileSync(resolve(values.report), `${JSON.stringify(reportJson(site.files), null, 1)}\n`);
  let leftOut = 0;
  if (!site.ok) {
    const keepGoing = values['keep-going'] || site.config?.keepGoing === true;
    // Only broken sources may be left out: a site-wide error (the configuration, a project) stops the build.
    const broken = new Set(site.files.filter((f) => f.messages.some((m) => m.fatal === true)).map((f) => f.path));
    const siteWide = site.files[0] !== undefined && broken.has(site.files[0].path);
    if (!keepGoing || siteWide || !site.config) {
      console.error(`build failed: the sources have errors (see above); ${out} was left as it was${siteWide || !site.config ? '' : ' (--keep-going builds the good pages)'}`);
      return { code: 1, summary: summarise(false) };
    }
    const sourcesBefore = site.docs.reduce((n, d) => n + d.translations.length, 0) + site.files.filter((f) => broken.has(f.path)).length;
    for (const doc of site.docs) doc.translations = doc.translations.filter((t) => !broken.has(t.path));
    const good = new Set(site.docs.filter((d) => d.translations.length > 0).map((d) => d.docId));
    site.docs = site.docs.filter((d) => good.has(d.docId));
    run.reports = run.reports.filter((r) => good.has(r.siteDoc.docId));
    leftOut = broken.size;
    // What is left is a site without errors: the pages render it as one.
    site.ok = true;
    console.error(`--keep-going: ${broken.size} of ${sourcesBefore} sources have errors and are left out; building the rest`);
    if (site.docs.length === 0) {
      console.error(`build failed: no page without errors; ${out} was left as it was`);
      return { code: 1, summary: summarise(false) };
    }
  }
  // Astro renders in this process: it takes the site loaded and checked here instead of loading it again.
  shareLoadedSite(site);
  // A document whose key is the one it had when the output was built has the same reader pages: they
  // are copied from there instead of rendered (one document is always rendered, so the pages' shared
  // assets are built as they always are). The sitemap lists the copied pages as it would have.
  const docKeys = Object.fromEntries(site.docs.map((d, i) => [d.docId, keys[i]!]));
  const pagesOf = new Map<string, string[]>();
  for (const page of allPages()) pagesOf.set(page.siteDoc.docId, [...(pagesOf.get(page.siteDoc.docId) ?? []), page.href]);
  (globalThis as Record<symbol, unknown>)[Symbol.for('mt-docs.fallback-pages')] = new Set(fallbackHrefs());
  const kept = site.docs
    .slice(1)
    .map((d) => d.docId)
    .filter((id) => before[id] === docKeys[id] && pagesOf.get(id)!.every((href) => existsSync(join(out, href, 'index.html'))));
  const keptSet = new Set(kept);
  for (const doc of site.docs) if (!keptSet.has(doc.docId)) ensureWhole(doc.docId);
  shareRenderOnly(kept.length > 0 ? new Set(site.docs.map((d) => d.docId).filter((id) => !keptSet.has(id))) : null);
  const fallbacks = (globalThis as Record<symbol, unknown>)[Symbol.for('mt-docs.fallback-pages')] as Set<string>;
  (globalThis as Record<symbol, unknown>)[Symbol.for('mt-docs.kept-pages')] = kept.flatMap((id) => pagesOf.get(id)!.filter((href) => !fallbacks.has(href)));
  shareQaRun(run);
  // Pages whose code makes a region's URLs relative mark it with this run's nonce (see RELATIVE_REGION).
  (globalThis as Record<symbol, unknown>)[RELATIVE_REGION.key] = randomBytes(12).toString('hex');
  // Staging sits beside the output, on the same file system, so the final swap is a rename.
  const staging = join(dirname(out), `.staging-${process.pid}`);
  removeLeftovers(dirname(out));
  const cwd = process.cwd();
  const builds = join(root, '.astro', 'builds');
  const ownCwd = join(builds, String(process.pid));
  removeLeftovers(builds, /^(\d+)$/);
  try {
    progress.start('render');
    // Astro keeps its prerender bundle in <cwd>/.astro/.prerender when the output is not below the
    // working directory, which two builds at once would share ("Cannot find module"). Each build works
    // from a folder of its own inside the project (so the bundle still resolves the project's packages).
    mkdirSync(ownCwd, { recursive: true });
    process.chdir(ownCwd);
    try {
      await build({ root, outDir: staging, logLevel: 'warn' });
    } finally {
      process.chdir(cwd);
      rmSync(ownCwd, { recursive: true, force: true });
    }
    for (const id of kept) {
      for (const href of pagesOf.get(id)!) {
        mkdirSync(join(staging, href), { recursive: true });
        linkOrCopy(join(out, href, 'index.html'), join(staging, href, 'index.html'));
      }
    }
    // Pages that moved: a redirect page at the old address in every locale (none where a page is).
    const origin = new URL(site.config.upstream.base.replace('{locale}', 'en-us')).origin;
    for (const info of site.registry) {
      const { t } = createTranslator(info.lang, site.resources);
      for (const r of site.redirects) {
        const dest = resolveInside(staging, info.segment, r.from, 'index.html');
        if (existsSync(dest)) continue;
        const to = 'docId' in r.to ? `/${info.segment}/${r.to.docId}/` : 'upstreamPath' in r.to ? `${origin}/${info.code === 'en' ? 'en-us' : info.code.toLowerCase()}${r.to.upstreamPath}` : r.to.url;
        mkdirSync(dirname(dest), { recursive: true });
        writeFileSync(dest, redirectHtml({ lang: info.lang, to, canonical: new URL(to, site.config.siteUrl).href, label: t('doc.moved') }));
      }
    }
    // The images the pages show from their projects, each once, where the pages point (/media/<lang>/…).
    for (const doc of site.docs) {
      for (const [to, from] of Object.entries(doc.assets ?? {})) {
        const dest = resolveInside(staging, to);
        if (existsSync(dest)) continue;
        mkdirSync(dirname(dest), { recursive: true });
        // A copy, never a link: the output must not share a file with the sources.
        copyFileSync(from, dest);
      }
    }
    progress.end(kept.length > 0 ? `${site.docs.length - kept.length} documents rendered, ${kept.length} kept from the last build` : undefined);
    progress.start('workbench');
    // The readers' search covers reader pages only: it reads them while the translator pages are made
    // (none of which has a data-pagefind-body at any time, so one read midway is never indexed).
    const finishSearch = await startSearchIndex(staging, site.docs.map((d) => d.docId));
    // The Astro-rendered translator pages (dashboards, the views' shells) first: the writer copies the shells.
    makeTranslatorPagesRelative(staging);
    if (site.config.translatorPages) {
      const written = writeWorkbench(staging, run, {
        registry: site.registry,
        resources: site.resources,
        onDocument: (done, total) => progress.tick(done, total, 'documents'),
        keys: store ? new Map(Object.entries(docKeys)) : undefined,
        ensureWhole,
        previous: store ? { dir: out, keys: before } : undefined,
      });
      progress.end(`${written.pages} pages, ${written.downloads} downloads${written.kept > 0 ? ` (${written.kept} documents kept from the last build)` : ''}`);
    } else progress.end('off');
    progress.start('search');
    const indexed = await finishSearch();
    progress.end(`${indexed} pages indexed`);
    progress.start('widget');
    await buildWidget(staging);
    progress.start('finish');
    writeFileSync(join(staging, '_headers'), headersFile({ upstreamBase: site.config.upstream.base }));
  } catch (error) {
    // The search indexer is a process of its own: it must not outlive a failed build.
    await pagefind.close().catch(() => {});
    rmSync(staging, { recursive: true, force: true });
    progress.end('failed');
    console.error(`build failed: ${(error as Error).message}\n${out} was left as it was`);
    return { code: 1, summary: summarise(false) };
  }
  const pages = countPages(staging);
  const old = join(dirname(out), `.previous-${process.pid}`);
  if (existsSync(out)) renameSync(out, old);
  renameSync(staging, out);
  rmSync(old, { recursive: true, force: true });
  // A build that left sources out is never "up to date": the next one tries them again.
  recordBuild(root, out, leftOut > 0 ? `partial ${fingerprint}` : fingerprint, store ? docKeys : undefined);
  progress.end();
  if (!values.json) console.log(`built ${out} (${Object.entries(pages).map(([k, n]) => `${n} ${k}`).join(', ')}) in ${(progress.elapsedMs / 1000).toFixed(1)} s`);
  if (leftOut > 0) {
    console.error(`${leftOut} sources with errors were left out (listed above): exit 1`);
    return { code: 1, summary: summarise(false, pages) };
  }
  return { code: 0, summary: summarise(true, pages) };
}

try {
  const { code, summary: result } = await main();
  if (values.json) console.log(JSON.stringify(result, null, 2));
  process.exitCode = code;
} catch (error) {
  // Not a content error (those are reported above with file and line): say what failed, in one line.
  console.error(internalErrorLine(error, 'build failed'));
  process.exitCode = 1;
}
