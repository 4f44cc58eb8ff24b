/**
 * `mt-docs preview [--dir DIR] [--port N] [--json]`: serves a built site on 127.0.0.1 (never on other
 * interfaces), as a static host would: `/a/` serves `a/index.html`, a missing page gets the 404 page of
 * its language (`/<lang>/404/`) when the site has one, else `/404.html`. Nothing outside DIR is served.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isInside } from '../src/site/safe-paths.ts';

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
  console.error(`${(error as Error).message}\n\n${USAGE}`);
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

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.gif': 'image/gif', '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8', '.wasm': 'application/wasm', '.xlf': 'application/xliff+xml', '.tmx': 'application/xml', '.csv': 'text/csv; charset=utf-8',
  '.pf_meta': 'application/octet-stream', '.pf_index': 'application/octet-stream', '.pf_fragment': 'application/octet-stream', '.pagefind': 'application/octet-stream',
};

/** The file a URL path names inside the site, or null. */
function fileFor(pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const path = resolve(dir, `.${decoded}`);
  if (!isInside(dir, path) || !existsSync(path)) return null;
  const stats = statSync(path);
  if (stats.isDirectory()) return existsSync(join(path, 'index.html')) ? join(path, 'index.html') : null;
  return stats.isFile() ? path : null;
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  // A folder without its slash: where a static host redirects.
  if (!url.pathname.endsWith('/') && extname(url.pathname) === '' && fileFor(`${url.pathname}/`)) {
    response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
    return;
  }
  let file = fileFor(url.pathname);
  let status = 200;
  if (!file) {
    status = 404;
    const lang = url.pathname.split('/')[1] ?? '';
    file = (lang && fileFor(`/${lang}/404/`)) || fileFor('/404.html');
  }
  if (!file) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
    return;
  }
  response.writeHead(status, { 'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream' });
  createReadStream(file).pipe(response);
});
server.on('error', (error) => {
  console.error(`cannot serve on 127.0.0.1:${port}: ${(error as NodeJS.ErrnoException).code ?? error.message}`);
  process.exit(1);
});
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}/`;
  if (values.json) console.log(JSON.stringify({ url, dir }));
  else console.error(`serving ${dir} on ${url} (Ctrl+C stops)`);
});
process.on('SIGINT', () => server.close(() => process.exit(0)));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
