/**
 * The XLIFF round trip: every locale exported (segments of span-wrapped files, aligned blocks of plain
 * ones), read back by an independent XLIFF library (npm `xliff`), imported without edits (byte-identical
 * sources), imported with edits (only the edited units change, and the page shows the edit), and every
 * conflict the import must refuse. Also the inline model and the CLI as a process.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../../src/pipeline/decode-source.ts';
import { normalizeText } from '../../../src/pipeline/processor.ts';
import { exportFiles } from '../../../src/qa/export-files.ts';
import { fingerprintOf } from '../../../src/qa/export-xliff.ts';
import { applyEdits, planImport, readXliff } from '../../../src/qa/import-xliff.ts';
import { loadQa } from '../../../src/qa/load-qa.ts';
import { markPostEdited } from '../../../src/qa/post-edited.ts';
import { inlineOf, markdownOf, type Inline } from '../../../src/qa/xliff-inline.ts';
import { xliffUnits } from '../../../src/qa/xliff-units.ts';
import { provenanceOf } from '../../../src/reader/provenance.ts';

const run = loadQa();
const entry = run.reports[0]!;
const files = exportFiles(entry).filter((f) => f.kind === 'xliff');
const LOCALES = ['de-DE', 'es-ES', 'fr-FR', 'ja-JP', 'ko-KR'];

const requireCjs = createRequire(import.meta.url);
const xliff2js = requireCjs('xliff/xliff2js') as (xml: string) => Promise<PkgXliff>;
const js2xliff = requireCjs('xliff/js2xliff') as (js: PkgXliff, opt?: { indent?: string }) => Promise<string>;
type PkgInline = string | { Span?: { id: string; contents: PkgInline | PkgInline[] }; Standalone?: { id: string } };
interface PkgXliff {
  sourceLanguage: string;
  targetLanguage: string;
  resources: Record<string, Record<string, { source: PkgInline | PkgInline[]; target: PkgInline | PkgInline[] }>>;
}
/** The text of the xliff package's inline model (codes left out). */
const pkgText = (v: PkgInline | PkgInline[]): string => [v].flat().map((i) => (typeof i === 'string' ? i : i.Span ? pkgText(i.Span.contents) : '')).join('');
const modelText = (items: Inline[]): string => items.map((i) => (i.type === 'text' ? i.value : i.type === 'pc' ? modelText(i.children) : '')).join('');

const sourceOf = (locale: string) => entry.sources.find((s) => s.doc.locale === locale)!;
const received = (locale: string) => readFileSync(sourceOf(locale).doc.path, 'utf8');
const unitsOf = (locale: string, text = sourceOf(locale).text) => {
  const doc = normalizeText(text, { path: sourceOf(locale).doc.path, docId: 'become-partner' }).doc!;
  return xliffUnits(doc, text, null);
};
const planFor = (locale: string, xml: string, text = sourceOf(locale).text) => planImport(readXliff(xml), { fingerprint: fingerprintOf(text), locale, units: unitsOf(locale, text) });
const xmlOf = (locale: string) => files.find((f) => f.locale === locale)!.content;

describe('XLIFF 2.0 export', () => {
  it('has one file for every translation, span-wrapped or plain', () => {
    expect(files.map((f) => f.locale).sort()).toEqual(LOCALES);
  });

  for (const locale of LOCALES) {
    it(`${locale}: read by the xliff library, every unit is the file's text, the English beside it`, async () => {
      const js = await xliff2js(xmlOf(locale));
      expect(js.sourceLanguage).toBe('en');
      expect(js.targetLanguage).toBe(locale);
      const read = js.resources['become-partner']!;
      const units = entry.xliff.find((x) => x.locale === locale)!.units;
      expect(units.length).toBeGreaterThan(20);
      expect(Object.keys(read)).toEqual(units.map((u) => u.id));
      for (const u of units) {
        expect(pkgText(read[u.id]!.target), u.id).toBe(modelText(u.target));
        expect(pkgText(read[u.id]!.source), u.id).toBe(u.source ? modelText(u.source) : '');
      }
    });
  }

  it('span-wrapped units are segments (their English from the pair); plain ones blocks, with English where one aligns and a state that says so where none does', () => {
    const fr = xmlOf('fr-FR');
    expect(fr).toContain('<unit id="55724-112">');
    expect(fr).toMatch(/<source>Subscribe to the <pc id="1" dataRefStart="(d\d)" dataRefEnd="(d\d)" type="link" subType="mtd:link">Microsoft Defender for Endpoint Developer license<\/pc>\.<\/source>\s*<target>Abonnez-vous <pc id="1" dataRefStart="\1" dataRefEnd="\2"/);
    expect(fr).toContain('<data id="d2">](https://winatpregistration-prd.trafficmanager.net/Developer/UserAgreement?Length=9)</data>');
    const de = xmlOf('de-DE');
    expect(de).toMatch(/<unit id="step-4-get-listed-in-the-microsoft-defender-for-endpoint-partner-application-portal:\d+">/);
    expect(de).toContain('<segment state="translated">');
    const ja = xmlOf('ja-JP');
    expect(ja).toContain('<segment state="initial" subState="mtd:no-english">');
    expect(ja).toContain('category="mtd:no-english">no English: this block does not align with the English page');
    // Code spans are placeholders showing their code; nothing of the Markdown is left as text to break.
    expect(de).toMatch(/<ph id="\d+" dataRef="d\d+" disp="MdePartner-Contoso-ContosoCognito\/1\.0\.0" type="other" subType="mtd:inlineCode"\/>/);
    for (const f of files) expect(f.content.match(/<target>[^]*?<\/target>/g)!.join('')).not.toMatch(/\]\(http|\*\*|`/);
  });

  it('characters XML cannot carry are <cp> elements, and read back as themselves', () => {
    const text = '---\ntitle: T\nms.contentlocale: de-DE\n---\n\nGlocke\u0007 hier.\n';
    const units = xliffUnits(normalizeText(text, { path: 'x/de-DE.md' }).doc!, text, null);
    const xml = exportFiles({ report: { ...entry.report, findings: [] }, tmxPairs: [], xliff: [{ locale: 'de-DE', file: 'x/de-DE.md', fingerprint: fingerprintOf(text), units, englishRevision: null }] })[0]!.content;
    expect(xml).toContain('Glocke<cp hex="0007"/> hier.');
    const plan = planImport(readXliff(xml), { fingerprint: fingerprintOf(text), locale: 'de-DE', units });
    expect(plan).toEqual({ edits: [], conflicts: [], unchanged: 1 });
  });

  it('is deterministic: same bytes twice', () => {
    expect(exportFiles(entry).filter((f) => f.kind === 'xliff').map((f) => f.content)).toEqual(files.map((f) => f.content));
  });
});

describe('import', () => {
  for (const locale of LOCALES) {
    it(`${locale}: export → import with no edit → nothing to do, the file byte-identical`, () => {
      const plan = planFor(locale, xmlOf(locale));
      expect(plan.conflicts).toEqual([]);
      expect(plan.edits).toEqual([]);
      expect(plan.unchanged).toBe(entry.xliff.find((x) => x.locale === locale)!.units.length);
      expect(applyEdits(received(locale), plan.edits)).toBe(received(locale));
    });
  }

  it('fr-FR: an edited segment goes back between its span tags; its id and English kept; the page shows it; nothing else changes', () => {
    const xml = xmlOf('fr-FR').replace('<target>Abonnez-vous ', '<target>Inscrivez-vous dès maintenant ');
    const plan = planFor('fr-FR', xml);
    expect(plan.conflicts).toEqual([]);
    expect(plan.edits.map((e) => e.unit)).toEqual(['55724-112']);
    const before = received('fr-FR');
    const after = applyEdits(before, plan.edits);
    expect(after).toContain('<span data-ttu-id="55724-112">Inscrivez-vous dès maintenant [à la licence Microsoft Defender for Endpoint Developer](https://winatpregistration-prd.trafficmanager.net/Developer/UserAgreement?Length=9).</span><span class="sxs-lookup"><span data-stu-id="55724-112">Subscribe to the [');
    expect(after.replace('Inscrivez-vous dès maintenant', 'Abonnez-vous')).toBe(before);
    const doc = normalizeText(after, { path: 'fr-FR.md' }).doc!;
    const old = normalizeText(before, { path: 'fr-FR.md' }).doc!;
    expect(doc.segments.find((s) => s.id === '55724-112')!.target).toMatch(/^Inscrivez-vous dès maintenant \[/);
    const rest = (d: typeof doc) => d.segments.filter((s) => s.id !== '55724-112').map(({ id, target, source }) => ({ id, target, source }));
    expect(rest(doc)).toEqual(rest(old));
  });

  it('ja-JP (plain): an edited block keeps its layout and codes; text the translator typed that looks like Markdown stays text', () => {
    const units = entry.xliff.find((x) => x.locale === 'ja-JP')!.units;
    const item = units.find((u) => u.target.some((i) => i.type === 'pc' && i.kind === 'link') && u.kind === 'block')!;
    const xml = xmlOf('ja-JP');
    const unitXml = xml.slice(xml.indexOf(`<unit id="${item.id}">`));
    const target = /<target>([^]*?)<\/target>/.exec(unitXml)![1]!;
    const edited = xml.replace(`<target>${target}</target>`, `<target>*注意* ${target}</target>`);
    const plan = planFor('ja-JP', edited);
    expect(plan.conflicts).toEqual([]);
    expect(plan.edits).toHaveLength(1);
    const after = applyEdits(received('ja-JP'), plan.edits);
    expect(after).toContain('\\*注意\\* ');
    const block = normalizeText(after, { path: 'ja-JP.md' }).doc!.blocks.find((b) => b.key === item.id)!;
    expect(block.text.startsWith('*注意* ')).toBe(true);
    expect(block.urls).toEqual(normalizeText(received('ja-JP'), { path: 'ja-JP.md' }).doc!.blocks.find((b) => b.key === item.id)!.urls);
  });

  it('through the xliff library as a CAT tool: read, edit a target, write back, import (its writer drops the file attributes: --ignore-fingerprint)', async () => {
    const js = await xliff2js(xmlOf('ko-KR'));
    const unit = Object.entries(js.resources['become-partner']!).find(([, u]) => typeof u.target === 'string' && u.target.length > 10)!;
    unit[1].target = `${unit[1].target as string} (검토됨)`;
    const xml = await js2xliff(js, { indent: '' });
    expect(planFor('ko-KR', xml).conflicts.map((c) => c.ruleId)).toEqual(['import-source-changed']);
    const plan = planImport(readXliff(xml), { fingerprint: fingerprintOf(sourceOf('ko-KR').text), locale: 'ko-KR', units: unitsOf('ko-KR') }, { ignoreFingerprint: true });
    expect(plan.conflicts).toEqual([]);
    expect(plan.edits.map((e) => e.unit)).toEqual([unit[0]]);
    expect(applyEdits(received('ko-KR'), plan.edits)).toContain(`<span data-ttu-id="${unit[0]}">${unit[1].target as string}</span>`);
  });

  describe('conflicts are reported, never guessed', () => {
    const fr = xmlOf('fr-FR');
    const rules = (xml: string, text?: string) => planFor('fr-FR', xml, text).conflicts.map((c) => c.ruleId);

    it('the source changed since the export', () => {
      expect(rules(fr, sourceOf('fr-FR').text.replace('Abonnez-vous', 'Abonnez vous'))).toEqual(['import-source-changed']);
    });
    it('a unit the file does not have', () => {
      expect(rules(fr.replace('<unit id="55724-112">', '<unit id="55724-999">'))).toEqual(['import-unit-unknown']);
    });
    it('inline markup lost, added or reordered', () => {
      const unit = fr.slice(fr.indexOf('<unit id="55724-112">'));
      const target = /<target>([^]*?)<\/target>/.exec(unit)![1]!;
      expect(rules(fr.replace(target, 'Abonnez-vous à la licence.'))).toEqual(['import-code-lost']);
      expect(rules(fr.replace(target, `${target}<ph id="9" dataRef="d1"/>`))).toEqual(['import-code-added']);
      const bold = fr.slice(fr.indexOf('<unit id="55724-105">'));
      const boldTarget = /<target>([^]*?)<\/target>/.exec(bold)![1]!;
      expect(rules(fr.replace(boldTarget, boldTarget.replace(/<pc ([^>]*)>([^<]*)<\/pc>/, '<pc $1></pc>$2')))).toEqual([]);
      // Two codes swapped, in a page of two links.
      const text = '---\ntitle: T\nms.contentlocale: de-DE\n---\n\nSiehe [eins](a.md) und [zwei](b.md).\n';
      const units = xliffUnits(normalizeText(text, { path: 'x/de-DE.md' }).doc!, text, null);
      const xml = exportFiles({ report: { ...entry.report, findings: [] }, tmxPairs: [], xliff: [{ locale: 'de-DE', file: 'x/de-DE.md', fingerprint: fingerprintOf(text), units, englishRevision: null }] })[0]!.content;
      const swapped = xml.replace(/(<pc id="1"[^>]*>eins<\/pc>)( und )(<pc id="2"[^>]*>zwei<\/pc>)/, '$3$2$1');
      expect(swapped).not.toBe(xml);
      expect(planImport(readXliff(swapped), { fingerprint: fingerprintOf(text), locale: 'de-DE', units }).conflicts.map((c) => c.ruleId)).toEqual(['import-code-reordered']);
    });
    it('an empty target', () => {
      expect(rules(fr.replace(/<target>Abonnez-vous [^]*?<\/target>/, '<target><pc id="1" dataRefStart="d1" dataRefEnd="d2"> </pc></target>'))).toEqual(['import-empty-target']);
    });
    it('not XLIFF 2 at all: an error with its place', () => {
      expect(() => readXliff('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file/></xliff>')).toThrow(/not an XLIFF 2 file/);
      expect(() => readXliff('<xliff><unit>')).toThrow();
    });
  });

  it('maps edits through a BOM and CRLF line endings, writing new line breaks as the file does', () => {
    const crlf = '\uFEFF---\r\ntitle: T\r\nms.contentlocale: de-DE\r\n---\r\n\r\nEins\r\nzwei.\r\n\r\nDrei.\r\n';
    const text = decodeSource(new TextEncoder().encode(crlf), 'x.md').text!;
    const units = xliffUnits(normalizeText(text, { path: 'x/de-DE.md' }).doc!, text, null);
    const first = units[0]!;
    expect(applyEdits(crlf, [{ unit: first.id, line: first.line, start: first.start, end: first.end, text: 'Vier\nfünf.' }])).toBe(crlf.replace('Eins\r\nzwei.', 'Vier\r\nfünf.'));
  });
});

describe('the inline model', () => {
  it('codes the Markdown around the text, and writes it back as it was', () => {
    for (const md of ['Plain text.', 'A **bold** and *em* and ~~gone~~ word', 'See [the page](a.md#x "T") and <https://x.test> or `code`.', 'Img ![alt](i.png) <br/> end', '[!NOTE]\nText below.', 'Before [!INCLUDE [x](../includes/x.md)] after', '1. not a list', '# not a heading']) {
      const model = inlineOf(md);
      expect(markdownOf(model, true).length).toBeGreaterThan(0);
      expect(inlineOf(markdownOf(model, true)), md).toEqual(model);
    }
    expect(inlineOf('[!NOTE]\nText')[0]).toEqual({ type: 'ph', kind: 'alert', data: '[!NOTE]\n' });
    expect(inlineOf('x [!INCLUDE [a](b.md)] y')).toEqual([{ type: 'text', value: 'x ' }, { type: 'ph', kind: 'include', data: '[!INCLUDE [a](b.md)]' }, { type: 'text', value: ' y' }]);
  });
  it('escapes text that would otherwise become markup, and only that', () => {
    const typed = '*stars* _under_ snake_case [brackets] <span> &amp; 1. # `tick` \\';
    const md = markdownOf([{ type: 'text', value: typed }], true);
    expect(md).toContain('snake_case');
    expect(md).not.toContain('</span>');
    expect(inlineOf(md)).toEqual([{ type: 'text', value: typed }]);
  });
});

describe('--mark-post-edited', () => {
  it('sets the key in the front matter, in place when it is there, with the file\'s line endings', () => {
    expect(markPostEdited('---\ntitle: T\n---\nBody')).toBe('---\ntitle: T\nmt-docs.post-edited: true\n---\nBody');
    expect(markPostEdited('---\r\ntitle: T\r\nmt-docs.post-edited: false\r\n---\r\n')).toBe('---\r\ntitle: T\r\nmt-docs.post-edited: true\r\n---\r\n');
    expect(markPostEdited('no front matter')).toBe('no front matter');
  });
  it('lists the units edited, adding to the ones listed before; a file marked as a whole stays so', () => {
    const once = markPostEdited('---\ntitle: T\n---\nBody', ['b-2', 'step-1:3']);
    expect(once).toBe('---\ntitle: T\nmt-docs.post-edited: ["b-2","step-1:3"]\n---\nBody');
    expect(markPostEdited(once, ['a-1', 'b-2'])).toBe('---\ntitle: T\nmt-docs.post-edited: ["a-1","b-2","step-1:3"]\n---\nBody');
    expect(markPostEdited('---\nmt-docs.post-edited: true\n---\n', ['a-1'])).toBe('---\nmt-docs.post-edited: true\n---\n');
    // The list is YAML the pipeline reads back as the page's post-edited units.
    const doc = normalizeText(`${received('fr-FR').replace('ms.locfileid', 'mt-docs.post-edited: ["55724-112", "step-1:2"]\nms.locfileid')}`, { path: 'fr-FR.md' }).doc!;
    expect(doc.meta).toMatchObject({ postEdited: true, postEditedUnits: ['55724-112', 'step-1:2'] });
  });
});

describe('mt-docs import as a process', () => {
  const cli = (args: string[]) => spawnSync(process.execPath, ['scripts/import.ts', ...args], { encoding: 'utf8' });
  it('--help, a usage error, and an edit written in place (and a second import of the same file refused: the source changed)', () => {
    expect(cli(['--help']).status).toBe(0);
    expect(cli([]).status).toBe(2);
    const dir = mkdtempSync(join(tmpdir(), 'mt-import-'));
    const page = join(dir, 'become-partner', 'fr-FR.md');
    spawnSync('mkdir', ['-p', join(dir, 'become-partner')]);
    copyFileSync(sourceOf('fr-FR').doc.path, page);
    const xlf = join(dir, 'fr.xlf');
    writeFileSync(xlf, xmlOf('fr-FR').replace('<target>Abonnez-vous ', '<target>Inscrivez-vous '));
    const dry = cli([xlf, '--source', page]);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/^\+<span data-ttu-id="55724-112">Inscrivez-vous /m);
    expect(readFileSync(page, 'utf8')).toBe(received('fr-FR'));
    const wrote = cli([xlf, '--source', page, '--write', '--mark-post-edited', '--json']);
    expect(wrote.status, wrote.stderr).toBe(0);
    expect(JSON.parse(wrote.stdout)).toMatchObject({ written: true, edits: [{ unit: '55724-112' }], conflicts: [] });
    const marked = readFileSync(page, 'utf8');
    // The units edited are listed, so the workbench can show which ones a person edited.
    expect(marked).toContain('mt-docs.post-edited: ["55724-112"]');
    // The page says so: its provenance is "machine translated, post-edited".
    const markedDoc = normalizeText(marked, { path: page }).doc!;
    expect(provenanceOf(markedDoc, [markedDoc])).toMatchObject({ translationType: 'MT', postEdited: true });
    expect(provenanceOf(sourceOf('fr-FR').doc, [])).toMatchObject({ postEdited: false });
    const again = cli([xlf, '--source', page]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/fr\.xlf:1:1: error: the source file changed since this XLIFF was exported .*\[import-source-changed\]/);
  });
});
