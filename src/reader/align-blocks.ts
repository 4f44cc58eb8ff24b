/**
 * Which blocks of a translation have an English counterpart, by anchor and position.
 *
 * A translation made from the same English as the rebuilt page has the same sections with the same
 * blocks; one made from another source revision may not (a list item added, a sentence moved into a
 * code block). A section aligns when its blocks have the same kinds, in the same order, linking to the
 * same places; a heading aligns when its id exists in English. Nothing is guessed beyond that: a block
 * that does not align says so to the reader. Pure.
 */
import type { Block, LocalizedDoc } from '../pipeline/localized-doc.ts';

export type Alignment = Map<string, Block | null>;

/** A URL without the locale parts that legitimately differ between translations of one page. */
export function neutralUrl(url: string): string {
  return url
    .replace(/^(https?:\/\/[^/]+)\/[a-z]{2,3}(?:-[a-z0-9]{2,8})*\//i, '$1/')
    .replace(/^\/[a-z]{2,3}(?:-[a-z0-9]{2,8})*\//i, '/');
}

function sections(doc: LocalizedDoc): Map<string, Block[]> {
  const out = new Map<string, Block[]>();
  for (const b of doc.blocks) {
    if (b.type === 'heading') continue;
    const list = out.get(b.anchor) ?? [];
    list.push(b);
    out.set(b.anchor, list);
  }
  return out;
}

const sameUrls = (a: Block, b: Block) =>
  a.urls.length === b.urls.length && a.urls.every((u, i) => neutralUrl(u) === neutralUrl(b.urls[i]!));

/**
 * Block key → its English block, or null where none aligns. `matchUrls` (default) also requires the same
 * link targets: right for showing the English to a reader; the translator checks turn it off, because
 * a changed link is exactly what they must report rather than a reason not to compare.
 */
export function alignWithEnglish(doc: LocalizedDoc, english: LocalizedDoc, options: { matchUrls?: boolean } = {}): Alignment {
  const matchUrls = options.matchUrls ?? true;
  const result: Alignment = new Map();
  const englishByKey = new Map(english.blocks.map((b) => [b.key, b]));
  const ours = sections(doc);
  const theirs = sections(english);
  for (const b of doc.blocks) {
    if (b.type === 'heading') {
      result.set(b.key, englishByKey.get(b.key) ?? null);
      continue;
    }
    const mine = ours.get(b.anchor) ?? [];
    const other = theirs.get(b.anchor) ?? [];
    const sectionAligns = mine.length === other.length && mine.every((m, i) => m.type === other[i]!.type && (!matchUrls || sameUrls(m, other[i]!)));
    result.set(b.key, sectionAligns ? (englishByKey.get(b.key) ?? null) : null);
  }
  return result;
}
