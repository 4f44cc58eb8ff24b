/**
 * The exported XLIFF against XLIFF 2.0 core's content model and constraints (tests/support/xliff-core.ts,
 * transcribed from the OASIS specification: no XSD of it is available here), for every locale; and the
 * validator itself, on documents that break one rule each, so a pass means something.
 */
import { describe, expect, it } from 'vitest';
import { exportFiles } from '../../../src/qa/export-files.ts';
import { loadQa } from '../../../src/qa/load-qa.ts';
import { validateXliffCore } from '../../support/xliff-core.ts';

const files = exportFiles(loadQa().reports[0]!).filter((f) => f.kind === 'xliff');

const doc = (unit: string, root = 'version="2.0" srcLang="en" trgLang="fr-FR"') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" ${root}>\n<file id="f">\n${unit}\n</file>\n</xliff>\n`;
const ok = '<unit id="u1"><originalData><data id="d1">**</data></originalData><segment state="translated"><source><pc id="1" dataRefStart="d1" dataRefEnd="d1">Hi</pc></source><target><pc id="1" dataRefStart="d1" dataRefEnd="d1">Salut</pc></target></segment></unit>';

describe('the exported XLIFF is XLIFF 2.0 core', () => {
  it('writes one file per locale', () => {
    expect(files.map((f) => f.locale).sort()).toEqual(['de-DE', 'es-ES', 'fr-FR', 'ja-JP', 'ko-KR']);
  });
  for (const f of files) {
    it(`${f.locale}: no violation of the content model or the constraints`, () => {
      expect(validateXliffCore(f.content)).toEqual([]);
    });
  }
});

describe('the XLIFF 2.0 core validator', () => {
  it('accepts a minimal valid document', () => {
    expect(validateXliffCore(doc(ok))).toEqual([]);
  });
  const broken: [string, string, RegExp][] = [
    ['a unit without an id', ok.replace('<unit id="u1">', '<unit>'), /lacks its required id/],
    ['a target before its source', '<unit id="u1"><segment><target>b</target><source>a</source></segment></unit>', /<segment> holds target, source/],
    ['a dataRef to no data', ok.replace('dataRefEnd="d1">Hi', 'dataRefEnd="d9">Hi'), /dataRef d9 names no <data>/],
    ['an unknown state', ok.replace('state="translated"', 'state="done"'), /state="done"> is not a valid value/],
    ['subState without state', ok.replace('state="translated"', 'subState="x:y"'), /subState without state/],
    ['text directly in a unit', '<unit id="u1">loose<segment><source>a</source></segment></unit>', /<unit> holds text/],
    ['a core element XLIFF does not have', '<unit id="u1"><segment><source><b>a</b></source></segment></unit>', /<b> is not an element/],
    ['two units with one id', `${ok}${ok}`, /unit id u1 is not unique/],
    ['an attribute in no namespace that XLIFF lacks', ok.replace('<unit id="u1">', '<unit id="u1" fingerprint="x">'), /has no attribute fingerprint/],
    ['a code type outside the list', ok.replace('<pc id="1" dataRefStart', '<pc id="1" type="bold" dataRefStart'), /must be fmt, ui/],
    ['two codes with one id in a source', '<unit id="u1"><segment><source><ph id="1"/><ph id="1"/></source></segment></unit>', /inline id 1 is used twice/],
  ];
  for (const [what, unit, message] of broken) {
    it(`refuses ${what}`, () => {
      expect(validateXliffCore(doc(unit)).map((p) => p.message).join('\n')).toMatch(message);
    });
  }
  it('refuses targets without trgLang, and a document that is not XLIFF 2.0', () => {
    expect(validateXliffCore(doc(ok, 'version="2.0" srcLang="en"')).map((p) => p.message)).toContain('the document has targets but <xliff> has no trgLang');
    expect(validateXliffCore(doc(ok, 'version="1.2" srcLang="en" trgLang="fr"')).map((p) => p.message).join()).toMatch(/version="1.2"/);
    expect(validateXliffCore('<xliff version="2.0"><file').length).toBeGreaterThan(0);
  });
  it('lets elements and attributes of other namespaces through (modules, extensions)', () => {
    const ext = doc(ok.replace('<unit id="u1">', '<unit id="u1" xmlns:my="urn:x" my:a="1"><my:meta>x</my:meta>'));
    expect(validateXliffCore(ext)).toEqual([]);
  });
});
