/**
 * Writes a normalised tree back as clean Markdown: no span markup, no DocFX syntax.
 *
 * Heading ids become `{#id}` (which the pipeline reads back), alerts and missing-include notices become
 * GFM alerts (`> [!NOTE]`). Normalising this output again changes nothing: that is tested, because
 * translators diff these files. Pure.
 */
import type { Blockquote, Heading, Html, Root, Text } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

const stringifier = unified()
  .use(remarkStringify, {
    bullet: '-',
    emphasis: '*',
    strong: '*',
    fence: '`',
    fences: true,
    rule: '-',
    listItemIndent: 'one',
    resourceLink: true,
  })
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfm, { tablePipeAlign: false });

/** Markdown for `tree`; `frontMatter` replaces the YAML block's text (null drops the block). */
export function toMarkdown(tree: Root, options: { frontMatter?: string | null } = {}): string {
  const copy = structuredClone(tree);
  if (options.frontMatter !== undefined) {
    copy.children = copy.children.filter((c) => c.type !== 'yaml');
    if (options.frontMatter !== null) copy.children.unshift({ type: 'yaml', value: options.frontMatter.trimEnd() });
  }
  visit(copy, 'heading', (node: Heading) => {
    const id = (node.data as { id?: string } | undefined)?.id;
    if (id) node.children.push({ type: 'html', value: ` {#${id}}` } satisfies Html);
  });
  visit(copy, 'blockquote', (node: Blockquote) => {
    const kind = node.data?.alert ?? (node.data?.includeMissing ? 'note' : undefined);
    if (!kind) return;
    const marker: Html = { type: 'html', value: `[!${kind.toUpperCase()}]` };
    const first = node.children[0];
    if (first?.type === 'paragraph') first.children.unshift(marker, { type: 'text', value: '\n' } satisfies Text);
    else node.children.unshift({ type: 'paragraph', children: [marker] });
  });
  return stringifier.stringify(copy);
}
