/**
 * Maps offsets in a rewritten text back to offsets in the text it was rewritten from.
 *
 * Why: MT span markup is removed before Markdown is parsed (it is a layer over the Markdown, not part of
 * it), yet every diagnostic must point at the line and column of the file as received. Pure.
 */

/** A run of characters copied unchanged from the original (`from`) to the rewritten text (`to`). */
interface CopiedRun {
  to: number;
  from: number;
  length: number;
}

export class OffsetMap {
  private runs: CopiedRun[] = [];
  private written = 0;
  /** The runs that copied something, for toRewritten (made when first needed after a change). */
  private copied: CopiedRun[] | null = null;

  /** The map as plain numbers (its length, then to, from, length per run), for data that crosses threads. */
  toRuns(): number[] {
    return [this.written, ...this.runs.flatMap((r) => [r.to, r.from, r.length])];
  }

  static fromRuns(runs: readonly number[]): OffsetMap {
    const map = new OffsetMap();
    map.written = runs[0] ?? 0;
    for (let i = 1; i + 2 < runs.length; i += 3) map.runs.push({ to: runs[i]!, from: runs[i + 1]!, length: runs[i + 2]! });
    return map;
  }

  /** Records that `length` characters starting at original offset `from` were copied next. */
  copy(from: number, length: number): void {
    if (length <= 0) return;
    this.copied = null;
    const last = this.runs[this.runs.length - 1];
    if (last && last.from + last.length === from && last.to + last.length === this.written) {
      last.length += length;
    } else {
      this.runs.push({ to: this.written, from, length });
    }
    this.written += length;
  }

  /** Records `length` characters written that do not come from the original at one place (`from`). */
  insert(from: number, length: number): void {
    if (length <= 0) return;
    this.copied = null;
    // Inserted text maps to the start of what it replaced: a message about it points there.
    this.runs.push({ to: this.written, from, length: 0 });
    this.written += length;
  }

  /** Original offset for rewritten offset `to` (ends of runs map to the end of the copied run). */
  toOriginal(to: number): number {
    const runs = this.runs;
    if (runs.length === 0) return to;
    let lo = 0;
    let hi = runs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (runs[mid]!.to <= to) lo = mid;
      else hi = mid - 1;
    }
    const run = runs[lo]!;
    return run.from + Math.min(Math.max(to - run.to, 0), run.length);
  }

  /**
   * Rewritten offset for original offset `from`: the inverse of toOriginal on copied text. An offset in
   * text that was not copied (removed markup) maps to the next copied character for a range's start and
   * to the end of the previous copied run for its end.
   */
  toRewritten(from: number, edge: 'start' | 'end' = 'start'): number {
    if (this.runs.length === 0) return from;
    const runs = (this.copied ??= this.runs.filter((r) => r.length > 0));
    // The first run that ends after `from` (for an end: at or after it).
    let lo = 0;
    let hi = runs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const r = runs[mid]!;
      const ends = r.from + r.length;
      if (edge === 'start' ? ends <= from : ends < from) lo = mid + 1;
      else hi = mid;
    }
    const run = runs[lo];
    if (!run) return this.written;
    if (from >= run.from) return run.to + (from - run.from);
    // In a gap before this run.
    if (edge === 'start') return run.to;
    const prev = runs[lo - 1];
    return prev ? prev.to + prev.length : run.to;
  }
}

/**
 * Rewrites every position in `tree` (parsed from the rewritten text) to the line, column and offset of
 * the original text, so later plugins report places in the file as received.
 */
export function remapPositions(
  tree: import('unist').Node,
  map: OffsetMap,
  toPoint: (offset: number) => { line?: number | undefined; column?: number | undefined; offset?: number | undefined },
): void {
  const stack: import('unist').Node[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const pos = node.position;
    if (pos && pos.start.offset !== undefined && pos.end.offset !== undefined) {
      const start = toPoint(map.toOriginal(pos.start.offset));
      const end = toPoint(map.toOriginal(pos.end.offset));
      if (start.line && start.column && end.line && end.column) {
        node.position = {
          start: { line: start.line, column: start.column, offset: start.offset },
          end: { line: end.line, column: end.column, offset: end.offset },
        };
      }
    }
    const children = (node as { children?: import('unist').Node[] }).children;
    if (children) for (const child of children) stack.push(child);
  }
}
