/** The mdast node types that are a page's leaf blocks: what blocks are numbered by, and what has a text view. */
export const BLOCK_LEAVES: ReadonlySet<string> = new Set(['heading', 'paragraph', 'code', 'html', 'table', 'thematicBreak', 'math']);
