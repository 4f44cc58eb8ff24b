import { describe, expect, it } from 'vitest';
import { CODE_LEVELS, parseUserAgent } from '../../../src/ua/index.ts';
import { tokenizeUserAgent } from '../../../src/ua/parse.ts';
import { PARSE_VECTORS } from './vectors.ts';

const codes = (value: string) => parseUserAgent(value).diags.map(({ code }) => code);

describe('parseUserAgent: public vectors (spec §8)', () => {
  it.each(PARSE_VECTORS)('$id', ({ value, ok, parts, diags }) => {
    const result = parseUserAgent(value);
    expect(result.ok).toBe(ok);
    expect([result.company, result.product, result.version]).toEqual(parts);
    expect(result.diags.map(({ code }) => code).sort()).toEqual(diags.map(({ code }) => code).sort());
    for (const diag of result.diags) expect(diag.level).toBe(CODE_LEVELS[diag.code]);
    for (const { code, at } of diags)
      if (at !== undefined) expect(result.diags.find((diag) => diag.code === code)?.at, code).toBe(at);
  });

  it('P7 lists every reading of the ambiguous name', () => {
    expect(parseUserAgent('MdePartner-Contoso-Ltd-Cognito/1.0.0').diags[0]?.readings).toEqual([
      { company: 'Contoso', product: 'Ltd-Cognito' },
      { company: 'Contoso-Ltd', product: 'Cognito' },
    ]);
    expect(parseUserAgent('MdePartner-A-B-C-D/1').diags[0]?.readings).toHaveLength(3);
  });
});

describe('parseUserAgent: the steps of spec §4', () => {
  it('strips the header name in any case, with SP or HTAB after it, and edge whitespace', () => {
    const result = parseUserAgent(' user-agent:\tMdePartner-A-B/1.0.0\r\n');
    expect(result).toMatchObject({ ok: true, company: 'A', product: 'B', version: '1.0.0' });
    expect(result.diags.map(({ code }) => code).sort()).toEqual(['I_TRIMMED', 'P_HEADER_NAME_STRIPPED']);
    expect(codes('User-Agent:')).toContain('E_EMPTY');
  });

  it('points into the input as pasted, after a stripped header', () => {
    // "  User-Agent: " is 14 code points; the "(" sits 3 further on.
    expect(parseUserAgent('  User-Agent: a/1(x)').diags.at(-1)).toMatchObject({ code: 'P_SYNTAX', at: 17 });
  });

  it('stops at CR, LF or NUL inside and reports nothing else', () => {
    expect(parseUserAgent('MdePartner-A-B/1\u0000x é').diags).toEqual([
      { code: 'E_CRLF', level: 'error', at: 16, count: 1, char: '\u0000', codePoint: 'U+0000' },
    ]);
  });

  it('refuses other controls and non-ASCII, but allows HTAB between items', () => {
    expect(parseUserAgent('MdePartner-A-B/1\tfoo/2').ok).toBe(true);
    expect(parseUserAgent('MdePartner-A-B/1 \u0007').diags).toMatchObject([{ code: 'E_CONTROL', at: 17 }]);
    expect(parseUserAgent('MdePartner-Société-B/1').diags).toMatchObject([
      { code: 'E_NON_ASCII', at: 15, count: 2, codePoint: 'U+00E9' },
    ]);
    expect(parseUserAgent('😀 MdePartner-A-B/1 é').diags).toMatchObject([{ code: 'E_NON_ASCII', at: 0, count: 2 }]);
  });

  it('needs a product with the MdePartner- prefix', () => {
    expect(codes('curl/8.5.0')).toEqual(['P_NOT_MDE']);
    expect(codes('MdePartnerContoso-X/1.0.0')).toEqual(['P_NOT_MDE']);
    expect(parseUserAgent('MdePartner-A-B/1.0.0 (Windows NT 10.0; Win64) MdePartner-C-D/2.0.0')).toMatchObject({
      ok: true,
      company: 'A',
      version: '1.0.0',
    });
  });

  it('splits the name into exactly two non-empty parts', () => {
    expect(codes('MdePartner--B/1.0.0')).toEqual(['P_BAD_SEGMENTS']);
    expect(codes('MdePartner-A-/1.0.0')).toEqual(['P_BAD_SEGMENTS']);
    expect(codes('MdePartner-/1.0.0')).toEqual(['P_BAD_SEGMENTS']);
    expect(codes('MdePartner-A--B/1.0.0')).toEqual(['P_BAD_SEGMENTS']);
  });

  it('suspects a space in the name only when the next item is a product with a version', () => {
    expect(codes('MdePartner-A-B (comment)')).toEqual(['P_NO_VERSION', 'P_EXTRA_ITEMS']);
    expect(codes('MdePartner-A-B next')).toEqual(['P_NO_VERSION', 'P_EXTRA_ITEMS']);
    expect(codes('MdePartner-Contoso Ltd-Cognito/1.0.0 curl/8')).toEqual([
      'P_NO_VERSION',
      'P_SPACE_IN_NAME',
      'P_EXTRA_ITEMS',
      'P_BAD_SEGMENTS',
    ]);
  });

  it('applies the version warnings', () => {
    expect(parseUserAgent('MdePartner-A-B/v1.0.0')).toMatchObject({ ok: true, diags: [{ code: 'W_V_PREFIX', level: 'warning' }] });
    expect(codes('MdePartner-A-B/2.1.0.4500')).toEqual(['W_NOT_SEMVER']);
  });
});

describe('tokenizeUserAgent: the RFC 9110 grammar', () => {
  it.each([
    ['a', [{ name: 'a' }]],
    ['a/1 b', [{ name: 'a', version: '1' }, { name: 'b' }]],
    ['a/1 (c (nested (deep)) \\) \\( "q") b/2', [{ name: 'a', version: '1' }, {}, { name: 'b', version: '2' }]],
    ['a  \t (x)', [{ name: 'a' }, {}]],
    ["!#$%&'*+-.^_`|~/9", [{ name: "!#$%&'*+-.^_`|~", version: '9' }]],
  ])('accepts %j', (text, items) => {
    expect(tokenizeUserAgent(text)).toEqual(items);
  });

  it.each([
    ['', 0],
    ['(comment) a/1', 0],
    ['/1', 0],
    ['a/', 2],
    ['a//1', 2],
    ['a/1/2', 3],
    ['a/1(x)', 3],
    ['a (x)b', 5],
    ['a (unclosed', 11],
    ['a (x \\', 6],
    ['a (x))', 5],
    ['a "quoted"', 2],
    ['a, b', 1],
    ['a ', 2],
  ])('rejects %j at %i', (text, failAt) => {
    expect(tokenizeUserAgent(text)).toBe(failAt);
  });
});
