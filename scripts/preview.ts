/**
 * `mt-docs preview [--dir DIR] [--port N] [--json]`: serves a built site on 127.0.0.1 (never on other
 * interfaces) as a static host would (scripts/static-server.ts): a missing page gets the 404 page of
 * its language. Nothing outside DIR is served.
 */
import './terminal-colour.ts';
import { argumentProblem } from './command-line.ts';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { serveStatic } from './static-server.ts';

const root = new URL('..', import.meta.url).pathname;
const USAGE = `usage: mt-docs preview [--dir DIR] [--port N] [--json]

  --dir DIR   the built site (default dist/, or ./dist in a content folder)
  --port N    port on 127.0.0.1 (default 4321; 0 picks a free one)
  --json      print {"url": …} on stdout once listening
  -h, --help  this text

example: mt-docs preview --dir dist --port 8080
exit: 0 stopped, 1 the folder has no site or the port is taken, 2 usage error`;

let values;
try {
  values = parseArgs({
    options: { dir: { type: 'string', default: join(root, 'dist') }, port: { type: 'string', default: '4321' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
  }).values;
} catch (error) {
  console.error(`${argumentProblem(error)}\n\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number from 0 to 65535, not "${values.port}"\n\n${USAGE}`);
  process.exit(2);
}
const dir = resolve(values.dir!);
if (!existsSync(join(dir, 'index.html'))) {
  console.error(`${dir} holds no built site (no index.html); run mt-docs build first`);
  process.exit(1);
}

try {
  const { url } = await serveStatic(dir, { port });
  if (values.json) console.log(JSON.stringify({ url: `${url}/`, dir }));
  else console.error(`serving ${dir} on ${url}/ (Ctrl+C stops)`);
} catch (error) {
  console.error(`cannot serve on 127.0.0.1:${port}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  process.exit(1);
}
process.on('SIGINT', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
