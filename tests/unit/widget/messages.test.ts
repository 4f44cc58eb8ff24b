/**
 * The widget's words: every code of the core has them in every language, issues read with the
 * offending character as glyph and U+XXXX, and the hand-written ja/ko E_NON_ASCII say what to do
 * with a Japanese or Korean company name.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadResources } from '../../../src/i18n/resources.ts';
import { buildUserAgent, CODE_LEVELS, parseUserAgent, type Code } from '../../../src/ua/index.ts';
import { describeIssue, ENGLISH, format, stringsFromLines, visibleGlyph, type Messages } from '../../../src/widget/messages.ts';
import { BUILD_VECTORS, PARSE_VECTORS } from '../ua/vectors.ts';

const LOCALES = join(import.meta.dirname, '../../../locales');
const resources = loadResources(LOCALES);
const languages = readdirSync(LOCALES).filter((lang) => resources[lang]?.ua);
const messagesOf = (lang: string): Messages => {
  const ua = resources[lang]!.ua as { widget: Messages; checker: Messages };
  return { ...ua.widget, ...ua.checker };
};

describe('widget messages', () => {
  it('exist for the six site languages', () => {
    expect(languages.sort()).toEqual(['de', 'en', 'es', 'fr', 'ja', 'ko']);
  });

  it.each(languages)('%s has words for every code but I_SUGGESTION (the Apply button)', (lang) => {
    const m = messagesOf(lang);
    for (const code of Object.keys(CODE_LEVELS) as Code[]) {
      if (code === 'I_SUGGESTION') continue;
      expect(m[code as keyof Messages], `${lang} ${code}`).toBeTruthy();
    }
  });

  it.each(languages)('%s keeps every widget string on one line (the standalone chunk is one string per line)', (lang) => {
    for (const [key, value] of Object.entries((resources[lang]!.ua as { widget: Record<string, string> }).widget))
      expect(value, `${lang} widget.${key}`).not.toMatch(/[\r\n]/);
  });

  it('bundles English widget words only; the checker words come on demand', () => {
    expect(ENGLISH.company).toBe('Company name');
    expect(ENGLISH.P_SYNTAX).toBeUndefined();
  });

  it('ja and ko explain the registered Latin-script company name and the automatic full-width conversion', () => {
    const ja = messagesOf('ja').E_NON_ASCII;
    expect(ja).toContain('株式会社コントソ → Contoso');
    expect(ja).toMatch(/登記/);
    expect(ja).toMatch(/全角英数字は自動/);
    const ko = messagesOf('ko').E_NON_ASCII;
    expect(ko).toContain('→ Contoso');
    expect(ko).toMatch(/등기된 영문/);
    expect(ko).toMatch(/전각 영숫자는 자동/);
  });

  it('are written per language, not copied from English (single words like "Version" may agree)', () => {
    for (const lang of languages.filter((l) => l !== 'en')) {
      const m = messagesOf(lang);
      const same = (Object.keys(m) as (keyof Messages)[]).filter((key) => m[key] === messagesOf('en')[key] && / /.test(m[key]!));
      expect(same, lang).toEqual([]);
    }
  });
});

describe('describeIssue', () => {
  const en = messagesOf('en');
  const ja = messagesOf('ja');
  const vector = (id: string) => BUILD_VECTORS.find((v) => v.id === id)!.input;
  const issuesOf = (id: string) => {
    const [company, product, version] = vector(id);
    return buildUserAgent({ company, product, version }).fields;
  };

  it('names the character as glyph and U+XXXX, at a position counted from 1', () => {
    expect(describeIssue(en, issuesOf('B14').company.errors[0]!)).toBe(
      'Character 8, “ ” (U+0020): A space would split the value into two products.',
    );
    expect(describeIssue(ja, issuesOf('B14').company.errors[0]!)).toBe('8 文字目「 」(U+0020): 空白があると値が 2 つに分かれます。');
  });

  it('counts repeats and shows control characters as Control Pictures', () => {
    expect(describeIssue(en, issuesOf('B29').company.errors[0]!)).toMatch(/^Character 5, “é” \(U\+00E9 ×2\): Not ASCII/);
    expect(describeIssue(en, issuesOf('B36').company.errors[0]!)).toMatch(/^Character 8, “␍” \(U\+000D ×2\): A line break/);
    expect(describeIssue(en, issuesOf('B37').version.errors[0]!)).toMatch(/^Character 6, “␀” \(U\+0000\): Control/);
    expect(visibleGlyph('\u007f')).toBe('␡');
    expect(visibleGlyph('\u200b')).toBe('\u200b');
  });

  it('gives E_TOO_LONG no position and I_SUGGESTION no sentence', () => {
    expect(describeIssue(en, issuesOf('B39').company.errors[0]!)).toBe(en.E_TOO_LONG);
    expect(describeIssue(en, { code: 'I_SUGGESTION' })).toBeUndefined();
  });

  it('words every diagnostic of the public parse vectors, readings included', () => {
    for (const { value } of PARSE_VECTORS)
      for (const diag of parseUserAgent(value).diags) expect(describeIssue(ja, diag), `${value} ${diag.code}`).toBeTruthy();
    const [ambiguous] = parseUserAgent('MdePartner-Contoso-Ltd-Cognito/1.0.0').diags;
    expect(describeIssue(en, ambiguous!)).toBe('This reads more than one way: Contoso + Ltd-Cognito / Contoso-Ltd + Cognito.');
    expect(describeIssue(en, parseUserAgent('MdePartner-Contoso-ContosoCognito/1.0.0(Windows)').diags[0]!)).toBe(
      'Character 40: Not valid User-Agent syntax.',
    );
  });
});

describe('format and stringsFromLines', () => {
  it('fills {{name}} placeholders and leaves unknown ones empty', () => {
    expect(format('Use “{{value}}” {{missing}}', { value: 'A' })).toBe('Use “A” ');
  });

  it('reads lines in key order; an empty line is a missing string', () => {
    expect(stringsFromLines('a\n\nc', ['x', 'y', 'z'])).toEqual({ x: 'a', z: 'c' });
  });
});
