import { describe, expect, it } from 'vitest';
import { buildRegistry, checkLocale, describeLocale } from '../../../src/i18n/locales.ts';

describe('locale registry', () => {
  it('derives label, direction and script from the tag alone', () => {
    expect(describeLocale('ja-JP')).toMatchObject({ lang: 'ja', segment: 'ja', label: '日本語', dir: 'ltr', script: 'Jpan' });
    expect(describeLocale('fr-FR')).toMatchObject({ label: 'Français', englishLabel: 'French' });
    expect(describeLocale('ar-SA')).toMatchObject({ dir: 'rtl', script: 'Arab' });
    expect(describeLocale('he-IL')).toMatchObject({ dir: 'rtl', script: 'Hebr' });
    expect(describeLocale('ko-KR')).toMatchObject({ label: '한국어', script: 'Kore' });
  });

  it('puts the English source first and gives shared languages their full tag as URL segment', () => {
    const registry = buildRegistry(['pt-PT', 'ja-JP', 'pt-BR']);
    expect(registry.map((l) => l.segment)).toEqual(['en', 'ja', 'pt-br', 'pt-pt']);
  });

  it('tells a tag that is not BCP 47 from one that names no known language', () => {
    expect(checkLocale('fr-FR')).toEqual({ code: 'fr-FR' });
    expect(checkLocale('tr-tr')).toEqual({ code: 'tr-TR' });
    expect(checkLocale('fr_FR')).toMatchObject({ kind: 'not-bcp47' });
    expect(checkLocale('qx-QX')).toMatchObject({ kind: 'unknown' });
  });
});
