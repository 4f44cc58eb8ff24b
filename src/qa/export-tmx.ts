/**
 * TMX 1.4 of everything the checks aligned: for span-wrapped translations each MT segment with its
 * English, for the others each block that aligns with an English block. One `<tu>` per pair (English +
 * one locale), so a translation memory can be seeded from every locale, whatever its markup. Markdown
 * inline markup stays as text. Deterministic: no dates, pairs in the order given. Pure: returns a
 * string; never aligns anything itself (the engine's units do).
 */
import type { QaContext } from './context.ts';
import { xmlAttr, xmlText } from './xml-text.ts';

export interface TmxPair {
  /** Target locale. */
  locale: string;
  /** Segment id (span-wrapped files) or block key (plain files). */
  id: string;
  kind: 'segment' | 'block';
  block: string;
  source: string;
  target: string;
}

export interface TmxInput {
  docId: string;
  pairs: TmxPair[];
}

/**
 * The aligned pairs of a page, from the engine's units: a unit without English (a translation from
 * another source revision, or a segment whose English is missing) is no pair and is left out.
 */
export function alignedPairs(ctx: QaContext): TmxPair[] {
  return ctx.locales.flatMap((l) =>
    l.units.flatMap((u) =>
      u.source && !u.sourceChanged
        ? [{ locale: u.locale, id: u.segment ?? u.block, kind: u.kind, block: u.block, source: u.source.raw, target: u.target.raw }]
        : [],
    ),
  );
}

export function exportTmx(input: TmxInput): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
    '<tmx version="1.4">',
    // datatype plaintext: Markdown is kept as text, not as TMX inline elements.
    `  <header creationtool="mt-docs" creationtoolversion="1" segtype="sentence" o-tmf="mt-docs" adminlang="en" srclang="en" datatype="plaintext"/>`,
    '  <body>',
  ];
  for (const p of input.pairs) {
    lines.push(
      `    <tu tuid="${xmlAttr(`${p.locale}:${p.id}`)}"${p.kind === 'block' ? ' segtype="block"' : ''}>`,
      `      <prop type="x-doc">${xmlText(input.docId)}</prop>`,
      `      <prop type="x-block">${xmlText(p.block)}</prop>`,
      `      <tuv xml:lang="en"><seg>${xmlText(p.source)}</seg></tuv>`,
      `      <tuv xml:lang="${xmlAttr(p.locale)}"><seg>${xmlText(p.target)}</seg></tuv>`,
      '    </tu>',
    );
  }
  lines.push('  </body>', '</tmx>', '');
  return lines.join('\n');
}
