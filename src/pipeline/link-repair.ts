/**
 * unified plugins that mend the link defects machine translation leaves behind:
 *
 * - `repairNestedLinks`: `[text[](url)]` (MT moved the brackets) → one link `[text](url)`;
 * - `repairEmptyLinks`: `[](url)` → a link with text: the English link text for the same URL where it is
 *   known (marked `lang="en"`), else a localised label.
 *
 * Each repair leaves a warning, so translators still see the defect the reader no longer suffers.
 */
import type { Link, Parent, PhrasingContent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from './walk.ts';
import type { VFile } from 'vfile';
import { report } from './diagnostics.ts';

/** A URL written bare in the text (GFM autolink literal), not a `[text](url)` link. */
const isAutolinkLiteral = (link: Link) => {
  const text = toString(link);
  return text !== '' && (link.url === text || link.url === `http://${text}` || link.url === `mailto:${text}`);
};

const isEmptyLink = (link: Link) => toString(link).trim() === '' && !link.children.some((c) => c.type === 'image');

/** In the text before a link, the `[` that no `]` closes; its index, or -1. */
function unmatchedOpener(value: string): number {
  let depth = 0;
  for (let i = value.length - 1; i >= 0; i--) {
    const c = value[i];
    if (c === ']') depth++;
    else if (c === '[') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/** In the text after a link, the `]` that closes the bracket opened before it; its index, or -1. */
function matchingCloser(value: string): number {
  let depth = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '[') depth++;
    else if (c === ']') {
      if (depth === 0) return value[i + 1] === '(' ? -1 : i;
      depth--;
    }
  }
  return -1;
}

export function repairNestedLinks() {
  return (tree: Root, file: VFile) => {
    visit(tree, (node) => {
      if (!('children' in node) || node.type === 'link' || node.type === 'linkReference') return;
      const children = (node as Parent).children as PhrasingContent[];
      for (let i = 1; i + 1 < children.length; i++) {
        const before = children[i - 1]!;
        const link = children[i]!;
        const after = children[i + 1]!;
        if (link.type !== 'link' || before.type !== 'text' || after.type !== 'text') continue;
        const open = unmatchedOpener(before.value);
        const close = matchingCloser(after.value);
        if (open < 0 || close < 0) continue;
        const outerBefore = before.value.slice(open + 1);
        // `[!VIDEO https://…]` and friends are DocFX directives; a bare URL inside brackets is no nested link.
        if (outerBefore.startsWith('!') || isAutolinkLiteral(link)) continue;
        const outerAfter = after.value.slice(0, close);
        const merged: Link = {
          ...link,
          children: [
            ...(outerBefore ? [{ type: 'text' as const, value: outerBefore }] : []),
            ...link.children,
            ...(outerAfter ? [{ type: 'text' as const, value: outerAfter }] : []),
          ],
        };
        report(file, 'warning', `broken nested link "[${outerBefore}[${toString(link)}](${link.url})${outerAfter}]" merged into one link`, link, 'link-nested');
        before.value = before.value.slice(0, open);
        after.value = after.value.slice(close + 1);
        children[i] = merged;
      }
    });
  };
}

export interface EmptyLinkOptions {
  /** English link text for a URL, from the page's own segments or from the rebuilt English page. */
  englishLinkText?: (url: string) => string | undefined;
  /** Localised label for a link whose English text is unknown. */
  untitledLink: string;
}

declare module 'mdast' {
  interface LinkData {
    /** The link text was supplied by the repair, in this language. */
    filledText?: 'en' | 'label';
  }
}

export function repairEmptyLinks(options: EmptyLinkOptions) {
  return (tree: Root, file: VFile) => {
    visit(tree, 'link', (link: Link) => {
      if (!isEmptyLink(link)) return;
      const english = options.englishLinkText?.(link.url)?.trim();
      if (english) {
        link.children = [{ type: 'text', value: english }];
        link.data = { ...link.data, filledText: 'en', hProperties: { ...(link.data?.hProperties ?? {}), lang: 'en' } };
        report(file, 'warning', `empty link text for ${link.url}; filled with the English link text "${english}"`, link, 'link-empty-text');
      } else {
        link.children = [{ type: 'text', value: options.untitledLink }];
        link.data = { ...link.data, filledText: 'label' };
        report(file, 'warning', `empty link text for ${link.url}; no English text known, labelled "${options.untitledLink}"`, link, 'link-empty-text');
      }
    });
  };
}

/**
 * URL → link text of the first Markdown link to it in `markdown` (the English of span pairs). Only what a
 * reader would see is kept: emphasis and code markers are dropped.
 */
export function linkTextsIn(markdown: string, into = new Map<string, string>()): Map<string, string> {
  for (const m of markdown.matchAll(/(?<!!)\[((?:[^[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
    const text = m[1]!.replace(/[*_`]/g, '').trim();
    if (text && !into.has(m[2]!)) into.set(m[2]!, text);
  }
  return into;
}
