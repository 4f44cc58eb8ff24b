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
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report } from './diagnostics.ts';
import { isUnsafeUrl } from './link-targets.ts';

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
  'xmp', 'template', 'svg', 'math', 'object', 'embed', 'applet', 'select', 'head',
]);

const URL_ATTRS = new Set(['href', 'src']);

/** Layout-only elements whose removal loses nothing a reader needs (reported as info). */
const PRESENTATIONAL = new Set(['font', 'center', 'col', 'colgroup', 'big', 'tt', 'strike', 'nobr', 'section', 'article', 'header', 'footer', 'figure', 'figcaption']);

const TAG = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>|<\?[\s\S]*?\?>|<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/g;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

const decodeBasic = (v: string) =>
  v.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(quot|amp|lt|gt|apos|colon|tab|newline));?/gi, (all, dec, hex, name) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
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
 * Rewrites one piece of raw HTML to the allowlist. Returns the safe HTML and what was removed. Elements
 * in DROP_WITH_CONTENT lose their content up to their closing tag (to the end when it is not here).
 */
export function sanitizeHtmlFragment(html: string): { html: string; removed: Removal[] } {
  // Removing a tag can join the text around it into a new tag (`<<script></script>img onerror=…>`):
  // rewrite until nothing more is removed.
  const removed: Removal[] = [];
  let current = html;
  for (let pass = 0; pass < 20; pass++) {
    const result = sanitizeOnce(current);
    removed.push(...result.removed);
    if (result.removed.length === 0 && result.html === current) break;
    current = result.html;
  }
  return { html: current, removed };
}

function sanitizeOnce(html: string): { html: string; removed: Removal[] } {
  const removed: Removal[] = [];
  let out = '';
  let last = 0;
  let skipUntilClose: string | null = null;
  for (const m of html.matchAll(TAG)) {
    const [whole, slash, rawName, attrs = '', selfClose] = m;
    const start = m.index;
    if (skipUntilClose) {
      if (slash && rawName?.toLowerCase() === skipUntilClose) {
        skipUntilClose = null;
        last = start + whole.length;
      }
      continue;
    }
    out += html.slice(last, start);
    last = start + whole.length;
    if (!rawName) {
      // Comments and declarations: comments are harmless (dropped when rendering), the rest go.
      if (whole.startsWith('<!--')) out += whole;
      else removed.push({ what: whole.slice(0, 20), reason: 'declaration or processing instruction', dangerous: false });
      continue;
    }
    const name = rawName.toLowerCase();
    const allowed = ALLOWED_HTML[name];
    if (!allowed) {
      if (!slash) removed.push({ what: `<${name}>`, reason: 'element not allowed', dangerous: DROP_WITH_CONTENT.has(name) || !PRESENTATIONAL.has(name) });
      if (!slash && !selfClose && DROP_WITH_CONTENT.has(name)) skipUntilClose = name;
      continue;
    }
    if (slash) {
      out += `</${name}>`;
      continue;
    }
    let rebuilt = `<${name}`;
    for (const a of attrs.matchAll(ATTR)) {
      const attr = a[1]!.toLowerCase();
      const value = a[2] ?? a[3] ?? a[4];
      if (!allowed.includes(attr) && !GLOBAL_ATTRS.includes(attr)) {
        const handler = attr.startsWith('on');
        removed.push({ what: `${attr}="…" on <${name}>`, reason: handler ? 'event handler' : 'attribute not allowed', dangerous: handler || attr === 'style' || attr === 'srcdoc' });
        continue;
      }
      if (URL_ATTRS.has(attr) && value !== undefined && isUnsafeUrl(decodeBasic(value))) {
        removed.push({ what: `${attr} on <${name}>`, reason: 'unsafe URL', dangerous: true });
        continue;
      }
      rebuilt += value === undefined ? ` ${attr}` : ` ${attr}="${escapeAttr(decodeBasic(value))}"`;
    }
    out += `${rebuilt}${selfClose ? ' /' : ''}>`;
  }
  if (!skipUntilClose) out += html.slice(last);
  return { html: out, removed };
}

/** unified plugin: every raw HTML node rewritten to the allowlist, with a warning per removal. */
const OPEN_ONLY = /^<([A-Za-z][A-Za-z0-9-]*)\b[^>]*>$/;

export function sanitizeRawHtml() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'html', (node: Html, index, parent) => {
      // Inside a sentence, `<script>` and its `</script>` are separate nodes with text between them:
      // that text is the element's content and goes with it.
      const open = OPEN_ONLY.exec(node.value.trim())?.[1]?.toLowerCase();
      if (open && DROP_WITH_CONTENT.has(open) && parent && index !== undefined && parent.type !== 'root') {
        const close = new RegExp(`^</${open}\\s*>$`, 'i');
        const end = parent.children.findIndex((c, i) => i > index && c.type === 'html' && close.test(c.value.trim()));
        parent.children.splice(index + 1, (end < 0 ? parent.children.length : end + 1) - index - 1);
      }
      const { html, removed } = sanitizeHtmlFragment(node.value);
      for (const r of removed) report(file, r.dangerous ? 'warning' : 'info', `raw HTML removed: ${r.what} (${r.reason})`, node, 'html-removed');
      if (html.trim() === '' && parent && index !== undefined && node.value.trim() !== '') {
        parent.children.splice(index, 1);
        return index;
      }
      node.value = html;
      return undefined;
    });
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
