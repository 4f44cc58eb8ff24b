/**
 * `mt-docs dev [--content DIR] [--out DIR] [--port N]`: builds the site, serves it on 127.0.0.1, and
 * builds again whenever a source, an include, a TOC, the config or a UI string changes; open pages reload
 * themselves after a good build and say so after a failed one.
 *
 * Each rebuild is `mt-docs build` as a child process, so it is exactly the build a deployment runs, with
 * its per-document cache: one changed page re-renders that page's document only. The build swaps its
 * output in whole, so the server always serves a complete site (the last good one while a build runs or
 * after one fails). Changes that arrive while a build runs are gathered into one more build after it.
 */
import './terminal-colour.ts';
import { spawn } from 'node:child_process';
import { existsSync, watch, type FSWatcher } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, relative, resolve, sep } from 'node:path';
import { VFile } from 'vfile';
import { parseCommandLine } from './command-line.ts';
import { serveStatic } from './static-server.ts';
import { docfxProjects, readConfig } from '../src/site/config.ts';
import { internalErrorLine } from './internal-error.ts';

const root = new URL('..', import.meta.url).pathname;
const USAGE = `usage: mt-docs dev [--content DIR] [--out DIR] [--port N] [--json]

Builds the site, serves it on 127.0.0.1 and builds again when a source, include, TOC, the config or a
UI string changes (open pages reload after a good build; a failed build keeps the last good site).

  --content DIR  the content folder, with mt-docs.config.json (default content/, or . in a content folder)
  --out DIR      where the site is built (default dist/, or ./dist in a content folder)
  --port N       port on 127.0.0.1 (default 4321; 0 picks a free one)
  --json         one JSON line per event on stdout ({"event":"serving"|"built"|"failed", …})
  -h, --help     this text

example: mt-docs dev --port 8080
exit: 0 stopped (Ctrl+C), 1 the port is taken, 2 usage error`;

const line = parseCommandLine(
  process.argv.slice(2),
  {
    content: { type: 'string', default: process.env.MT_DOCS_CONTENT ?? join(root, 'content') },
    out: { type: 'string', default: join(root, 'dist') },
    port: { type: 'string', default: '4321' },
    json: { type: 'boolean', default: false },
  },
  USAGE,
);
if (typeof line === 'number') process.exit(line);
const { values } = line;
const port = Number(values.port);
if (line.positionals.length > 0 || !Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`${line.positionals.length > 0 ? `unexpected argument "${line.positionals[0]}"` : `--port must be a number from 0 to 65535, not "${values.port}"`}\n\n${USAGE}`);
  process.exit(2);
}
const content = resolve(values.content!);
const out = resolve(values.out!);
const locales = process.env.MT_DOCS_LOCALES ?? join(root, 'locales');
const event = (name: string, data: Record<string, unknown>, text: string) => {
  if (values.json) console.log(JSON.stringify({ event: name, ...data }));
  console.error(text);
};

/** The build running now, stopped with the server (it leaves the last output as it was). */
let current: ReturnType<typeof spawn> | undefined;

/** One build, as `mt-docs build` runs it; its progress and diagnostics go to this terminal. */
function runBuild(): Promise<{ ok: boolean; ms: number }> {
  const started = performance.now();
  return new Promise((done) => {
    const child = (current = spawn(process.execPath, [join(root, 'scripts/build.ts'), '--content', content, '--out', out], { stdio: ['ignore', 'ignore', 'inherit'], env: process.env }));
    child.on('exit', (code) => done({ ok: code === 0, ms: Math.round(performance.now() - started) }));
    child.on('error', () => done({ ok: false, ms: Math.round(performance.now() - started) }));
  });
}

// Open pages listen here: `reload` after a good build, `failed` after a bad one.
const listeners = new Set<ServerResponse>();
const tell = (name: 'reload' | 'failed') => {
  for (const response of listeners) response.write(`event: ${name}\ndata: {}\n\n`);
};
const LIVE_SCRIPT = `// mt-docs dev: reload after a good build; say so after a failed one.
const events = new EventSource('/__mt-docs/events');
events.addEventListener('reload', () => location.reload());
events.addEventListener('failed', () => {
  let note = document.getElementById('mt-docs-dev-failed');
  if (!note) {
    note = document.createElement('p');
    note.id = 'mt-docs-dev-failed';
    note.setAttribute('role', 'alert');
    note.lang = 'en';
    note.textContent = 'mt-docs dev: the last build failed (see the terminal); this is the last good build.';
    // Set through the CSSOM, which the pages' Content-Security-Policy allows (a style attribute it does not).
    Object.assign(note.style, { position: 'sticky', top: '0', zIndex: '100', margin: '0', padding: '0.5rem 1rem', background: '#8b0000', color: '#fff', font: '600 1rem system-ui, sans-serif' });
    document.body.prepend(note);
  }
});
`;

const first = await runBuild();
// A failed first build with no earlier site: served all the same (its pages answer 404 until a build
// succeeds), and watched, so that the fix the user makes next is built.
if (!first.ok && !existsSync(join(out, 'index.html'))) console.error('dev: the first build failed (above) and there is no earlier site yet; fix the sources and it builds again');

let url: string;
try {
  ({ url } = await serveStatic(out, {
    port,
    intercept(request, response) {
      const path = (request.url ?? '/').split('?')[0];
      if (path === '/__mt-docs/live.js') {
        response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }).end(LIVE_SCRIPT);
        return true;
      }
      if (path === '/__mt-docs/events') {
        response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
        response.write(': connected\n\n');
        listeners.add(response);
        request.on('close', () => listeners.delete(response));
        return true;
      }
      return false;
    },
    transformHtml: (html) => html.replace('</head>', '<script type="module" src="/__mt-docs/live.js"></script></head>'),
  }));
} catch (error) {
  console.error(`cannot serve on 127.0.0.1:${port}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  process.exit(1);
}
event('serving', { url: `${url}/`, out, ok: first.ok }, `dev: serving ${out} on ${url}/ — watching for changes (Ctrl+C stops)`);

/** What a build reads: the content folder, the DocFX projects its config names (which may lie outside it), the UI strings. */
function watchedFolders(): string[] {
  const config = readConfig(content, new VFile());
  const projects = config ? (docfxProjects(config) ?? []).map((p) => resolve(content, p)) : [];
  const folders = [content, ...projects, locales].filter((d) => existsSync(d));
  // A folder inside another watched one is watched with it.
  return folders.filter((d, i) => !folders.some((o, j) => j !== i && (d === o ? j < i : d.startsWith(o + sep))));
}

/** Changes the build does not read: its own output (and the folders it swaps it through), caches, version control, editors' temporary files. */
function ignored(path: string): boolean {
  if (path === out || path.startsWith(out + sep)) return true;
  const parts = path.split(sep);
  const name = parts.at(-1) ?? '';
  return parts.some((p) => p === '.git' || p === 'node_modules' || p === '.cache' || p.startsWith('.staging-') || p.startsWith('.previous-')) || /(^\.#|~$|\.swp$|\.swx$|^4913$)/.test(name);
}

let building = false;
let pending: string[] = [];
let timer: NodeJS.Timeout | undefined;
const DEBOUNCE_MS = 150;

async function rebuild(): Promise<void> {
  if (building) return;
  building = true;
  while (pending.length > 0) {
    const all = [...new Set(pending)];
    const changed = all.slice(0, 50);
    pending = [];
    console.error(`dev: ${all.length === 1 ? relative(process.cwd(), all[0]!) || all[0] : `${all.length} files`} changed; building`);
    const result = await runBuild();
    if (result.ok) event('built', { ms: result.ms, changed }, `dev: built in ${(result.ms / 1000).toFixed(1)} s; pages reload`);
    else event('failed', { ms: result.ms, changed }, 'dev: the build failed (above); still serving the last good build');
    tell(result.ok ? 'reload' : 'failed');
  }
  building = false;
}

const watchers: FSWatcher[] = [];
for (const folder of watchedFolders()) {
  try {
    watchers.push(
      watch(folder, { recursive: true }, (_type, name) => {
        const path = name ? join(folder, String(name)) : folder;
        if (ignored(path)) return;
        pending.push(path);
        clearTimeout(timer);
        timer = setTimeout(() => void rebuild().catch((error: unknown) => console.error(internalErrorLine(error, 'dev'))), DEBOUNCE_MS);
      }),
    );
  } catch (error) {
    console.error(`dev: cannot watch ${folder} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); changes there need a restart`);
  }
}

const stop = () => {
  if (current && current.exitCode === null) current.kill('SIGTERM');
  for (const w of watchers) w.close();
  for (const response of listeners) response.end();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
