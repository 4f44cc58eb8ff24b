/**
 * Rebuilds the English page that was machine-translated, from the English side of the span pairs, as a
 * LocalizedDoc of its own (locale `en`).
 *
 * Every span-wrapped translation carries the English of every segment; those that share a source page
 * must rebuild the same English body, and when they do not, the difference is a warning (it means
 * the translations came from different English texts). The newest hand-off is the base. The metadata
 * says which translated files, and which source revisions, it was rebuilt from. Pure.
 */
import { stringify } from 'yaml';
import { report } from './diagnostics.ts';
import type { LocalizedDoc } from './localized-doc.ts';
import type { DocMeta } from './meta-schema.ts';
import { normalizeText, type NormalizeOptions, type NormalizeResult } from './processor.ts';
import { stripSpanPairs } from './mt-spans.ts';
import { toMarkdown } from './to-markdown.ts';
import { SOURCE_LOCALE } from '../i18n/locales.ts';

export interface SpanSource {
  path: string;
  text: string;
  /** The normalised translation (for its metadata). */
  doc: LocalizedDoc;
}

export interface Agreement {
  locale: string;
  path: string;
  /** Whether this file's English side rebuilds the same body as the base. */
  same: boolean;
  /** First line (1-based, in the rebuilt Markdown body) where it differs. */
  firstDifference?: number;
}

export interface EnglishRebuild extends NormalizeResult {
  agreement: Agreement[];
  /** Each span-wrapped translation's own English side (locale → doc): the English behind its blocks. */
  sides: Record<string, LocalizedDoc>;
}

/** The English side of a file as Markdown text, front matter left out. */
function englishBody(text: string): string {
  const english = stripSpanPairs(text, 'source').text;
  const front = /^---[ \t]*\n[\s\S]*?\n---[ \t]*(?:\n|$)/.exec(english);
  return front ? english.slice(front[0].length) : english;
}

const byNewest = (a: SpanSource, b: SpanSource) =>
  (b.doc.meta.handoff ?? '').localeCompare(a.doc.meta.handoff ?? '') || a.doc.locale.localeCompare(b.doc.locale);

/** The first paragraph worth quoting, cut at a word boundary: the rebuilt page's description. */
function describe(doc: LocalizedDoc): string | null {
  const text = doc.blocks.find((b) => b.type === 'paragraph' && b.segmentIds.length > 0 && b.text.length >= 40)?.text;
  if (!text) return null;
  return text.length <= 200 ? text : `${text.slice(0, text.lastIndexOf(' ', 197))}…`;
}

function firstDifference(a: string, b: string): number | undefined {
  if (a === b) return undefined;
  const la = a.split('\n');
  const lb = b.split('\n');
  for (let i = 0; i < Math.max(la.length, lb.length); i++) if (la[i] !== lb[i]) return i + 1;
  return undefined;
}

/** The YAML front matter of the rebuilt English, for `normalize --format en`. */
export function englishFrontMatter(meta: DocMeta): string {
  const data: Record<string, unknown> = {
    title: meta.title,
    ...(meta.description ? { description: meta.description } : {}),
    'ms.contentlocale': SOURCE_LOCALE,
    ...(meta.sourceCommit ? { 'ms.sourcegitcommit': meta.sourceCommit } : {}),
    ...(meta.handoff ? { 'ms.lasthandoff': meta.handoff.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$2/$3/$1') } : {}),
    'rebuilt-from': (meta.rebuiltFrom ?? []).map((r) => `${r.locale} ${r.sourceCommit ?? 'unknown revision'}`),
  };
  return stringify(data, { lineWidth: 0 });
}

export function rebuildEnglish(sources: SpanSource[], options: Omit<NormalizeOptions, 'path' | 'side'>): EnglishRebuild | null {
  const withPairs = sources.filter((s) => s.doc.segments.length > 0).sort(byNewest);
  const base = withPairs[0];
  if (!base) return null;
  const rebuild = (s: SpanSource) => normalizeText(s.text, { ...options, path: `${s.path} (English side)`, side: 'source', docId: s.doc.docId });
  const result = rebuild(base);
  if (!result.doc) return { ...result, agreement: [], sides: {} };
  const doc = result.doc;
  // The base's own English side is the doc as it is now (its locale and meta are replaced below).
  const baseSide: LocalizedDoc = { ...doc };
  const sides: Record<string, LocalizedDoc> = { [base.doc.locale]: baseSide };
  const baseBody = englishBody(base.text);
  const agreement: Agreement[] = [{ locale: base.doc.locale, path: base.path, same: true }];
  let body: string | undefined;
  for (const other of withPairs.slice(1)) {
    // The usual case, and the cheap one: the same English text, so the same English page.
    if (englishBody(other.text) === baseBody) {
      sides[other.doc.locale] = baseSide;
      agreement.push({ locale: other.doc.locale, path: other.path, same: true });
      continue;
    }
    body ??= toMarkdown(doc.tree, { frontMatter: null });
    const otherDoc = rebuild(other).doc;
    if (otherDoc) sides[other.doc.locale] = otherDoc;
    const diff = otherDoc ? firstDifference(body, toMarkdown(otherDoc.tree, { frontMatter: null })) : 1;
    agreement.push({ locale: other.doc.locale, path: other.path, same: diff === undefined, ...(diff ? { firstDifference: diff } : {}) });
    if (diff !== undefined) {
      report(result.file, 'warning', `the English in ${other.path} differs from ${base.path} from line ${diff} of the rebuilt page: they were translated from different English texts`, undefined, 'english-rebuild-differs');
    }
  }
  const h1 = doc.headings.find((h) => h.depth === 1)?.text;
  doc.locale = SOURCE_LOCALE;
  doc.meta = {
    ...doc.meta,
    title: h1 ?? doc.meta.title,
    description: describe(doc),
    keywords: [],
    locale: SOURCE_LOCALE,
    translationType: null,
    rebuiltFrom: withPairs.map((s) => ({ locale: s.doc.locale, sourceCommit: s.doc.meta.sourceCommit, handoff: s.doc.meta.handoff })),
  };
  return { ...result, doc, agreement, sides };
}
