/**
 * Edge trimming of spec §2 step 2 and §4 step 2: SP, HTAB, CR and LF only (U+3000 and NBSP are the
 * NFKC step's business). A loop, not `/\s+$/`, which backtracks quadratically on long inner runs.
 */
const EDGE_WHITESPACE = ' \t\r\n';

export function trimEdges(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && EDGE_WHITESPACE.includes(text[start]!)) start++;
  while (end > start && EDGE_WHITESPACE.includes(text[end - 1]!)) end--;
  return text.slice(start, end);
}
