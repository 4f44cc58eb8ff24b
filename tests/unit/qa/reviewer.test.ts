/**
 * The translator checks against a reviewer's list (tests/reviewer/become-partner.md): on
 * the five received translations the checks report exactly the findings listed, each at its line and
 * column, and none of the traps.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadQa } from '../../../src/qa/load-qa.ts';
import type { Finding } from '../../../src/qa/types.ts';

const ROOT = join(import.meta.dirname, '../../..');
const LIST = readFileSync(join(ROOT, 'tests/reviewer/become-partner.md'), 'utf8');

/** The table rows of one part of the list (cells trimmed; `\|` is a bar inside a cell). */
function rows(part: string): string[][] {
  return part
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| place') && !l.startsWith('| locale'))
    .map((l) =>
      l
        .slice(2, -2)
        .split(/(?<!\\) \| /)
        .map((c) => c.replace(/\\\|/g, '|').trim()),
    );
}

const [listPart, trapPart] = LIST.split('## Traps: must not fire');
const key = (f: { locale: string; file: string; line: number; column: number; severity: string; check: string }) =>
  `${f.locale} ${f.file.split('/').pop()!.replace(' (English side)', '')}:${f.line}:${f.column} ${f.severity} ${f.check}`;

/** The expected findings: the locale is the section each row is in. */
function expected(): string[] {
  const out: string[] = [];
  for (const section of listPart!.split(/^## /m).slice(1)) {
    const locale = section.split('\n')[0]!.trim();
    for (const [place, severity, check] of rows(section)) out.push(`${locale} ${place} ${severity} ${check}`);
  }
  return out.sort();
}

let findings: Finding[];

beforeAll(() => {
  findings = loadQa({ contentDir: join(ROOT, 'content') }).reports[0]!.report.findings;
});

describe("the checks against a reviewer's list of the partner guide", () => {
  it('lists something to compare (the list parses)', () => {
    expect(expected().length).toBeGreaterThan(90);
    expect(rows(trapPart!).length).toBeGreaterThan(15);
  });

  it('reports every finding on the list, and nothing the list does not have', () => {
    const actual = findings.map(key).sort();
    const want = expected();
    const missing = want.filter((k) => !actual.includes(k));
    const extra = actual.filter((k) => !want.includes(k));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it('gives every finding a line and a column inside its file', () => {
    for (const f of findings) {
      const text = readFileSync(join(ROOT, f.file.replace(' (English side)', '')), 'utf8').replace(/\r\n?/g, '\n');
      const line = text.split('\n')[f.line - 1];
      expect(line, key(f)).toBeDefined();
      expect(f.column, key(f)).toBeGreaterThanOrEqual(1);
      expect(f.column, key(f)).toBeLessThanOrEqual(line!.length + 1);
    }
  });

  it('points at the offending text itself (a sample of each kind)', () => {
    const at = (locale: string, check: string, line: number) => {
      const f = findings.find((x) => x.locale === locale && x.check === check && x.line === line)!;
      const text = readFileSync(join(ROOT, f.file), 'utf8').split('\n')[f.line - 1]!;
      return text.slice(f.column - 1);
    };
    expect(at('de-DE', 'link.empty-text', 42)).toMatch(/^\[\]\(https:\/\/securitycenter/);
    expect(at('ja-JP', 'link.nested', 43)).toMatch(/^\[パートナー アプリケーション\[\]/);
    expect(at('de-DE', 'term.case', 58)).toMatch(/^azure AD/);
    expect(at('fr-FR', 'fr.punct-spacing', 38)).toMatch(/^ :/);
    expect(at('de-DE', 'term.deprecated', 4)).toMatch(/^Microsoft Defender ATP/);
    expect(at('de-DE', 'meta.revision', 20)).toMatch(/^ms\.sourcegitcommit:/);
    expect(at('es-ES', 'struct.code-parity', 68)).toMatch(/^MdePartner-\{CompanyName\}/);
    expect(at('ko-KR', 'term.dnt-count', 59)).toMatch(/^User-Agent/);
    expect(at('de-DE', 'punct.truncated', 44)).toBe('-');
  });

  it('stays silent on every trap', () => {
    for (const [locale, line, check, severity, about, why] of rows(trapPart!)) {
      const fired = findings.filter(
        (f) =>
          f.locale === locale &&
          f.check === check &&
          (line === '*' || f.line === Number(line)) &&
          (severity === 'any' || f.severity !== 'info') &&
          (!about || f.message.includes(about)),
      );
      expect(fired.map(key), `${locale}:${line} ${check}: ${why}`).toEqual([]);
    }
  });

  it('has a place for each trap where the check could fire (the traps are not vacuous)', () => {
    // Every trap names a line of its file that exists (a wrong line would make the trap pass for nothing).
    for (const [locale, line] of rows(trapPart!)) {
      if (line === '*') continue;
      const text = readFileSync(join(ROOT, `content/source/become-partner/${locale}.md`), 'utf8').split('\n');
      expect(text[Number(line) - 1]?.trim(), `${locale}:${line}`).toBeTruthy();
    }
  });
});
