/**
 * `npm run bench [-- --write]`: measured figures for BENCHMARKS.md.
 *
 * Ingest: normalisation throughput (parse with span markup removed, every plugin, Markdown out) on the
 * 2 MB corpus page and on the five seeds, beside a bare remark-parse + remark-stringify round trip of the
 * same bytes in the same run, so the ratio holds whatever the machine. Median of repeated runs after a
 * warm-up. With --write, the table replaces the "ingest" section of BENCHMARKS.md.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { normalizeText } from '../src/pipeline/processor.ts';
import { toMarkdown } from '../src/pipeline/to-markdown.ts';

const root = new URL('..', import.meta.url).pathname;
const corpusPage = join(root, '../shared/corpus/other.nl-NL.sensitive-information-type-entity-definitions.md');

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

const bare = unified().use(remarkParse).use(remarkStringify);
// The same round trip with the syntax extensions every page needs (tables, autolinks, front matter):
// the part of our time that is the Markdown dialect, not our plugins.
const dialect = unified().use(remarkParse).use(remarkStringify).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

function ingestRow(name: string, texts: string[]) {
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const ours = time(() => {
    for (const text of texts) {
      const { doc } = normalizeText(text, { path: name });
      if (doc) toMarkdown(doc.tree);
    }
  });
  const base = time(() => {
    for (const text of texts) bare.stringify(bare.parse(text));
  });
  const withDialect = time(() => {
    for (const text of texts) dialect.stringify(dialect.parse(text));
  });
  const mbps = (ms: number) => (bytes / 1e6 / (ms / 1000)).toFixed(2);
  return `| ${name} | ${(bytes / 1024).toFixed(0)} KB | ${ours.toFixed(0)} ms (${mbps(ours)} MB/s) | ${base.toFixed(0)} ms (${mbps(base)} MB/s) | **${(ours / base).toFixed(2)}×** | ${withDialect.toFixed(0)} ms | ${(ours / withDialect).toFixed(2)}× |`;
}

const rows: string[] = [];
if (existsSync(corpusPage)) rows.push(ingestRow('2 MB corpus page (11,562 span pairs)', [readFileSync(corpusPage, 'utf8')]));
else console.warn(`skipped the 2 MB page: ${corpusPage} not found`);
const seedDir = join(root, 'content/source/become-partner');
rows.push(ingestRow('five seeds (together)', readdirSync(seedDir).map((f) => readFileSync(join(seedDir, f), 'utf8'))));

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
const section = `<!-- bench:ingest -->
### Ingest: normalisation throughput

Command: \`npm run bench\` · machine: ${machine} · ${new Date().toISOString().slice(0, 10)}

| input | size | normalise (ours) | bare remark-parse + remark-stringify | ratio to bare | bare + GFM + front matter | ratio to that |
|---|---|---|---|---|---|---|
${rows.join('\n')}
<!-- /bench:ingest -->`;
console.log(section);

if (process.argv.includes('--write')) {
  const file = join(root, 'BENCHMARKS.md');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n\nEvery figure here comes from `npm run bench` on the machine named with it.\n\n';
  const next = /<!-- bench:ingest -->[\s\S]*<!-- \/bench:ingest -->/.test(current)
    ? current.replace(/<!-- bench:ingest -->[\s\S]*<!-- \/bench:ingest -->/, section)
    : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
}
