/**
 * unified plugin: warns about a code fence that is never closed.
 *
 * Markdown lets such a fence run to the end of its container, so everything after it, headings
 * included, silently becomes code; real hand-offs have this (and the text after it then stays
 * untranslated). The output keeps Markdown's reading; the warning says where the fence opened.
 */
import type { Code, Root } from 'mdast';
import { visit } from './walk.ts';
import type { VFile } from 'vfile';
import { report } from './diagnostics.ts';

export function reportUnclosedFences() {
  return (tree: Root, file: VFile) => {
    const text = String(file.value);
    visit(tree, 'code', (node: Code) => {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return;
      const raw = text.slice(start, end);
      const open = /^[ \t]*(`{3,}|~{3,})/.exec(raw);
      if (!open) return; // indented code has no fence
      const fence = open[1]!;
      const lastLine = raw.slice(raw.lastIndexOf('\n') + 1);
      const closes = raw.includes('\n') && new RegExp(`^[ \\t>]*${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`).test(lastLine);
      if (!closes) {
        report(file, 'warning', `code fence ${fence}${node.lang ?? ''} is never closed: the rest of its section renders as code`, node, 'code-fence-unclosed');
      }
    });
  };
}
