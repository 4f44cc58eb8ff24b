/** Checks 13–17: the glossary — do-not-translate terms, case, consistency, dropped parts, deprecated names. */
import { allowedRenderings, type Concept } from '../glossary.ts';
import { unitFinding, type Check, type LocaleData, type QaContext, type RawFinding } from '../context.ts';
import type { TermMatrix, TermRendering } from '../types.ts';
import { countTerm, termPattern, termText } from '../text-view.ts';

/** Do-not-translate terms grouped with their plural (`API` and `APIs` are one term, as French has `API` for both). */
function dntGroups(terms: string[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const t of terms) {
    const base = t.endsWith('s') && terms.includes(t.slice(0, -1)) ? t.slice(0, -1) : t;
    groups.set(base, [...(groups.get(base) ?? []), t]);
  }
  return [...groups.values()];
}

const countGroup = (text: string, group: string[]) => group.reduce((n, term) => n + countTerm(text, term), 0);

export const termDntCount: Check = (ctx) => {
  const groups = dntGroups(ctx.glossary.doNotTranslate);
  const findings: RawFinding[] = [];
  for (const l of ctx.locales) {
    for (const u of l.units) {
      if (!u.source) continue;
      for (const group of groups) {
        const expected = countGroup(u.source.text, group);
        const actual = countGroup(u.target.text, group);
        if (expected === actual) continue;
        const name = group.join('/');
        findings.push(unitFinding(u, 'term.dnt-count', 'warning', actual < expected ? `“${name}” appears ${actual}× where the English has it ${expected}× (missing or translated)` : `“${name}” appears ${actual}× where the English has it ${expected}× (duplicated)`, `${name}|${u.target.raw}`));
      }
    }
  }
  // Keywords across locales: a term most locales keep in their keywords.
  for (const group of groups) {
    const has = ctx.locales.map((l) => l.doc.meta.keywords.some((k) => group.some((t) => countTerm(k, t, false) > 0)));
    const keeping = has.filter(Boolean).length;
    if (keeping * 2 <= ctx.locales.length) continue;
    ctx.locales.forEach((l, i) => {
      if (has[i] || l.doc.meta.keywords.length === 0) return;
      const line = l.text.split('\n').findIndex((x) => x.startsWith('keywords:')) + 1 || 1;
      findings.push({ check: 'term.dnt-count', severity: 'info', locale: l.locale, file: l.file, line, message: `keywords lack “${group.join('/')}”, which ${keeping} of ${ctx.locales.length} locales keep`, subject: `keywords|${group.join('/')}|${l.doc.meta.keywords.join(',')}` });
    });
  }
  return findings;
};

/** Terms with a fixed spelling: do-not-translate terms and proper names (not common words like “partner”). */
function glossaryTerms(ctx: QaContext): string[] {
  return [...ctx.glossary.doNotTranslate, ...ctx.glossary.concepts.flatMap((c) => c.english).filter((e) => /^\p{Lu}/u.test(e))];
}

export const termCase: Check = (ctx) => {
  const terms = glossaryTerms(ctx);
  const findings: RawFinding[] = [];
  for (const l of ctx.locales) {
    for (const u of l.units) {
      const text = termText(u.target.prose);
      for (const term of terms) {
        for (const m of text.matchAll(termPattern(term, 'gi'))) {
          if (m[0] === term || termText(m[0]) === term) continue;
          // A longer term that matched exactly covers this one (`Graph` inside `Graph Security APIs`).
          findings.push(unitFinding(u, 'term.case', 'warning', `“${m[0]}” should be written “${term}”`, `${term}|${m[0]}|${m.index}`));
        }
      }
    }
  }
  return findings;
};

const clean = (s: string) => termText(s).replace(/\s+/g, ' ').trim();

/** Every rendering of each concept in one locale: units, title and description. */
function renderingsIn(l: LocaleData, concept: Concept): Map<string, TermRendering> {
  const found = new Map<string, TermRendering>();
  const pattern = new RegExp(concept.find, 'giu');
  const add = (text: string, line: number) => {
    for (const m of text.matchAll(pattern)) {
      const r = clean(m[0]);
      const entry = found.get(r) ?? { text: r, count: 0, lines: [] };
      entry.count += 1;
      if (!entry.lines.includes(line)) entry.lines.push(line);
      found.set(r, entry);
    }
  };
  const lineOf = (key: string) => l.text.split('\n').findIndex((x) => x.startsWith(`${key}:`)) + 1 || 1;
  add(l.doc.meta.title, lineOf('title'));
  if (l.doc.meta.description) add(l.doc.meta.description, lineOf('description'));
  for (const u of l.units) add(u.target.prose, u.line);
  return found;
}

export function termRenderings(ctx: QaContext): TermMatrix {
  const cells: TermMatrix['cells'] = {};
  for (const concept of ctx.glossary.concepts) {
    cells[concept.id] = {};
    for (const l of ctx.locales) cells[concept.id]![l.locale] = [...renderingsIn(l, concept).values()].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
  }
  return { concepts: ctx.glossary.concepts.map((c) => ({ id: c.id, label: c.label })), cells };
}

export const termConsistency: Check = (ctx) => {
  const findings: RawFinding[] = [];
  for (const concept of ctx.glossary.concepts) {
    for (const l of ctx.locales) {
      const renderings = [...renderingsIn(l, concept).values()];
      const allowed = new Set(allowedRenderings(concept, l.locale).map(clean));
      const english = new Set(concept.english.map(clean));
      const others = renderings.filter((r) => !allowed.has(r.text) && !english.has(r.text));
      // The allowed renderings are one way; the English names left untranslated are another.
      const ways = others.length + (renderings.some((r) => allowed.has(r.text)) ? 1 : 0) + (renderings.some((r) => english.has(r.text)) ? 1 : 0);
      if (ways <= 1) continue;
      const first = Math.min(...renderings.flatMap((r) => r.lines));
      findings.push({
        check: 'term.consistency',
        severity: 'warning',
        locale: l.locale,
        file: l.file,
        line: first,
        message: `“${concept.label}” is rendered ${ways} different ways: ${renderings.map((r) => `“${r.text}” ×${r.count}`).join(', ')}`,
        subject: `${concept.id}|${renderings.map((r) => r.text).sort().join('|')}`,
      });
    }
  }
  return findings;
};

export const termDropped: Check = (ctx) => {
  const findings: RawFinding[] = [];
  for (const l of ctx.locales) {
    for (const u of l.units) {
      if (!u.source) continue;
      for (const concept of ctx.glossary.concepts) {
        if (concept.components.length === 0) continue;
        if (!concept.english.some((e) => countTerm(u.source!.text, e, false) > 0)) continue;
        const target = termText(u.target.text).toLowerCase();
        const lost = concept.components.filter((group) => !group.some((c) => target.includes(termText(c).toLowerCase())));
        if (lost.length > 0) {
          findings.push(unitFinding(u, 'term.dropped', 'warning', `“${concept.label}” lost a part: no ${lost.map((g) => g.join(' / ')).join(', no ')}`, `${concept.id}|${u.target.raw}`));
        }
      }
    }
  }
  return findings;
};

export const termDeprecated: Check = (ctx) => {
  const findings: RawFinding[] = [];
  for (const l of ctx.locales) {
    const lineOf = (key: string) => l.text.split('\n').findIndex((x) => x.startsWith(`${key}:`)) + 1 || 1;
    for (const term of ctx.glossary.deprecated) {
      // The longer deprecated name covers the shorter one inside it.
      const longer = ctx.glossary.deprecated.filter((t) => t !== term && t.includes(term));
      const count = (text: string) => countTerm(text, term, false) - longer.reduce((n, t) => n + countTerm(text, t, false), 0);
      for (const [key, value] of [['title', l.doc.meta.title], ['description', l.doc.meta.description ?? ''], ['keywords', l.doc.meta.keywords.join(', ')]] as const) {
        if (count(value) > 0) findings.push({ check: 'term.deprecated', severity: 'warning', locale: l.locale, file: l.file, line: lineOf(key), message: `${key} uses the deprecated name “${term}”`, subject: `${key}|${term}|${value}` });
      }
      for (const u of l.units) if (count(u.target.prose) > 0) findings.push(unitFinding(u, 'term.deprecated', 'warning', `uses the deprecated name “${term}”`, `${term}|${u.target.raw}`));
    }
  }
  return findings;
};
