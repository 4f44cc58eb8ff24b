/**
 * `.openpublishing.redirection.json`, where a DocFX repo says which pages moved: each
 * `source_path` (from the repo root, or `source_path_from_root` from `/`) becomes a redirect page at
 * that page's URL in every locale, to the page it names in the site when the site has it, else to the
 * upstream docs. Looked for in the project folder and the repo folder above it; read like a source
 * (bounded, a regular file, no symlink out). An entry that cannot be used is a warning at its line.
 */
import { posix } from 'node:path';
import { VFile } from 'vfile';
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode, type YAMLMap } from 'yaml';
import { report } from '../pipeline/diagnostics.ts';
import { escapeHtml } from './escape-html.ts';
import { readSourceFile, type SymlinkPolicy } from './safe-paths.ts';

export const REDIRECTION_FILE = '.openpublishing.redirection.json';
/** Entries read from one file; past it the rest is left out with a warning. */
export const MAX_REDIRECTS = 50_000;

/**
 * A page that moved: its id, and where to: a page of the site, a path on the upstream site (made
 * `/<locale>/<path>` there for each locale's redirect), or an address elsewhere.
 */
export interface Redirect {
  from: string;
  to: { docId: string } | { upstreamPath: string } | { url: string };
}

/** The redirects of a DocFX project, from the redirection file in it or in the repo folder above it. */
export function readRedirects(args: {
  root: string;
  policy: SymlinkPolicy;
  docIds: ReadonlySet<string>;
  upstreamBase: string;
  shown: (rel: string, root: string) => string;
  files: VFile[];
}): Redirect[] {
  const { root, policy, docIds, upstreamBase, shown, files } = args;
  const candidates: { dir: string; rel: string; prefix: string }[] = [
    { dir: root, rel: REDIRECTION_FILE, prefix: '' },
    { dir: posix.dirname(root), rel: REDIRECTION_FILE, prefix: `${posix.basename(root)}/` },
  ];
  for (const c of candidates) {
    const read = readSourceFile(c.dir, c.rel, policy);
    if (!read.ok) continue;
    const file = new VFile({ path: shown(c.rel, c.dir) });
    files.push(file);
    return parseRedirects(read.bytes.toString('utf8'), c.prefix, docIds, upstreamBase, file);
  }
  return [];
}

/** The entries of one redirection file, `prefix` the project's folder inside the repo. Pure. */
export function parseRedirects(text: string, prefix: string, docIds: ReadonlySet<string>, upstreamBase: string, file: VFile): Redirect[] {
  const lines = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    const at = lines.linePos(doc.errors[0]!.pos[0]);
    report(file, 'warning', `${REDIRECTION_FILE} does not parse: ${doc.errors[0]!.message.split('\n')[0]}; no redirects made`, { line: at.line, column: at.col }, 'redirect-parse');
    return [];
  }
  const list = isMap(doc.contents) ? doc.contents.get('redirections', true) : null;
  if (!isSeq(list)) {
    report(file, 'warning', `${REDIRECTION_FILE} has no "redirections" list; no redirects made`, { line: 1, column: 1 }, 'redirect-parse');
    return [];
  }
  const byLower = new Map([...docIds].map((id) => [id.toLowerCase(), id]));
  const upstream = new URL(upstreamBase.replace('{locale}', 'en-us'));
  const out: Redirect[] = [];
  for (const item of list.items.slice(0, MAX_REDIRECTS)) {
    const at = lines.linePos((item as YamlNode).range?.[0] ?? 0);
    const place = { line: at.line, column: at.col };
    if (!isMap(item)) continue;
    const get = (key: string) => {
      const v = (item as YAMLMap).get(key);
      return typeof v === 'string' ? v.trim() : null;
    };
    const source = get('source_path') ?? get('source_path_from_root')?.replace(/^\//, '') ?? null;
    const target = get('redirect_url');
    if (!source || !target) {
      report(file, 'warning', 'redirect entry without source_path and redirect_url; left out', place, 'redirect-invalid');
      continue;
    }
    // Entries for other docsets of the same repo are theirs, not this site's.
    if (!source.startsWith(prefix)) continue;
    const from = source.slice(prefix.length).replace(/\.(md|yml)$/i, '');
    if (byLower.has(from.toLowerCase())) {
      report(file, 'warning', `redirect from ${source}, which is a page of this site: the page is kept, the redirect left out`, place, 'redirect-shadowed');
      continue;
    }
    if (!/^[\w.-]+(\/[\w.-]+)*$/.test(from)) {
      report(file, 'warning', `redirect from "${source}", which cannot be a page path of this site; left out`, place, 'redirect-invalid');
      continue;
    }
    let url: URL;
    try {
      url = new URL(target, upstream);
    } catch {
      report(file, 'warning', `redirect_url "${target}" is not an address; left out`, place, 'redirect-invalid');
      continue;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      report(file, 'warning', `redirect_url "${target}" is not http(s); left out`, place, 'redirect-invalid');
      continue;
    }
    // A target inside this docset (`/<base path>/<page>`) that the site has stays in the site.
    const basePath = upstream.pathname.replace(/^\/en-us\//, '/');
    const pathInDocset = url.origin === upstream.origin && url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length).replace(/\/$/, '') : null;
    const local = pathInDocset !== null ? byLower.get(pathInDocset.toLowerCase()) : undefined;
    if (local) out.push({ from, to: { docId: local } });
    else if (target.startsWith('/') && !target.startsWith('//')) out.push({ from, to: { upstreamPath: `${url.pathname}${url.search}${url.hash}` } });
    else out.push({ from, to: { url: url.href } });
  }
  if (list.items.length > MAX_REDIRECTS) report(file, 'warning', `more than ${MAX_REDIRECTS} redirects; the rest are left out`, { line: 1, column: 1 }, 'redirect-limit');
  return out;
}

/** The redirect page: a meta refresh (no script: the site's CSP forbids inline code), a canonical link, and a link to follow. */
export function redirectHtml(args: { lang: string; to: string; canonical: string; label: string }): string {
  const to = escapeHtml(args.to);
  return `<!DOCTYPE html><html lang="${escapeHtml(args.lang)}"><head><meta charset="utf-8"><title>${escapeHtml(args.label)}</title><meta name="robots" content="noindex"><link rel="canonical" href="${escapeHtml(args.canonical)}"><meta http-equiv="refresh" content="0; url=${to}"></head><body><p><a href="${to}">${escapeHtml(args.label)}</a></p></body></html>\n`;
}
