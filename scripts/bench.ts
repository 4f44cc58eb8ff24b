/**
 * `npm run bench [-- --write] [--only ingest,site,scale,docfx,hostile] [--sizes 50,500] [--pages 2500]`: measured figures for
 * BENCHMARKS.md.
 *
 * - ingest: normalisation throughput (span markup off, every plugin, Markdown out) on the 2 MB corpus
 *   page and on the five seeds, beside a bare remark-parse + remark-stringify round trip of the same
 *   bytes in the same run (and the same round trip with GFM + front matter), medians after a warm-up.
 * - site: a clean build of the real site (wall time), then every doc page's first-load weight (gzip)
 *   and its Lighthouse scores, in Debian's Chromium.
 * - scale: generated corpora of N copies of the page per locale (--sizes 50,500), each built clean,
 *   rebuilt unchanged and rebuilt after one source changed: wall and CPU time, peak memory.
 *
 * - docfx: the real nl-NL DocFX slice from examples/nl-NL, reader site, clean; and a repo of the same
 *   shape of --pages pages (the slice's pages copied under other names), clean: wall, CPU, peak memory.
 *
 * - hostile: one normalisation of each hostile shape the limits exist for (issue: hostile sources), to
 *   show each ends in a limit quickly instead of a hang or a blow-up; median of 3 runs.
 *
 * With --write, each section replaces its own part of BENCHMARKS.md.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { basename, join } from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { normalizeText } from '../src/pipeline/processor.ts';
import { toMarkdown } from '../src/pipeline/to-markdown.ts';
import { launchBrowser } from '../tests/e2e/support/browser.ts';
import { serveStatic } from './static-server.ts';
import { lighthouseScores } from './measure/lighthouse.ts';
import { measurePageWeight, type PageWeight } from './measure/page-weight.ts';
import { generateCorpus } from './measure/scale-corpus.ts';
import { docCacheDir } from './build-fingerprint.ts';
import { countPages } from './page-kinds.ts';
import { parseCommandLine } from './command-line.ts';

const root = new URL('..', import.meta.url).pathname;
const USAGE = `Usage: npm run bench -- [--only SECTIONS] [--write] [--sizes N,N] [--pages N] [--no-translator-pages]

Measures the figures in BENCHMARKS.md on this machine and prints them as Markdown tables.

Options:
  --only SECTIONS        comma-separated, of: ingest,site,scale,docfx,hostile (default: all)
  --write                replace each measured section of BENCHMARKS.md
  --sizes N,N            scale: documents per generated corpus (default 50,500)
  --pages N              docfx: pages of the larger generated repo (default 2500)
  --no-translator-pages  scale: build the reader site only
  -h, --help             this text

Exit codes: 0 measured, 1 a build or measurement failed, 2 usage error.
Example: npm run bench -- --only docfx --pages 2500 --write`;
const SECTIONS = ['ingest', 'site', 'scale', 'docfx', 'hostile'];
const line = parseCommandLine(
  process.argv.slice(2),
  {
    write: { type: 'boolean', default: false },
    only: { type: 'string', default: SECTIONS.join(',') },
    sizes: { type: 'string', default: '50,500' },
    pages: { type: 'string', default: '2500' },
    'no-translator-pages': { type: 'boolean', default: false },
  },
  USAGE,
);
if (typeof line === 'number') process.exit(line);
const { values } = line;
const only = new Set(values.only!.split(','));
const unknownSection = [...only].find((s) => !SECTIONS.includes(s));
if (unknownSection || line.positionals.length > 0 || !/^\d+(,\d+)*$/.test(values.sizes!) || !/^\d+$/.test(values.pages!)) {
  console.error(`${unknownSection ? `unknown section "${unknownSection}"` : line.positionals.length > 0 ? `unexpected argument "${line.positionals[0]}"` : '--sizes takes numbers (50,500) and --pages a number'}\n\n${USAGE}`);
  process.exit(2);
}
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
const stamp = `machine: ${machine} · ${new Date().toISOString().slice(0, 10)}`;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Median milliseconds of `fn` over at least `minRuns` runs and about `budgetMs` of work. */
function time(fn: () => void, minRuns = 5, budgetMs = 3000): number {
  fn();
  const runs: number[] = [];
  const start = performance.now();
  while (runs.length < minRuns || performance.now() - start < budgetMs) {
    const t = performance.now();
    fn();
    runs.push(performance.now() - t);
    if (runs.length >= 50) break;
  }
  return median(runs);
}

function ingestSection(): string {
  const bare = unified().use(remarkParse).use(remarkStringify);
  // The same round trip with the syntax every page needs (tables, autolinks, front matter): the part of
  // our time that is the Markdown dialect, not our plugins.
  const dialect = unified().use(remarkParse).use(remarkStringify).use(remarkGfm).use(remarkFrontmatter, ['yaml']);
  const row = (name: string, texts: string[]) => {
    const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
    const ours = time(() => {
      for (const text of texts) {
        const { doc } = normalizeText(text, { path: name });
        if (doc) toMarkdown(doc.tree);
      }
    });
    const base = time(() => texts.forEach((t) => bare.stringify(bare.parse(t))));
    const withDialect = time(() => texts.forEach((t) => dialect.stringify(dialect.parse(t))));
    const mbps = (ms: number) => (bytes / 1e6 / (ms / 1000)).toFixed(2);
    return `| ${name} | ${(bytes / 1024).toFixed(0)} KB | ${ours.toFixed(0)} ms (${mbps(ours)} MB/s) | ${base.toFixed(0)} ms (${mbps(base)} MB/s) | **${(ours / base).toFixed(2)}×** | ${withDialect.toFixed(0)} ms | ${(ours / withDialect).toFixed(2)}× |`;
  };
  const rows: string[] = [];
  const corpusPage = join(root, '../shared/corpus/other.nl-NL.sensitive-information-type-entity-definitions.md');
  if (existsSync(corpusPage)) rows.push(row('2 MB corpus page (11,562 span pairs)', [readFileSync(corpusPage, 'utf8')]));
  else console.warn(`skipped the 2 MB page: ${corpusPage} not found`);
  const seedDir = join(root, 'content/source/become-partner');
  rows.push(row('five seeds (together)', readdirSync(seedDir).map((f) => readFileSync(join(seedDir, f), 'utf8'))));
  return `### Ingest: normalisation throughput

Command: \`npm run bench -- --only ingest\` · ${stamp}

| input | size | normalise (ours) | bare remark-parse + remark-stringify | ratio to bare | bare + GFM + front matter | ratio to that |
|---|---|---|---|---|---|---|
${rows.join('\n')}`;
}

async function siteSection(): Promise<string> {
  const out = join(root, '.cache/bench-dist');
  rmSync(out, { recursive: true, force: true });
  const t0 = performance.now();
  // Clean means clean: without --no-cache the figure would depend on what an earlier build left in .cache/documents/.
  const built = spawnSync('npm', ['run', '--silent', 'build', '--', '--out', out, '--no-cache'], { cwd: root, encoding: 'utf8' });
  const buildMs = performance.now() - t0;
  if (built.status !== 0) throw new Error(`build failed:\n${built.stderr}`);
  const docPages = readdirSync(out, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(out, d.name, 'become-partner/index.html')))
    .map((d) => `/${d.name}/become-partner/`);
  const server = await serveStatic(out);
  const browser = await launchBrowser();
  const weights: PageWeight[] = [];
  for (const path of docPages) weights.push(await measurePageWeight(browser, server.url, out, path));
  await browser.close();
  const scores = await lighthouseScores(docPages.map((p) => server.url + p));
  await server.close();
  const rows = docPages.map((path, i) => {
    const w = weights[i]!;
    const s = scores[i]!.scores;
    return `| ${path} | ${(w.totalGzip / 1024).toFixed(1)} KB (${w.files.length} files) | ${s.performance} | ${s.accessibility} | ${s['best-practices']} | ${s.seo} |`;
  });
  const misses = [...new Set(scores.flatMap((s) => s.misses))];
  return `### Site: build, first-load weight, Lighthouse

Command: \`npm run bench -- --only site\` · ${stamp}

Clean build of the real site (${docPages.length} doc pages, search index included): **${(buildMs / 1000).toFixed(1)} s** wall time.

| doc page | first load, gzip (budget 30 KB) | performance | accessibility | best practices | SEO |
|---|---|---|---|---|---|
${rows.join('\n')}

${misses.length > 0 ? `Audits that cost points: ${misses.join('; ')}.` : 'No audit cost a point.'}`;
}

interface Timed {
  wall: number;
  user: number;
  sys: number;
  peakKb: number;
  stdout: string;
  /** The build's own phase timings (`--json`), empty for a skipped (up-to-date) build. */
  phases: Record<string, number>;
}

/** One build as a separate process, timed by GNU time (wall, CPU, peak resident memory), with its phases. */
function timedBuild(content: string, out: string, ...extra: string[]): Timed {
  const r = spawnSync('/usr/bin/time', ['-f', 'TIMED %e %U %S %M', 'npm', 'run', '--silent', 'build', '--', '--content', content, '--out', out, '--json', ...extra], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const m = /TIMED ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`build of ${content} failed:\n${r.stderr.slice(-2000)}`);
  const summary = JSON.parse(r.stdout) as { phasesMs?: Record<string, number> };
  return { wall: Number(m[1]), user: Number(m[2]), sys: Number(m[3]), peakKb: Number(m[4]), stdout: r.stdout, phases: summary.phasesMs ?? {} };
}

/** `load 3.1 · checks 4.0 · …` in seconds, so every run shows where the time went. */
const phaseList = (phases: Record<string, number>) =>
  Object.keys(phases).length === 0 ? 'skipped (up to date)' : Object.entries(phases).map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)}`).join(' · ');

/**
 * One untimed build of the project's own page: the first build after an install reads Astro, Vite and
 * the pipeline from a cold disk cache, which is not what a build of the site costs.
 */
function warmUp(): void {
  const warm = join(root, '.cache/scale-warm-up-dist');
  timedBuild(join(root, 'content'), warm, '--no-cache');
  rmSync(warm, { recursive: true, force: true });
}

function scaleSection(sizes: number[], translatorPages: boolean): string {
  const rows: string[] = [];
  warmUp();
  for (const n of sizes) {
    const content = join(root, `.cache/scale-${n}`);
    const out = join(root, `.cache/scale-${n}-dist`);
    const sources = generateCorpus(join(root, 'content'), content, n);
    if (!translatorPages) {
      const config = join(content, 'mt-docs.config.json');
      writeFileSync(config, JSON.stringify({ ...JSON.parse(readFileSync(config, 'utf8')), translatorPages: false }, null, 2));
    }
    rmSync(out, { recursive: true, force: true });
    // Clean means clean: no per-document cache from an earlier run either.
    rmSync(docCacheDir(root, content), { recursive: true, force: true });
    const clean = timedBuild(content, out);
    const pages = countPages(out).all;
    const readerPages = sources + n;
    const unchanged = timedBuild(content, out);
    // One source changes: a word of one translation.
    const changed = join(content, 'source', 'become-partner-1', 'de-DE.md');
    writeFileSync(changed, readFileSync(changed, 'utf8').replace('Partner werden', 'Partner werden!'));
    const oneFile = timedBuild(content, out);
    const row = (what: string, t: Timed) =>
      `| ${n} docs × 6 locales = ${readerPages} reader pages, ${translatorPages ? 'with' : 'without'} translator pages (${pages} HTML files in all) | ${what} | ${t.wall.toFixed(1)} s | ${((100 * t.wall) / clean.wall).toFixed(0)} % | ${(t.user + t.sys).toFixed(1)} s | ${(t.peakKb / 1024).toFixed(0)} MB | ${((t.wall * 1000) / readerPages).toFixed(1)} ms | ${phaseList(t.phases)} |`;
    rows.push(row('clean build', clean), row('unchanged rebuild', unchanged), row('one source changed', oneFile));
    for (const [what, t] of [['clean', clean], ['unchanged', unchanged], ['one changed', oneFile]] as const) console.error(`scale ${n}${translatorPages ? '' : ' reader-only'} ${what}: ${t.wall.toFixed(1)} s (${phaseList(t.phases)})`);
  }
  return `### Scale: generated corpus, end to end${translatorPages ? '' : ', reader site only (translatorPages: false)'}

Command: \`npm run bench -- --only scale --sizes ${sizes.join(',')}${translatorPages ? '' : ' --no-translator-pages'}\` · ${stamp}

Each document is a copy of the page in every locale under its own slug and title; a build is ingest,
all locales, the rebuilt English, the checks and translator pages, the builder bundle and the search
index, as one \`npm run build\` process timed by GNU time (its phases as the build reports them), after
one untimed build of the project's own page (the first build after an install reads its code from a
cold disk cache). The clean build starts with no output and no per-document cache; the one-changed
rebuild reuses the cache and the output the clean build left.

| corpus | build | wall | of clean | CPU (user + sys) | peak memory | ms per reader page | phases (s, from the build's --json) |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}`;
}


/**
 * The real nl-NL DocFX slice (../shared/repos/nl-NL) built from its own config, reader site only; and a
 * larger repo of the same shape: the slice's pages copied under other names (`<page>-c2.md` …) with a
 * TOC listing them all, to `--pages` pages.
 */
function docfxSection(largerPages: number): string {
  const slice = join(root, '../shared/repos/nl-NL/microsoft-365');
  if (!existsSync(slice)) return '### DocFX repo\n\n(../shared/repos/nl-NL is not here: not measured)';
  warmUp();
  const rows: string[] = [];
  const measure = (label: string, content: string) => {
    const out = join(root, `.cache/bench-docfx-${basename(content)}-dist`);
    rmSync(out, { recursive: true, force: true });
    rmSync(docCacheDir(root, content), { recursive: true, force: true });
    const clean = timedBuild(content, out);
    const pages = countPages(out);
    rows.push(`| ${label} | ${pages.reader} reader pages (${pages.all} HTML files) | ${clean.wall.toFixed(1)} s | ${(clean.user + clean.sys).toFixed(1)} s | ${(clean.peakKb / 1024).toFixed(0)} MB | ${phaseList(clean.phases)} |`);
    console.error(`docfx ${label}: ${clean.wall.toFixed(1)} s (${phaseList(clean.phases)})`);
    rmSync(out, { recursive: true, force: true });
  };
  measure('nl-NL slice (examples/nl-NL)', join(root, 'examples/nl-NL'));
  // The larger repo: copies of the slice's pages under other names, the includes and docfx.json as they are.
  const big = join(root, '.cache/bench-docfx-large');
  rmSync(big, { recursive: true, force: true });
  cpSync(join(root, '../shared/repos/nl-NL/microsoft-365'), join(big, 'repo'), { recursive: true });
  const folder = join(big, 'repo/security/defender-endpoint');
  const originals = readdirSync(folder).filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'toc.md');
  let count = originals.length;
  const toc: string[] = [readFileSync(join(folder, 'TOC.md'), 'utf8')];
  for (let copy = 2; count < largerPages; copy++) {
    toc.push(`# [Kopie ${copy}]()`);
    for (const name of originals) {
      if (count >= largerPages) break;
      const renamed = name.replace(/\.md$/, `-c${copy}.md`);
      writeFileSync(join(folder, renamed), readFileSync(join(folder, name)));
      toc.push(`## [${renamed}](${renamed})`);
      count++;
    }
  }
  writeFileSync(join(folder, 'TOC.md'), `${toc.join('\n')}\n`);
  writeFileSync(join(big, 'mt-docs.config.json'), JSON.stringify({ siteUrl: 'https://bench.example', upstream: { base: 'https://learn.microsoft.com/{locale}/microsoft-365/' }, sources: { docfx: ['repo'] }, translatorPages: false }));
  measure(`${count}-page repo of the same shape (.cache/bench-docfx-large)`, big);
  return `### DocFX repo, reader site

Command: \`npm run bench -- --only docfx --pages ${largerPages}\` · ${stamp}

The real nl-NL slice (464 pages, span-wrapped, its TOC.md and includes) built from examples/nl-NL's
config with \`translatorPages: false\`, clean (no output, no per-document cache), as one
\`npm run build\` process timed by GNU time after one untimed warm-up build; then a repo of the same
shape made of the slice's pages copied under other names, its TOC listing every copy.

| repo | pages | wall | CPU (user + sys) | peak memory | phases (s) |
|---|---|---|---|---|---|
${rows.join('\n')}`;
}

/** Hostile shapes, each as a whole page, normalised in process (what every command runs first). */
function hostileSection(): string {
  const front = '---\ntitle: T\ndescription: D\nms.contentlocale: it-IT\nms.translationtype: MT\nms.lasthandoff: 03/23/2021\nms.sourcegitcommit: 956176ed7c8b8427fdc655abcd1709d86da9447e\n---\n# <a name="top"></a>T\n\n';
  const pair = (i: number) => `<span data-ttu-id="a-${i}">T ${i}.</span><span class="sxs-lookup"><span data-stu-id="a-${i}">E ${i}.</span></span>`;
  const self = `Self ${'x'.repeat(800)}\n\n[!INCLUDE [s](self.md)]\n`;
  const shapes: [string, string, Partial<Parameters<typeof normalizeText>[1]>?][] = [
    ['20,000 nested `<b>`', `${'<b>'.repeat(20_000)}x\n`],
    ['20,000 duplicate heading ids', '## <a name="x"></a>H\n\n'.repeat(20_000)],
    ['15,000 separate `> [!NOTE]` blocks', '> [!NOTE]\n> text here\n\n'.repeat(15_000)],
    ['80 KB of nested brackets', `${'['.repeat(40_000)}${']'.repeat(40_000)}\n`],
    ['20,000 `*` around a word', `${'*'.repeat(10_000)}x${'*'.repeat(10_000)}\n`],
    ['16,000 alternating `*_` runs', `${'*_'.repeat(4_000)}x${'_*'.repeat(4_000)}\n`],
    ['a self-including include used 20 times', '[!INCLUDE [s](self.md)]\n\n'.repeat(20), { resolveInclude: () => self }],
    ['100,000 span pairs (12 MB; the build refuses the file at 4 MB before reading)', `${Array.from({ length: 100_000 }, (_, i) => pair(i)).join('\n\n')}\n`],
  ];
  const rows = shapes.map(([name, body, extra]) => {
    const text = front + body;
    const runs: number[] = [];
    let outcome = '';
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const result = normalizeText(text, { path: 'hostile.md', ...extra });
      runs.push(performance.now() - t);
      const rules = [...new Set(result.file.messages.filter((m) => m.fatal !== undefined && m.ruleId !== 'heading-duplicate-id').map((m) => m.ruleId))];
      outcome = `${result.doc ? 'page built' : 'page refused'}${rules.length ? `; ${rules.join(', ')}` : ''}`;
    }
    return `| ${name} | ${(text.length / 1024).toFixed(0)} KB | ${median(runs).toFixed(0)} ms | ${outcome} |`;
  });
  return `### Hostile sources: each shape ends in a limit

Command: \`npm run bench -- --only hostile\` · ${stamp}

| shape | size | normalise (median of 3) | outcome and rules reported |
|---|---|---|---|
${rows.join('\n')}`;
}

const sections: Record<string, string> = {};
if (only.has('hostile')) sections.hostile = hostileSection();
if (only.has('docfx')) sections.docfx = docfxSection(Number(values.pages));
if (only.has('ingest')) sections.ingest = ingestSection();
if (only.has('site')) sections.site = await siteSection();
if (only.has('scale')) {
  const withTranslators = !values['no-translator-pages'];
  sections[withTranslators ? 'scale' : 'scale-reader-only'] = scaleSection(values.sizes!.split(',').map(Number), withTranslators);
}

for (const body of Object.values(sections)) console.log(`${body}\n`);

if (values.write) {
  const file = join(root, 'BENCHMARKS.md');
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n\nEvery figure here comes from `npm run bench` on the machine named with it.\n';
  for (const [name, body] of Object.entries(sections)) {
    const block = `<!-- bench:${name} -->\n${body}\n<!-- /bench:${name} -->`;
    const pattern = new RegExp(`<!-- bench:${name} -->[\\s\\S]*<!-- /bench:${name} -->`);
    text = pattern.test(text) ? text.replace(pattern, block) : `${text.trimEnd()}\n\n${block}\n`;
  }
  writeFileSync(file, text);
}
