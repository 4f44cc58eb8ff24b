/** Checks 13–17: the glossary — do-not-translate terms, case, consistency, dropped parts, deprecated names. */
import { allowedRenderings, type Concept } from '../glossary.ts';
import { keyFinding, placeIn, unitFinding, type Check, type LocaleData, type QaContext, type RawFinding } from '../context.ts';
import type { Place } from '../source-text.ts';
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

/** Occurrences of a term group, in any case: a term in the wrong case is term.case's finding, not a missing term too. */
const countGroup = (text: string, group: string[]) => group.reduce((n, term) => n + countTerm(text, term, false), 0);

/** A pattern for any term of a group (longest first, so `APIs` is not seen as `API`). */
const groupPattern = (group: string[]) => new RegExp([...group].sort((a, b) => b.length - a.length).map((t) => termPattern(t, 'gi').source).join('|'), 'i');

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
        // A duplicate is pointed at: the first occurrence past the English's count.
        const spot = actual > expected ? { find: groupPattern(group), nth: expected } : undefined;
        findings.push(unitFinding(u, 'term.dnt-count', 'warning', actual < expected ? `“${name}” appears ${actual}× where the English has it ${expected}× (missing or translated)` : `“${name}” appears ${actual}× where the English has it ${expected}× (duplicated)`, `${name}|${u.target.raw}`, spot));
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
      findings.push(keyFinding(l, 'keywords', 'term.dnt-count', 'info', `keywords lack “${group.join('/')}”, which ${keeping} of ${ctx.locales.length} locales keep`, `keywords|${group.join('/')}|${l.doc.meta.keywords.join(',')}`, 'value'));
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
          findings.push(unitFinding(u, 'term.case', 'warning', `“${m[0]}” should be written “${term}”`, `${term}|${m[0]}|${m.index}`, { find: termPattern(m[0]) }));
        }
      }
    }
  }
  return findings;
};

const clean = (s: string) => termText(s).replace(/\s+/g, ' ').trim();

/** A rendering with where it first occurs. */
type Found = TermRendering & { first: Place };

/** The offsets of a front-matter key's line (where its value is), or null. */
function keyLine(l: LocaleData, key: string): { start: number; end: number } | null {
  const k = l.src.frontMatter?.keys.get(key);
  if (!k) return null;
  const end = l.text.indexOf('\n', k.valueOffset);
  return { start: k.valueOffset, end: end < 0 ? l.text.length : end };
}

/** Every rendering of each concept in one locale: units, title and description. */
function renderingsIn(l: LocaleData, concept: Concept): Map<string, Found> {
  const found = new Map<string, Found>();
  const pattern = new RegExp(concept.find, 'giu');
  const add = (text: string, range: { start: number; end: number } | null, fallback: Place) => {
    const seen = new Map<string, number>();
    for (const m of text.matchAll(pattern)) {
      const r = clean(m[0]);
      const nth = seen.get(r) ?? 0;
      seen.set(r, nth + 1);
      const at = range ? l.src.find(termPattern(r, 'gu'), range.start, range.end, nth) : -1;
      const place = at >= 0 ? l.src.at(at) : fallback;
      const entry = found.get(r) ?? { text: r, count: 0, lines: [], first: place };
      entry.count += 1;
      if (!entry.lines.includes(place.line)) entry.lines.push(place.line);
      found.set(r, entry);
    }
  };
  for (const key of ['title', 'description'] as const) {
    const value = l.doc.meta[key];
    if (value) add(value, keyLine(l, key), l.src.keyPlace(key, 'value'));
  }
  for (const u of l.units) add(u.target.prose, u, placeIn(u));
  return found;
}

export function termRenderings(ctx: QaContext): TermMatrix {
  const cells: TermMatrix['cells'] = {};
  for (const concept of ctx.glossary.concepts) {
    cells[concept.id] = {};
    for (const l of ctx.locales) {
      cells[concept.id]![l.locale] = [...renderingsIn(l, concept).values()].map(({ text, count, lines }) => ({ text, count, lines })).sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
    }
  }
  return { concepts: ctx.glossary.concepts.map((c) => ({ id: c.id, label: c.label })), cells };
}

/**
 * One concept, one way per file. The allowed renderings are one way, the English names left as they are
 * another, every other spelling one more (case variants too). The reference way is the allowed one
 * where the file uses it, else the most used; each rendering outside it is one finding, at its first
 * occurrence, so the translator fixes them one by one.
 */
export const termConsistency: Check = (ctx) => {
  const findings: RawFinding[] = [];
  for (const concept of ctx.glossary.concepts) {
    for (const l of ctx.locales) {
      const renderings = [...renderingsIn(l, concept).values()].sort((a, b) => a.first.line - b.first.line || a.first.column - b.first.column);
      const allowed = new Set(allowedRenderings(concept, l.locale).map(clean));
      const english = new Set(concept.english.map(clean));
      const wayOf = (r: Found) => (allowed.has(r.text) ? 'allowed' : english.has(r.text) ? 'english' : `other:${r.text}`);
      const ways = new Map<string, Found[]>();
      for (const r of renderings) ways.set(wayOf(r), [...(ways.get(wayOf(r)) ?? []), r]);
      if (ways.size <= 1) continue;
      const total = (way: Found[]) => way.reduce((n, r) => n + r.count, 0);
      // The file's own convention wins where one way holds most occurrences; else the allowed way, else the most used.
      const all = renderings.reduce((n, r) => n + r.count, 0);
      const [top] = [...ways.entries()].sort((a, b) => total(b[1]) - total(a[1]));
      const reference = total(top![1]) * 2 > all ? top![0] : ways.has('allowed') ? 'allowed' : top![0];
      const refs = ways.get(reference)!;
      const refText = `${refs.map((r) => `“${r.text}” ×${r.count}`).join(', ')}${reference === 'allowed' ? ' (allowed)' : reference === 'english' ? ' (the English name)' : ''}`;
      for (const [way, members] of ways) {
        if (way === reference) continue;
        for (const r of members) {
          findings.push({
            check: 'term.consistency',
            severity: 'warning',
            locale: l.locale,
            file: l.file,
            ...r.first,
            message: `${way === 'english' ? 'the English name ' : ''}“${r.text}” ×${r.count} (line${r.lines.length > 1 ? 's' : ''} ${r.lines.join(', ')}) for “${concept.label}”, ${ways.size} ways in this file; the file's rendering: ${refText}`,
            subject: `${concept.id}|${r.text}`,
          });
        }
      }
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
    for (const term of ctx.glossary.deprecated) {
      // The longer deprecated name covers the shorter one inside it.
      const longer = ctx.glossary.deprecated.filter((t) => t !== term && t.includes(term));
      const count = (text: string) => countTerm(text, term, false) - longer.reduce((n, t) => n + countTerm(text, t, false), 0);
      for (const [key, value] of [['title', l.doc.meta.title], ['description', l.doc.meta.description ?? ''], ['keywords', l.doc.meta.keywords.join(', ')]] as const) {
        if (count(value) === 0) continue;
        const range = keyLine(l, key);
        const at = range ? l.src.find(termPattern(term, 'gi'), range.start, range.end) : -1;
        findings.push({ ...keyFinding(l, key, 'term.deprecated', 'warning', `${key} uses the deprecated name “${term}”`, `${key}|${term}|${value}`, 'value'), ...(at >= 0 ? l.src.at(at) : {}) });
      }
      for (const u of l.units) if (count(u.target.prose) > 0) findings.push(unitFinding(u, 'term.deprecated', 'warning', `uses the deprecated name “${term}”`, `${term}|${u.target.raw}`, { find: termPattern(term, 'gi') }));
    }
  }
  return findings;
};
