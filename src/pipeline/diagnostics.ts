/**
 * One way for every plugin to leave a diagnostic: a vfile message with a severity, a rule id and a place.
 *
 * Why: every command prints them as one `file:line:column: severity: reason [rule]` line each, the build fails on errors, and the translator
 * pages show them as data. A plugin never throws on content it does not understand; it reports here.
 */
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  line: number;
  column: number;
  reason: string;
}

type Place = Node | { line: number; column: number } | undefined;

export function report(file: VFile, severity: Severity, reason: string, place: Place, ruleId: string): VFileMessage {
  const placeOption =
    place && 'type' in place ? { ancestors: undefined, place: place.position } : { place: place as { line: number; column: number } | undefined };
  const message =
    severity === 'info'
      ? file.info(reason, { ...placeOption, ruleId, source: 'mt-docs' })
      : file.message(reason, { ...placeOption, ruleId, source: 'mt-docs' });
  if (severity === 'error') message.fatal = true;
  return message;
}

export function severityOf(message: VFileMessage): Severity {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info';
}

/** Messages as plain data, in file order (line, then column), for JSON and pages. */
export function toDiagnostics(file: VFile): Diagnostic[] {
  return file.messages
    .map((m) => ({
      ruleId: m.ruleId ?? 'unknown',
      severity: severityOf(m),
      line: m.line ?? 1,
      column: m.column ?? 1,
      reason: m.reason,
    }))
    .sort((a, b) => a.line - b.line || a.column - b.column);
}

export function hasErrors(file: VFile): boolean {
  return file.messages.some((m) => m.fatal === true);
}

/**
 * The one diagnostic line every command prints: `file:line:column: severity: reason [rule-id]`, the form
 * editors and CI annotators read. `path` is the user's own path to the file.
 */
export function diagnosticLine(path: string, d: Pick<Diagnostic, 'line' | 'column' | 'severity' | 'reason' | 'ruleId'>): string {
  // The English side of a span-wrapped file is that file: its path stays openable, the side is said in the message.
  const side = ENGLISH_SIDE.exec(path);
  const file = side ? path.slice(0, side.index) : path;
  return `${file}:${d.line}:${d.column}: ${d.severity}: ${side ? 'English side: ' : ''}${d.reason.replace(/\r?\n/g, ' ')} [${d.ruleId}]`;
}

/** How the English side of a span-wrapped file is named (`page.md (English side)`, rebuild-english.ts). */
const ENGLISH_SIDE = / \(English side\)$/;

/** The messages of `files` as diagnostic lines, file by file in line order, of the severities asked for. */
export function diagnosticLines(files: VFile[], severities: Severity[] = ['error', 'warning']): string[] {
  return files.flatMap((f) =>
    toDiagnostics(f)
      .filter((d) => severities.includes(d.severity))
      .map((d) => diagnosticLine(f.path, d)),
  );
}
