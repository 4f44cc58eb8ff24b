/**
 * The exports (XLIFF: xliff-roundtrip.test.ts): TMX pairs compared with the engine's aligned units; XML escaping of
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
    expect(lines[0]).toBe('id,check,severity,locale,file,line,column,segment,anchor,block,message,revisionDriven,suppressed');
    expect(csv.endsWith('\r\n')).toBe(true);
    const sample: Finding = { id: 'i', check: 'ws.segment', severity: 'info', locale: 'fr-FR', file: 'f.md', line: 2, column: 5, message: '=SUM(1), "quoted"\nnext', suppressed: true };
    expect(findingsCsv([sample]).split('\r\n')[1]).toBe('i,ws.segment,info,fr-FR,f.md,2,5,,,,"\'=SUM(1), ""quoted""\nnext",,yes');
  });
});
