/**
 * Writes a normalised tree back as clean Markdown: no span markup, no DocFX syntax.
 *
 * Heading ids become `{#id}` (which the pipeline reads back), alerts and missing-include notices become
 * GFM alerts (`> [!NOTE]`). Normalising this output again changes nothing: that is tested, because
 * translators diff these files. Pure.
 */
import type { Blockquote, Heading, Parents, Root, RootContent } from 'mdast';
import { defaultHandlers, type Info, type State } from 'mdast-util-to-markdown';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';

/** `## Title {#id}`: the heading as Markdown writes it, with its id where the pipeline reads it back. */
function heading(node: Heading, parent: Parents | undefined, state: State, info: Info): string {
  const out = defaultHandlers.heading(node, parent, state, info);
  const id = (node.data as { id?: string } | undefined)?.id;
  return id ? `${out} {#${id}}` : out;
}

/** `> [!NOTE]` first, for alerts and for the notice that stands in for a missing include. */
function blockquote(node: Blockquote, parent: Parents | undefined, state: State, info: Info): string {
  const out = defaultHandlers.blockquote(node, parent, state, info);
  const kind = node.data?.alert ?? (node.data?.includeMissing ? 'note' : undefined);
  return kind ? `> [!${kind.toUpperCase()}]\n${out}` : out;
}

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
    handlers: { heading, blockquote },
  })
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfm, { tablePipeAlign: false });

/** Markdown for `tree`; `frontMatter` replaces the YAML block's text (null drops the block). */
export function toMarkdown(tree: Root, options: { frontMatter?: string | null } = {}): string {
  if (options.frontMatter === undefined) return stringifier.stringify(tree);
  const children: RootContent[] = tree.children.filter((c) => c.type !== 'yaml');
  if (options.frontMatter !== null) children.unshift({ type: 'yaml', value: options.frontMatter.trimEnd() });
  return stringifier.stringify({ ...tree, children });
}
