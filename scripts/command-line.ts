/**
 * A script's command line, read the same way by every command: node:util's parseArgs with `-h/--help`
 * added; `--help` prints the usage (exit 0), a line parseArgs refuses prints why and the usage (exit 2).
 * The caller gets the parsed line or the exit code to return.
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

type Parsed<O extends ParseArgsOptionsConfig> = ReturnType<typeof parseArgs<{ args: string[]; options: O & typeof HELP; allowPositionals: true }>>;

export function parseCommandLine<O extends ParseArgsOptionsConfig>(argv: string[], options: O, usage: string): Parsed<O> | number {
  let parsed: Parsed<O>;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { ...options, ...HELP } }) as Parsed<O>;
  } catch (error) {
    console.error(`${argumentProblem(error)}\n\n${usage}`);
    return 2;
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usage);
    return 0;
  }
  return parsed;
}

/**
 * What node:util's parseArgs refused, in one short line: its own message for an unknown option runs on
 * about positionals after `--` and ends on an unbalanced quote.
 */
export function argumentProblem(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  const option = /'(-[^']*)'/.exec(e.message)?.[1];
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option ${option}`;
  return e.message;
}
