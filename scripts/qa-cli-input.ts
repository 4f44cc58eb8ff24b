/**
 * What the `qa` and `diff` CLIs share: a usage error (exit 2, with the usage text), and loading the
 * checks over the site or a `--dir` folder, with unreadable sources reported as `file:line:column` and
 * exit 1.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadQa, type QaRun } from '../src/qa/load-qa.ts';
import { internalErrorLine } from './internal-error.ts';
import { diagnosticLines } from '../src/pipeline/diagnostics.ts';

export class UsageError extends Error {}

/**
 * Runs `body`; a UsageError becomes its message, the usage text and exit code 2. Anything else that
 * escapes is a fault of ours, not of the sources (those are reported with file and line): one line and
 * exit 1, the stack only with MT_DOCS_DEBUG=1.
 */
export function withUsage(usage: string, body: () => number): number {
  try {
    return body();
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${usage}`);
      return 2;
    }
    console.error(internalErrorLine(error));
    return 1;
  }
}

/** The checks' run, or the exit code when the sources cannot be read. */
export function loadQaForCli(dir: string | undefined): QaRun | number {
  if (dir !== undefined && !(existsSync(dir) && statSync(dir).isDirectory())) throw new UsageError(`--dir ${dir}: not a folder`);
  const run = loadQa(dir !== undefined ? { dir: resolve(dir) } : {});
  if (!run.site.ok) {
    const errors = diagnosticLines(run.site.files, ['error']);
    console.error(errors.join('\n') || 'the sources could not be read');
    return 1;
  }
  if (run.reports.length === 0) throw new UsageError(`no page found${dir !== undefined ? ` in ${dir} (expected *.md files)` : ''}`);
  return run;
}
