/**
 * The two sanitising layers read raw HTML the same way: whatever the final layer (parse5 through
 * hast-util-from-html, then hast-util-sanitize with the source schema) would remove from a source's
 * HTML, the first layer removes and reports; and its output is a fixed point of the final layer.
 */
import type { Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenizeHtml } from '../../../src/pipeline/html-tokens.ts';
import { MAX_HTML_DEPTH, sanitizeHtmlFragment, sourceHtmlSchema } from '../../../src/pipeline/sanitize-html.ts';
import { renderHtml } from '../../../src/pipeline/render-html.ts';

function withoutComments(tree: Root): Root {
  const strip = (node: Nodes) => {
    if ('children' in node) node.children = node.children.filter((c) => c.type !== 'comment') as typeof node.children;
    if ('children' in node) for (const c of node.children) strip(c as Nodes);
  };
  strip(tree);
  return tree;
}

/** Every `name=value` of every element of a tree. */
function attributesOf(tree: Root): string[] {
  const out: string[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'element') for (const [k, v] of Object.entries(node.properties)) out.push(`${k}=${String(v)}`);
    if ('children' in node) for (const c of node.children) walk(c as Nodes);
  };
  walk(tree);
  return out;
}

/** Parsed as the page's parser sees it: in a document body (a stray `<td>` is dropped there too). */
function parse(html: string): Root {
  // No wrapper markup after it: the end of the input must stay the end (a cut-off tag is no tag).
  const doc = fromHtml(html);
  const body = (doc.children.find((c) => c.type === 'element') as import('hast').Element).children.find((c) => c.type === 'element' && c.tagName === 'body') as import('hast').Element;
  return withoutComments({ type: 'root', children: body.children as Root['children'] });
}
const finalLayer = (html: string) => toHtml(sanitize(parse(html), sourceHtmlSchema));

/** True when the final layer would change the markup (remove an element, an attribute, a URL). */
const finalRemoves = (html: string) => finalLayer(html) !== toHtml(parse(html));

const HOSTILE = [
  '<!--><img src=x onerror=alert(1)>-->',
  '<b/class=x/id=y>bold</b>',
  '<!-- --!><img src=x onerror=alert(1)>',
  '<img src=x onerror=alert(1)//>',
  '<a href="javascript:alert(1)">x</a>',
  '<a/href=javascript:alert(1)>x</a>',
  '<span class="skip-link" role="button" aria-label="Home" data-block="h:1">x</span>',
  '<div tabindex=0 data-segments="a">x</div>',
  '<<script>alert(1)</script>img src=x onerror=alert(1)>',
  '<img """ src=x onerror=alert(1)>',
  '<img src="x" onerror="a" onerror="b">',
  '<a id="main" href="#">spoof</a>',
  '<p id=search-input>x</p>',
  '<table><tr><td><b/class=x>y</b></td></tr></table>',
  '<style>b{}</style><b>x</b>',
  '<svg><script>alert(1)</script></svg>',
  '<math><mi xlink:href="javascript:alert(1)">m</mi></math>',
  '<img src=x onerror=alert(1)',
  '<?xml version="1.0"?><b>x</b>',
  '<!DOCTYPE html><b>x</b>',
  '</b foo=bar><i>x</i>',
  '<a href="java&#115;cript:alert(1)">x</a>',
  '<a href="&#x6A;avascript:alert(1)">x</a>',
  '<a href=" javascript:alert(1)">x</a>',
];

describe('the two sanitising layers agree', () => {
  for (const input of HOSTILE) {
    it(`on ${JSON.stringify(input)}`, () => {
      const { html, removed } = sanitizeHtmlFragment(input);
      if (finalRemoves(input)) expect(removed.length, `the final layer removes something from ${input}; the first said nothing`).toBeGreaterThan(0);
      // The first layer's output leaves the final layer nothing to do.
      expect(finalLayer(html)).toBe(toHtml(parse(html)));
      for (const attr of attributesOf(parse(html))) expect(attr).not.toMatch(/^(on|class|role|aria|data|tabindex)|javascript:/i);
      expect(html).not.toMatch(/<(script|svg|math|style)/i);
    });
  }

  it('report what they remove from <!--><img onerror>--> and show no stray -->', () => {
    const { html, removed } = sanitizeHtmlFragment('<!--><img src=x onerror=alert(1)>-->after');
    expect(html).toBe('after');
    expect(removed[0]?.dangerous).toBe(true);
    expect(removed[0]?.reason).toMatch(/malformed comment/);
  });

  it('keeps the allowed markup of real pages byte for byte', () => {
    for (const ok of ['<br/>', '<b>x</b>', '<a name="x"></a>', '<td colspan="2">', '<img src="a.png" alt="A">', '</td>', '<sup>1</sup>']) {
      const { html, removed } = sanitizeHtmlFragment(ok);
      expect(removed, ok).toEqual([]);
      expect(finalLayer(html)).toBe(finalLayer(ok));
    }
    expect(sanitizeHtmlFragment('<br/>').html).toBe('<br />');
  });

  it('hold on random markup made of tag, attribute and comment pieces', () => {
    const piece = fc.constantFrom('<', '>', '/', '=', '"', "'", ' ', '\t', 'b', 'img', 'a', 'script', 'svg', 'td', 'class', 'id', 'onerror', 'href', 'src', 'x', 'javascript:', '&#106;', '<!--', '-->', '--!>', '<!', '?', 'data-block', 'role', '</');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const input = parts.join('');
        const { html, removed, placeholders } = sanitizeHtmlFragment(input);
        // What the final layer would strip, ours removed or turned into text (a tag no HTML element has).
        if (finalRemoves(input)) expect(removed.length + placeholders.length, input).toBeGreaterThan(0);
        expect(finalLayer(html), input).toBe(toHtml(parse(html)));
        // Sanitising twice changes nothing more.
        expect(sanitizeHtmlFragment(html).html, input).toBe(html);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('tokenizeHtml', () => {
  it('reads tags, attributes and comments as a browser does', () => {
    expect(tokenizeHtml('<b/class=x/id=y>')).toMatchObject([{ type: 'start', name: 'b', attrs: [['class', 'x/id=y']] }]);
    expect(tokenizeHtml('<b/class="x"/id=y>')).toMatchObject([{ type: 'start', name: 'b', attrs: [['class', 'x'], ['id', 'y']] }]);
    expect(tokenizeHtml('<!-->x')).toMatchObject([{ type: 'comment', malformed: true }, { type: 'text', value: 'x' }]);
    expect(tokenizeHtml('<!-- a --!>x')).toMatchObject([{ type: 'comment', value: ' a ', malformed: true }, { type: 'text', value: 'x' }]);
    expect(tokenizeHtml('a <b')).toMatchObject([{ type: 'text', value: 'a ' }]);
    expect(tokenizeHtml('1 < 2')).toMatchObject([{ type: 'text', value: '1 < 2' }]);
    expect(tokenizeHtml('<script>a</b></script>')).toMatchObject([{ type: 'start', name: 'script' }, { type: 'text', value: 'a</b>' }, { type: 'end', name: 'script' }]);
  });

  it('takes linear time on 200,000 unclosed quotes and tags', () => {
    const start = performance.now();
    tokenizeHtml('<a title="'.repeat(20_000));
    tokenizeHtml('<b>'.repeat(200_000));
    expect(performance.now() - start).toBeLessThan(5_000);
  });
});

describe('raw HTML depth', () => {
  it('removes start tags past the limit, and their end tags, keeping the text', () => {
    const deep = `${'<b>'.repeat(20_000)}x${'</b>'.repeat(20_000)}`;
    const { html } = sanitizeHtmlFragment(deep);
    expect(html.match(/<b>/g)?.length).toBe(MAX_HTML_DEPTH);
    expect(html.match(/<\/b>/g)?.length).toBe(MAX_HTML_DEPTH);
    expect(html).toContain('x');
  });
});

describe('the final layer alone', () => {
  it('keeps class, id, role, aria-* and data-* only where the pipeline set them', () => {
    const tree: import('mdast').Root = {
      type: 'root',
      children: [
        { type: 'heading', depth: 2, data: { hProperties: { id: 'step-1', dataBlock: 'step-1:0' } }, children: [{ type: 'text', value: 'Step' }] },
        { type: 'html', value: '<p class="skip-link" id="main" role="button" aria-label="Home" data-block="x:1" tabindex="0">spoof</p><a id="main">a</a><a id="kept">b</a>' },
      ],
    };
    const html = renderHtml(tree, { alertTitles: { note: 'Note', tip: 'Tip', important: 'Important', caution: 'Caution', warning: 'Warning' } });
    expect(html).toContain('<h2 id="step-1" data-block="step-1:0">Step</h2>');
    expect(html).toContain('<p>spoof</p>');
    expect(html).toContain('<a>a</a><a id="kept">b</a>');
    expect(html).not.toMatch(/data-mt-own|skip-link|role=|aria-label|tabindex/);
  });
});
