/**
 * The translator checks' data: findings, the per-locale status, the aligned grid and the term matrix.
 * Computed once as plain data (JSON-serialisable) and rendered by several thin views: the translator
 * pages, the `qa` and `diff` CLIs, JSON/CSV downloads, XLIFF and TMX exports (the Lunaria habit).
 */
import type { Severity } from '../pipeline/diagnostics.ts';

export type { Severity };

export const CHECK_IDS = [
  'meta.revision',
  'meta.key-drift',
  'meta.untranslated-field',
  'struct.skeleton',
  'struct.code-parity',
  'link.url-parity',
  'link.empty-text',
  'link.nested',
  'link.scope',
  'markup.emphasis',
  'inv.numbers',
  'inv.alnum-identifiers',
  'term.dnt-count',
  'term.case',
  'term.consistency',
  'term.dropped',
  'term.deprecated',
  'untranslated',
  'punct.end',
  'punct.truncated',
  'sentence.count',
  'ws.segment',
  'ws.cjk',
  'fr.punct-spacing',
  'source.hotspot',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export interface Finding {
  /** Stable id: check + locale + anchor + a hash of the target text (the suppression key too). */
  id: string;
  check: CheckId;
  severity: Severity;
  locale: string;
  /** Source file as shown to the user (relative path). */
  file: string;
  /** 1-based line in that file. */
  line: number;
  /** 1-based column of the offending text on that line (UTF-16 code units; metadata: the key's). */
  column: number;
  /** MT segment id, where the finding is about one segment. */
  segment?: string;
  /** Id of the section's heading. */
  anchor?: string;
  /** Key of the aligned block (a grid row), for deep links. */
  block?: string;
  message: string;
  /** The locale was translated from another English revision and this difference may come from that. */
  revisionDriven?: boolean;
  /** Matched by an entry of the suppressions file. */
  suppressed?: boolean;
}

/** The language-neutral content of a text: what must be the same in every translation of it. */
export interface Invariants {
  urls: string[];
  numbers: string[];
  code: string[];
  /** Do-not-translate terms, one entry per occurrence. */
  dnt: string[];
  emphasis: number;
  links: number;
}

export interface LocaleStatus {
  locale: string;
  file: string;
  translationType: string | null;
  revision: string | null;
  openLocFileHash: string | null;
  handoff: string | null;
  /** 1 is the newest revision group (the reference). */
  group: number;
  stale: boolean;
  hasPairs: boolean;
  segments: number;
  counts: Record<Severity, number>;
  /**
   * Post-edits imported into this file (`mt-docs.post-edited`): the units listed (segment ids, block
   * keys), or null units where the whole file is marked; null where there are none.
   */
  postEdited: { units: string[] | null } | null;
}

export interface GridCell {
  /** Rendered text with invisible defects made visible (empty link text, NBSP, double spaces). */
  text: string;
  line: number;
  /** No English block aligns with it: the locale was translated from another source revision. */
  sourceChanged: boolean;
  invariants: Invariants;
  /** Invariants that disagree with English (or with the majority of locales where English has none). */
  disagreements: (keyof Invariants)[];
  findingIds: string[];
  /** A person post-edited this block (or one of its segments): it is no longer the machine's text. */
  postEdited?: true;
}

export interface GridRow {
  /** Block key (`<anchor>:<n>`, or the anchor for a heading). */
  key: string;
  anchor: string;
  type: string;
  /** Cell per locale code, and `en` for the English; null where that locale has no such block. */
  cells: Record<string, GridCell | null>;
}

export interface TermRendering {
  text: string;
  count: number;
  lines: number[];
}

export interface TermMatrix {
  concepts: { id: string; label: string }[];
  /** concept id → locale → distinct renderings found. */
  cells: Record<string, Record<string, TermRendering[]>>;
}

export interface Hotspot {
  /** English segment number (or block key where the locales have no segment ids). */
  key: string;
  english: string;
  locales: string[];
  findingIds: string[];
}

export interface QaReport {
  docId: string;
  /** Locale codes in column order: `en` first, then the translations. */
  columns: string[];
  english: { revisions: string[]; rebuiltFrom: string[] } | null;
  locales: LocaleStatus[];
  grid: GridRow[];
  findings: Finding[];
  terms: TermMatrix;
  hotspots: Hotspot[];
}
