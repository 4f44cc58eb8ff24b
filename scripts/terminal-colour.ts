/**
 * Diagnostics in colour on a terminal: every command prints `file:line:column: severity: message [rule]`
 * lines (the form editors and CI annotators read); on a terminal the severity is coloured as
 * vfile-reporter colours it (error red, warning yellow, info blue), the place bold and the rule dim. Piped, redirected, or with NO_COLOR set, the lines are left exactly as they are: Node's
 * `util.styleText` decides from the stream and the environment (FORCE_COLOR forces it).
 *
 * Imported for its effect by each command: it wraps `console.error` and `console.log`, where diagnostics go.
 */
import './as-mt-docs.ts';
import { styleText } from 'node:util';

const LINE = /^(.+?:\d+:\d+): (error|warning|info): (.*?)( \[[\w.:-]+\])?$/;
const SEVERITY_STYLE = { error: ['red', 'bold'], warning: 'yellow', info: 'blue' } as const;

type Style = Parameters<typeof styleText>[0];
type Paint = (style: Style, text: string) => string;

/** `text` with each diagnostic line painted by `paint`; other lines as they are. */
export function colourDiagnostics(text: string, paint: Paint): string {
  return text
    .split('\n')
    .map((line) => {
      const m = LINE.exec(line);
      if (!m) return line;
      const [, place, severity, message, rule] = m as unknown as [string, string, keyof typeof SEVERITY_STYLE, string, string | undefined];
      return `${paint('bold', place)}: ${paint(SEVERITY_STYLE[severity] as Style, severity)}: ${message}${rule ? paint('dim', rule) : ''}`;
    })
    .join('\n');
}

/** `console.error` (stderr) and `console.log` (stdout: qa's findings) painted when their stream is a terminal; JSON never. */
for (const [method, stream] of [['error', process.stderr], ['log', process.stdout]] as const) {
  if (!stream.isTTY) continue;
  const write = console[method].bind(console);
  const paint: Paint = (style, text) => styleText(style, text, { stream });
  console[method] = (...args: unknown[]) => write(...args.map((a) => (typeof a === 'string' && !/^\s*[[{]/.test(a) ? colourDiagnostics(a, paint) : a)));
}
