/**
 * XLIFF 2.0 for one translation, span-wrapped or plain: one `<unit>` per translation unit
 * (`xliff-units.ts`), the English as `<source>` and the translation as `<target>`, the Markdown around
 * the text as inline codes (`<pc>` around link texts and emphasis, `<ph>` for code spans, raw HTML,
 * images, alert markers and includes) whose Markdown sits in `<originalData>`, so a CAT tool shows tags
 * a translator moves but cannot break. Units without English say so (`state="initial"`,
 * `subState="mtd:no-english"`, and a note why). The checks' findings are `<notes>` (category = check
 * id). The file's `mtd:fingerprint` is the SHA-256 of the text it was made from: an import into a file
 * that changed since is refused.
 *
 * Deterministic (no dates; ids from the units). Pure: returns a string.
 */
import { createHash } from 'node:crypto';
import type { Finding, Severity } from './types.ts';
import type { Inline } from './xliff-inline.ts';
import type { XliffUnit } from './xliff-units.ts';
import { xmlAttr, xmlText } from './xml-text.ts';

/** Our extension namespace (XLIFF 2.0 allows attributes of other namespaces on `<file>` and `<unit>`). */
export const MTD_NS = 'urn:mt-docs:xliff:1';

export interface XliffInput {
  docId: string;
  /** Target locale (BCP 47). */
  locale: string;
  /** The file the translation was read from, as the user names it: recorded as the file's `original`. */
  file: string;
  /** See `fingerprintOf`. */
  fingerprint: string;
  units: XliffUnit[];
  /** Findings of this locale: those of a unit (segment or block) annotate it, the others the file. */
  findings: Finding[];
  /** Source revision the English of plain units is from, for the notes of units without one. */
  englishRevision?: string | null;
}

/** What an XLIFF file records of its source: the SHA-256 of the decoded text (LF, no BOM). */
export const fingerprintOf = (text: string) => createHash('sha256').update(text).digest('hex');

/** XLIFF priority runs from 1 (highest) to 10. */
const PRIORITY: Record<Severity, number> = { error: 1, warning: 3, info: 8 };

/** A unit id is an NMTOKEN; anything else is made one (the raw id is kept as `name`). */
export const nmtoken = (id: string) => (/^[\p{L}\p{N}._:-]+$/u.test(id) ? id : id.replace(/[^\p{L}\p{N}._:-]/gu, '_') || '_');

/** XLIFF element content: a character XML cannot hold is written as `<cp hex="…"/>`, so nothing is lost. */
const xliffText = (s: string) => xmlText(s, (c) => `<cp hex="${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}"/>`);

function notes(items: { category: string; priority?: number; text: string }[], indent: string): string[] {
  if (items.length === 0) return [];
  return [
    `${indent}<notes>`,
    ...items.map((n, i) => `${indent}  <note id="n${i + 1}" category="${xmlAttr(n.category)}"${n.priority ? ` priority="${n.priority}" appliesTo="target"` : ''}>${xliffText(n.text)}</note>`),
    `${indent}</notes>`,
  ];
}

const findingNote = (f: Finding) => ({ category: f.check, priority: PRIORITY[f.severity], text: `${f.severity}: ${f.message} (${f.file}:${f.line}:${f.column})` });

/**
 * Ids for one unit's codes: the target's in order, then each source code takes the id of the first
 * unmatched target code with the same Markdown (they are the same code), else one of its own. The
 * Markdown of each code is one `<data>` entry, shared by equal codes.
 */
class Codes {
  private next = 1;
  private readonly data = new Map<string, string>();
  private readonly free = new Map<string, string[]>();

  dataRef(markdown: string): string {
    let id = this.data.get(markdown);
    if (!id) this.data.set(markdown, (id = `d${this.data.size + 1}`));
    return id;
  }
  /** A target code: a new id, remembered for the source to match. */
  target(signature: string): string {
    const id = String(this.next++);
    this.free.set(signature, [...(this.free.get(signature) ?? []), id]);
    return id;
  }
  /** A source code: the matching target code's id, else a new one. */
  source(signature: string): string {
    const ids = this.free.get(signature);
    return ids?.shift() ?? String(this.next++);
  }
  originalData(indent: string): string[] {
    if (this.data.size === 0) return [];
    return [`${indent}<originalData>`, ...[...this.data].map(([md, id]) => `${indent}  <data id="${id}">${xliffText(md)}</data>`), `${indent}</originalData>`];
  }
}

const signature = (i: Exclude<Inline, { type: 'text' }>) => (i.type === 'ph' ? `ph\0${i.data}` : `pc\0${i.start}\0${i.end}`);

/** XLIFF's code types (fmt, ui, quote, link, image, other); what Markdown the code is, in `subType`. */
const PH_TYPE: Record<string, string> = { image: 'image', imageReference: 'image', inlineCode: 'other', alert: 'other', include: 'other', footnoteReference: 'link' };

function inlineXml(items: Inline[], codes: Codes, side: 'source' | 'target'): string {
  let out = '';
  for (const item of items) {
    if (item.type === 'text') {
      out += xliffText(item.value);
      continue;
    }
    const id = side === 'target' ? codes.target(signature(item)) : codes.source(signature(item));
    if (item.type === 'ph') {
      const disp = item.disp !== undefined ? ` disp="${xmlAttr(item.disp)}"` : '';
      out += `<ph id="${id}" dataRef="${codes.dataRef(item.data)}"${disp} type="${PH_TYPE[item.kind] ?? 'fmt'}" subType="mtd:${item.kind}"/>`;
    } else {
      const type = item.kind === 'link' || item.kind === 'linkReference' ? 'link' : 'fmt';
      out += `<pc id="${id}" dataRefStart="${codes.dataRef(item.start)}" dataRefEnd="${codes.dataRef(item.end)}" type="${type}" subType="mtd:${item.kind}">${inlineXml(item.children, codes, side)}</pc>`;
    }
  }
  return out;
}

const NO_SOURCE_NOTE: Record<NonNullable<XliffUnit['noSource']>, (rev: string | null | undefined) => string> = {
  'no-english-in-pair': () => 'no English: the hand-off carried none for this segment',
  'not-aligned': (rev) => `no English: this block does not align with the English page${rev ? ` (revision ${rev})` : ''}; it was translated from another source revision`,
  'no-english-page': () => 'no English: there is no English page for this document',
};

export function exportXliff(input: XliffInput): string {
  // Suppressed findings were reviewed and accepted: a translator's tool need not show them again.
  const open = input.findings.filter((f) => f.locale === input.locale && !f.suppressed);
  const unitIds = new Set(input.units.map((u) => u.id));
  const byUnit = new Map<string, Finding[]>();
  const ofUnit = (f: Finding) => (f.segment && unitIds.has(f.segment) ? f.segment : f.block && unitIds.has(f.block) ? f.block : null);
  for (const f of open) {
    const id = ofUnit(f);
    if (id) byUnit.set(id, [...(byUnit.get(id) ?? []), f]);
  }
  const used = new Map<string, number>();
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:mtd="${MTD_NS}" version="2.0" srcLang="en" trgLang="${xmlAttr(input.locale)}">`,
    // Double spaces and edge spaces are findings in their own right: whitespace is content here.
    `  <file id="${xmlAttr(nmtoken(input.docId))}" original="${xmlAttr(input.file)}" xml:space="preserve" mtd:fingerprint="${input.fingerprint}">`,
    ...notes(open.filter((f) => !ofUnit(f)).map(findingNote), '    '),
  ];
  for (const u of input.units) {
    const base = nmtoken(u.id);
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    const id = n === 1 ? base : `${base}_${n}`;
    const name = id === u.id ? '' : ` name="${xmlAttr(u.id)}"`;
    const codes = new Codes();
    const target = inlineXml(u.target, codes, 'target');
    const source = u.source ? inlineXml(u.source, codes, 'source') : '';
    const unitNotes = [...(u.noSource ? [{ category: 'mtd:no-english', text: NO_SOURCE_NOTE[u.noSource](input.englishRevision) }] : []), ...(byUnit.get(u.id) ?? []).map(findingNote)];
    const state = u.source ? 'state="translated"' : 'state="initial" subState="mtd:no-english"';
    lines.push(
      `    <unit id="${xmlAttr(id)}"${name}>`,
      ...notes(unitNotes, '      '),
      ...codes.originalData('      '),
      `      <segment ${state}>`,
      `        <source>${source}</source>`,
      `        <target>${target}</target>`,
      '      </segment>',
      '    </unit>',
    );
  }
  lines.push('  </file>', '</xliff>', '');
  return lines.join('\n');
}
