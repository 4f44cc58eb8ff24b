/**
 * UI strings are written by hand for every site language; a key missing in one of them is a bug
 * (the reader would get English in the middle of their language), so this fails on it.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadResources } from '../../../src/i18n/resources.ts';
import { createTranslator, pipelineStrings } from '../../../src/i18n/translator.ts';

const resources = loadResources(join(import.meta.dirname, '../../../locales'));

function keysOf(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

describe('UI strings', () => {
  const english = resources.en!;
  it('exist for the six site languages', () => {
    expect(Object.keys(resources).sort()).toEqual(['de', 'en', 'es', 'fr', 'ja', 'ko']);
  });
  for (const lang of Object.keys(resources)) {
    it(`${lang} has every key English has, and no other`, () => {
      for (const ns of Object.keys(english)) {
        expect(keysOf(resources[lang]![ns]).sort(), `${lang}/${ns}.json`).toEqual(keysOf(english[ns]).sort());
      }
      expect(Object.keys(resources[lang]!).sort()).toEqual(Object.keys(english).sort());
    });
    it(`${lang} strings are not empty and keep their placeholders`, () => {
      for (const ns of Object.keys(english)) {
        for (const key of keysOf(english[ns])) {
          const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], resources[lang]![ns]);
          expect(typeof value === 'string' && value.trim() !== '', `${lang}/${ns}:${key}`).toBe(true);
          const placeholders = (s: unknown) => [...String(s).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
          const en = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], english[ns]);
          expect(placeholders(value), `${lang}/${ns}:${key}`).toEqual(placeholders(en));
        }
      }
    });
  }
  it('falls back to English for a language without strings', () => {
    const { t } = createTranslator('nl', resources);
    expect(t('doc.readEnglish')).toBe('read the English page');
    expect(pipelineStrings(createTranslator('ja', resources)).includeMissing('L', 'p.md')).toBe('共有コンテンツ「L」(p.md) はこのサイトにはありません。');
  });
});
