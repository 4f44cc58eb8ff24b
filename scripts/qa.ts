/**
 * `npm run --silent qa -- [--json] [--locale L] [--dir DIR] [--strict] [--export DIR]`: the translator
 * checks over the site's pages, or over DIR (any folder holding one page in several locales).
 *
 *   (default)     findings grouped by locale: `file:line:column: severity: message [check]`; suppressed ones
 *                 are not listed, their number is
 *   --json        an array of every finding (suppressed ones with "suppressed": true), in stable order
 *   --locale L    only that locale (`fr`, `fr-FR`, `en` for the English side)
 *   --strict      exit 1 when an unsuppressed error is reported (else 0)
 *   --export DIR  also write the XLIFF 2.0 files (every locale) and the TMX file into DIR
 *
 * Exit 2 on a usage error. A thin shell over src/qa (the same engine the translator pages use).
 */
import { colourDiagnostics } from './terminal-colour.ts';
import { argumentProblem } from './command-line.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs, styleText } from 'node:util';
import { exportFiles } from '../src/qa/export-files.ts';
import { diagnosticLine } from '../src/pipeline/diagnostics.ts';
import type { QaRun } from '../src/qa/load-qa.ts';
import { loadQaForCli, UsageError, withUsage } from './qa-cli-input.ts';
import { pickLocale } from '../src/qa/pick-locale.ts';
import type { Finding, LocaleStatus, QaReport } from '../src/qa/types.ts';

const USAGE = `usage: npm run --silent qa -- [--json] [--locale L] [--dir DIR] [--strict] [--export DIR]

  --json        print every finding as a JSON array (stable order)
  --locale L    only locale L (fr, fr-FR; en for the English side)
  --dir DIR     check the *.md files in DIR (one page in several locales) instead of the site
  --strict      exit 1 on an unsuppressed error-level finding
  --export DIR  write XLIFF 2.0 (every locale) and TMX 1.4 files into DIR
  -h, --help    this text

exit: 0 done, 1 errors with --strict (or unreadable sources), 2 usage error`;

function statusLine(s: LocaleStatus | undefined, report: QaReport): string {
  if (!s) return report.english ? `English rebuilt from ${report.english.rebuiltFrom.join(', ')}` : '';
  const parts = [`revision group ${s.group}${s.group === 1 ? ' (newest)' : ''}`, `handed off ${s.handoff ?? 'unknown'}`, s.stale ? 'stale' : 'current'];
  if (s.translationType) parts.push(s.translationType);
  return parts.join(', ');
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function human(run: QaRun, shown: (f: Finding) => boolean, locales: string[] | null): string {
  const out: string[] = [];
  for (const { report } of run.reports) {
    out.push(`${report.docId}`);
    for (const locale of locales ?? report.columns) {
      if (!report.columns.includes(locale)) continue;
      const all = report.findings.filter((f) => f.locale === locale && shown(f));
      const open = all.filter((f) => !f.suppressed);
      const counts = (['error', 'warning', 'info'] as const).map((s) => plural(open.filter((f) => f.severity === s).length, s)).join(', ');
      out.push('', `${locale}  ${statusLine(report.locales.find((l) => l.locale === locale), report)}`, `  ${counts}`);
      for (const f of open) {
        // One finding, one line (a message quoting a code block could span several), from the line's start:
        // editors' and CI's problem matchers read `file:line:column: severity: message` there.
        out.push(diagnosticLine(f.file, { line: f.line, column: f.column, severity: f.severity, reason: f.message.replace(/\r?\n/g, '\\n'), ruleId: f.check }));
      }
      const hidden = all.length - open.length;
      if (hidden > 0) out.push(`  (${plural(hidden, 'suppressed finding')} not shown)`);
    }
    out.push('');
  }
  if (run.reports.length > 1) out.push(...repoSummary(run.reports.map((r) => r.report.findings.filter(shown))), '');
  return out.join('\n');
}

/** A whole repo's findings in a few lines: totals, then counts by check (most first), after the documents. */
function repoSummary(perDocument: Finding[][]): string[] {
  const findings = perDocument.flat();
  const open = findings.filter((f) => !f.suppressed);
  const docs = perDocument.filter((list) => list.some((f) => !f.suppressed)).length;
  const totals = (['error', 'warning', 'info'] as const).map((sev) => plural(open.filter((f) => f.severity === sev).length, sev)).join(', ');
  const byCheck = [...Map.groupBy(open, (f) => f.check)].map(([check, list]) => [check, list.length] as const).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return [
    `summary: ${totals} in ${plural(docs, 'document')} of ${perDocument.length}${findings.length > open.length ? ` (${findings.length - open.length} suppressed)` : ''}`,
    ...(byCheck.length ? [`by check: ${byCheck.map(([check, n]) => `${check} ${n}`).join(' · ')}`] : []),
  ];
}

function main(argv: string[]): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      allowPositionals: false,
      options: {
        json: { type: 'boolean', default: false },
        locale: { type: 'string' },
        dir: { type: 'string' },
        strict: { type: 'boolean', default: false },
        export: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    console.error(`${argumentProblem(error)}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  return withUsage(USAGE, () => {
    const run = loadQaForCli(values.dir);
    if (typeof run === 'number') return run;

    let locales: string[] | null = null;
    if (values.locale !== undefined) {
      const columns = [...new Set(run.reports.flatMap((r) => r.report.columns))];
      const picked = pickLocale(columns, values.locale);
      if ('problem' in picked) throw new UsageError(`--locale: ${picked.problem}`);
      locales = [picked.code];
    }
    const shown = (f: Finding) => locales === null || locales.includes(f.locale);
    const findings = run.reports.flatMap((r) => r.report.findings.filter(shown));

    if (values.json) process.stdout.write(`${JSON.stringify(findings, null, 2)}\n`);
    else process.stdout.write(process.stdout.isTTY ? colourDiagnostics(human(run, shown, locales), (style, text) => styleText(style, text)) : human(run, shown, locales));

    if (values.export !== undefined) {
      const dir = resolve(values.export);
      mkdirSync(dir, { recursive: true });
      const written = run.reports.flatMap((entry) =>
        exportFiles(entry).map((file) => {
          // A DocFX page's id is a path: its files go in folders of that path.
          mkdirSync(dirname(join(dir, file.name)), { recursive: true });
          writeFileSync(join(dir, file.name), file.content);
          return join(values.export!, file.name);
        }),
      );
      // A repo's export is thousands of files: a line each for a page, one line in all for more.
      if (written.length <= 20) for (const path of written) console.error(`wrote ${path}`);
      else console.error(`wrote ${written.length} files (XLIFF and TMX of ${plural(run.reports.length, 'document')}) to ${values.export}`);
    }
    return values.strict && findings.some((f) => f.severity === 'error' && !f.suppressed) ? 1 : 0;
  });
}

process.exitCode = main(process.argv.slice(2));
