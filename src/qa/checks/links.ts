/** Checks 6–9: where links point, and what MT did to their text and brackets. */
import { OffsetMap } from '../../pipeline/offset-map.ts';
import { neutralUrl } from '../../reader/align-blocks.ts';
import { unitFinding, type Check, type LocaleData, type RawFinding } from '../context.ts';
import { multisetDiff } from '../text-view.ts';

export const linkUrlParity: Check = (ctx) => {
  const findings: RawFinding[] = [];
  for (const l of ctx.locales) {
    for (const u of l.units) {
      if (!u.source) continue;
      const d = multisetDiff(u.source.urls.map(neutralUrl), u.target.urls.map(neutralUrl));
      if (d.missing.length || d.extra.length) {
        const parts = [d.missing.length ? `links missing to ${d.missing.join(', ')}` : '', d.extra.length ? `links not in the English to ${d.extra.join(', ')}` : ''].filter(Boolean);
        findings.push(unitFinding(u, 'link.url-parity', 'warning', parts.join('; ')));
      }
    }
    // Within one file, one URL should keep one text.
    const texts = new Map<string, { texts: Set<string>; line: number; anchor: string; block: string }>();
    for (const u of l.units) {
      for (const link of u.target.links) {
        const key = neutralUrl(link.url);
        const entry = texts.get(key) ?? { texts: new Set<string>(), line: u.line, anchor: u.anchor, block: u.block };
        entry.texts.add(link.text.trim());
        texts.set(key, entry);
      }
    }
    for (const [url, e] of texts) {
      if (e.texts.size >= 2) {
        findings.push({ check: 'link.url-parity', severity: 'info', locale: l.locale, file: l.file, line: e.line, anchor: e.anchor, block: e.block, message: `${url} is linked with ${e.texts.size} different texts: ${[...e.texts].map((t) => `“${t}”`).join(', ')}`, subject: `${url}|${[...e.texts].sort().join('|')}` });
      }
    }
  }
  return findings;
};

/**
 * The translation as Markdown text, span markup off, with code blanked out (same length, so offsets
 * still map) and a way back to lines of the file as received.
 */
function targetText(l: LocaleData) {
  // What the pipeline parsed: the checks never take the span markup off again.
  const stripped = { text: l.doc.parsed?.text ?? l.text, map: OffsetMap.fromRuns(l.doc.parsed?.runs ?? []) };
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  const masked = stripped.text
    .replace(/^( {0,3})(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:\n {0,3}\2[`~]*[ \t]*(?=\n|$)|$)/gm, blank)
    .replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, blank);
  const starts = [0];
  for (let i = 0; i < l.text.length; i++) if (l.text[i] === '\n') starts.push(i + 1);
  const lineOf = (offset: number) => {
    const original = stripped.map.toOriginal(offset);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= original) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  return { masked, lineOf };
}

/** The section (anchor) and block a line belongs to. */
function placeOf(l: LocaleData, line: number) {
  let block = l.doc.blocks[0];
  for (const b of l.doc.blocks) if (b.line <= line) block = b;
  return block ? { anchor: block.anchor, block: block.key } : {};
}

export const linkEmptyText: Check = (ctx) =>
  ctx.locales.flatMap((l) => {
    const { masked, lineOf } = targetText(l);
    return [...masked.matchAll(/(?<!!)\[\s*\]\(\s*<?([^)\s>]*)>?[^)]*\)/g)].map((m): RawFinding => {
      const line = lineOf(m.index);
      return { check: 'link.empty-text', severity: 'error', locale: l.locale, file: l.file, line, ...placeOf(l, line), message: `link to ${m[1]} has no text: readers see nothing to click`, subject: `${line}|${m[0]}` };
    });
  });

const INCLUDE = /\[!include\s*\[[^\]]*\]\([^)]*\)\]/gi;

export const linkNested: Check = (ctx) =>
  ctx.locales.flatMap((l) => {
    const { masked, lineOf } = targetText(l);
    const text = masked.replace(INCLUDE, (s) => ' '.repeat(s.length));
    const findings: RawFinding[] = [];
    // A bracket group holding a complete link, itself not a link.
    for (const m of text.matchAll(/\[([^[\]\n]*)\[([^\]\n]*)\]\(([^)\s]*)[^)]*\)([^[\]\n]*)\](?!\()/g)) {
      const line = lineOf(m.index);
      findings.push({ check: 'link.nested', severity: 'error', locale: l.locale, file: l.file, line, ...placeOf(l, line), message: `link inside a bracket group: “${m[0].trim()}” (MT moved the brackets)`, subject: m[0] });
    }
    // `[text] (url)`: a space between the brackets and the URL breaks the link.
    for (const m of text.matchAll(/\[[^[\]\n]+\] +\(([^)\s]+)\)/g)) {
      const line = lineOf(m.index);
      findings.push({ check: 'link.nested', severity: 'error', locale: l.locale, file: l.file, line, ...placeOf(l, line), message: `broken link: a space between “]” and “(”: ${m[0]}`, subject: m[0] });
    }
    return findings;
  });

const END_MARK = /[.。!?！？]\s*$/;
const START_MARK = /^\s*[、。,.;:]/;

export const linkScope: Check = (ctx) => {
  const findings: RawFinding[] = [];
  for (const l of ctx.locales) {
    for (const u of l.units) {
      for (const link of u.target.links) {
        if (START_MARK.test(link.text)) findings.push(unitFinding(u, 'link.scope', 'warning', `link text starts with punctuation: “${link.text.trim()}”`, `start|${link.text}`));
        if (!u.source) continue;
        const english = u.source.links.find((s) => neutralUrl(s.url) === neutralUrl(link.url));
        if (!english) continue;
        if (END_MARK.test(link.text) && !END_MARK.test(english.text)) {
          findings.push(unitFinding(u, 'link.scope', 'warning', `link text takes in the end of the sentence: “${link.text.trim()}” (English: “${english.text.trim()}”)`, `end|${link.text}`));
        }
        const before = (prose: string, text: string) => prose.slice(0, Math.max(0, prose.indexOf(text))).trim();
        if (link.text.trim() && before(u.target.text, link.text).length === 0 && u.target.text.trim().length - link.text.trim().length <= 1 && before(u.source.text, english.text).length > 0) {
          findings.push(unitFinding(u, 'link.scope', 'warning', `the link now spans the whole sentence; in the English it is only “${english.text.trim()}”`, `whole|${link.text}`));
        }
      }
    }
  }
  return findings;
};
