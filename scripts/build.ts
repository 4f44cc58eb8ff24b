/**
 * `npm run build [-- --out DIR] [--content DIR] [--verbose] [--force]`: check every source, then build
 * the site into a staging folder beside the output and swap it in only when everything succeeded. A
 * failed build exits non-zero, names file and line, and leaves the previous output exactly as it was.
 * When no input changed since the last build of that output, nothing is rebuilt (--force rebuilds).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'astro';
import * as pagefind from 'pagefind';
import type { VFile } from 'vfile';
import { diagnosticLines } from '../src/pipeline/diagnostics.ts';
import { loadSite } from '../src/site/load-site.ts';
import { makeTranslatorPagesRelative } from './relative-urls.ts';
import { shareLoadedSite } from '../src/site/site-data.ts';
import { headersFile } from '../src/site/security-policy.ts';
import { buildWidget } from './build-widget.ts';
import { internalErrorLine } from './internal-error.ts';
import { inputFingerprint, isUpToDate, recordBuild } from './build-fingerprint.ts';

const root = new URL('..', import.meta.url).pathname;

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: join(root, 'dist') },
    content: { type: 'string', default: join(root, 'content') },
    verbose: { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
  },
});
const out = resolve(values.out!);
// Pages load the content from here, wherever their bundled code ends up.
process.env.MT_DOCS_CONTENT = resolve(values.content!);
process.env.MT_DOCS_LOCALES ??= join(root, 'locales');

/**
 * The build runs in a child process with a heap sized to the site: V8 left to itself grows the heap far
 * past what the build keeps alive (1.7 GB for 3,000 pages where a 1.25 GB cap costs ~5 % time), while a
 * fixed cap would fail a large site. 1.25 GB, plus 0.4 MB per source file beyond that. Whether anything
 * changed at all is decided here first, so an unchanged rebuild starts no second process.
 */
if (!process.env.MT_DOCS_BUILD_FINGERPRINT) {
  const fingerprint = inputFingerprint(root, process.env.MT_DOCS_CONTENT, process.env.MT_DOCS_LOCALES);
  if (!values.force && isUpToDate(root, out, fingerprint)) {
    console.log(`up to date: ${out} (no source, string, code or configuration changed since it was built; --force rebuilds)`);
    process.exit(0);
  }
  const sourceDir = join(process.env.MT_DOCS_CONTENT, 'source');
  const sources = existsSync(sourceDir) ? readdirSync(sourceDir, { recursive: true }).filter((f) => String(f).endsWith('.md')).length : 0;
  const heapMb = Math.max(1280, Math.ceil(384 + sources * 0.4));
  const child = spawnSync(process.execPath, [...process.execArgv, `--max-old-space-size=${heapMb}`, process.argv[1]!, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, MT_DOCS_BUILD_FINGERPRINT: fingerprint },
  });
  process.exit(child.status ?? 1);
}

/** Errors and warnings, one `file:line:column: severity: reason [rule]` line each; infos (routine repairs) only with --verbose. */
function summary(files: VFile[], verbose: boolean): string {
  const lines = diagnosticLines(files, verbose ? ['error', 'warning', 'info'] : ['error', 'warning']);
  if (lines.length === 0) return '';
  const counts = `${diagnosticLines(files, ['error']).length} errors, ${diagnosticLines(files, ['warning']).length} warnings`;
  return `${lines.join('\n')}\n${counts}`;
}

/** Pagefind over the built pages: one index per `<html lang>`, only what is inside data-pagefind-body. */
async function buildSearchIndex(dir: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`search index: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: dir });
  if (added.errors.length > 0) throw new Error(`search index: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: join(dir, 'pagefind') });
  if (written.errors.length > 0) throw new Error(`search index: ${written.errors.join('; ')}`);
  await pagefind.close();
  if (values.verbose) console.log(`search index: ${added.page_count} pages`);
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

async function main(): Promise<number> {
  const fingerprint = process.env.MT_DOCS_BUILD_FINGERPRINT!;
  const site = loadSite();
  const report = summary(site.files, values.verbose!);
  if (report) console.error(report);
  if (!site.ok) {
    console.error(`build failed: the sources have errors (see above); ${out} was left as it was`);
    return 1;
  }
  // Astro renders in this process: it takes the site loaded and checked here instead of loading it again.
  shareLoadedSite(site);
  // Staging sits beside the output, on the same file system, so the final swap is a rename.
  const staging = join(dirname(out), `.staging-${process.pid}`);
  removeLeftovers(dirname(out));
  const cwd = process.cwd();
  const builds = join(root, '.astro', 'builds');
  const ownCwd = join(builds, String(process.pid));
  removeLeftovers(builds, /^(\d+)$/);
  try {
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
    await buildWidget(staging);
    await buildSearchIndex(staging);
    makeTranslatorPagesRelative(staging);
    writeFileSync(join(staging, '_headers'), headersFile({ upstreamBase: site.config.upstream.base }));
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    console.error(`build failed: ${(error as Error).message}\n${out} was left as it was`);
    return 1;
  }
  const old = join(dirname(out), `.previous-${process.pid}`);
  if (existsSync(out)) renameSync(out, old);
  renameSync(staging, out);
  rmSync(old, { recursive: true, force: true });
  recordBuild(root, out, fingerprint);
  console.log(`built ${out}`);
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  // Not a content error (those are reported above with file and line): say what failed, in one line.
  console.error(internalErrorLine(error, 'build failed'));
  process.exitCode = 1;
}
