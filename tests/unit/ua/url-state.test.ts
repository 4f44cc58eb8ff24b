import { describe, expect, it } from 'vitest';
import { buildUserAgent, readUrlState, writeUrlState } from '../../../src/ua/index.ts';
import { URL_VECTORS } from './vectors.ts';

describe('URL state: public vectors (spec §8)', () => {
  it.each(URL_VECTORS)('$id', ({ query, value, field, error }) => {
    const result = buildUserAgent(readUrlState(query));
    expect(result.value).toBe(value);
    if (field) expect(result.fields[field].errors.map(({ code }) => code)).toEqual([error]);
  });
});

describe('readUrlState / writeUrlState', () => {
  it('reads only the mdeua- parameters, from a string or URLSearchParams', () => {
    const query = '?company=Host&mdeua-company=Contoso&mdeua-snippet=go&mdeua-mode=validate';
    expect(readUrlState(query)).toEqual({ company: 'Contoso', snippet: 'go', mode: 'validate' });
    expect(readUrlState(new URLSearchParams(query))).toEqual(readUrlState(query));
    expect(readUrlState('')).toEqual({});
  });

  it('ignores values over 256 characters (code points) and empty ones', () => {
    expect(readUrlState(`mdeua-company=${'C'.repeat(256)}`).company).toHaveLength(256);
    expect(readUrlState(`mdeua-company=${'C'.repeat(257)}`)).toEqual({});
    expect(readUrlState(`mdeua-company=${encodeURIComponent('😀'.repeat(256))}`).company).toBe('😀'.repeat(256));
    expect(readUrlState('mdeua-company=&mdeua-product=X')).toEqual({ product: 'X' });
  });

  it('a %2B round-trips, a raw + reads as a space', () => {
    const written = writeUrlState('', { version: '1.0.0+build.5' });
    expect(written).toBe('mdeua-version=1.0.0%2Bbuild.5');
    expect(buildUserAgent({ company: 'C', product: 'P', ...readUrlState(written) }).value).toBe('MdePartner-C-P/1.0.0+build.5');
    expect(readUrlState('mdeua-version=1.0.0+build.5').version).toBe('1.0.0 build.5');
  });

  it("keeps the host page's parameters and removes cleared or overlong ones", () => {
    const written = writeUrlState('?page=2&mdeua-company=Old&mdeua-mode=both', {
      company: 'Contoso',
      product: 'x'.repeat(300),
      version: '',
    });
    expect(written).toBe('page=2&mdeua-company=Contoso');
  });

  it('writes what it reads back, for awkward values', () => {
    const state = { company: "O'Brien&Co=1", product: 'a b#c?d', version: '1.0 +\r\n%', snippet: 'curl', mode: 'both' };
    expect(readUrlState(writeUrlState('x=1', state))).toEqual(state);
  });
});
