/**
 * The one unified processor that turns a received page into a LocalizedDoc: parse (Markdown, GFM,
 * front matter) with the MT span markup taken off first, then small named plugins in a fixed order.
 *
 * Order matters and is the reason this file exists: includes are recognised before any link plugin (an
 * include is not a nested link), unsafe URLs go before links are repaired (a repaired link must not
 * resurrect one), and blocks are indexed last, over the final tree. Pure: any file access comes in
 * through `resolveInclude`.
 */
import type { Root } from 'mdast';
import type { Position } from 'unist';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { blockIndex } from './block-index.ts';
import { reportUnclosedFences } from './code-fences.ts';
import { decodeSource } from './decode-source.ts';
import { hasErrors, report, toDiagnostics } from './diagnostics.ts';
import { docfxAlerts } from './docfx-alerts.ts';
import { docfxAnchors } from './docfx-anchors.ts';
import { docfxBlocks } from './docfx-blocks.ts';
import { repairTableCells } from './table-cells.ts';
import { docfxIncludes, type IncludeResult } from './docfx-includes.ts';
import { frontMatterMeta } from './front-matter.ts';
import { linkTextsIn, repairEmptyLinks, repairNestedLinks } from './link-repair.ts';
import { dropUnsafeUrls, rewriteOffsiteLinks } from './link-targets.ts';
import type { LocalizedDoc } from './localized-doc.ts';
import { remarkMtSpanPairs, type Side } from './mt-spans.ts';
import { limitNesting } from './nesting-limit.ts';
import { textViews } from './text-view.ts';
import { sanitizeRawHtml } from './sanitize-html.ts';
import { SOURCE_LOCALE } from '../i18n/locales.ts';
import { ENGLISH_STRINGS, type PipelineStrings } from './strings.ts';

export interface NormalizeOptions {
  /** Path shown in diagnostics (as given by the caller). */
  path: string;
  /** The document id (folder under content/source); defaults to the file's parent folder name. */
  docId?: string;
  /** Which side of the MT span pairs to keep: the translation, or the English source. */
  side?: Side;
  /** Locale for a file whose front matter has none (the rebuilt English). */
  fallbackLocale?: string;
  strings?: PipelineStrings;
  /** English link text for a URL, from the rebuilt English page (for translations without span pairs). */
  englishLinkText?: (url: string) => string | undefined;
  /**
   * Raw Markdown of an include; null when the site does not have it; a problem when it may not be read
   * (outside the includes folder, a symlink, not a regular file).
   */
  resolveInclude?: (path: string, from?: string) => IncludeText | { problem: string } | null;
  upstream?: { base: string; dir: string };
  /** Upstream file names of this site's pages → their URL in the site (for this page's locale). */
  sitePages?: Record<string, string>;
  /**
   * An image file of the sources (`from`: the include it is in, when it is in one): its site URL,
   * `missing`, or null when the sources do not have such files (it goes upstream).
   */
  localImage?: (path: string, from?: string) => string | { missing: true } | null;
}

/**
 * An include's raw Markdown, with the id that names it (its path inside the project; nested includes
 * are resolved from it, and cycles found by it); a bare string is named by its file name.
 */
export type IncludeText = string | { text: string; id: string };

export const DEFAULT_UPSTREAM = { base: 'https://learn.microsoft.com/{locale}/', dir: '' };
/** Includes inside includes, as deep as real pages go (DocFX docs use one or two levels). */
export const MAX_INCLUDE_DEPTH = 3;
/** Includes expanded on one page in all, at every depth: bounds what one small file can multiply into. */
export const MAX_INCLUDE_EXPANSIONS = 64;
/** Bytes of include text expanded into one page in all. */
export const MAX_INCLUDED_BYTES = 2 * 1024 * 1024;

/** What one page's includes have used so far, shared by its nested processors. */
interface IncludeBudget {
  expansions: number;
  bytes: number;
  /** The includes being expanded, outermost first: a name already here is a cycle. */
  stack: string[];
}

/**
 * Includes as parsed (span markup off, before any plugin), by side and text: a repo's include is used on
 * hundreds of pages (one of the nl-NL slice's on 396), and parsing is most of what expanding it costs. A
 * hit is a copy of the tree, with the parse's messages and data, so every page still runs the plugins on
 * a tree of its own (what they do depends on the page). Bounded: at most this many, of at most
 * `MAX_CACHED_INCLUDE_BYTES` of text in all (an include larger than that is parsed every time).
 */
const MAX_CACHED_INCLUDES = 256;
const MAX_CACHED_INCLUDE_BYTES = 4 * 1024 * 1024;
interface ParsedInclude {
  tree: Root;
  messages: VFile['messages'];
  data: Pick<VFile['data'], 'segments' | 'parsed' | 'rawText'>;
}
const parsedIncludes = new Map<string, ParsedInclude>();
let parsedIncludeBytes = 0;

function parseInclude(processor: ReturnType<typeof createProcessor>, file: VFile, side: Side): Root {
  const text = String(file.value);
  const key = `${side}\0${text}`;
  const hit = parsedIncludes.get(key);
  if (hit) {
    file.messages.push(...hit.messages);
    Object.assign(file.data, hit.data);
    return structuredClone(hit.tree);
  }
  const tree = processor.parse(file) as Root;
  if (key.length <= MAX_CACHED_INCLUDE_BYTES) {
    while (parsedIncludes.size >= MAX_CACHED_INCLUDES || (parsedIncludes.size > 0 && parsedIncludeBytes + key.length > MAX_CACHED_INCLUDE_BYTES)) {
      const [oldest] = parsedIncludes.keys();
      parsedIncludeBytes -= oldest!.length;
      parsedIncludes.delete(oldest!);
    }
    const { segments, parsed, rawText } = file.data;
    parsedIncludes.set(key, { tree: structuredClone(tree), messages: [...file.messages], data: { segments, parsed, rawText } });
    parsedIncludeBytes += key.length;
  }
  return tree;
}

const includeKey = (path: string) => path.split(/[?#]/)[0]!.replace(/\\/g, '/').split('/').pop()!.toLowerCase();

function createProcessor(options: NormalizeOptions, file: VFile, depth: number, budget: IncludeBudget = { expansions: 0, bytes: 0, stack: [] }) {
  const strings = options.strings ?? ENGLISH_STRINGS;
  let ownLinks: Map<string, string> | undefined;
  const englishLinkText = (url: string) => {
    ownLinks ??= linkTextsIn((file.data.segments ?? []).map((s) => s.source ?? '').join('\n'));
    return ownLinks.get(url) ?? options.englishLinkText?.(url);
  };
  const resolveInclude = (path: string, place: Position | undefined): IncludeResult => {
    if (depth >= MAX_INCLUDE_DEPTH) return { problem: `includes nested more than ${MAX_INCLUDE_DEPTH} levels deep; ${path} is not expanded`, ruleId: 'include-limit' };
    if (budget.expansions >= MAX_INCLUDE_EXPANSIONS) return { problem: `more than ${MAX_INCLUDE_EXPANSIONS} includes expanded on this page; ${path} is not expanded`, ruleId: 'include-limit' };
    const found = options.resolveInclude?.(path, budget.stack.at(-1));
    if (found == null) return null;
    if (typeof found !== 'string' && 'problem' in found) return { problem: `include ${path} refused: ${found.problem}`, ruleId: 'include-refused' };
    const text = typeof found === 'string' ? found : found.text;
    const key = typeof found === 'string' ? includeKey(path) : found.id;
    if (budget.stack.includes(key)) return { problem: `include cycle: ${[...budget.stack, key].join(' → ')}; not expanded again`, ruleId: 'include-cycle' };
    if (budget.bytes + text.length > MAX_INCLUDED_BYTES) return { problem: `includes on this page would add more than ${MAX_INCLUDED_BYTES} bytes; ${path} is not expanded`, ruleId: 'include-limit' };
    budget.expansions += 1;
    budget.bytes += text.length;
    budget.stack.push(key);
    try {
      const inner = new VFile({ path, value: text });
      const nested = createProcessor({ ...options, path }, inner, depth + 1, budget);
      const tree = nested.runSync(parseInclude(nested, inner, options.side ?? 'target'), inner) as Root;
      // Where the include is used is what the reader of this file can act on; the include's own line follows.
      for (const m of inner.messages) file.message(`in include ${path}${m.line ? ` (line ${m.line})` : ''}: ${m.reason}`, { place, ruleId: m.ruleId ?? 'include', source: 'mt-docs' }).fatal = m.fatal;
      return tree;
    } finally {
      budget.stack.pop();
    }
  };
  const upstream = options.upstream ?? DEFAULT_UPSTREAM;
  const processor = unified()
    .use(remarkParse)
    .use(remarkMtSpanPairs, { side: options.side ?? 'target' })
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfm)
    .use(limitNesting)
    .use(textViews)
    // A repair: after the text views, which are of the tree as received.
    .use(repairTableCells);
  if (depth === 0) processor.use(frontMatterMeta, { fallbackLocale: options.fallbackLocale });
  return processor
    .use(docfxIncludes, { resolveInclude, includeMissing: strings.includeMissing })
    // After the includes: their headings are the page's too (in its contents, ids unique on the page).
    .use(docfxAnchors)
    .use(docfxAlerts, { titles: strings.alerts })
    .use(docfxBlocks, { strings })
    .use(dropUnsafeUrls)
    .use(repairNestedLinks)
    .use(repairEmptyLinks, { englishLinkText, untitledLink: strings.untitledLink })
    .use(rewriteOffsiteLinks, {
      upstreamBase: upstream.base,
      upstreamDir: upstream.dir,
      sitePages: options.sitePages,
      localImage: options.localImage && ((path: string) => options.localImage!(path, budget.stack.at(-1))),
      // The English side of a translation is English: it links to the English pages.
      locale: options.side === 'source' ? SOURCE_LOCALE : undefined,
    })
    .use(sanitizeRawHtml)
    .use(reportUnclosedFences)
    .use(blockIndex);
}

export interface NormalizeResult {
  /** Null when an error left no usable page (see `file.messages`). */
  doc: LocalizedDoc | null;
  file: VFile;
}

const docIdOf = (path: string) => path.split(/[\\/]/).slice(-2, -1)[0] ?? 'page';

/** Normalises a page given as text (already decoded). Never throws on content. */
export function normalizeText(text: string, options: NormalizeOptions): NormalizeResult {
  const file = new VFile({ path: options.path, value: text });
  const processor = createProcessor(options, file, 0);
  const tree = processor.runSync(processor.parse(file), file) as Root;
  if (hasErrors(file) || !file.data.meta) return { doc: null, file };
  return {
    doc: {
      docId: options.docId ?? docIdOf(options.path),
      path: options.path,
      locale: file.data.meta.locale,
      meta: file.data.meta,
      tree,
      segments: file.data.segments ?? [],
      headings: file.data.headings ?? [],
      blocks: file.data.blocks ?? [],
      messages: toDiagnostics(file),
      ...(file.data.parsed ? { parsed: file.data.parsed } : {}),
    },
    file,
  };
}

/**
 * Time one page may take to normalise before the build says so. A real page takes milliseconds; a page
 * past this is hostile or broken in a way the limits did not catch, and the warning names it.
 */
export const PARSE_BUDGET_MS = 5_000;

/** Normalises a page given as bytes: decoding problems (not UTF-8, empty) are errors with a place. */
export function normalizeBytes(bytes: Uint8Array, options: NormalizeOptions): NormalizeResult {
  const started = performance.now();
  const decoded = decodeSource(bytes, options.path);
  if (decoded.text === null) return { doc: null, file: decoded.file };
  const result = normalizeText(decoded.text, options);
  // Decoding notes (BOM, CRLF) come first, as they happened first.
  result.file.messages.unshift(...decoded.file.messages);
  if (result.doc) result.doc.messages = toDiagnostics(result.file);
  // Reported to whoever runs the build, never into the document's own messages (pages stay deterministic).
  const elapsed = performance.now() - started;
  if (elapsed > PARSE_BUDGET_MS) {
    report(result.file, 'warning', `normalising this page took ${(elapsed / 1000).toFixed(1)} s, over the ${PARSE_BUDGET_MS / 1000} s budget for one page: look for markup repeated thousands of times`, { line: 1, column: 1 }, 'parse-slow');
  }
  return result;
}
