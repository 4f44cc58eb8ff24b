/** Checks 18–22: what a reader notices first — untranslated text, end marks, cut-off sentences, spaces. */
import { unitFinding, type Check, type RawFinding, type Unit } from '../context.ts';
import { isCjk, termText } from '../text-view.ts';

const norm = (s: string) => termText(s).normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('en');

export const untranslated: Check = (ctx) => {
  const protectedWords = new Set(
    [...ctx.glossary.doNotTranslate, ...ctx.glossary.concepts.flatMap((c) => c.english)].flatMap((t) => t.toLowerCase().split(/[\s-]+/)),
  );
  const onlyProtected = (text: string) =>
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)
      .every((w) => protectedWords.has(w) || /^\d+$/.test(w));
  const findings: RawFinding[] = [];
  for (const l of ctx.locales) {
    for (const u of l.units) {
      if (!u.source || !u.target.prose.trim()) continue;
      if (norm(u.target.prose) === norm(u.source.prose)) {
        if (!onlyProtected(u.target.prose)) findings.push(unitFinding(u, 'untranslated', 'warning', 'the translation is the English text'));
        continue;
      }
      if (!isCjk(u.locale)) continue;
      // In a CJK translation, an English word of the source left as it is.
      const sourceWords = new Set(u.source.prose.match(/[A-Za-z]{3,}/g)?.map((w) => w.toLowerCase()) ?? []);
      const left = [...new Set(u.target.prose.match(/(?<![A-Za-z])[A-Za-z]{3,}(?![A-Za-z])/g) ?? [])].filter((w) => sourceWords.has(w.toLowerCase()) && !protectedWords.has(w.toLowerCase()));
      if (left.length > 0) findings.push(unitFinding(u, 'untranslated', 'warning', `English words left in the translation: ${left.join(', ')}`, `words|${left.join(',')}`, { find: new RegExp(`(?<![A-Za-z])${left[0]}(?![A-Za-z])`) }));
    }
  }
  return findings;
};

type EndMark = 'period' | 'exclamation' | 'question' | 'colon' | 'none';

function endMark(text: string): EndMark {
  const last = text.replace(/[\s)）"”’」』*_]+$/u, '').slice(-1);
  if (last === '.' || last === '。' || last === '．') return 'period';
  if (last === '!' || last === '！') return 'exclamation';
  if (last === '?' || last === '？') return 'question';
  if (last === ':' || last === '：') return 'colon';
  return 'none';
}

export const punctEnd: Check = (ctx) =>
  ctx.locales.flatMap((l) =>
    l.units.flatMap((u): RawFinding[] => {
      if (!u.source || u.blockType === 'heading') return [];
      const want = endMark(u.source.prose);
      const have = endMark(u.target.prose);
      if (want === have) return [];
      // Japanese ends a sentence that introduces a list with 。 where English has a colon.
      if (u.locale.startsWith('ja') && want === 'colon' && have === 'period') return [];
      return [unitFinding(u, 'punct.end', 'warning', `ends with ${have === 'none' ? 'no end mark' : `a ${have}`} where the English ends with ${want === 'none' ? 'none' : `a ${want}`}`, `${have}|${u.target.raw}`, LAST_CHARACTER)];
    }),
  );

/** A unit's last visible character: where an end mark is missing or wrong. */
const LAST_CHARACTER = { find: /\S\s*$/ };

const TERMINAL = /[.。!?！？:：)）"”」』]\s*$/u;

export const punctTruncated: Check = (ctx) => {
  const findings: RawFinding[] = [];
  for (const l of ctx.locales) {
    for (const [key, b] of l.blocks) {
      if (b.block.type !== 'paragraph') continue;
      const text = b.view.prose.trim();
      if ([...text].length <= 40) continue;
      const cut = text.endsWith('-') || !TERMINAL.test(text);
      if (!cut) continue;
      const others = ctx.locales.filter((o) => o !== l).flatMap((o) => {
        const ob = o.blocks.get(key);
        return ob ? [TERMINAL.test(ob.view.prose.trim()) && !ob.view.prose.trim().endsWith('-')] : [];
      });
      const ending = others.filter(Boolean).length;
      if (others.length > 0 && ending * 2 > others.length) {
        let end = b.block.end >= 0 ? b.block.end : l.src.lineStart(b.block.line + 1);
        while (end > 0 && /\s/.test(l.text[end - 1]!)) end -= 1;
        findings.push({
          check: 'punct.truncated',
          severity: 'error',
          locale: l.locale,
          file: l.file,
          ...l.src.at(Math.max(0, end - 1)),
          anchor: b.block.anchor,
          block: key,
          message: `the text stops mid-sentence (“…${text.slice(-24)}”) where ${ending} of ${others.length} other locales end the sentence`,
          subject: text,
        });
      }
    }
  }
  return findings;
};

/** Sentences: terminators followed by a space or the end (code masked, so `1.0.0` is no sentence). */
const sentences = (prose: string) => (prose.match(/[.!?。！？:](?=\s|$)|[。！？](?=\S)/gu) ?? []).length;

export const sentenceCount: Check = (ctx) =>
  ctx.locales.flatMap((l) =>
    l.units.flatMap((u): RawFinding[] => {
      if (!u.source || u.kind !== 'segment') return [];
      const want = sentences(u.source.prose);
      const have = sentences(u.target.prose);
      return want === have ? [] : [unitFinding(u, 'sentence.count', 'warning', `${have} sentence(s) where the English has ${want}`)];
    }),
  );

const edge = (s: string) => ({ lead: s.length - s.trimStart().length, trail: s.length - s.trimEnd().length });

export const wsSegment: Check = (ctx) =>
  ctx.locales.flatMap((l) =>
    l.units.flatMap((u: Unit): RawFinding[] => {
      if (!u.source) return [];
      const findings: RawFinding[] = [];
      // Runs inside the text only: list markers and indentation are before its first character.
      const inner = (s: string) => s.trim().replace(/`[^`]*`/g, '``');
      const runs = (s: string) => (inner(s).match(/ {2,}/g) ?? []).length;
      if (runs(u.target.raw) > runs(u.source.raw)) {
        findings.push(unitFinding(u, 'ws.segment', 'warning', `${runs(u.target.raw)} run(s) of two or more spaces where the English has ${runs(u.source.raw)}`, `runs|${u.target.raw}`, { find: /(?<=\S) {2,}(?=\S)/ }));
      }
      if (u.kind === 'segment') {
        const t = edge(u.target.raw);
        const s = edge(u.source.raw);
        if (t.lead !== s.lead || t.trail !== s.trail) {
          findings.push(unitFinding(u, 'ws.segment', 'warning', `edge spaces differ: ${t.lead} leading and ${t.trail} trailing, English ${s.lead} and ${s.trail}`, `edge|${u.target.raw}`, t.trail !== s.trail && t.lead === s.lead ? { find: /\s+$/ } : undefined));
        }
      }
      return findings;
    }),
  );
