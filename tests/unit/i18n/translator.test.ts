/**
 * The translator keeps its answers (i18next is slow to ask, and pages ask the same things thousands of
 * times): what it says must be exactly what i18next says, for every kind of call.
 */
import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../src/i18n/translator.ts';
import type { Resources } from '../../../src/i18n/resources.ts';

const resources: Resources = {
  en: { ui: { hello: 'Hello', greet: 'Hello, {{name}}', 'units_one': '{{count}} unit', 'units_other': '{{count}} units', only: 'English only' } },
  de: { ui: { hello: 'Hallo', greet: 'Hallo, {{name}}', 'units_one': '{{count}} Einheit', 'units_other': '{{count}} Einheiten' } },
};

function plainI18next(lang: string): TFunction {
  const instance = i18next.createInstance();
  void instance.init({ lng: lang, fallbackLng: 'en', resources, defaultNS: 'ui', ns: ['ui'], initAsync: false, interpolation: { escapeValue: false }, returnNull: false });
  return instance.t.bind(instance) as TFunction;
}

describe('createTranslator', () => {
  it('answers as i18next does, asked once or many times, with and without parameters', () => {
    const { t } = createTranslator('de', resources);
    const plain = plainI18next('de');
    const calls: [string, Record<string, unknown>?][] = [['hello'], ['greet', { name: 'Ana' }], ['greet', { name: 'Bo' }], ['units', { count: 1 }], ['units', { count: 2 }], ['only'], ['missing.key']];
    for (let round = 0; round < 3; round++) {
      for (const [key, options] of calls) expect(options ? t(key, options) : t(key)).toBe(options ? plain(key, options) : plain(key));
    }
    // Different parameters are different answers, never the remembered one.
    expect(t('greet', { name: 'Ana' })).toBe('Hallo, Ana');
    expect(t('greet', { name: 'Bo' })).toBe('Hallo, Bo');
    expect(t('units', { count: 2 })).toBe('2 Einheiten');
    expect(t('only')).toBe('English only');
    // Other kinds of call (a list of keys, nested options) go to i18next as they are.
    expect(t(['missing.key', 'hello'])).toBe('Hallo');
    expect(t('greet', { name: 'Cy', nested: { a: 1 } } as never)).toBe('Hallo, Cy');
  });
});
