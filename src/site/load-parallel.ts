/**
 * The site loaded on every core: pass 1 (configuration, locales, every source read) here, then each
 * document normalised, its English rebuilt and (when asked) checked in a pool of worker threads sized
 * to the machine. Results are put back in document order, so the site, its diagnostics and its reports
 * are the same, byte for byte, as one thread's (a test holds it to that).
 *
 * Why threads: the work per document is pure and independent, and it was most of a build's first half
 * on one core. Why not for a small site: starting a worker (loading the pipeline in it) costs ~0.3 s.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { checkDocument, loadQaData, type QaData, type QaEntry, type QaRun, sourcesOf } from '../qa/load-qa.ts';
import { addTree, DocCache, folderHash, hashOf } from './doc-cache.ts';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { LocalizedDoc } from '../pipeline/localized-doc.ts';
import { renderPageArticle } from './site-data.ts';
import { assembleSite, contentDirDefault, isPrepared, loadDocument, prepareSite, type LoadedSite, type LoadOptions, type PreparedSite, type SiteDoc } from './load-site.ts';

export interface ParallelOptions extends LoadOptions {
  /** Run the translator checks too (default: when the site publishes translator pages). */
  checks?: boolean;
  /** Threads at most (default: the machine's cores); 1 loads in this thread. */
  workers?: number;
  /** Reuse (and keep) each document's result under a key of everything it depends on; `code` fingerprints the code. */
  cache?: { store: DocCache; code: string };
  /**
   * Documents (by id and key) whose pages the last build already has: taken from the cache without their
   * pages' article HTML and their downloads' data, half of an entry that a rebuild after one changed
   * source would read for every document and not use. `ensureWhole` reads that part when it is needed.
   */
  partial?: (docId: string, key: string) => boolean;
}

/** The part of a document's result that only its own pages and downloads use. */
interface WholePart {
  articles: SiteDoc['articles'];
  qa: Pick<QaEntry, 'tmxPairs' | 'xliff'> | null;
}

/**
 * The loaders allocate fast and keep little (a page's tree lives until its document is done): a young
 * generation larger than V8's default scavenges less often (on the 50-document scale corpus, two
 * threads, one measurement: 4.0 s with the default, 2.8 s with 128 MB).
 */
const YOUNG_GENERATION_MB = 128;

/** A document per worker at least this many, or the threads cost more than they save. */
const DOCS_PER_WORKER = 4;

export interface WorkerJob {
  index: number;
  docId: string;
  entries: Parameters<typeof loadDocument>[2];
}

export interface SerializedFile {
  path: string;
  messages: { reason: string; place: VFileMessage['place']; ruleId: string | undefined; source: string | undefined; fatal: boolean | null | undefined }[];
}

export interface WorkerResult {
  index: number;
  siteDoc: SiteDoc;
  files: SerializedFile[];
  qa: Pick<QaEntry, 'report' | 'tmxPairs' | 'xliff'> | null;
}

export const serializeFile = (f: VFile): SerializedFile => ({
  path: f.path,
  messages: f.messages.map((m) => ({ reason: m.reason, place: m.place, ruleId: m.ruleId, source: m.source, fatal: m.fatal })),
});

/** A file as the loader made it: its path and its messages (what every later stage reads of it). */
function reviveFile(s: SerializedFile): VFile {
  const file = new VFile({ path: s.path });
  for (const m of s.messages) {
    const message = new VFileMessage(m.reason, { place: m.place, ruleId: m.ruleId, source: m.source });
    message.file = s.path;
    message.fatal = m.fatal;
    file.messages.push(message);
  }
  return file;
}

const EMPTY_ROOT = (): LocalizedDoc['tree'] => ({ type: 'root', children: [] });

/**
 * What the build's own thread needs of a document, and no more: every page's article rendered here,
 * then the trees and the checks' text views left out (they are most of a document's size, and nothing
 * after the load reads them). New objects rather than `delete`, which would slow every later read.
 */
function shipLight(siteDoc: SiteDoc, context: Parameters<typeof loadDocument>[0]): void {
  const pages = [...(siteDoc.english ? [siteDoc.english] : []), ...siteDoc.translations];
  siteDoc.articles = Object.fromEntries(pages.map((doc) => [doc.locale, renderPageArticle(doc, siteDoc, context.registry, context.resources)]));
  const light = new Map<LocalizedDoc, LocalizedDoc>();
  const lighten = (doc: LocalizedDoc): LocalizedDoc => {
    let l = light.get(doc);
    if (!l) light.set(doc, (l = { ...doc, tree: EMPTY_ROOT(), blocks: doc.blocks.map(({ view: _view, ...b }) => b) }));
    return l;
  };
  siteDoc.translations = siteDoc.translations.map(lighten);
  if (siteDoc.english) siteDoc.english = lighten(siteDoc.english);
  siteDoc.englishSides = Object.fromEntries(Object.entries(siteDoc.englishSides).map(([k, d]) => [k, lighten(d)]));
}

/** One document loaded, checked and its pages' articles rendered: what a worker does with a job. */
export function runJob(context: Parameters<typeof loadDocument>[0], data: QaData | null, job: WorkerJob): WorkerResult {
  const { siteDoc, files } = loadDocument(context, job.docId, job.entries);
  const qa = data ? checkDocument(siteDoc, data) : null;
  shipLight(siteDoc, context);
  return { index: job.index, siteDoc, files: files.map(serializeFile), qa: qa ? { report: qa.report, tmxPairs: qa.tmxPairs, xliff: qa.xliff } : null };
}

export interface ParallelResult {
  site: LoadedSite;
  run: QaRun;
  threads: number;
  /** Each document's cache key, in document order (what the later stages' cache entries build on). */
  keys: string[];
  /** Documents taken from the cache. */
  cached: number;
  /** Makes a document taken without its pages' part (`partial`) whole: before its pages or downloads are made. */
  ensureWhole: (docId: string) => void;
}

/**
 * A hash of the files besides the pages that any page may depend on: the includes folder (folders
 * layout), or every file of each DocFX project that is not a page (includes wherever they are, TOCs,
 * docfx.json). Any change there invalidates every document.
 */
export function sharedFilesHash(prepared: PreparedSite, contentDir: string): string {
  const roots = [...new Set(prepared.documents.flatMap((d) => d.entries.filter((e) => e.includes === 'relative').map((e) => e.root)))];
  if (roots.length === 0) return folderHash(join(contentDir, 'includes'));
  const pages = new Set(prepared.documents.flatMap((d) => d.entries.map((e) => e.path)));
  const hash = createHash('sha256');
  for (const root of roots.sort()) {
    hash.update(`[${root}]`);
    addTree(hash, root, root, false, (path) => !pages.has(path));
  }
  return hash.digest('hex');
}

export async function loadSiteParallel(options: ParallelOptions = {}): Promise<ParallelResult> {
  const prepared = prepareSite(options);
  if (!isPrepared(prepared)) return { site: prepared, run: { site: prepared, reports: [] }, threads: 0, keys: [], cached: 0, ensureWhole: () => {} };
  const contentDir = options.contentDir ?? contentDirDefault();
  const checks = options.checks ?? prepared.context.config.translatorPages;
  const data = checks ? loadQaData(contentDir) : null;
  const total = prepared.documents.length;
  const jobs: WorkerJob[] = prepared.documents.map(({ docId, entries }, index) => ({ index, docId, entries }));
  const results: WorkerResult[] = new Array(total);
  let done = 0;
  const finished = (r: WorkerResult) => {
    results[r.index] = r;
    options.onProgress?.(++done, total);
  };

  // What every document depends on besides its own sources, then each document's key.
  const cache = options.cache;
  const shared = cache ? hashOf('load', cache.code, String(checks), JSON.stringify(prepared.context), JSON.stringify(data), sharedFilesHash(prepared, contentDir)) : '';
  const keys = jobs.map((job) => (cache ? hashOf(shared, ...job.entries.flatMap((e) => [e.shownPath, e.path, e.bytes])) : ''));
  const todo: WorkerJob[] = [];
  /** Documents taken without their pages' part, by id. */
  const partial = new Map<string, WorkerJob>();
  for (const job of jobs) {
    const key = keys[job.index]!;
    const hit = cache?.store.get<Omit<WorkerResult, 'index'>>('load', job.docId, key);
    const lean = hit !== null && hit !== undefined && options.partial?.(job.docId, key) === true;
    const part = hit && !lean ? cache!.store.get<WholePart>('load-pages', job.docId, key) : null;
    if (hit && (lean || part)) {
      if (part) makeWhole(hit, part);
      else partial.set(job.docId, job);
      finished({ ...hit, index: job.index });
    } else todo.push(job);
  }
  const cached = total - todo.length;
  const threads = todo.length === 0 ? 0 : Math.max(1, Math.min(options.workers ?? availableParallelism(), Math.floor(todo.length / DOCS_PER_WORKER)));
  const fresh = (r: WorkerResult) => {
    finished(r);
    if (!cache) return;
    const { articles, ...siteDoc } = r.siteDoc;
    cache.store.set('load', r.siteDoc.docId, keys[r.index]!, { siteDoc, files: r.files, qa: r.qa && { report: r.qa.report } });
    cache.store.set('load-pages', r.siteDoc.docId, keys[r.index]!, { articles, qa: r.qa && { tmxPairs: r.qa.tmxPairs, xliff: r.qa.xliff } } satisfies WholePart);
  };
  if (threads === 1) for (const job of todo) fresh(runJob(prepared.context, data, job));
  else if (threads > 1) await runPool(threads, prepared.context, data, todo, fresh);
  cache?.store.prune(jobs.map((j) => j.docId));

  const loaded = results.map((r) => ({ siteDoc: r.siteDoc, files: r.files.map(reviveFile) }));
  const site = assembleSite(prepared, loaded);
  // A document taken without its pages' part has no downloads' data yet (`ensureWhole` adds it).
  const reports: QaRun['reports'] = results.flatMap((r) => (r.qa ? [{ siteDoc: r.siteDoc, sources: sourcesOf(r.siteDoc), ...r.qa, tmxPairs: r.qa.tmxPairs ?? [], xliff: r.qa.xliff ?? [] }] : []));
  const ensureWhole = (docId: string) => {
    const job = partial.get(docId);
    if (!job) return;
    partial.delete(docId);
    const result = results[job.index]!;
    // Written with the rest of the entry; gone only if another build replaced it meanwhile: made again here.
    const part = cache!.store.get<WholePart>('load-pages', docId, keys[job.index]!) ?? wholePartOf(runJob(prepared.context, data, job));
    makeWhole(result, part);
    const entry = reports.find((e) => e.siteDoc === result.siteDoc);
    if (entry && part.qa) Object.assign(entry, part.qa);
  };
  return { site, run: { site, reports }, threads, keys, cached, ensureWhole };
}

const wholePartOf = (r: WorkerResult): WholePart => ({ articles: r.siteDoc.articles, qa: r.qa && { tmxPairs: r.qa.tmxPairs, xliff: r.qa.xliff } });

function makeWhole(result: Omit<WorkerResult, 'index'>, part: WholePart): void {
  result.siteDoc.articles = part.articles;
  if (result.qa && part.qa) Object.assign(result.qa, part.qa);
}

/** Hands out documents one at a time to whichever thread is free (documents differ in size). */
function runPool(threads: number, context: Parameters<typeof loadDocument>[0], data: QaData | null, jobs: WorkerJob[], finished: (r: WorkerResult) => void): Promise<void> {
  return new Promise((resolvePool, rejectPool) => {
    let next = 0;
    let running = threads;
    let failed = false;
    const workers: Worker[] = [];
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      rejectPool(error);
    };
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(new URL('./load-worker.ts', import.meta.url), { workerData: { context, data }, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      workers.push(worker);
      const give = () => {
        if (next < jobs.length) worker.postMessage(jobs[next++]);
        else {
          worker.postMessage(null);
          if (--running === 0) resolvePool();
        }
      };
      worker.on('message', (msg: { result?: WorkerResult; error?: string }) => {
        if (msg.error) return fail(new Error(msg.error));
        finished(msg.result!);
        give();
      });
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (code !== 0) fail(new Error(`a loader thread stopped (exit code ${code})`));
      });
      give();
    }
  });
}
