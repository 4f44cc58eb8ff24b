/** Unit tests of the small pure pieces the fixtures exercise only indirectly. */
import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../../src/pipeline/decode-source.ts';
import { linkTextsIn } from '../../../src/pipeline/link-repair.ts';
import { isUnsafeUrl, schemeOf } from '../../../src/pipeline/link-targets.ts';
import { stripSpanPairs } from '../../../src/pipeline/mt-spans.ts';
import { OffsetMap } from '../../../src/pipeline/offset-map.ts';
import { sanitizeHtmlFragment } from '../../../src/pipeline/sanitize-html.ts';
import { normalizeText } from '../../../src/pipeline/processor.ts';
import { toMarkdown } from '../../../src/pipeline/to-markdown.ts';

describe('OffsetMap', () => {
  it('maps offsets in the rewritten text back to the original', () => {
    const map = new OffsetMap();
    map.copy(0, 5); // "Hello" from 0
    map.copy(20, 3); // "abc" from 20
    expect(map.toOriginal(0)).toBe(0);
    expect(map.toOriginal(4)).toBe(4);
    expect(map.toOriginal(5)).toBe(20);
    expect(map.toOriginal(7)).toBe(22);
    expect(map.toOriginal(8)).toBe(23);
  });
});

describe('stripSpanPairs', () => {
  const pair = '<span data-ttu-id="x-1">Bonjour</span><span class="sxs-lookup"><span data-stu-id="x-1">Hello</span></span>';
  it('keeps the chosen side and records the segment with its offsets', () => {
    const t = stripSpanPairs(`# ${pair}!`);
    expect(t.text).toBe('# Bonjour!');
    expect(t.segments).toEqual([{ id: 'x-1', n: 1, target: 'Bonjour', source: 'Hello', start: 2, end: 2 + pair.length }]);
    expect(stripSpanPairs(`# ${pair}!`, 'source').text).toBe('# Hello!');
    expect(t.map.toOriginal(2)).toBe(2 + '<span data-ttu-id="x-1">'.length);
  });
  it('leaves a file without pairs untouched', () => {
    const t = stripSpanPairs('plain <span>text</span>');
    expect(t.text).toBe('plain <span>text</span>');
    expect(t.segments).toEqual([]);
  });
});

describe('decodeSource', () => {
  it('reports the line and column of the first invalid UTF-8 byte', () => {
    const r = decodeSource(Buffer.concat([Buffer.from('ok\nab'), Buffer.from([0xc3, 0x28])]), 'x.md');
    expect(r.text).toBeNull();
    expect(r.file.messages[0]).toMatchObject({ line: 2, column: 3, ruleId: 'not-utf8', fatal: true });
  });
  it('accepts 4-byte sequences and rejects surrogates and overlongs', () => {
    expect(decodeSource(Buffer.from('---\n😀\n'), 'x.md').text).toBe('---\n😀\n');
    expect(decodeSource(Buffer.from([0xed, 0xa0, 0x80]), 'x.md').text).toBeNull();
    expect(decodeSource(Buffer.from([0xc0, 0xaf]), 'x.md').text).toBeNull();
  });
});

describe('URL safety', () => {
  it('reads the scheme as a browser does', () => {
    expect(schemeOf('  JaVaScRiPt:alert(1)')).toBe('javascript');
    expect(schemeOf('\u0001java\tscript:x')).toBe('javascript');
    expect(schemeOf('partner.md')).toBeNull();
    expect(isUnsafeUrl('data:text/html,x')).toBe(true);
    expect(isUnsafeUrl('https://example.com')).toBe(false);
  });
});

describe('sanitizeHtmlFragment', () => {
  it('keeps allowed markup and removes the rest, content of script-like elements included', () => {
    expect(sanitizeHtmlFragment('<td colspan="2" onclick="x()">A<br/></td>').html).toBe('<td colspan="2">A<br /></td>');
    expect(sanitizeHtmlFragment('a<script>alert(1)</script>b').html).toBe('ab');
    expect(sanitizeHtmlFragment('<a href="&#106;avascript:alert(1)">x</a>').html).toBe('<a>x</a>');
    // A browser reads the first `<` as text: it stays text, escaped, and no tag forms once the script is gone.
    expect(sanitizeHtmlFragment('<<script></script>img src=x onerror=alert(1)>').html).toBe('&lt;img src=x onerror=alert(1)>');
  });
});

describe('linkTextsIn', () => {
  it('maps each URL to the first visible link text', () => {
    const m = linkTextsIn('See the [**Partner** page](https://a/p) and ![img](https://a/i.png) and [x](https://a/p)');
    expect(m.get('https://a/p')).toBe('Partner page');
    expect(m.has('https://a/i.png')).toBe(false);
  });
});

describe('includes parsed once', () => {
  const include = '## Shared step\n\n<span data-ttu-id="i-1">Gedeeld</span><span class="sxs-lookup"><span data-stu-id="i-1">Shared</span></span> <span data-ttu-id="i-2">zonder bron</span>\n';
  const page = (title: string, body: string) => `---\ntitle: ${title}\nms.contentlocale: nl-NL\n---\n${body}\n\n[!INCLUDE [inc](includes/shared.md)]\n`;
  const run = (text: string, path: string) =>
    normalizeText(text, { path, resolveInclude: (p) => (p.endsWith('shared.md') ? { text: include, id: 'includes/shared.md' } : null) });

  it('every page that uses an include gets its text and its messages, and a tree of its own', () => {
    const first = run(page('Een', '## Shared step\n\nEigen tekst.'), 'one/nl-NL.md');
    const second = run(page('Twee', 'Andere tekst.'), 'two/nl-NL.md');
    const third = run(page('Drie', 'Nog een.'), 'three/nl-NL.md');
    for (const r of [first, second, third]) {
      expect(r.doc).not.toBeNull();
      expect(r.file.messages.filter((m) => /in include includes\/shared\.md/.test(m.reason) && m.ruleId === 'mt-span-unpaired')).toHaveLength(1);
      expect(toMarkdown(r.doc!.tree)).toContain('Gedeeld zonder bron');
    }
    // The first page's own "Shared step" heading took the id, so its include's heading was renamed; the others' not.
    expect(first.doc!.headings.map((h) => h.id)).toEqual(['shared-step', 'shared-step-1']);
    expect(second.doc!.headings.map((h) => h.id)).toEqual(['shared-step']);
    expect(third.doc!.headings.map((h) => h.id)).toEqual(['shared-step']);
    // The include's blocks are not ranges of the page's file (their offsets are the include's): none, the include's line.
    const shared = first.doc!.blocks.filter((b) => b.key.startsWith('shared-step-1'));
    expect(shared.map((b) => [b.start, b.end, b.line])).toEqual([[-1, -1, 9], [-1, -1, 9]]);
    expect(first.doc!.blocks.find((b) => b.key === 'shared-step')!.start).toBeGreaterThan(0);
    // Said at the include's line on the page, not at the heading's line in the include.
    expect(first.file.messages.find((m) => m.ruleId === 'heading-duplicate-id')).toMatchObject({ line: 9, reason: expect.stringContaining('a heading of an include') });
  });
});
