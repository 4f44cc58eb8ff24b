/** Checks 1–3: metadata across locales and against the English. */
import type { Check, LocaleData, RawFinding } from '../context.ts';

/** Revision groups: locales sharing (ms.sourcegitcommit, ms.openlocfilehash), newest hand-off first. */
export function revisionGroups(locales: LocaleData[]): LocaleData[][] {
  const groups = new Map<string, LocaleData[]>();
  for (const l of locales) {
    const key = `${l.doc.meta.sourceCommit ?? '?'}|${l.doc.meta.openLocFileHash ?? '?'}`;
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  const newest = (g: LocaleData[]) => g.map((l) => l.doc.meta.handoff ?? '').sort().pop() ?? '';
  return [...groups.values()].sort((a, b) => newest(b).localeCompare(newest(a)) || a[0]!.locale.localeCompare(b[0]!.locale));
}

const short = (commit: string | null) => (commit ? commit.slice(0, 8) : 'unknown revision');

export const metaRevision: Check = (ctx) => {
  const groups = revisionGroups(ctx.locales);
  const reference = groups[0];
  if (!reference) return [];
  const ref = reference[0]!.doc.meta;
  return groups.slice(1).flatMap((group) =>
    group.map((l): RawFinding => ({
      check: 'meta.revision',
      severity: 'warning',
      locale: l.locale,
      file: l.file,
      line: 1,
      message: `stale: translated from ${short(l.doc.meta.sourceCommit)} (handed off ${l.doc.meta.handoff ?? 'unknown'}); the newest source revision is ${short(ref.sourceCommit)} (${ref.handoff}) in ${reference.map((r) => r.locale).join(', ')}`,
      subject: `${l.doc.meta.sourceCommit}|${ref.sourceCommit}`,
    })),
  );
};

export const metaKeyDrift: Check = (ctx) => {
  const keysOf = (l: LocaleData) => new Set(Object.keys(l.doc.meta.raw));
  const all = new Set(ctx.locales.flatMap((l) => [...keysOf(l)]));
  const findings: RawFinding[] = [];
  for (const l of ctx.locales) {
    const mine = keysOf(l);
    const missing = [...all].filter((k) => !mine.has(k) && ctx.locales.some((o) => o !== l && keysOf(o).has(k))).sort();
    const extra = [...mine].filter((k) => ctx.locales.some((o) => !keysOf(o).has(k))).sort();
    if (missing.length > 0) findings.push({ check: 'meta.key-drift', severity: 'info', locale: l.locale, file: l.file, line: 1, message: `front matter lacks keys other locales have: ${missing.join(', ')}`, subject: `missing:${missing.join(',')}` });
    if (extra.length > 0) findings.push({ check: 'meta.key-drift', severity: 'info', locale: l.locale, file: l.file, line: 1, message: `front matter has keys not every locale has: ${extra.join(', ')}`, subject: `extra:${extra.join(',')}` });
  }
  return findings;
};

const fold = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('en');

export const metaUntranslatedField: Check = (ctx) => {
  if (!ctx.english) return [];
  const en = ctx.english.doc.meta;
  const findings: RawFinding[] = [];
  for (const l of ctx.locales) {
    const m = l.doc.meta;
    const lineOf = (key: string) => {
      const i = l.text.split('\n').findIndex((line) => line.startsWith(`${key}:`));
      return i >= 0 ? i + 1 : 1;
    };
    for (const [key, value, english] of [
      ['title', m.title, en.title],
      ['description', m.description, en.description],
      ['keywords', m.keywords.join(', '), en.keywords.join(', ')],
    ] as const) {
      if (value && english && fold(value) === fold(english)) {
        findings.push({ check: 'meta.untranslated-field', severity: 'warning', locale: l.locale, file: l.file, line: lineOf(key), message: `${key} is the English text, untranslated`, subject: value });
      }
    }
  }
  return findings;
};
