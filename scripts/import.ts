/**
 * `npm run --silent import -- <file.xlf> [--write] [--source FILE] [--skip-conflicts] [--mark-post-edited] [--json]`:
 * post-edited targets of an XLIFF that `qa --export` or the site wrote, applied to the source file it
 * came from (its `original`, relative to the working folder or to the XLIFF's folder; or --source).
 * Without --write it prints the change as a unified diff and writes nothing.
 *
 * Conflicts (the file changed since the export, a unit the file lacks, inline markup lost, added or
 * reordered, an empty target) are printed as `file:line:column: error: message [rule-id]` and nothing
 * is written, unless --skip-conflicts (then the other units are applied). Exit 1 on conflicts, 2 on a
 * usage error, else 0. A thin shell over src/qa/import-xliff.ts.
 */
import './terminal-colour.ts';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { diagnosticLine, toDiagnostics } from '../src/pipeline/diagnostics.ts';
import { fingerprintOf } from '../src/qa/export-xliff.ts';
import { applyEdits, planImport, readXliff, XliffSyntaxError, type ImportConflict } from '../src/qa/import-xliff.ts';
import { markPostEdited } from '../src/qa/post-edited.ts';
import { xliffUnits } from '../src/qa/xliff-units.ts';
import { readSourceFile } from '../src/site/safe-paths.ts';
import { parseCommandLine } from './command-line.ts';
import { internalErrorLine } from './internal-error.ts';
import { normalizePageFile } from './page-file.ts';

const USAGE = `usage: npm run --silent import -- <file.xlf> [--write] [--source FILE] [--skip-conflicts] [--ignore-fingerprint] [--mark-post-edited] [--json]

  <file.xlf>          an XLIFF 2.0 file exported by mt-docs (qa --export, or the workbench's download), post-edited
  --write             write the source file (default: print the change as a unified diff, write nothing)
  --source FILE       the source file to apply it to (default: the XLIFF's original, from here or from its folder)
  --skip-conflicts    apply the units without conflicts even when others have one (default: write nothing then)
  --ignore-fingerprint  for an XLIFF whose file fingerprint a tool dropped: apply by unit id (codes still checked)
  --mark-post-edited  when something changes, list the units edited in mt-docs.post-edited in the front
                      matter (the page shows "post-edited", the translator workbench which units)
  --json              print {source, edits, unchanged, conflicts, written} as JSON
  -h, --help          this text

Conflicts on stderr as file:line:column: error: message [rule-id].
example: mt-docs import become-partner.fr-FR.xlf --write --mark-post-edited
exit: 0 applied (or nothing to apply), 1 conflicts or unreadable input, 2 usage error`;

function main(argv: string[]): number {
  const parsed = parseCommandLine(
    argv,
    {
      write: { type: 'boolean', default: false },
      source: { type: 'string' },
      'skip-conflicts': { type: 'boolean', default: false },
      'mark-post-edited': { type: 'boolean', default: false },
      'ignore-fingerprint': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
    USAGE,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const xlfPath = positionals[0]!;
  const read = readSourceFile(dirname(resolve(xlfPath)), basename(xlfPath), { followSymlinks: true });
  if (!read.ok) {
    console.error(`${xlfPath}:1:1: error: cannot read file: ${read.problem} [${read.ruleId}]`);
    return 1;
  }
  let xliff;
  try {
    xliff = readXliff(read.bytes.toString('utf8'));
  } catch (error) {
    if (!(error instanceof XliffSyntaxError)) throw error;
    console.error(`${xlfPath}:${error.line}:${error.column + 1}: error: ${error.message} [xliff-syntax]`);
    return 1;
  }
  const named = xliff.original;
  const original = values.source ?? (named === null ? undefined : [named, join(dirname(xlfPath), named)].find((p) => existsSync(p)));
  if (!original) {
    console.error(`${xlfPath}:1:1: error: ${named === null ? 'the XLIFF names no source file (no original on <file>)' : `the source file ${named} is not here nor beside the XLIFF`}; give it with --source [import-source-missing]`);
    return 1;
  }
  const page = normalizePageFile(original);
  if ('error' in page) {
    console.error(page.error);
    return 1;
  }
  const { shown, bytes, text, result } = page;
  if (!result.doc || text === null) {
    console.error(toDiagnostics(result.file).filter((d) => d.severity === 'error').map((d) => diagnosticLine(shown, d)).join('\n'));
    return 1;
  }
  const plan = planImport(xliff, { fingerprint: fingerprintOf(text), locale: result.doc.locale, units: xliffUnits(result.doc, text, null) }, { ignoreFingerprint: values['ignore-fingerprint'] });
  const where = (c: ImportConflict) => (c.line > 0 ? `${shown}:${c.line}:1` : `${xlfPath}:${c.xliffLine}:1`);
  for (const c of plan.conflicts) console.error(`${where(c)}: error: ${c.reason} [${c.ruleId}]`);

  const blocked = plan.conflicts.length > 0 && !values['skip-conflicts'];
  const received = bytes.toString('utf8');
  let after = blocked ? received : applyEdits(received, plan.edits);
  if (!blocked && plan.edits.length > 0 && values['mark-post-edited']) after = markPostEdited(after, plan.edits.map((e) => e.unit));
  const changed = after !== received;
  let written = false;
  if (changed && values.write) {
    // Whole or not at all: a temporary file beside it, renamed over it.
    const tmp = join(dirname(resolve(original)), `.${basename(original)}.mt-docs-import`);
    writeFileSync(tmp, after);
    renameSync(tmp, resolve(original));
    written = true;
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ source: shown, edits: plan.edits.map(({ unit, line, text }) => ({ unit, line, text })), unchanged: plan.unchanged, conflicts: plan.conflicts, written }, null, 2)}\n`);
  } else if (changed && !values.write) {
    process.stdout.write(createTwoFilesPatch(shown, shown, received, after, 'as it is', 'with the XLIFF applied'));
  }
  const summary = `${shown}: ${plan.edits.length} unit${plan.edits.length === 1 ? '' : 's'} edited, ${plan.unchanged} unchanged, ${plan.conflicts.length} conflict${plan.conflicts.length === 1 ? '' : 's'}`;
  console.error(`${summary}${blocked && plan.edits.length > 0 ? ' — nothing applied (--skip-conflicts applies the rest)' : ''}${written ? ' — written' : changed ? ' — not written (--write writes it)' : ''}`);
  return plan.conflicts.length > 0 ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(internalErrorLine(error));
  process.exitCode = 1;
}
