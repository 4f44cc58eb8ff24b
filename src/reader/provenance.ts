/**
 * Where a page's text comes from, for the provenance line: machine or human translation, the English
 * source revision it was translated from, when it was handed off, and whether another locale of the same
 * page was translated from a newer revision (then this one may be out of date). Pure.
 */
import type { LocalizedDoc } from '../pipeline/localized-doc.ts';

export interface Provenance {
  translationType: string | null;
  /** A person post-edited the translation (imported from XLIFF with --mark-post-edited). */
  postEdited: boolean;
  revision: string | null;
  handoff: string | null;
  /** The newest revision among the other translations, when it is newer than this page's. */
  newer: { revision: string | null; handoff: string; locales: string[] } | null;
  /** For the rebuilt English: the translations it was rebuilt from. */
  rebuiltFrom: string[];
  /** Where several English revisions are given: the one this translation's English comes from. */
  englishRevision: { revision: string; how: 'named' | 'nearest' } | null;
}

export const shortRevision = (commit: string | null) => (commit ? commit.slice(0, 8) : null);

export function provenanceOf(doc: LocalizedDoc, translations: LocalizedDoc[]): Provenance {
  const handoff = doc.meta.rebuiltFrom ? [...doc.meta.rebuiltFrom].sort((a, b) => (b.handoff ?? '').localeCompare(a.handoff ?? ''))[0]?.handoff ?? null : doc.meta.handoff;
  const revision = doc.meta.rebuiltFrom ? doc.meta.sourceCommit : doc.meta.sourceCommit;
  const newer = translations
    .filter((t) => t !== doc && t.meta.handoff && handoff && t.meta.handoff > handoff && t.meta.sourceCommit !== revision)
    .sort((a, b) => b.meta.handoff!.localeCompare(a.meta.handoff!));
  const newest = newer[0];
  return {
    translationType: doc.meta.translationType,
    postEdited: doc.meta.postEdited,
    revision,
    handoff,
    newer: newest
      ? {
          revision: newest.meta.sourceCommit,
          handoff: newest.meta.handoff!,
          locales: newer.filter((t) => t.meta.sourceCommit === newest.meta.sourceCommit).map((t) => t.locale),
        }
      : null,
    rebuiltFrom: (doc.meta.rebuiltFrom ?? []).map((r) => r.locale),
    englishRevision: doc.meta.englishRevision ?? null,
  };
}
