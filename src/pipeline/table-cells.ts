/**
 * unified plugin: table rows with more cells than the table's header. GFM splits a row at every
 * unescaped `|`, also inside a code span (`` `a | b` `` in a cell), and a renderer then drops the cells
 * past the header's count without a word. Here no text is lost: cells split inside a code span are
 * joined again (the code span restored), and any cells still past the header's count are joined into
 * the last one; each row so repaired is a warning at its line.
 */
import type { InlineCode, PhrasingContent, Root, Table, TableCell } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from './walk.ts';
import type { VFile } from 'vfile';
import { report } from './diagnostics.ts';

const backticks = (cell: TableCell) => (toString(cell).match(/`/g) ?? []).length;

/** Cells joined with the `|` that split them; plain text with code spans read back into code. */
function join(cells: TableCell[]): TableCell {
  const children: PhrasingContent[] = [];
  for (const [i, cell] of cells.entries()) {
    if (i > 0) children.push({ type: 'text', value: ' | ' });
    children.push(...cell.children);
  }
  const merged: TableCell = { type: 'tableCell', children, position: cells[0]!.position && { start: cells[0]!.position.start, end: cells.at(-1)!.position!.end } };
  if (!children.every((c) => c.type === 'text')) return merged;
  // `x | y` was one code span before the split: read the text's code spans back.
  const text = children.map((c) => (c as { value: string }).value).join('').replace(/` \| /g, '`| ').replace(/ \| `/g, ' |`');
  const parts: PhrasingContent[] = [];
  let last = 0;
  for (const m of text.matchAll(/`([^`]+)`/g)) {
    if (m.index > last) parts.push({ type: 'text', value: text.slice(last, m.index) });
    parts.push({ type: 'inlineCode', value: m[1]!.trim() === '' ? m[1]! : m[1]!.replace(/^ (.*) $/, '$1') } satisfies InlineCode);
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ type: 'text', value: text.slice(last) });
  merged.children = parts;
  return merged;
}

export function repairTableCells() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'table', (table: Table) => {
      const width = table.children[0]?.children.length ?? 0;
      for (const row of table.children.slice(1)) {
        if (row.children.length <= width) continue;
        const before = row.children.length;
        // Cells that open a code span and the ones that close it were one cell.
        const cells: TableCell[] = [];
        for (let i = 0; i < row.children.length; i++) {
          let j = i;
          if (backticks(row.children[i]!) % 2 === 1) {
            while (j + 1 < row.children.length && backticks(row.children[j + 1]!) % 2 === 0) j++;
            if (j + 1 < row.children.length) j++;
            else j = i;
          }
          cells.push(j > i ? join(row.children.slice(i, j + 1)) : row.children[i]!);
          i = j;
        }
        // Whatever is still past the header's last column joins that column.
        if (cells.length > width && width > 0) cells.splice(width - 1, cells.length - width + 1, join(cells.slice(width - 1)));
        row.children = cells;
        report(file, 'warning', `table row has ${before} cells where the header has ${width}: an unescaped "|" (inside code, write \\|) split it; the cells are joined so no text is lost`, row, 'table-cell-excess');
      }
    });
  };
}
