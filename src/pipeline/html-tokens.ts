/**
 * Splits a piece of raw HTML into tokens exactly where a browser's tokenizer (the WHATWG "data state"
 * and its tag, attribute and comment states) would: `<b/class=x>` is a `b` with a class, `<!-->` is a
 * whole comment, `--!>` ends one, a tag cut off by the end of the input is no tag at all.
 *
 * Why a tokenizer of our own: the first sanitising layer rewrites raw HTML inside the Markdown tree,
 * node by node (an inline `<b>` and its `</b>` are separate nodes), which an HTML tree parser cannot do
 * without closing every element it opens. What it must never do is read the markup differently from
 * the parser that renders the page (parse5, through hast-util-raw); a test holds the two to the same
 * reading. Iterative and linear: no backtracking, no recursion. Pure.
 */

export type HtmlToken =
  | { type: 'text'; value: string; start: number }
  | { type: 'comment'; value: string; start: number; end: number; malformed: boolean }
  | { type: 'bogus'; value: string; start: number; end: number }
  | { type: 'start'; name: string; attrs: [string, string | undefined][]; selfClosing: boolean; start: number; end: number }
  | { type: 'end'; name: string; start: number; end: number };

const WS = new Set(['\t', '\n', '\f', '\r', ' ']);
const isAlpha = (c: string | undefined) => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));

/** Elements whose content the tokenizer reads as text up to their own end tag (RAWTEXT, RCDATA, script). */
export const TEXT_CONTENT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);

/** Tokenizes `html`. Tag names and attribute names are lower-cased; attribute values are left raw. */
export function tokenizeHtml(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  const n = html.length;
  let text = '';
  let textStart = 0;
  const flush = () => {
    if (text) tokens.push({ type: 'text', value: text, start: textStart });
    text = '';
  };
  let i = 0;
  while (i < n) {
    const c = html[i]!;
    if (c !== '<') {
      if (!text) textStart = i;
      text += c;
      i++;
      continue;
    }
    const next = html[i + 1];
    if (isAlpha(next) || (next === '/' && isAlpha(html[i + 2]))) {
      const tag = readTag(html, i);
      if (!tag) {
        // A tag cut off by the end of the input: the tokenizer drops it (eof-in-tag).
        i = n;
        break;
      }
      flush();
      tokens.push(tag);
      i = tag.end;
      // The content of script, style, textarea… is text up to the matching end tag.
      if (tag.type === 'start' && TEXT_CONTENT.has(tag.name) && !tag.selfClosing) {
        const close = tag.name === 'plaintext' ? -1 : findEndTag(html, tag.end, tag.name);
        const stop = close === -1 ? n : close;
        if (stop > tag.end) tokens.push({ type: 'text', value: html.slice(tag.end, stop), start: tag.end });
        i = stop;
      }
      continue;
    }
    if (next === '/' && html[i + 2] === '>') {
      // `</>` is dropped.
      flush();
      i += 3;
      continue;
    }
    if (html.startsWith('<!--', i)) {
      flush();
      const comment = readComment(html, i);
      tokens.push(comment);
      i = comment.end;
      continue;
    }
    if (next === '!' || next === '?' || next === '/') {
      // Declarations, processing instructions, `</` + non-letter: bogus comments up to the next `>`.
      flush();
      const gt = html.indexOf('>', i + 2);
      const end = gt === -1 ? n : gt + 1;
      tokens.push({ type: 'bogus', value: html.slice(i, end), start: i, end });
      i = end;
      continue;
    }
    if (!text) textStart = i;
    text += c;
    i++;
  }
  flush();
  return tokens;
}

/** Where the end tag `</name` (followed by space, `/` or `>`) starts, or -1. */
function findEndTag(html: string, from: number, name: string): number {
  const lower = html.toLowerCase();
  let at = lower.indexOf(`</${name}`, from);
  while (at !== -1) {
    const after = html[at + 2 + name.length];
    if (after === undefined || after === '>' || after === '/' || WS.has(after)) return at;
    at = lower.indexOf(`</${name}`, at + 1);
  }
  return -1;
}

function readComment(html: string, start: number): HtmlToken & { type: 'comment' } {
  let i = start + 4;
  // `<!-->` and `<!--->` are complete (empty) comments: abrupt, but a browser reads them so.
  if (html[i] === '>') return { type: 'comment', value: '', start, end: i + 1, malformed: true };
  if (html.startsWith('->', i)) return { type: 'comment', value: '', start, end: i + 2, malformed: true };
  const n = html.length;
  for (; i < n; i++) {
    if (html[i] === '-' && html[i + 1] === '-') {
      if (html[i + 2] === '>') return { type: 'comment', value: html.slice(start + 4, i), start, end: i + 3, malformed: false };
      if (html[i + 2] === '!' && html[i + 3] === '>') return { type: 'comment', value: html.slice(start + 4, i), start, end: i + 4, malformed: true };
    }
  }
  return { type: 'comment', value: html.slice(start + 4), start, end: n, malformed: true };
}

/** A start or end tag at `start` (which holds `<`), or null when the input ends inside it. */
function readTag(html: string, start: number): (HtmlToken & { type: 'start' | 'end' }) | null {
  const n = html.length;
  const isEnd = html[start + 1] === '/';
  let i = start + (isEnd ? 2 : 1);
  let name = '';
  while (i < n && !WS.has(html[i]!) && html[i] !== '/' && html[i] !== '>') name += html[i++]!;
  name = name.toLowerCase();
  const attrs: [string, string | undefined][] = [];
  const seen = new Set<string>();
  const add = (attr: string, value: string | undefined) => {
    // A repeated attribute is dropped: the first one wins.
    if (seen.has(attr)) return;
    seen.add(attr);
    attrs.push([attr, value]);
  };
  let selfClosing = false;
  for (;;) {
    // Before attribute name: space and `/` separate attributes.
    while (i < n && (WS.has(html[i]!) || (html[i] === '/' && html[i + 1] !== '>'))) i++;
    if (i >= n) return null;
    if (html[i] === '/' && html[i + 1] === '>') {
      selfClosing = true;
      i += 2;
      break;
    }
    if (html[i] === '>') {
      i++;
      break;
    }
    // Attribute name: a leading `=` belongs to the name.
    let attr = html[i++]!;
    while (i < n && !WS.has(html[i]!) && html[i] !== '/' && html[i] !== '>' && html[i] !== '=') attr += html[i++]!;
    attr = attr.toLowerCase();
    while (i < n && WS.has(html[i]!)) i++;
    if (html[i] !== '=') {
      add(attr, undefined);
      continue;
    }
    i++;
    while (i < n && WS.has(html[i]!)) i++;
    if (i >= n) return null;
    const q = html[i];
    if (q === '"' || q === "'") {
      const close = html.indexOf(q, i + 1);
      if (close === -1) return null;
      add(attr, html.slice(i + 1, close));
      i = close + 1;
    } else if (q === '>') {
      add(attr, '');
    } else {
      let value = '';
      while (i < n && !WS.has(html[i]!) && html[i] !== '>') value += html[i++]!;
      if (i >= n) return null;
      add(attr, value);
    }
  }
  return isEnd ? { type: 'end', name, start, end: i } : { type: 'start', name, attrs, selfClosing, start, end: i };
}
