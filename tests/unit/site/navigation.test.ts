/**
 * TOC files read into trees (TOC.md by heading level, TOC.yml by items) and a page's navigation as
 * HTML: the sidebar with the current page marked and its groups open, breadcrumbs, previous/next.
 */
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { fromHtml } from 'hast-util-from-html';
import { breadcrumbsHtml, paginationHtml, SidebarCache, sidebarHtml, type NavRender } from '../../../src/reader/sidebar.ts';
import { pageOrder, parseTocMarkdown, parseTocYaml, placeOf, resolveToc, MAX_TOC_DEPTH } from '../../../src/site/toc.ts';

const LABELS = { pages: 'Pages', breadcrumbs: 'Breadcrumbs', pagination: 'Previous and next page', previous: 'Previous', next: 'Next' };
const pages = new Map(['a/one', 'a/two', 'b/three', 'b/four'].map((id) => [id, id]));
const render: NavRender = { hrefOf: (id) => (id === 'b/four' ? null : `/nl/${id}/`), nameOf: (item) => ({ text: item.name }) };

function resolved(text: string, kind: 'md' | 'yml' = 'md') {
  const file = new VFile({ path: `TOC.${kind}` });
  const raw = kind === 'md' ? parseTocMarkdown(text) : (parseTocYaml(text) as { entries: ReturnType<typeof parseTocMarkdown> }).entries;
  return { items: resolveToc(raw, { rel: `TOC.${kind}`, pages, readToc: () => null, file }), file };
}

describe('TOC files', () => {
  it('TOC.md nests by heading level; empty links are groups; names keep their text', () => {
    const { items } = resolved('# [Docs](index.yml)\n## [Overview]()\n### [One](a/one.md)\n### [Two *new*](a/two.md#part)\n## [Three](b/three.md)\n# [Out](https://example.org/x)\n');
    expect(items).toEqual([
      { name: 'Docs', children: [
        { name: 'Overview', children: [{ name: 'One', docId: 'a/one', children: [] }, { name: 'Two new', docId: 'a/two', hash: 'part', children: [] }] },
        { name: 'Three', docId: 'b/three', children: [] },
      ] },
      { name: 'Out', url: 'https://example.org/x', children: [] },
    ]);
  });

  it('TOC.yml: items with href and nested items; a file that does not parse is a problem at its line', () => {
    const { items } = resolved('- name: One\n  href: a/one.md\n- name: Group\n  items:\n  - name: Three\n    href: b/three.md\n', 'yml');
    expect(items).toEqual([{ name: 'One', docId: 'a/one', children: [] }, { name: 'Group', children: [{ name: 'Three', docId: 'b/three', children: [] }] }]);
    expect(parseTocYaml('items:\n  - name: [x\n')).toMatchObject({ line: 3 });
  });

  it('never nests deeper than the limit, and says so once', () => {
    const deep = Array.from({ length: MAX_TOC_DEPTH + 5 }, (_, i) => `${'  '.repeat(i)}- name: L${i}\n${'  '.repeat(i)}  items:\n`).join('') + `${'  '.repeat(MAX_TOC_DEPTH + 5)}- name: leaf\n`;
    const { file } = resolved(deep, 'yml');
    expect(file.messages.filter((m) => m.ruleId === 'toc-limit')).toHaveLength(1);
  });
});

describe('page navigation HTML', () => {
  const { items } = resolved('# [Docs]()\n## [One](a/one.md)\n## [Group]()\n### [Two](a/two.md)\n### [Three](b/three.md)\n### [Four](b/four.md)\n# [Other]()\n## [Five](a/one.md)\n');
  const order = pageOrder(items);

  it('marks the current page, opens the groups on its way and no others, links pages the locale has', () => {
    const html = sidebarHtml(items, render, 'a/two', LABELS);
    const tree = fromHtml(html, { fragment: true });
    expect(html).toContain('<a href="/nl/a/two/" aria-current="page">Two</a>');
    expect(html.match(/aria-current/g)).toHaveLength(1);
    expect(html.match(/<details open>/g)).toHaveLength(2);
    expect(html).toContain('<span class="nav-label">Four</span>');
    expect(tree.children[0]).toMatchObject({ tagName: 'nav', properties: { ariaLabel: 'Pages' } });
  });

  it('breadcrumbs name the groups and end with the page; previous/next follow the reading order', () => {
    const place = placeOf(items, 'a/two', order)!;
    expect(breadcrumbsHtml(place, render, LABELS)).toBe('<nav class="breadcrumbs" aria-label="Breadcrumbs" data-pagefind-ignore><ol><li><span>Docs</span></li><li><span>Group</span></li><li><span aria-current="page">Two</span></li></ol></nav>');
    const pagination = paginationHtml(place, render, LABELS);
    expect(pagination).toContain('rel="prev" href="/nl/a/one/"');
    expect(pagination).toContain('rel="next" href="/nl/b/three/"');
    // The first page has no previous; a page listed twice is in the order once.
    expect(paginationHtml(placeOf(items, 'a/one', order)!, render, LABELS)).not.toContain('rel="prev"');
    expect(order.map((i) => i.docId)).toEqual(['a/one', 'a/two', 'b/three', 'b/four']);
  });

  it('shares one rendering among the pages under the same groups, and gives each what sidebarHtml gives it', () => {
    // Pages listed twice, with an anchor, as a group's own page, under nested groups; a page of no group.
    const tree = resolved(
      '# [Docs](a/one.md)\n## [G1]()\n### [One](a/one.md)\n### [Deep](b/four.md)\n#### [Four](b/four.md)\n#### [Three](b/three.md#part)\n#### [Three](b/three.md)\n## [G2]()\n### [Two](a/two.md)\n# [Five](b/five.md)\n# [Out](https://example.org/x)\n',
    ).items;
    for (const maxFull of [4, 150]) {
      const cache = new SidebarCache(tree, render, LABELS, maxFull);
      for (const round of [1, 2]) {
        for (const current of ['a/one', 'a/two', 'b/three', 'b/four', 'b/five', 'not/listed', null]) {
          expect(cache.html(current), `${current} (max ${maxFull}, round ${round})`).toBe(sidebarHtml(tree, render, current, LABELS, maxFull));
        }
      }
      // One page's mark is never left on another's: exactly the current page's entries are marked.
      expect(cache.html('b/three').match(/aria-current/g)).toHaveLength(1);
      expect(cache.html('a/one').match(/aria-current/g)).toHaveLength(2);
    }
  });

  it('a large tree is pruned around the page: groups on its way open in full, others closed with their own entries, deeper groups a link to their first page', () => {
    const big = resolved('# [Docs]()\n## [G1]()\n### [One](a/one.md)\n### [Deep]()\n#### [Four](b/four.md)\n#### [Three](b/three.md)\n## [G2]()\n### [Two](a/two.md)\n').items;
    const full = sidebarHtml(big, render, 'a/two', LABELS);
    expect(full).toContain('>Three</a>');
    // With a limit below its 8 entries: G1 is off the way to Two, so its group Deep is a link to its first page with one.
    const pruned = sidebarHtml(big, render, 'a/two', LABELS, 4);
    expect(pruned).toContain('<a href="/nl/a/two/" aria-current="page">Two</a>');
    expect(pruned).toContain('<details><summary>G1</summary><ul><li><a href="/nl/a/one/">One</a></li><li><a class="nav-group" href="/nl/b/three/">Deep</a></li></ul></details>');
    expect(pruned).not.toContain('>Three</a>');
    expect(pruned.match(/<details open>/g)).toHaveLength(2);
    // On a page inside Deep, Deep is open and lists its pages.
    expect(sidebarHtml(big, render, 'b/three', LABELS, 4)).toContain('<details open><summary>Deep</summary><ul><li><span class="nav-label">Four</span></li><li><a href="/nl/b/three/" aria-current="page">Three</a></li></ul></details>');
  });

  it('escapes names from the sources', () => {
    const html = sidebarHtml([{ name: '<img src=x onerror=alert(1)>', docId: 'a/one', children: [] }], render, null, LABELS);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
