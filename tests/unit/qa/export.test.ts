/**
 * The exports: XLIFF 2.0 read back with an independent XLIFF library (npm `xliff`) and compared pair by
 * pair with the engine's segments; TMX pairs compared with the engine's aligned units; XML escaping of
 * hostile text; determinism; the findings' CSV and JSON.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { buildContext } from '../../../src/qa/context.ts';
import { exportFiles } from '../../../src/qa/export-files.ts';
import { findingsCsv, findingsJson } from '../../../src/qa/export-findings.ts';
import { alignedPairs, exportTmx } from '../../../src/qa/export-tmx.ts';
import { exportXliff } from '../../../src/qa/export-xliff.ts';
import { loadQa, loadQaData } from '../../../src/qa/load-qa.ts';
import type { Finding } from '../../../src/qa/types.ts';

const run = loadQa();
const entry = run.reports[0]!;
const data = loadQaData();
const files = exportFiles(entry);

// The xliff package ships no types; its reader is typed here by what the tests use.
const xliff2js = createRequire(import.meta.url)('xliff/xliff2js') as (xml: string) => Promise<unknown>;

interface ReadUnit {
  source: string;
  target: string;
  /** One note comes back as a string, several as an array. */
  note?: string | string[];
}
const notesOf = (u: ReadUnit) => (u.note === undefined ? [] : [u.note].flat());
async function readXliff(xml: string) {
  const js = (await xliff2js(xml)) as { sourceLanguage: string; targetLanguage: string; resources: Record<string, Record<string, ReadUnit>> };
  return js;
}

const unescape = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n))).replace(/&amp;/g, '&');

function readTmx(xml: string) {
  return [...xml.matchAll(/<tu tuid="([^"]*)"( segtype="block")?>([\s\S]*?)<\/tu>/g)].map((m) => {
    const segs = [...m[3]!.matchAll(/<tuv xml:lang="([^"]*)"><seg>([\s\S]*?)<\/seg><\/tuv>/g)].map((s) => ({ lang: s[1]!, text: unescape(s[2]!) }));
    return { tuid: unescape(m[1]!), block: !!m[2], segs };
  });
}

describe('XLIFF 2.0 export', () => {
  const spanWrapped = entry.sources.filter((s) => s.doc.segments.length > 0);

  it('has one file per span-wrapped locale (fr-FR and ko-KR in the seeds)', () => {
    expect(files.filter((f) => f.kind === 'xliff').map((f) => f.name)).toEqual(spanWrapped.map((s) => `become-partner.${s.doc.locale}.xlf`));
    expect(spanWrapped.map((s) => s.doc.locale).sort()).toEqual(['fr-FR', 'ko-KR']);
  });

  for (const locale of ['fr-FR', 'ko-KR']) {
    it(`${locale}: read back by the xliff library, every unit is the engine's segment, source and target`, async () => {
      const source = spanWrapped.find((s) => s.doc.locale === locale)!;
      const js = await readXliff(files.find((f) => f.locale === locale)!.content);
      expect(js.sourceLanguage).toBe('en');
      expect(js.targetLanguage).toBe(locale);
      const units = js.resources['become-partner']!;
      expect(Object.keys(units)).toEqual(source.doc.segments.map((s) => s.id));
      for (const s of source.doc.segments) {
        expect(units[s.id]!.source, s.id).toBe(s.source ?? '');
        expect(units[s.id]!.target, s.id).toBe(s.target);
      }
    });

    it(`${locale}: a segment's findings are its notes, category = check id`, async () => {
      const xml = files.find((f) => f.locale === locale)!.content;
      const js = await readXliff(xml);
      const units = js.resources['become-partner']!;
      const findings = entry.report.findings.filter((f) => f.locale === locale && f.segment && !f.suppressed);
      expect(findings.length).toBeGreaterThan(0);
      for (const s of entry.sources.find((x) => x.doc.locale === locale)!.doc.segments) {
        const mine = findings.filter((f) => f.segment === s.id);
        expect(notesOf(units[s.id]!), s.id).toEqual(mine.map((f) => `${f.severity}: ${f.message} (${f.file}:${f.line})`));
      }
      for (const f of findings) expect(xml).toContain(`category="${f.check}"`);
    });
  }

  it('escapes hostile text so the XML stays well-formed and reads back the same', async () => {
    const nasty = ['a < b && c > d', ']]> "quoted" \'single\'', '  two  spaces and edges  ', '**bold** [link](https://x.test/?a=1&b=2)', 'emoji 🎉 and 한국어', 'line\nbreak'];
    const xml = exportXliff({
      docId: 'doc',
      locale: 'de-DE',
      file: 'a"b<c>.md',
      segments: nasty.map((text, i) => ({ id: `s${i}`, source: text, target: text.toUpperCase() })),
      findings: [{ id: 'x', check: 'ws.segment', severity: 'warning', locale: 'de-DE', file: 'f.md', line: 3, segment: 's0', message: 'a <b> & "c"' } as Finding],
    });
    expect(xml).not.toMatch(/<(?!\/?(?:\?xml|xliff|file|notes|note|unit|segment|source|target)\b)/);
    const units = (await readXliff(xml)).resources.doc!;
    nasty.forEach((text, i) => {
      expect(units[`s${i}`]!.source).toBe(text);
      expect(units[`s${i}`]!.target).toBe(text.toUpperCase());
    });
    expect(notesOf(units.s0!)).toEqual(['warning: a <b> & "c" (f.md:3)']);
  });

  it('replaces characters XML cannot carry, and makes odd ids valid', async () => {
    const xml = exportXliff({ docId: 'doc', locale: 'de-DE', file: 'f.md', segments: [{ id: 'p 1/2', source: 'bell\u0007', target: 'ok' }], findings: [] });
    expect(xml).toContain('<unit id="p_1_2" name="p 1/2">');
    expect((await readXliff(xml)).resources.doc!.p_1_2!.source).toBe('bell\ufffd');
  });

  it('is deterministic: no dates, same bytes twice', () => {
    expect(exportFiles(entry).map((f) => f.content)).toEqual(files.map((f) => f.content));
    for (const f of files) expect(f.content).not.toMatch(/\d{4}-\d{2}-\d{2}T|creationdate|date=/);
  });
});

describe('TMX 1.4 export', () => {
  const tmx = files.find((f) => f.kind === 'tmx')!;
  const ctx = buildContext({
    docId: 'become-partner',
    translations: entry.sources,
    english: entry.siteDoc.english,
    ...data,
  });

  it('is one TMX 1.4 document with English as the source language', () => {
    expect(tmx.name).toBe('become-partner.tmx');
    expect(tmx.content).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4">/);
    expect(tmx.content).toMatch(/<header [^>]*srclang="en"[^>]*segtype="sentence"|<header [^>]*segtype="sentence"[^>]*srclang="en"/);
  });

  it('holds every aligned pair: segments for span-wrapped locales, blocks for the others', () => {
    const tus = readTmx(tmx.content);
    const pairs = alignedPairs(ctx);
    expect(tus).toHaveLength(pairs.length);
    tus.forEach((tu, i) => {
      const p = pairs[i]!;
      expect(tu.tuid).toBe(`${p.locale}:${p.id}`);
      expect(tu.block).toBe(p.kind === 'block');
      expect(tu.segs).toEqual([
        { lang: 'en', text: p.source },
        { lang: p.locale, text: p.target },
      ]);
    });
    const locales = new Set(tus.map((t) => t.segs[1]!.lang));
    expect([...locales].sort()).toEqual(['de-DE', 'es-ES', 'fr-FR', 'ja-JP', 'ko-KR']);
    // fr and ko by segment, every segment with English; the others by block.
    const fr = entry.sources.find((s) => s.doc.locale === 'fr-FR')!.doc.segments.filter((s) => s.source);
    expect(tus.filter((t) => t.tuid.startsWith('fr-FR:')).map((t) => t.tuid)).toEqual(fr.map((s) => `fr-FR:${s.id}`));
    expect(tus.filter((t) => t.tuid.startsWith('ja-JP:')).every((t) => t.block)).toBe(true);
  });

  it('leaves out blocks translated from another English revision', () => {
    const changed = ctx.locales.flatMap((l) => l.units.filter((u) => u.sourceChanged).map((u) => `${u.locale}:${u.block}`));
    expect(changed.length).toBeGreaterThan(0);
    const tuids = new Set(readTmx(tmx.content).map((t) => t.tuid));
    for (const id of changed) expect(tuids.has(id), id).toBe(false);
  });

  it('escapes like the XLIFF writer', () => {
    const xml = exportTmx({ docId: 'd&<', pairs: [{ locale: 'fr-FR', id: '1', kind: 'segment', block: 'a:1', source: 'x < y & "z"', target: '<b>' }] });
    expect(readTmx(xml)[0]!.segs).toEqual([
      { lang: 'en', text: 'x < y & "z"' },
      { lang: 'fr-FR', text: '<b>' },
    ]);
    expect(xml).toContain('<prop type="x-doc">d&amp;&lt;</prop>');
  });
});

describe('findings downloads', () => {
  const findings = entry.report.findings;
  it('JSON is the report’s findings, in order', () => {
    expect(JSON.parse(findingsJson(findings))).toEqual(findings);
  });
  it('CSV has a header and one quoted-as-needed row per finding', () => {
    const csv = findingsCsv(findings);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('id,check,severity,locale,file,line,segment,anchor,block,message,revisionDriven,suppressed');
    expect(csv.endsWith('\r\n')).toBe(true);
    const sample: Finding = { id: 'i', check: 'ws.segment', severity: 'info', locale: 'fr-FR', file: 'f.md', line: 2, message: '=SUM(1), "quoted"\nnext', suppressed: true };
    expect(findingsCsv([sample]).split('\r\n')[1]).toBe('i,ws.segment,info,fr-FR,f.md,2,,,,"\'=SUM(1), ""quoted""\nnext",,yes');
  });
});
