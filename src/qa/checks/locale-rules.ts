/** Checks 23–24: the typography rules of one language (Japanese spacing, French punctuation spacing). */
import { unitFinding, type Check, type RawFinding } from '../context.ts';

const KANA_KANJI = '\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Han}ー';

export const wsCjk: Check = (ctx) =>
  ctx.locales
    .filter((l) => l.locale.startsWith('ja'))
    .flatMap((l) =>
      l.units.flatMap((u): RawFinding[] => {
        const text = u.target.prose;
        const findings: RawFinding[] = [];
        const touching = [...text.matchAll(new RegExp(`[A-Za-z0-9][${KANA_KANJI}]|[${KANA_KANJI}][A-Za-z0-9]`, 'gu'))].map((m) => m[0]);
        if (touching.length > 0) findings.push(unitFinding(u, 'ws.cjk', 'info', `Latin text touches Japanese with no space: ${touching.map((t) => `“${t}”`).join(', ')}`, `touch|${touching.join(',')}`));
        const badSpace = [...text.matchAll(/ [、「」。]|[、「」] /gu)].map((m) => m[0]);
        if (badSpace.length > 0) findings.push(unitFinding(u, 'ws.cjk', 'warning', `space next to Japanese punctuation: ${badSpace.map((t) => `“${t}”`).join(', ')}`, `punct|${badSpace.join(',')}`));
        const particle = [...text.matchAll(/\p{Script=Katakana}ー? (?:の|を|に|は|が|で|と|へ|も)(?![\p{Script=Hiragana}])/gu)].map((m) => m[0]);
        if (particle.length > 0) findings.push(unitFinding(u, 'ws.cjk', 'warning', `space between a katakana word and its particle: ${particle.map((t) => `“${t}”`).join(', ')}`, `particle|${particle.join(',')}`));
        return findings;
      }),
    );

/** French needs a space before ; : ? ! (house style may ask for U+202F or U+00A0: `frenchSpaces: 'narrow'`). */
export const frPunctSpacing: Check = (ctx) =>
  ctx.locales
    .filter((l) => l.locale.startsWith('fr'))
    .flatMap((l) =>
      l.units.flatMap((u): RawFinding[] => {
        const misses = [...u.target.prose.matchAll(/(?<=[\p{L}\p{N})»”’])[;:?!](?!\/\/)(?!\d)/gu)].map((m) => u.target.prose.slice(Math.max(0, m.index - 12), m.index + 1));
        return misses.length > 0 ? [unitFinding(u, 'fr.punct-spacing', 'warning', `no space before ${misses.map((m) => `“…${m}”`).join(', ')}`, `miss|${misses.join(',')}`)] : [];
      }),
    );
