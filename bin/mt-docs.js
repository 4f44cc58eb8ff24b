#!/usr/bin/env node
/**
 * `mt-docs <command> …`: the one entry point. Each command is a script of its own (scripts/*.ts, run
 * by Node's own type stripping); this dispatcher finds it, and lets a team run the generator from its
 * own content folder: where the working directory holds an mt-docs.config.json and no --content is
 * given, that folder is the content (and `build` writes ./dist there).
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

/** Command → its script and one line on what it does. */
const COMMANDS = {
  build: ['scripts/build.ts', 'check every source and build the site (reader pages, translator workbench, search)'],
  preview: ['scripts/preview.ts', 'serve a built site on 127.0.0.1'],
  dev: ['scripts/dev.ts', 'build, serve on 127.0.0.1, and build again when a source changes (pages reload)'],
  init: ['scripts/init.ts', 'write a starter mt-docs.config.json for a folder'],
  normalize: ['scripts/normalize.ts', 'one page normalised: clean Markdown, the document model, or the rebuilt English'],
  qa: ['scripts/qa.ts', 'the translator checks over the site, or a folder of one page in several locales'],
  diff: ['scripts/diff.ts', 'two locales of a page, block by aligned block'],
  import: ['scripts/import.ts', 'post-edited XLIFF back into the source file it was exported from'],
  ua: ['scripts/ua.ts', 'the User-Agent builder on the command line'],
};

const USAGE = `usage: mt-docs <command> [options]

commands:
${Object.entries(COMMANDS).map(([name, [, what]]) => `  ${name.padEnd(10)} ${what}`).join('\n')}

  mt-docs <command> --help   options, exit codes and an example for that command
  mt-docs --version          ${version}

Run from a folder holding mt-docs.config.json, the commands take that folder as the content
(build writes ./dist); elsewhere, give --content DIR.
exit: 0 ok, 1 content errors, 2 usage error`;

const [command, ...args] = process.argv.slice(2);
if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
  console.log(USAGE);
  process.exit(command === undefined ? 2 : 0);
}
if (command === '--version' || command === '-v') {
  console.log(version);
  process.exit(0);
}
const entry = COMMANDS[command];
if (!entry) {
  console.error(`mt-docs: unknown command "${command}"\n\n${USAGE}`);
  process.exit(2);
}
if (args.includes('--version')) {
  console.log(version);
  process.exit(0);
}
const extra = [];
const env = { ...process.env };
const here = process.cwd();
// Run from a team's folder (one holding mt-docs.config.json), the commands take it as the content.
const teamFolder = resolve(here) !== resolve(root) && existsSync(join(here, 'mt-docs.config.json'));
const given = (name) => args.some((a) => a === `--${name}` || a.startsWith(`--${name}=`));
if (teamFolder && (command === 'build' || command === 'dev') && !given('content')) {
  extra.push('--content', here);
  if (!given('out')) extra.push('--out', join(here, 'dist'));
}
if (teamFolder && ['qa', 'normalize', 'diff', 'import'].includes(command)) env.MT_DOCS_CONTENT ??= here;
if (teamFolder && command === 'preview' && !given('dir')) extra.push('--dir', join(here, 'dist'));
// The scripts need Node ≥ 22.12 (type stripping, Astro 7): the project's own Node (the `node`
// devDependency) when this one is older, as it is when mt-docs is started from outside the project.
const major = Number(process.versions.node.split('.')[0]);
const own = join(root, 'node_modules/node/bin/node');
const node = major >= 24 || !existsSync(own) ? process.execPath : own;
if (node === process.execPath && major < 22) {
  console.error(`mt-docs needs Node 22.12 or newer (this is ${process.version}); run npm install in ${root} to get the project's own`);
  process.exit(1);
}
// The command's help then names it as typed here (`mt-docs qa`), not as this checkout runs it.
env.MT_DOCS_COMMAND = command;
const child = spawn(node, [join(root, entry[0]), ...extra, ...args], { stdio: 'inherit', env });
// A signal to this process is the command's too (a terminal sends Ctrl+C to both; a supervisor only here).
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1)));
child.on('error', (error) => {
  console.error(`mt-docs: cannot start ${entry[0]}: ${error.message}`);
  process.exit(1);
});
