/**
 * The site served as a static host serves it, on 127.0.0.1 only: `/a/` → `a/index.html`, `/a` → a
 * redirect to `/a/` when that is a folder, a missing page → the 404 page of its language
 * (`/<lang>/404/`) when the site has one, else `/404.html`; nothing outside the folder; text
 * compressed with gzip for a client that accepts it, as static hosts do (Pagefind's files are compressed
 * already). `mt-docs preview`, the browser tests and the benchmarks all use this one.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { createGzip } from 'node:zlib';
import { isInside } from '../src/site/safe-paths.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.xlf': 'application/xliff+xml',
  '.tmx': 'application/xml',
  '.csv': 'text/csv; charset=utf-8',
};

export interface StaticServer {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  url: string;
  server: Server;
  close: () => Promise<void>;
}

export interface ServeOptions {
  port?: number;
  headers?: Record<string, string>;
  /** Answers a request itself (true) before the site's files are looked at: `mt-docs dev`'s own URLs. */
  intercept?: (request: IncomingMessage, response: ServerResponse) => boolean;
  /** Rewrites each HTML page as it is served (`mt-docs dev` adds its reload script). */
  transformHtml?: (html: string) => string;
}

export function serveStatic(root: string, options: ServeOptions = {}): Promise<StaticServer> {
  const dir = resolve(root);
  /** The file a URL path names inside the site, or null. */
  const fileFor = (pathname: string): string | null => {
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
  };
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (options.intercept?.(request, response)) return;
    if (!url.pathname.endsWith('/') && extname(url.pathname) === '' && fileFor(`${url.pathname}/`)) {
      response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    let file = fileFor(url.pathname);
    const status = file ? 200 : 404;
    if (!file) {
      const lang = url.pathname.split('/')[1] ?? '';
      file = (lang && fileFor(`/${lang}/404/`)) || fileFor('/404.html');
    }
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    if (options.transformHtml && type.startsWith('text/html')) {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...options.headers }).end(options.transformHtml(readFileSync(file, 'utf8')));
      return;
    }
    const gzip = /^(?:text\/|application\/(?:json|xml|xliff\+xml)|image\/svg)/.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    response.writeHead(status, { 'content-type': type, vary: 'accept-encoding', ...(gzip ? { 'content-encoding': 'gzip' } : {}), ...options.headers });
    if (gzip) createReadStream(file).pipe(createGzip()).pipe(response);
    else createReadStream(file).pipe(response);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolvePromise({ url: `http://127.0.0.1:${port}`, server, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}
