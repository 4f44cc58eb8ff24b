/**
 * Raw HTML in the sources: an allowlist of what the received pages need (tables, line breaks,
 * sup/sub, bold/italic, bare author spans, images, anchors); everything else is removed with a message.
 *
 * Two layers, one allowlist: `sanitizeRawHtml` (a unified plugin on the Markdown tree) rewrites each raw
 * HTML node and tells translators what it removed; `htmlSchema` is the hast-util-sanitize schema the
 * renderer applies to the final HTML, so nothing executable can reach a page even if a rewrite missed a
 * trick. No script, style, event-handler attribute or iframe survives either layer.
 */
import type { Html, Root } from 'mdast';
import type { Schema } from 'hast-util-sanitize';
import { defaultSchema } from 'hast-util-sanitize';
import { html as parse5Html } from 'parse5';
import { visit } from './walk.ts';
import type { VFile } from 'vfile';
import { report } from './diagnostics.ts';
import { tokenizeHtml } from './html-tokens.ts';
import { isUnsafeUrl } from './link-targets.ts';
import { isSiteId } from './reserved-ids.ts';

const GLOBAL_ATTRS = ['lang', 'dir', 'title'];

/** Allowed elements → allowed attributes (besides `lang`, `dir`, `title`). */
export const ALLOWED_HTML: Record<string, string[]> = {
  a: ['href', 'name', 'id'],
  abbr: [],
  b: [],
  br: [],
  caption: [],
  code: [],
  dd: [],
  del: [],
  details: ['open'],
  div: [],
  dl: [],
  dt: [],
  em: [],
  h1: [], h2: [], h3: [], h4: [], h5: [], h6: [],
  hr: [],
  i: [],
  img: ['src', 'alt', 'width', 'height'],
  ins: [],
  kbd: [],
  li: [],
  mark: [],
  ol: ['start'],
  p: [],
  pre: [],
  s: [],
  samp: [],
  small: [],
  span: [],
  strong: [],
  sub: [],
  summary: [],
  sup: [],
  table: [],
  tbody: [],
  td: ['colspan', 'rowspan', 'align'],
  tfoot: [],
  th: ['colspan', 'rowspan', 'align', 'scope'],
  thead: [],
  tr: [],
  u: [],
  ul: [],
  var: [],
  wbr: [],
};

/** Elements whose content is code or a document of its own: removed together with their content. */
const DROP_WITH_CONTENT = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'noscript', 'noembed', 'noframes', 'textarea', 'title',
  'xmp', 'template', 'svg', 'math', 'object', 'embed', 'applet', 'select', 'head', 'plaintext',
]);

const URL_ATTRS = new Set(['href', 'src']);

/** Layout-only elements whose removal loses nothing a reader needs (reported as info). */
const PRESENTATIONAL = new Set(['font', 'center', 'col', 'colgroup', 'big', 'tt', 'strike', 'nobr', 'section', 'article', 'header', 'footer', 'figure', 'figcaption']);

/** Elements with no content and no end tag: they never deepen the nesting. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** Raw HTML elements open at once, as deep as a real page goes and far below what a renderer's stack takes. */
export const MAX_HTML_DEPTH = 64;

const decodeBasic = (v: string) =>
  v.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(quot|amp|lt|gt|apos|colon|tab|newline));?/gi, (all, dec, hex, name) => {
    if (dec) return String.fromCodePoint(Math.min(Number(dec), 0x10ffff));
    if (hex) return String.fromCodePoint(Math.min(parseInt(hex.slice(0, 8), 16), 0x10ffff));
    return ({ quot: '"', amp: '&', lt: '<', gt: '>', apos: "'", colon: ':', tab: '\t', newline: '\n' } as Record<string, string>)[name.toLowerCase()] ?? all;
  });

const escapeAttr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

export interface Removal {
  what: string;
  reason: string;
  /** Could have run code or loaded something (a warning); otherwise only presentational (an info). */
  dangerous: boolean;
}

/**
 * The element names of HTML (and of SVG and MathML inside it) as the HTML parser knows them: a tag with
 * any other name (`<identity>`, `<your tenant>`) is a placeholder in prose, not markup.
 */
const KNOWN_ELEMENTS: ReadonlySet<string> = new Set(Object.values(parse5Html.TAG_NAMES).map((n) => n.toLowerCase()));

/** Open raw HTML elements across the nodes of one page, to bound their nesting. */
export class HtmlDepth {
  readonly open: string[] = [];
  /** End tags still owed to start tags removed for depth, by element name. */
  readonly dropped = new Map<string, number>();
  cut = 0;
}

/**
 * Rewrites one piece of raw HTML to the allowlist. Returns the safe HTML and what was removed. Elements
 * in DROP_WITH_CONTENT lose their content up to their closing tag (to the end when it is not here).
 * The markup is read as a browser reads it (`tokenizeHtml`); the output is rebuilt from the tokens, so
 * text never joins into a new tag and sanitising the output again removes nothing.
 */
export function sanitizeHtmlFragment(html: string, depth = new HtmlDepth()): { html: string; removed: Removal[]; placeholders: string[] } {
  const removed: Removal[] = [];
  const placeholders: string[] = [];
  let out = '';
  let skipUntilClose: string | null = null;
  const tokens = tokenizeHtml(html);
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    if (skipUntilClose) {
      if (token.type === 'end' && token.name === skipUntilClose) skipUntilClose = null;
      continue;
    }
    if (token.type === 'text') {
      // A `<` that starts no tag is text; escaped, it can never start one once the markup around it changes.
      out += token.value.replace(/</g, '&lt;');
      continue;
    }
    if (token.type === 'comment') {
      // Comments never reach a page. `<!-->` ends a comment for a browser where its author meant one that
      // runs to the next `-->`: that reading is taken, so what follows is neither shown nor run.
      if (token.malformed) {
        const rest = html.slice(token.end);
        const close = token.value === '' ? rest.indexOf('-->') : -1;
        removed.push({ what: html.slice(token.start, Math.min(token.end, token.start + 12)), reason: close >= 0 ? 'malformed comment, removed up to the next -->' : 'malformed comment', dangerous: true });
        if (close >= 0) {
          const stop = token.end + close + 3;
          while (t + 1 < tokens.length && tokens[t + 1]!.start < stop) t++;
          const last = tokens[t]!;
          // A text token running past the `-->` keeps its part after it.
          if (last.type === 'text' && last.start + last.value.length > stop) out += last.value.slice(stop - last.start).replace(/</g, '&lt;');
        }
      }
      continue;
    }
    if (token.type === 'bogus') {
      removed.push({ what: token.value.slice(0, 20), reason: 'declaration or processing instruction', dangerous: false });
      continue;
    }
    const name = token.name;
    const allowed = ALLOWED_HTML[name];
    if (!allowed && !KNOWN_ELEMENTS.has(name)) {
      // `<identity>`, `<your tenant>`: a placeholder in prose, not an element of HTML. Kept as the text it is.
      out += html.slice(token.start, token.end).replace(/&/g, '&amp;').replace(/</g, '&lt;');
      placeholders.push(html.slice(token.start, token.end));
      continue;
    }
    if (!allowed) {
      if (token.type === 'start') removed.push({ what: `<${name}>`, reason: 'element not allowed', dangerous: DROP_WITH_CONTENT.has(name) || !PRESENTATIONAL.has(name) });
      if (token.type === 'start' && !token.selfClosing && DROP_WITH_CONTENT.has(name)) skipUntilClose = name;
      continue;
    }
    if (token.type === 'end') {
      const owed = depth.dropped.get(name) ?? 0;
      if (owed > 0) {
        depth.dropped.set(name, owed - 1);
        continue;
      }
      const at = depth.open.lastIndexOf(name);
      if (at >= 0) depth.open.length = at;
      out += `</${name}>`;
      continue;
    }
    if (!VOID.has(name) && !token.selfClosing) {
      if (depth.open.length >= MAX_HTML_DEPTH) {
        depth.dropped.set(name, (depth.dropped.get(name) ?? 0) + 1);
        depth.cut += 1;
        continue;
      }
      depth.open.push(name);
    }
    let rebuilt = `<${name}`;
    for (const [attr, value] of token.attrs) {
      if (!allowed.includes(attr) && !GLOBAL_ATTRS.includes(attr)) {
        const handler = attr.startsWith('on');
        const spoof = spoofsTheSite(attr);
        removed.push({
          what: `${attr}="…" on <${name}>`,
          reason: handler ? 'event handler' : spoof ? 'attribute the site sets itself' : 'attribute not allowed',
          dangerous: handler || spoof || attr === 'style' || attr === 'srcdoc',
        });
        continue;
      }
      if (URL_ATTRS.has(attr) && value !== undefined && isUnsafeUrl(decodeBasic(value))) {
        removed.push({ what: `${attr} on <${name}>`, reason: 'unsafe URL', dangerous: true });
        continue;
      }
      if ((attr === 'id' || attr === 'name') && value !== undefined && isSiteId(decodeBasic(value).trim())) {
        removed.push({ what: `${attr}="${decodeBasic(value).trim()}" on <${name}>`, reason: 'an id the site uses for its own elements', dangerous: true });
        continue;
      }
      rebuilt += value === undefined ? ` ${attr}` : ` ${attr}="${escapeAttr(decodeBasic(value))}"`;
    }
    out += `${rebuilt}${token.selfClosing ? ' /' : ''}>`;
  }
  return { html: out, removed, placeholders };
}

/**
 * Attributes a source could use to pose as the site: an accessible name or role, focus order, the
 * reader's block keys, search's own markers. Removed with a warning; a plain `class` or a stray
 * `data-*` (MT tool leftovers) is removed too, as presentational, with an info.
 */
function spoofsTheSite(attr: string): boolean {
  return attr === 'role' || attr === 'tabindex' || attr === 'slot' || attr.startsWith('aria-') || attr === 'data-block' || attr === 'data-segments' || attr.startsWith('data-pagefind');
}

/** unified plugin: every raw HTML node rewritten to the allowlist, with a warning per removal. */
const OPEN_ONLY = /^<([A-Za-z][A-Za-z0-9-]*)\b[^>]*>$/;

export function sanitizeRawHtml() {
  return (tree: Root, file: VFile) => {
    const depth = new HtmlDepth();
    let firstCut: Html | undefined;
    visit(tree, 'html', (node: Html, index, parent) => {
      // Inside a sentence, `<script>` and its `</script>` are separate nodes with text between them:
      // that text is the element's content and goes with it.
      const open = OPEN_ONLY.exec(node.value.trim())?.[1]?.toLowerCase();
      if (open && DROP_WITH_CONTENT.has(open) && parent && index !== undefined && parent.type !== 'root') {
        const close = new RegExp(`^</${open}\\s*>$`, 'i');
        const end = parent.children.findIndex((c, i) => i > index && c.type === 'html' && close.test(c.value.trim()));
        parent.children.splice(index + 1, (end < 0 ? parent.children.length : end + 1) - index - 1);
      }
      const cutBefore = depth.cut;
      const { html, removed, placeholders } = sanitizeHtmlFragment(node.value, depth);
      if (depth.cut > cutBefore) firstCut ??= node;
      for (const r of removed) report(file, r.dangerous ? 'warning' : 'info', `raw HTML removed: ${r.what} (${r.reason})`, node, 'html-removed');
      for (const p of placeholders) report(file, 'info', `${p} is not an HTML element: kept as text (a placeholder)`, node, 'html-placeholder');
      if (html.trim() === '' && parent && index !== undefined && node.value.trim() !== '') {
        parent.children.splice(index, 1);
        return index;
      }
      node.value = html;
      return undefined;
    });
    if (firstCut) report(file, 'warning', `raw HTML nested more than ${MAX_HTML_DEPTH} elements deep; ${depth.cut} deeper tags removed (their text is kept)`, firstCut, 'html-too-deep');
  };
}

/** The renderer's schema: the same allowlist, plus what our own plugins add (ids, classes, roles). */
export const htmlSchema: Schema = {
  ...defaultSchema,
  clobberPrefix: '',
  clobber: [],
  tagNames: [...Object.keys(ALLOWED_HTML), 'aside', 'section', 'blockquote', 'input'],
  attributes: {
    ...Object.fromEntries(Object.entries(ALLOWED_HTML).map(([tag, attrs]) => [tag, [...attrs]])),
    '*': [...GLOBAL_ATTRS, 'id', 'className', 'role', 'ariaLabel', 'dataSegments', 'dataBlock'],
    input: [['type', 'checkbox'], ['disabled', true], 'checked'],
  },
  protocols: { href: ['http', 'https', 'mailto'], src: ['http', 'https'] },
  strip: [...DROP_WITH_CONTENT],
  required: { input: { type: 'checkbox', disabled: true } },
};

/**
 * What raw HTML from a source may carry, as a hast-util-sanitize schema: the first layer's allowlist and
 * nothing the pipeline adds. The tests hold the two layers to it: whatever this schema would remove
 * from a source's HTML, the first layer removes and reports.
 */
export const sourceHtmlSchema: Schema = {
  ...defaultSchema,
  clobberPrefix: '',
  clobber: [],
  allowComments: false,
  tagNames: Object.keys(ALLOWED_HTML),
  attributes: {
    ...Object.fromEntries(Object.entries(ALLOWED_HTML).map(([tag, attrs]) => [tag, [...attrs]])),
    '*': [...GLOBAL_ATTRS],
  },
  protocols: { href: ['http', 'https', 'mailto'], src: ['http', 'https'] },
  strip: [...DROP_WITH_CONTENT],
  required: {},
};
