/**
 * Property tests: generated span-wrapped documents (random nesting in lists, quotes and tables,
 * entities, bare unbalanced spans, emphasis and links inside pairs, CJK and RTL text, CRLF) go through
 * the pipeline. It never throws, normalising its own output changes nothing, no MT markup survives,
 * and every segment's translation is in the page.
 *
 * Fixed seed, so a failure reproduces; FUZZ_RUNS and FUZZ_SEED explore further.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeBytes, normalizeText } from '../../../src/pipeline/processor.ts';
import { renderHtml } from '../../../src/pipeline/render-html.ts';
import { toMarkdown } from '../../../src/pipeline/to-markdown.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
const TITLES = { note: 'Note', tip: 'Tip', important: 'Important', caution: 'Caution', warning: 'Warning' };

const word = fc.oneof(
  fc.constantFrom('Microsoft', 'Defender', 'partenaire', 'Endpoint', 'API', 'User-Agent', '10', '2616'),
  fc.constantFrom('パートナー', 'エンドポイント', '파트너', '엔드포인트', '合作伙伴', 'שותף', 'شريك', 'Ünïcødé'),
  fc.constantFrom('&amp;', '&quot;', '&lt;b&gt;', '&#169;', '&nbsp;', '\u00a0', '\t'),
  fc.stringMatching(/^[a-zA-Z]{1,8}$/),
);
const phrase = fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
const inline = fc.oneof(
  { weight: 4, arbitrary: phrase },
  { weight: 1, arbitrary: phrase.map((p) => `**${p}**`) },
  { weight: 1, arbitrary: phrase.map((p) => `*${p}*`) },
  { weight: 1, arbitrary: phrase.map((p) => `\`${p.replace(/`/g, '')}\``) },
  { weight: 1, arbitrary: phrase.map((p) => `[${p}](https://example.com/${encodeURIComponent(p.slice(0, 5))})`) },
  { weight: 1, arbitrary: phrase.map((p) => `${p}.<span>com`) },
  { weight: 1, arbitrary: phrase.map((p) => `${p} <span> <span> @contoso.com`) },
  { weight: 1, arbitrary: phrase.map((p) => `${p} <br/>`) },
);

interface Gen {
  markdown: string;
  markers: string[];
}

/** A pair whose translation carries a unique marker word, so "no translated text lost" is checkable. */
const pair = (n: number, escapedQuotes: boolean) =>
  fc.tuple(inline, inline, fc.constantFrom('', ' ', '  ')).map(([target, source, edge]) => {
    const marker = `Seg${n}x`;
    const q = escapedQuotes ? '&quot;' : '"';
    const text = `${edge}${marker} ${target}${edge}`;
    const inLink = n % 7 === 3;
    const markup = `<span data-ttu-id=${q}ab12c-${n}${q}>${text}</span><span class=${q}sxs-lookup${q}><span data-stu-id=${q}ab12c-${n}${q}>${source}</span></span>`;
    return { markdown: inLink ? `[${markup}](https://example.com/s${n})` : markup, markers: [marker] } satisfies Gen;
  });

const line = (n: number) =>
  fc
    .tuple(
      fc.constantFrom('', '- ', '1. ', '> ', '## ', '    - ', '| ', ' ', '> [!NOTE]\n> '),
      fc.array(fc.boolean(), { minLength: 1, maxLength: 3 }),
      fc.boolean(),
    )
    .chain(([prefix, parts, escaped]) =>
      fc.tuple(...parts.map((_, i) => pair(n * 10 + i, escaped && i > 0))).map((pairs) => {
        const body = pairs.map((p) => p.markdown).join(' ');
        const markdown = prefix === '| ' ? `| ${body} | x |\n|---|---|` : `${prefix}${body}`;
        return { markdown, markers: pairs.flatMap((p) => p.markers) } satisfies Gen;
      }),
    );

const documents = fc
  .tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), fc.boolean())
  .chain(([lines, crlf]) =>
    fc.tuple(...lines.map((_, i) => line(i + 1))).map((ls) => {
      const body = ls.map((l) => l.markdown).join('\n\n');
      const text = `---\ntitle: Généré\ndescription: Un document généré.\nms.contentlocale: fr-FR\n---\n${body}\n`;
      return { text: crlf ? text.replace(/\n/g, '\r\n') : text, markers: ls.flatMap((l) => l.markers) };
    }),
  );

const MARKUP = /data-ttu-id|data-stu-id|sxs-lookup/;

describe('generated span-wrapped documents', () => {
  it(`never throw, are idempotent, leave no markup and lose no translation (${RUNS} runs, seed ${SEED})`, { timeout: 300_000 }, () => {
    fc.assert(
      fc.property(documents, ({ text, markers }) => {
        const first = normalizeBytes(Buffer.from(text), { path: 'generated.md' });
        expect(first.doc, first.file.messages.map((m) => m.reason).join('\n')).not.toBeNull();
        const doc = first.doc!;
        const markdown = toMarkdown(doc.tree);
        const html = renderHtml(doc.tree, { alertTitles: TITLES });
        expect(markdown).not.toMatch(MARKUP);
        expect(html).not.toMatch(MARKUP);
        for (const marker of markers) {
          expect(markdown).toContain(marker);
          expect(html).toContain(marker);
        }
        expect(doc.segments.map((s) => s.target.trim().split(' ')[0])).toEqual(markers);
        const second = normalizeText(markdown, { path: 'generated.md' });
        expect(toMarkdown(second.doc!.tree)).toBe(markdown);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
