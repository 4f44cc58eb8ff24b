import { describe, expect, it } from 'vitest';
import type { Node, Parent } from 'unist';
import { visit as libraryVisit, SKIP as LIB_SKIP, EXIT as LIB_EXIT } from 'unist-util-visit';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { visit, SKIP, EXIT, type VisitResult } from '../../../src/pipeline/walk.ts';

const parse = (md: string) => unified().use(remarkParse).use(remarkGfm).parse(md) as Node;
const SEEDS = join(import.meta.dirname, '../../../../shared/seeds');
const seeds = (() => {
  try {
    return readdirSync(SEEDS).map((f) => readFileSync(join(SEEDS, f), 'utf8'));
  } catch {
    return [];
  }
})();
const SAMPLE = `# Title

Some *emphasis* and a [link](https://example.org) and \`code\`.

- one
  - nested **strong** [x](y)
- two

| a | b |
|---|---|
| [c](d) | e |

> [!NOTE]
> quoted
`;

/** Both walks' trace of (type, index, parent type, value), with the same visitor decisions. */
function trace(walk: 'ours' | 'library', tree: Node, type: string | null, decide: (n: Node, i: number | undefined, p: Parent | undefined) => VisitResult, map: (r: VisitResult) => unknown = (r) => r) {
  const seen: string[] = [];
  const visitor = (n: Node, i: number | undefined, p: Parent | undefined) => {
    seen.push(`${n.type}@${i ?? '-'}<${p?.type ?? '-'}:${'value' in n ? String(n.value).slice(0, 12) : ''}`);
    return map(decide(n, i, p)) as VisitResult;
  };
  if (walk === 'ours') (type ? visit(tree, type, visitor) : visit(tree, visitor));
  else (type ? libraryVisit(tree, type, visitor as never) : libraryVisit(tree, visitor as never));
  return seen;
}

const toLibrary = (r: VisitResult): unknown => (r === SKIP ? LIB_SKIP : r === EXIT ? LIB_EXIT : Array.isArray(r) ? [r[0] === SKIP ? LIB_SKIP : r[0] === EXIT ? LIB_EXIT : r[0], r[1]] : r);

describe('visit (the pipeline walk)', () => {
  const texts = [SAMPLE, ...seeds];
  it('visits every node in the library order, with the same index and parent', () => {
    for (const text of texts) {
      expect(trace('ours', parse(text), null, () => undefined)).toEqual(trace('library', parse(text), null, () => undefined));
      for (const type of ['link', 'text', 'paragraph', 'root'])
        expect(trace('ours', parse(text), type, () => undefined)).toEqual(trace('library', parse(text), type, () => undefined));
    }
    expect(trace('ours', parse(SAMPLE), 'link', () => undefined).length).toBe(3);
  });

  it('SKIP leaves a node’s children out, EXIT stops the walk', () => {
    const skipLists = (n: Node): VisitResult => (n.type === 'list' ? SKIP : undefined);
    const ours = trace('ours', parse(SAMPLE), null, skipLists);
    expect(ours).toEqual(trace('library', parse(SAMPLE), null, skipLists, toLibrary));
    expect(ours.some((s) => s.startsWith('listItem'))).toBe(false);
    const stopAtTable = (n: Node): VisitResult => (n.type === 'table' ? EXIT : undefined);
    const stopped = trace('ours', parse(SAMPLE), null, stopAtTable);
    expect(stopped).toEqual(trace('library', parse(SAMPLE), null, stopAtTable, toLibrary));
    expect(stopped.at(-1)).toMatch(/^table/);
    expect(trace('ours', parse(SAMPLE), null, () => [SKIP])).toEqual(['root@-<-:']);
  });

  it('an edit during the walk goes on where the visitor says, as the library does', () => {
    // Remove every emphasis (return the index, so the node now there is visited), and splice in text.
    const edit = (n: Node, i: number | undefined, p: Parent | undefined): VisitResult => {
      if (!p || i === undefined) return;
      if (n.type === 'emphasis') {
        p.children.splice(i, 1);
        return i;
      }
      if (n.type === 'inlineCode') {
        p.children.splice(i, 1, { type: 'text', value: 'A' } as Node, { type: 'text', value: 'B' } as Node);
        return [SKIP, i + 2];
      }
    };
    for (const text of texts) {
      const a = parse(text);
      const b = parse(text);
      expect(trace('ours', a, null, edit)).toEqual(trace('library', b, null, edit, toLibrary));
      expect(a).toEqual(b);
    }
  });
});
