/**
 * unified plugin: `> [!NOTE]` (TIP, IMPORTANT, CAUTION, WARNING) → an alert.
 *
 * The blockquote stays a blockquote in the tree, marked `data.alert = kind` and rendered as an
 * `<aside>`; the marker text is removed so it never reaches a reader. Unknown `[!…]` markers are left
 * as they are.
 */
import type { Blockquote, Root, Strong, TableCell } from 'mdast';
import type { VFile } from 'vfile';
import { report } from './diagnostics.ts';
import { visit } from './walk.ts';

export const ALERT_KINDS = ['note', 'tip', 'important', 'caution', 'warning'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

const MARKER = /^\s*\[!(NOTE|TIP|IMPORTANT|CAUTION|WARNING)\][ \t]*\n?/i;

declare module 'mdast' {
  interface BlockquoteData {
    alert?: AlertKind;
    includeMissing?: { label: string; path: string };
  }
}

/** `> [!NOTE]` where a block cannot be, at the start of a table cell: the quote marker is text there. */
const CELL_MARKER = /^\s*(?:>\s*)?\[!(NOTE|TIP|IMPORTANT|CAUTION|WARNING)\][ \t]*/i;

export function docfxAlerts(options: { titles?: Record<AlertKind, string> } = {}) {
  return (tree: Root, file: VFile) => {
    // In a table cell an alert can only be inline: its title, in bold, before its text.
    visit(tree, 'tableCell', (cell: TableCell) => {
      const text = cell.children[0];
      if (text?.type !== 'text') return;
      const m = CELL_MARKER.exec(text.value);
      if (!m) return;
      const kind = m[1]!.toLowerCase() as AlertKind;
      text.value = text.value.slice(m[0].length);
      const title: Strong = { type: 'strong', children: [{ type: 'text', value: `${options.titles?.[kind] ?? kind.toUpperCase()}:` }] };
      cell.children.splice(0, text.value === '' ? 1 : 0, title, ...(text.value === '' ? [] : [{ type: 'text' as const, value: ' ' }]));
      report(file, 'info', `[!${m[1]}] inside a table cell: shown as its title in bold (a cell cannot hold an alert block)`, cell, 'alert-in-cell');
    });
    visit(tree, 'blockquote', (node: Blockquote) => {
      const para = node.children[0];
      if (!para || para.type !== 'paragraph') return;
      const text = para.children[0];
      if (!text || text.type !== 'text') return;
      const m = MARKER.exec(text.value);
      if (!m) return;
      const kind = m[1]!.toLowerCase() as AlertKind;
      text.value = text.value.slice(m[0].length);
      if (text.value === '') para.children.shift();
      // A line break right after the marker belongs to the marker line.
      if (para.children[0]?.type === 'break') para.children.shift();
      if (para.children.length === 0) node.children.shift();
      node.data = { ...node.data, alert: kind };
    });
  };
}
