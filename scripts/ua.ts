/**
 * CLI over the pure User-Agent core (src/ua): build a value, check an existing one, print a snippet,
 * or answer a stream of JSON requests (--jsonl) for other tools. A thin shell: every decision is made
 * by the same functions the widget and the tests use; this file only reads arguments and prints.
 *
 * Exit codes: 0 valid, 1 invalid, 2 usage error (unknown command or flag, missing flag).
 */
import './terminal-colour.ts';
import { createInterface } from 'node:readline';
import {
  buildUserAgent,
  parseUserAgent,
  renderSnippet,
  SNIPPET_LANGUAGES,
  type BuildResult,
  type FieldName,
  type SnippetLanguage,
  type UserAgentInput,
} from '../src/ua/index.ts';
import { CODE_LEVELS } from '../src/ua/codes.ts';
import { describeIssueEn } from '../src/ua/messages-en.ts';

const USAGE =
  `usage: npm run --silent ua -- build --company C --product P --version V [--json] | parse VALUE [--json]` +
  ` | snippet <${SNIPPET_LANGUAGES.join('|')}> --company C --product P --version V [--json] | --jsonl | --help`;

const HELP = `${USAGE}

  build     print MdePartner-{C}-{P}/{V}, or the reasons it cannot be built
  parse     check an existing User-Agent value (a leading "User-Agent:" is allowed)
  snippet   print copy-ready code that sends the value
  --json    print the result as one JSON object instead of text
  --jsonl   read requests such as {"op":"build","company":…,"product":…,"version":…},
            {"op":"parse","value":…} or {"op":"snippet","lang":…,…}; write one JSON result per line

Exit status: 0 valid, 1 invalid, 2 usage error.`;

const FIELDS: readonly FieldName[] = ['company', 'product', 'version'];

class UsageError extends Error {}

interface Invocation {
  command: 'build' | 'parse' | 'snippet';
  positionals: string[];
  fields: { [field in FieldName]?: string };
  json: boolean;
}

function readArguments(argv: string[]): Invocation | 'help' | 'jsonl' {
  if (argv.includes('--help') || argv.includes('-h')) return 'help';
  const [command, ...rest] = argv;
  if (command === '--jsonl') {
    if (rest.length) throw new UsageError('--jsonl takes no other arguments');
    return 'jsonl';
  }
  if (command !== 'build' && command !== 'parse' && command !== 'snippet')
    throw new UsageError(command === undefined ? 'missing command' : `unknown command: ${command}`);
  const invocation: Invocation = { command, positionals: [], fields: {}, json: false };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--') {
      invocation.positionals.push(...rest.slice(i + 1));
      break;
    }
    if (arg === '--json') {
      invocation.json = true;
      continue;
    }
    if (!arg.startsWith('--')) {
      invocation.positionals.push(arg);
      continue;
    }
    const [flag, inlineValue] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg];
    const field = FIELDS.find((name) => flag === `--${name}`);
    if (!field || command === 'parse') throw new UsageError(`unknown flag for ${command}: ${flag}`);
    // The next argument is the value even when it starts with "-": `--company -Contoso` must reach the
    // builder, which then explains the hyphen.
    const value = inlineValue ?? rest[++i];
    if (value === undefined) throw new UsageError(`${flag} needs a value`);
    invocation.fields[field] = value;
  }
  const expectedPositionals = command === 'build' ? 0 : 1;
  if (invocation.positionals.length !== expectedPositionals)
    throw new UsageError(
      command === 'build'
        ? `unexpected argument: ${invocation.positionals[0]}`
        : `${command} needs exactly one ${command === 'parse' ? 'value' : 'language'}`,
    );
  if (command === 'snippet' && !isSnippetLanguage(invocation.positionals[0]))
    throw new UsageError(`unknown snippet language: ${invocation.positionals[0]}`);
  if (command !== 'parse') {
    const missing = FIELDS.filter((field) => invocation.fields[field] === undefined);
    if (missing.length) throw new UsageError(`missing ${missing.map((field) => `--${field}`).join(', ')}`);
  }
  return invocation;
}

const isSnippetLanguage = (value: unknown): value is SnippetLanguage =>
  (SNIPPET_LANGUAGES as readonly unknown[]).includes(value);

/** Every field problem as `level field: message [CODE]`, then the suggestions. */
function describeBuildProblems({ fields }: BuildResult): string[] {
  return FIELDS.flatMap((field) => {
    const { errors, warnings, infos, suggestion } = fields[field];
    return [...errors, ...warnings, ...infos].map((issue) => {
      const detail = issue.code === 'I_SUGGESTION' ? ` ${field}="${suggestion}"` : '';
      return `${CODE_LEVELS[issue.code]} ${field}: ${describeIssueEn(issue, detail)}`;
    });
  });
}

interface Outcome {
  ok: boolean;
  json: object;
  stdout: string[];
  stderr: string[];
}

function runBuild(input: UserAgentInput): Outcome {
  const result = buildUserAgent(input);
  return {
    ok: result.ok,
    json: result,
    stdout: result.value === null ? [] : [result.value],
    stderr: describeBuildProblems(result),
  };
}

function runParse(value: string): Outcome {
  const result = parseUserAgent(value);
  const found = (['company', 'product', 'version'] as const)
    .filter((part) => result[part] !== null)
    .map((part) => `${part}: ${result[part]}`);
  const problems = result.diags.map((diag) => `${diag.level} ${describeIssueEn(diag)}`);
  return result.ok
    ? { ok: true, json: result, stdout: found, stderr: problems }
    : { ok: false, json: result, stdout: [], stderr: [...problems, ...found.map((line) => `found ${line}`)] };
}

function runSnippet(language: SnippetLanguage, input: UserAgentInput): Outcome {
  const result = renderSnippet(language, input);
  return {
    ok: result.ok,
    json: result,
    stdout: result.ok ? [result.code] : [],
    stderr: result.ok ? [] : ['no snippet for an invalid value:', ...describeBuildProblems(buildUserAgent(input))],
  };
}

const fail = (error: string) => ({ ok: false as const, error });

/** One --jsonl request to one result; a request that cannot be understood yields `{ok:false, error}`. */
function answerJsonLine(line: string): { ok: boolean } {
  let request: unknown;
  try {
    request = JSON.parse(line);
  } catch (error) {
    return fail(`invalid JSON: ${(error as Error).message}`);
  }
  if (typeof request !== 'object' || request === null || Array.isArray(request))
    return fail('a request must be a JSON object');
  const fields = request as Record<string, unknown>;
  const input: UserAgentInput = {};
  for (const field of FIELDS) {
    const value = fields[field];
    if (value !== undefined && value !== null && typeof value !== 'string') return fail(`"${field}" must be a string`);
    input[field] = value;
  }
  switch (fields.op) {
    case 'build':
      return buildUserAgent(input);
    case 'parse':
      if (typeof fields.value !== 'string') return fail('"parse" needs a string "value"');
      return parseUserAgent(fields.value);
    case 'snippet':
      if (!isSnippetLanguage(fields.lang)) return fail(`"lang" must be one of ${SNIPPET_LANGUAGES.join(', ')}`);
      return renderSnippet(fields.lang, input);
    default:
      return fail('"op" must be "build", "parse" or "snippet"');
  }
}

async function runJsonLines(): Promise<number> {
  let allOk = true;
  // Results are written as each line is answered, so a long stream is answered as it arrives.
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    const result = answerJsonLine(line);
    allOk &&= result.ok;
    process.stdout.write(`${JSON.stringify(result)}\n`);
  }
  return allOk ? 0 : 1;
}

async function main(argv: string[]): Promise<number> {
  let invocation: ReturnType<typeof readArguments>;
  try {
    invocation = readArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`ua: ${error.message}\n${USAGE}`);
    return 2;
  }
  if (invocation === 'help') {
    console.log(HELP);
    return 0;
  }
  if (invocation === 'jsonl') return runJsonLines();
  const { command, positionals, fields, json } = invocation;
  const outcome =
    command === 'build'
      ? runBuild(fields)
      : command === 'parse'
        ? runParse(positionals[0]!)
        : runSnippet(positionals[0] as SnippetLanguage, fields);
  if (json) process.stdout.write(`${JSON.stringify(outcome.json)}\n`);
  else {
    if (outcome.stdout.length) process.stdout.write(`${outcome.stdout.join('\n')}\n`);
    if (outcome.stderr.length) process.stderr.write(`${outcome.stderr.join('\n')}\n`);
  }
  return outcome.ok ? 0 : 1;
}

// exitCode rather than exit(): lets buffered output to a pipe drain before the process ends.
process.exitCode = await main(process.argv.slice(2));
