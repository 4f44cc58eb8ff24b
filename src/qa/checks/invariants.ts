/** Checks 10–12: emphasis, numbers and identifiers, which translation must not change. */
import { unitFinding, type Check, type RawFinding, type Unit } from '../context.ts';
import { alnumIdentifiers, escapeRegExp, multisetDiff, numbersIn } from '../text-view.ts';

/** Words too small to carry emphasis on their own (articles, particles), in the site's languages. */
const STOP_WORDS = new Set(['a', 'an', 'the', 'of', 'to', 'in', 'on', 'le', 'la', 'les', 'de', 'du', 'des', 'un', 'une', 'der', 'die', 'das', 'den', 'dem', 'ein', 'eine', 'el', 'los', 'las', 'del', 'y', 'et', 'und', 'の', 'を', 'に', 'は', 'が', 'で', '을', '를', '이', '가', '은', '는', '의']);

/** Every unit whose English is known, with the severity a difference gets there. */
function compared(units: Unit[]): Unit[] {
  return units.filter((u) => u.source !== null);
}

export const markupEmphasis: Check = (ctx) =>
  ctx.locales.flatMap((l) =>
    compared(l.units).flatMap((u): RawFinding[] => {
      const findings: RawFinding[] = [];
      const src = u.source!;
      if (src.emphasis !== u.target.emphasis) {
        findings.push(unitFinding(u, 'markup.emphasis', 'error', `${u.target.emphasis} emphasised span(s) where the English has ${src.emphasis}`));
      }
      const englishWraps = src.emphasized.some((e) => e.trim().split(/\s+/).length >= 2);
      for (const e of u.target.emphasized) {
        const t = e.trim();
        if (englishWraps && (STOP_WORDS.has(t.toLowerCase()) || [...t].length <= 3)) {
          // No source revision emphasises an article alone: this one is the translation's own.
          findings.push({ ...unitFinding(u, 'markup.emphasis', 'warning', `emphasis on “${t}” alone, where the English emphasises several words`, `small|${t}`, { find: new RegExp(`([*_]{1,2})\\s*${escapeRegExp(t)}\\s*\\1`) }), intrinsic: true });
        }
      }
      return findings;
    }),
  );

const normalizeNumber = (n: string) => n.replace(/,/g, '.');

export const invNumbers: Check = (ctx) =>
  ctx.locales.flatMap((l) =>
    compared(l.units).flatMap((u): RawFinding[] => {
      const d = multisetDiff(numbersIn(u.source!.prose).map(normalizeNumber), numbersIn(u.target.prose).map(normalizeNumber));
      if (!d.missing.length && !d.extra.length) return [];
      const message = [d.missing.length ? `numbers missing: ${d.missing.join(', ')}` : '', d.extra.length ? `numbers not in the English: ${d.extra.join(', ')}` : ''].filter(Boolean).join('; ');
      return [unitFinding(u, 'inv.numbers', u.kind === 'segment' ? 'error' : 'warning', message, u.target.raw, d.extra.length ? { find: new RegExp(`(?<![\\d.,])${escapeRegExp(d.extra[0]!)}(?![\\d])`) } : undefined)];
    }),
  );

export const invAlnumIdentifiers: Check = (ctx) =>
  ctx.locales.flatMap((l) =>
    compared(l.units).flatMap((u): RawFinding[] =>
      alnumIdentifiers(u.source!.prose).flatMap((id): RawFinding[] => {
        if (u.target.prose.includes(id)) return [];
        if (u.target.prose.toLowerCase().includes(id.toLowerCase())) {
          return [unitFinding(u, 'inv.alnum-identifiers', 'info', `identifier “${id}” differs in case only`, `case|${id}`, { find: new RegExp(escapeRegExp(id), 'i') })];
        }
        return [unitFinding(u, 'inv.alnum-identifiers', 'warning', `identifier “${id}” from the English is missing`, `missing|${id}`)];
      }),
    ),
  );
