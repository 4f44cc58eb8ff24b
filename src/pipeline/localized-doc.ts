/**
 * The document model every view stands on: one received (or rebuilt) page in one locale.
 *
 * Pure data (JSON-serialisable), no I/O: the site, the translator checks, the CLIs and the tests all
 * read this and nothing else.
 */
import type { Root } from 'mdast';
import type { Diagnostic } from './diagnostics.ts';
import type { DocMeta } from './meta-schema.ts';
import type { PlacedSegment } from './mt-spans.ts';
import type { TextView } from './text-view.ts';

export interface Heading {
  depth: number;
  id: string;
  text: string;
}

/**
 * A leaf block (heading, paragraph, code, table, raw HTML…) with a key that is the same in every
 * locale: the id of the section it sits in and its position there. Translations and the English align
 * on it.
 */
export interface Block {
  key: string;
  type: string;
  /** Id of the heading that opens the section (`''` before the first heading). */
  anchor: string;
  /** 0 for the heading itself, then 1, 2, … for the blocks of its section. */
  index: number;
  line: number;
  /** Offsets of the block in the file as received (-1 where unknown). */
  start: number;
  end: number;
  /** Rendered text (no markup), for alignment and checks. */
  text: string;
  segmentIds: string[];
  /** Link and image targets inside the block, in order. */
  urls: string[];
  /** What the checks compare, read off the tree as received (absent for a block made by the pipeline). */
  view?: TextView;
}

export interface LocalizedDoc {
  /** The document's id: its folder under content/source (`become-partner`). */
  docId: string;
  path: string;
  locale: string;
  meta: DocMeta;
  tree: Root;
  segments: PlacedSegment[];
  headings: Heading[];
  blocks: Block[];
  messages: Diagnostic[];
  /**
   * The Markdown that was parsed, MT span markup off, and the offset map back to the file as received
   * (`OffsetMap.fromRuns`); absent where the file had no span markup (then it is the file itself).
   */
  parsed?: { text: string; runs: number[] };
}

declare module 'vfile' {
  interface DataMap {
    segments: PlacedSegment[];
    meta: DocMeta;
    headings: Heading[];
    blocks: Block[];
    /** The received Markdown of a range (offsets in the file as received), MT span markup off. */
    rawText: (start: number, end: number) => string;
    parsed: { text: string; runs: number[] };
  }
}
