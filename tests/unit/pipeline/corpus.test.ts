/**
 * Robustness on real machine-translated pages we were not built against (../shared/corpus): every file
 * normalises without throwing, no MT markup is left, every segment's translation is in the output, and
 * normalising the output again changes nothing. Skips, saying so, where the corpus is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { normalizeBytes, normalizeText } from '../../../src/pipeline/processor.ts';
import { toMarkdown } from '../../../src/pipeline/to-markdown.ts';

const CORPUS = join(import.meta.dirname, '../../../../shared/corpus');
const files = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.md') && f !== 'README.md') : [];

const decode = (html: string) =>
  html.replace(/<[^>]*>/g, ' ').replace(/&(amp|lt|gt|quot|nbsp|#\d+);/g, (_, e: string) =>
    e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : ({ amp: '&', lt: '<', gt: '>', quot: '"', nbsp: '\u00a0' } as Record<string, string>)[e]!,
  );

/** Everything a reader can read in a tree: text, code, and the text inside raw HTML. */
function readableText(tree: Nodes): string {
  const parts: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'html') parts.push(decode(node.value));
    else if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') parts.push(node.value);
    else if (node.type === 'image') parts.push(node.alt ?? '');
  });
  return parts.join(' ');
}

/** Words without the characters whose meaning depends on context (emphasis markers, bare-URL breaks). */
const words = (text: string) =>
  text
    .replace(/[*_]/g, '')
    .split(/\s+/)
    .filter((w) => w.length >= 2);

describe.skipIf(files.length === 0)('real-world corpus', () => {
  if (files.length === 0) console.warn(`corpus tests skipped: ${CORPUS} not found`);
  for (const name of files) {
    it(name, () => {
      const result = normalizeBytes(readFileSync(join(CORPUS, name)), { path: name });
      expect(result.doc, result.file.messages.filter((m) => m.fatal).map((m) => m.reason).join('\n')).not.toBeNull();
      const doc = result.doc!;
      const markdown = toMarkdown(doc.tree);
      expect(markdown).not.toMatch(/data-ttu-id|data-stu-id|sxs-lookup/);
      // Compared without whitespace: a bare URL or e-mail becomes a link, and its text a separate node.
      const page = readableText(doc.tree).replace(/[*_\s]/g, '');
      for (const segment of doc.segments) {
        for (const w of words(readableText(fromMarkdown(segment.target)))) expect(page, `segment ${segment.id}`).toContain(w);
      }
      const again = normalizeText(markdown, { path: name });
      expect(toMarkdown(again.doc!.tree)).toBe(markdown);
    });
  }
});
