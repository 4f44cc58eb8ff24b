/**
 * The findings as downloads: JSON (the engine's records, as `qa --json` prints them) and CSV (one row
 * per finding, RFC 4180 quoting, for a spreadsheet). Same order as the report. Pure.
 */
import type { Finding } from './types.ts';

export const FINDING_COLUMNS = ['id', 'check', 'severity', 'locale', 'file', 'line', 'column', 'segment', 'anchor', 'block', 'message', 'revisionDriven', 'suppressed'] as const satisfies readonly (keyof Finding)[];

export const findingsJson = (findings: Finding[]) => `${JSON.stringify(findings, null, 2)}\n`;

// A cell that starts like a formula is prefixed with ' so a spreadsheet shows it rather than running it.
const cell = (value: unknown) => {
  let s = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function findingsCsv(findings: Finding[]): string {
  const rows = [FINDING_COLUMNS.join(','), ...findings.map((f) => FINDING_COLUMNS.map((k) => cell(k === 'revisionDriven' || k === 'suppressed' ? (f[k] ? 'yes' : '') : f[k])).join(','))];
  return `${rows.join('\r\n')}\r\n`;
}
