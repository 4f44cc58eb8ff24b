/** Checks 1–3: metadata across locales and against the English. */
import { keyFinding, type Check, type LocaleData, type RawFinding } from '../context.ts';

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

/** The front-matter key a revision finding points at: the commit, or what else names the revision. */
const REVISION_KEYS = ['ms.sourcegitcommit', 'ms.openlocfilehash', 'ms.lasthandoff'];
const revisionKey = (l: LocaleData) => REVISION_KEYS.find((k) => l.src.frontMatter?.keys.has(k)) ?? null;

export const metaRevision: Check = (ctx) => {
  const groups = revisionGroups(ctx.locales);
  const reference = groups[0];
  if (!reference) return [];
  const ref = reference[0]!.doc.meta;
  return groups.slice(1).flatMap((group) =>
    group.map((l): RawFinding =>
      keyFinding(
        l,
        revisionKey(l),
        'meta.revision',
        'warning',
        `stale: translated from ${short(l.doc.meta.sourceCommit)} (handed off ${l.doc.meta.handoff ?? 'unknown'}); the newest source revision is ${short(ref.sourceCommit)} (${ref.handoff}) in ${reference.map((r) => r.locale).join(', ')}`,
        `${l.doc.meta.sourceCommit}|${ref.sourceCommit}`,
      ),
    ),
  );
};

/** A key's name without its `ms.` prefix and separators: `localization_priority` and `ms.localizationpriority` are one key renamed. */
const keyStem = (key: string) => key.toLowerCase().replace(/^ms\./, '').replace(/[._-]/g, '');

/**
 * Front-matter keys against the reference: the keys every locale of the newest source revision has
 * (with one revision group, the keys most locales have). A key renamed between revisions is one
 * finding, on the line of the key; a key missing is reported where the front matter ends. A locale of
 * an older revision differs because the template changed: revision-driven info.
 */
export const metaKeyDrift: Check = (ctx) => {
  const keysOf = (l: LocaleData) => new Set(Object.keys(l.doc.meta.raw));
  const groups = revisionGroups(ctx.locales);
  const newest = groups.length > 1 ? groups[0]! : ctx.locales;
  const counts = new Map<string, number>();
  for (const l of newest) for (const k of keysOf(l)) counts.set(k, (counts.get(k) ?? 0) + 1);
  const need = groups.length > 1 ? newest.length : Math.floor(newest.length / 2) + 1;
  const reference = new Set([...counts].filter(([, n]) => n >= need).map(([k]) => k));
  if (ctx.locales.length < 2) return [];
  const findings: RawFinding[] = [];
  for (const l of ctx.locales) {
    const mine = keysOf(l);
    const older = groups.length > 1 && !newest.includes(l);
    const where = groups.length > 1 ? `the newest source revision (${newest.map((n) => n.locale).join(', ')})` : 'most locales';
    const tail = older ? ' (source changed: translated from another revision)' : '';
    const finding = (key: string | null, message: string, subject: string): RawFinding => ({
      ...keyFinding(l, key, 'meta.key-drift', 'info', `${message}${tail}`, subject),
      ...(older ? { revisionDriven: true } : {}),
    });
    const extra = [...mine].filter((k) => !reference.has(k));
    const missing = [...reference].filter((k) => !mine.has(k));
    for (const key of extra) {
      const renamed = missing.find((m) => keyStem(m) === keyStem(key));
      if (renamed) {
        missing.splice(missing.indexOf(renamed), 1);
        findings.push(finding(key, `key ${key} is ${renamed} in ${where}`, `renamed:${key}:${renamed}`));
      } else findings.push(finding(key, `key ${key} is not in ${where}`, `extra:${key}`));
    }
    for (const key of missing) findings.push(finding(null, `front matter lacks key ${key}, which ${where} has`, `missing:${key}`));
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
    for (const [key, value, english] of [
      ['title', m.title, en.title],
      ['description', m.description, en.description],
      ['keywords', m.keywords.join(', '), en.keywords.join(', ')],
    ] as const) {
      if (value && english && fold(value) === fold(english)) {
        findings.push(keyFinding(l, key, 'meta.untranslated-field', 'warning', `${key} is the English text, untranslated`, value, 'value'));
      }
    }
  }
  return findings;
};
