import { describe, expect, it } from 'vitest';
import { buildUserAgent, type FieldName } from '../../../src/ua/index.ts';
import { BUILD_VECTORS } from './vectors.ts';

const FIELDS: FieldName[] = ['company', 'product', 'version'];

describe('buildUserAgent: public vectors (spec §8)', () => {
  it.each(BUILD_VECTORS)('$id', ({ input: [company, product, version], value, fields }) => {
    const result = buildUserAgent({ company, product, version });
    expect(result.value).toBe(value);
    expect(result.ok).toBe(value !== null);
    for (const field of FIELDS) {
      const expected = fields?.[field] ?? {};
      const actual = result.fields[field];
      expect(actual.errors, `${field} errors`).toEqual(expected.errors ?? []);
      expect(actual.warnings.map(({ code }) => code), `${field} warnings`).toEqual(expected.warnings ?? []);
      const infos = [...(expected.infos ?? []), ...(expected.suggestion === undefined ? [] : ['I_SUGGESTION'])];
      expect(actual.infos.map(({ code }) => code), `${field} infos`).toEqual(infos);
      expect(actual.suggestion, `${field} suggestion`).toBe(expected.suggestion);
    }
  });
});

describe('buildUserAgent: rules around the vectors', () => {
  const field = (name: FieldName, raw: unknown) =>
    buildUserAgent({ company: 'Contoso', product: 'Cognito', version: '1.0.0', [name]: raw }).fields[name];

  it('stringifies anything, and null or undefined become empty', () => {
    expect(field('version', 2).value).toBe('2');
    expect(field('company', null).errors).toEqual([{ code: 'E_EMPTY' }]);
    expect(buildUserAgent({}).fields.product.errors).toEqual([{ code: 'E_EMPTY' }]);
  });

  it('trims only SP, HTAB, CR and LF; whitespace alone is empty', () => {
    expect(field('company', ' \t\r\nContoso\t').value).toBe('Contoso');
    expect(field('company', '   ').errors).toEqual([{ code: 'E_EMPTY' }]);
    expect(field('company', '\u00a0Contoso').infos.map(({ code }) => code)).not.toContain('I_TRIMMED');
  });

  it('applies NFKC all or nothing', () => {
    // Full-width letters plus an ideographic space: ASCII after NFKC, so converted, then the space is an error.
    const spaced = field('company', 'Ｃｏｎｔｏｓｏ\u3000Ｌｔｄ');
    expect(spaced.value).toBe('Contoso Ltd');
    expect(spaced.infos.map(({ code }) => code)).toEqual(['I_NFKC', 'I_SUGGESTION']);
    expect(spaced.errors).toMatchObject([{ code: 'E_SPACE', at: 7 }]);
    expect(spaced.suggestion).toBe('ContosoLtd');
    // Full-width letters next to a kanji: not all ASCII after NFKC, so nothing is converted.
    const mixed = field('company', 'Ｃｏｎ株');
    expect(mixed.value).toBe('Ｃｏｎ株');
    expect(mixed.errors).toMatchObject([{ code: 'E_NON_ASCII', at: 0, count: 4 }]);
  });

  it('counts positions in code points, an astral character once', () => {
    // (Not a mathematical 𝒞: NFKC would turn that into a plain C.)
    const result = field('company', '😀ontoso Ltd');
    expect(result.errors).toEqual([
      { code: 'E_NON_ASCII', at: 0, count: 1, char: '😀', codePoint: 'U+1F600' },
      { code: 'E_SPACE', at: 7, count: 1, char: ' ', codePoint: 'U+0020' },
    ]);
    expect(field('company', '😀'.repeat(64)).errors.map(({ code }) => code)).toEqual(['E_NON_ASCII']);
    expect(field('company', '😀'.repeat(65)).errors.map(({ code }) => code)).toEqual(['E_NON_ASCII', 'E_TOO_LONG']);
  });

  it('reports each delimiter and control, with TAB a control and a hyphen legal in versions', () => {
    for (const char of '"(),/:;<=>?@[\\]{}')
      expect(field('product', `a${char}b`).errors, char).toMatchObject([{ code: 'E_DELIMITER', at: 1, char }]);
    expect(field('product', 'a\tb').errors).toMatchObject([{ code: 'E_CONTROL', at: 1, codePoint: 'U+0009' }]);
    expect(field('product', 'a\u007fb').errors).toMatchObject([{ code: 'E_CONTROL', codePoint: 'U+007F' }]);
    expect(field('product', 'Cognito-').errors).toMatchObject([{ code: 'E_HYPHEN', at: 7 }]);
    expect(field('version', '1.0.0-rc.1').errors).toEqual([]);
  });

  it('names an invisible character by code point and suggests dropping it', () => {
    const result = field('company', 'Conto\u200bso');
    expect(result.errors).toEqual([{ code: 'E_NON_ASCII', at: 5, count: 1, char: '\u200b', codePoint: 'U+200B' }]);
    expect(result.suggestion).toBe('Contoso');
  });

  it('suggests CamelCase joins and stripped diacritics, but never for controls or non-Latin scripts', () => {
    expect(field('company', 'contoso ltd').suggestion).toBe('contosoLtd');
    expect(field('company', 'Contoso - Ltd').suggestion).toBe('ContosoLtd');
    expect(field('product', 'Crème Brûlée').suggestion).toBe('CremeBrulee');
    expect(field('company', 'Contoso®').suggestion).toBe('Contoso');
    expect(field('company', 'Contoso\tLtd').suggestion).toBeUndefined();
    expect(field('company', 'Κόντοσο').suggestion).toBeUndefined();
    expect(field('company', '콘토소').suggestion).toBeUndefined();
    expect(field('company', 'Contoso 株式会社').suggestion).toBeUndefined();
    // A suggestion is offered only if it is itself valid.
    expect(field('company', `${'C'.repeat(64)} Ltd`).suggestion).toBeUndefined();
  });

  it('keeps warnings for otherwise valid fields, except the redundant prefix', () => {
    expect(field('version', 'v1.2').warnings.map(({ code }) => code)).toEqual(['W_V_PREFIX', 'W_NOT_SEMVER']);
    expect(field('version', 'V2.0.0').warnings.map(({ code }) => code)).toEqual(['W_V_PREFIX']);
    expect(field('version', 'version1').warnings.map(({ code }) => code)).toEqual(['W_NOT_SEMVER']);
    expect(field('product', 'Cognito.').warnings.map(({ code }) => code)).toEqual(['W_UNUSUAL_CHARS']);
    expect(field('product', '_Cognito').warnings.map(({ code }) => code)).toEqual(['W_UNUSUAL_CHARS']);
    expect(field('product', 'Cog$nito').warnings.map(({ code }) => code)).toEqual(['W_UNUSUAL_CHARS']);
    expect(field('product', 'Co.g_n1').warnings).toEqual([]);
    expect(field('product', 'MdePartnerX').warnings).toEqual([]);
    const pasted = field('company', 'MdePartner-Contoso');
    expect(pasted.errors.map(({ code }) => code)).toEqual(['E_HYPHEN']);
    expect(pasted.warnings.map(({ code }) => code)).toEqual(['W_REDUNDANT_PREFIX']);
    expect(field('company', 'mdepartner').warnings.map(({ code }) => code)).toEqual(['W_REDUNDANT_PREFIX']);
  });

  it('reports only E_CRLF for a field with a line break, even a lone LF inside', () => {
    const result = field('product', ' Cog\nnito(x) ');
    expect(result.errors).toEqual([{ code: 'E_CRLF', at: 3, count: 1, char: '\n', codePoint: 'U+000A' }]);
    expect(result.warnings).toEqual([]);
    expect(result.infos).toEqual([]);
    expect(result.suggestion).toBeUndefined();
  });
});
