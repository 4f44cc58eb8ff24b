/**
 * A received file's decoded text as the checks point into it: an offset to a 1-based line and column
 * (UTF-16 code units, as editors and vfile count them), a search inside one unit's range, and the
 * front matter's top-level keys, so a metadata finding sits on the line of the key it is about. Pure.
 */

export interface Place {
  line: number;
  column: number;
}

export interface FrontMatterKey {
  /** Offset of the key's first character. */
  offset: number;
  /** Offset of the value's first character (after `key:` and its spaces). */
  valueOffset: number;
}

const KEY_LINE = /^(["']?)([^\s"':#][^"':]*?)\1[ \t]*:(?:[ \t]+|$)/;

export class SourceText {
  readonly text: string;
  #starts: number[] | null = null;
  #frontMatter: { keys: Map<string, FrontMatterKey>; close: number } | null | undefined;

  constructor(text: string) {
    this.text = text;
  }

  get #lineStarts(): number[] {
    if (!this.#starts) {
      const starts = [0];
      for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.#starts = starts;
    }
    return this.#starts;
  }

  /** The line and column of an offset (clamped into the text). */
  at(offset: number): Place {
    const starts = this.#lineStarts;
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - starts[lo]! + 1 };
  }

  /** The offset where a 1-based line starts (the text's end past the last line). */
  lineStart(line: number): number {
    return this.#lineStarts[line - 1] ?? this.text.length;
  }

  /** Offset of the nth (0-based) match of `needle` inside [from, to); -1 where there is none. */
  find(needle: string | RegExp, from: number, to: number, nth = 0): number {
    const slice = this.text.slice(Math.max(0, from), Math.max(from, to));
    let seen = 0;
    if (typeof needle === 'string') {
      if (needle === '') return -1;
      for (let i = slice.indexOf(needle); i >= 0; i = slice.indexOf(needle, i + needle.length)) {
        if (seen++ === nth) return from + i;
      }
      return -1;
    }
    const pattern = new RegExp(needle.source, needle.flags.includes('g') ? needle.flags : `${needle.flags}g`);
    for (const m of slice.matchAll(pattern)) if (seen++ === nth) return from + m.index;
    return -1;
  }

  /** The front matter's top-level keys and the offset of its closing fence; null without front matter. */
  get frontMatter(): { keys: Map<string, FrontMatterKey>; close: number } | null {
    if (this.#frontMatter !== undefined) return this.#frontMatter;
    this.#frontMatter = null;
    if (!/^---[ \t]*\n/.test(this.text)) return null;
    const keys = new Map<string, FrontMatterKey>();
    let offset = this.text.indexOf('\n') + 1;
    while (offset < this.text.length) {
      const end = this.text.indexOf('\n', offset);
      const line = this.text.slice(offset, end < 0 ? undefined : end);
      if (/^(?:---|\.\.\.)[ \t]*$/.test(line)) {
        this.#frontMatter = { keys, close: offset };
        return this.#frontMatter;
      }
      const m = KEY_LINE.exec(line);
      if (m && !keys.has(m[2]!)) keys.set(m[2]!, { offset, valueOffset: offset + m[0].length });
      if (end < 0) break;
      offset = end + 1;
    }
    return null;
  }

  /** Where a front-matter key is (its line, the column of its value), or the front matter's start. */
  keyPlace(key: string, what: 'key' | 'value' = 'key'): Place {
    const k = this.frontMatter?.keys.get(key);
    return k ? this.at(what === 'key' ? k.offset : k.valueOffset) : { line: 1, column: 1 };
  }
}
