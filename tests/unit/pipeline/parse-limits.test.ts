/**
 * Hostile shapes that would make the parser (or our own plugins) slow or crash: each ends in a limit
 * with a message at its line, the text kept. Generous test timeouts guard against a hang; the figures
 * themselves are in BENCHMARKS.md, not asserted here.
 */
import { describe, expect, it } from 'vitest';
import { toDiagnostics } from '../../../src/pipeline/diagnostics.ts';
import { defuseMarkup, MAX_BLOCK_QUOTES, MAX_BRACKET_DEPTH, MAX_MARKER_RUN, MAX_MARKER_RUNS, restoreDefused } from '../../../src/pipeline/parse-limits.ts';
import { normalizeText } from '../../../src/pipeline/processor.ts';
import { MAX_SPAN_PAIRS } from '../../../src/pipeline/mt-spans.ts';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';

const FRONT = '---\ntitle: T\ndescription: D\nms.contentlocale: it-IT\nms.translationtype: MT\nms.lasthandoff: 03/23/2021\nms.sourcegitcommit: 956176ed7c8b8427fdc655abcd1709d86da9447e\n---\n# <a name="top"></a>T\n\n';
const LINE = FRONT.split('\n').length - 1;

const run = (body: string) => {
  const result = normalizeText(FRONT + body, { path: 'it-IT.md' });
  return { result, messages: toDiagnostics(result.file).filter((d) => d.severity !== 'info').map((d) => `${d.line}:${d.column} ${d.severity} ${d.reason} [${d.ruleId}]`) };
};

describe('defuseMarkup', () => {
  it('keeps offsets and gives every character back as text', () => {
    const text = `${'*'.repeat(100)}x${'*'.repeat(100)} ${'['.repeat(50)}y${']'.repeat(50)}`;
    const defused = defuseMarkup(text);
    expect(defused.text.length).toBe(text.length);
    expect(defused.changed).toBe(true);
    const tree = fromMarkdown(defused.text);
    restoreDefused(tree);
    const shown = toString(tree);
    // No placeholder is left; brackets that form no link are all text, as written.
    expect(shown).not.toMatch(/[\uE000-\uF8FF]/);
    expect(shown).toContain(`${'['.repeat(50)}y${']'.repeat(50)}`);
    expect(shown).toContain('*'.repeat(100 - MAX_MARKER_RUN));
    expect(defused.problems.map((p) => p.reason)).toEqual([
      `a run of more than ${MAX_MARKER_RUN} \`*\`; the rest of it is kept as text`,
      `brackets nested more than ${MAX_BRACKET_DEPTH} deep; the deeper ones are kept as text`,
    ]);
  });

  it('changes nothing on a real page', () => {
    const real = '> [!NOTE]\n> A **bold** [link](x) and *em* and __strong__.\n\n- [a [b]](c)\n';
    expect(defuseMarkup(real)).toEqual({ text: real, problems: [], changed: false });
  });
});

describe('blow-ups end in limits with a line, not in a crash or a hang', () => {
  it('20,000 nested <b>: tags past the depth limit removed, the page kept', { timeout: 60_000 }, () => {
    const { result, messages } = run(`${'<b>'.repeat(20_000)}deep\n`);
    expect(result.doc).not.toBeNull();
    expect(messages).toContainEqual(`${LINE + 1}:193 warning raw HTML nested more than 64 elements deep; 19936 deeper tags removed (their text is kept) [html-too-deep]`);
  });

  it('20,000 duplicate heading ids: each renamed, in linear time', { timeout: 60_000 }, () => {
    const { result, messages } = run('## <a name="x"></a>H\n\n'.repeat(20_000));
    const ids = result.doc!.headings.map((h) => h.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.at(-1)).toBe('x-19999');
    expect(messages.filter((m) => m.includes('[heading-duplicate-id]'))).toHaveLength(19_999);
  });

  it(`${MAX_BLOCK_QUOTES * 20} separate > [!NOTE] blocks: quotes past the limit kept as text`, { timeout: 60_000 }, () => {
    const { result, messages } = run('> [!NOTE]\n> text here\n\n'.repeat(MAX_BLOCK_QUOTES * 20));
    expect(result.doc).not.toBeNull();
    expect(messages).toContainEqual(`${LINE + 1 + MAX_BLOCK_QUOTES * 3}:1 warning more than ${MAX_BLOCK_QUOTES} separate block quotes on one page; from here on \`>\` is kept as text [markup-too-complex]`);
    expect(result.doc!.tree.children.filter((c) => c.type === 'blockquote')).toHaveLength(MAX_BLOCK_QUOTES);
  });

  it('80 KB of nested brackets', { timeout: 60_000 }, () => {
    const { result, messages } = run(`${'['.repeat(40_000)}${']'.repeat(40_000)}\n`);
    expect(result.doc).not.toBeNull();
    expect(messages).toContainEqual(`${LINE + 1}:${MAX_BRACKET_DEPTH + 1} warning brackets nested more than ${MAX_BRACKET_DEPTH} deep; the deeper ones are kept as text [markup-too-complex]`);
  });

  it('20,000 emphasis markers around a word', { timeout: 60_000 }, () => {
    const { result, messages } = run(`${'*'.repeat(10_000)}x${'*'.repeat(10_000)}\n`);
    expect(result.doc).not.toBeNull();
    expect(messages).toContainEqual(`${LINE + 1}:${MAX_MARKER_RUN + 1} warning a run of more than ${MAX_MARKER_RUN} \`*\`; the rest of it is kept as text [markup-too-complex]`);
  });

  it('8,000 alternating emphasis markers nested around a word', { timeout: 60_000 }, () => {
    const { result, messages } = run(`${'*_'.repeat(4_000)}x${'_*'.repeat(4_000)}\n`);
    expect(result.doc).not.toBeNull();
    expect(messages).toContainEqual(`${LINE + 1}:${MAX_MARKER_RUNS + 1} warning more than ${MAX_MARKER_RUNS} runs of \`*\` or \`_\` in one paragraph; from here on they are kept as text [markup-too-complex]`);
    // Within the limit, deep emphasis is the nesting limit's to cut.
    expect(run(`${'*a '.repeat(500)}x${' a*'.repeat(500)}\n`).messages.some((m) => m.includes('[nesting-too-deep]'))).toBe(true);
  });

  it(`more than ${MAX_SPAN_PAIRS} span pairs: an error at the first pair past the limit`, { timeout: 60_000 }, () => {
    const pairs = Array.from({ length: MAX_SPAN_PAIRS + 5 }, (_, i) => `<span data-ttu-id="a-${i}">T ${i}.</span><span class="sxs-lookup"><span data-stu-id="a-${i}">E ${i}.</span></span>`).join('\n\n');
    const { result, messages } = run(`${pairs}\n`);
    expect(result.doc).toBeNull();
    expect(messages).toContainEqual(`${LINE + 1 + MAX_SPAN_PAIRS * 2}:1 error more than ${MAX_SPAN_PAIRS} MT span pairs on one page (${MAX_SPAN_PAIRS + 5}); split the page [mt-span-limit]`);
  });
});
