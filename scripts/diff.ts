/**
 * `npm run --silent diff -- <A> <B> [--json] [--dir DIR]`: two locales of each page side by side (or a
 * locale and `en`, the English rebuilt from the span pairs), block by aligned block, each cell with its
 * invariant strip and its findings. Locales as `fr`, `fr-FR` or `en`.
 *
 *   (default)  one section per aligned block; invisible characters shown (␣, [NBSP], ⟦∅⟧); `≠` marks
 *              invariants that differ between the two sides, `!` those the checks flag in a cell
 *   --json     an array with one pair diff per page (src/qa/pair-diff.ts)
 *
 * Exit 2 on a usage error, else 0. A thin shell over diffPair, which the pair pages use too.
 */
import './terminal-colour.ts';
import { parseCommandLine } from './command-line.ts';
import { diagnosticLine } from '../src/pipeline/diagnostics.ts';
import { loadQaForCli, UsageError, withUsage } from './qa-cli-input.ts';
import { diffPair, INVARIANT_KINDS, type PairCell, type PairDiff, type PairSide } from '../src/qa/pair-diff.ts';
import { pickLocale } from '../src/qa/pick-locale.ts';
import { visibleText } from '../src/qa/visible-text.ts';

const USAGE = `usage: npm run --silent diff -- <A> <B> [--json] [--dir DIR] [--differing]

  A, B         two locales of the page (fr, fr-FR, ko; en for the English side)
  --json       print the pair diff as JSON (an array, one entry per page)
  --dir DIR    use the *.md files in DIR (one page in several locales) instead of the site
  --differing  only the pages and blocks whose invariants differ or that one side lacks (a repo's diff is long)
  -h, --help   this text

example: mt-docs diff nl en --differing

exit: 0 done, 1 unreadable sources, 2 usage error`;

function sideLine(side: PairSide): string {
  const s = side.status;
  if (!s) return `${side.locale}: English rebuilt from the span pairs`;
  return `${side.locale}: revision group ${s.group}, handed off ${s.handoff ?? 'unknown'}, ${s.stale ? 'stale' : 'current'}${s.translationType ? `, ${s.translationType}` : ''}`;
}

function strip(cell: PairCell, differs: string[]): string {
  const inv = cell.invariants;
  const chips = INVARIANT_KINDS.flatMap((k) => {
    const value = inv[k];
    // None at all is said (∅), where the other side has some.
    const shown = Array.isArray(value) ? (value.length > 0 ? value.join(' ') : '∅') : String(value);
    const empty = Array.isArray(value) ? value.length === 0 : value === 0;
    const marks = `${differs.includes(k) ? '≠' : ''}${cell.disagreements.includes(k) ? '!' : ''}`;
    return empty && !marks ? [] : [`[${marks}${k}: ${shown}]`];
  });
  return chips.join(' ');
}

function human(diff: PairDiff, differingOnly = false): string {
  const width = Math.max(diff.a.locale.length, diff.b.locale.length);
  const out = [`${diff.docId}: ${diff.a.locale} | ${diff.b.locale}`, `  ${sideLine(diff.a)}`, `  ${sideLine(diff.b)}`];
  const s = diff.summary;
  out.push(`  ${s.rows} aligned blocks, ${s.differing} with differing invariants, ${s.onlyA} only in ${diff.a.locale}, ${s.onlyB} only in ${diff.b.locale}`);
  for (const side of [diff.a, diff.b]) {
    for (const f of side.pageFindings.filter((f) => !f.suppressed)) out.push(diagnosticLine(f.file, { line: f.line, column: f.column, severity: f.severity, reason: f.message.replace(/\r?\n/g, '\\n'), ruleId: f.check }));
  }
  for (const row of diff.rows) {
    if (differingOnly && row.differs.length === 0 && row.a && row.b) continue;
    out.push('', `── ${row.key} (${row.type})${row.sourceChanged ? '  source changed' : ''}${row.differs.length ? `  ≠ ${row.differs.join(', ')}` : ''}`);
    for (const [locale, cell] of [
      [diff.a.locale, row.a],
      [diff.b.locale, row.b],
    ] as const) {
      const label = locale.padEnd(width);
      if (!cell) {
        out.push(`  ${label}  —`);
        continue;
      }
      out.push(`  ${label}  :${cell.line}  ${visibleText(cell.text).replace(/\n/g, ' ')}`);
      const chips = strip(cell, row.differs);
      if (chips) out.push(`  ${' '.repeat(width)}  ${chips}`);
      for (const f of cell.findings.filter((f) => !f.suppressed)) out.push(`  ${' '.repeat(width)}  ${f.severity} ${f.check}: ${f.message.replace(/\r?\n/g, '\\n')}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** A repo's diff in one line, after its pages. */
function repoSummary(diffs: PairDiff[]): string {
  const total = (key: keyof PairDiff['summary']) => diffs.reduce((n, d) => n + d.summary[key], 0);
  const [a, b] = [diffs[0]!.a.locale, diffs[0]!.b.locale];
  const pages = diffs.filter((d) => d.summary.differing + d.summary.onlyA + d.summary.onlyB > 0).length;
  return `summary: ${diffs.length} pages, ${total('rows')} aligned blocks: ${total('differing')} with differing invariants, ${total('onlyA')} only in ${a}, ${total('onlyB')} only in ${b} (on ${pages} pages)`;
}

function main(argv: string[]): number {
  const parsed = parseCommandLine(argv, { json: { type: 'boolean', default: false }, dir: { type: 'string' }, differing: { type: 'boolean', default: false } }, USAGE);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  return withUsage(USAGE, () => {
    if (positionals.length !== 2) throw new UsageError(`expected two locales, got ${positionals.length}`);
    const run = loadQaForCli(values.dir);
    if (typeof run === 'number') return run;
    const diffs = run.reports.map(({ report }) => {
      const [a, b] = positionals.map((name) => {
        const picked = pickLocale(report.columns, name);
        if ('problem' in picked) throw new UsageError(picked.problem);
        return picked.code;
      }) as [string, string];
      if (a === b) throw new UsageError(`${positionals[0]} and ${positionals[1]} are the same locale (${a})`);
      return diffPair(report, a, b);
    });
    if (values.json) process.stdout.write(`${JSON.stringify(diffs, null, 2)}\n`);
    else {
      const shown = values.differing ? diffs.filter((d) => d.summary.differing + d.summary.onlyA + d.summary.onlyB > 0) : diffs;
      process.stdout.write(shown.map((d) => human(d, values.differing)).join('\n'));
      if (diffs.length > 1) process.stdout.write(`\n${repoSummary(diffs)}\n`);
    }
    return 0;
  });
}

process.exitCode = main(process.argv.slice(2));
