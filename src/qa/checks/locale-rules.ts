/** Checks 23–24: the typography rules of one language (Japanese spacing, French punctuation spacing). */
import { unitFinding, type Check, type LocaleData, type RawFinding, type Unit } from '../context.ts';
import { escapeRegExp } from '../text-view.ts';

const KANA_KANJI = '\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Han}ー';
const TOUCHING = new RegExp(`[A-Za-z0-9][${KANA_KANJI}]|[${KANA_KANJI}][A-Za-z0-9]`, 'gu');
const SPACED = new RegExp(`[A-Za-z0-9] [${KANA_KANJI}]|[${KANA_KANJI}] [A-Za-z0-9]`, 'gu');

/** A finding about some spots of a unit's text, pointed at the first of them. */
function spotsFinding(u: Unit, check: RawFinding['check'], severity: RawFinding['severity'], message: (quoted: string) => string, kind: string, spots: string[]): RawFinding[] {
  if (spots.length === 0) return [];
  const quoted = spots.map((t) => `“${t}”`).join(', ');
  return [unitFinding(u, check, severity, message(quoted), `${kind}|${spots.join(',')}`, { find: new RegExp(escapeRegExp(spots[0]!).replace(/ /g, '[ \\u00a0]')) })];
}

/**
 * Japanese spacing. Between Latin text and Japanese a file keeps one convention (a space, or none):
 * where it mostly writes a space, a boundary without one is flagged, and the reverse; where neither
 * wins, boundaries without a space are an info. A space next to 、「」 or before 。 and a space between
 * a katakana word and its particle are always wrong.
 */
export const wsCjk: Check = (ctx) =>
  ctx.locales
    .filter((l) => l.locale.startsWith('ja'))
    .flatMap((l) => {
      const touchingAll = l.units.reduce((n, u) => n + [...u.target.prose.matchAll(TOUCHING)].length, 0);
      const spacedAll = l.units.reduce((n, u) => n + [...u.target.prose.matchAll(SPACED)].length, 0);
      // A convention takes a few boundaries to see: one segment alone has none.
      const convention = spacedAll >= 3 && spacedAll > touchingAll * 2 ? 'space' : touchingAll >= 3 && touchingAll > spacedAll * 2 ? 'none' : 'mixed';
      return l.units.flatMap((u): RawFinding[] => {
        const text = u.target.prose;
        const touching = [...text.matchAll(TOUCHING)].map((m) => m[0]);
        const spaced = [...text.matchAll(SPACED)].map((m) => m[0]);
        return [
          ...(convention === 'none'
            ? spotsFinding(u, 'ws.cjk', 'warning', (q) => `space between Latin text and Japanese where this file writes none (${touchingAll} places): ${q}`, 'spaced', spaced)
            : spotsFinding(u, 'ws.cjk', convention === 'space' ? 'warning' : 'info', (q) => (convention === 'space' ? `no space between Latin text and Japanese where this file writes one (${spacedAll} places): ${q}` : `Latin text touches Japanese with no space: ${q}`), 'touch', touching)),
          ...spotsFinding(u, 'ws.cjk', 'warning', (q) => `space next to Japanese punctuation: ${q}`, 'punct', [...text.matchAll(/ [、「」。]|[、「」] /gu)].map((m) => m[0])),
          ...spotsFinding(u, 'ws.cjk', 'warning', (q) => `space between a katakana word and its particle: ${q}`, 'particle', [...text.matchAll(/\p{Script=Katakana}ー? (?:の|を|に|は|が|で|と|へ|も)(?![\p{Script=Hiragana}])/gu)].map((m) => m[0])),
        ];
      });
    });

/** Before ; : ? ! French puts a space: U+0020 (breaks), U+00A0 or U+202F (do not). */
const BEFORE_MARK = /([ \u00a0\u202f])([;:?!])(?!\/\/)/gu;

/**
 * French punctuation spacing. A space is required before ; : ? ! (none is a warning). The space is one
 * kind throughout a file: a file that mixes a breaking space (U+0020) with no-break ones is flagged at
 * each breaking one (it lets the mark wrap onto the next line; the no-break space is the right one).
 * U+00A0 before : and U+202F before ; ? ! is the usual French typesetting, not a mix. With the
 * glossary's `frenchSpaces: no-break` every U+0020 there is a warning.
 */
export const frPunctSpacing: Check = (ctx) =>
  ctx.locales
    .filter((l) => l.locale.startsWith('fr'))
    .flatMap((l) => {
      const kinds = spaceKinds(l);
      const noBreak = (kinds.get('\u00a0') ?? 0) + (kinds.get('\u202f') ?? 0);
      const mixedBreaking = noBreak > 0 && (kinds.get(' ') ?? 0) > 0;
      const strict = ctx.glossary.frenchSpaces === 'no-break';
      return l.units.flatMap((u): RawFinding[] => {
        const prose = u.target.prose;
        const misses = [...prose.matchAll(/(?<=[\p{L}\p{N})»”’])[;:?!](?!\/\/)(?!\d)/gu)].map((m) => prose.slice(Math.max(0, m.index - 12), m.index + 1));
        const findings: RawFinding[] = [];
        if (misses.length > 0) {
          findings.push(unitFinding(u, 'fr.punct-spacing', 'warning', `no space before ${misses.map((m) => `“…${m}”`).join(', ')}`, `miss|${misses.join(',')}`, { find: new RegExp(`${escapeRegExp(misses[0]!.slice(-2))}(?!//)`) }));
        }
        const spaces = [...prose.matchAll(BEFORE_MARK)];
        const breaking = spaces.filter((m) => m[1] === ' ');
        if (breaking.length > 0 && (mixedBreaking || strict)) {
          const marks = breaking.map((m) => `“ ${m[2]}”`).join(', ');
          const why = strict ? 'the house style asks for a no-break space' : `this file uses a no-break space there in ${noBreak} other place${noBreak === 1 ? '' : 's'}`;
          findings.push(unitFinding(u, 'fr.punct-spacing', 'warning', `breaking space (U+0020) before ${marks}: ${why}; the mark can wrap onto the next line`, `breaking|${prose}`, { find: new RegExp(` [${breaking.map((m) => escapeRegExp(m[2]!)).join('')}](?!//)`) }));
        }
        return findings;
      });
    });

/** How often each kind of space stands before ; : ? ! in a file's translation. */
function spaceKinds(l: LocaleData): Map<string, number> {
  const kinds = new Map<string, number>();
  for (const u of l.units) for (const m of u.target.prose.matchAll(BEFORE_MARK)) kinds.set(m[1]!, (kinds.get(m[1]!) ?? 0) + 1);
  return kinds;
}
