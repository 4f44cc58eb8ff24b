/**
 * Post-edited XLIFF back into the source file it was exported from. Reads the XLIFF (any XLIFF 2.0 a
 * CAT tool writes: several segments per unit, `<mrk>` annotations, `<cp>` characters), maps each
 * target back to Markdown through the unit's own codes as the file has them now, and replaces exactly
 * the unit's range: span pairs keep their ids and English, plain files their layout, and every other
 * byte of the file stays as it was. A unit whose target reads back as what the file holds is left
 * alone, so an import without edits changes nothing.
 *
 * Conflicts are reported, never guessed: a file that changed since the export (fingerprint), a unit id
 * the file does not have, an inline code lost, added, duplicated or reordered, an empty target.
 *
 * Pure: the XLIFF text, the decoded source and its units in; edits and conflicts out.
 */
import { SaxesParser } from 'saxes';
import { MTD_NS } from './export-xliff.ts';
import { markdownOf, joinUnitText, sameInline, type Inline } from './xliff-inline.ts';
import type { XliffUnit } from './xliff-units.ts';

const XLIFF_NS = 'urn:oasis:names:tc:xliff:document:2.0';

/** A code of the target as the CAT tool returned it. */
type ReadInline = { type: 'text'; value: string } | { type: 'ph'; id: string } | { type: 'pc'; id: string; children: ReadInline[] };

export interface ReadUnit {
  id: string;
  line: number;
  /** Null when the unit has no target at all (not translated: left alone). */
  target: ReadInline[] | null;
}

export interface ReadXliff {
  trgLang: string | null;
  original: string | null;
  fingerprint: string | null;
  units: ReadUnit[];
}

export class XliffSyntaxError extends Error {
  readonly line: number;
  readonly column: number;
  constructor(message: string, line: number, column: number) {
    super(message);
    this.line = line;
    this.column = column;
  }
}

/** Reads what the import needs of an XLIFF 2.0 file; throws XliffSyntaxError with a place when it is not one. */
export function readXliff(xml: string): ReadXliff {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const out: ReadXliff = { trgLang: null, original: null, fingerprint: null, units: [] };
  let unit: ReadUnit | null = null;
  /** The open inline containers of the current target: the target itself, then each open `<pc>`. */
  let stack: ReadInline[][] | null = null;
  let inTarget = false;
  let skipDepth = 0;
  let files = 0;
  const fail = (message: string): never => {
    throw new XliffSyntaxError(message, parser.line, parser.column);
  };
  const text = (t: string) => {
    if (!stack || skipDepth > 0) return;
    const top = stack.at(-1)!;
    const last = top.at(-1);
    if (last?.type === 'text') last.value += t;
    else top.push({ type: 'text', value: t });
  };
  parser.on('error', (e) => fail(e.message.replace(/^\d+:\d+: /, '')));
  parser.on('opentag', (tag) => {
    if (skipDepth > 0) return void skipDepth++;
    const ns = tag.uri;
    const attr = (name: string) => tag.attributes[name]?.value ?? null;
    if (tag.local === 'xliff') {
      if (ns !== XLIFF_NS || attr('version')?.startsWith('2.') !== true) fail(`not an XLIFF 2 file (namespace ${ns || 'none'}, version ${attr('version') ?? 'none'})`);
      out.trgLang = attr('trgLang');
      return;
    }
    if (ns !== XLIFF_NS) {
      // Other namespaces' elements (a tool's metadata) carry nothing the import needs.
      if (stack) skipDepth = 1;
      return;
    }
    switch (tag.local) {
      case 'file':
        if (files++ > 0) fail('more than one <file>: an export has one file per XLIFF');
        out.original = attr('original');
        out.fingerprint = Object.values(tag.attributes).find((a) => a.uri === MTD_NS && a.local === 'fingerprint')?.value ?? null;
        return;
      case 'unit':
        unit = { id: attr('name') ?? attr('id') ?? '', line: parser.line, target: null };
        out.units.push(unit);
        return;
      case 'target':
        if (!unit) return;
        inTarget = true;
        unit.target ??= [];
        stack = [unit.target];
        return;
      case 'notes':
      case 'originalData':
        if (stack) skipDepth = 1;
        return;
    }
    // Anything else in a target (an `<mrk>` annotation: a term, a comment) is transparent: its text is the text.
    if (!inTarget || !stack) return;
    const top = stack.at(-1)!;
    switch (tag.local) {
      case 'ph':
        top.push({ type: 'ph', id: attr('id') ?? fail('<ph> without id') });
        skipDepth = 1;
        return;
      case 'pc': {
        const pc: ReadInline = { type: 'pc', id: attr('id') ?? fail('<pc> without id'), children: [] };
        top.push(pc);
        stack.push(pc.children);
        return;
      }
      case 'cp': {
        const hex = attr('hex') ?? fail('<cp> without hex');
        text(String.fromCodePoint(Number.parseInt(hex, 16)));
        skipDepth = 1;
        return;
      }
      case 'sc':
      case 'ec':
      case 'sm':
      case 'em':
        fail(`<${tag.local}> in a target: split codes are not supported; keep each code's content together (as <pc>)`);
    }
  });
  parser.on('closetag', (tag) => {
    if (skipDepth > 0) return void skipDepth--;
    if (tag.uri !== XLIFF_NS) return;
    if (tag.local === 'target') {
      inTarget = false;
      stack = null;
    } else if (tag.local === 'pc' && stack && stack.length > 1) stack.pop();
    else if (tag.local === 'unit') unit = null;
  });
  parser.on('text', (t) => {
    if (inTarget) text(t);
  });
  parser.write(xml).close();
  if (files === 0) fail('no <file> element');
  return out;
}

export interface ImportEdit {
  unit: string;
  line: number;
  start: number;
  end: number;
  text: string;
}

export interface ImportConflict {
  unit: string;
  /** Line of the unit in the source file (0 for the whole file). */
  line: number;
  /** Line of the unit in the XLIFF file. */
  xliffLine: number;
  reason: string;
  ruleId: 'import-source-changed' | 'import-unit-unknown' | 'import-code-lost' | 'import-code-added' | 'import-code-reordered' | 'import-empty-target' | 'import-locale';
}

export interface ImportPlan {
  edits: ImportEdit[];
  conflicts: ImportConflict[];
  /** Units whose target equals the file (nothing to do). */
  unchanged: number;
}

/** The codes of a unit as the export numbered them (target order, from 1), by id. */
function codesById(items: Inline[], into = new Map<string, Exclude<Inline, { type: 'text' }>>(), order: string[] = []): { byId: typeof into; order: string[] } {
  for (const item of items) {
    if (item.type === 'text') continue;
    const id = String(into.size + 1);
    into.set(id, item);
    order.push(id);
    if (item.type === 'pc') codesById(item.children, into, order);
  }
  return { byId: into, order };
}

/** The target read back as the inline model, through the unit's codes; a conflict where it cannot be. */
function modelOf(read: ReadInline[], codes: ReturnType<typeof codesById>): { model: Inline[] } | { problem: string; ruleId: ImportConflict['ruleId'] } {
  const seen: string[] = [];
  let problem: { problem: string; ruleId: ImportConflict['ruleId'] } | null = null;
  const convert = (items: ReadInline[]): Inline[] =>
    items.map((item): Inline => {
      if (item.type === 'text') return item;
      const code = codes.byId.get(item.id);
      if (!code || code.type !== item.type) {
        problem ??= { problem: `inline code ${item.id} (<${item.type}>) is not one of this unit's codes`, ruleId: 'import-code-added' };
        return { type: 'text', value: '' };
      }
      if (seen.includes(item.id)) problem ??= { problem: `inline code ${item.id} appears twice`, ruleId: 'import-code-added' };
      seen.push(item.id);
      return code.type === 'ph' ? code : { ...code, children: convert((item as Extract<ReadInline, { type: 'pc' }>).children) };
    });
  const model = convert(read);
  if (problem) return problem;
  const lost = codes.order.filter((id) => !seen.includes(id));
  if (lost.length > 0) {
    const what = lost.map((id) => describe(codes.byId.get(id)!)).join(', ');
    return { problem: `inline markup lost: ${what} (code${lost.length > 1 ? 's' : ''} ${lost.join(', ')})`, ruleId: 'import-code-lost' };
  }
  if (seen.join(' ') !== codes.order.join(' ')) return { problem: `inline markup reordered: codes ${seen.join(', ')} where the file has ${codes.order.join(', ')}; move the words, not the codes, or edit the file`, ruleId: 'import-code-reordered' };
  return { model };
}

const describe = (code: Exclude<Inline, { type: 'text' }>) => (code.type === 'ph' ? `\`${code.data.replace(/\n/g, ' ')}\`` : `\`${code.start}…${code.end}\``);

const hasText = (items: Inline[]): boolean => items.some((i) => (i.type === 'text' ? i.value.trim() !== '' : i.type === 'pc' ? hasText(i.children) : false));

/** What importing `xliff` into the file whose decoded text has `fingerprint` and these `units` would do. */
export function planImport(xliff: ReadXliff, current: { fingerprint: string; locale: string; units: XliffUnit[] }, options: { ignoreFingerprint?: boolean } = {}): ImportPlan {
  const plan: ImportPlan = { edits: [], conflicts: [], unchanged: 0 };
  if (xliff.fingerprint !== current.fingerprint && !(options.ignoreFingerprint && xliff.fingerprint === null)) {
    plan.conflicts.push({ unit: '', line: 0, xliffLine: 1, ruleId: 'import-source-changed', reason: xliff.fingerprint ? 'the source file changed since this XLIFF was exported (its fingerprint differs): export again and carry the edits over' : 'this XLIFF has no mtd:fingerprint (not exported by mt-docs, or a tool dropped it): --ignore-fingerprint applies it by unit id, with every unit\'s codes still checked' });
    return plan;
  }
  if (xliff.trgLang && xliff.trgLang.toLowerCase() !== current.locale.toLowerCase()) {
    plan.conflicts.push({ unit: '', line: 0, xliffLine: 1, ruleId: 'import-locale', reason: `this XLIFF is for ${xliff.trgLang}, the file is ${current.locale}` });
    return plan;
  }
  const byId = new Map(current.units.map((u) => [u.id, u]));
  for (const read of xliff.units) {
    const unit = byId.get(read.id);
    if (!unit) {
      plan.conflicts.push({ unit: read.id, line: 0, xliffLine: read.line, ruleId: 'import-unit-unknown', reason: `unit ${read.id} is not in the file (no segment or block with this id)` });
      continue;
    }
    if (read.target === null) continue;
    const got = modelOf(read.target, codesById(unit.target));
    if ('problem' in got) {
      plan.conflicts.push({ unit: read.id, line: unit.line, xliffLine: read.line, ruleId: got.ruleId, reason: `unit ${read.id}: ${got.problem}` });
      continue;
    }
    if (sameInline(got.model, unit.target)) {
      plan.unchanged++;
      continue;
    }
    if (!hasText(got.model)) {
      plan.conflicts.push({ unit: read.id, line: unit.line, xliffLine: read.line, ruleId: 'import-empty-target', reason: `unit ${read.id}: the target is empty; a translation is never removed by an import` });
      continue;
    }
    plan.edits.push({ unit: read.id, line: unit.line, start: unit.start, end: unit.end, text: joinUnitText(markdownOf(got.model, unit.atLineStart), unit.prefix) });
  }
  return plan;
}

/**
 * The edits applied to the file as received: offsets are in the decoded text (no BOM, LF), so they are
 * mapped back through the BOM and CRLF line endings, and new line breaks are written as the file's own.
 */
export function applyEdits(received: string, edits: ImportEdit[]): string {
  if (edits.length === 0) return received;
  const bom = received.startsWith('\uFEFF') ? 1 : 0;
  const eol = received.includes('\r\n') ? '\r\n' : '\n';
  // Decoded offset → offset in `received`, for the offsets the edits use.
  const wanted = [...new Set(edits.flatMap((e) => [e.start, e.end]))].sort((a, b) => a - b);
  const at = new Map<number, number>();
  let decoded = 0;
  let i = bom;
  let w = 0;
  while (w < wanted.length) {
    while (w < wanted.length && wanted[w] === decoded) at.set(wanted[w++]!, i);
    if (i >= received.length) break;
    if (received[i] === '\r' && received[i + 1] === '\n') i += 2;
    else i += 1;
    decoded += 1;
  }
  let out = '';
  let from = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    const s = at.get(e.start)!;
    out += received.slice(from, s) + e.text.replace(/\n/g, eol);
    from = at.get(e.end)!;
  }
  return out + received.slice(from);
}
