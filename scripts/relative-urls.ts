/**
 * Makes the built translator pages (`<lang>/translators/**`) work opened from disk (file://), as
 * translators often keep a build on their machine or receive it as an archive:
 *
 * - every site-absolute URL in a tag (`href="/_astro/x.css"`, `src="/theme-init.js"`, links between
 *   pages) becomes relative to the page, and a folder URL gets its `index.html` (a file:// folder is a
 *   listing, not a page);
 * - Astro's `<script type="module" src>` becomes a deferred classic script: browsers refuse module
 *   scripts from file:// (a null origin fails the module CORS check). The bundle is wrapped in a
 *   function so its top-level names stay private, as in a module, and written beside the original as
 *   `<name>.classic.js`. A bundle that imports or exports anything cannot be run that way: the build
 *   fails and says so, rather than shipping a page that silently loses its script.
 *
 * Runs after the Astro build, on the staging folder. Reader pages are left exactly as Astro wrote them.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { type Token, Tokenizer, TokenizerMode } from 'parse5';
import { resolveInside } from '../src/site/safe-paths.ts';
import { relativeUrl, RELATIVE_REGION } from '../src/site/workbench/relative.ts';

export { relativePath, relativeUrl } from '../src/site/workbench/relative.ts';

/** Site-relative paths (with `/`) of the translator pages' HTML files. */
function translatorPages(dir: string): string[] {
  const found: string[] = [];
  const walk = (abs: string) => {
    for (const name of readdirSync(abs)) {
      const p = join(abs, name);
      // The build wrote these folders itself; a symlink in them is nothing of ours to follow.
      const stats = lstatSync(p);
      if (stats.isDirectory()) walk(p);
      else if (stats.isFile() && name.endsWith('.html')) found.push(relative(dir, p).split(sep).join('/'));
    }
  };
  for (const top of readdirSync(dir)) {
    const candidates = [join(dir, top, 'translators'), ...(top === 'translators' ? [join(dir, top)] : [])];
    for (const c of candidates) if (existsSync(c) && lstatSync(c).isDirectory()) walk(c);
  }
  return [...new Set(found)].sort();
}

const STATIC_IMPORT_OR_EXPORT = /(?:^|[;}\s)])(?:import\s*(?:[\w$*{]|["'`])|export\s*[\w$*{])|import\.meta/;

/** A module bundle as a classic script; throws where that would change what it does. */
export function classicScript(code: string, file: string): string {
  if (STATIC_IMPORT_OR_EXPORT.test(code)) {
    throw new Error(`${file}: a translator page script imports or exports modules, so it cannot run from file:// as a classic script; keep src/client/qa-*.ts free of shared chunks`);
  }
  return `(()=>{"use strict";\n${code}\n})();\n`;
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** A start tag as the page has it: its name, attributes (values decoded) and where each is in the text. */
interface StartTag {
  tagName: string;
  attrs: Token.Attribute[];
  location: Token.LocationWithAttributes;
}

/**
 * What the tree builder would tell the tokenizer (the HTML standard's "switch the tokenizer to the …
 * state"): the text of these elements is not markup. Without it a `<a href>` inside a script or a title
 * would be read as a tag.
 */
const TEXT_STATE: Record<string, (typeof TokenizerMode)[keyof typeof TokenizerMode]> = {
  title: TokenizerMode.RCDATA,
  textarea: TokenizerMode.RCDATA,
  style: TokenizerMode.RAWTEXT,
  xmp: TokenizerMode.RAWTEXT,
  iframe: TokenizerMode.RAWTEXT,
  noembed: TokenizerMode.RAWTEXT,
  noframes: TokenizerMode.RAWTEXT,
  // Scripting is on in the browsers these pages are for (and in parse5's tree builder by default).
  noscript: TokenizerMode.RAWTEXT,
  script: TokenizerMode.SCRIPT_DATA,
  plaintext: TokenizerMode.PLAINTEXT,
};
/** SVG elements whose content is HTML again (the standard's HTML integration points; MathML's annotation-xml too). */
const INTEGRATION_POINTS = new Set(['foreignobject', 'desc', 'title', 'annotation-xml']);

/**
 * Each start tag of an HTML page, in order, handed to `onTag` as parse5's tokenizer reads it (no tree,
 * and nothing kept: a tree with source locations of a dashboard of megabytes was most of what this pass
 * cost, in time and in garbage, and the pass needs only the start tags). Inside SVG and MathML,
 * elements are foreign (a `<title>` there is not the page's), as the tree builder has it; an
 * integration point's content is HTML again.
 */
export function forEachStartTag(html: string, onTag: (tag: StartTag) => void): void {
  /** Open foreign (svg, math) and integration-point elements, innermost last. */
  const context: { name: string; foreign: boolean }[] = [];
  const inForeign = () => context.length > 0 && context.at(-1)!.foreign;
  const none = () => {};
  const tokenizer: Tokenizer = new Tokenizer(
    { sourceCodeLocationInfo: true },
    {
      onStartTag(token) {
        const name = token.tagName;
        if (token.location) onTag({ tagName: name, attrs: token.attrs, location: token.location as Token.LocationWithAttributes });
        if (inForeign()) {
          if (INTEGRATION_POINTS.has(name) && !token.selfClosing) context.push({ name, foreign: false });
          else if ((name === 'svg' || name === 'math') && !token.selfClosing) context.push({ name, foreign: true });
        } else if ((name === 'svg' || name === 'math') && !token.selfClosing) context.push({ name, foreign: true });
        else if (TEXT_STATE[name] !== undefined) tokenizer.state = TEXT_STATE[name];
        tokenizer.inForeignNode = inForeign();
      },
      onEndTag(token) {
        if (context.length === 0) return;
        const at = context.findLastIndex((c) => c.name === token.tagName);
        if (at !== -1) context.length = at;
        tokenizer.inForeignNode = inForeign();
      },
      onComment: none,
      onDoctype: none,
      onEof: none,
      onCharacter: none,
      onNullCharacter: none,
      onWhitespaceCharacter: none,
    },
  );
  tokenizer.write(html, true);
}

/** Every start tag of an HTML page, in order (`forEachStartTag`, kept). */
export function startTags(html: string): StartTag[] {
  const tags: StartTag[] = [];
  forEachStartTag(html, (tag) => tags.push(tag));
  return tags;
}

/**
 * Rewrites the translator pages under `dir` (a built site) in place. Returns how many were rewritten.
 * Each page is read as HTML by parse5's tokenizer (never matched as text, where a `<script …>` inside
 * an attribute value would look like a tag), and only the attributes that change are rewritten, at the
 * places the tokenizer found them: the rest of the page keeps its bytes, and no tree is built or
 * serialised (the dashboards of a large site are megabytes). A script `src` is followed only to a bundle inside
 * `dir/_astro/`, and every file read or written is resolved inside `dir`.
 */
export function makeTranslatorPagesRelative(dir: string): number {
  const classic = new Map<string, string>();
  const pages = translatorPages(dir);
  for (const page of pages) {
    const from = posix.dirname(page);
    const html = readFileSync(resolveInside(dir, page), 'utf8');
    const edits: { start: number; end: number; text: string }[] = [];
    const visit = (element: StartTag, base: number) => {
      const shift = (l: Token.Location) => ({ startOffset: base + l.startOffset, endOffset: base + l.endOffset });
      const where = { startTag: shift(element.location), attrs: Object.fromEntries(Object.entries(element.location.attrs ?? {}).map(([k, l]) => [k, shift(l)])) as Record<string, Token.Location> };
      const attr = (name: string) => element.attrs.find((a) => a.name === name && !a.prefix)?.value;
      const src = attr('src');
      if (element.tagName === 'script' && attr('type') === 'module' && src !== undefined && isSiteAbsolute(src)) {
        let copy = classic.get(src);
        if (!copy) {
          if (!src.startsWith('/_astro/')) throw new Error(`${page}: a module script from ${src}, outside /_astro/, cannot be made a classic script`);
          const original = resolveInside(dir, src.slice(1));
          if (!existsSync(original)) throw new Error(`${page}: its module script ${src} is not in the build`);
          copy = src.replace(/\.m?js$/, '') + '.classic.js';
          writeFileSync(resolveInside(dir, copy.slice(1)), classicScript(readFileSync(original, 'utf8'), src));
          classic.set(src, copy);
        }
        // The start tag written anew: no type, the classic copy, deferred as a module would be.
        const kept = element.attrs.filter((a) => a.name !== 'type' && a.name !== 'src').map((a) => {
          const at = where.attrs?.[a.name];
          return at ? ` ${html.slice(at.startOffset, at.endOffset)}` : '';
        });
        edits.push({ start: where.startTag.startOffset, end: where.startTag.endOffset, text: `<script src="${escapeAttribute(relativeUrl(copy, from))}"${kept.join('')} defer>` });
        return;
      }
      for (const name of ['href', 'src'] as const) {
        const url = attr(name);
        const at = where.attrs?.[name];
        if (url !== undefined && at && isSiteAbsolute(url)) edits.push({ start: at.startOffset, end: at.endOffset, text: `${name}="${escapeAttribute(relativeUrl(url, from))}"` });
      }
    };
    const { parts, markers } = partsToRead(html);
    for (const [start, end] of parts) forEachStartTag(html.slice(start, end), (element) => visit(element, start));
    // The region's comments go: the nonce changes every run, the pages may not.
    for (const [start, end] of markers) edits.push({ start, end, text: '' });
    if (edits.length === 0) continue;
    edits.sort((a, b) => a.start - b.start);
    let out = '';
    let at = 0;
    for (const e of edits) {
      out += html.slice(at, e.start) + e.text;
      at = e.end;
    }
    writeFileSync(resolveInside(dir, page), out + html.slice(at));
  }
  return pages.length;
}

/**
 * The parts of a page to read: all of it, or, when it holds one region of this build's nonce whose URLs
 * are relative already (RELATIVE_REGION), what is before and after it, and where its two comments are.
 * The comments sit between elements, where the tokenizer is in its data state, so each part is read
 * from a clean start.
 */
function partsToRead(html: string): { parts: [number, number][]; markers: [number, number][] } {
  const whole = { parts: [[0, html.length]] as [number, number][], markers: [] };
  const nonce = RELATIVE_REGION.nonce();
  if (!nonce) return whole;
  const open = RELATIVE_REGION.open(nonce);
  const close = RELATIVE_REGION.close(nonce);
  const at = html.indexOf(open);
  const to = html.indexOf(close);
  if (at === -1 || to < at || html.indexOf(open, at + 1) !== -1 || html.indexOf(close, to + 1) !== -1) return whole;
  return {
    parts: [
      [0, at],
      [to + close.length, html.length],
    ],
    markers: [
      [at, at + open.length],
      [to, to + close.length],
    ],
  };
}

const isSiteAbsolute = (url: string) => url.startsWith('/') && !url.startsWith('//');
