/**
 * XLIFF 2.0 for one span-wrapped translation: one `<unit>` per MT segment, the English of the span pair
 * as `<source>` and the translation as `<target>`, the checks' findings about that segment as
 * `<notes>` (category = check id), so a CAT tool opens the page with its defects already annotated.
 * Markdown inline markup stays as text (`**`, `[text](url)`), exactly as in the file. Deterministic:
 * no dates, ids from the segments. Pure: returns a string; never decides which locales get one.
 */
import type { Finding, Severity } from './types.ts';
import { xmlAttr, xmlText } from './xml-text.ts';

export interface XliffInput {
  docId: string;
  /** Target locale (BCP 47). */
  locale: string;
  /** The file the translation was read from, recorded as the file's `original`. */
  file: string;
  segments: { id: string; source: string | null; target: string }[];
  /** Findings of this locale: those with a segment id annotate that unit, those with none the file. */
  findings: Finding[];
}

/** XLIFF priority runs from 1 (highest) to 10. */
const PRIORITY: Record<Severity, number> = { error: 1, warning: 3, info: 8 };

/** A unit id is an NMTOKEN; MT segment ids already are, anything else is made one (the raw id is kept as `name`). */
const nmtoken = (id: string) => (/^[\p{L}\p{N}._:-]+$/u.test(id) ? id : id.replace(/[^\p{L}\p{N}._:-]/gu, '_') || '_');

function notes(findings: Finding[], indent: string): string[] {
  if (findings.length === 0) return [];
  return [
    `${indent}<notes>`,
    ...findings.map(
      (f, i) =>
        `${indent}  <note id="n${i + 1}" category="${xmlAttr(f.check)}" priority="${PRIORITY[f.severity]}" appliesTo="target">${xmlText(`${f.severity}: ${f.message} (${f.file}:${f.line})`)}</note>`,
    ),
    `${indent}</notes>`,
  ];
}

export function exportXliff(input: XliffInput): string {
  // Suppressed findings were reviewed and accepted: a translator's tool need not show them again.
  const open = input.findings.filter((f) => f.locale === input.locale && !f.suppressed);
  const bySegment = new Map<string, Finding[]>();
  for (const f of open) if (f.segment) bySegment.set(f.segment, [...(bySegment.get(f.segment) ?? []), f]);
  const used = new Map<string, number>();
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="${xmlAttr(input.locale)}">`,
    // Double spaces and edge spaces are findings in their own right: whitespace is content here.
    `  <file id="${xmlAttr(nmtoken(input.docId))}" original="${xmlAttr(input.file)}" xml:space="preserve">`,
    ...notes(
      open.filter((f) => !f.segment),
      '    ',
    ),
  ];
  for (const s of input.segments) {
    const base = nmtoken(s.id);
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    const id = n === 1 ? base : `${base}_${n}`;
    const name = id === s.id ? '' : ` name="${xmlAttr(s.id)}"`;
    lines.push(
      `    <unit id="${xmlAttr(id)}"${name}>`,
      ...notes(bySegment.get(s.id) ?? [], '      '),
      `      <segment state="translated">`,
      `        <source>${xmlText(s.source ?? '')}</source>`,
      `        <target>${xmlText(s.target)}</target>`,
      '      </segment>',
      '    </unit>',
    );
  }
  lines.push('  </file>', '</xliff>', '');
  return lines.join('\n');
}
